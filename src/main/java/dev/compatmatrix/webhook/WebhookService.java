package dev.compatmatrix.webhook;

import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.webhook.delivery.DeliveryBody;
import dev.compatmatrix.webhook.delivery.DeliveryWorker;
import dev.compatmatrix.webhook.repository.DeliveryRepository;
import dev.compatmatrix.webhook.repository.WebhookRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks: any signed-in user registers endpoints for the changes their watches cover, admins also for every change
 * or every level change. Users see and manage their own webhooks, admins everyone's. The signing secret is returned
 * once, on registration.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class WebhookService {

    /** Rows of the delivery log one screen shows. */
    public static final int LOG_ROWS = 200;

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookAddresses addresses;
    private final WebhookSecrets secrets;
    private final DeliveryBody body;
    private final DeliveryWorker worker;
    private final Clock clock;

    WebhookService(
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            WebhookAddresses addresses,
            WebhookSecrets secrets,
            DeliveryBody body,
            DeliveryWorker worker,
            Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.secrets = secrets;
        this.body = body;
        this.worker = worker;
        this.clock = clock;
    }

    /** A webhook just registered: {@code secret} is shown once and cannot be read again. */
    public record Registered(Webhook webhook, String secret) {}

    @Transactional
    public Registered register(String url, WebhookScope scope) {
        if (scope == null) {
            throw new IllegalArgumentException("Choose which changes the webhook receives");
        }
        if (scope.adminsOnly() && !isAdmin()) {
            throw new AccessDeniedException(
                    "Only admins register webhooks for " + scope.label().toLowerCase());
        }
        String checked = addresses.check(url).toString();
        String secret = WebhookSecrets.newSecret();
        long id = webhooks.insert(
                Actor.name(),
                checked,
                scope,
                secrets.seal(secret),
                WebhookSecrets.hint(secret),
                LocalDateTime.now(clock));
        return new Registered(webhooks.find(id).orElseThrow(), secret);
    }

    /** The caller's webhooks; an admin's list holds everyone's. */
    @Transactional(readOnly = true)
    public List<Webhook> list() {
        return webhooks.list(isAdmin() ? null : Actor.name());
    }

    @Transactional
    public void delete(long webhookId) {
        webhooks.delete(own(webhookId).id());
    }

    /** Queues a test event for the webhook, sent within a second like any delivery (and logged alike). */
    @Transactional
    public void sendTest(long webhookId) {
        Webhook webhook = own(webhookId);
        LocalDateTime now = LocalDateTime.now(clock);
        String eventId =
                "wh" + webhook.id() + "-test-" + UUID.randomUUID().toString().substring(0, 8);
        deliveries.queue(webhook.id(), null, eventId, body.test(eventId, webhook.url(), now), now);
        worker.nudgeAfterCommit();
    }

    /** The webhook's delivery log, newest attempt first. */
    @Transactional(readOnly = true)
    public List<WebhookAttempt> log(long webhookId) {
        return deliveries.attempts(own(webhookId).id(), LOG_ROWS);
    }

    /** The webhook if the caller may manage it; someone else's is "not found" to a user, so ids reveal nothing. */
    private Webhook own(long webhookId) {
        return webhooks.find(webhookId)
                .filter(w -> isAdmin() || w.owner().equals(Actor.name()))
                .orElseThrow(() -> new IllegalArgumentException("No such webhook (it may have been deleted)"));
    }

    private static boolean isAdmin() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Roles.authority(Roles.ADMIN)));
    }
}
