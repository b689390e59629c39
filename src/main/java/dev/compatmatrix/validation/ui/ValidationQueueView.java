package dev.compatmatrix.validation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.ui.LiveRowMarks;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.MatrixChange;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import dev.compatmatrix.validation.ReviewRefusedException;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueRow;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Claims waiting for validation: disputed first, then objections, then stale, then by the verification level they
 * need. Approve or reject a row, resolve a dispute, or approve a selection in bulk; every refusal is reported with
 * its reason. The filters live in the URL ({@link QueueUrl}). The first column (model, platform, claimed level) and
 * the actions stay in view on a phone; the columns between them scroll. It keeps itself current while open
 * ({@link LiveUpdates}): rows whose cell changed elsewhere are marked for a moment, and the filters, scroll position,
 * dialogs and the selection (of the rows still in the queue) stay.
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
    /** The kind "Reported" only: claims users' open reports contradict. */
    final Checkbox reportedOnly = new Checkbox("Reported only");

    final UrlNotice urlNotice = new UrlNotice();
    final Grid<QueueRow> grid = new Grid<>();
    final Span count = new Span();
    /** The kind "Reported" counted separately, beside the count. */
    final Span reportedCount = new Span();

    final Span emptyState = new Span();
    final Button approveSelected = new Button("Approve selected");
    final LiveRowMarks<QueueRow> changedRows = new LiveRowMarks<>(grid, "Updated", QueueRow::claimId);
    private final AtomicLong liveRefreshes;
    /** Read by the live predicate on the signal's thread too. */
    private volatile QueueFilter filter = QueueFilter.ALL;

    private boolean showingFilter;

    public ValidationQueueView(ValidationService validation, CompatibilityService compatibility, LiveUpdates live) {
        this.validation = validation;
        this.liveRefreshes = live.keepCurrent(this, this::concerns, this::changedElsewhere);
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
        reportedOnly.setId("queue-reported-only");
        reportedOnly.addValueChangeListener(e -> filterChanged());
        HorizontalLayout filters =
                new HorizontalLayout(model, requiredLevel, platform, family, minAgeDays, reportedOnly);
        filters.addClassName("filter-bar");

        configureGrid();
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveSelected.setId("approve-selected");
        approveSelected.addClickListener(e -> approveSelection());
        count.setId("queue-count");
        reportedCount.setId("queue-reported-count");
        HorizontalLayout actions = new HorizontalLayout(count, reportedCount, approveSelected);
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
        reportedOnly.setValue(parsed.filter().reportedOnly());
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
        grid.addComponentColumn(row -> changedRows.show(row, QueueCells.claim(row)))
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
        // Rows are the same row by claim across reads, so a selection outlives a refresh.
        grid.setItems(new CallbackDataProvider<QueueRow, Void>(
                query -> validation.queuePage(filter, query.getOffset(), query.getLimit()).stream(),
                query -> showCount(validation.queueCount(filter)),
                QueueRow::claimId));
    }

    /** Whether a committed change may alter what the queue shows under its filters. */
    private boolean concerns(MatrixChange change) {
        QueueFilter shown = filter;
        return change.all() || change.events().stream().anyMatch(event -> mayShow(shown, event));
    }

    private static boolean mayShow(QueueFilter shown, MatrixEvent event) {
        if (event.platform() == null) {
            return true; // a model added, renamed or deleted
        }
        return (shown.platform() == null || shown.platform() == event.platform())
                && (shown.family() == null || shown.family().equals(event.modelFamily()))
                && (shown.model() == null
                        || event.modelName()
                                .toLowerCase(Locale.ROOT)
                                .contains(shown.model().toLowerCase(Locale.ROOT)));
    }

    /** Another user, an import or the API changed cells: show them, marked, and keep the selection current. */
    private void changedElsewhere(MatrixChange change) {
        Set<String> cells = change.events().stream()
                .filter(event -> event.platform() != null)
                .map(event -> cellKey(event.modelName(), event.platform()))
                .collect(Collectors.toSet());
        changedRows.mark(row -> change.all() || cells.contains(cellKey(row.modelName(), row.platform())));
        Set<QueueRow> selected = grid.getSelectedItems();
        if (selected.stream().anyMatch(changedRows::isMarked) || (!selected.isEmpty() && change.changesModels())) {
            keepSelectionOfRowsStillQueued(selected);
        }
        refresh();
    }

    /** The selected rows as they are now, without those that left the queue, so "Approve selected" sees them. */
    private void keepSelectionOfRowsStillQueued(Set<QueueRow> selected) {
        List<QueueRow> current = validation.stillQueued(
                filter, selected.stream().map(QueueRow::claimId).toList());
        grid.deselectAll();
        current.forEach(grid::select);
    }

    private static String cellKey(String modelName, Platform platform) {
        return modelName + "\n" + platform.key();
    }

    /** How many times the queue refreshed itself for changes made elsewhere (for tests and benchmarks). */
    public long liveRefreshes() {
        return liveRefreshes.get();
    }

    /** "12 claims waiting", and "3 reported" beside it: the reported kind counted separately (of the same filter). */
    private int showCount(long total) {
        count.setText(total == 1 ? "1 claim waiting" : total + " claims waiting");
        long reported = filter.reportedOnly() ? total : validation.queueCount(filter.reported());
        reportedCount.setText(reported + " reported");
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
                minAgeDays.getValue(),
                reportedOnly.getValue());
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
