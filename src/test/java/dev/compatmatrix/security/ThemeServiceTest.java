package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each user's colour scheme is their own, kept in the database (issue 23). */
class ThemeServiceTest extends WritingIntegrationTest {

    @Autowired
    ThemeService themes;

    @Test
    void a_user_who_never_chose_follows_the_operating_system() {
        signIn("theme-newcomer", Roles.VIEWER);
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.SYSTEM);
    }

    @Test
    void a_users_choice_is_saved_and_read_back_and_may_change_again() {
        signIn("theme-reader", Roles.VIEWER);
        themes.saveMyTheme(ThemeChoice.DARK);
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.DARK);
        themes.saveMyTheme(ThemeChoice.LIGHT);
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.LIGHT);
    }

    @Test
    void one_users_choice_leaves_another_users_choice_untouched() {
        signIn("theme-light-user", Roles.EDITOR);
        themes.saveMyTheme(ThemeChoice.LIGHT);
        signIn("theme-dark-user", Roles.VALIDATOR);
        themes.saveMyTheme(ThemeChoice.DARK);

        signIn("theme-light-user", Roles.EDITOR);
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.LIGHT);
        signIn("theme-untouched-user", Roles.ADMIN);
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.SYSTEM);
    }

    @Test
    void no_choice_is_refused_with_a_message_and_the_saved_one_stays() {
        signIn("theme-careful-user", Roles.VIEWER);
        themes.saveMyTheme(ThemeChoice.DARK);
        assertThatThrownBy(() -> themes.saveMyTheme(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Choose System, Light or Dark.");
        assertThat(themes.myTheme()).isEqualTo(ThemeChoice.DARK);
    }
}
