package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.live.MatrixChange;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The cells of an open screen that a live change touched lately, so the screen marks them for {@link #SHOWN} (an
 * outline and the word "Updated": never colour alone) and then takes the marks off again. Used inside the screen's
 * UI only.
 */
public final class RecentChanges {

    /** How long a changed cell stays marked; the outline of {@code live-changed} fades over the same time. */
    public static final Duration SHOWN = Duration.ofSeconds(6);

    public static final String CHANGED_CLASS = "live-changed";
    public static final String LABEL_CLASS = "live-changed-label";
    public static final String WORD = "Updated";

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-marks").daemon(true).factory());

    private final Component screen;
    private final Consumer<Set<Integer>> unmarked;
    /** Each marked cell and when its mark ends ({@link System#nanoTime}). */
    private final Map<MatrixChange.Cell, Long> until = new HashMap<>();

    /** {@code unmarked} receives, in the screen's UI, the models whose marks just ended, to show them plain again. */
    public RecentChanges(Component screen, Consumer<Set<Integer>> unmarked) {
        this.screen = screen;
        this.unmarked = unmarked;
    }

    /** Marks every cell the change touched (an all-changed signal names no cell, so it marks none). */
    public void mark(MatrixChange change) {
        long end = System.nanoTime() + SHOWN.toNanos();
        boolean any = false;
        for (MatrixEvent event : change.events()) {
            if (event.platform() != null) {
                until.put(new MatrixChange.Cell(event.modelId(), event.platform()), end);
                any = true;
            }
        }
        if (any) {
            screen.getUI().ifPresent(this::unmarkLater);
        }
    }

    public boolean isMarked(int modelId, Platform platform) {
        Long end = until.get(new MatrixChange.Cell(modelId, platform));
        return end != null && end - System.nanoTime() > 0;
    }

    /** The small word shown beside a marked value. */
    public static Span label() {
        Span label = new Span(WORD);
        label.addClassName(LABEL_CLASS);
        return label;
    }

    private void unmarkLater(UI ui) {
        TIMER.schedule(
                () -> {
                    try {
                        ui.access(this::unmarkEnded);
                    } catch (UIDetachedException e) {
                        // The screen was closed meanwhile: nothing left to unmark.
                    }
                },
                SHOWN.toMillis() + 50,
                TimeUnit.MILLISECONDS);
    }

    private void unmarkEnded() {
        long now = System.nanoTime();
        Set<Integer> models = new HashSet<>();
        until.entrySet().removeIf(e -> {
            boolean ended = e.getValue() - now <= 0;
            if (ended) {
                models.add(e.getKey().modelId());
            }
            return ended;
        });
        if (!models.isEmpty()) {
            unmarked.accept(models);
        }
    }
}
