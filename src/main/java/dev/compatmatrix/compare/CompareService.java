package dev.compatmatrix.compare;

import dev.compatmatrix.compare.query.CompareQuery;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.ModelSelection;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.query.ModelDetailsQuery;
import dev.compatmatrix.modelpage.query.ModelOverview;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import dev.compatmatrix.recommendation.query.PerformanceComparison;
import dev.compatmatrix.recommendation.query.PerformanceQuery;
import dev.compatmatrix.recommendation.query.PerformanceRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Models side by side. Every value is read by the queries the model page reads (its claims, the matrix's marks, its
 * performance figures), so a model compared says exactly what its page says. Every signed-in role may read.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class CompareService {

    private final ModelDetailsQuery details;
    private final MatrixQuery matrix;
    private final PerformanceQuery performance;
    private final CompareQuery names;

    public CompareService(
            ModelDetailsQuery details, MatrixQuery matrix, PerformanceQuery performance, CompareQuery names) {
        this.details = details;
        this.matrix = matrix;
        this.performance = performance;
        this.names = names;
    }

    /**
     * The comparison of the selected models that exist (at most {@link ModelSelection#MAX}, the first ones), with the
     * names no model has in {@link Comparison#unknown()}.
     */
    public Comparison comparison(ModelSelection selection) {
        List<ModelOverview.Header> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : selection.names()) {
            details.header(name).ifPresentOrElse(found::add, () -> unknown.add(name));
        }
        List<ModelOverview.Header> compared = found.subList(0, Math.min(found.size(), ModelSelection.MAX));
        Map<Integer, MatrixRow> marks = new java.util.HashMap<>();
        matrix.rows(compared.stream().map(ModelOverview.Header::modelId).toList())
                .forEach(row -> marks.put(row.modelId(), row));
        Map<String, List<PerformanceChoice>> choices = new java.util.LinkedHashMap<>();
        compared.forEach(h -> choices.put(h.name(), performance.choices(h.name())));
        PerformanceChoice common = commonChoice(choices.values());

        Map<Platform, List<Comparison.Cell>> cells = new EnumMap<>(Platform.class);
        for (ModelOverview.Header model : compared) {
            Map<Platform, ModelOverview.ClaimRow> claims = new EnumMap<>(Platform.class);
            details.claims(model.modelId()).forEach(c -> claims.put(c.platform(), c));
            Map<Platform, PerformanceRow> figures = figures(model.name(), choices.get(model.name()), common);
            MatrixRow row = marks.get(model.modelId());
            for (Platform platform : Platform.values()) {
                cells.computeIfAbsent(platform, p -> new ArrayList<>())
                        .add(cell(
                                model.name(),
                                claims.get(platform),
                                row == null ? null : row.cell(platform),
                                figures.get(platform),
                                choiceOf(choices.get(model.name()), common)));
            }
        }
        List<Comparison.PlatformRow> rows = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            rows.add(new Comparison.PlatformRow(platform, cells.getOrDefault(platform, List.of())));
        }
        return new Comparison(compared.stream().map(ModelOverview.Header::name).toList(), rows, common, unknown);
    }

    /** A page of model names containing {@code text} (any case), by name, for the screen's model picker. */
    public List<String> comparableModels(String text, int offset, int limit) {
        return names.names(text, offset, limit);
    }

    /** How many model names contain {@code text} (any case). */
    public int comparableModelCount(String text) {
        return names.count(text);
    }

    /**
     * The model page's default choice among the choices every measured model has (models without any figures do not
     * narrow it); null when they share none.
     */
    private static PerformanceChoice commonChoice(java.util.Collection<List<PerformanceChoice>> choices) {
        Set<PerformanceChoice> shared = null;
        for (List<PerformanceChoice> own : choices) {
            if (own.isEmpty()) {
                continue;
            }
            if (shared == null) {
                shared = new LinkedHashSet<>(own);
            } else {
                shared.retainAll(own);
            }
        }
        return shared == null
                ? null
                : PerformanceComparison.defaultChoice(List.copyOf(shared)).orElse(null);
    }

    /** The common choice, else the model's own default one (the model page's first view), else none. */
    private static PerformanceChoice choiceOf(List<PerformanceChoice> own, PerformanceChoice common) {
        if (own.isEmpty()) {
            return null;
        }
        return common != null
                ? common
                : PerformanceComparison.defaultChoice(own).orElse(null);
    }

    private Map<Platform, PerformanceRow> figures(String model, List<PerformanceChoice> own, PerformanceChoice common) {
        PerformanceChoice choice = choiceOf(own, common);
        Map<Platform, PerformanceRow> figures = new EnumMap<>(Platform.class);
        if (choice != null) {
            performance.platforms(model, choice).forEach(r -> figures.put(r.platform(), r));
        }
        return figures;
    }

    private static Comparison.Cell cell(
            String model,
            ModelOverview.ClaimRow claim,
            MatrixRow.Cell marks,
            PerformanceRow figures,
            PerformanceChoice choice) {
        Comparison.Measurement measurement = figures == null
                ? null
                : new Comparison.Measurement(
                        choice, figures.throughputItemsPerS(), figures.latencyP50Ms(), figures.latencyP95Ms());
        if (claim == null) {
            return new Comparison.Cell(model, null, null, false, false, null, null, measurement);
        }
        return new Comparison.Cell(
                model,
                claim.level(),
                claim.status(),
                marks != null && marks.stale(),
                marks != null && marks.disputed(),
                claim.limitations(),
                claim.performanceNotes(),
                measurement);
    }
}
