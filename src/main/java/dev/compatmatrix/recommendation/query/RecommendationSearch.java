package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.base.db.SqlLike;
import dev.compatmatrix.matrix.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recommendations screen's queries: the seed's "hardware recommendations for a task" with filters on task,
 * batch size and model name, paged and sorted in the database, and the platforms the selection names.
 */
@Repository
public class RecommendationSearch {

    /** Each filter part is off when its parameter is null, so one statement serves every combination. */
    private static final String FILTER = """
            FROM hardware_recommendations hr
            JOIN models m ON m.model_id = hr.model_id
            WHERE m.deleted_at IS NULL
              AND (CAST(:task AS VARCHAR) IS NULL OR hr.task_type = :task)
              AND (CAST(:batch AS INTEGER) IS NULL OR hr.batch_size = :batch)
              AND (CAST(:text AS VARCHAR) IS NULL
                   OR lower(m.model_name) LIKE ('%' || lower(:text) || '%') ESCAPE '\\')
            """;

    /** After the sort column: the rest of the seed's order and the unique id, so pages are stable. */
    private static final String PAGE_END = """
            , m.model_name, hr.task_type, hr.batch_size, hr.id
            LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT_SQL = "SELECT count(*)\n" + FILTER;

    /** Recommended and fallback platforms of the selection, counted per platform. */
    private static final String TALLY_SQL =
            "WITH selected AS (SELECT hr.recommended_hardware, hr.fallback_hardware\n" + FILTER + """
            )
            SELECT platform, sum(recommended) AS recommended, sum(fallback) AS fallback
            FROM (SELECT recommended_hardware AS platform, 1 AS recommended, 0 AS fallback FROM selected
                  UNION ALL
                  SELECT fallback_hardware, 0, 1 FROM selected WHERE fallback_hardware IS NOT NULL) AS mentions
            GROUP BY platform
            """;

    private static final String TASK_TYPES_SQL = """
            SELECT DISTINCT task_type FROM hardware_recommendations ORDER BY task_type
            """;

    private static final String BATCH_SIZES_SQL = """
            SELECT DISTINCT batch_size FROM hardware_recommendations WHERE batch_size IS NOT NULL ORDER BY batch_size
            """;

    private final JdbcClient jdbc;

    public RecommendationSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RecommendationRow> page(RecommendationFilter filter, RecommendationSort sort, int offset, int limit) {
        return bind(jdbc.sql(RecommendationQuery.COLUMNS + FILTER + "ORDER BY " + orderBy(sort) + PAGE_END), filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(RecommendationQuery.ROW)
                .list();
    }

    public long count(RecommendationFilter filter) {
        return bind(jdbc.sql(COUNT_SQL), filter).query(Long.class).single();
    }

    /** One tally per platform in {@link Platform} order, zero where the selection never names it. */
    public List<PlatformTally> platformTally(RecommendationFilter filter) {
        Map<Platform, PlatformTally> tallies = new EnumMap<>(Platform.class);
        bind(jdbc.sql(TALLY_SQL), filter).query(rs -> {
            long recommended = rs.getLong("recommended");
            long fallback = rs.getLong("fallback");
            Platform.fromKey(rs.getString("platform"))
                    .ifPresent(platform -> tallies.put(platform, new PlatformTally(platform, recommended, fallback)));
        });
        return Stream.of(Platform.values())
                .map(platform -> tallies.getOrDefault(platform, new PlatformTally(platform, 0, 0)))
                .toList();
    }

    public FilterOptions filterOptions() {
        return new FilterOptions(
                jdbc.sql(TASK_TYPES_SQL).query(String.class).list(),
                jdbc.sql(BATCH_SIZES_SQL).query(Integer.class).list());
    }

    /** Whitelisted columns only; nulls (no ratio or memory known) last in either direction. */
    private static String orderBy(RecommendationSort sort) {
        String column = switch (sort.column()) {
            case MODEL -> "m.model_name";
            case TASK -> "hr.task_type";
            case BATCH -> "hr.batch_size";
            case RATIO -> "hr.performance_ratio";
            case MEMORY -> "hr.memory_requirements_mb";
        };
        return column + (sort.descending() ? " DESC" : " ASC") + " NULLS LAST";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, RecommendationFilter filter) {
        return statement
                .param("task", filter.taskType())
                .param("batch", filter.batchSize())
                .param("text", filter.modelText() == null ? null : SqlLike.escape(filter.modelText()));
    }
}
