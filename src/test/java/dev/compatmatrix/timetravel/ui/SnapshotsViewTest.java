package dev.compatmatrix.timetravel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.SnapshotQuery;
import dev.compatmatrix.matrix.query.SnapshotQuery.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SnapshotsViewTest extends WritingKaribuTest {

    @Autowired
    SnapshotQuery query;

    private Snapshot shown(SnapshotsView view, String name) {
        return view.grid
                .getGenericDataView()
                .getItems()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in the grid"));
    }

    /** Opens the screen and marks a snapshot through its dialog, as a person does. */
    private SnapshotsView markOnScreen(String name) {
        UI.getCurrent().navigate("snapshots");
        SnapshotsView view = _get(SnapshotsView.class);
        _click(view.mark);
        SnapshotDialog dialog = _get(SnapshotDialog.class);
        dialog.name.setValue(name);
        _click(dialog.save);
        return view;
    }

    @Test
    void an_editor_marks_a_snapshot_in_the_dialog_and_sees_it_with_its_links() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("snapshots");
        SnapshotsView view = _get(SnapshotsView.class);
        assertThat(view.mark.isVisible()).isTrue();

        _click(view.mark);
        SnapshotDialog dialog = _get(SnapshotDialog.class);
        dialog.name.setValue("2026-11-20");
        _click(dialog.save);
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).startsWith("A snapshot name cannot look like a date");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(query.byName("2026-11-20")).isEmpty();

        dialog.name.setValue("ui v2.1 / <b>rc</b>");
        _click(dialog.save);
        assertThat(dialog.name.getErrorMessage()).startsWith("A snapshot name cannot contain ‘<’");

        dialog.name.setValue("ui v2.1 release");
        dialog.note.setValue("Shipped to customers");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        Snapshot marked = shown(view, "ui v2.1 release");
        assertThat(marked.createdBy()).isEqualTo("editor");
        assertThat(marked.note()).isEqualTo("Shipped to customers");

        int row = view.grid.getGenericDataView().getItems().toList().indexOf(marked);
        assertThat(GridKt._getFormattedRow(view.grid, row))
                .contains("ui v2.1 release", "editor", "Shipped to customers");
        var links =
                GridKt._getCellComponent(view.grid, row, "links").getElement().getOuterHTML();
        assertThat(links)
                .contains("href=\"./?asOf=ui+v2.1+release\"", "Matrix as of this")
                .contains("href=\"changes?from=ui+v2.1+release&amp;to=2026-11-2", "Changes since");
        _assertNone(view, Anchor.class, spec -> spec.withText("Delete"));
        assertThat(view.grid.getColumnByKey("delete")).as("only admins delete").isNull();
    }

    @Test
    void a_viewer_sees_the_snapshots_without_the_button_to_mark_one() {
        login("editor", Roles.EDITOR);
        markOnScreen("ui for viewers");

        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("snapshots");
        SnapshotsView view = _get(SnapshotsView.class);
        assertThat(view.mark.isVisible()).isFalse();
        assertThat(shown(view, "ui for viewers").createdBy()).isEqualTo("editor");
        assertThat(view.grid.getColumnByKey("delete")).isNull();
    }

    @Test
    void the_menu_lists_snapshots_after_history_and_changes_for_every_signed_in_role() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("snapshots");
        List<String> labels = _get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels.indexOf("Snapshots")).isPositive().isEqualTo(labels.indexOf("History") + 2);
        assertThat(labels.indexOf("Changes")).isEqualTo(labels.indexOf("History") + 1);
    }

    @Test
    void an_admin_deletes_a_snapshot_after_confirming() {
        login("admin", Roles.ADMIN);
        SnapshotsView view = markOnScreen("ui doomed");
        Snapshot doomed = shown(view, "ui doomed");

        int row = view.grid.getGenericDataView().getItems().toList().indexOf(doomed);
        _click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(view.grid, row, "delete"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(query.byName("ui doomed")).isEmpty();
        assertThat(view.grid.getGenericDataView().getItems())
                .noneMatch(s -> s.name().equals("ui doomed"));
    }
}
