package dev.compatmatrix.watch.repository;

import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's latest sign-in and the one before it ({@code user_visits}, V0014). */
@Repository
public class UserVisitRepository {

    private final JdbcClient jdbc;

    public UserVisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A sign-in now: the latest one so far becomes the previous one. */
    public void signedIn(String username, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO user_visits AS v (username, last_sign_in, previous_sign_in)
                        VALUES (:username, :now, NULL)
                        ON CONFLICT (username) DO UPDATE
                        SET previous_sign_in = v.last_sign_in, last_sign_in = excluded.last_sign_in""").param("username", username).param("now", now).update();
    }

    /** When the user signed in before their latest sign-in; empty before their second sign-in. */
    public Optional<LocalDateTime> previousSignIn(String username) {
        return jdbc.sql("SELECT previous_sign_in FROM user_visits WHERE username = :username")
                .param("username", username)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(t -> t.toLocalDateTime()))
                .optional()
                .flatMap(previous -> previous);
    }
}
