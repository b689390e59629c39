package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import dev.compatmatrix.security.AccountService;
import dev.compatmatrix.security.PasswordPolicy;
import dev.compatmatrix.security.UserAdminException;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/**
 * "Your account", reached from the user menu: who you are here (user name, roles, the validator you approve as),
 * your own password change, and signing out of your other sessions while this one stays.
 */
@Route("account")
@PageTitle("Your account · Compatibility Matrix Console")
@PermitAll
public class AccountView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;
    final Paragraph username = new Paragraph();
    final Paragraph roles = new Paragraph();
    final Paragraph validator = new Paragraph();
    final PasswordField oldPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");
    final Button changePassword = new Button("Change password", e -> changePassword());
    final Paragraph passwordChanged = new Paragraph();
    final Button signOutOthers = new Button("Sign out of all other sessions", e -> signOutOthers());
    final Paragraph othersEnded = new Paragraph();
    private final AdminFormErrors errors =
            new AdminFormErrors(Map.of("oldPassword", oldPassword, "newPassword", newPassword));

    public AccountView(AccountService accounts) {
        this.accounts = accounts;
        setMaxWidth("40rem");
        username.setId("account-username");
        roles.setId("account-roles");
        validator.setId("account-validator");
        oldPassword.setId("account-old-password");
        newPassword.setId("account-new-password");
        newPassword.setHelperText(PasswordPolicy.IN_WORDS);
        repeated.setId("account-repeated-password");
        for (PasswordField field : new PasswordField[] {oldPassword, newPassword, repeated}) {
            field.setWidthFull();
            field.setAutocomplete(
                    field == oldPassword
                            ? com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD
                            : com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        }
        changePassword.setId("account-change-password");
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        passwordChanged.setId("account-password-changed");
        passwordChanged.getElement().setAttribute("role", "status");
        signOutOthers.setId("account-sign-out-others");
        othersEnded.setId("account-others-ended");
        othersEnded.getElement().setAttribute("role", "status");
        add(
                new H2("Your account"),
                username,
                roles,
                validator,
                new H3("Change your password"),
                errors.general,
                oldPassword,
                newPassword,
                repeated,
                changePassword,
                passwordChanged,
                new H3("Other sessions"),
                new Span("Signed in elsewhere too (another browser or computer)? End those sessions; this one stays."),
                signOutOthers,
                othersEnded);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AccountService.Account account;
        try {
            account = accounts.myAccount();
        } catch (UserAdminException noStoredAccount) {
            // A sign-in whose account is gone (removed meanwhile): say so rather than fail the page.
            username.setText(noStoredAccount.getMessage());
            changePassword.setEnabled(false);
            signOutOthers.setEnabled(false);
            return;
        }
        username.setText("User name: " + account.username()
                + (account.displayName() == null ? "" : " (" + account.displayName() + ")"));
        roles.setText("Roles: " + String.join(", ", account.roles()));
        validator.setText(
                account.validatorName() == null
                        ? "Validator: none. Approvals need a link to a validator; an admin sets it under Users."
                        : "Validator: you approve as " + account.validatorName() + " (verification level "
                                + account.level() + ").");
    }

    void changePassword() {
        errors.clear();
        repeated.setInvalid(false);
        passwordChanged.setText("");
        if (!newPassword.getValue().equals(repeated.getValue())) {
            repeated.setErrorMessage("The two new passwords differ");
            repeated.setInvalid(true);
            return;
        }
        try {
            accounts.changeMyPassword(
                    oldPassword.getValue(),
                    newPassword.getValue(),
                    VaadinSession.getCurrent().getSession().getId());
        } catch (UserAdminException refused) {
            errors.show(refused);
            return;
        }
        oldPassword.clear();
        newPassword.clear();
        repeated.clear();
        passwordChanged.setText(
                "Your password was changed and your other sessions were signed out. Use the new one next time"
                        + " you sign in.");
    }

    void signOutOthers() {
        accounts.signOutMyOtherSessions(VaadinSession.getCurrent().getSession().getId());
        othersEnded.setText("Your other sessions were ended; this one stays signed in.");
    }
}
