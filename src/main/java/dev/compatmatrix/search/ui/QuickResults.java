package dev.compatmatrix.search.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.menu.MenuConfiguration;
import dev.compatmatrix.base.Plural;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.ui.MatrixUrl;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.search.QuickSearchResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The quick search's lines for what the service found, plus the screens of the menu whose title matches. */
final class QuickResults {

    static final int SCREENS = 2;

    private QuickResults() {}

    static List<QuickResult> of(QuickSearchResults found, String text) {
        List<QuickResult> results = new ArrayList<>();
        found.models()
                .forEach(m -> results.add(
                        new QuickResult("Model", m.name(), "family " + m.family(), () -> ModelPages.open(m.name()))));
        found.families()
                .forEach(f -> results.add(new QuickResult(
                        "Family",
                        f.name(),
                        Plural.of(f.models(), "model") + ", in the matrix",
                        () -> openMatrix(
                                new MatrixFilter(null, f.name(), null, null, Map.of(), null, null),
                                MatrixSort.BY_NAME))));
        found.platforms()
                .forEach(p -> results.add(new QuickResult(
                        "Platform",
                        p.label(),
                        "the matrix, best level on " + p.label() + " first",
                        () -> openMatrix(MatrixFilter.NONE, new MatrixSort(p.key(), true)))));
        results.addAll(screens(text));
        return results;
    }

    /** Menu entries (only screens this user may open) whose title contains the text, those starting with it first. */
    static List<QuickResult> screens(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return List.of();
        }
        return MenuConfiguration.getMenuEntries().stream()
                .filter(e -> e.title().toLowerCase(Locale.ROOT).contains(lower))
                .sorted(Comparator.comparingInt(
                        e -> e.title().toLowerCase(Locale.ROOT).startsWith(lower) ? 0 : 1))
                .limit(SCREENS)
                .map(e -> new QuickResult(
                        "Screen",
                        e.title(),
                        "go to the screen",
                        () -> UI.getCurrent().navigate(e.path())))
                .toList();
    }

    private static void openMatrix(MatrixFilter filter, MatrixSort sort) {
        UI.getCurrent().navigate(MatrixView.class, MatrixUrl.toQuery(filter, sort));
    }
}
