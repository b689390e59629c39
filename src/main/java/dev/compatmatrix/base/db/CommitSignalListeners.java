package dev.compatmatrix.base.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one node's {@link CommitSignal}, called one after another; one failing never stops the rest. */
final class CommitSignalListeners {

    private static final Logger log = LoggerFactory.getLogger(CommitSignalListeners.class);

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    CommitSignal.Subscription add(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void deliver(long value) {
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                log.warn("A commit signal listener failed on {}", value, e);
            }
        }
    }
}
