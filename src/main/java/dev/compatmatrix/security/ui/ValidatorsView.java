package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRow;
import dev.compatmatrix.security.UserAdminException;
import dev.compatmatrix.security.ValidatorAdminService;
import jakarta.annotation.security.RolesAllowed;

/** Admins create and edit validators: people (linked to users on the Users screen) and CI machines. */
@Route("admin/validators")
@PageTitle("Validators · Compatibility Matrix Console")
@Menu(order = 9.5, title = "Validators", icon = "vaadin:diploma")
@RolesAllowed(Roles.ADMIN)
public class ValidatorsView extends VerticalLayout {

    private final ValidatorAdminService validators;
    final Grid<ValidatorRow> grid = new Grid<>();
    final Button create = new Button("New validator");
    /** The editor last opened, for tests. */
    Editor editor;

    public ValidatorsView(ValidatorAdminService validators) {
        this.validators = validators;
        grid.setId("validators-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(ValidatorRow::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ValidatorRow::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(v -> "Level " + v.level()).setHeader("Verification").setAutoWidth(true);
        grid.addColumn(v -> v.organization() == null ? "" : v.organization()).setHeader("Organization");
        grid.addColumn(v -> v.email() == null ? "" : v.email()).setHeader("E-mail");
        grid.addItemClickListener(e -> open(e.getItem()));
        create.setId("validator-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(null));
        add(
                new H2("Validators"),
                new Paragraph("Level 1 = smoke, 2 = standard, 3 = thorough. A changed level counts "
                        + "for approvals from now on; earlier reviews keep theirs."),
                create,
                grid);
        refresh();
    }

    private void open(ValidatorRow row) {
        editor = new Editor(row);
        editor.open();
    }

    private void refresh() {
        grid.setItems(validators.list());
    }

    /** Create or edit one validator; the service checks everything again. */
    final class Editor extends Dialog {
        final TextField name = new TextField("Name");
        final Select<String> type = new Select<>();
        final Select<Integer> level = new Select<>();
        final TextField organization = new TextField("Organization");
        final EmailField email = new EmailField("E-mail");
        final Button save = new Button("Save");
        private final AdminFormErrors errors = new AdminFormErrors(java.util.Map.of(
                "name", name, "type", type, "level", level, "organization", organization, "email", email));

        Editor(ValidatorRow row) {
            setHeaderTitle(row == null ? "New validator" : "Validator " + row.name());
            type.setLabel("Type");
            type.setItems("human", "ci_pipeline", "automated_test");
            level.setLabel("Verification level");
            level.setItems(1, 2, 3);
            if (row != null) {
                name.setValue(row.name());
                type.setValue(row.type());
                level.setValue(row.level());
                organization.setValue(row.organization() == null ? "" : row.organization());
                email.setValue(row.email() == null ? "" : row.email());
            } else {
                type.setValue("human");
                level.setValue(1);
            }
            add(errors.general, new FormLayout(name, type, level, organization, email));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> {
                errors.clear();
                var data = new ValidatorAdminService.ValidatorData(
                        name.getValue(),
                        type.getValue(),
                        email.getValue(),
                        organization.getValue(),
                        level.getValue() == null ? 0 : level.getValue());
                try {
                    if (row == null) {
                        validators.create(data);
                    } else {
                        validators.update(row.validatorId(), data);
                    }
                    close();
                    refresh();
                } catch (UserAdminException refused) {
                    errors.show(refused);
                }
            });
            getFooter().add(new Button("Cancel", e -> close()), save);
        }
    }
}
