package dev.compatmatrix.security.token;

import java.time.LocalDateTime;
import java.util.Set;

/** An API token as admins see it: never the secret, only its recognisable prefix. Times are UTC. */
public record ApiToken(
        int tokenId,
        String name,
        String prefix,
        int validatorId,
        String validatorName,
        int validatorLevel,
        Set<ApiScope> scopes,
        String createdBy,
        LocalDateTime createdAt,
        LocalDateTime expiresAt,
        LocalDateTime revokedAt,
        LocalDateTime lastUsedAt) {

    public boolean usableAt(LocalDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
