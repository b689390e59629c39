package dev.compatmatrix.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.DomEvent;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.matrix.Roles;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The quick search in the top bar: typing shows results, the arrow keys move, Enter opens; ? lists the shortcuts. */
class QuickSearchDialogTest extends KaribuTest {

    @BeforeEach
    void openMatrix() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("");
    }

    @Test
    void typing_shows_results_and_enter_opens_the_highlighted_model_page() {
        QuickSearchDialog dialog = openFromTopBar();
        dialog.field.setValue("whisper");

        assertThat(shownTexts(dialog))
                .containsExactly(
                        "Model openai/whisper-base family whisper",
                        "Model openai/whisper-tiny family whisper",
                        "Family whisper 2 models, in the matrix");
        assertThat(dialog.status.getText()).startsWith("3 results");

        ShortcutsKt._fireShortcut(dialog.field, Key.ARROW_DOWN);
        ShortcutsKt._fireShortcut(dialog.field, Key.ARROW_DOWN);
        assertThat(dialog.highlighted()).isEqualTo(1);
        assertThat(dialog.listbox.getChildren().toList().get(1).getElement().getAttribute("aria-selected"))
                .isEqualTo("true");
        ShortcutsKt._fireShortcut(dialog.field, Key.ENTER);

        assertThat(path()).isEqualTo("models/openai/whisper-tiny");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void a_family_opens_the_matrix_filtered_by_it_and_a_platform_the_matrix_sorted_by_it() {
        QuickSearchDialog dialog = openFromTopBar();
        dialog.field.setValue("llava");
        ShortcutsKt._fireShortcut(dialog.field, Key.ARROW_UP); // from nothing highlighted up to the last: the family
        assertThat(dialog.results().get(dialog.highlighted()).kind()).isEqualTo("Family");
        ShortcutsKt._fireShortcut(dialog.field, Key.ENTER);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("?family=llava");

        dialog = openFromTopBar();
        dialog.field.setValue("cuda");
        assertThat(dialog.results()).extracting(QuickResult::kind).containsExactly("Platform");
        ShortcutsKt._fireShortcut(dialog.field, Key.ENTER); // Enter with nothing highlighted opens the first
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("?sort=-cuda"); // best level first
    }

    @Test
    void screens_the_user_may_open_are_found_by_title() {
        QuickSearchDialog dialog = openFromTopBar();
        dialog.field.setValue("dash");
        assertThat(dialog.results()).extracting(QuickResult::name).containsExactly("Dashboard");
        ShortcutsKt._fireShortcut(dialog.field, Key.ENTER);
        assertThat(path()).isEqualTo("dashboard");

        // The validation queue is for validators only: a viewer's search does not offer it.
        dialog = openFromTopBar();
        dialog.field.setValue("queue");
        assertThat(dialog.results()).extracting(QuickResult::kind).doesNotContain("Screen");
    }

    @Test
    void nothing_found_says_so_and_odd_text_is_shown_as_typed() {
        QuickSearchDialog dialog = openFromTopBar();
        dialog.field.setValue("<b>%_'zz");
        assertThat(dialog.results()).isEmpty();
        assertThat(dialog.status.getText()).isEqualTo("Nothing found. Try fewer letters.");

        // Two letters search only the starts of names: fewer letters would not help, a third one might.
        dialog.field.setValue("zq");
        assertThat(dialog.results()).isEmpty();
        assertThat(dialog.status.getText())
                .isEqualTo("Nothing starts with these letters. Type a third to search inside names.");
    }

    @Test
    void the_slash_and_question_mark_keys_open_the_search_and_the_shortcuts() {
        SearchBar.Bar bar = _get(SearchBar.Bar.class);
        globalShortcut(bar, "search");
        assertThat(_get(QuickSearchDialog.class).isOpened()).isTrue();
        _get(QuickSearchDialog.class).close();

        globalShortcut(bar, "shortcuts");
        ShortcutsDialog shortcuts = _get(ShortcutsDialog.class);
        String listed = shortcuts.getElement().getOuterHTML();
        for (String key :
                List.of("<kbd>/</kbd>", "<kbd>Ctrl+K</kbd>", "<kbd>?</kbd>", "<kbd>Enter</kbd>", "<kbd>Space</kbd>")) {
            assertThat(listed).contains(key);
        }
        assertThat(listed).contains("Open the quick search", "Open the row's model page");
    }

    private static QuickSearchDialog openFromTopBar() {
        _click(_get(Button.class, spec -> spec.withId("quick-search-open")));
        QuickSearchDialog dialog = _get(QuickSearchDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        return dialog;
    }

    private static List<String> shownTexts(QuickSearchDialog dialog) {
        return _find(dialog.listbox, Div.class).stream()
                .filter(option -> "option".equals(option.getElement().getAttribute("role")))
                .map(option -> String.join(
                        " ",
                        option.getChildren()
                                .map(part -> part.getElement().getText())
                                .toList()))
                .toList();
    }

    private static void globalShortcut(SearchBar.Bar bar, String which) {
        ElementUtilsKt._fireDomEvent(
                bar.getElement(),
                new DomEvent(
                        bar.getElement(),
                        "global-shortcut",
                        JsonNodeFactory.instance.objectNode().put("event.detail", which)));
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }
}
