package dev.compatmatrix.security.repository;

import dev.compatmatrix.security.AppUser;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String SELECT = """
            SELECT u.user_id, u.username, u.password_hash, u.display_name, u.validator_id, u.enabled,
                   array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL) AS roles
            FROM app_users u LEFT JOIN user_roles r ON r.user_id = u.user_id
            """;

    private static final String GROUP_BY =
            " GROUP BY u.user_id, u.username, u.password_hash, u.display_name, u.validator_id, u.enabled";

    public Optional<AppUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username" + GROUP_BY)
                .param("username", username)
                .query(UserRepository::map)
                .optional();
    }

    /** Every user, by name. */
    public java.util.List<AppUser> all() {
        return jdbc.sql(SELECT + GROUP_BY + " ORDER BY u.username")
                .query(UserRepository::map)
                .list();
    }

    /** Enabled users holding the ADMIN role. */
    public long enabledAdmins() {
        return jdbc.sql("""
                        SELECT count(*) FROM app_users u JOIN user_roles r ON r.user_id = u.user_id
                        WHERE u.enabled AND r.role = 'ADMIN'""").query(Long.class).single();
    }

    /** Replaces a user's name, validator link, enabled flag and roles; the caller's transaction makes it one change. */
    public void update(int userId, String displayName, Integer validatorId, boolean enabled, Collection<String> roles) {
        jdbc.sql(
                        "UPDATE app_users SET display_name = :name, validator_id = :validator, enabled = :enabled WHERE user_id = :id")
                .param("name", displayName)
                .param("validator", validatorId)
                .param("enabled", enabled)
                .param("id", userId)
                .update();
        jdbc.sql("DELETE FROM user_roles WHERE user_id = :id")
                .param("id", userId)
                .update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:userId, :role)")
                    .param("userId", userId)
                    .param("role", role)
                    .update();
        }
    }

    public void setPasswordHash(int userId, String passwordHash) {
        jdbc.sql("UPDATE app_users SET password_hash = :hash WHERE user_id = :id")
                .param("hash", passwordHash)
                .param("id", userId)
                .update();
    }

    private static AppUser map(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new AppUser(
                rs.getInt("user_id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                (Integer) rs.getObject("validator_id"),
                rs.getBoolean("enabled"),
                roles(rs.getArray("roles")));
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_users").query(Long.class).single();
    }

    /** Inserts a user with its roles; the caller's transaction makes both one change. */
    public int insert(
            String username, String passwordHash, String displayName, Integer validatorId, Collection<String> roles) {
        int userId = jdbc.sql("""
                        INSERT INTO app_users (username, password_hash, display_name, validator_id, enabled, created_at)
                        VALUES (:username, :hash, :displayName, :validatorId, true, :now)
                        RETURNING user_id
                        """)
                .param("username", username)
                .param("hash", passwordHash)
                .param("displayName", displayName)
                .param("validatorId", validatorId)
                .param("now", LocalDateTime.now(clock))
                .query(Integer.class)
                .single();
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:userId, :role)")
                    .param("userId", userId)
                    .param("role", role)
                    .update();
        }
        return userId;
    }

    private static Set<String> roles(java.sql.Array array) throws java.sql.SQLException {
        Set<String> roles = new TreeSet<>();
        if (array != null) {
            for (Object role : (Object[]) array.getArray()) {
                roles.add(role.toString());
            }
        }
        return roles;
    }
}
