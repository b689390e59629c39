package dev.compatmatrix.admin.importing.query;

import dev.compatmatrix.base.db.TextList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an import file's rows meet in the database: which of the models it names exist, and their current
 * levels. Only the models the file names, passed as one split text: the catalogue may hold 100,000 models.
 */
@Repository
public class ImportTargetsQuery {

    /** A model's current level on one platform. */
    public record CurrentLevel(String model, String platform, String level) {}

    private final JdbcClient jdbc;

    public ImportTargetsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The names among {@code names} of models that exist (not deleted). */
    public List<String> existingModels(Collection<String> names) {
        return jdbc.sql("""
                        SELECT m.model_name FROM models m
                        JOIN """ + TextList.NAMES_TABLE + """
                         n ON n.name = m.model_name
                        WHERE m.deleted_at IS NULL""")
                .param("names", TextList.join(names))
                .query(String.class)
                .list();
    }

    /** Every claim's level of the models among {@code names}. */
    public List<CurrentLevel> levels(Collection<String> names) {
        return jdbc.sql("""
                        SELECT m.model_name, d.hardware_type, d.compatibility_level
                        FROM """ + TextList.NAMES_TABLE + """
                         n
                        JOIN models m ON m.model_name = n.name AND m.deleted_at IS NULL
                        JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        JOIN compatibility_details d ON d.compatibility_id = c.id""")
                .param("names", TextList.join(names))
                .query((rs, n) -> new CurrentLevel(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
