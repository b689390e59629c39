package dev.compatmatrix.feed;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.feed.repository.FeedSecretRepository;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's own private feed secret. A new secret is returned once and never stored (only its hash), like an API
 * token's: a copy of the database or of a backup gives nobody a working feed address. Replacing it stops the old
 * address at once.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class FeedSecretService {

    private final FeedSecretRepository secrets;
    private final AuditLog audit;
    private final Clock clock;

    public FeedSecretService(FeedSecretRepository secrets, AuditLog audit, Clock clock) {
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in user's secret as the Feeds screen describes it; empty before the first one is made. */
    @Transactional(readOnly = true)
    public Optional<FeedSecret> current() {
        return secrets.find(Actor.name());
    }

    /** Makes a new secret for the signed-in user, replacing any previous one; the secret is shown once. */
    @Transactional
    public String replace() {
        String username = Actor.name();
        boolean had = secrets.find(username).isPresent();
        String secret = FeedSecrets.newSecret();
        LocalDateTime now = LocalDateTime.now(clock);
        secrets.put(username, FeedSecrets.hash(secret), FeedSecrets.shortForm(secret), now);
        audit.record(
                username,
                had ? "feed.replace" : "feed.create",
                "feed_secrets",
                username,
                had ? "Replaced the private feed address" : "Made a private feed address",
                null,
                null,
                now);
        return secret;
    }
}
