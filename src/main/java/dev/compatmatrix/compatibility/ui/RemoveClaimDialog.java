package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.InvalidChangeException;
import java.util.function.Consumer;

/**
 * Asks before a claim is removed, with the reason (required) in the same dialog. Cancel leaves the claim as it is;
 * the service checks the reason again and refuses a removal over a newer version.
 */
class RemoveClaimDialog extends Dialog {

    final TextArea reason = new TextArea("Reason for removing it");
    final Button confirm = new Button("Remove claim");
    final Button cancel = new Button("Cancel");

    /** @param remove calls the service with the reason; it throws when the service refuses */
    RemoveClaimDialog(String what, Consumer<String> remove) {
        setHeaderTitle("Remove the " + what + "?");
        setWidth("min(32rem, 100vw)");
        reason.setId("remove-reason");
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        CharacterCounter.on(reason, ChangeNote.REASON_MAX).hint("Required; kept in the history with your name");
        add(
                new Paragraph("The cell goes back to \"not tested\" and the claim's validation is gone. The history "
                        + "keeps the removal with your reason."),
                reason);
        confirm.setId("remove-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            try {
                remove.accept(reason.getValue());
                close();
            } catch (InvalidChangeException refused) {
                reason.setErrorMessage(refused.fieldErrors().getOrDefault("reason", refused.getMessage()));
                reason.setInvalid(true);
            }
        });
        cancel.setId("remove-cancel");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, confirm);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                reason.focus();
            }
        });
    }
}
