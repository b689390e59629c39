package dev.compatmatrix.matrix.live;

import dev.compatmatrix.base.db.CommitSignal;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.query.MatrixEventQuery;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every committed matrix change, on every node, as a {@link MatrixChange}: the commit signal names the change, this
 * reads its events once per node and hands them to each subscriber (open screens, on the signal's thread: they must
 * only take note and return). Reading once per change, not once per screen, keeps 200 open screens as cheap as one.
 */
@Component
public class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    private final MatrixEventQuery events;
    private final List<Consumer<MatrixChange>> subscribers = new CopyOnWriteArrayList<>();
    private final CommitSignal.Subscription listening;
    private final AtomicLong changesSeen = new AtomicLong();

    LiveChanges(CommitSignal signal, MatrixEventQuery events) {
        this.events = events;
        this.listening = signal.listen(this::committed);
    }

    /** Calls {@code subscriber} with every change committed from now on; {@link Runnable#run} ends it. */
    public Runnable subscribe(Consumer<MatrixChange> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** How many changes this node has handed out since it started (for tests and benchmarks). */
    public long changesSeen() {
        return changesSeen.get();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void committed(long changeId) {
        MatrixChange change;
        if (changeId == CommitSignal.ANYTHING) {
            change = MatrixChange.everything();
        } else {
            List<MatrixEvent> written = events.ofChange(changeId);
            if (written.isEmpty()) {
                return;
            }
            change = MatrixChange.of(written);
        }
        changesSeen.incrementAndGet();
        for (Consumer<MatrixChange> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                log.warn("A live screen failed to take change {}", changeId, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        listening.cancel();
    }
}
