package dev.compatmatrix.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ThemeChoice;
import dev.compatmatrix.security.ThemeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The user menu's "Theme: System / Light / Dark" (issue 23). */
class ThemeMenuTest extends WritingKaribuTest {

    @Autowired
    ThemeService themes;

    @Test
    void choosing_dark_in_the_user_menu_saves_it_changes_the_page_at_once_and_leaves_other_users_alone() {
        login("validator1", Roles.VALIDATOR);
        themes.saveMyTheme(ThemeChoice.LIGHT);
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("");
        MainLayout layout = _get(MainLayout.class);

        ContextMenuKt._clickItemWithID(layout.userMenu, "theme-dark");

        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.DARK);
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
        assertThat(layout.userMenu.getItems().getFirst().getSubMenu().getItems().stream()
                        .flatMap(item -> item.getSubMenu().getItems().stream())
                        .filter(item -> item.isChecked())
                        .map(item -> item.getId().orElseThrow()))
                .containsExactly("theme-dark");
        login("validator1", Roles.VALIDATOR);
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.LIGHT);
        login("viewer", Roles.VIEWER);
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.SYSTEM);
    }
}
