package dev.compatmatrix.timetravel.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.query.SnapshotQuery.Snapshot;
import dev.compatmatrix.timetravel.SnapshotService;
import java.util.function.Consumer;

/** "Mark now as a snapshot": a name and an optional note; a refusal is shown on its field and nothing is written. */
class SnapshotDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextArea note = new TextArea("Note (optional)");
    final Button save = new Button("Mark snapshot");

    SnapshotDialog(SnapshotService snapshots, Consumer<Snapshot> marked) {
        setHeaderTitle("Mark now as a snapshot");
        setId("snapshot-dialog");
        name.setId("snapshot-name");
        name.setRequired(true);
        name.setWidthFull();
        name.setHelperText("1–" + SnapshotService.NAME_MAX + " characters, e.g. v2.1 or 2026-Q4 release; not a date");
        note.setId("snapshot-note");
        note.setWidthFull();
        note.setHelperText("At most " + SnapshotService.NOTE_MAX + " characters");
        save.setId("snapshot-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            name.setInvalid(false);
            note.setInvalid(false);
            try {
                Snapshot snapshot = snapshots.mark(name.getValue(), note.getValue());
                close();
                marked.accept(snapshot);
            } catch (InvalidChangeException refused) {
                refused.fieldErrors().forEach((field, message) -> {
                    HasValidation shown = "note".equals(field) ? note : name;
                    shown.setErrorMessage(message);
                    shown.setInvalid(true);
                });
            }
        });
        add(new Paragraph("The matrix as it is at this moment can then be found by this name."), name, note);
        setWidth("min(32rem, 95vw)");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
