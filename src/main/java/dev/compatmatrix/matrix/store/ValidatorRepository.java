package dev.compatmatrix.matrix.store;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ValidatorRepository {

    /** The validator linked to an enabled console user. */
    public static final String FOR_USER_SQL = """
            SELECT v.validator_id, v.name, v.verification_level FROM app_users u
            JOIN validators v ON v.validator_id = u.validator_id
            WHERE u.username = :username AND u.enabled""";

    private final JdbcClient jdbc;

    public ValidatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A validator as approvals need it. */
    public record ValidatorRef(int validatorId, String name, int level) {}

    /** The validator row linked to a console user, if any. */
    public java.util.Optional<ValidatorRef> findForUser(String username) {
        return jdbc.sql(FOR_USER_SQL)
                .param("username", username)
                .query((rs, n) -> new ValidatorRef(rs.getInt(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    /** Inserts a validator row; returns its id. */
    public int insert(String name, String type, String email, String organization, int level, LocalDateTime createdAt) {
        return jdbc.sql("""
                        INSERT INTO validators (name, type, email, organization, verification_level, created_at)
                        VALUES (:name, :type, :email, :organization, :level, :createdAt)
                        RETURNING validator_id
                        """)
                .param("name", name)
                .param("type", type)
                .param("email", email)
                .param("organization", organization)
                .param("level", level)
                .param("createdAt", createdAt)
                .query(Integer.class)
                .single();
    }

    /** Validators that report through the API (types ci_pipeline and automated_test). */
    public java.util.List<ValidatorRef> automated() {
        return jdbc.sql("""
                        SELECT validator_id, name, verification_level FROM validators
                        WHERE type IN ('ci_pipeline', 'automated_test') ORDER BY name""")
                .query((rs, n) -> new ValidatorRef(
                        rs.getInt("validator_id"), rs.getString("name"), rs.getInt("verification_level")))
                .list();
    }

    /** Validators that are people (type human), for linking console users. */
    public java.util.List<ValidatorRef> humans() {
        return jdbc.sql(
                        "SELECT validator_id, name, verification_level FROM validators WHERE type = 'human' ORDER BY name")
                .query((rs, n) -> new ValidatorRef(
                        rs.getInt("validator_id"), rs.getString("name"), rs.getInt("verification_level")))
                .list();
    }

    /** A validators row as admins edit it. */
    public record ValidatorRow(
            int validatorId,
            String name,
            String type,
            String email,
            String organization,
            int level,
            LocalDateTime createdAt) {}

    public java.util.List<ValidatorRow> all() {
        return jdbc.sql("""
                        SELECT validator_id, name, type, email, organization, verification_level, created_at
                        FROM validators ORDER BY name""")
                .query((rs, n) -> new ValidatorRow(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        dev.compatmatrix.base.db.SqlTimes.utc(rs.getTimestamp(7))))
                .list();
    }

    public java.util.Optional<ValidatorRow> find(int validatorId) {
        return all().stream().filter(v -> v.validatorId() == validatorId).findFirst();
    }

    /** Changes a validator; its level counts for approvals from now on (past reviews keep theirs). */
    public void update(int validatorId, String name, String type, String email, String organization, int level) {
        jdbc.sql("""
                        UPDATE validators SET name = :name, type = :type, email = :email, organization = :organization,
                            verification_level = :level
                        WHERE validator_id = :id""")
                .param("name", name)
                .param("type", type)
                .param("email", email)
                .param("organization", organization)
                .param("level", level)
                .param("id", validatorId)
                .update();
    }
}
