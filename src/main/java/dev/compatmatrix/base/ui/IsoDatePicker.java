package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * A date picker that shows and reads dates as ISO yyyy-MM-dd whatever the browser's language, like every date the
 * console shows (a US browser would otherwise show 6/1/2026).
 */
public class IsoDatePicker extends DatePicker {

    public static final String FORMAT = "yyyy-MM-dd";

    public IsoDatePicker(String label) {
        super(label);
        setI18n(new DatePickerI18n().setDateFormat(FORMAT));
        setPlaceholder(FORMAT);
    }
}
