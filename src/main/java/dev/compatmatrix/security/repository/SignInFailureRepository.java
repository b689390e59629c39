package dev.compatmatrix.security.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins counted in the database, so that every application node throttles alike: a guess on one node
 * counts on the others.
 */
@Repository
public class SignInFailureRepository {

    /** How many failures a key has had in a row, and when the last one was (epoch milliseconds). */
    public record Failures(int count, long lastMillis) {}

    private final JdbcClient jdbc;

    public SignInFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The failures of these keys; keys without failures are absent. */
    public Map<String, Failures> find(List<String> keys) {
        Map<String, Failures> found = new HashMap<>();
        jdbc.sql("""
                        SELECT throttle_key, failures, last_failure_ms FROM sign_in_failures
                        WHERE throttle_key IN (:keys)""").param("keys", keys).query(rs -> {
            found.put(rs.getString(1), new Failures(rs.getInt(2), rs.getLong(3)));
        });
        return found;
    }

    /** One more failure for this key, now. */
    public void count(String key, long nowMillis) {
        jdbc.sql("""
                        INSERT INTO sign_in_failures AS f (throttle_key, failures, last_failure_ms) VALUES (:key, 1, :now)
                        ON CONFLICT (throttle_key) DO UPDATE SET failures = f.failures + 1, last_failure_ms = excluded.last_failure_ms""").param("key", key).param("now", nowMillis).update();
    }

    public void clear(String key) {
        jdbc.sql("DELETE FROM sign_in_failures WHERE throttle_key = :key")
                .param("key", key)
                .update();
    }

    /** Forgets failures older than this; returns how many keys were forgotten. */
    public int forgetBefore(long millis) {
        return jdbc.sql("DELETE FROM sign_in_failures WHERE last_failure_ms < :before")
                .param("before", millis)
                .update();
    }
}
