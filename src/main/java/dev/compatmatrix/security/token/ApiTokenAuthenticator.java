package dev.compatmatrix.security.token;

import dev.compatmatrix.security.repository.ApiTokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a presented API token before anyone is signed in (security infrastructure, like the user details
 * service): known hash, not revoked, not expired. Records the last use at most once a minute per token, so
 * reads do not turn into a write per request.
 */
@Component
public class ApiTokenAuthenticator {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ConcurrentHashMap<Integer, LocalDateTime> lastTouched = new ConcurrentHashMap<>();

    public ApiTokenAuthenticator(ApiTokenRepository tokens, TransactionTemplate transaction, Clock clock) {
        this.tokens = tokens;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The token for this secret when it may be used now; empty for unknown, revoked or expired ones. */
    public Optional<ApiToken> authenticate(String secret) {
        if (!TokenSecrets.looksLikeToken(secret)) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<ApiToken> token = tokens.findByHash(TokenSecrets.hash(secret)).filter(t -> t.usableAt(now));
        token.ifPresent(t -> touch(t.tokenId(), now));
        return token;
    }

    private void touch(int tokenId, LocalDateTime now) {
        LocalDateTime previous = lastTouched.get(tokenId);
        if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
            lastTouched.put(tokenId, now);
            try {
                transaction.executeWithoutResult(status -> tokens.touch(tokenId, now));
            } catch (RuntimeException e) {
                // A concurrent ingest may hold the row; the last-used time is informational, never worth a failure.
                lastTouched.remove(tokenId);
            }
        }
    }
}
