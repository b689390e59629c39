package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRef;
import dev.compatmatrix.security.AppUser;
import dev.compatmatrix.security.PasswordPolicy;
import dev.compatmatrix.security.UserAdminException;
import dev.compatmatrix.security.UserAdminService;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A dialog to create a user or change one. Refusals show on the field they are about; the service checks the
 * password ({@link PasswordPolicy}) before it saves anything, so a refused password leaves the user unchanged.
 */
class UserEditor extends Dialog {

    /** What the admin entered; {@code password} is empty when it is not to change. */
    record Values(boolean newUser, String username, String password, UserAdminService.UserChange change) {}

    final TextField username = new TextField("User name");
    final TextField displayName = new TextField("Name");
    final CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
    final Select<ValidatorRef> validator = new Select<>();
    final Checkbox enabled = new Checkbox("Enabled", true);
    final PasswordField password = new PasswordField();
    final Button save = new Button("Save");
    private final AdminFormErrors errors = new AdminFormErrors(
            Map.of("username", username, "password", password, "roles", roles, "displayName", displayName));

    /** @param onSave saves the values; throws {@link UserAdminException} when the service refuses them */
    UserEditor(AppUser user, List<ValidatorRef> validators, Consumer<Values> onSave) {
        boolean newUser = user == null;
        setHeaderTitle(newUser ? "New user" : "User " + user.username());
        username.setReadOnly(!newUser);
        roles.setItems(Roles.ALL);
        validator.setLabel("Validates as");
        validator.setItems(validators);
        validator.setEmptySelectionAllowed(true);
        validator.setEmptySelectionCaption("Not a validator");
        validator.setItemLabelGenerator(v -> v == null ? "Not a validator" : v.name() + " (level " + v.level() + ")");
        password.setLabel(newUser ? "Password" : "New password (leave empty to keep)");
        password.setHelperText(PasswordPolicy.IN_WORDS);
        if (!newUser) {
            username.setValue(user.username());
            displayName.setValue(user.displayName() == null ? "" : user.displayName());
            roles.setValue(user.roles());
            enabled.setValue(user.enabled());
            validators.stream()
                    .filter(v -> Integer.valueOf(v.validatorId()).equals(user.validatorId()))
                    .findFirst()
                    .ifPresent(validator::setValue);
        } else {
            roles.setValue(java.util.Set.of(Roles.VIEWER));
        }
        add(errors.general, new FormLayout(username, displayName, roles, validator, enabled, password));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            errors.clear();
            Values values = new Values(
                    newUser,
                    username.getValue().strip(),
                    password.getValue(),
                    new UserAdminService.UserChange(
                            displayName.getValue(),
                            roles.getValue(),
                            validator.getValue() == null
                                    ? null
                                    : validator.getValue().validatorId(),
                            enabled.getValue()));
            try {
                onSave.accept(values);
                close();
            } catch (UserAdminException refused) {
                errors.show(refused);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
