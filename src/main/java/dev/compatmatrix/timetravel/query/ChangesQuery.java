package dev.compatmatrix.timetravel.query;

import dev.compatmatrix.base.VersionedCache;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.SqlRanks;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.CellsAsOf;
import dev.compatmatrix.matrix.store.MatrixVersion;
import dev.compatmatrix.matrix.time.TimeRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cells whose level or validation differs between two points in time: the matrix as of each end
 * ({@link CellsAsOf#states}, its parameters renamed per end) joined FULL OUTER on the cell. Only models with a state
 * that began or ended in between are read at all: any other cell had the same state at both ends. The disputed mark
 * of the later side, which needs every automated result, is read for a page's cells only.
 */
@Repository
public class ChangesQuery {

    /** Models with a cell whose state began or ended between the two ends. */
    private static final String MODELS_CHANGED_BETWEEN = """
            SELECT model_id FROM cell_states
            WHERE (valid_from >= :fromAsOf AND valid_from < :toAsOf) OR (valid_to >= :fromAsOf AND valid_to < :toAsOf)""";

    private static final String KIND_RANK = "CASE WHEN f.model_id IS NULL THEN " + CellChangeKind.NEWLY_TESTED.ordinal()
            + " WHEN t.model_id IS NULL THEN " + CellChangeKind.REMOVED.ordinal()
            + " WHEN " + SqlRanks.levelRank("t.compatibility_level") + " < "
            + SqlRanks.levelRank("f.compatibility_level")
            + " THEN " + CellChangeKind.REGRESSED.ordinal()
            + " WHEN " + SqlRanks.levelRank("t.compatibility_level") + " > "
            + SqlRanks.levelRank("f.compatibility_level")
            + " THEN " + CellChangeKind.IMPROVED.ordinal()
            + " ELSE " + CellChangeKind.VALIDATION_CHANGED.ordinal() + " END";

    /**
     * Every changed cell with its model (deleted ones too) and the rank of its kind, reading the cells of the models
     * of the query {@code models} at both ends.
     */
    private static String changes(String models) {
        return """
            SELECT c.*, m.model_name, m.model_family, m.model_type, m.deleted_at IS NOT NULL AS model_deleted,
                   %s AS platform_order
            FROM (SELECT coalesce(t.model_id, f.model_id) AS model_id,
                         coalesce(t.hardware_type, f.hardware_type) AS hardware_type,
                         f.compatibility_level AS before_level, f.validation_status AS before_validation,
                         t.compatibility_level AS after_level, t.validation_status AS after_validation,
                         coalesce(t.stale, false) AS after_stale,
                         %s AS kind_rank
                  FROM (%s) f
                  FULL OUTER JOIN (%s) t ON t.model_id = f.model_id AND t.hardware_type = f.hardware_type
                  WHERE f.model_id IS NULL OR t.model_id IS NULL
                     OR f.compatibility_level <> t.compatibility_level
                     OR f.validation_status <> t.validation_status) c
            JOIN models m ON m.model_id = c.model_id
            WHERE (CAST(:platform AS VARCHAR) IS NULL OR c.hardware_type = :platform)
              AND (CAST(:family AS VARCHAR) IS NULL OR m.model_family = :family)
              AND (CAST(:type AS VARCHAR) IS NULL OR m.model_type = :type)""".formatted(
                SqlRanks.platformOrder("c.hardware_type"), KIND_RANK, atEnd("from", models), atEnd("to", models));
    }

    /** Every changed cell (of the models changed between the two ends). */
    private static final String CHANGES = changes(MODELS_CHANGED_BETWEEN);

    /** The disputed cells of the models {@code :ids} as of {@code :asOf}. */
    private static final String DISPUTED =
            "SELECT model_id, hardware_type FROM (" + CellsAsOf.cells(TextList.IDS_QUERY) + ") cells WHERE disputed";

    private static final String KIND_FILTER = " AND (CAST(:kind AS INTEGER) IS NULL OR kind_rank = :kind)";

    /**
     * The order of the list, by model: the models with the worst kind of change first (regressions first), then by
     * name; with each model's number of changes of the kind asked for (models without one are left out).
     */
    private static final String MODEL_ORDER = """
            SELECT model_id, count(*) FILTER (WHERE CAST(:kind AS INTEGER) IS NULL OR kind_rank = :kind) AS shown
            FROM (%s) changes
            GROUP BY model_id, model_name
            HAVING count(*) FILTER (WHERE CAST(:kind AS INTEGER) IS NULL OR kind_rank = :kind) > 0
            ORDER BY min(kind_rank), model_name, model_id""".formatted(CHANGES);

    /** The changes of the models {@code :ids}, within a model by kind, then platform. */
    private static final String OF_MODELS = """
            SELECT * FROM (%s) changes WHERE 1 = 1 %s
            ORDER BY model_id, kind_rank, platform_order""".formatted(changes(TextList.IDS_QUERY), KIND_FILTER);

    /** A list's order (models, each with its number of changes shown) for a few recent ranges and filters. */
    private final VersionedCache<ModelOrder.Key, ModelOrder> modelOrders = new VersionedCache<>(16);

    /** Every change in changelog order: by kind (regressions first), then model name, then platform. */
    private static final String BY_KIND = """
            SELECT * FROM (%s) changes WHERE 1 = 1 %s
            ORDER BY kind_rank, model_name, model_id, platform_order""".formatted(CHANGES, KIND_FILTER);

    private static final String COUNTS =
            "SELECT kind_rank, count(*) AS changes FROM (" + CHANGES + ") changes GROUP BY kind_rank";

    private final JdbcClient jdbc;
    private final Staleness staleness;

    private final Clock clock;

    public ChangesQuery(JdbcClient jdbc, Staleness staleness, Clock clock) {
        this.jdbc = jdbc;
        this.staleness = staleness;
        this.clock = clock;
    }

    /** The matrix as of one end ({@code from} or {@code to}), its parameters named for that end. */
    private static String atEnd(String end, String models) {
        return CellsAsOf.states(models)
                .replaceAll(":asOf\\b", ":" + end + "AsOf")
                .replaceAll(":staleBefore\\b", ":" + end + "StaleBefore");
    }

    /**
     * A page of the changes, grouped by model, regressions first. The list's order by model is read once per range and
     * filter (and data version, while the range reaches today) and each page reads its own models' changes alone.
     */
    public List<CellChange> page(TimeRange range, ChangesFilter filter, int offset, int limit) {
        ModelOrder order = modelOrder(range, filter);
        ModelOrder.Slice slice = order.slice(offset, limit);
        if (slice.models().isEmpty()) {
            return List.of();
        }
        Statement statement = modelsStatement(range, filter, slice.models());
        Map<Integer, List<CellChange>> byModel = new HashMap<>();
        jdbc.sql(statement.sql())
                .params(statement.params())
                .query(ChangesQuery::change)
                .list()
                .forEach(c -> byModel.computeIfAbsent(c.modelId(), id -> new ArrayList<>())
                        .add(c));
        List<CellChange> page = slice.models().stream()
                .flatMap(id -> byModel.getOrDefault(id, List.of()).stream())
                .skip(slice.skipInFirst())
                .limit(limit)
                .toList();
        if (page.isEmpty()) {
            return page;
        }
        Set<String> disputed = new HashSet<>();
        jdbc.sql(DISPUTED)
                .param("asOf", range.to().before())
                .param("staleBefore", staleness.staleBeforeAsOf(range.to().before()))
                .param(
                        "ids",
                        TextList.joinIds(page.stream().map(CellChange::modelId).collect(Collectors.toSet())))
                .query((ResultSet rs) -> {
                    disputed.add(rs.getInt("model_id") + ":" + rs.getString("hardware_type"));
                });
        return page.stream()
                .map(c -> c.withAfterDisputed(
                        disputed.contains(c.modelId() + ":" + c.platform().key())))
                .toList();
    }

    /** Every change, by kind (regressions first), for the changelog and the CSV, one at a time. */
    public void eachByKind(TimeRange range, ChangesFilter filter, Consumer<CellChange> action) {
        try (var changes = statement(BY_KIND, range, filter).query(ChangesQuery::change).stream()) {
            changes.forEach(action);
        }
    }

    /** How many cells changed in each way, under the filter's platform, family and type (its kind aside). */
    public ChangeCounts counts(TimeRange range, ChangesFilter filter) {
        Map<CellChangeKind, Long> counts = new EnumMap<>(CellChangeKind.class);
        Statement statement = countsStatement(range, filter);
        jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> counts.put(CellChangeKind.values()[rs.getInt("kind_rank")], rs.getLong("changes")))
                .list();
        return new ChangeCounts(counts);
    }

    /** The families of every model, deleted ones too, for the family filter. */
    public List<String> families() {
        return jdbc.sql("SELECT DISTINCT model_family FROM models ORDER BY model_family")
                .query(String.class)
                .list();
    }

    /** SQL and named parameters of a statement, so a benchmark can run exactly the same over plain JDBC. */
    public record Statement(String sql, Map<String, Object> params) {}

    /** The summary's statement: one row per kind with its count. */
    public Statement countsStatement(TimeRange range, ChangesFilter filter) {
        return new Statement(COUNTS, params(range, filter.anyKind()));
    }

    /** The statement of a page's read once its models are known: their changes, in order within each model. */
    public Statement modelsStatement(TimeRange range, ChangesFilter filter, List<Integer> modelIds) {
        Map<String, Object> params = params(range, filter);
        params.put("ids", TextList.joinIds(modelIds));
        return new Statement(OF_MODELS, params);
    }

    /** The statement of the list's order by model, which pages slice (then read their models' changes alone). */
    public Statement modelOrderStatement(TimeRange range, ChangesFilter filter) {
        return new Statement(MODEL_ORDER, params(range, filter));
    }

    private ModelOrder modelOrder(TimeRange range, ChangesFilter filter) {
        // A range that ended in the past never changes (writes happen now); one that reaches today follows the data.
        String version = range.to().before().isAfter(LocalDateTime.now(clock))
                ? jdbc.sql(MatrixVersion.DATA_SQL).query(String.class).single()
                : "past";
        return modelOrders.get(
                new ModelOrder.Key(range.from().before(), range.to().before(), filter), version, () -> {
                    Statement statement = modelOrderStatement(range, filter);
                    List<int[]> rows = jdbc.sql(statement.sql())
                            .params(statement.params())
                            .query((rs, n) -> new int[] {rs.getInt("model_id"), rs.getInt("shown")})
                            .list();
                    return ModelOrder.of(rows);
                });
    }

    private JdbcClient.StatementSpec statement(String sql, TimeRange range, ChangesFilter filter) {
        return jdbc.sql(sql).params(params(range, filter));
    }

    private Map<String, Object> params(TimeRange range, ChangesFilter filter) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("fromAsOf", range.from().before());
        params.put("toAsOf", range.to().before());
        params.put("fromStaleBefore", staleness.staleBeforeAsOf(range.from().before()));
        params.put("toStaleBefore", staleness.staleBeforeAsOf(range.to().before()));
        params.put(
                "platform", filter.platform() == null ? null : filter.platform().key());
        params.put("family", filter.family());
        params.put("type", filter.type() == null ? null : filter.type().key());
        params.put("kind", filter.kind() == null ? null : filter.kind().ordinal());
        return params;
    }

    private static CellChange change(ResultSet rs, int rowNum) throws SQLException {
        return new CellChange(
                rs.getInt("model_id"),
                rs.getString("model_name"),
                rs.getString("model_family"),
                rs.getString("model_type"),
                rs.getBoolean("model_deleted"),
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                CompatibilityLevel.fromKey(rs.getString("before_level")).orElse(null),
                ValidationStatus.fromKey(rs.getString("before_validation")).orElse(null),
                CompatibilityLevel.fromKey(rs.getString("after_level")).orElse(null),
                ValidationStatus.fromKey(rs.getString("after_validation")).orElse(null),
                rs.getBoolean("after_stale"),
                false,
                CellChangeKind.values()[rs.getInt("kind_rank")]);
    }
}
