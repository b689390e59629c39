package dev.compatmatrix.matrix.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.matrix.live.MatrixChange;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Keeps an open screen current through server push: while the screen is attached, every committed change it cares
 * about reaches {@code refresh} in the screen's UI, coalesced (changes arriving within {@link #COALESCE_MS} are one
 * refresh, so a batch of 1,000 results is one) and never while the browser tab is hidden (the changes wait and are
 * one refresh when it shows again). The refresh must keep what the user has open: scroll position, selection,
 * dialogs, form input.
 */
@org.springframework.stereotype.Component
public class LiveUpdates {

    /** How long a first change waits for others to join it before the screen refreshes. */
    static final long COALESCE_MS = 150;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-updates").daemon(true).factory());
    /**
     * Each screen's refresh runs on a thread of its own: on the timer's one thread, 200 screens re-reading their grid
     * page waited for each other (BENCHMARKS.md, "Live updates": p95 beyond 10 s), and a slow screen held up the rest.
     */
    private static final ExecutorService REFRESHES = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("live-refresh-", 0).factory());

    private final LiveChanges changes;

    LiveUpdates(LiveChanges changes) {
        this.changes = changes;
    }

    /**
     * Refreshes {@code screen} with each change that {@code relevant} accepts, from attach to detach. Returns the
     * count of refreshes so far, for tests and benchmarks.
     */
    public AtomicLong keepCurrent(Component screen, Predicate<MatrixChange> relevant, Consumer<MatrixChange> refresh) {
        AtomicLong refreshes = new AtomicLong();
        screen.addAttachListener(attach -> {
            ScreenFeed feed = new ScreenFeed(attach.getUI(), screen, relevant, refresh, refreshes);
            Runnable unsubscribe = changes.subscribe(feed::offer);
            Registration visibility = feed.followVisibility();
            screen.addDetachListener(detach -> {
                unsubscribe.run();
                visibility.remove();
                detach.unregisterListener();
            });
        });
        return refreshes;
    }

    /** One attached screen's queue of changes. */
    private static final class ScreenFeed {
        private final UI ui;
        private final Component screen;
        private final Predicate<MatrixChange> relevant;
        private final Consumer<MatrixChange> refresh;
        private final AtomicLong refreshes;
        private MatrixChange pending; // guarded by this
        private boolean scheduled; // guarded by this
        private volatile boolean hidden;

        ScreenFeed(
                UI ui,
                Component screen,
                Predicate<MatrixChange> relevant,
                Consumer<MatrixChange> refresh,
                AtomicLong refreshes) {
            this.ui = ui;
            this.screen = screen;
            this.relevant = relevant;
            this.refresh = refresh;
            this.refreshes = refreshes;
        }

        void offer(MatrixChange change) {
            if (!relevant.test(change)) {
                return;
            }
            synchronized (this) {
                pending = pending == null ? change : pending.merge(change);
                if (scheduled || hidden) {
                    return;
                }
                scheduled = true;
            }
            TIMER.schedule(() -> REFRESHES.execute(this::deliver), COALESCE_MS, TimeUnit.MILLISECONDS);
        }

        private void deliver() {
            ui.access(() -> {
                MatrixChange change;
                synchronized (this) {
                    scheduled = false;
                    if (hidden || pending == null) {
                        return;
                    }
                    change = pending;
                    pending = null;
                }
                refreshes.incrementAndGet();
                refresh.accept(change);
            });
        }

        /** The browser tells when the tab hides and shows; a screen shown again takes what waited. */
        Registration followVisibility() {
            Registration listener = screen.getElement()
                    .addEventListener("live-visibility", event -> {
                        hidden = event.getEventData().get("event.detail.hidden").asBoolean();
                        boolean due;
                        synchronized (this) {
                            due = !hidden && pending != null && !scheduled;
                            scheduled |= due;
                        }
                        if (due) {
                            REFRESHES.execute(this::deliver);
                        }
                    })
                    .addEventData("event.detail.hidden");
            screen.getElement().executeJs("""
                            const screen = this;
                            const tell = () => screen.dispatchEvent(
                                new CustomEvent('live-visibility', {detail: {hidden: document.hidden}}));
                            document.addEventListener('visibilitychange', tell);
                            screen.$liveVisibility = tell;
                            """);
            return () -> {
                listener.remove();
                screen.getElement()
                        .executeJs("if (this.$liveVisibility) {"
                                + " document.removeEventListener('visibilitychange', this.$liveVisibility); }");
            };
        }
    }
}
