package dev.compatmatrix.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import dev.compatmatrix.admin.importing.ImportFileException;
import dev.compatmatrix.admin.importing.ImportPreview;
import dev.compatmatrix.admin.importing.ImportProgress;
import dev.compatmatrix.admin.importing.ImportRefusedException;
import dev.compatmatrix.admin.importing.ImportResult;
import dev.compatmatrix.admin.importing.ImportRow;
import dev.compatmatrix.admin.importing.ImportService;
import dev.compatmatrix.base.Plural;
import dev.compatmatrix.matrix.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Upload a CSV or JSON file of models and claims, see the dry run (every bad row and why), then apply it. */
@Route("admin/import")
@PageTitle("Import · Compatibility Matrix Console")
@Menu(order = 12.5, title = "Import", icon = "vaadin:upload")
@RolesAllowed(Roles.ADMIN)
public class ImportView extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(ImportView.class);
    private static final int POLL_MILLIS = 500;
    private static final int ALL_ERRORS_VISIBLE = 20;

    private final ImportService imports;
    final Upload upload = new Upload();
    final Paragraph summary =
            new Paragraph("Upload a file to see what it would change. Nothing is written until you apply it.");
    final Grid<ImportPreview.RowError> errors = new Grid<>();
    final Button apply = new Button("Apply import");
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    private final Executor background;
    /** The import being applied, if any; tests wait for it. */
    CompletableFuture<ImportResult> running = CompletableFuture.completedFuture(null);

    private String fileName;
    private byte[] content;

    public ImportView(ImportService imports, @Qualifier("applicationTaskExecutor") Executor background) {
        this.imports = imports;
        this.background = background;
        upload.setUploadHandler(new SizeLimitedUpload(
                ImportService.MAX_BYTES,
                (name, data) -> {
                    received(name, data);
                    // One file at a time: clearing the list lets the corrected file be uploaded next.
                    upload.clearFileList();
                },
                this::refused));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ImportService.MAX_BYTES);
        summary.setId("import-summary");
        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        errors.addColumn(ImportPreview.RowError::line)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        errors.addColumn(ImportPreview.RowError::message)
                .setHeader("Why it is refused")
                .setFlexGrow(1);
        errors.setVisible(false);
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> applyImport());
        apply.setDisableOnClick(true);
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        progress.setVisible(false);
        progressText.setVisible(false);
        add(
                new H2("Import models and claims"),
                new Paragraph("CSV with a header row, or a JSON array of objects, "
                        + "with the columns " + String.join(", ", ImportRow.COLUMNS)
                        + ". A new model needs family, type and "
                        + "size; a claim needs hardware and level. All rows are applied in one transaction, or none."),
                upload,
                summary,
                apply,
                progress,
                progressText,
                errors);
    }

    /** A file arrived: run the dry run and show it; the file is kept only while it can be applied. */
    void received(String name, byte[] data) {
        fileName = name;
        content = data;
        try {
            ImportPreview preview = imports.preview(name, data);
            show(preview);
        } catch (ImportFileException e) {
            refused(name + ": " + e.getMessage());
        }
        if (!apply.isEnabled()) {
            content = null;
        }
    }

    /** A file that cannot be imported: say why, and keep nothing of it. */
    private void refused(String reason) {
        summary.setText(reason);
        errors.setVisible(false);
        apply.setEnabled(false);
        content = null;
        upload.clearFileList();
    }

    /** Whether the page still holds an uploaded file (only between a good dry run and its import). */
    boolean holdsUpload() {
        return content != null;
    }

    private void show(ImportPreview preview) {
        summary.setText(fileName + ": " + Plural.of(preview.rows(), "row") + " — "
                + Plural.of(preview.modelsToCreate(), "new model") + ", "
                + Plural.of(preview.claimsToCreate(), "new claim")
                + ", " + Plural.of(preview.claimsToChange(), "changed claim")
                + String.format(Locale.ROOT, ", %,d unchanged. ", preview.unchanged())
                + (preview.applicable()
                        ? "Ready to apply."
                        : Plural.of(preview.errors().size(), "bad row") + ": fix them and upload again."));
        errors.setItems(preview.errors());
        // A few bad rows show in full; a file full of them scrolls inside the grid instead of loading every row.
        errors.setAllRowsVisible(preview.errors().size() <= ALL_ERRORS_VISIBLE);
        errors.setHeight(preview.errors().size() <= ALL_ERRORS_VISIBLE ? null : "24rem");
        errors.setVisible(!preview.applicable());
        apply.setEnabled(preview.applicable());
    }

    /**
     * Large files take a while: the import runs on a background thread under the admin's security context, while
     * the page polls for its progress; the upload waits until it is done.
     */
    private void applyImport() {
        UI ui = UI.getCurrent();
        String name = fileName;
        byte[] data = content;
        upload.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText("Applying " + name + "…");
        progressText.setVisible(true);
        ui.setPollInterval(POLL_MILLIS);
        ImportProgress shown = (done, total) -> report(ui, () -> {
            progress.setValue(done / (double) total);
            progressText.setText(String.format(Locale.ROOT, "%,d of %s written", done, Plural.of(total, "row")));
        });
        SecurityContext security = SecurityContextHolder.getContext();
        // The page update is part of the stage kept, so whoever waits on it also waits until the update is queued.
        running = CompletableFuture.supplyAsync(
                        () -> imports.apply(name, data, shown),
                        new DelegatingSecurityContextExecutor(background, security))
                .whenComplete((result, failure) -> report(ui, () -> finished(ui, name, result, failure)));
    }

    private void finished(UI ui, String name, ImportResult result, Throwable failure) {
        // Applied, refused or failed: the file is not needed any more (a corrected one is uploaded afresh).
        content = null;
        ui.setPollInterval(-1);
        upload.setEnabled(true);
        progress.setVisible(false);
        progressText.setVisible(false);
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause == null) {
            Notification.show(
                            "Imported " + name + ": " + Plural.of(result.modelsCreated(), "model") + " and "
                                    + Plural.of(result.claimsCreated(), "claim") + " created, "
                                    + Plural.of(result.claimsChanged(), "claim") + " changed",
                            6000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            summary.setText("Imported " + name + ".");
            upload.clearFileList();
        } else if (cause instanceof ImportRefusedException refused) {
            // The data changed since the dry run: show the new verdict.
            show(refused.preview());
        } else {
            LOG.error("Import of {} failed", name, cause);
            summary.setText("The import of " + name + " failed and changed nothing: " + cause.getMessage());
            Notification.show("Import failed; nothing was changed", 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Updates the page from the import's thread; a page closed meanwhile just stops hearing about it. */
    private static void report(UI ui, Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException closed) {
            LOG.debug("Import page closed while the import runs");
        }
    }
}
