package dev.compatmatrix.security.repository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per user, a number that grows each time their open sessions must end (disabled, roles changed, password reset),
 * kept in the database so that the sessions end on every application node.
 */
@Repository
public class SessionGenerationRepository {

    private final JdbcClient jdbc;

    public SessionGenerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's generation now: 0 until their sessions are first ended. */
    public long current(String username) {
        return jdbc.sql("SELECT generation FROM session_generations WHERE username = :username")
                .param("username", username)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Ends the user's sessions everywhere, in the caller's transaction. */
    public void next(String username) {
        jdbc.sql("""
                        INSERT INTO session_generations AS g (username, generation) VALUES (:username, 1)
                        ON CONFLICT (username) DO UPDATE SET generation = g.generation + 1""").param("username", username).update();
    }
}
