package dev.compatmatrix.watch.repository;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.watch.Watch;
import dev.compatmatrix.watch.WatchTarget;
import dev.compatmatrix.watch.WatchTarget.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users' rows of {@code watches} (V0013), always of one user: every statement is bound to a user name. A watch's
 * {@code target} ("model:12", "platform:cuda", "family:llama", "cell:12:cuda") is unique per user.
 */
@Repository
public class WatchRepository {

    private static final String SELECT = """
            SELECT w.id, w.kind, w.hardware_type, w.model_family, w.created_at, m.model_name,
                   m.deleted_at IS NOT NULL AS model_deleted
            FROM watches w LEFT JOIN models m ON m.model_id = w.model_id
            WHERE w.username = :username
            """;

    private final JdbcClient jdbc;

    public WatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's watches, newest first. */
    public List<Watch> ofUser(String username) {
        return jdbc.sql(SELECT + "ORDER BY w.id DESC")
                .param("username", username)
                .query(WatchRepository::map)
                .list();
    }

    public Optional<Watch> find(String username, String target) {
        return jdbc.sql(SELECT + "AND w.target = :target")
                .param("username", username)
                .param("target", target)
                .query(WatchRepository::map)
                .optional();
    }

    public Optional<Watch> findById(String username, long id) {
        return jdbc.sql(SELECT + "AND w.id = :id")
                .param("username", username)
                .param("id", id)
                .query(WatchRepository::map)
                .optional();
    }

    public int count(String username) {
        return jdbc.sql("SELECT count(*) FROM watches WHERE username = :username")
                .param("username", username)
                .query(Integer.class)
                .single();
    }

    /** Adds the watch unless the user watches the target already; false then. */
    public boolean insert(
            String username,
            Kind kind,
            Integer modelId,
            Platform platform,
            String family,
            String target,
            LocalDateTime now) {
        return jdbc.sql("""
                        INSERT INTO watches (username, kind, model_id, hardware_type, model_family, target, created_at)
                        VALUES (:username, :kind, :model, :platform, :family, :target, :now)
                        ON CONFLICT (username, target) DO NOTHING""")
                        .param("username", username)
                        .param("kind", kind.key())
                        .param("model", modelId)
                        .param("platform", platform == null ? null : platform.key())
                        .param("family", family)
                        .param("target", target)
                        .param("now", now)
                        .update()
                > 0;
    }

    public boolean delete(String username, String target) {
        return jdbc.sql("DELETE FROM watches WHERE username = :username AND target = :target")
                        .param("username", username)
                        .param("target", target)
                        .update()
                > 0;
    }

    public boolean deleteById(String username, long id) {
        return jdbc.sql("DELETE FROM watches WHERE username = :username AND id = :id")
                        .param("username", username)
                        .param("id", id)
                        .update()
                > 0;
    }

    /** The id of the model of this name that is not deleted. */
    public Optional<Integer> modelId(String modelName) {
        return jdbc.sql("SELECT model_id FROM models WHERE model_name = :name AND deleted_at IS NULL")
                .param("name", modelName)
                .query(Integer.class)
                .optional();
    }

    /** The ids of every model of this name, deleted ones too (a deleted model's watch can still be removed). */
    public List<Integer> modelIdsEverNamed(String modelName) {
        return jdbc.sql("SELECT model_id FROM models WHERE model_name = :name ORDER BY deleted_at NULLS FIRST")
                .param("name", modelName)
                .query(Integer.class)
                .list();
    }

    public boolean familyExists(String family) {
        return jdbc.sql("SELECT count(*) FROM models WHERE model_family = :family AND deleted_at IS NULL")
                        .param("family", family)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static Watch map(ResultSet rs, int row) throws SQLException {
        Kind kind = Kind.fromKey(rs.getString("kind")).orElseThrow();
        Platform platform = Platform.fromKey(rs.getString("hardware_type")).orElse(null);
        return new Watch(
                rs.getLong("id"),
                new WatchTarget(kind, rs.getString("model_name"), platform, rs.getString("model_family")),
                rs.getBoolean("model_deleted"),
                rs.getTimestamp("created_at").toLocalDateTime());
    }
}
