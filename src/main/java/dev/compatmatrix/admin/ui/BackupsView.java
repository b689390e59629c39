package dev.compatmatrix.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.compatmatrix.admin.backup.BackupService;
import dev.compatmatrix.base.db.DatabaseBackups;
import dev.compatmatrix.matrix.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;

/**
 * Admins take a backup of the whole database and download earlier ones (zip of the exported folder); on a database
 * backed up by its own tools (PostgreSQL) they see those tools' commands for it instead.
 */
@Route("admin/backups")
@PageTitle("Backups · Compatibility Matrix Console")
@Menu(order = 13, title = "Backups", icon = "vaadin:archive")
@RolesAllowed(Roles.ADMIN)
public class BackupsView extends VerticalLayout {

    private final BackupService backups;
    final Button backupNow = new Button("Back up now");
    final Grid<BackupService.Backup> grid = new Grid<>();

    public BackupsView(BackupService backups) {
        this.backups = backups;
        var ownTools = backups.ownTools();
        if (ownTools.isPresent()) {
            showOwnTools(ownTools.get());
            return;
        }
        backupNow.setId("backup-now");
        backupNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backupNow.addClickListener(e -> {
            try {
                var backup = backups.backupNow();
                Notification.show("Backup " + backup.name() + " written", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException ex) {
                Notification.show("The backup failed: " + ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        grid.setId("backup-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No backups yet.");
        grid.addColumn(BackupService.Backup::name)
                .setHeader("Backup (UTC time)")
                .setAutoWidth(true);
        grid.addColumn(b -> String.format(java.util.Locale.ROOT, "%,d kB", b.bytes() / 1024))
                .setHeader("Size");
        grid.addComponentColumn(b -> new Anchor(download(b.name()), AttachmentType.DOWNLOAD, "Download .zip"));
        add(
                new H2("Backups"),
                new Paragraph("A backup is a consistent export of the whole database (schema and "
                        + "Parquet data) taken while the console runs. To restore, start the console on a new database file "
                        + "with COMPAT_RESTORE_FROM set to an unzipped backup folder (see the README)."),
                backupNow,
                grid);
        refresh();
    }

    /** A database whose backups belong to its own tools: what to run for this one, instead of a button. */
    private void showOwnTools(DatabaseBackups.OwnTools tools) {
        Pre backup = new Pre(tools.backup());
        backup.setId("own-backup-command");
        Pre restore = new Pre(tools.restore());
        restore.setId("own-restore-commands");
        add(
                new H2("Backups"),
                new Paragraph("This console runs on " + tools.database() + ". Its backups belong to the database's own "
                        + "tools (or the managed service's snapshots and point-in-time recovery): the console takes "
                        + "none itself. To back up this database:"),
                backup,
                new Paragraph("To restore, into a new, empty database, then point COMPAT_DB_URL at it (the migration "
                        + "history comes along):"),
                restore,
                new Paragraph("The password: " + tools.password() + "."));
    }

    private DownloadHandler download(String name) {
        return event -> {
            event.setFileName(name + ".zip");
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                backups.download(name, out);
            }
        };
    }

    private void refresh() {
        grid.setItems(backups.list());
    }
}
