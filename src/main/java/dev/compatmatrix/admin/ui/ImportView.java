package dev.compatmatrix.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.compatmatrix.admin.importing.ImportFileException;
import dev.compatmatrix.admin.importing.ImportPreview;
import dev.compatmatrix.admin.importing.ImportRefusedException;
import dev.compatmatrix.admin.importing.ImportRow;
import dev.compatmatrix.admin.importing.ImportService;
import dev.compatmatrix.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Upload a CSV or JSON file of models and claims, see the dry run (every bad row and why), then apply it. */
@Route("admin/import")
@PageTitle("Import · Compatibility Matrix Console")
@Menu(order = 12.5, title = "Import", icon = "vaadin:upload")
@RolesAllowed(Roles.ADMIN)
public class ImportView extends VerticalLayout {

    private final ImportService imports;
    final Upload upload = new Upload();
    final Paragraph summary = new Paragraph("Upload a file to see what it would change. Nothing is written until you apply it.");
    final Grid<ImportPreview.RowError> errors = new Grid<>();
    final Button apply = new Button("Apply import");
    private String fileName;
    private byte[] content;

    public ImportView(ImportService imports) {
        this.imports = imports;
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> ui.access(() -> {
            received(metadata.fileName(), data);
            // One file at a time: clearing the list lets the corrected file be uploaded next.
            upload.clearFileList();
        })));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ImportService.MAX_BYTES);
        summary.setId("import-summary");
        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        errors.addColumn(ImportPreview.RowError::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(ImportPreview.RowError::message).setHeader("Why it is refused").setFlexGrow(1);
        errors.setVisible(false);
        errors.setAllRowsVisible(true);
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> applyImport());
        add(new H2("Import models and claims"), new Paragraph("CSV with a header row, or a JSON array of objects, "
                + "with the columns " + String.join(", ", ImportRow.COLUMNS) + ". A new model needs family, type and "
                + "size; a claim needs hardware and level. All rows are applied in one transaction, or none."),
                upload, summary, apply, errors);
    }

    /** A file arrived: run the dry run and show it. */
    void received(String name, byte[] data) {
        fileName = name;
        content = data;
        try {
            ImportPreview preview = imports.preview(name, data);
            show(preview);
        } catch (ImportFileException e) {
            summary.setText(name + ": " + e.getMessage());
            errors.setVisible(false);
            apply.setEnabled(false);
        }
    }

    private void show(ImportPreview preview) {
        summary.setText(String.format(java.util.Locale.ROOT, "%s: %,d rows — %,d new models, %,d new claims, "
                        + "%,d changed claims, %,d unchanged. %s", fileName, preview.rows(), preview.modelsToCreate(),
                preview.claimsToCreate(), preview.claimsToChange(), preview.unchanged(),
                preview.applicable() ? "Ready to apply." : preview.errors().size() + " bad rows: fix them and upload again."));
        errors.setItems(preview.errors());
        errors.setVisible(!preview.applicable());
        apply.setEnabled(preview.applicable());
    }

    private void applyImport() {
        try {
            var result = imports.apply(fileName, content);
            Notification.show(String.format(java.util.Locale.ROOT, "Imported %s: %,d models and %,d claims created, "
                            + "%,d claims changed", fileName, result.modelsCreated(), result.claimsCreated(),
                    result.claimsChanged()), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            summary.setText("Imported " + fileName + ".");
            apply.setEnabled(false);
            upload.clearFileList();
        } catch (ImportRefusedException e) {
            show(e.preview());
        }
    }
}
