package dev.compatmatrix.security.repository;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code api_tokens} rows joined with their validator. */
@Repository
public class ApiTokenRepository {

    private static final String SELECT = """
            SELECT t.token_id, t.name, t.token_prefix, t.validator_id, v.name AS validator_name,
                   v.verification_level, t.scopes, t.created_by, t.created_at, t.expires_at, t.revoked_at,
                   t.last_used_at
            FROM api_tokens t
            JOIN validators v ON v.validator_id = t.validator_id
            """;

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int insert(
            String name,
            String prefix,
            String hash,
            int validatorId,
            Set<ApiScope> scopes,
            String createdBy,
            LocalDateTime createdAt,
            LocalDateTime expiresAt) {
        return jdbc.sql("""
                        INSERT INTO api_tokens (name, token_prefix, token_hash, validator_id, scopes, created_by,
                                                created_at, expires_at)
                        VALUES (:name, :prefix, :hash, :validatorId, :scopes, :createdBy, :createdAt, :expiresAt)
                        RETURNING token_id""")
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("validatorId", validatorId)
                .param("scopes", scopes.stream().map(ApiScope::key).collect(Collectors.joining(" ")))
                .param("createdBy", createdBy)
                .param("createdAt", createdAt)
                .param("expiresAt", expiresAt)
                .query(Integer.class)
                .single();
    }

    public Optional<ApiToken> findByHash(String hash) {
        return jdbc.sql(SELECT + " WHERE t.token_hash = :hash")
                .param("hash", hash)
                .query(this::row)
                .optional();
    }

    public Optional<ApiToken> findById(int tokenId) {
        return jdbc.sql(SELECT + " WHERE t.token_id = :id")
                .param("id", tokenId)
                .query(this::row)
                .optional();
    }

    public List<ApiToken> all() {
        return jdbc.sql(SELECT + " ORDER BY t.created_at DESC, t.token_id DESC")
                .query(this::row)
                .list();
    }

    public boolean revoke(int tokenId, LocalDateTime now) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE token_id = :id AND revoked_at IS NULL")
                        .param("now", now)
                        .param("id", tokenId)
                        .update()
                == 1;
    }

    public void touch(int tokenId, LocalDateTime now) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE token_id = :id")
                .param("now", now)
                .param("id", tokenId)
                .update();
    }

    private ApiToken row(ResultSet rs, int rowNum) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String key : rs.getString("scopes").split(" ")) {
            ApiScope.fromKey(key).ifPresent(scopes::add);
        }
        return new ApiToken(
                rs.getInt("token_id"),
                rs.getString("name"),
                rs.getString("token_prefix"),
                rs.getInt("validator_id"),
                rs.getString("validator_name"),
                rs.getInt("verification_level"),
                scopes,
                rs.getString("created_by"),
                SqlTimes.utc(rs.getTimestamp("created_at")),
                SqlTimes.utc(rs.getTimestamp("expires_at")),
                SqlTimes.utc(rs.getTimestamp("revoked_at")),
                SqlTimes.utc(rs.getTimestamp("last_used_at")));
    }
}
