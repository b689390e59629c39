package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import dev.compatmatrix.security.UserAdminException;
import java.util.Map;

/** Shows an admin service's refusal on the input it names, or above the form when it names none. */
final class AdminFormErrors {

    private final Map<String, HasValidation> inputs;
    final Paragraph general = new Paragraph();

    AdminFormErrors(Map<String, HasValidation> inputs) {
        this.inputs = inputs;
        general.addClassName("url-notice");
        general.setVisible(false);
    }

    void show(UserAdminException refused) {
        show(refused.field(), refused.getMessage());
    }

    void show(String field, String message) {
        HasValidation input = inputs.get(field);
        if (input == null) {
            general.setText(message);
            general.setVisible(true);
        } else {
            input.setErrorMessage(message);
            input.setInvalid(true);
        }
    }

    void clear() {
        general.setVisible(false);
        inputs.values().forEach(input -> input.setInvalid(false));
    }
}
