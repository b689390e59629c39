package dev.compatmatrix.dashboard;

import static dev.compatmatrix.TestUsers.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.admin.importing.ImportProgress;
import dev.compatmatrix.admin.importing.ImportService;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.dashboard.query.DashboardQuery;
import dev.compatmatrix.history.HistoryService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistorySearch;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import dev.compatmatrix.matrix.store.MatrixVersion;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ReviewChange;
import dev.compatmatrix.matrix.store.Validation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard keeps its whole-table aggregates per claims version, and the history screen its monthly chart and
 * count: after every kind of write they equal a reading afresh, and automated results (which change none of them)
 * leave the version, and so the kept figures, alone.
 */
class DashboardKeptTotalsTest extends WritingIntegrationTest {

    private static final String USER = "dashboard-kept-test";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 12, 0);

    @Autowired
    DashboardService dashboard;

    @Autowired
    CoverageQuery coverage;

    @Autowired
    DashboardQuery query;

    @Autowired
    MatrixVersion version;

    @Autowired
    MatrixWriter writer;

    @Autowired
    ClaimRepository claims;

    @Autowired
    DerivedColumnsRepository derivedColumns;

    @Autowired
    CatalogService catalog;

    @Autowired
    ImportService imports;

    @Autowired
    HistoryService history;

    @Autowired
    HistorySearch historySearch;

    @Autowired
    JdbcClient jdbc;

    /** The kept figures (read twice: the second comes from what the first kept) equal the figures read afresh. */
    private void keptEqualsAfresh(String after) {
        signIn("viewer", Roles.VIEWER);
        String kept = figures(dashboard.snapshot(0));
        assertThat(figures(dashboard.snapshot(0))).as(after).isEqualTo(kept);
        int total = query.familyCount();
        String afresh = coverage.perPlatform() + " " + Arrays.toString(query.scoreDistribution()) + " "
                + families(new FamilyPage(query.familySupport(0, DashboardService.HEATMAP_FAMILIES), 0, total));
        assertThat(kept).as(after).isEqualTo(afresh);
        history.count(HistoryFilter.NONE);
        assertThat(history.count(HistoryFilter.NONE)).as(after).isEqualTo(historySearch.count(HistoryFilter.NONE));
        history.charts(HistoryFilter.NONE);
        assertThat(history.charts(HistoryFilter.NONE).monthly())
                .as(after)
                .isEqualTo(historySearch.monthly(HistoryFilter.NONE));
    }

    private static String figures(DashboardSnapshot snapshot) {
        return snapshot.coverage() + " " + Arrays.toString(snapshot.scoreBuckets()) + " "
                + families(snapshot.families());
    }

    private static String families(FamilyPage page) {
        return page.families().stream()
                        .map(f -> f.family() + " " + f.models() + " " + Arrays.toString(f.supportedModels()))
                        .toList()
                + " of " + page.total();
    }

    /**
     * A model with a few claims and an untested platform, of the biggest family that has one (on the heatmap's first
     * page; other tests add families of their own to the shared database).
     */
    private ModelRef model() {
        return jdbc.sql("""
                        WITH families AS (SELECT model_family, count(*) AS models FROM models WHERE deleted_at IS NULL
                                          GROUP BY model_family)
                        SELECT c.model_id, c.id FROM cross_platform_compatibility c JOIN models m ON m.model_id = c.model_id
                        JOIN families f ON f.model_family = m.model_family
                        WHERE m.deleted_at IS NULL
                          AND (SELECT count(*) FROM compatibility_details d WHERE d.compatibility_id = c.id) BETWEEN 2 AND 7
                        ORDER BY f.models DESC, f.model_family, c.id LIMIT 1""")
                .query((rs, n) -> new ModelRef(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    private void write(ClaimChange change) {
        writer.writeClaims(List.of(change), List.of(), USER, NOW);
    }

    @Test
    void after_every_kind_of_write_the_kept_figures_equal_a_reading_afresh() {
        keptEqualsAfresh("before any write");
        ModelRef model = model();
        List<Claim> before = claims.findAll(model.compatibilityId());
        Set<Platform> tested = Set.copyOf(before.stream().map(Claim::platform).toList());
        Platform untested = Arrays.stream(Platform.values())
                .filter(p -> !tested.contains(p))
                .findFirst()
                .orElseThrow();

        String claimsVersion = version.claims();
        write(new ClaimChange.Create(
                claims.newIds(1).getFirst(),
                model,
                untested,
                new ClaimData(CompatibilityLevel.HIGH, null, null, null, null, "2.1", null, null, null, false),
                Validation.RESET,
                "Tested by the dashboard test",
                "2.1"));
        assertThat(version.claims()).isNotEqualTo(claimsVersion);
        keptEqualsAfresh("a claim created");

        Claim edited = claims.findAll(model.compatibilityId()).getFirst();
        write(ClaimChange.edit(
                edited,
                model,
                edited.data()
                        .withLevel(
                                edited.data().level() == CompatibilityLevel.UNSUPPORTED
                                        ? CompatibilityLevel.HIGH
                                        : CompatibilityLevel.UNSUPPORTED),
                "Re-tested",
                "2.2"));
        keptEqualsAfresh("a claim's level changed");

        Claim reviewed = claims.findAll(model.compatibilityId()).get(1);
        int validatorId = jdbc.sql("SELECT min(validator_id) FROM validators")
                .query(Integer.class)
                .single();
        ValidationStatus after = reviewed.status() == ValidationStatus.VALIDATED
                ? ValidationStatus.PARTIALLY_VALIDATED
                : ValidationStatus.VALIDATED;
        writer.recordReviews(
                List.of(new ReviewChange(
                        new ReviewRow(
                                reviewed.claimId(),
                                reviewed.version(),
                                reviewed.modelId(),
                                reviewed.platform(),
                                reviewed.data().level(),
                                validatorId,
                                USER,
                                3,
                                Review.Decision.APPROVE,
                                after,
                                "Dashboard test",
                                reviewed.data().frameworkVersion(),
                                NOW),
                        Validation.by(after, validatorId),
                        null)),
                List.of(),
                USER,
                NOW);
        keptEqualsAfresh("a review");

        write(ClaimChange.remove(claims.findAll(model.compatibilityId()).getLast(), model, "Withdrawn"));
        keptEqualsAfresh("a claim removed");

        // Automated results change no figure of the dashboard: the claims version stays, the data version moves.
        claimsVersion = version.claims();
        String data = version.data();
        Claim disputed = claims.findAll(model.compatibilityId()).getFirst();
        writer.recordResults(List.of(new AutomatedResultRow(
                model.modelId(),
                disputed.platform(),
                validatorId,
                disputed.data().level() == CompatibilityLevel.LOW ? CompatibilityLevel.HIGH : CompatibilityLevel.LOW,
                "run-dashboard",
                "2.3",
                NOW)));
        assertThat(version.data()).isNotEqualTo(data);
        assertThat(version.claims()).isEqualTo(claimsVersion);
        keptEqualsAfresh("an automated result");

        signIn("editor", Roles.EDITOR);
        MlModel added = catalog.create(
                new ModelData("acme/dashboard-kept", "acme", ModelType.VISION, ModelSize.TINY, 5.0, null));
        keptEqualsAfresh("a model added");

        signIn("editor", Roles.EDITOR);
        String biggest = jdbc.sql("SELECT model_family FROM models WHERE model_id = :id")
                .param("id", model.modelId())
                .query(String.class)
                .single();
        MlModel moved = catalog.update(
                added, new ModelData("acme/dashboard-kept", biggest, ModelType.VISION, ModelSize.TINY, 5.0, null));
        keptEqualsAfresh("a model moved to another family");

        signIn("admin", Roles.ADMIN);
        imports.apply(
                "dashboard.csv",
                ("model,family,type,size,hardware,level,reason\n"
                                + "dashboard-import-1," + biggest + ",audio,small,cpu,low,Imported\n"
                                + "dashboard-import-2," + biggest + ",audio,small,cuda,unsupported,Imported\n")
                        .getBytes(StandardCharsets.UTF_8),
                ImportProgress.NONE);
        keptEqualsAfresh("an import");

        signIn("admin", Roles.ADMIN);
        catalog.delete(moved, "Gone from the dashboard test");
        keptEqualsAfresh("a model deleted");
        ModelRef withClaims =
                derivedColumns.findByModelName("dashboard-import-1").orElseThrow();
        signIn("admin", Roles.ADMIN);
        catalog.delete(catalog.find("dashboard-import-1").orElseThrow(), "Gone with its claim");
        assertThat(derivedColumns.findByModelId(withClaims.modelId())).isEmpty();
        keptEqualsAfresh("a model with claims deleted");
    }
}
