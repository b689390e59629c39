package dev.compatmatrix.search.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.dom.Element;

/** "Keyboard shortcuts" (opened with ?): every shortcut of {@link KeyboardShortcuts}, keys as keyboard keys. */
@StyleSheet("context://styles/quick-search.css")
public class ShortcutsDialog extends Dialog {

    public ShortcutsDialog() {
        setId("keyboard-shortcuts");
        addClassName("keyboard-shortcuts");
        setHeaderTitle("Keyboard shortcuts");
        getElement().setAttribute("aria-label", "Keyboard shortcuts");
        for (KeyboardShortcuts.Group group : KeyboardShortcuts.ALL) {
            DescriptionList list = new DescriptionList();
            for (KeyboardShortcuts.Shortcut shortcut : group.shortcuts()) {
                DescriptionList.Term term = new DescriptionList.Term();
                for (int i = 0; i < shortcut.keys().size(); i++) {
                    if (i > 0) {
                        term.getElement().appendChild(Element.createText(" or "));
                    }
                    term.getElement()
                            .appendChild(
                                    new Element("kbd").setText(shortcut.keys().get(i)));
                }
                list.add(term, new DescriptionList.Description(shortcut.action()));
            }
            add(new H3(group.title()), list);
        }
        Button close = new Button("Close", e -> close());
        close.setId("keyboard-shortcuts-close");
        getFooter().add(close);
    }
}
