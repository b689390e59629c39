package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.compatmatrix.matrix.TextLimit;

/**
 * "123 / 2,000 characters" under a text area, after an optional hint, updated as the user types. The browser is
 * given no maximum length, so nothing is cut silently: past the limit the binder or the service says so.
 */
final class CharacterCounter {

    private final TextArea area;
    private final int max;
    private String hint = "";

    private CharacterCounter(TextArea area, int max) {
        this.area = area;
        this.max = max;
    }

    static CharacterCounter on(TextArea area, int max) {
        CharacterCounter counter = new CharacterCounter(area, max);
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.addValueChangeListener(e -> counter.show());
        counter.show();
        return counter;
    }

    CharacterCounter hint(String text) {
        hint = text;
        show();
        return this;
    }

    private void show() {
        String count = TextLimit.counter(area.getValue().length(), max);
        area.setHelperText(hint.isEmpty() ? count : hint + " · " + count);
    }
}
