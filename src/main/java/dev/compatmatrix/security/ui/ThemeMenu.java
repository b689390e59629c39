package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.page.ColorScheme;
import dev.compatmatrix.security.ThemeChoice;
import dev.compatmatrix.security.ThemeService;
import java.util.EnumMap;
import java.util.Map;

/**
 * "Theme: System / Light / Dark" in the user menu: the choice is saved for the user and the page changes at once.
 * Every later page load applies it before the page shows ({@link ThemeOnPageLoad}).
 */
final class ThemeMenu {

    private ThemeMenu() {}

    /** Lumo's colour scheme for a choice; SYSTEM follows {@code prefers-color-scheme}. */
    static ColorScheme.Value colorScheme(ThemeChoice theme) {
        return switch (theme) {
            case SYSTEM -> ColorScheme.Value.LIGHT_DARK;
            case LIGHT -> ColorScheme.Value.LIGHT;
            case DARK -> ColorScheme.Value.DARK;
        };
    }

    static void addTo(SubMenu userMenu, ThemeService themes) {
        MenuItem theme = userMenu.addItem("Theme");
        theme.setId("theme-menu");
        Map<ThemeChoice, MenuItem> items = new EnumMap<>(ThemeChoice.class);
        ThemeChoice current = themes.myTheme();
        for (ThemeChoice choice : ThemeChoice.values()) {
            MenuItem item = theme.getSubMenu().addItem(choice.label(), click -> {
                themes.saveMyTheme(choice);
                UI.getCurrent().getPage().setColorScheme(colorScheme(choice));
                items.forEach((c, i) -> i.setChecked(c == choice));
            });
            item.setId("theme-" + choice.name().toLowerCase(java.util.Locale.ROOT));
            item.setCheckable(true);
            item.setChecked(choice == current);
            items.put(choice, item);
        }
    }
}
