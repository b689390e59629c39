package dev.compatmatrix.catalog;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.MatrixWriter.EditedModel;
import dev.compatmatrix.matrix.store.MatrixWriter.NewMatrixRow;
import dev.compatmatrix.recommendation.repository.PerformanceResultRepository;
import dev.compatmatrix.recommendation.repository.RecommendationRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating and editing models (editors and admins) and deleting them (admins only). Each change is one transaction with an
 * audit row; deleting a model removes its claims (each with a closing history row), its matrix row, its
 * recommendations and its performance results, and keeps the model row hidden so its history stays readable.
 */
@Service
@PreAuthorize(Roles.HAS_EDITOR_OR_ADMIN)
public class CatalogService {

    private final ModelRepository models;
    private final DerivedColumnsRepository matrixRows;
    private final MatrixWriter writer;
    private final RecommendationRepository recommendations;
    private final PerformanceResultRepository performance;
    private final AuditLog audit;
    private final Validator validator;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public CatalogService(
            ModelRepository models,
            DerivedColumnsRepository matrixRows,
            MatrixWriter writer,
            RecommendationRepository recommendations,
            PerformanceResultRepository performance,
            AuditLog audit,
            Validator validator,
            TransactionTemplate transaction,
            Clock clock) {
        this.performance = performance;
        this.models = models;
        this.matrixRows = matrixRows;
        this.writer = writer;
        this.recommendations = recommendations;
        this.audit = audit;
        this.validator = validator;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PreAuthorize(Roles.HAS_VIEWER)
    public Optional<MlModel> find(String name) {
        return models.findByName(name);
    }

    /** Adds a model with every platform not tested. */
    public MlModel create(ModelData data) {
        check(data, null);
        String user = Actor.name();
        try {
            return transaction.execute(status -> {
                LocalDateTime now = LocalDateTime.now(clock);
                int id = models.insert(data, now);
                writer.addModels(
                        List.of(new NewMatrixRow(
                                new ModelRef(id, matrixRows.newIds(1).getFirst()), data)),
                        now);
                audit.record(
                        user, "model.create", "models", id, "Created model " + data.name(), null, fields(data), now);
                return models.findByName(data.name()).orElseThrow();
            });
        } catch (DataIntegrityViolationException e) {
            // Someone created the same name between the check and the insert; the unique constraint held.
            throw new InvalidChangeException(Map.of("name", nameTakenMessage(data.name())));
        }
    }

    /** Saves an edit of {@code loaded}; refused when someone saved a newer version in between. */
    public MlModel update(MlModel loaded, ModelData data) {
        check(data, loaded.data().name());
        String user = Actor.name();
        return transaction.execute(status -> {
            if (!models.update(loaded.modelId(), loaded.version(), data)) {
                throw new ModelConflictException(
                        "Someone changed or deleted " + loaded.data().name()
                                + " after you opened it. Nothing was saved; reopen it to see the current values.");
            }
            LocalDateTime now = LocalDateTime.now(clock);
            writer.updateModels(List.of(new EditedModel(loaded.modelId(), data)), now);
            audit.record(
                    user,
                    "model.update",
                    "models",
                    loaded.modelId(),
                    "Edited model " + data.name(),
                    fields(loaded.data()),
                    fields(data),
                    now);
            return models.findByName(data.name()).orElseThrow();
        });
    }

    /** Deletes a model: its claims end in history, the model row is kept hidden. Admins only. */
    @PreAuthorize(Roles.HAS_ADMIN)
    public void delete(MlModel loaded, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidChangeException(Map.of("reason", "Deleting a model needs a reason"));
        }
        String user = Actor.name();
        transaction.executeWithoutResult(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            if (!models.markDeleted(loaded.modelId(), loaded.version(), now)) {
                throw new ModelConflictException("Someone changed or deleted "
                        + loaded.data().name() + " after you opened it. Nothing was deleted.");
            }
            writer.deleteModel(loaded.modelId(), "Model deleted: " + reason.strip(), user, now);
            recommendations.deleteForModel(loaded.modelId());
            performance.deleteForModel(loaded.modelId());
            audit.record(
                    user,
                    "model.delete",
                    "models",
                    loaded.modelId(),
                    "Deleted model " + loaded.data().name() + ": " + reason.strip(),
                    fields(loaded.data()),
                    null,
                    now);
        });
    }

    /** Field rules, and a unique name ({@code currentName} is the model's own name when editing). */
    private void check(ModelData data, String currentName) {
        Map<String, String> errors = new LinkedHashMap<>();
        validator
                .validate(data)
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (!errors.containsKey("name")
                && !data.name().equalsIgnoreCase(currentName)
                && models.nameTaken(data.name())) {
            errors.put("name", nameTakenMessage(data.name()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
    }

    private static String nameTakenMessage(String name) {
        return "A model named '" + name + "' exists already (or existed: deleted models keep their name)";
    }

    private static Map<String, Object> fields(ModelData data) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", data.name());
        fields.put("family", data.family());
        fields.put("type", data.type().key());
        fields.put("size", data.size().key());
        fields.put("parametersMillions", data.parametersMillions());
        fields.put("sourceUrl", data.sourceUrl());
        return fields;
    }
}
