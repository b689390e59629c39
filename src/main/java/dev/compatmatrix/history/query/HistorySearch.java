package dev.compatmatrix.history.query;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history screen's queries: changes filtered by model, platform, date range and version. */
@Repository
public class HistorySearch {

    /** Each filter part is off when its parameter is null, so one statement serves every combination. */
    private static final String FILTER = """
            FROM compatibility_history ch
            JOIN models m ON m.model_id = ch.model_id
            WHERE (CAST(:model AS VARCHAR) IS NULL OR m.model_name = :model)
              AND (CAST(:platform AS VARCHAR) IS NULL OR ch.hardware_type = :platform)
              AND (CAST(:fromDay AS TIMESTAMP) IS NULL OR ch.change_date >= :fromDay)
              AND (CAST(:afterDay AS TIMESTAMP) IS NULL OR ch.change_date < :afterDay)
              AND (CAST(:version AS VARCHAR) IS NULL OR strpos(lower(ch.change_version), lower(:version)) > 0)
            """;

    public static final String PAGE_SQL = """
            SELECT ch.id, m.model_name, ch.hardware_type, ch.previous_status, ch.new_status, ch.change_reason,
                   ch.change_date, ch.change_version, ch.changed_by, ch.report_id
            """ + FILTER + """
            ORDER BY ch.change_date DESC, ch.id DESC
            LIMIT :limit OFFSET :offset
            """;

    public static final String COUNT_SQL = "SELECT count(*) " + FILTER;

    /** Year and month as numbers: the one form of "month of a timestamp" both databases read alike. */
    public static final String MONTHLY_SQL = """
            SELECT CAST(extract(year FROM ch.change_date) AS INTEGER) AS change_year,
                   CAST(extract(month FROM ch.change_date) AS INTEGER) AS change_month, ch.hardware_type,
                   count(*) AS changes
            """ + FILTER + """
            GROUP BY change_year, change_month, ch.hardware_type
            ORDER BY change_year, change_month, ch.hardware_type
            """;

    public static final String MODEL_LEVELS_SQL = """
            SELECT ch.hardware_type, ch.new_status, ch.change_date
            FROM compatibility_history ch
            JOIN models m ON m.model_id = ch.model_id
            WHERE m.model_name = :model AND (CAST(:platform AS VARCHAR) IS NULL OR ch.hardware_type = :platform)
            ORDER BY ch.change_date, ch.id
            """;

    private static final String MODEL_NAMES_SQL = """
            SELECT model_name FROM models
            WHERE deleted_at IS NULL AND strpos(lower(model_name), lower(:text)) > 0
            ORDER BY model_name
            LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;

    public HistorySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes newest first. */
    public List<HistoryRow> page(HistoryFilter filter, int offset, int limit) {
        return bind(jdbc.sql(PAGE_SQL), filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(HistoryRow::read)
                .list();
    }

    public long count(HistoryFilter filter) {
        return bind(jdbc.sql(COUNT_SQL), filter).query(Long.class).single();
    }

    /** Changes per month and platform; months without changes are absent. */
    public List<MonthlyChanges> monthly(HistoryFilter filter) {
        return bind(jdbc.sql(MONTHLY_SQL), filter)
                .query((rs, n) -> new MonthlyChanges(
                        YearMonth.of(rs.getInt("change_year"), rs.getInt("change_month")),
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                        rs.getLong("changes")))
                .list();
    }

    /** Every level change of one model (optionally one platform), oldest first, whatever the date range. */
    public List<LevelChange> levelChanges(String model, Platform platform) {
        return jdbc.sql(MODEL_LEVELS_SQL)
                .param("model", model)
                .param("platform", platform == null ? null : platform.key())
                .query((rs, n) -> new LevelChange(
                        Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                        CompatibilityLevel.fromKey(rs.getString("new_status")).orElse(null),
                        SqlTimes.utc(rs.getTimestamp("change_date"))))
                .list();
    }

    /** Names of models (not deleted) containing the text, for the model picker. */
    public List<String> modelNames(String text, int offset, int limit) {
        return jdbc.sql(MODEL_NAMES_SQL)
                .param("text", text == null ? "" : text)
                .param("offset", offset)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    public boolean modelExists(String name) {
        return jdbc.sql("SELECT count(*) FROM models WHERE model_name = :name")
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, HistoryFilter filter) {
        return statement
                .param("model", filter.model())
                .param(
                        "platform",
                        filter.platform() == null ? null : filter.platform().key())
                .param("fromDay", filter.from() == null ? null : filter.from().atStartOfDay())
                .param(
                        "afterDay",
                        filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay())
                .param("version", filter.version());
    }
}
