package dev.compatmatrix.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.UserAdminService;
import dev.compatmatrix.security.repository.SessionGenerationRepository;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Your account" from the user menu: who you are, your password, your other sessions. */
class AccountViewTest extends WritingKaribuTest {

    @Autowired
    UserAdminService users;

    @Autowired
    SessionGenerationRepository generations;

    @Test
    void the_user_menu_opens_your_account_with_your_roles_and_validator() {
        login("validator1", Roles.VALIDATOR);
        UI.getCurrent().navigate("");
        ContextMenuKt._clickItemWithID(_get(MainLayout.class).userMenu, "account");
        AccountView view = _get(AccountView.class);
        assertThat(view.username.getText()).startsWith("User name: validator1");
        assertThat(view.roles.getText()).isEqualTo("Roles: VALIDATOR");
        assertThat(view.validator.getText())
                .startsWith("Validator: you approve as ")
                .contains("verification level");

        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate(AccountView.class);
        assertThat(_get(AccountView.class).validator.getText()).startsWith("Validator: none.");
    }

    @Test
    void a_password_change_says_what_is_wrong_on_its_field_and_confirms_success() {
        login("admin", Roles.ADMIN);
        users.create(
                "account-user",
                "the first long password",
                new UserAdminService.UserChange(null, Set.of(Roles.VIEWER), null, true));
        login("account-user", Roles.VIEWER);
        UI.getCurrent().navigate(AccountView.class);
        AccountView view = _get(AccountView.class);

        view.oldPassword.setValue("wrong password");
        view.newPassword.setValue("a brand new long password");
        view.repeated.setValue("a brand new long password");
        view.changePassword.click();
        assertThat(view.oldPassword.isInvalid()).isTrue();
        assertThat(view.oldPassword.getErrorMessage())
                .isEqualTo("That is not your current password; nothing was changed");
        assertThat(view.passwordChanged.getText()).isEmpty();

        view.oldPassword.setValue("the first long password");
        view.newPassword.setValue("too short");
        view.repeated.setValue("too short");
        view.changePassword.click();
        assertThat(view.oldPassword.isInvalid()).isFalse();
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("A password needs at least 12 characters");
        assertThat(view.newPassword.getHelperText()).isEqualTo("At least 12 characters, not the user name");

        view.newPassword.setValue("a brand new long password");
        view.repeated.setValue("a brand new long passwort");
        view.changePassword.click();
        assertThat(view.repeated.getErrorMessage()).isEqualTo("The two new passwords differ");

        view.repeated.setValue("a brand new long password");
        view.changePassword.click();
        assertThat(view.passwordChanged.getText())
                .startsWith("Your password was changed and your other sessions were signed out.");
        assertThat(view.oldPassword.getValue()).isEmpty();

        long before = generations.current("account-user");
        view.signOutOthers.click();
        assertThat(generations.current("account-user")).isEqualTo(before + 1);
        assertThat(view.othersEnded.getText()).isEqualTo("Your other sessions were ended; this one stays signed in.");
    }
}
