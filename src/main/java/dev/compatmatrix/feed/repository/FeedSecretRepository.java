package dev.compatmatrix.feed.repository;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.feed.FeedSecret;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code feed_secrets} (V0015): one hashed secret per user. */
@Repository
public class FeedSecretRepository {

    /**
     * The one rule of whether a secret row {@code f} works: its user is enabled and their sessions have not been
     * ended since it was made (a lower generation than today's).
     */
    private static final String WORKS = """
            (u.enabled AND f.session_generation =
                COALESCE((SELECT g.generation FROM session_generations g WHERE g.username = f.username), 0))""";

    private final JdbcClient jdbc;

    public FeedSecretRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes or replaces the user's secret, bound to their session generation now. */
    public void put(String username, String hash, String shortForm, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO feed_secrets (username, secret_hash, secret_prefix, session_generation, created_at)
                        VALUES (:username, :hash, :prefix,
                                COALESCE((SELECT generation FROM session_generations WHERE username = :username), 0),
                                :now)
                        ON CONFLICT (username) DO UPDATE SET
                            secret_hash = EXCLUDED.secret_hash,
                            secret_prefix = EXCLUDED.secret_prefix,
                            session_generation = EXCLUDED.session_generation,
                            created_at = EXCLUDED.created_at""")
                .param("username", username)
                .param("hash", hash)
                .param("prefix", shortForm)
                .param("now", now)
                .update();
    }

    /** Whose working secret has this hash; empty for an unknown, replaced or no longer working one. */
    public Optional<String> owner(String hash) {
        return jdbc.sql("SELECT f.username FROM feed_secrets f JOIN app_users u ON u.username = f.username"
                        + " WHERE f.secret_hash = :hash AND " + WORKS)
                .param("hash", hash)
                .query(String.class)
                .optional();
    }

    public Optional<FeedSecret> find(String username) {
        return jdbc.sql(
                        "SELECT f.secret_prefix, f.created_at, " + WORKS + " AS works"
                                + " FROM feed_secrets f JOIN app_users u ON u.username = f.username WHERE f.username = :username")
                .param("username", username)
                .query((rs, n) -> new FeedSecret(
                        rs.getString("secret_prefix"),
                        SqlTimes.utc(rs.getTimestamp("created_at")),
                        rs.getBoolean("works")))
                .optional();
    }
}
