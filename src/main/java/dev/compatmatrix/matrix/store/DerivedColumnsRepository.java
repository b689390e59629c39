package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a model's {@code cross_platform_compatibility} row ({@link MatrixWriter} writes it). */
@Repository
public class DerivedColumnsRepository {

    /** The columns {@link ScoreRule} derives, and the time they were derived. */
    private static final List<MatrixTables.Column<MatrixTables.MatrixRow>> DERIVED = MatrixTables.MATRIX_ROWS.columns(
            "cuda_support",
            "rocm_support",
            "mps_support",
            "openvino_support",
            "qualcomm_support",
            "webnn_support",
            "webgpu_support",
            "cpu_support",
            "recommended_platform",
            "compatibility_score",
            "last_updated",
            "cpu_level_rank",
            "cuda_level_rank",
            "rocm_level_rank",
            "mps_level_rank",
            "openvino_level_rank",
            "qualcomm_level_rank",
            "webnn_level_rank",
            "webgpu_level_rank");

    private static final List<MatrixTables.Column<MatrixTables.MatrixRow>> ID = MatrixTables.MATRIX_ROWS.columns("id");

    private final JdbcClient jdbc;
    private final TableAppender appender;
    private final MatrixDatabase database;

    public DerivedColumnsRepository(JdbcClient jdbc, TableAppender appender, MatrixDatabase database) {
        this.jdbc = jdbc;
        this.appender = appender;
        this.database = database;
    }

    /** {@link #storeChanged}'s statements by the platforms they set. */
    private final Map<Set<Platform>, String> storeChangedSql = new java.util.concurrent.ConcurrentHashMap<>();

    /** A model's id and its matrix row's id. */
    public record ModelRef(int modelId, int compatibilityId) {}

    public Optional<ModelRef> findByModelName(String modelName) {
        return jdbc.sql("""
                        SELECT m.model_id, c.id FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        WHERE m.model_name = :name""")
                .param("name", modelName)
                .query((rs, n) -> new ModelRef(rs.getInt(1), rs.getInt(2)))
                .optional();
    }

    /** The named models that exist (deleted ones do not), by name, in one query; names not found are absent. */
    public Map<String, ModelRef> findByModelNames(Collection<String> modelNames) {
        Map<String, ModelRef> found = new HashMap<>();
        jdbc.sql("""
                        SELECT m.model_name, m.model_id, c.id
                        FROM """ + TextList.NAMES_TABLE + """
                         n
                        JOIN models m ON m.model_name = n.name
                        JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        WHERE m.deleted_at IS NULL""")
                .param("names", TextList.join(modelNames))
                .query(rs -> {
                    found.put(rs.getString(1), new ModelRef(rs.getInt(2), rs.getInt(3)));
                });
        return found;
    }

    public Optional<ModelRef> findByModelId(int modelId) {
        return jdbc.sql("SELECT model_id, id FROM cross_platform_compatibility WHERE model_id = :modelId")
                .param("modelId", modelId)
                .query((rs, n) -> new ModelRef(rs.getInt(1), rs.getInt(2)))
                .optional();
    }

    /** Ids for new matrix rows, drawn from their sequence in one statement. */
    public List<Integer> newIds(int count) {
        return appender.nextIds("cross_platform_compatibility_seq", count).stream()
                .map(Long::intValue)
                .toList();
    }

    /**
     * Stores what {@link ScoreRule} derived, bumping {@code last_updated} (which invalidates matrix caches), for many
     * models in one statement. The derived values (ids, booleans, level ranks, scores,
     * platform keys — never user text) travel as one text parameter, "id,flags,ranks,score,platform" per model and
     * ";" between models, which the database splits: planning a statement with a parameter per value costs more than
     * the update itself. Flags and ranks are one digit per platform (rank 0 for not tested), read by position. The
     * functions mean the same on DuckDB and PostgreSQL. This is the part after the platforms' columns.
     */
    private static final String STORE_REST = """
                compatibility_score = v.score, recommended_platform = v.recommended, last_updated = :now
            FROM (
                SELECT CAST(f[1] AS INTEGER) AS id, f[2] AS flags, f[3] AS ranks,
                       CAST(f[4] AS REAL) AS score, nullif(f[5], '') AS recommended
                FROM (SELECT string_to_array(unnest(string_to_array(:rows, ';')), ',') AS f) AS split
            ) AS v
            WHERE cross_platform_compatibility.id = v.id
            """;

    /** The store of every platform's support and level rank. */
    private static final String STORE_ALL_SQL = storeSql(EnumSet.allOf(Platform.class));

    void storeAll(Map<Integer, ScoreRule.Derived> derivedById, LocalDateTime now) {
        if (derivedById.isEmpty()) {
            return;
        }
        if (derivedById.size() == 1) {
            // One model: a plain UPDATE of the column list plans faster than splitting a text.
            var only = derivedById.entrySet().iterator().next();
            var row = new MatrixTables.MatrixRow(only.getKey(), 0, null, only.getValue(), now);
            database.update(
                    MatrixTables.MATRIX_ROWS.name(),
                    ID,
                    DERIVED,
                    null,
                    List.<Object[]>of(MatrixTables.MATRIX_ROWS.values(row, ID, DERIVED)));
            return;
        }
        jdbc.sql(STORE_ALL_SQL)
                .param("rows", encode(derivedById))
                .param("now", now)
                .update();
    }

    /**
     * {@link #storeAll}, setting of each model only the support and rank of the platforms whose level changed (a
     * platform's pair follows its own level alone) besides the score, recommendation and {@code last_updated}: DuckDB's
     * UPDATE costs by the columns it sets (400 scattered rows: all 19 columns ~430 ms, 5 columns ~110 ms, under load;
     * BENCHMARKS.md, issue 24). One statement per set of changed platforms — one platform per model in a batch of
     * distinct cells, so at most a statement per platform.
     */
    void storeChanged(
            Map<Integer, ScoreRule.Derived> derivedById, Map<Integer, Set<Platform>> changed, LocalDateTime now) {
        Map<Set<Platform>, Map<Integer, ScoreRule.Derived>> groups = new LinkedHashMap<>();
        derivedById.forEach((id, derived) -> {
            Set<Platform> platforms = EnumSet.noneOf(Platform.class);
            platforms.addAll(changed.getOrDefault(id, Set.of()));
            groups.computeIfAbsent(platforms, p -> new LinkedHashMap<>()).put(id, derived);
        });
        groups.forEach((platforms, group) -> jdbc.sql(
                        storeChangedSql.computeIfAbsent(platforms, DerivedColumnsRepository::storeSql))
                .param("rows", encode(group))
                .param("now", now)
                .update());
    }

    /** The store setting these platforms' support and level rank (positions as {@link #encode} writes them). */
    private static String storeSql(Set<Platform> platforms) {
        StringBuilder set = new StringBuilder("UPDATE cross_platform_compatibility SET\n");
        for (Platform p : platforms) {
            int at = p.ordinal() + 1;
            set.append(
                    "    %s = substr(v.flags, %d, 1) = '1', %s = nullif(CAST(substr(v.ranks, %d, 1) AS SMALLINT), 0),\n"
                            .formatted(p.supportColumn(), at, p.levelRankColumn(), at));
        }
        return set + STORE_REST;
    }

    /** "id,flags,ranks,score,platform" per model, ";" between models; one digit per platform in enum order. */
    private static String encode(Map<Integer, ScoreRule.Derived> derivedById) {
        StringBuilder rows = new StringBuilder();
        derivedById.forEach((id, derived) -> {
            if (!rows.isEmpty()) {
                rows.append(';');
            }
            rows.append(id).append(',');
            for (Platform platform : Platform.values()) {
                rows.append(derived.supports(platform) ? '1' : '0');
            }
            rows.append(',');
            for (Platform platform : Platform.values()) {
                Integer rank = derived.levelRank(platform);
                rows.append(rank == null ? 0 : rank);
            }
            rows.append(',')
                    .append(derived.score())
                    .append(',')
                    .append(
                            derived.recommended() == null
                                    ? ""
                                    : derived.recommended().key());
        });
        return rows.toString();
    }
}
