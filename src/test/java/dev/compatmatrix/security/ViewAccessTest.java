package dev.compatmatrix.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ui.ModelView;
import dev.compatmatrix.security.ui.AccessDeniedView;
import dev.compatmatrix.security.ui.LoginView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each protected route: signed out → login, a user without a role → denied, each role → content. */
class ViewAccessTest extends KaribuTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "models/bert-base-uncased"})
    void anonymous_user_is_sent_to_the_login_view(String route) {
        UI.getCurrent().navigate(route);
        _assertOne(LoginView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "models/bert-base-uncased"})
    void user_without_a_role_is_denied(String route) {
        login("nobody");
        UI.getCurrent().navigate(route);
        _assertOne(AccessDeniedView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.VIEWER, Roles.EDITOR, Roles.VALIDATOR, Roles.ADMIN})
    void every_role_sees_the_matrix_and_a_model_page(String role) {
        login("someone", role);
        UI.getCurrent().navigate("");
        _assertOne(MatrixView.class);
        UI.getCurrent().navigate("models/bert-base-uncased");
        _assertOne(ModelView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.VIEWER, Roles.ADMIN})
    void navigation_lists_only_what_the_user_may_open(String role) {
        login("someone", role);
        UI.getCurrent().navigate("");
        SideNav navigation = _get(SideNav.class);
        assertThat(navigation.getItems()).extracting(SideNavItem::getLabel).contains("Matrix");
        assertThat(navigation.getItems()).extracting(SideNavItem::getPath).doesNotContain("login");
    }
}
