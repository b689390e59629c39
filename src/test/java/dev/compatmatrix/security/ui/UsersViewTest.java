package dev.compatmatrix.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.AppUser;
import dev.compatmatrix.security.repository.UserRepository;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends WritingKaribuTest {

    @Autowired
    UserRepository users;

    private static AppUser row(UsersView view, String username) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._get(view.grid, i))
                .filter(u -> u.username().equals(username))
                .findFirst()
                .orElseThrow();
    }

    private static void clickRow(UsersView view, String username) {
        GridKt._clickItem(
                view.grid,
                IntStream.range(0, GridKt._size(view.grid))
                        .filter(i -> GridKt._get(view.grid, i).username().equals(username))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void an_admin_creates_a_validator_user_and_then_disables_them() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);
        _click(view.create);
        UserEditor editor = view.editor;
        editor.username.setValue("priya2");
        editor.displayName.setValue("Priya Two");
        editor.roles.setValue(Set.of(Roles.VALIDATOR));
        editor.validator.setValue(
                editor.validator.getListDataView().getItems().findFirst().orElseThrow());
        editor.password.setValue("short");
        _click(editor.save);
        assertThat(editor.isOpened()).as("refused: the password is too short").isTrue();
        assertThat(users.findByUsername("priya2")).isEmpty();

        editor.password.setValue("a long enough password");
        _click(editor.save);
        assertThat(editor.isOpened()).isFalse();
        AppUser created = row(view, "priya2");
        assertThat(created.roles()).containsExactly(Roles.VALIDATOR);
        assertThat(created.validatorId()).isNotNull();

        clickRow(view, "priya2");
        view.editor.enabled.setValue(false);
        _click(view.editor.save);
        assertThat(row(view, "priya2").enabled()).isFalse();
    }

    @Test
    void the_last_admin_cannot_demote_themselves_in_the_screen() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);
        clickRow(view, "admin");
        view.editor.roles.setValue(Set.of(Roles.VIEWER));
        _click(view.editor.save);
        assertThat(view.editor.isOpened()).isTrue();
        assertThat(users.findByUsername("admin").orElseThrow().roles()).contains(Roles.ADMIN);
    }

    @Test
    void other_roles_cannot_open_the_users_screen() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("admin/users");
        _assertNone(UsersView.class);
        _get(AccessDeniedView.class);
    }

    @Test
    void a_refused_password_shows_on_the_password_field_and_changes_nothing() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);
        AppUser before = users.findByUsername("viewer").orElseThrow();
        clickRow(view, "viewer");
        view.editor.displayName.setValue("Renamed with a bad password");
        view.editor.password.setValue("short");
        _click(view.editor.save);

        assertThat(view.editor.isOpened()).isTrue();
        assertThat(view.editor.password.isInvalid()).isTrue();
        assertThat(view.editor.password.getErrorMessage()).contains("12 characters");
        NotificationsKt.expectNoNotifications();
        assertThat(users.findByUsername("viewer").orElseThrow())
                .as("one change, all or nothing")
                .isEqualTo(before);
    }

    @Test
    void a_refused_user_name_shows_on_the_user_name_field() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);
        _click(view.create);
        view.editor.username.setValue("no spaces allowed");
        view.editor.password.setValue("a long enough password");
        _click(view.editor.save);

        assertThat(view.editor.username.isInvalid()).isTrue();
        assertThat(view.editor.username.getErrorMessage()).contains("2 to 64");
        assertThat(view.editor.password.isInvalid()).isFalse();
        NotificationsKt.expectNoNotifications();
    }
}
