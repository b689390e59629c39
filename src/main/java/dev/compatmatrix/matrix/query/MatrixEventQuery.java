package dev.compatmatrix.matrix.query;

import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code matrix_events} with each model's name and family. Features that select events by their own
 * conditions (watches, feeds, webhooks) append to {@link #SELECT} (alias {@code e} for the events, {@code m} for
 * the models) and map rows with {@link #map}.
 */
@Repository
public class MatrixEventQuery {

    public static final String SELECT = """
            SELECT e.id, e.change_id, e.occurred_at, e.kind, e.model_id, m.model_name, m.model_family,
                   e.hardware_type, e.previous_level, e.new_level, e.detail, e.actor
            FROM matrix_events e JOIN models m ON m.model_id = e.model_id
            """;

    private final JdbcClient jdbc;

    MatrixEventQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The events of one committed change, in the order written. */
    public List<MatrixEvent> ofChange(long changeId) {
        return jdbc.sql(SELECT + "WHERE e.change_id = :change ORDER BY e.id")
                .param("change", changeId)
                .query(MatrixEventQuery::map)
                .list();
    }

    /** The newest events of one model, newest first. */
    public List<MatrixEvent> ofModel(int modelId, int limit) {
        return jdbc.sql(SELECT + "WHERE e.model_id = :model ORDER BY e.id DESC LIMIT :limit")
                .param("model", modelId)
                .param("limit", limit)
                .query(MatrixEventQuery::map)
                .list();
    }

    /** The newest events of one platform, newest first. */
    public List<MatrixEvent> ofPlatform(Platform platform, int limit) {
        return jdbc.sql(SELECT + "WHERE e.hardware_type = :platform ORDER BY e.id DESC LIMIT :limit")
                .param("platform", platform.key())
                .param("limit", limit)
                .query(MatrixEventQuery::map)
                .list();
    }

    public static MatrixEvent map(ResultSet rs, int row) throws SQLException {
        return new MatrixEvent(
                rs.getLong("id"),
                rs.getLong("change_id"),
                rs.getTimestamp("occurred_at").toLocalDateTime(),
                ChangeKind.fromKey(rs.getString("kind")).orElseThrow(),
                rs.getInt("model_id"),
                rs.getString("model_name"),
                rs.getString("model_family"),
                Platform.fromKey(rs.getString("hardware_type")).orElse(null),
                CompatibilityLevel.fromKey(rs.getString("previous_level")).orElse(null),
                CompatibilityLevel.fromKey(rs.getString("new_level")).orElse(null),
                rs.getString("detail"),
                rs.getString("actor"));
    }
}
