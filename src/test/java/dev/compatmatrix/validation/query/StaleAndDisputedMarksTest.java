package dev.compatmatrix.validation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.badge.BadgeService;
import dev.compatmatrix.badge.query.BadgeQuery;
import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.base.repository.SettingsRepository;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.history.query.HistoryQuery;
import dev.compatmatrix.history.query.HistorySearch;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.query.ClaimMarksQuery;
import dev.compatmatrix.matrix.store.ReviewRepository;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.modelpage.query.ModelDetailsQuery;
import dev.compatmatrix.recommendation.query.PerformanceQuery;
import dev.compatmatrix.recommendation.query.RecommendationQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The matrix pages, the export and the validation queue read the stale and disputed marks as joins, for speed; the
 * model page, the API's model and the badges read them from the matrix's rows.
 * Over a synthetic data set with every kind of validation trail they mark exactly the claims that the rules, stated
 * here as plainly as SQL allows (PRODUCT.md §4), mark.
 */
class StaleAndDisputedMarksTest {

    /** Stale: validated before the age limit, or the approval that set the status recorded another runtime. */
    private static final String STALE_RULE = """
            d.validation_status <> 'unvalidated' AND (d.validation_date < :staleBefore OR EXISTS (
                SELECT 1 FROM validation_reviews r WHERE r.claim_id = d.id AND r.decision = 'approve'
                AND r.reviewed_at = d.validation_date AND r.framework_version IS DISTINCT FROM d.framework_version))""";

    /**
     * Disputed: the newest automated result for the cell reports another level, and the newest resolution of that
     * result (if any) did not leave the claim at the level it has now.
     */
    private static final String DISPUTED_RULE = """
            coalesce((SELECT a.reported_level <> d.compatibility_level AND coalesce(
                          (SELECT k.kept_level FROM dispute_resolutions k WHERE k.automated_result_id = a.id
                           ORDER BY k.id DESC LIMIT 1) <> d.compatibility_level, true)
                      FROM automated_results a JOIN validators v ON v.validator_id = a.validator_id
                      WHERE a.model_id = c.model_id AND a.hardware_type = d.hardware_type
                      ORDER BY a.reported_at DESC, a.id DESC LIMIT 1), false)""";

    /**
     * An open objection: a rejection kept as an objection to the claim's present version, with no later review of the
     * claim at the level it needs.
     */
    private static final String OBJECTION_RULE = """
            EXISTS (SELECT 1 FROM validation_objections o WHERE o.claim_id = d.id AND o.claim_version = d.row_version
                    AND NOT EXISTS (SELECT 1 FROM validation_reviews r WHERE r.claim_id = d.id AND r.id > o.review_id
                                    AND r.verification_level >= o.needs_level))""";

    @TempDir
    Path folder;

    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;
    private MatrixQuery matrix;
    private Set<String> staleByRule;
    private Set<String> disputedByRule;
    private Set<String> objectedByRule;

    @BeforeEach
    void generate() {
        String file = folder.resolve("s.duckdb").toString();
        SyntheticDatabaseGenerator.generate(file, 600);
        dataSource = new SingleConnectionDataSource(DatabaseConfig.jdbcUrl(file), true);
        dataSource.setConnectionProperties(
                DatabaseConfig.connectionOptions(new DatabaseProperties(null, 1, "512MB", 1)));
        jdbc = JdbcClient.create(dataSource);
        matrix = new MatrixQuery(jdbc, dataSource, new Staleness(Clock.systemUTC(), 180));
        staleByRule = claims(STALE_RULE);
        int disputedBefore = claims(DISPUTED_RULE).size();
        resolveSomeDisputes();
        objectToSomeValidations();
        disputedByRule = claims(DISPUTED_RULE);
        objectedByRule = claims(OBJECTION_RULE);
        // Resolutions that hold, and ones that do not (an older result answered, another level kept, overruled).
        assertThat(disputedByRule.size()).isLessThan(disputedBefore).isGreaterThan(disputedBefore / 2);
        assertThat(objectedByRule).hasSizeGreaterThan(5);
        // Both kinds of stale (old, and re-run on another runtime after approval) and disputes are present.
        assertThat(staleByRule).hasSizeGreaterThan(20);
        assertThat(disputedByRule).hasSizeGreaterThan(20);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void matrix_pages_mark_the_claims_the_rules_mark() {
        List<Integer> ids = jdbc.sql("SELECT model_id FROM models ORDER BY model_id")
                .query(Integer.class)
                .list();
        Set<String> stale = new HashSet<>();
        Set<String> disputed = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 50) { // pages, as the grid asks for them
            collect(matrix.rows(ids.subList(from, Math.min(ids.size(), from + 50))), stale, disputed);
        }
        assertThat(stale).isEqualTo(cells(staleByRule));
        assertThat(disputed).isEqualTo(cells(disputedByRule));
    }

    @Test
    void the_export_marks_the_claims_the_rules_mark() {
        Set<String> stale = new HashSet<>();
        Set<String> disputed = new HashSet<>();
        matrix.forEachRow(
                dev.compatmatrix.compatibility.query.MatrixFilter.NONE,
                dev.compatmatrix.compatibility.query.MatrixSort.BY_NAME,
                row -> collect(List.of(row), stale, disputed));
        assertThat(stale).isEqualTo(cells(staleByRule));
        assertThat(disputed).isEqualTo(cells(disputedByRule));
    }

    @Test
    void the_queue_holds_and_marks_the_claims_the_rules_mark() {
        var queue = new QueueQuery(jdbc, Clock.systemUTC(), new Staleness(Clock.systemUTC(), 180));
        List<QueueRow> rows = queue.page(QueueFilter.ALL, 0, 100_000);
        assertThat(queue.count(QueueFilter.ALL)).isEqualTo(rows.size());
        Set<String> stale = new HashSet<>();
        Set<String> disputed = new HashSet<>();
        Set<String> objected = new HashSet<>();
        for (QueueRow row : rows) {
            if (row.stale()) {
                stale.add(String.valueOf(row.claimId()));
            }
            if (row.automatedDisagrees() != null) {
                disputed.add(String.valueOf(row.claimId()));
            }
            if (row.objection() != null) {
                objected.add(String.valueOf(row.claimId()));
            }
        }
        assertThat(stale).isEqualTo(ids(staleByRule));
        assertThat(disputed).isEqualTo(ids(disputedByRule));
        assertThat(objected).isEqualTo(ids(objectedByRule));
    }

    /**
     * Resolves disputes four ways, one in four each: kept at the claim's level (holds), kept at another level (does not
     * hold), an older result of the cell answered (does not hold), and kept then overruled by a newer resolution of
     * the same result at another level (does not hold).
     */
    private void resolveSomeDisputes() {
        List<Map<String, Object>> disputed = jdbc.sql("""
                SELECT d.id, d.row_version, c.model_id, d.hardware_type, d.compatibility_level,
                       max(a.id) FILTER (WHERE a.reported_level <> d.compatibility_level) AS result_id,
                       min(a.id) AS oldest_result_id
                FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                JOIN automated_results a ON a.model_id = c.model_id AND a.hardware_type = d.hardware_type
                WHERE\s""" + DISPUTED_RULE + " GROUP BY ALL ORDER BY d.id")
                .param("staleBefore", matrix.staleBefore())
                .query()
                .listOfRows();
        for (int i = 0; i < disputed.size(); i++) {
            Map<String, Object> claim = disputed.get(i);
            String level = (String) claim.get("compatibility_level");
            String other = level.equals("low") ? "medium" : "low";
            switch (i % 4) {
                case 0 -> resolve(claim, latestResult(claim), level);
                case 1 -> resolve(claim, latestResult(claim), other);
                case 2 -> resolve(claim, (Long) claim.get("oldest_result_id") - 1_000_000, level);
                default -> {
                    resolve(claim, latestResult(claim), level);
                    resolve(claim, latestResult(claim), other);
                }
            }
        }
    }

    private long latestResult(Map<String, Object> claim) {
        return jdbc.sql("""
                SELECT id FROM automated_results WHERE model_id = :model AND hardware_type = :platform
                ORDER BY reported_at DESC, id DESC LIMIT 1""")
                .param("model", claim.get("model_id"))
                .param("platform", claim.get("hardware_type"))
                .query(Long.class)
                .single();
    }

    private void resolve(Map<String, Object> claim, long resultId, String keptLevel) {
        jdbc.sql("""
                INSERT INTO dispute_resolutions (claim_id, claim_version, model_id, hardware_type, automated_result_id,
                    decision, kept_level, validator_id, resolver, verification_level, comment, resolved_at)
                VALUES (:id, :version, :model, :platform, :result, 'keep', :kept, 1, 'validator3', 3, 'checked', now())""")
                .param("id", claim.get("id"))
                .param("version", claim.get("row_version"))
                .param("model", claim.get("model_id"))
                .param("platform", claim.get("hardware_type"))
                .param("result", resultId)
                .param("kept", keptLevel)
                .update();
    }

    /**
     * Objects (level 1) to every 40th validated claim, needing level 3; every other objection is answered by a later
     * level-3 review, and some are to an earlier version of the claim.
     */
    private void objectToSomeValidations() {
        List<Map<String, Object>> validated = jdbc.sql("""
                SELECT d.id, d.row_version, c.model_id, d.hardware_type, d.compatibility_level FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                WHERE d.validation_status = 'validated' AND d.id % 40 = 0 ORDER BY d.id""").query().listOfRows();
        for (int i = 0; i < validated.size(); i++) {
            Map<String, Object> claim = validated.get(i);
            long objection = review(claim, "reject", 1);
            int version = ((Number) claim.get("row_version")).intValue() - (i % 5 == 4 ? 1 : 0);
            jdbc.sql("INSERT INTO validation_objections VALUES (:review, :id, :version, 3)")
                    .param("review", objection)
                    .param("id", claim.get("id"))
                    .param("version", version)
                    .update();
            if (i % 2 == 1) {
                review(claim, i % 4 == 1 ? "approve" : "reject", 3);
            }
        }
    }

    private long review(Map<String, Object> claim, String decision, int level) {
        return jdbc.sql("""
                INSERT INTO validation_reviews (claim_id, claim_version, model_id, hardware_type, claim_level, validator_id,
                    reviewer, verification_level, decision, resulting_status, comment, reviewed_at)
                VALUES (:id, :version, :model, :platform, :level, 1, 'validator' || :verification, :verification,
                    :decision, 'validated', 'test', now()) RETURNING id""")
                .param("id", claim.get("id"))
                .param("version", claim.get("row_version"))
                .param("model", claim.get("model_id"))
                .param("platform", claim.get("hardware_type"))
                .param("level", claim.get("compatibility_level"))
                .param("verification", level)
                .param("decision", decision)
                .query(Long.class)
                .single();
    }

    @Test
    void the_model_page_the_api_and_the_badges_mark_the_claims_the_rules_mark() {
        // The model page (and the API's model, which is the same overview) and the badges of some models read one
        // by one: the first ones, and a few with a disputed claim.
        List<Integer> disputedModels = disputedByRule.stream()
                .map(c -> Integer.valueOf(c.split("/")[1]))
                .sorted()
                .limit(3)
                .toList();
        List<Object[]> models = jdbc.sql("""
                        SELECT model_id, model_name FROM models
                        WHERE model_id <= (SELECT min(model_id) FROM models) + :n OR model_id IN (:disputed)
                        ORDER BY model_id""")
                .param("n", CHECKED_MODELS)
                .param("disputed", disputedModels)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)})
                .list();
        var pages = new ModelPageService(
                matrix,
                new ModelDetailsQuery(jdbc),
                new RecommendationQuery(jdbc),
                new HistoryQuery(jdbc),
                new ReviewRepository(jdbc),
                new HistorySearch(jdbc),
                Clock.systemUTC(),
                new PerformanceQuery(jdbc),
                new ClaimMarksQuery(jdbc),
                new dev.compatmatrix.matrix.query.LevelSinceQuery(jdbc),
                new dev.compatmatrix.prediction.query.ShownPredictionsQuery(jdbc),
                new dev.compatmatrix.prediction.query.PlatformEvaluationQuery(
                        jdbc, new tools.jackson.databind.json.JsonMapper()),
                new dev.compatmatrix.modelpage.query.CellAutomatedResultsQuery(jdbc));
        var badges =
                new BadgeService(new BadgeQuery(jdbc), matrix, new SettingsRepository(jdbc), null, Clock.systemUTC());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "viewer", null, AuthorityUtils.createAuthorityList("ROLE_VIEWER")));
        Set<String> pageStale = new HashSet<>();
        Set<String> pageDisputed = new HashSet<>();
        Set<String> badgeStale = new HashSet<>();
        Set<String> badgeDisputed = new HashSet<>();
        try {
            for (Object[] model : models) {
                var overview = pages.modelOverview((String) model[1]).orElseThrow();
                for (Platform platform : Platform.values()) {
                    String cell = model[0] + "/" + platform.key();
                    var marks = overview.marks(platform);
                    addIf(marks.stale(), pageStale, cell);
                    addIf(marks.disputed() && marks.dispute() != null, pageDisputed, cell);
                    var badge = badges.badge((String) model[1], platform).orElseThrow();
                    addIf(badge.stale(), badgeStale, cell);
                    addIf(badge.disputed(), badgeDisputed, cell);
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        Set<String> stale = firstModels(cells(staleByRule), models);
        Set<String> disputed = firstModels(cells(disputedByRule), models);
        assertThat(stale).isNotEmpty();
        assertThat(disputed).isNotEmpty();
        assertThat(pageStale).isEqualTo(stale);
        assertThat(pageDisputed).isEqualTo(disputed);
        assertThat(badgeStale).isEqualTo(stale);
        assertThat(badgeDisputed).isEqualTo(disputed);
    }

    /** How many models the model page and badge check reads one by one (each is a few queries). */
    private static final int CHECKED_MODELS = 8;

    private static void addIf(boolean marked, Set<String> set, String cell) {
        if (marked) {
            set.add(cell);
        }
    }

    private static Set<String> firstModels(Set<String> cells, List<Object[]> models) {
        Set<String> ids = new HashSet<>();
        models.forEach(m -> ids.add(String.valueOf(m[0])));
        Set<String> kept = new HashSet<>();
        cells.forEach(c -> {
            if (ids.contains(c.substring(0, c.indexOf('/')))) {
                kept.add(c);
            }
        });
        return kept;
    }

    private static void collect(List<MatrixRow> rows, Set<String> stale, Set<String> disputed) {
        for (MatrixRow row : rows) {
            row.cells().forEach((platform, cell) -> {
                if (cell.stale()) {
                    stale.add(row.modelId() + "/" + platform.key());
                }
                if (cell.disputed()) {
                    disputed.add(row.modelId() + "/" + platform.key());
                }
            });
        }
    }

    /** "claim id/model id/platform" of each claim the condition holds for. */
    private Set<String> claims(String condition) {
        return new HashSet<>(jdbc.sql("""
                        SELECT d.id || '/' || c.model_id || '/' || d.hardware_type
                        FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        WHERE
                        """ + condition)
                .param("staleBefore", matrix.staleBefore())
                .query(String.class)
                .list());
    }

    private static Set<String> cells(Set<String> claims) {
        Set<String> cells = new HashSet<>();
        claims.forEach(c -> cells.add(c.substring(c.indexOf('/') + 1)));
        return cells;
    }

    private static Set<String> ids(Set<String> claims) {
        Set<String> ids = new HashSet<>();
        claims.forEach(c -> ids.add(c.substring(0, c.indexOf('/'))));
        return ids;
    }
}
