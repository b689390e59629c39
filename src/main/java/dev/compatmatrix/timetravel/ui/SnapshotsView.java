package dev.compatmatrix.timetravel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.SnapshotQuery.Snapshot;
import dev.compatmatrix.security.CurrentUser;
import dev.compatmatrix.timetravel.SnapshotService;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The named snapshots (releases), each with links to the matrix as of it and to what changed since; editors and
 * admins mark now as a snapshot, admins delete one.
 */
@Route("snapshots")
@PageTitle("Snapshots · Compatibility Matrix Console")
@Menu(order = 4.4, title = "Snapshots", icon = "vaadin:flag")
@PermitAll
public class SnapshotsView extends VerticalLayout {

    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final SnapshotService snapshots;
    private final Clock clock;
    private final boolean canDelete;
    final Grid<Snapshot> grid = new Grid<>();
    final Button mark = new Button("Mark now as a snapshot", VaadinIcon.FLAG.create());

    public SnapshotsView(SnapshotService snapshots, CurrentUser currentUser, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
        Set<String> roles = currentUser.roles();
        this.canDelete = roles.contains(Roles.ADMIN);
        addClassName("snapshots-view");
        mark.setId("snapshot-mark");
        mark.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        mark.addClickListener(e -> new SnapshotDialog(snapshots, this::marked).open());
        mark.setVisible(roles.contains(Roles.EDITOR) || roles.contains(Roles.ADMIN));
        HorizontalLayout top = new HorizontalLayout(new H2("Snapshots"), mark);
        top.setAlignItems(Alignment.BASELINE);
        top.setWrap(true);
        configureGrid();
        add(
                top,
                new Paragraph("A snapshot names a moment, such as a release, so that the matrix as it was then and "
                        + "what changed since can be found by its name wherever a date is asked for."),
                grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("snapshots-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No snapshots yet. An editor or admin marks one with \"Mark now as a snapshot\".");
        grid.addColumn(Snapshot::name)
                .setHeader("Name")
                .setKey("name")
                .setWidth("9rem")
                .setFlexGrow(1);
        // Beside the name, so that on a phone both show before the grid scrolls sideways.
        grid.addComponentColumn(this::links)
                .setHeader("See")
                .setKey("links")
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addColumn(s -> UTC_TIME.format(s.takenAt()))
                .setHeader("Taken at")
                .setKey("taken-at")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Snapshot::createdBy)
                .setHeader("By")
                .setKey("by")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.note() == null ? "" : s.note())
                .setHeader("Note")
                .setKey("note")
                .setWidth("14rem")
                .setFlexGrow(2);
        if (canDelete) {
            grid.addComponentColumn(this::deleteButton)
                    .setHeader("")
                    .setKey("delete")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
    }

    private Component links(Snapshot snapshot) {
        String name = URLEncoder.encode(snapshot.name(), StandardCharsets.UTF_8);
        Anchor asOf = new Anchor("./?asOf=" + name, "Matrix as of this");
        asOf.addClassName("snapshot-as-of");
        Anchor since = new Anchor("changes?from=" + name + "&to=" + LocalDate.now(clock), "Changes since");
        since.addClassName("snapshot-changes-since");
        VerticalLayout links = new VerticalLayout(asOf, since);
        links.setPadding(false);
        links.setSpacing(false);
        return links;
    }

    private Button deleteButton(Snapshot snapshot) {
        Button delete = new Button("Delete", e -> confirmDelete(snapshot));
        delete.setId("snapshot-delete-" + snapshot.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete snapshot " + snapshot.name());
        return delete;
    }

    private void confirmDelete(Snapshot snapshot) {
        ConfirmDialog confirm = new ConfirmDialog(
                "Delete snapshot " + snapshot.name() + "?",
                "Links that name it stop working. The matrix and its history are not changed.",
                "Delete",
                e -> delete(snapshot));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setId("snapshot-delete-confirm");
        confirm.open();
    }

    /** Deletes as the confirmation's button does. */
    void delete(Snapshot snapshot) {
        try {
            snapshots.delete(snapshot);
            Notification.show("Deleted snapshot " + snapshot.name(), 3000, Notification.Position.BOTTOM_START);
        } catch (InvalidChangeException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void marked(Snapshot snapshot) {
        refresh();
        grid.select(snapshot);
        Notification.show("Marked snapshot " + snapshot.name(), 3000, Notification.Position.BOTTOM_START);
    }

    private void refresh() {
        grid.setItems(snapshots.list());
    }
}
