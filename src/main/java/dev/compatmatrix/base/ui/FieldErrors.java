package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import java.util.function.Function;

/** A service's refusal by field, shown on a form: each message on its input, one for no input above the form. */
public final class FieldErrors {

    private FieldErrors() {}

    /**
     * Shows each message of {@code errors} on the input {@code inputFor} gives for its field; a field with no input
     * (e.g. "" for the whole change) shows in {@code formError}, made visible.
     */
    public static <T extends Component & HasText> void show(
            Map<String, String> errors, Function<String, Object> inputFor, T formError) {
        errors.forEach((field, message) -> {
            if (inputFor.apply(field) instanceof HasValidation input) {
                input.setErrorMessage(message);
                input.setInvalid(true);
            } else {
                formError.setText(message);
                formError.setVisible(true);
            }
        });
    }
}
