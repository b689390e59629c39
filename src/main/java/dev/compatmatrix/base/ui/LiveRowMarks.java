package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rows of a grid that a live update just changed or added, marked for a few seconds: the {@code live-changed}
 * outline (app.css, fading) and a word beside the value ("Updated", "New"), so the mark is not colour alone. After
 * {@link #SHOWN_MS} the marked rows are drawn again without it, from the rows in hand (no new read).
 */
public final class LiveRowMarks<T> {

    /** As long as the outline takes to fade (app.css). */
    public static final long SHOWN_MS = 6000;

    private final Grid<T> grid;
    private final String word;
    private final Function<T, Object> id;
    private final Map<Object, T> drawnMarked = new LinkedHashMap<>();
    private Predicate<T> marked = row -> false;
    private int generation;

    public LiveRowMarks(Grid<T> grid, String word, Function<T, Object> id) {
        this.grid = grid;
        this.word = word;
        this.id = id;
    }

    /** Marks the rows {@code changed} accepts (as the grid draws them next) until the time is up or the next mark. */
    public void mark(Predicate<T> changed) {
        marked = changed;
        drawnMarked.clear();
        int mine = ++generation;
        UI ui = grid.getUI().orElse(null);
        if (ui == null) {
            return;
        }
        CompletableFuture.delayedExecutor(SHOWN_MS, TimeUnit.MILLISECONDS).execute(() -> {
            try {
                ui.access(() -> {
                    if (generation == mine) {
                        unmark();
                    }
                });
            } catch (UIDetachedException closed) {
                // The screen was closed meanwhile: nothing to redraw.
            }
        });
    }

    /** Whether the row carries the mark now. */
    public boolean isMarked(T row) {
        return marked.test(row);
    }

    /** The cell's content, with the outline and the word added when the row is marked. */
    public <C extends Component & HasComponents & HasStyle> C show(T row, C content) {
        if (marked.test(row)) {
            drawnMarked.put(id.apply(row), row);
            content.addClassName("live-changed");
            Span label = new Span(word);
            label.addClassName("live-changed-label");
            content.add(label);
        }
        return content;
    }

    private void unmark() {
        marked = row -> false;
        drawnMarked.values().forEach(grid.getDataProvider()::refreshItem);
        drawnMarked.clear();
    }
}
