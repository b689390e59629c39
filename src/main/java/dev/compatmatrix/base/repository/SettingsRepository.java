package dev.compatmatrix.base.repository;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings an admin changes at run time, by name ({@code app_settings}); the owning feature's service guards each. */
@Repository
public class SettingsRepository {

    private final JdbcClient jdbc;

    public SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String name) {
        return jdbc.sql("SELECT value FROM app_settings WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    public void put(String name, String value) {
        jdbc.sql("""
                        INSERT INTO app_settings (name, value) VALUES (:name, :value)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value
                        """).param("name", name).param("value", value).update();
    }
}
