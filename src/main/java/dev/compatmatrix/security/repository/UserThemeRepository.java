package dev.compatmatrix.security.repository;

import dev.compatmatrix.security.ThemeChoice;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's colour scheme ({@code user_themes}, V0021). */
@Repository
public class UserThemeRepository {

    private final JdbcClient jdbc;

    public UserThemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's saved choice; empty when they never chose. */
    public Optional<ThemeChoice> find(String username) {
        return jdbc.sql("SELECT theme FROM user_themes WHERE username = :username")
                .param("username", username)
                .query((rs, row) -> ThemeChoice.valueOf(rs.getString(1)))
                .optional();
    }

    public void save(String username, ThemeChoice theme) {
        jdbc.sql("""
                        INSERT INTO user_themes (username, theme) VALUES (:username, :theme)
                        ON CONFLICT (username) DO UPDATE SET theme = excluded.theme""").param("username", username).param("theme", theme.name()).update();
    }
}
