package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.AppUser;
import dev.compatmatrix.security.UserAdminService;
import jakarta.annotation.security.RolesAllowed;

/** Admins list users, create them, change roles, validator link and name, disable them and reset passwords. */
@Route("admin/users")
@PageTitle("Users · Compatibility Matrix Console")
@Menu(order = 9, title = "Users", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private final UserAdminService users;
    final Grid<AppUser> grid = new Grid<>();
    final Button create = new Button("New user");
    /** The editor last opened, for tests. */
    UserEditor editor;

    private java.util.Map<Integer, String> validatorNames = java.util.Map.of();

    public UsersView(UserAdminService users) {
        this.users = users;
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(AppUser::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(u -> u.displayName() == null ? "" : u.displayName())
                .setHeader("Name")
                .setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", u.roles())).setHeader("Roles").setAutoWidth(true);
        grid.addColumn(this::validatorName).setHeader("Validates as");
        grid.addColumn(u -> u.enabled() ? "enabled" : "disabled").setHeader("State");
        grid.addItemClickListener(e -> open(e.getItem()));
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(null));
        add(new H2("Users"), create, grid);
        refresh();
    }

    private String validatorName(AppUser user) {
        return user.validatorId() == null
                ? ""
                : validatorNames.getOrDefault(user.validatorId(), "#" + user.validatorId());
    }

    private void open(AppUser user) {
        editor = new UserEditor(user, validators(), this::save);
        editor.open();
    }

    private java.util.List<dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRef> validators() {
        return users.validators();
    }

    /** Saves what the editor holds; a refusal is thrown back to the editor, which shows it on the field. */
    private void save(UserEditor.Values values) {
        if (values.newUser()) {
            users.create(values.username(), values.password(), values.change());
        } else {
            users.save(values.username(), values.change(), values.password());
        }
        Notification.show("Saved " + values.username(), 3000, Notification.Position.BOTTOM_START);
        refresh();
    }

    private void refresh() {
        validatorNames = new java.util.HashMap<>();
        validators().forEach(v -> validatorNames.put(v.validatorId(), v.name() + " (level " + v.level() + ")"));
        grid.setItems(users.list());
    }
}
