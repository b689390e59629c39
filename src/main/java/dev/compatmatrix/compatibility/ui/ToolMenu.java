package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;

/** A one-button menu on the matrix's tool line (icon and word, the choices below it), such as Export and Columns. */
abstract class ToolMenu extends MenuBar {

    /** The button; its sub-menu holds the choices. */
    final MenuItem menu;

    ToolMenu(String id, VaadinIcon icon, String word, String ariaLabel) {
        setId(id);
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        menu = addItem(icon.create());
        menu.add(word);
        menu.setAriaLabel(ariaLabel);
    }
}
