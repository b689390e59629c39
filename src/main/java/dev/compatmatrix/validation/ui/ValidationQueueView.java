package dev.compatmatrix.validation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.validation.ReviewRefusedException;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueRow;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Claims waiting for validation: disputed first, then objections, then stale, then by the verification level they
 * need. Approve or reject a row, resolve a dispute, or approve a selection in bulk; every refusal is reported with
 * its reason. The filters live in the URL ({@link QueueUrl}). The first column (model, platform, claimed level) and
 * the actions stay in view on a phone; the columns between them scroll.
 */
@Route("queue")
@PageTitle("Validation queue · Compatibility Matrix Console")
@Menu(order = 1, title = "Validation queue", icon = "vaadin:check-square-o")
@RolesAllowed(Roles.VALIDATOR)
@StyleSheet("context://styles/queue.css")
public class ValidationQueueView extends VerticalLayout implements BeforeEnterObserver {

    private final ValidationService validation;
    final TextField model = new TextField("Model");
    final Select<Integer> requiredLevel = new Select<>();
    final Select<Platform> platform = new Select<>();
    final ComboBox<String> family = new ComboBox<>("Family");
    final IntegerField minAgeDays = new IntegerField("Unchanged for (days)");
    final UrlNotice urlNotice = new UrlNotice();
    final Grid<QueueRow> grid = new Grid<>();
    final Span count = new Span();
    final Span emptyState = new Span();
    final Button approveSelected = new Button("Approve selected");
    private QueueFilter filter = QueueFilter.ALL;
    private boolean showingFilter;

    public ValidationQueueView(ValidationService validation, CompatibilityService compatibility) {
        this.validation = validation;
        setSizeFull();
        addClassName("queue-view");
        model.setPlaceholder("Part of the name");
        model.setClearButtonVisible(true);
        model.setValueChangeMode(ValueChangeMode.LAZY);
        requiredLevel.setLabel("Needs level");
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
        model.addValueChangeListener(e -> filterChanged());
        requiredLevel.addValueChangeListener(e -> filterChanged());
        platform.addValueChangeListener(e -> filterChanged());
        family.addValueChangeListener(e -> filterChanged());
        minAgeDays.addValueChangeListener(e -> filterChanged());
        HorizontalLayout filters = new HorizontalLayout(model, requiredLevel, platform, family, minAgeDays);
        filters.addClassName("filter-bar");

        configureGrid();
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveSelected.setId("approve-selected");
        approveSelected.addClickListener(e -> approveSelection());
        count.setId("queue-count");
        HorizontalLayout actions = new HorizontalLayout(count, approveSelected);
        actions.setAlignItems(Alignment.BASELINE);
        add(filters, urlNotice, actions, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueueUrl.Parsed parsed = QueueUrl.parse(event.getLocation().getQueryParameters());
        showingFilter = true;
        model.setValue(parsed.filter().model() == null ? "" : parsed.filter().model());
        requiredLevel.setValue(parsed.filter().requiredLevel());
        platform.setValue(parsed.filter().platform());
        family.setValue(parsed.filter().family());
        minAgeDays.setValue(parsed.filter().minAgeDays());
        showingFilter = false;
        urlNotice.show(parsed.warnings());
        filter = parsed.filter();
        refresh();
    }

    private void configureGrid() {
        grid.setId("queue-grid");
        grid.addClassName("queue-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(QueueCells::claim)
                .setHeader("Claim")
                .setKey("claim")
                .setWidth("var(--queue-claim-width, 15rem)")
                .setFlexGrow(1)
                .setFrozen(true);
        grid.addColumn(r -> r.status().label() + (r.stale() ? " · stale" : "") + (r.simulated() ? " · simulated" : ""))
                .setHeader("Status")
                .setKey("status")
                .setWidth("8.5rem")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> QueueCells.why(row, () -> resolve(row, false), () -> resolve(row, true)))
                .setHeader("Why here")
                .setKey("why")
                .setWidth("15rem")
                .setFlexGrow(2);
        grid.addColumn(r -> "Level " + r.neededLevel())
                .setHeader("Needs")
                .setKey("needs")
                .setWidth("5rem")
                .setFlexGrow(0);
        grid.addColumn(r -> r.ageDays() + " d")
                .setHeader("Age")
                .setKey("age")
                .setWidth("4.5rem")
                .setFlexGrow(0);
        grid.addColumn(QueueCells::author)
                .setHeader("Author")
                .setKey("author")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> QueueCells.actions(row, () -> approve(row), () -> reject(row)))
                .setHeader("Actions")
                .setKey("actions")
                .setWidth("var(--queue-actions-width, 11rem)")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setEmptyStateComponent(emptyState);
        emptyState.setId("queue-empty");
        grid.setItems(
                query -> validation.queuePage(filter, query.getOffset(), query.getLimit()).stream(),
                query -> showCount(validation.queueCount(filter)));
    }

    private int showCount(long total) {
        count.setText(total == 1 ? "1 claim waiting" : total + " claims waiting");
        return (int) total;
    }

    private void filterChanged() {
        if (showingFilter) {
            return;
        }
        filter = new QueueFilter(
                model.getValue(),
                requiredLevel.getValue(),
                platform.getValue(),
                family.getValue(),
                minAgeDays.getValue());
        getUI().ifPresent(ui ->
                ui.getPage().getHistory().replaceState(null, new Location("queue", QueueUrl.toQuery(filter))));
        refresh();
    }

    private void refresh() {
        emptyState.setText(
                filter.isAll()
                        ? "Nothing waiting for your level"
                                + validation
                                        .myLevel()
                                        .map(l -> " (level " + l + ")")
                                        .orElse("")
                                + ": every claim is validated, fresh and undisputed."
                        : "No claim in the queue matches these filters. Clear a filter to see more.");
        grid.getDataProvider().refreshAll();
    }

    void approve(QueueRow row) {
        try {
            var outcome = validation.approve(ClaimRef.of(row), null);
            notify(
                    "Approved " + row.platform().label() + " claim of " + row.modelName() + ": " + outcome.describe()
                            + (row.disputed()
                                    ? ". It stays disputed until a validator of level " + row.requiredLevel()
                                            + " resolves the dispute (Keep / Take)."
                                    : ""),
                    true);
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
                var outcome = validation.reject(ClaimRef.of(row), comment.getValue());
                dialog.close();
                notify(
                        outcome.objection()
                                ? "Your rejection is kept as an objection: the claim was validated at level "
                                        + outcome.objectionNeedsLevel() + ", so a validator of that level decides"
                                : "Rejected; the claim is unvalidated and the editor sees your comment",
                        true);
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

    /** Opens the dialog that keeps the disputed claim, or ({@code take}) takes the automated level. */
    ResolveDisputeDialog resolve(QueueRow row, boolean take) {
        ResolveDisputeDialog dialog = new ResolveDisputeDialog(validation, row, take, (message, ok) -> {
            notify(message, ok);
            grid.getDataProvider().refreshAll();
        });
        dialog.open();
        return dialog;
    }

    void approveSelection() {
        List<QueueRow> selected = List.copyOf(grid.getSelectedItems());
        if (selected.isEmpty()) {
            notify("Select the claims to approve first", false);
            return;
        }
        var outcomes = validation.approveAll(selected.stream().map(ClaimRef::of).toList());
        long changed = outcomes.stream()
                .filter(o -> o.approved() && !o.outcome().unchanged())
                .count();
        long unchanged = outcomes.stream()
                .filter(o -> o.approved() && o.outcome().unchanged())
                .count();
        Dialog report = new Dialog();
        report.setHeaderTitle("Approved " + (changed + unchanged) + " of " + outcomes.size()
                + (unchanged == 0 ? "" : " (" + unchanged + " already had that status)"));
        UnorderedList lines = new UnorderedList();
        for (int i = 0; i < outcomes.size(); i++) {
            QueueRow row = selected.get(i);
            lines.add(new ListItem(row.modelName() + " on " + row.platform().label() + ": "
                    + outcomes.get(i).describe()));
        }
        lines.setId("bulk-report");
        report.add(lines);
        report.getFooter().add(new Button("Close", e -> report.close()));
        report.open();
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private static void notify(String text, boolean success) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
    }
}
