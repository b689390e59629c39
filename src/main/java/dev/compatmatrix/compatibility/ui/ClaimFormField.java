package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.HasValue;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.ClaimFields;
import java.util.function.Function;

/** One field of the claim form: its key as the service names it, its input and its value in a claim. */
record ClaimFormField<T>(String key, HasValue<?, T> input, Function<ClaimData, T> read) {

    /** The field's name as the form and messages give it. */
    String label() {
        return ClaimFields.label(key);
    }

    Object value(ClaimData data) {
        return read.apply(data);
    }

    /** Puts this field's value of {@code data} into the input. */
    void show(ClaimData data) {
        T value = read.apply(data);
        if (value == null) {
            input.clear();
        } else {
            input.setValue(value);
        }
    }
}
