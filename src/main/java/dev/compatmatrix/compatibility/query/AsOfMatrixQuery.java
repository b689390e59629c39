package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.base.VersionedCache;
import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.query.CellsAsOf;
import dev.compatmatrix.matrix.time.PointInTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matrix as it was at a past point in time, with the live matrix's filters, sorts, paging and export: models that
 * existed then ({@link CellsAsOf#MODEL_EXISTED}, today's names and attributes), their cells' states then
 * ({@link CellsAsOf}), the score and recommended platform derived by {@link ScoreRule} (in SQL for ordering and
 * filtering, {@link AsOfScoreSql}; in Java for the rows shown). A past point never changes — writes happen now — so its
 * ordered id list is read once per filter and sort and every page and the count are slices of it. A point that
 * includes now is the live matrix and is read as such. At 100,000 models (5 M states, 4.4 M history rows, DuckDB, a
 * shared 2-core machine) a first visit costs p50 70–350 ms by sort (name 105, score 353), every later page 20–37 ms.
 */
@Repository
public class AsOfMatrixQuery {

    /** Rows of an export are read this many models at a time. */
    static final int EXPORT_CHUNK = 1_000;

    /** Cached lists never go out of date: the past does not change. */
    private static final String PAST = "past";

    private final JdbcClient jdbc;
    private final MatrixQuery live;
    private final Staleness staleness;
    private final Clock clock;

    private record Key(LocalDateTime asOf, MatrixFilter filter, MatrixSort sort) {}

    private final VersionedCache<Key, int[]> orderedIds = new VersionedCache<>(16);

    public AsOfMatrixQuery(JdbcClient jdbc, MatrixQuery live, Staleness staleness, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.staleness = staleness;
        this.clock = clock;
    }

    /** True when {@code point} is not over yet (today): the matrix then is the matrix now. */
    public boolean includesNow(PointInTime point) {
        return point.before().isAfter(LocalDateTime.now(clock));
    }

    public List<MatrixRow> page(PointInTime point, MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        if (includesNow(point)) {
            return live.page(filter, sort, offset, limit);
        }
        int[] ordered = orderedIds(point, filter, sort);
        int from = Math.min(offset, ordered.length);
        int to = (int) Math.min(ordered.length, (long) offset + limit);
        return rows(point, Arrays.stream(ordered, from, to).boxed().toList());
    }

    public long count(PointInTime point, MatrixFilter filter) {
        return includesNow(point) ? live.count(filter) : orderedIds(point, filter, MatrixSort.BY_NAME).length;
    }

    /** Every row of the filtered matrix then, in display order, a chunk of rows at a time. */
    public void forEachRow(PointInTime point, MatrixFilter filter, MatrixSort sort, Consumer<MatrixRow> consumer) {
        if (includesNow(point)) {
            live.forEachRow(filter, sort, consumer);
            return;
        }
        int[] ordered = orderedIds(point, filter, sort);
        for (int from = 0; from < ordered.length; from += EXPORT_CHUNK) {
            int to = Math.min(ordered.length, from + EXPORT_CHUNK);
            rows(point, Arrays.stream(ordered, from, to).boxed().toList()).forEach(consumer);
        }
    }

    /** All model ids of the filtered matrix then, in display order; read once per point, filter and sort. */
    public int[] orderedIds(PointInTime point, MatrixFilter filter, MatrixSort sort) {
        return orderedIds.get(new Key(point.before(), filter, sort), PAST, () -> readOrderedIds(point, filter, sort));
    }

    /** Forgets the cached id lists (for measuring a first visit, and for tests that write history in the past). */
    public void clearCache() {
        orderedIds.clear();
    }

    private int[] readOrderedIds(PointInTime point, MatrixFilter filter, MatrixSort sort) {
        MatrixQuery.Statement statement = orderedIdsStatement(point, filter, sort);
        if (!scoreInJava(filter, sort)) {
            return jdbc.sql(statement.sql()).params(statement.params()).query(Integer.class).list().stream()
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        List<int[]> rows = jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .list();
        Stream<int[]> kept = rows.stream()
                .filter(row -> filter.minScore() == null || AsOfScoreSql.score(row[1]) >= filter.minScore());
        if (sort.key().equals(MatrixSort.Column.SCORE.key())) {
            // A stable sort of rows read in name order: equal scores stay in name order, as the live matrix has them.
            Comparator<int[]> byScore = Comparator.comparingDouble(row -> AsOfScoreSql.score(row[1]));
            kept = kept.sorted(sort.descending() ? byScore.reversed() : byScore);
        }
        return kept.mapToInt(row -> row[0]).toArray();
    }

    /** The score decides the filter or the order: SQL reads each model's levels code and Java derives its score. */
    private static boolean scoreInJava(MatrixFilter filter, MatrixSort sort) {
        return filter.minScore() != null || sort.key().equals(MatrixSort.Column.SCORE.key());
    }

    /**
     * The ids of the filtered matrix then, in display order — or, when the score decides ({@link #scoreInJava}), with
     * each model's levels code, unfiltered by score and in name order for a score sort. The claims' aggregate is joined
     * only for a filter or sort that needs it; the other filters are conditions on the model or on one cell.
     */
    public MatrixQuery.Statement orderedIdsStatement(PointInTime point, MatrixFilter filter, MatrixSort sort) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("asOf", point.before());
        boolean scoreInJava = scoreInJava(filter, sort);
        MatrixSort sqlSort = sort.key().equals(MatrixSort.Column.SCORE.key()) ? MatrixSort.BY_NAME : sort;
        StringBuilder sql = new StringBuilder("SELECT m.model_id")
                .append(scoreInJava ? ", coalesce(a.levels_code, 0) AS levels_code" : "")
                .append("\nFROM models m");
        if (scoreInJava || MatrixQuery.sortsByMatrixColumn(sqlSort)) {
            sql.append("\nLEFT JOIN (").append(derivedColumns(sqlSort)).append(") a ON a.model_id = m.model_id");
        }
        StringBuilder where = new StringBuilder(" AND ").append(CellsAsOf.MODEL_EXISTED);
        MatrixQuery.appendModelConditions(where, filter, params, "m");
        filter.platforms()
                .forEach((platform, state) -> where.append(
                        switch (state) {
                            case SUPPORTED ->
                                " AND EXISTS (" + stateThen(platform) + " AND s.compatibility_level IN ("
                                        + supportedLevels() + "))";
                            case UNSUPPORTED ->
                                " AND EXISTS (" + stateThen(platform) + " AND s.compatibility_level = '"
                                        + CompatibilityLevel.UNSUPPORTED.key() + "')";
                            case NOT_TESTED -> " AND NOT EXISTS (" + stateThen(platform) + ")";
                        }));
        if (filter.validation() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM cell_states s WHERE s.model_id = m.model_id AND ")
                    .append(CellsAsOf.STATE_THEN)
                    .append(" AND s.validation_status = :validation)");
            params.put("validation", filter.validation().key());
        }
        sql.append("\nWHERE ").append(where.substring(" AND ".length()));
        sql.append("\nORDER BY ")
                .append(MatrixQuery.orderBy(sqlSort, derivedSortColumn(sqlSort), MatrixQuery.ModelColumns.MODELS));
        return new MatrixQuery.Statement(sql.toString(), params);
    }

    /** Per model with a claim then: its levels code, the best recommendation rank and the sorted platform's rank. */
    private static String derivedColumns(MatrixSort sort) {
        String platformRank = sort.platform()
                .map(p -> "max(CASE WHEN s.hardware_type = '" + p.key() + "' THEN " + AsOfScoreSql.LEVEL_RANK + " END)")
                .orElse("NULL");
        return "SELECT s.model_id, sum(" + AsOfScoreSql.LEVELS_CODE + ") AS levels_code, min("
                + AsOfScoreSql.RECOMMENDATION_RANK + ") AS best, " + platformRank + " AS level_rank"
                + " FROM cell_states s WHERE " + CellsAsOf.STATE_THEN + " GROUP BY s.model_id";
    }

    private static String derivedSortColumn(MatrixSort sort) {
        if (sort.platform().isPresent()) {
            return "a.level_rank";
        }
        return sort.key().equals(MatrixSort.Column.RECOMMENDED.key()) ? AsOfScoreSql.recommendedKey("a.best") : null;
    }

    private static String stateThen(Platform platform) {
        return "SELECT 1 FROM cell_states s WHERE s.model_id = m.model_id AND " + CellsAsOf.STATE_THEN
                + " AND s.hardware_type = '" + platform.key() + "'";
    }

    private static String supportedLevels() {
        return Arrays.stream(CompatibilityLevel.values())
                .filter(CompatibilityLevel::isSupported)
                .map(level -> "'" + level.key() + "'")
                .collect(Collectors.joining(", "));
    }

    /**
     * These models as they were then, one row per cell state (or one without), with the stale and disputed marks; the
     * derived columns are empty here ({@link MatrixRowColumns#model} reads them) and derived from the cells in Java.
     */
    static final String ROWS_SQL =
            """
            SELECT m.model_id, m.model_name, m.model_family, m.model_type, m.model_size, m.parameters_millions,
                   CAST(0 AS DOUBLE PRECISION) AS compatibility_score, CAST(NULL AS VARCHAR) AS recommended_platform,
                   CAST(NULL AS TIMESTAMP) AS last_updated, m.created_at, cells.hardware_type, cells.compatibility_level, cells.validation_status,
                   cells.valid_from, cells.stale, cells.disputed
            FROM models m
            LEFT JOIN (%s) cells ON cells.model_id = m.model_id
            WHERE m.model_id IN (%s) AND %s
            """.formatted(CellsAsOf.cells(TextList.IDS_QUERY), TextList.IDS_QUERY, CellsAsOf.MODEL_EXISTED);

    /** The rows of these models then, in the order given; models that did not exist then are left out. */
    public List<MatrixRow> rows(PointInTime point, List<Integer> modelIds) {
        if (includesNow(point)) {
            return live.rows(modelIds);
        }
        if (modelIds.isEmpty()) {
            return List.of();
        }
        Map<Integer, MatrixRow> models = new HashMap<>();
        Map<Integer, Map<Platform, MatrixRow.Cell>> cells = new HashMap<>();
        Map<Integer, LocalDateTime> lastUpdated = new HashMap<>();
        jdbc.sql(ROWS_SQL)
                .param("ids", TextList.joinIds(modelIds))
                .param("asOf", point.before())
                .param("staleBefore", staleness.staleBeforeAsOf(point.before()))
                .query((RowCallbackHandler) rs -> {
                    int modelId = rs.getInt("model_id");
                    if (!models.containsKey(modelId)) {
                        models.put(modelId, MatrixRowColumns.model(rs));
                    }
                    MatrixRowColumns.addCell(rs, cells.computeIfAbsent(modelId, id -> new EnumMap<>(Platform.class)));
                    LocalDateTime changed = SqlTimes.utc(rs.getTimestamp("valid_from"));
                    lastUpdated.merge(
                            modelId,
                            changed == null ? SqlTimes.utc(rs.getTimestamp("created_at")) : changed,
                            (a, b) -> a.isAfter(b) ? a : b);
                });
        return modelIds.stream()
                .filter(models::containsKey)
                .map(id -> derived(models.get(id), cells.getOrDefault(id, Map.of()), lastUpdated.get(id)))
                .toList();
    }

    /** The row with its cells then and the score and recommendation {@link ScoreRule} derives from them. */
    private static MatrixRow derived(MatrixRow model, Map<Platform, MatrixRow.Cell> cells, LocalDateTime lastUpdated) {
        Map<Platform, CompatibilityLevel> levels = new EnumMap<>(Platform.class);
        cells.forEach((platform, cell) -> levels.put(platform, cell.level()));
        ScoreRule.Derived derived = ScoreRule.derive(levels);
        return new MatrixRow(
                model.modelId(),
                model.name(),
                model.family(),
                model.type(),
                model.size(),
                model.parametersMillions(),
                derived.score(),
                derived.recommended(),
                lastUpdated,
                Map.copyOf(cells),
                Map.of(),
                Map.of(),
                Map.of());
    }
}
