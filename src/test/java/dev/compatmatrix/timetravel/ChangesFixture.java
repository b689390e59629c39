package dev.compatmatrix.timetravel;

import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ReviewChange;
import dev.compatmatrix.matrix.store.Validation;
import dev.compatmatrix.timetravel.query.CellChange;
import dev.compatmatrix.timetravel.query.ChangesFilter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hand-built history, written through the matrix writer at chosen times, in a family of its own so that the demo
 * data's changes stay out of the lists ({@link #ONLY_FIXTURE}). Written once per database.
 *
 * <pre>
 * alpha (created 05-01)  cuda: Medium 05-02, High 05-10, Low 06-10, removed 07-10, Medium again 08-10
 *                        cpu:  High 05-02, validated 05-20, an edit 06-20 resets the validation
 * beta  (created 05-01)  rocm: High 05-03; the model is deleted 07-20
 * gamma (created 07-01)  webgpu: Low 07-02
 * delta (created 05-01)  cpu: Low 05-03, High 06-01;  cuda: High 05-03, Unsupported 06-05
 * </pre>
 */
public final class ChangesFixture {

    public static final String FAMILY = "ttc fixture";
    public static final ChangesFilter ONLY_FIXTURE = new ChangesFilter(null, FAMILY, null, null);
    public static final String ALPHA = "ttc-alpha";
    public static final String BETA = "ttc-beta";
    public static final String GAMMA = "ttc-gamma";
    public static final String DELTA = "ttc-delta";
    private static final String USER = "changes-fixture";

    /** The changes between each pair of the fixture's dates, as the history says they must be. */
    public static final Map<String, List<String>> EXPECTED = Map.of(
            "2026-05-05 2026-05-25",
            List.of(
                    ALPHA + " cuda medium/unvalidated → high/unvalidated improved",
                    ALPHA + " cpu high/unvalidated → high/validated validation_changed"),
            "2026-05-25 2026-06-25",
            List.of(
                    ALPHA + " cuda high/unvalidated → low/unvalidated regressed",
                    ALPHA + " cpu high/validated → high/unvalidated validation_changed",
                    DELTA + " cuda high/unvalidated → unsupported/unvalidated regressed",
                    DELTA + " cpu low/unvalidated → high/unvalidated improved"),
            "2026-06-25 2026-07-25",
            List.of(
                    ALPHA + " cuda low/unvalidated → — removed",
                    BETA + " rocm high/unvalidated → — removed",
                    GAMMA + " webgpu — → low/unvalidated newly_tested"),
            "2026-07-25 2026-08-25",
            List.of(ALPHA + " cuda — → medium/unvalidated newly_tested"),
            "2026-05-25 2026-07-25",
            List.of(
                    DELTA + " cuda high/unvalidated → unsupported/unvalidated regressed",
                    DELTA + " cpu low/unvalidated → high/unvalidated improved",
                    ALPHA + " cuda high/unvalidated → — removed",
                    ALPHA + " cpu high/validated → high/unvalidated validation_changed",
                    BETA + " rocm high/unvalidated → — removed",
                    GAMMA + " webgpu — → low/unvalidated newly_tested"),
            "2026-05-05 2026-08-25",
            List.of(
                    DELTA + " cuda high/unvalidated → unsupported/unvalidated regressed",
                    DELTA + " cpu low/unvalidated → high/unvalidated improved",
                    BETA + " rocm high/unvalidated → — removed",
                    GAMMA + " webgpu — → low/unvalidated newly_tested"));

    /** "model platform before → after kind", before and after as "level/validation" or "—". */
    public static List<String> lines(List<CellChange> changes) {
        return changes.stream().map(ChangesFixture::line).toList();
    }

    public static String line(CellChange c) {
        return c.modelName() + " " + c.platform().key() + " " + state(c.beforeLevel(), c.beforeValidation()) + " → "
                + state(c.afterLevel(), c.afterValidation()) + " " + c.kind().key();
    }

    private static String state(Object level, Object validation) {
        return level == null
                ? "—"
                : level.toString().toLowerCase() + "/" + validation.toString().toLowerCase();
    }

    private final ModelRepository models;
    private final DerivedColumnsRepository matrixRows;
    private final ClaimRepository claims;
    private final MatrixWriter writer;
    private final JdbcClient jdbc;

    private ChangesFixture(ApplicationContext context) {
        models = context.getBean(ModelRepository.class);
        matrixRows = context.getBean(DerivedColumnsRepository.class);
        claims = context.getBean(ClaimRepository.class);
        writer = context.getBean(MatrixWriter.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    /** Writes the history unless this database has it already. */
    public static synchronized void ensure(ApplicationContext context) {
        ChangesFixture fixture = new ChangesFixture(context);
        if (fixture.models.findByName(ALPHA).isEmpty()) {
            fixture.write();
        }
    }

    /**
     * Runs {@code test} while a snapshot of this name, taken at {@code takenAt}, exists; removed afterwards so that
     * other tests over the same database see the snapshots they made themselves.
     */
    public static void withSnapshot(ApplicationContext context, String name, LocalDateTime takenAt, Runnable test) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("INSERT INTO snapshots (name, taken_at, created_by) VALUES (:name, :takenAt, :user)")
                .param("name", name)
                .param("takenAt", takenAt)
                .param("user", USER)
                .update();
        try {
            test.run();
        } finally {
            jdbc.sql("DELETE FROM snapshots WHERE name = :name")
                    .param("name", name)
                    .update();
        }
    }

    private void write() {
        ModelRef alpha = model(ALPHA, ModelType.TEXT_GENERATION, at(5, 1));
        ModelRef beta = model(BETA, ModelType.VISION, at(5, 1));
        ModelRef delta = model(DELTA, ModelType.VISION, at(5, 1));
        create(alpha, Platform.CUDA, CompatibilityLevel.MEDIUM, at(5, 2));
        create(alpha, Platform.CPU, CompatibilityLevel.HIGH, at(5, 2));
        create(beta, Platform.ROCM, CompatibilityLevel.HIGH, at(5, 3));
        create(delta, Platform.CPU, CompatibilityLevel.LOW, at(5, 3));
        create(delta, Platform.CUDA, CompatibilityLevel.HIGH, at(5, 3));
        level(alpha, Platform.CUDA, CompatibilityLevel.HIGH, at(5, 10));
        approve(alpha, Platform.CPU, at(5, 20));
        level(delta, Platform.CPU, CompatibilityLevel.HIGH, at(6, 1));
        level(delta, Platform.CUDA, CompatibilityLevel.UNSUPPORTED, at(6, 5));
        level(alpha, Platform.CUDA, CompatibilityLevel.LOW, at(6, 10));
        editNotes(alpha, Platform.CPU, at(6, 20));
        ModelRef gamma = model(GAMMA, ModelType.AUDIO, at(7, 1));
        create(gamma, Platform.WEBGPU, CompatibilityLevel.LOW, at(7, 2));
        remove(alpha, Platform.CUDA, at(7, 10));
        delete(BETA, beta, at(7, 20));
        create(alpha, Platform.CUDA, CompatibilityLevel.MEDIUM, at(8, 10));
    }

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }

    private ModelRef model(String name, ModelType type, LocalDateTime now) {
        ModelData data = new ModelData(name, FAMILY, type, ModelSize.SMALL, 100.0, null);
        int id = models.insert(data, now);
        ModelRef ref = new ModelRef(id, matrixRows.newIds(1).getFirst());
        writer.addModels(List.of(new MatrixWriter.NewMatrixRow(ref, data)), now);
        return ref;
    }

    private void create(ModelRef model, Platform platform, CompatibilityLevel level, LocalDateTime now) {
        ClaimData data = new ClaimData(level, null, null, null, null, "1.0", null, null, null, false);
        writer.writeClaims(
                List.of(new ClaimChange.Create(
                        claims.newIds(1).getFirst(), model, platform, data, Validation.RESET, "Tested", "1.0")),
                List.of(),
                USER,
                now);
    }

    private Claim claim(ModelRef model, Platform platform) {
        return claims.find(model.modelId(), platform).orElseThrow();
    }

    private void level(ModelRef model, Platform platform, CompatibilityLevel level, LocalDateTime now) {
        Claim claim = claim(model, platform);
        update(model, claim, claim.data().withLevel(level), "Re-tested", "1.1", now);
    }

    /** A change of substance at the same level: the validation is reset. */
    private void editNotes(ModelRef model, Platform platform, LocalDateTime now) {
        Claim claim = claim(model, platform);
        ClaimData d = claim.data();
        ClaimData edited = new ClaimData(
                d.level(), "Needs 16 GB", null, null, null, d.frameworkVersion(), null, null, null, false);
        update(model, claim, edited, null, null, now);
    }

    private void update(ModelRef model, Claim claim, ClaimData data, String reason, String version, LocalDateTime now) {
        writer.writeClaims(
                List.of(new ClaimChange.Update(
                        claim.claimId(),
                        claim.version(),
                        model,
                        claim.platform(),
                        claim.data().level(),
                        data,
                        Validation.RESET,
                        reason,
                        version)),
                List.of(),
                USER,
                now);
    }

    private void approve(ModelRef model, Platform platform, LocalDateTime now) {
        Claim claim = claim(model, platform);
        int validatorId = jdbc.sql("SELECT min(validator_id) FROM validators")
                .query(Integer.class)
                .single();
        ReviewRow review = new ReviewRow(
                claim.claimId(),
                claim.version(),
                model.modelId(),
                platform,
                claim.data().level(),
                validatorId,
                USER,
                3,
                Review.Decision.APPROVE,
                ValidationStatus.VALIDATED,
                "Checked",
                claim.data().frameworkVersion(),
                now);
        writer.recordReviews(
                List.of(new ReviewChange(review, Validation.by(ValidationStatus.VALIDATED, validatorId), null)),
                List.of(),
                USER,
                now);
    }

    private void remove(ModelRef model, Platform platform, LocalDateTime now) {
        Claim claim = claim(model, platform);
        writer.writeClaims(
                List.of(new ClaimChange.Remove(
                        claim.claimId(),
                        claim.version(),
                        model,
                        platform,
                        claim.data().level(),
                        "Withdrawn",
                        "1.1")),
                List.of(),
                USER,
                now);
    }

    private void delete(String name, ModelRef model, LocalDateTime now) {
        MlModel loaded = models.findByName(name).orElseThrow();
        models.markDeleted(loaded.modelId(), loaded.version(), now);
        writer.deleteModel(model.modelId(), "Model deleted: retired", USER, now);
    }
}
