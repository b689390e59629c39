package dev.compatmatrix.badge.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.badge.BadgeService;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ui.AccessDeniedView;
import dev.compatmatrix.security.ui.LoginView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BadgesViewTest extends WritingKaribuTest {

    @Autowired
    BadgeService badges;

    @AfterEach
    void badgesPrivateAgain() {
        signIn("admin", Roles.ADMIN);
        badges.setBadgesPublic(false);
    }

    @Test
    void an_admin_makes_badges_public_and_private_again() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/badges");
        BadgesView view = _get(BadgesView.class);
        assertThat(view.makePublic.getValue()).isFalse();

        view.makePublic.setValue(true);
        assertThat(badges.badgesPublic()).isTrue();

        UI.getCurrent().navigate("admin/badges");
        assertThat(_get(BadgesView.class).makePublic.getValue())
                .as("shown as stored")
                .isTrue();
        _get(BadgesView.class).makePublic.setValue(false);
        assertThat(badges.badgesPublic()).isFalse();
    }

    @Test
    void other_roles_cannot_open_the_badge_settings() {
        login("editor", Roles.EDITOR, Roles.VALIDATOR);
        UI.getCurrent().navigate("admin/badges");
        _assertNone(BadgesView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void signed_out_visitors_are_sent_to_the_login() {
        UI.getCurrent().navigate("admin/badges");
        _assertOne(LoginView.class);
    }
}
