package dev.compatmatrix;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.DomEvent;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * For Karibu tests of screens kept current by server push: changes made elsewhere (another thread, as another user
 * or the API would), and waiting for what the pushed refresh shows (the UI's queued {@code ui.access} tasks run
 * here, on the test's thread, as the server runs them for a browser).
 */
public final class LiveScreenSupport {

    /** Longer than any refresh takes; the point is what it shows, not how fast (the browser test times it). */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private LiveScreenSupport() {}

    /** A write made elsewhere: on another thread, with its own sign-in, finished when this returns. */
    public static void elsewhere(Write write) {
        CompletableFuture.runAsync(() -> {
                    try {
                        write.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                })
                .join();
    }

    /** Runs the UI's pushed tasks until the screen shows what {@code shown} checks. */
    public static void awaitOnScreen(Callable<Boolean> shown) {
        Awaitility.await().pollInSameThread().atMost(PATIENCE).until(() -> {
            MockVaadin.runUIQueue();
            return shown.call();
        });
    }

    /** Runs the UI's pushed tasks for a while, checking that {@code holds} stays true all along. */
    public static void keepsOnScreen(Duration time, Callable<Boolean> holds) {
        Awaitility.await()
                .pollInSameThread()
                .during(time)
                .atMost(time.plus(PATIENCE))
                .until(() -> {
                    MockVaadin.runUIQueue();
                    return holds.call();
                });
    }

    /** The browser says the screen's tab was hidden or shown again (the event LiveUpdates listens for). */
    public static void tabHidden(Component screen, boolean hidden) {
        ElementUtilsKt._fireDomEvent(
                screen.getElement(),
                new DomEvent(
                        screen.getElement(),
                        "live-visibility",
                        JsonNodeFactory.instance.objectNode().put("event.detail.hidden", hidden)));
    }

    /** A write that may throw. */
    public interface Write {
        void run() throws Exception;
    }
}
