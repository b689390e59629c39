package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.base.VersionedCache;
import dev.compatmatrix.base.db.ReusedStatements;
import dev.compatmatrix.base.db.SqlLike;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.SqlRanks;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.store.MatrixVersion;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matrix read model. A page is read in two statements: the ordered model ids of the page (filtered,
 * sorted and paged in the database, touching only the tables the filter and sort need), then those models'
 * rows with their claims. Pivoting before paging costs 10× more, and joining the whole matrix just to
 * sort by name doubles a page's cost. DuckDB sorts the whole table for any deep OFFSET (~40 ms at
 * 100,000 models), so deep pages slice a cached ordered id list instead, valid while the data version is
 * unchanged (BENCHMARKS.md); the version is kept in the database, so a write on any node renews every node's
 * lists. SQL fragments come only from this class and enums; user input travels as named parameters.
 */
@Repository
public class MatrixQuery {

    /** From this offset on, a page is sliced from the cached ordered id list. */
    public static final int DEEP_OFFSET = 2_000;

    /**
     * Changes with every committed write of the matrix or its models, on any application node: the version that
     * {@link MatrixVersion} keeps in the database.
     */
    public static final String VERSION_SQL = MatrixVersion.DATA_SQL;

    /** These models, one row per claim (or one row without a claim), pivoted in Java; see {@link MatrixRowColumns}. */
    public static final String ROWS_SQL = MatrixRowColumns.FOR_MODELS;

    private final JdbcClient jdbc;
    /** The statements of every page (its ids, its rows), prepared once per connection. */
    private final ReusedStatements reused;

    /** A filter and sort whose full ordered id list is cached (100,000 ids take 400 kB). */
    private record OrderKey(MatrixFilter filter, MatrixSort sort) {}

    private final VersionedCache<OrderKey, int[]> orderedIds = new VersionedCache<>(8);
    private final ModelNameOrder nameOrder = new ModelNameOrder();
    private final Staleness staleness;

    public MatrixQuery(JdbcClient jdbc, DataSource dataSource, Staleness staleness) {
        this.jdbc = jdbc;
        this.reused = new ReusedStatements(dataSource);
        this.staleness = staleness;
    }

    /** The oldest validation date that is not stale yet. */
    public LocalDateTime staleBefore() {
        return staleness.staleBefore();
    }

    /** SQL and named parameters of a statement, so a benchmark can run exactly the same over plain JDBC. */
    public record Statement(String sql, Map<String, Object> params) {}

    public List<MatrixRow> page(MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        if (offset < DEEP_OFFSET) {
            return rows(ids(pageStatement(filter, sort, offset, limit)));
        }
        int[] ordered = orderedIds(filter, sort);
        int from = Math.min(offset, ordered.length);
        int to = Math.min(ordered.length, offset + limit);
        return rows(java.util.Arrays.stream(ordered, from, to).boxed().toList());
    }

    /** All model ids of the filtered matrix in display order; cached per data version. */
    public int[] orderedIds(MatrixFilter filter, MatrixSort sort) {
        String version = jdbc.sql(VERSION_SQL).query(String.class).single();
        return orderedIds.get(
                new OrderKey(filter, sort),
                version,
                () -> sort.key().equals("name")
                        ? inNameOrder(filter, sort.descending())
                        : ids(orderedIdsStatement(filter, sort)).stream()
                                .mapToInt(Integer::intValue)
                                .toArray());
    }

    /** The filter's members (read unordered) in the order of the cached name list; names are unique. */
    private int[] inNameOrder(MatrixFilter filter, boolean descending) {
        int[] byName = nameOrder.ids(jdbc);
        BitSet members = null;
        if (!filter.equals(MatrixFilter.NONE)) {
            BitSet read = new BitSet();
            Map<String, Object> params = new LinkedHashMap<>();
            jdbc.sql(filtered("c.model_id", filter, params)).params(params).query((RowCallbackHandler)
                    rs -> read.set(rs.getInt(1)));
            members = read;
        }
        int[] ordered = new int[byName.length];
        int count = 0;
        for (int i = 0; i < byName.length; i++) {
            int id = byName[descending ? byName.length - 1 - i : i];
            if (members == null || members.get(id)) {
                ordered[count++] = id;
            }
        }
        return java.util.Arrays.copyOf(ordered, count);
    }

    /** Forgets the cached id lists, as a claim write does (for measuring the first visit of a deep page). */
    public void clearCache() {
        orderedIds.clear();
    }

    /** Forgets the name order too, as adding, renaming or deleting a model does. */
    public void clearAllCaches() {
        orderedIds.clear();
        nameOrder.clear();
    }

    private List<Integer> ids(Statement statement) {
        List<Integer> ids = new ArrayList<>();
        reused.query(statement.sql(), statement.params(), rs -> {
            ids.add(rs.getInt(1));
        });
        return ids;
    }

    /** The rows of these models, in the order given. */
    public List<MatrixRow> rows(List<Integer> modelIds) {
        if (modelIds.isEmpty()) {
            return List.of();
        }
        Map<Integer, MatrixRow> models = new HashMap<>();
        Map<Integer, Map<Platform, MatrixRow.Cell>> cells = new HashMap<>();
        reused.query(ROWS_SQL, Map.of("ids", TextList.joinIds(modelIds), "staleBefore", staleBefore()), rs -> {
            int modelId = rs.getInt("model_id");
            if (!models.containsKey(modelId)) {
                models.put(modelId, MatrixRowColumns.model(rs));
            }
            MatrixRowColumns.addCell(rs, cells.computeIfAbsent(modelId, id -> new EnumMap<>(Platform.class)));
        });
        return modelIds.stream()
                .filter(models::containsKey)
                .map(id -> models.get(id).withCells(cells.getOrDefault(id, Map.of())))
                .toList();
    }

    public long count(MatrixFilter filter) {
        Statement statement = countStatement(filter);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query(Long.class)
                .single();
    }

    public Statement countStatement(MatrixFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = filtered("count(*)", filter, params);
        return new Statement(sql, params);
    }

    /** The ordered model ids of one page. */
    public Statement pageStatement(MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        Statement all = orderedIdsStatement(filter, sort);
        Map<String, Object> params = new LinkedHashMap<>(all.params());
        params.put("limit", limit);
        params.put("offset", offset);
        return new Statement(all.sql() + "\nLIMIT :limit OFFSET :offset", params);
    }

    /** The ordered model ids of the whole filtered matrix. */
    public Statement orderedIdsStatement(MatrixFilter filter, MatrixSort sort) {
        Map<String, Object> params = new LinkedHashMap<>();
        // With a text filter in name order, the name as an expression no index gives: otherwise PostgreSQL walks the
        // name index and filters every row (56,000 rows, 307 ms for "-0421") instead of taking the few matches from
        // the trigram indexes.
        String name = filter.text() != null && sort.key().equals("name") ? "(c.model_name || '')" : "c.model_name";
        String order = orderBy(sort, matrixColumn(sort, "c"), ModelColumns.MATRIX_ROW, name);
        String sql = filtered("c.model_id", filter, params) + "\nORDER BY " + order;
        return new Statement(sql, params);
    }

    /**
     * Every row of the filtered matrix in display order, handed over one at a time from a single statement,
     * so an export of 100,000 models holds one row in memory, not the whole matrix.
     */
    public void forEachRow(MatrixFilter filter, MatrixSort sort, Consumer<MatrixRow> consumer) {
        Statement statement = allRowsStatement(filter, sort);
        jdbc.sql(statement.sql()).params(statement.params()).query((RowCallbackHandler)
                rs -> consumer.accept(MatrixRowColumns.folded(rs)));
    }

    /** The whole filtered matrix with its claims, one row per model, in display order. */
    public Statement allRowsStatement(MatrixFilter filter, MatrixSort sort) {
        Map<String, Object> params = new LinkedHashMap<>();
        String positions =
                filtered("c.model_id, row_number() OVER (ORDER BY " + orderBy(sort) + ") AS position", filter, params);
        params.put("staleBefore", staleBefore());
        String sql = "WITH ordered AS (" + positions + ")\n" + MatrixRowColumns.FOLDED_BY_POSITION;
        return new Statement(sql, params);
    }

    /**
     * SELECT these columns of the filtered matrix rows. Every filter and sort key is a column of the matrix row (the
     * model's name, family, type, size and parameters copied there by the writer, V0023), so a page's ids come from
     * this one table: no join to {@code models}, and on PostgreSQL one index per order. A deleted model has no matrix
     * row.
     */
    private static String filtered(String columns, MatrixFilter filter, Map<String, Object> params) {
        return "SELECT " + columns + "\nFROM cross_platform_compatibility c" + where(filter, params);
    }

    /**
     * The sort column, then the unique name as tie-break, so the order is total and pages are stable. A platform
     * sorts by the level rank kept on the matrix row (V0009): joining that platform's claims doubled the cost.
     */
    private static String orderBy(MatrixSort sort) {
        return orderBy(sort, matrixColumn(sort, "c"), ModelColumns.MATRIX_ROW);
    }

    /** Where an order reads the model's own columns: the live matrix row keeps them (V0023), the past reads models. */
    enum ModelColumns {
        MATRIX_ROW("c"),
        MODELS("m");

        private final String alias;

        ModelColumns(String alias) {
            this.alias = alias;
        }

        String column(String name) {
            return alias + "." + name;
        }

        String sizeRank() {
            return this == MATRIX_ROW ? column("model_size_rank") : SqlRanks.sizeRank(column("model_size"));
        }
    }

    /** The column of a sort derived from the claims ({@link #sortsByMatrixColumn}) on matrix row {@code c}. */
    private static String matrixColumn(MatrixSort sort, String c) {
        return sort.platform().isPresent()
                ? c + "." + sort.platform().get().levelRankColumn()
                : switch (sort.key()) {
                    case "score" -> c + ".compatibility_score";
                    case "recommended" -> c + ".recommended_platform";
                    default -> null;
                };
    }

    /** A platform's level, the score or the recommended platform: columns derived from the claims. */
    static boolean sortsByMatrixColumn(MatrixSort sort) {
        return sort.platform().isPresent()
                || sort.key().equals("score")
                || sort.key().equals("recommended");
    }

    /**
     * The ORDER BY terms of a sort; {@code matrixColumn} is the expression of the sort's column when it is derived
     * from the claims ({@link #sortsByMatrixColumn}), which the live and the past matrix read differently.
     */
    static String orderBy(MatrixSort sort, String matrixColumn, ModelColumns models) {
        return orderBy(sort, matrixColumn, models, models.column("model_name"));
    }

    /** As above, with the name (the tie-break, or the order itself) as this expression. */
    private static String orderBy(MatrixSort sort, String matrixColumn, ModelColumns models, String name) {
        String column = matrixColumn != null
                ? matrixColumn
                : switch (sort.key()) {
                    case "family" -> models.column("model_family");
                    case "type" -> models.column("model_type");
                    case "size" -> models.sizeRank();
                    case "parameters" -> models.column("parameters_millions");
                    default -> null;
                };
        // Names are never null: without a NULLS clause PostgreSQL reads a descending name order backwards from the
        // name index (DESC NULLS LAST is not the index's order and sorted all 100,000 names, 0.4 against 108 ms).
        String nameTerm = name + (column == null && sort.descending() ? " DESC" : " ASC");
        return column == null ? nameTerm : column + direction(sort.descending()) + ", " + nameTerm;
    }

    /** Nulls (not tested, no recommendation) come last in either direction. */
    private static String direction(boolean descending) {
        return (descending ? " DESC" : " ASC") + " NULLS LAST";
    }

    private static String where(MatrixFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        appendModelConditions(where, filter, params, "c");
        filter.platforms()
                .forEach((platform, state) -> where.append(
                        switch (state) {
                            case SUPPORTED -> " AND c." + platform.supportColumn();
                            case UNSUPPORTED ->
                                " AND EXISTS (SELECT 1 FROM compatibility_details x WHERE x.compatibility_id = c.id"
                                        + " AND x.hardware_type = '" + platform.key()
                                        + "' AND x.compatibility_level = 'unsupported')";
                            case NOT_TESTED ->
                                " AND NOT EXISTS (SELECT 1 FROM compatibility_details x WHERE x.compatibility_id = c.id"
                                        + " AND x.hardware_type = '" + platform.key() + "')";
                        }));
        if (filter.validation() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM compatibility_details v WHERE v.compatibility_id = c.id"
                    + " AND v.validation_status = :validation)");
            params.put("validation", filter.validation().key());
        }
        if (filter.minScore() != null) {
            where.append(" AND c.compatibility_score >= :minScore");
            params.put("minScore", filter.minScore());
        }
        return where.isEmpty() ? "" : "\nWHERE " + where.substring(" AND ".length());
    }

    /**
     * The conditions on the model's own columns (text, family, type, size), the same live (on the matrix row, {@code
     * "c"}) and as of a date (on {@code models}, {@code "m"}).
     */
    static void appendModelConditions(
            StringBuilder where, MatrixFilter filter, Map<String, Object> params, String models) {
        if (filter.text() != null) {
            where.append(" AND (" + models + ".model_name ILIKE :text ESCAPE '\\' OR " + models
                    + ".model_family ILIKE :text ESCAPE '\\')");
            params.put("text", "%" + SqlLike.escape(filter.text()) + "%");
        }
        if (filter.family() != null) {
            where.append(" AND " + models + ".model_family = :family");
            params.put("family", filter.family());
        }
        if (filter.type() != null) {
            where.append(" AND " + models + ".model_type = :type");
            params.put("type", filter.type().key());
        }
        if (filter.size() != null) {
            where.append(" AND " + models + ".model_size = :size");
            params.put("size", filter.size().key());
        }
    }
}
