package dev.compatmatrix.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import dev.compatmatrix.base.ui.TopBarPart;
import dev.compatmatrix.search.QuickSearchService;
import org.springframework.stereotype.Component;

/**
 * The top bar's search box (a button that looks like one: it opens the quick search) and the "Keyboard shortcuts"
 * button, and the global keys: / and Ctrl+K open the quick search, ? the shortcuts, except while the user types in a
 * field.
 */
@Component
public class SearchBar implements TopBarPart {

    /**
     * One document listener per browser tab, replaced when the top bar is attached again; it tells this top bar's
     * element which shortcut was pressed.
     */
    private static final String GLOBAL_KEYS = """
            const host = this;
            if (window.__compatGlobalKeys) document.removeEventListener('keydown', window.__compatGlobalKeys);
            window.__compatGlobalKeys = e => {
              if (!host.isConnected || e.altKey || e.metaKey || e.defaultPrevented) return;
              const origin = e.composedPath()[0];
              if (origin && (origin.isContentEditable || /^(input|textarea|select)$/i.test(origin.localName))) return;
              let shortcut = null;
              if (e.ctrlKey && (e.key === 'k' || e.key === 'K')) shortcut = 'search';
              else if (!e.ctrlKey && e.key === '/') shortcut = 'search';
              else if (!e.ctrlKey && e.key === '?') shortcut = 'shortcuts';
              if (!shortcut) return;
              e.preventDefault();
              host.dispatchEvent(new CustomEvent('global-shortcut', {detail: shortcut}));
            };
            document.addEventListener('keydown', window.__compatGlobalKeys);
            """;

    private final QuickSearchService service;

    public SearchBar(QuickSearchService service) {
        this.service = service;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new Bar(service);
    }

    /** The component in the top bar. */
    @StyleSheet("context://styles/quick-search.css")
    static final class Bar extends HorizontalLayout {

        final QuickSearchDialog search;
        final ShortcutsDialog shortcuts = new ShortcutsDialog();
        final Button open = new Button("Search…", VaadinIcon.SEARCH.create());
        final Button help = new Button(VaadinIcon.QUESTION_CIRCLE_O.create());

        Bar(QuickSearchService service) {
            search = new QuickSearchDialog(service);
            setId("search-bar");
            setSpacing(false);
            setAlignItems(FlexComponent.Alignment.CENTER);
            open.setId("quick-search-open");
            open.addClassName("quick-search-open");
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Span key = new Span();
            key.getElement().appendChild(new Element("kbd").setText("/"));
            key.getElement().setAttribute("aria-hidden", "true");
            open.setSuffixComponent(key);
            open.getElement()
                    .setAttribute("aria-label", "Search models, families, platforms and screens (/ or Ctrl+K)");
            open.getElement().setAttribute("aria-haspopup", "dialog");
            open.addClickListener(e -> openSearch());
            help.setId("shortcuts-open");
            help.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            help.getElement().setAttribute("aria-label", "Keyboard shortcuts (?)");
            help.setTooltipText("Keyboard shortcuts (?)");
            help.addClickListener(e -> openShortcuts());
            add(open, help);
            getElement()
                    .addEventListener("global-shortcut", e -> {
                        if ("shortcuts"
                                .equals(e.getEventData().get("event.detail").asString())) {
                            openShortcuts();
                        } else {
                            openSearch();
                        }
                    })
                    .addEventData("event.detail");
        }

        @Override
        protected void onAttach(AttachEvent attachEvent) {
            getElement().executeJs(GLOBAL_KEYS);
        }

        void openSearch() {
            shortcuts.close();
            if (!search.isOpened()) {
                search.open();
            }
        }

        void openShortcuts() {
            if (!search.isOpened()) {
                shortcuts.open();
            }
        }
    }
}
