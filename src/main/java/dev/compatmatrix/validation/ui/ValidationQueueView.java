package dev.compatmatrix.validation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.base.ui.LevelBadge;
import dev.compatmatrix.compatibility.ClaimConflictException;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.security.Roles;
import dev.compatmatrix.validation.ClaimRef;
import dev.compatmatrix.validation.ReviewRefusedException;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueRow;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Claims waiting for validation: stale first, then by the verification level they require. Approve or
 * reject a row, or approve a selection in bulk; every refusal is reported with its reason.
 */
@Route("queue")
@PageTitle("Validation queue · Compatibility Matrix Console")
@Menu(order = 1, title = "Validation queue", icon = "vaadin:check-square-o")
@RolesAllowed(Roles.VALIDATOR)
public class ValidationQueueView extends VerticalLayout {

    private final ValidationService validation;
    final Select<Integer> requiredLevel = new Select<>();
    final Select<Platform> platform = new Select<>();
    final ComboBox<String> family = new ComboBox<>("Family");
    final IntegerField minAgeDays = new IntegerField("Unchanged for (days)");
    final Grid<QueueRow> grid = new Grid<>();
    final Span count = new Span();
    final Button approveSelected = new Button("Approve selected");
    private QueueFilter filter = QueueFilter.ALL;

    public ValidationQueueView(ValidationService validation, CompatibilityService compatibility) {
        this.validation = validation;
        setSizeFull();
        requiredLevel.setLabel("Required level");
        requiredLevel.setItems(1, 2, 3);
        requiredLevel.setEmptySelectionAllowed(true);
        requiredLevel.setItemLabelGenerator(l -> l == null ? "Any" : "Level " + l);
        platform.setLabel("Platform");
        platform.setItems(Platform.values());
        platform.setEmptySelectionAllowed(true);
        platform.setItemLabelGenerator(p -> p == null ? "Any" : p.label());
        family.setItems(compatibility.families());
        family.setClearButtonVisible(true);
        minAgeDays.setMin(0);
        minAgeDays.setClearButtonVisible(true);
        requiredLevel.addValueChangeListener(e -> filterChanged());
        platform.addValueChangeListener(e -> filterChanged());
        family.addValueChangeListener(e -> filterChanged());
        minAgeDays.addValueChangeListener(e -> filterChanged());
        HorizontalLayout filters = new HorizontalLayout(requiredLevel, platform, family, minAgeDays);
        filters.addClassName("filter-bar");

        configureGrid();
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveSelected.setId("approve-selected");
        approveSelected.addClickListener(e -> approveSelection());
        count.setId("queue-count");
        HorizontalLayout actions = new HorizontalLayout(count, approveSelected);
        actions.setAlignItems(Alignment.BASELINE);
        add(filters, actions, grid);
    }

    private void configureGrid() {
        grid.setId("queue-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> r.disputed() ? "Disputed" : r.stale() ? "Stale" : "").setHeader("").setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(r -> VisibleText.of(r.modelName())).setHeader("Model").setWidth("16rem").setFlexGrow(1);
        grid.addColumn(r -> r.platform().label()).setHeader("Platform").setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(r -> new LevelBadge(r.level(), r.status())).setHeader("Claim").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(r -> r.disputed() ? VisibleText.of(r.automatedDisagrees()) : "").setHeader("Automated result")
                .setWidth("12rem").setFlexGrow(0);
        grid.addColumn(r -> "Level " + r.requiredLevel()).setHeader("Requires").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(r -> r.status().label() + (r.simulated() ? " · simulated" : "")).setHeader("Status")
                .setWidth("11rem").setFlexGrow(0);
        grid.addColumn(QueueRow::ageDays).setHeader("Age (days)").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(r -> r.writtenBy() == null ? "" : r.writtenBy()).setHeader("Written by").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(QueueRow::youMay).setHeader("You may").setWidth("14rem").setFlexGrow(0);
        grid.addComponentColumn(row -> {
            Button approve = new Button("Approve", e -> approve(row));
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Button reject = new Button("Reject…", e -> reject(row));
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(approve, reject);
        }).setHeader("").setKey("actions").setWidth("13rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> validation.queuePage(filter, query.getOffset(), query.getLimit()).stream(),
                query -> showCount(validation.queueCount(filter)));
    }

    private int showCount(long total) {
        count.setText(total == 1 ? "1 claim waiting" : total + " claims waiting");
        return (int) total;
    }

    private void filterChanged() {
        Integer age = minAgeDays.getValue();
        filter = new QueueFilter(requiredLevel.getValue(), platform.getValue(), family.getValue(),
                age == null || age < 0 ? null : age);
        grid.getDataProvider().refreshAll();
    }

    void approve(QueueRow row) {
        try {
            var status = validation.approve(ClaimRef.of(row), null);
            notify("Approved " + row.platform().label() + " claim of " + row.modelName() + ": " + status.label(), true);
        } catch (ReviewRefusedException | ClaimConflictException e) {
            notify(e.getMessage(), false);
        }
        grid.getDataProvider().refreshAll();
    }

    void reject(QueueRow row) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject " + row.platform().label() + " claim of " + row.modelName());
        TextArea comment = new TextArea("What is wrong (editors will see this)");
        comment.setWidthFull();
        comment.setRequiredIndicatorVisible(true);
        comment.setMaxLength(1000);
        Button confirm = new Button("Reject", e -> {
            try {
                validation.reject(ClaimRef.of(row), comment.getValue());
                dialog.close();
                notify("Rejected; the claim is unvalidated and the editor sees your comment", true);
                grid.getDataProvider().refreshAll();
            } catch (ReviewRefusedException ex) {
                comment.setErrorMessage(ex.getMessage());
                comment.setInvalid(true);
            } catch (ClaimConflictException ex) {
                dialog.close();
                notify(ex.getMessage(), false);
                grid.getDataProvider().refreshAll();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-reject");
        dialog.add(comment);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    void approveSelection() {
        List<QueueRow> selected = List.copyOf(grid.getSelectedItems());
        if (selected.isEmpty()) {
            notify("Select the claims to approve first", false);
            return;
        }
        var outcomes = validation.approveAll(selected.stream().map(ClaimRef::of).toList());
        long approved = outcomes.stream().filter(ValidationService.BulkOutcome::approved).count();
        Dialog report = new Dialog();
        report.setHeaderTitle("Approved " + approved + " of " + outcomes.size());
        UnorderedList lines = new UnorderedList();
        for (int i = 0; i < outcomes.size(); i++) {
            var outcome = outcomes.get(i);
            QueueRow row = selected.get(i);
            String what = row.modelName() + " on " + row.platform().label() + ": ";
            lines.add(new ListItem(what + (outcome.approved() ? outcome.status().label() : "refused — " + outcome.refusal())));
        }
        report.add(lines);
        report.getFooter().add(new Button("Close", e -> report.close()));
        report.open();
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private static void notify(String text, boolean success) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(
                success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
    }
}
