package dev.compatmatrix.timetravel;

import static dev.compatmatrix.matrix.CompatibilityLevel.HIGH;
import static dev.compatmatrix.matrix.CompatibilityLevel.LOW;
import static dev.compatmatrix.matrix.CompatibilityLevel.MEDIUM;
import static dev.compatmatrix.matrix.ValidationStatus.UNVALIDATED;
import static dev.compatmatrix.matrix.ValidationStatus.VALIDATED;

import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
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
import dev.compatmatrix.matrix.store.ValidatorRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A history written through {@link MatrixWriter} at chosen times in 2026 (before the tests' clock, 2026-11-27), and
 * the cells the matrix must show at the end of each of six days — plain data, for the kernel test
 * ({@code HandBuiltHistoryTest}) and for tests of the screens and APIs over the same history.
 *
 * <p>The story (all at 09:00 UTC; the validation age limit is the default 180 days):
 * <ul>
 *   <li>{@code alpha}, created 2026-01-05. CUDA: created low 01-10, raised to high 02-10, lowered to medium 04-10,
 *       removed 06-10, re-created high 08-10. CPU: created high 01-10, validated 01-20 (framework 2.1), stale by age
 *       from the end of 07-18 on.
 *   <li>{@code beta}, created 2026-01-05: CUDA medium from 01-10; the model deleted 07-01.
 *   <li>{@code gamma}, created 2026-03-01. ROCm: created medium 03-05 (framework 6.0), validated 09-01, its framework
 *       version edited to 6.1 on 10-01 (no change of substance, so the validation stays — stale by the new version).
 * </ul>
 * Model names are {@code prefix + "alpha"} etc., so two tests can write the story into one database.
 */
public final class HandBuiltHistory {

    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    public static final String GAMMA = "gamma";

    /** The six days; each shows the matrix at the day's end. */
    public static final List<LocalDate> DATES = List.of(
            LocalDate.of(2026, 1, 15),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 7, 25),
            LocalDate.of(2026, 9, 15),
            LocalDate.of(2026, 10, 15));

    /** A cell as the matrix shows it: model (without prefix), platform, level, validation, stale. */
    public record Cell(
            String model, Platform platform, CompatibilityLevel level, ValidationStatus validation, boolean stale) {

        /** {@code level validation[ stale]}, as {@link #shown} compares cells. */
        public String shown() {
            return level.key() + " " + validation.key() + (stale ? " stale" : "");
        }
    }

    /** A cell whose level or validation differs between two days; null level and validation: not tested then. */
    public record Change(
            String model,
            Platform platform,
            CompatibilityLevel levelBefore,
            ValidationStatus validationBefore,
            CompatibilityLevel levelAfter,
            ValidationStatus validationAfter) {

        @Override
        public String toString() {
            return model + "/" + platform.key() + ": " + side(levelBefore, validationBefore) + " -> "
                    + side(levelAfter, validationAfter);
        }

        private static String side(CompatibilityLevel level, ValidationStatus validation) {
            return level == null ? "not tested" : level.key() + " " + validation.key();
        }
    }

    /** The cells of the story's models at the end of each of {@link #DATES}, in that order. */
    public static final Map<LocalDate, List<Cell>> EXPECTED = expected();

    private static Map<LocalDate, List<Cell>> expected() {
        Map<LocalDate, List<Cell>> cells = new LinkedHashMap<>();
        cells.put(
                DATES.get(0),
                List.of(
                        new Cell(ALPHA, Platform.CPU, HIGH, UNVALIDATED, false),
                        new Cell(ALPHA, Platform.CUDA, LOW, UNVALIDATED, false),
                        new Cell(BETA, Platform.CUDA, MEDIUM, UNVALIDATED, false)));
        cells.put(
                DATES.get(1),
                List.of(
                        new Cell(ALPHA, Platform.CPU, HIGH, VALIDATED, false),
                        new Cell(ALPHA, Platform.CUDA, HIGH, UNVALIDATED, false),
                        new Cell(BETA, Platform.CUDA, MEDIUM, UNVALIDATED, false)));
        cells.put(
                DATES.get(2),
                List.of(
                        new Cell(ALPHA, Platform.CPU, HIGH, VALIDATED, false),
                        new Cell(ALPHA, Platform.CUDA, MEDIUM, UNVALIDATED, false),
                        new Cell(BETA, Platform.CUDA, MEDIUM, UNVALIDATED, false),
                        new Cell(GAMMA, Platform.ROCM, MEDIUM, UNVALIDATED, false)));
        cells.put(
                DATES.get(3),
                List.of(
                        new Cell(ALPHA, Platform.CPU, HIGH, VALIDATED, true),
                        new Cell(GAMMA, Platform.ROCM, MEDIUM, UNVALIDATED, false)));
        cells.put(
                DATES.get(4),
                List.of(
                        new Cell(ALPHA, Platform.CPU, HIGH, VALIDATED, true),
                        new Cell(ALPHA, Platform.CUDA, HIGH, UNVALIDATED, false),
                        new Cell(GAMMA, Platform.ROCM, MEDIUM, VALIDATED, false)));
        cells.put(
                DATES.get(5),
                List.of(
                        new Cell(ALPHA, Platform.CPU, HIGH, VALIDATED, true),
                        new Cell(ALPHA, Platform.CUDA, HIGH, UNVALIDATED, false),
                        new Cell(GAMMA, Platform.ROCM, MEDIUM, VALIDATED, true)));
        return cells;
    }

    /** The models that existed at the end of each of {@link #DATES} (gamma from 03-01; beta until 07-01). */
    public static final Map<LocalDate, List<String>> EXPECTED_MODELS = Map.of(
            DATES.get(0), List.of(ALPHA, BETA),
            DATES.get(1), List.of(ALPHA, BETA, GAMMA),
            DATES.get(2), List.of(ALPHA, BETA, GAMMA),
            DATES.get(3), List.of(ALPHA, GAMMA),
            DATES.get(4), List.of(ALPHA, GAMMA),
            DATES.get(5), List.of(ALPHA, GAMMA));

    /** Two of the fifteen differences, spelled out (the others follow from {@link #EXPECTED} by {@link #changes}). */
    public static final List<String> CHANGES_MAY_TO_JULY =
            List.of("alpha/cuda: medium unvalidated -> not tested", "beta/cuda: medium unvalidated -> not tested");

    public static final List<String> CHANGES_JANUARY_TO_OCTOBER = List.of(
            "alpha/cpu: high unvalidated -> high validated",
            "alpha/cuda: low unvalidated -> high unvalidated",
            "beta/cuda: medium unvalidated -> not tested",
            "gamma/rocm: not tested -> medium validated");

    /** The cells whose level or validation differs between the ends of two days, by model then platform key. */
    public static List<Change> changes(LocalDate from, LocalDate to) {
        Map<String, Cell> before = byCell(EXPECTED.get(from));
        Map<String, Cell> after = byCell(EXPECTED.get(to));
        List<Change> changes = new ArrayList<>();
        for (String key : new TreeSet<>(union(before, after))) {
            Cell a = before.get(key);
            Cell b = after.get(key);
            Cell either = a != null ? a : b;
            if (a == null || b == null || a.level() != b.level() || a.validation() != b.validation()) {
                changes.add(new Change(
                        either.model(),
                        either.platform(),
                        a == null ? null : a.level(),
                        a == null ? null : a.validation(),
                        b == null ? null : b.level(),
                        b == null ? null : b.validation()));
            }
        }
        return changes;
    }

    /** The expected cells at the end of {@code day}, keyed {@code prefix+model/platform}, as {@link Cell#shown}. */
    public static Map<String, String> shown(String prefix, LocalDate day) {
        Map<String, String> shown = new TreeMap<>();
        EXPECTED.get(day)
                .forEach(c -> shown.put(prefix + c.model() + "/" + c.platform().key(), c.shown()));
        return shown;
    }

    private static Map<String, Cell> byCell(List<Cell> cells) {
        Map<String, Cell> byCell = new TreeMap<>();
        cells.forEach(c -> byCell.put(c.model() + "/" + c.platform().key(), c));
        return byCell;
    }

    private static java.util.Set<String> union(Map<String, Cell> a, Map<String, Cell> b) {
        java.util.Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** What the writes need: the writer and the kernel repositories it reads ids and claims from. */
    public record Beans(
            MatrixWriter writer,
            ClaimRepository claims,
            DerivedColumnsRepository matrixRows,
            ValidatorRepository validators,
            JdbcClient jdbc) {}

    private static final String USER = "history-fixture";

    /** Writes the story with models named {@code prefix + ALPHA} etc.; returns their model ids by name (no prefix). */
    public static Map<String, Integer> write(Beans beans, String prefix) {
        Map<String, ModelRef> models = new LinkedHashMap<>();
        int validator = beans.validators().insert(prefix + "history validator", "human", null, null, 3, at(1, 1));
        models.put(ALPHA, model(beans, prefix + ALPHA, at(1, 5)));
        models.put(BETA, model(beans, prefix + BETA, at(1, 5)));

        create(beans, models.get(ALPHA), Platform.CUDA, LOW, "2.1", at(1, 10));
        create(beans, models.get(ALPHA), Platform.CPU, HIGH, "2.1", at(1, 10));
        create(beans, models.get(BETA), Platform.CUDA, MEDIUM, "2.1", at(1, 10));
        approve(beans, models.get(ALPHA), Platform.CPU, validator, "2.1", at(1, 20));
        edit(beans, models.get(ALPHA), Platform.CUDA, HIGH, "2.2", at(2, 10));
        models.put(GAMMA, model(beans, prefix + GAMMA, at(3, 1)));
        create(beans, models.get(GAMMA), Platform.ROCM, MEDIUM, "6.0", at(3, 5));
        edit(beans, models.get(ALPHA), Platform.CUDA, MEDIUM, "2.2", at(4, 10));
        remove(beans, models.get(ALPHA), Platform.CUDA, at(6, 10));
        deleteModel(beans, models.get(BETA), at(7, 1));
        create(beans, models.get(ALPHA), Platform.CUDA, HIGH, "2.3", at(8, 10));
        approve(beans, models.get(GAMMA), Platform.ROCM, validator, "6.0", at(9, 1));
        edit(beans, models.get(GAMMA), Platform.ROCM, MEDIUM, "6.1", at(10, 1));

        Map<String, Integer> ids = new LinkedHashMap<>();
        models.forEach((name, ref) -> ids.put(name, ref.modelId()));
        return ids;
    }

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 9, 0);
    }

    private static ModelRef model(Beans beans, String name, LocalDateTime now) {
        int id = beans.jdbc()
                .sql("""
                        INSERT INTO models (model_name, model_family, model_type, model_size, parameters_millions,
                                            source_url, created_at, row_version)
                        VALUES (:name, 'history', 'text_generation', 'base', 100, NULL, :now, 1) RETURNING model_id""")
                .param("name", name)
                .param("now", now)
                .query(Integer.class)
                .single();
        ModelRef ref = new ModelRef(id, beans.matrixRows().newIds(1).getFirst());
        beans.writer()
                .addModels(
                        List.of(new MatrixWriter.NewMatrixRow(
                                ref,
                                new dev.compatmatrix.matrix.ModelData(
                                        name,
                                        "history",
                                        dev.compatmatrix.matrix.ModelType.TEXT_GENERATION,
                                        dev.compatmatrix.matrix.ModelSize.BASE,
                                        100.0,
                                        null))),
                        now);
        return ref;
    }

    private static ClaimData data(CompatibilityLevel level, String frameworkVersion) {
        return new ClaimData(level, null, null, null, null, frameworkVersion, null, null, null, false);
    }

    private static void create(
            Beans beans,
            ModelRef model,
            Platform platform,
            CompatibilityLevel level,
            String version,
            LocalDateTime now) {
        long id = beans.claims().newIds(1).getFirst();
        beans.writer()
                .writeClaims(
                        List.of(new ClaimChange.Create(
                                id, model, platform, data(level, version), Validation.RESET, "history", version)),
                        List.of(),
                        USER,
                        now);
    }

    /** A new level (the validation resets) or, at the same level, a new framework version (the validation stays). */
    private static void edit(
            Beans beans,
            ModelRef model,
            Platform platform,
            CompatibilityLevel level,
            String version,
            LocalDateTime now) {
        Claim loaded = claim(beans, model, platform);
        beans.writer()
                .writeClaims(
                        List.of(ClaimChange.edit(loaded, model, data(level, version), "history", version)),
                        List.of(),
                        USER,
                        now);
    }

    private static void remove(Beans beans, ModelRef model, Platform platform, LocalDateTime now) {
        beans.writer()
                .writeClaims(
                        List.of(ClaimChange.remove(claim(beans, model, platform), model, "history")),
                        List.of(),
                        USER,
                        now);
    }

    private static void approve(
            Beans beans, ModelRef model, Platform platform, int validator, String version, LocalDateTime now) {
        Claim claim = claim(beans, model, platform);
        ReviewRow review = new ReviewRow(
                claim.claimId(),
                claim.version(),
                model.modelId(),
                platform,
                claim.data().level(),
                validator,
                USER,
                3,
                Review.Decision.APPROVE,
                VALIDATED,
                null,
                version,
                now);
        beans.writer()
                .recordReviews(
                        List.of(new ReviewChange(review, Validation.by(VALIDATED, validator), null)),
                        List.of(),
                        USER,
                        now);
    }

    private static void deleteModel(Beans beans, ModelRef model, LocalDateTime now) {
        beans.jdbc()
                .sql("UPDATE models SET deleted_at = :now, row_version = row_version + 1 WHERE model_id = :id")
                .param("now", now)
                .param("id", model.modelId())
                .update();
        beans.writer().deleteModel(model.modelId(), "history", USER, now);
    }

    private static Claim claim(Beans beans, ModelRef model, Platform platform) {
        return Objects.requireNonNull(
                beans.claims().find(model.modelId(), platform).orElse(null), "no claim at " + platform);
    }
}
