package dev.compatmatrix.matrix.query;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.Platform;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "Supported since": since when each claim has had its level, from the newest history row that set it (a change of
 * level, creation included) — its date and, where the history records it, the framework version it was about.
 */
@Repository
public class LevelSinceQuery {

    /** When a claim reached its level, and the version the change named (null when none was recorded). */
    public record LevelSince(LocalDateTime since, String version) {}

    private static final String SQL = """
            SELECT model_id, hardware_type, change_date, change_version FROM (
                SELECT h.model_id, h.hardware_type, h.new_status, h.change_date, h.change_version,
                       row_number() OVER (PARTITION BY h.model_id, h.hardware_type
                                          ORDER BY h.change_date DESC, h.id DESC) AS newest
                FROM compatibility_history h
                WHERE h.model_id IN (%s) AND h.change_date < :before) changes
            WHERE newest = 1 AND new_status IS NOT NULL""".formatted(TextList.IDS_QUERY);

    private final JdbcClient jdbc;

    public LevelSinceQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each of these models' cells that had a claim just before {@code before}: since when it had its level. */
    public Map<Integer, Map<Platform, LevelSince>> of(Collection<Integer> modelIds, LocalDateTime before) {
        Map<Integer, Map<Platform, LevelSince>> since = new HashMap<>();
        if (modelIds.isEmpty()) {
            return since;
        }
        jdbc.sql(SQL)
                .param("ids", TextList.joinIds(modelIds))
                .param("before", before)
                .query((ResultSet rs) -> {
                    since.computeIfAbsent(rs.getInt("model_id"), id -> new EnumMap<>(Platform.class))
                            .put(
                                    Platform.fromKey(rs.getString("hardware_type"))
                                            .orElseThrow(),
                                    new LevelSince(
                                            rs.getTimestamp("change_date").toLocalDateTime(),
                                            rs.getString("change_version")));
                });
        return since;
    }
}
