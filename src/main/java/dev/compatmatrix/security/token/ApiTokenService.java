package dev.compatmatrix.security.token;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRef;
import dev.compatmatrix.security.repository.ApiTokenRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create, list and revoke API tokens. A new token's secret is returned once and never stored: only
 * its SHA-256 hash and a recognisable prefix are kept. A token is bound to an automated validator row, so
 * what it posts validates with that validator's level.
 */
@Service
@PreAuthorize(Roles.HAS_ADMIN)
public class ApiTokenService {

    /** A token may not live longer than this. */
    public static final int MAX_DAYS = 366;

    private final ApiTokenRepository tokens;
    private final ValidatorRepository validators;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokenService(ApiTokenRepository tokens, ValidatorRepository validators, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.validators = validators;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token just created: {@code secret} is shown to the admin once and cannot be read again. */
    public record CreatedToken(ApiToken token, String secret) {}

    @Transactional
    public CreatedToken create(String name, int validatorId, Set<ApiScope> scopes, int validDays) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("A token needs a name of 1 to 100 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one scope");
        }
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new IllegalArgumentException("A token is valid for 1 to " + MAX_DAYS + " days");
        }
        ValidatorRef validator = validators.automated().stream()
                .filter(v -> v.validatorId() == validatorId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "A token must belong to an automated validator (ci_pipeline or automated_test)"));
        String secret = TokenSecrets.newSecret();
        LocalDateTime now = LocalDateTime.now(clock);
        int id = tokens.insert(
                name.strip(),
                TokenSecrets.prefix(secret),
                TokenSecrets.hash(secret),
                validatorId,
                scopes,
                Actor.name(),
                now,
                now.plusDays(validDays));
        audit.record(
                Actor.name(),
                "token.create",
                "api_tokens",
                id,
                "Created API token '" + name.strip() + "' for " + validator.name(),
                null,
                Map.of("scopes", scopes.toString(), "days", validDays),
                now);
        return new CreatedToken(tokens.findById(id).orElseThrow(), secret);
    }

    @Transactional
    public void revoke(int tokenId) {
        LocalDateTime now = LocalDateTime.now(clock);
        ApiToken token = tokens.findById(tokenId)
                .orElseThrow(() -> new IllegalArgumentException("No API token with id " + tokenId));
        if (tokens.revoke(tokenId, now)) {
            audit.record(
                    Actor.name(),
                    "token.revoke",
                    "api_tokens",
                    tokenId,
                    "Revoked API token '" + token.name() + "'",
                    null,
                    null,
                    now);
        }
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return tokens.all();
    }

    /** The validators a token can be bound to. */
    @Transactional(readOnly = true)
    public List<ValidatorRef> automatedValidators() {
        return validators.automated();
    }
}
