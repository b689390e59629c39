package dev.compatmatrix.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.compatmatrix.base.Plural;
import dev.compatmatrix.search.QuickSearchService;
import java.util.ArrayList;
import java.util.List;

/**
 * The quick search: a text field and the results as the user types (debounced), Up and Down to move, Enter to open
 * the highlighted result, Esc to close. For assistive technology the field is a combobox whose listbox holds the
 * results, the highlighted one its active descendant; the number of results is announced.
 */
@StyleSheet("context://styles/quick-search.css")
public class QuickSearchDialog extends Dialog {

    static final String LISTBOX_ID = "quick-search-results";
    private static final int DEBOUNCE_MS = 200;

    final TextField field = new TextField("Model, family, platform or screen");
    final Div listbox = new Div();
    final Span status = new Span();
    private final QuickSearchService service;
    private List<QuickResult> results = List.of();
    private final List<Div> options = new ArrayList<>();
    private int highlighted = -1;

    public QuickSearchDialog(QuickSearchService service) {
        this.service = service;
        setId("quick-search");
        setHeaderTitle("Search");
        getElement().setAttribute("aria-label", "Search");
        setWidth("36rem");
        setMaxWidth("95vw");

        field.setId("quick-search-field");
        field.setWidthFull();
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setMaxLength(QuickSearchService.MAX_TEXT);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(DEBOUNCE_MS);
        field.addValueChangeListener(e -> show(e.getValue()));
        field.getElement().executeJs("""
                        const input = this.inputElement;
                        input.setAttribute('role', 'combobox');
                        input.setAttribute('aria-autocomplete', 'list');
                        input.setAttribute('aria-controls', $0);
                        input.setAttribute('aria-expanded', 'false');
                        """, LISTBOX_ID);
        Shortcuts.addShortcutListener(this, () -> move(1), Key.ARROW_DOWN).listenOn(field);
        Shortcuts.addShortcutListener(this, () -> move(-1), Key.ARROW_UP).listenOn(field);
        Shortcuts.addShortcutListener(this, this::openHighlighted, Key.ENTER).listenOn(field);

        listbox.setId(LISTBOX_ID);
        listbox.addClassName("quick-search-results");
        listbox.getElement().setAttribute("role", "listbox");
        listbox.getElement().setAttribute("aria-label", "Results");
        status.setId("quick-search-status");
        status.addClassName("quick-search-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        status.setText("Type part of a model's name, a family, a platform or a screen.");
        add(field, status, listbox);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                field.focus();
            }
        });
    }

    /** Opens with the field empty and focused. */
    @Override
    public void open() {
        field.clear();
        show("");
        super.open();
    }

    /** The results shown, in order (for tests). */
    List<QuickResult> results() {
        return results;
    }

    int highlighted() {
        return highlighted;
    }

    private void show(String text) {
        results =
                text.isBlank() ? List.of() : QuickResults.of(service.quickSearch(text), QuickSearchService.clip(text));
        listbox.removeAll();
        options.clear();
        for (int i = 0; i < results.size(); i++) {
            QuickResult result = results.get(i);
            Span kind = new Span(result.kind());
            kind.addClassName("quick-search-kind");
            Span name = new Span(result.name());
            name.addClassName("quick-search-name");
            Span detail = new Span(result.detail());
            detail.addClassName("quick-search-detail");
            Div option = new Div(kind, name, detail);
            option.setId("quick-search-option-" + i);
            option.addClassName("quick-search-option");
            option.getElement().setAttribute("role", "option");
            option.getElement()
                    .setAttribute("aria-label", result.kind() + " " + result.name() + ", " + result.detail());
            int index = i;
            option.addClickListener(click -> {
                highlight(index);
                openHighlighted();
            });
            options.add(option);
            listbox.add(option);
        }
        listbox.setVisible(!results.isEmpty()); // an empty listbox is not a valid one
        status.setText(
                text.isBlank()
                        ? "Type part of a model's name, a family, a platform or a screen."
                        : results.isEmpty()
                                ? QuickSearchService.matchesOnlyStarts(text)
                                        ? "Nothing starts with these letters. Type a third to search inside names."
                                        : "Nothing found. Try fewer letters."
                                : Plural.of(results.size(), "result") + ": Up and Down to choose, Enter to open.");
        field.getElement()
                .executeJs("this.inputElement.setAttribute('aria-expanded', $0)", String.valueOf(!results.isEmpty()));
        highlight(-1);
    }

    private void move(int step) {
        if (!results.isEmpty()) {
            int from = highlighted < 0 ? (step > 0 ? -1 : 0) : highlighted;
            highlight(Math.floorMod(from + step, results.size()));
        }
    }

    private void highlight(int index) {
        highlighted = index;
        for (int i = 0; i < options.size(); i++) {
            options.get(i).getElement().setAttribute("aria-selected", String.valueOf(i == index));
            options.get(i).setClassName("highlighted", i == index);
        }
        String active = index < 0 ? "" : "quick-search-option-" + index;
        field.getElement().executeJs("""
                        const input = this.inputElement;
                        if ($0) { input.setAttribute('aria-activedescendant', $0);
                                  document.getElementById($0)?.scrollIntoView({block: 'nearest'}); }
                        else input.removeAttribute('aria-activedescendant');
                        """, active);
    }

    /** Enter before any arrow key opens the first result. */
    private void openHighlighted() {
        if (!results.isEmpty()) {
            QuickResult chosen = results.get(Math.max(0, highlighted));
            close();
            chosen.open().run();
        }
    }
}
