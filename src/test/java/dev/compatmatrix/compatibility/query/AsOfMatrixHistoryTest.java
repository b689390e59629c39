package dev.compatmatrix.compatibility.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.Validation;
import dev.compatmatrix.matrix.time.PointInTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small history written through the matrix writer at chosen times — a model created, two claims made, one lowered,
 * the model deleted — and the matrix as of the end of each day around it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfMatrixHistoryTest extends WritingIntegrationTest {

    private static final String NAME = "asof-history-model";
    private static final MatrixFilter ONLY_IT = new MatrixFilter(NAME, null, null, null, null, null, null);
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 11, 10, 9, 0);
    private static final LocalDateTime CLAIMED = LocalDateTime.of(2026, 11, 12, 9, 0);
    private static final LocalDateTime LOWERED = LocalDateTime.of(2026, 11, 14, 9, 0);
    private static final LocalDateTime DELETED = LocalDateTime.of(2026, 11, 17, 9, 0);

    @Autowired
    AsOfMatrixQuery asOf;

    @Autowired
    CompatibilityService service;

    @Autowired
    ModelRepository models;

    @Autowired
    DerivedColumnsRepository matrixRows;

    @Autowired
    ClaimRepository claims;

    @Autowired
    MatrixWriter writer;

    @Autowired
    TransactionTemplate transaction;

    @BeforeAll
    void writeTheHistory() {
        ModelRef model = transaction.execute(status -> {
            ModelData data =
                    new ModelData(NAME, "asofhistory", ModelType.TEXT_GENERATION, ModelSize.SMALL, 120.0, null);
            int id = models.insert(data, CREATED);
            ModelRef ref = new ModelRef(id, matrixRows.newIds(1).getFirst());
            writer.addModels(List.of(new MatrixWriter.NewMatrixRow(ref, data)), CREATED);
            return ref;
        });
        List<Long> ids = claims.newIds(2);
        writer.writeClaims(
                List.of(
                        new ClaimChange.Create(
                                ids.get(0),
                                model,
                                Platform.CUDA,
                                data(CompatibilityLevel.HIGH, "2.3.0"),
                                Validation.RESET,
                                "Tested",
                                "2.3.0"),
                        new ClaimChange.Create(
                                ids.get(1),
                                model,
                                Platform.CPU,
                                data(CompatibilityLevel.MEDIUM, null),
                                Validation.RESET,
                                "Tested",
                                null)),
                List.of(),
                "asof-test",
                CLAIMED);
        var cuda = claims.find(model.modelId(), Platform.CUDA).orElseThrow();
        writer.writeClaims(
                List.of(ClaimChange.edit(cuda, model, data(CompatibilityLevel.LOW, "2.4.0"), "Regressed", "2.4.0")),
                List.of(),
                "asof-test",
                LOWERED);
        transaction.executeWithoutResult(status -> {
            int version = models.findByName(NAME).orElseThrow().version();
            models.markDeleted(model.modelId(), version, DELETED);
            writer.deleteModel(model.modelId(), "Model deleted: retired", "asof-test", DELETED);
        });
        asOf.clearCache();
    }

    private static ClaimData data(CompatibilityLevel level, String frameworkVersion) {
        return new ClaimData(level, null, null, null, null, frameworkVersion, null, null, null, false);
    }

    private List<MatrixRow> at(int dayOfNovember) {
        PointInTime point = PointInTime.endOf(LocalDate.of(2026, 11, dayOfNovember));
        assertThat(asOf.count(point, ONLY_IT)).isEqualTo(asOf.orderedIds(point, ONLY_IT, MatrixSort.BY_NAME).length);
        return asOf.page(point, ONLY_IT, MatrixSort.BY_NAME, 0, 50);
    }

    private static Map<Platform, CompatibilityLevel> levels(MatrixRow row) {
        var levels = new java.util.EnumMap<Platform, CompatibilityLevel>(Platform.class);
        row.cells().forEach((platform, cell) -> levels.put(platform, cell.level()));
        return levels;
    }

    @Test
    void a_model_is_absent_before_it_was_created_and_after_it_was_deleted() {
        assertThat(at(9)).isEmpty();
        assertThat(at(17)).isEmpty();
        assertThat(at(26)).isEmpty();
    }

    @Test
    void a_new_model_has_no_claims_score_zero_and_no_recommendation() {
        List<MatrixRow> rows = at(10);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo(NAME);
            assertThat(row.cells()).isEmpty();
            assertThat(row.score()).isZero();
            assertThat(row.recommended()).isNull();
        });
        assertThat(at(11)).hasSize(1);
    }

    @Test
    void the_claims_as_made_then_lowered_with_score_and_recommendation_by_the_score_rule() {
        MatrixRow made = at(12).getFirst();
        assertThat(levels(made))
                .isEqualTo(Map.of(Platform.CUDA, CompatibilityLevel.HIGH, Platform.CPU, CompatibilityLevel.MEDIUM));
        assertThat(made.cell(Platform.CUDA).status()).isEqualTo(ValidationStatus.UNVALIDATED);
        assertThat(made.score())
                .isEqualTo(
                        dev.compatmatrix.matrix.ScoreRule.derive(levels(made)).score());
        assertThat(made.score()).isGreaterThan(0.2);
        assertThat(made.recommended()).isEqualTo(Platform.CUDA);
        assertThat(levels(at(13).getFirst())).isEqualTo(levels(made));

        for (int day : new int[] {14, 16}) {
            MatrixRow lowered = at(day).getFirst();
            assertThat(levels(lowered))
                    .isEqualTo(Map.of(Platform.CUDA, CompatibilityLevel.LOW, Platform.CPU, CompatibilityLevel.MEDIUM));
            assertThat(lowered.recommended()).isEqualTo(Platform.CPU);
            assertThat(lowered.score()).isLessThan(made.score());
            assertThat(lowered.lastUpdated()).isEqualTo(LOWERED);
        }
    }

    @Test
    void the_deleted_model_is_shown_by_filters_and_sorts_of_the_days_it_existed() {
        PointInTime lowered = PointInTime.endOf(LocalDate.of(2026, 11, 15));
        MatrixFilter cpuSupported = ONLY_IT.withPlatform(Platform.CPU, PlatformState.SUPPORTED);
        assertThat(asOf.count(lowered, cpuSupported)).isOne();
        assertThat(asOf.count(lowered, ONLY_IT.withPlatform(Platform.CUDA, PlatformState.UNSUPPORTED)))
                .isZero();
        assertThat(asOf.count(lowered, ONLY_IT.withPlatform(Platform.ROCM, PlatformState.NOT_TESTED)))
                .isOne();
        assertThat(asOf.count(
                        PointInTime.endOf(LocalDate.of(2026, 11, 11)),
                        ONLY_IT.withPlatform(Platform.CPU, PlatformState.NOT_TESTED)))
                .isOne();
        assertThat(asOf.page(lowered, ONLY_IT, new MatrixSort("cuda", true), 0, 10))
                .extracting(MatrixRow::name)
                .containsExactly(NAME);
    }

    @Test
    void supported_since_is_the_day_each_claim_reached_its_level_then() {
        dev.compatmatrix.TestUsers.signIn("asof-viewer", Roles.VIEWER);
        try {
            MatrixRow made = service.matrixPageAsOf(
                            PointInTime.endOf(LocalDate.of(2026, 11, 13)), ONLY_IT, MatrixSort.BY_NAME, 0, 10)
                    .getFirst();
            assertThat(made.since().get(Platform.CUDA).since()).isEqualTo(CLAIMED);
            assertThat(made.since().get(Platform.CUDA).version()).isEqualTo("2.3.0");
            MatrixRow lowered = service.matrixPageAsOf(
                            PointInTime.endOf(LocalDate.of(2026, 11, 16)), ONLY_IT, MatrixSort.BY_NAME, 0, 10)
                    .getFirst();
            assertThat(lowered.since().get(Platform.CUDA).since()).isEqualTo(LOWERED);
            assertThat(lowered.since().get(Platform.CUDA).version()).isEqualTo("2.4.0");
            assertThat(lowered.since().get(Platform.CPU).since()).isEqualTo(CLAIMED);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
