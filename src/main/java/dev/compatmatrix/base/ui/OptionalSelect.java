package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.select.Select;
import java.util.function.Function;

/** A filter's select of a few values where "nothing chosen" means any ("Any platform"), labelled in the user's words. */
public final class OptionalSelect {

    private OptionalSelect() {}

    /** Sets up {@code select} with these values, each labelled by {@code label}, and {@code any} for no choice. */
    @SafeVarargs
    public static <T> void configure(
            Select<T> select, String id, String caption, String any, Function<T, String> label, T... values) {
        select.setId(id);
        select.setLabel(caption);
        select.setItems(values);
        select.setItemLabelGenerator(value -> value == null ? any : label.apply(value));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(any);
    }
}
