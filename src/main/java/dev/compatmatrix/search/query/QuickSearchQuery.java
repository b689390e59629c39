package dev.compatmatrix.search.query;

import dev.compatmatrix.base.db.SqlLike;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quick search's reads: model names and families containing the text, case-insensitive ({@code ILIKE}: on
 * DuckDB a third faster than {@code lower(…) LIKE}, BENCHMARKS.md "Quick search"), the text's own
 * {@code %} and {@code _} taken literally. Ranked exact match first, then names that start with it (or a part after
 * a slash does: "whisper" finds "openai/whisper-tiny" before "distil-whisper"), then the rest; shorter names first.
 * One or two characters find only names (or parts after a slash) that start with them.
 */
@Repository
public class QuickSearchQuery {

    /** 0 exact, 1 prefix (of the name or of a part after a slash), 2 contains. */
    private static final String RANK = """
            CASE WHEN lower(%1$s) = :exact THEN 0
                 WHEN %1$s ILIKE :prefix ESCAPE '\\' OR %1$s ILIKE :partPrefix ESCAPE '\\' THEN 1
                 ELSE 2 END
            """;

    /** Texts shorter than this match only where a name (or a part after a slash) starts with them. */
    public static final int SHORTEST_CONTAINS = 3;

    private static final String MODELS = """
            SELECT model_name, model_family
            FROM models
            WHERE deleted_at IS NULL AND %s
            ORDER BY %s, length(model_name), model_name
            LIMIT :limit
            """;

    private static final String FAMILIES = """
            SELECT model_family, count(*) AS models
            FROM models
            WHERE deleted_at IS NULL AND %s
            GROUP BY model_family
            ORDER BY %s, length(model_family), model_family
            LIMIT :limit
            """;

    private static final String CONTAINS = "%s ILIKE :contains ESCAPE '\\'";
    /**
     * One or two letters are in thousands of names anywhere, so they match only at a name's (or part's) start:
     * PostgreSQL's trigram index answers that (a word's first letters), not "anywhere" (BENCHMARKS.md "Quick search").
     */
    private static final String STARTS = "(%1$s ILIKE :prefix ESCAPE '\\' OR %1$s ILIKE :partPrefix ESCAPE '\\')";

    public static final String MODELS_SQL =
            MODELS.formatted(CONTAINS.formatted("model_name"), RANK.formatted("model_name"));
    public static final String MODELS_STARTING_SQL =
            MODELS.formatted(STARTS.formatted("model_name"), RANK.formatted("model_name"));
    public static final String FAMILIES_SQL =
            FAMILIES.formatted(CONTAINS.formatted("model_family"), RANK.formatted("model_family"));
    public static final String FAMILIES_STARTING_SQL =
            FAMILIES.formatted(STARTS.formatted("model_family"), RANK.formatted("model_family"));

    private final JdbcClient jdbc;

    public QuickSearchQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ModelHit> models(String text, int limit) {
        return bind(jdbc.sql(modelsSql(text)), text, limit)
                .query((rs, n) -> new ModelHit(rs.getString("model_name"), rs.getString("model_family")))
                .list();
    }

    public List<FamilyHit> families(String text, int limit) {
        return bind(jdbc.sql(familiesSql(text)), text, limit)
                .query((rs, n) -> new FamilyHit(rs.getString("model_family"), rs.getLong("models")))
                .list();
    }

    /** The models statement for this text: "contains" from {@link #SHORTEST_CONTAINS} characters, else "starts". */
    public static String modelsSql(String text) {
        return text.length() < SHORTEST_CONTAINS ? MODELS_STARTING_SQL : MODELS_SQL;
    }

    public static String familiesSql(String text) {
        return text.length() < SHORTEST_CONTAINS ? FAMILIES_STARTING_SQL : FAMILIES_SQL;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String text, int limit) {
        return statement.params(parameters(text, limit));
    }

    /** The parameters of {@link #MODELS_SQL} and {@link #FAMILIES_SQL} for a text, for benchmarks over raw JDBC. */
    public static Map<String, Object> parameters(String text, int limit) {
        String lower = text.toLowerCase(Locale.ROOT);
        String literal = SqlLike.escape(lower);
        return Map.of(
                "exact", lower,
                "prefix", literal + "%",
                "partPrefix", "%/" + literal + "%",
                "contains", "%" + literal + "%",
                "limit", limit);
    }
}
