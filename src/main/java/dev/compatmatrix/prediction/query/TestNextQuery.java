package dev.compatmatrix.prediction.query;

import dev.compatmatrix.base.db.KeyedLookups;
import dev.compatmatrix.feedback.query.OpenReportsQuery;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.SqlRanks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "What to test next": every untested cell (a model not deleted, no claim on the platform) ranked by how much a test
 * of it would teach, paged in the database. The rule, stated here only:
 *
 * <pre>value = entropy × log2(2 + shared) × (1 + community)</pre>
 *
 * entropy: the shown prediction's uncertainty in bits ({@link ShownPredictionsQuery#SHOWN}); where none is shown (no
 * adopted run, the platform did not beat the baseline, no prediction for the cell) the maximum, 2 bits — nothing is
 * known there. shared: how many other untested cells have the model's family and type on the same platform; a test of
 * one teaches about those, with diminishing returns (log2; 1 for a cell alone, so its own uncertainty still counts).
 * community: how many users' open reports say the cell works or partly works (community evidence,
 * {@link OpenReportsQuery#COMMUNITY_BY_CELL}): people already run it, so a test is likely to settle a claim.
 * Higher value first; ties by model name, then platform key.
 */
@Repository
public class TestNextQuery {

    /** The most a prediction over four levels can be unsure of: all equally likely. */
    static final double MAX_ENTROPY = 2.0;

    /** Rows the driver fetches at a time while a file streams (PostgreSQL would otherwise read all at once). */
    private static final int FETCH_SIZE = 1000;

    static final String PLATFORMS =
            Stream.of(Platform.values()).map(p -> "('" + p.key() + "')").collect(Collectors.joining(", "));

    static final String UNTESTED = """
            SELECT m.model_id, m.model_name, m.model_family, m.model_type, pl.hardware_type
            FROM models m
            JOIN cross_platform_compatibility c ON c.model_id = m.model_id
            CROSS JOIN (VALUES %s) pl(hardware_type)
            WHERE m.deleted_at IS NULL
              AND (CAST(:platform AS VARCHAR) IS NULL OR pl.hardware_type = :platform)
              AND (CAST(:family AS VARCHAR) IS NULL OR m.model_family = :family)
              AND (CAST(:type AS VARCHAR) IS NULL OR m.model_type = :type)
              AND %s IS NULL""".formatted(PLATFORMS, SqlRanks.platformLevelRank("pl.hardware_type", "c"));

    /** The rule above, in SQL: {@code ln(x) / ln(2)} is log2 on both databases (PostgreSQL has no log2). */
    static final String VALUE =
            "COALESCE(s.entropy, " + MAX_ENTROPY + ") * ln(2 + u.shared) / ln(2) * (1 + COALESCE(ev.reports, 0))";

    private static final String CELLS = """
            SELECT u.model_id, u.model_name, u.model_family, u.model_type, u.hardware_type, u.shared,
                   s.run_id, s.predicted_level, s.p_high, s.p_medium, s.p_low, s.p_unsupported, s.entropy, s.reasons,
                   COALESCE(s.entropy, %s) AS cell_entropy,
                   %s AS test_value
            FROM (SELECT cells.*,
                         count(*) OVER (PARTITION BY cells.model_family, cells.model_type, cells.hardware_type) - 1
                             AS shared
                  FROM (%s) cells) u
            LEFT JOIN (%s) ev ON ev.model_id = u.model_id AND ev.hardware_type = u.hardware_type""".formatted(MAX_ENTROPY, VALUE, UNTESTED, OpenReportsQuery.COMMUNITY_BY_CELL);

    private static final String ORDER = "\nORDER BY test_value DESC, u.model_name, u.hardware_type";

    /** DuckDB: the cells joined with the shown predictions (hash joins). */
    static final String RANKED = CELLS + """

            LEFT JOIN (%s) s ON s.model_id = u.model_id AND s.hardware_type = u.hardware_type
                -- the platform filter again, for the shown predictions: the database does not carry it over itself
                -- (one platform's first page at 100,000 models ≈ 3× faster, BENCHMARKS.md)
                AND (CAST(:platform AS VARCHAR) IS NULL OR s.hardware_type = :platform)""".formatted(ShownPredictionsQuery.SHOWN) + ORDER;

    /**
     * PostgreSQL: each cell's shown prediction looked up by its key (the cells are untested cells of models not
     * deleted, so the rest of ShownPredictionsQuery's rule holds already). PostgreSQL misjudges how many cells are
     * untested and, joining, chose a nested loop over all predictions per cell (a page took minutes in the full test
     * suite); a lookup is one index probe per cell whatever the estimate. DuckDB keeps the join: there a lateral
     * lookup met an internal error while a training replaced the predictions.
     */
    static final String RANKED_BY_LOOKUP = CELLS + """

            LEFT JOIN LATERAL (
                SELECT p.run_id, p.predicted_level, p.p_high, p.p_medium, p.p_low, p.p_unsupported, p.entropy, p.reasons
                FROM predictions p
                JOIN prediction_platform_metrics pm
                  ON pm.run_id = p.run_id AND pm.hardware_type = p.hardware_type AND pm.beats_baseline
                WHERE p.model_id = u.model_id AND p.hardware_type = u.hardware_type) s ON true""" + ORDER;

    static final String PAGE = RANKED + "\nLIMIT :limit OFFSET :offset";

    static final String COUNT = "SELECT count(*) FROM (" + UNTESTED + ") cells";

    private final JdbcClient jdbc;
    /** The ranked cells in this database's form, and a page of them. */
    private final String ranked;

    private final String page;

    public TestNextQuery(JdbcClient jdbc, KeyedLookups lookups) {
        this.jdbc = jdbc;
        this.ranked = lookups.preferred() ? RANKED_BY_LOOKUP : RANKED;
        this.page = ranked + "\nLIMIT :limit OFFSET :offset";
    }

    /** One page of the ranked cells. */
    public List<TestNextRow> page(TestNextFilter filter, int offset, int limit) {
        Map<String, Object> params = params(filter);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(page).params(params).query((rs, n) -> row(rs)).list();
    }

    /** How many untested cells the filter keeps. */
    public long count(TestNextFilter filter) {
        return jdbc.sql(COUNT).params(params(filter)).query(Long.class).single();
    }

    /** Every ranked cell the filter keeps, in rank order, one at a time (for files; never all in memory). */
    public void each(TestNextFilter filter, Consumer<TestNextRow> action) {
        try (Stream<TestNextRow> rows =
                jdbc.sql(ranked).withFetchSize(FETCH_SIZE).params(params(filter)).query((rs, n) -> row(rs)).stream()) {
            rows.forEach(action);
        }
    }

    static Map<String, Object> params(TestNextFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put(
                "platform", filter.platform() == null ? null : filter.platform().key());
        params.put("family", filter.family());
        params.put("type", filter.type() == null ? null : filter.type().key());
        return params;
    }

    private static TestNextRow row(ResultSet rs) throws SQLException {
        return new TestNextRow(
                rs.getInt("model_id"),
                rs.getString("model_name"),
                rs.getString("model_family"),
                rs.getString("model_type"),
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                rs.getString("predicted_level") == null ? null : ShownPredictionsQuery.row(rs),
                rs.getDouble("cell_entropy"),
                rs.getLong("shared"),
                rs.getDouble("test_value"));
    }
}
