package dev.compatmatrix.webhook.delivery;

import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.webhook.WebhookSettings;
import dev.compatmatrix.webhook.repository.DeliveryRepository;
import dev.compatmatrix.webhook.repository.DeliveryRepository.Due;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends webhook deliveries after commit, on threads of its own, so a slow or hanging receiver never delays a write or
 * an API answer: one dispatch thread fans out new changes and leases due deliveries (every {@code interval}, and at
 * once when a commit is signalled), and each lease is sent on a virtual thread, at most {@link #IN_FLIGHT} at once.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Deliveries sent at once by one node. */
    static final int IN_FLIGHT = 16;

    private final FanOut fanOut;
    private final DeliveryRepository deliveries;
    private final DeliverySender sender;
    private final LiveChanges live;
    private final WebhookSettings settings;
    private final Clock clock;
    /** This node, as leases name it (two nodes may share a host). */
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);

    private final ScheduledExecutorService dispatch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-dispatch").daemon().factory());
    private final ExecutorService sending = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("webhook-send-", 0).factory());
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicBoolean nudged = new AtomicBoolean();
    /** Deliveries this node has leased and not finished. */
    private final Set<Long> leased = ConcurrentHashMap.newKeySet();

    private Runnable unsubscribe = () -> {};

    DeliveryWorker(
            FanOut fanOut,
            DeliveryRepository deliveries,
            DeliverySender sender,
            LiveChanges live,
            WebhookSettings settings,
            Clock clock) {
        this.fanOut = fanOut;
        this.deliveries = deliveries;
        this.sender = sender;
        this.live = live;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts once the application is ready (the database migrated), and sends what an earlier run left behind. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        unsubscribe = live.subscribe(change -> nudge());
        long every = settings.interval().toMillis();
        dispatch.scheduleWithFixedDelay(this::dispatchSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Looks for work now (a commit happened, or a test event was queued); returns at once. */
    public void nudge() {
        if (nudged.compareAndSet(false, true)) {
            try {
                dispatch.execute(this::dispatchSafely);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    /** Nudges once the caller's transaction has committed (what it queued is visible then), or now outside one. */
    public void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge();
                }
            });
        } else {
            nudge();
        }
    }

    private void dispatchSafely() {
        nudged.set(false);
        try {
            fanOut.all();
            leaseAndSend();
        } catch (RuntimeException e) {
            log.warn("Webhook dispatch failed; it runs again in {}", settings.interval(), e);
        }
    }

    private void leaseAndSend() {
        LocalDateTime now = LocalDateTime.now(clock);
        int free = inFlight.availablePermits();
        if (free == 0) {
            return;
        }
        for (Due due : deliveries.due(now, free)) {
            if (!inFlight.tryAcquire()) {
                return;
            }
            boolean taken;
            try {
                taken = deliveries.lease(due.id(), due.attempts(), node, now, now.plus(lease()));
            } catch (RuntimeException e) {
                // Another node leased it in the same instant (a write-write conflict): it sends it.
                taken = false;
            }
            if (!taken) {
                inFlight.release();
                continue;
            }
            leased.add(due.id());
            sending.execute(() -> {
                boolean cutOff = false;
                try {
                    cutOff = !sender.send(due, due.attempts() + 1, node);
                } catch (RuntimeException e) {
                    // E.g. the webhook was deleted meanwhile; otherwise the lease runs out and the delivery is due
                    // again.
                    log.warn("Webhook delivery {} could not be recorded", due.eventId(), e);
                } finally {
                    if (!cutOff) {
                        leased.remove(due.id());
                    }
                    inFlight.release();
                }
            });
        }
    }

    /** How long a leased delivery stays with this node: longer than an attempt can take, short enough after a crash. */
    private Duration lease() {
        return settings.timeout().multipliedBy(3).plusSeconds(5);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        unsubscribe.run();
        dispatch.shutdownNow();
        sending.shutdownNow();
        dispatch.awaitTermination(5, TimeUnit.SECONDS);
        sending.awaitTermination(5, TimeUnit.SECONDS);
        // Deliveries cut off by the shutdown are due again at once, on whichever node runs next (else when the lease
        // runs out). Only when there are any: a database already gone would hold the shutdown for the pool's time-out.
        if (!leased.isEmpty()) {
            try {
                deliveries.release(node, Set.copyOf(leased));
            } catch (RuntimeException e) {
                log.warn(
                        "Could not give back {} webhook deliveries; they are sent again when their lease runs out",
                        leased.size(),
                        e);
            }
        }
    }
}
