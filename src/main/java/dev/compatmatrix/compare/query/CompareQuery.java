package dev.compatmatrix.compare.query;

import dev.compatmatrix.base.db.SqlLike;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Model names for the compare screen's picker: those containing a text, any case, by name. */
@Repository
public class CompareQuery {

    public static final String NAMES_SQL = """
            SELECT model_name
            FROM models
            WHERE deleted_at IS NULL AND lower(model_name) LIKE ('%' || lower(:text) || '%') ESCAPE '\\'
            ORDER BY model_name
            LIMIT :limit OFFSET :offset
            """;

    public static final String COUNT_SQL = """
            SELECT count(*)
            FROM models
            WHERE deleted_at IS NULL AND lower(model_name) LIKE ('%' || lower(:text) || '%') ESCAPE '\\'
            """;

    private final JdbcClient jdbc;

    public CompareQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> names(String text, int offset, int limit) {
        return jdbc.sql(NAMES_SQL)
                .param("text", pattern(text))
                .param("limit", limit)
                .param("offset", offset)
                .query(String.class)
                .list();
    }

    public int count(String text) {
        return jdbc.sql(COUNT_SQL)
                .param("text", pattern(text))
                .query(Long.class)
                .single()
                .intValue();
    }

    private static String pattern(String text) {
        return SqlLike.escape(text == null ? "" : text.strip());
    }
}
