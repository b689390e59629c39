package dev.compatmatrix.validation.repository;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ValidatorRepository {

    private final JdbcClient jdbc;

    public ValidatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a validator row; returns its id. */
    public int insert(String name, String type, String email, String organization, int level,
                      LocalDateTime createdAt) {
        return jdbc.sql("""
                        INSERT INTO validators (name, type, email, organization, verification_level, created_at)
                        VALUES (:name, :type, :email, :organization, :level, :createdAt)
                        RETURNING validator_id
                        """)
                .param("name", name).param("type", type).param("email", email)
                .param("organization", organization).param("level", level).param("createdAt", createdAt)
                .query(Integer.class).single();
    }
}
