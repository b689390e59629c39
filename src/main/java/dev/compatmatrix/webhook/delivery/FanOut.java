package dev.compatmatrix.webhook.delivery;

import dev.compatmatrix.base.db.DatabaseErrors;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.watch.query.WatchedEvents;
import dev.compatmatrix.webhook.WebhookScope;
import dev.compatmatrix.webhook.repository.DeliveryRepository;
import dev.compatmatrix.webhook.repository.OutboxRepository;
import dev.compatmatrix.webhook.repository.WebhookRepository;
import dev.compatmatrix.webhook.repository.WebhookRepository.Target;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns committed matrix changes into webhook deliveries: one transaction takes the oldest changes not fanned out,
 * queues one delivery per webhook and change with that change's events the webhook receives, and marks the changes
 * fanned out. A restart therefore loses no change, and a crash never fans one out twice. Two nodes fanning out at
 * once write the same rows: one of them fails (a write-write conflict, or on PostgreSQL a serialization failure
 * under repeatable read) and leaves the batch to the other.
 */
@Component
public class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    /** Events looked at per transaction (whole changes are taken, so a batch may hold more). */
    static final int BATCH_EVENTS = 500;

    private final OutboxRepository outbox;
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WatchedEvents watched;
    private final DeliveryBody body;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FanOut(
            OutboxRepository outbox,
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            WatchedEvents watched,
            DeliveryBody body,
            TransactionTemplate transaction,
            Clock clock) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.watched = watched;
        this.body = body;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Fans out every change not fanned out yet; returns how many deliveries were queued. */
    public int all() {
        int queued = 0;
        for (int batch = oneBatch(); batch >= 0; batch = oneBatch()) {
            queued += batch;
        }
        return queued;
    }

    /** One batch in one transaction: the deliveries queued, or -1 when nothing was left (or another node took it). */
    private int oneBatch() {
        try {
            Integer queued = transaction.execute(status -> {
                List<Long> changes = outbox.pendingChanges(BATCH_EVENTS);
                if (changes.isEmpty()) {
                    return -1;
                }
                int count = queue(outbox.eventsOf(changes));
                outbox.markFannedOut(changes);
                return count;
            });
            return queued == null ? -1 : queued;
        } catch (RuntimeException e) {
            if (DatabaseErrors.isConflict(e)) {
                log.debug("Another node fanned out the same changes: {}", e.toString());
                return -1;
            }
            throw e;
        }
    }

    private int queue(List<MatrixEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int queued = 0;
        for (Target webhook : webhooks.targets()) {
            for (var change : received(webhook, events).entrySet()) {
                String eventId = "wh" + webhook.id() + "-c" + change.getKey();
                deliveries.queue(
                        webhook.id(),
                        change.getKey(),
                        eventId,
                        body.of(eventId, change.getKey(), change.getValue()),
                        now);
                queued++;
            }
        }
        return queued;
    }

    /** The events this webhook receives, by change, in id order. */
    private Map<Long, List<MatrixEvent>> received(Target webhook, List<MatrixEvent> events) {
        List<MatrixEvent> taken;
        if (webhook.scope() == WebhookScope.WATCHES) {
            Set<Long> ids = events.stream().map(MatrixEvent::id).collect(Collectors.toSet());
            taken = watched
                    .coveredAmong(
                            webhook.owner(),
                            events.getFirst().id(),
                            events.getLast().id())
                    .stream()
                    .filter(e -> ids.contains(e.id()))
                    .toList();
        } else {
            taken = events.stream().filter(webhook.scope()::takes).toList();
        }
        return taken.stream()
                .collect(Collectors.groupingBy(MatrixEvent::changeId, LinkedHashMap::new, Collectors.toList()));
    }
}
