package dev.compatmatrix.history.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.compatmatrix.base.ui.IsoDatePicker;
import dev.compatmatrix.history.HistoryService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDate;
import java.util.Optional;

/** The history screen's filters; {@link #read()} refuses a reversed date range with a message on the field. */
class HistoryFilterBar extends FlexLayout {

    final ComboBox<String> model = new ComboBox<>("Model");
    final Select<Platform> platform = new Select<>();
    final DatePicker from = new IsoDatePicker("From");
    final DatePicker to = new IsoDatePicker("To");
    final TextField version = new TextField("Version contains");
    private final Button clear = new Button("Clear filters");
    private boolean showing;

    HistoryFilterBar(HistoryService service, Runnable onChange) {
        addClassName("filter-bar");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(Alignment.BASELINE);
        model.setId("history-model");
        model.setPlaceholder("Any model");
        model.setClearButtonVisible(true);
        model.setItems(query ->
                service.modelNames(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        model.setWidth("18rem");
        platform.setId("history-platform");
        platform.setLabel("Platform");
        platform.setItems(Platform.values());
        platform.setItemLabelGenerator(p -> p == null ? "Any platform" : p.label());
        platform.setEmptySelectionAllowed(true);
        platform.setEmptySelectionCaption("Any platform");
        from.setId("history-from");
        to.setId("history-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        version.setId("history-version");
        version.setPlaceholder("e.g. ROCm 6.2");
        version.setClearButtonVisible(true);
        version.setValueChangeMode(ValueChangeMode.LAZY);
        version.setMaxLength(HistoryUrl.MAX_TEXT);
        clear.setId("history-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> {
            show(HistoryFilter.NONE);
            onChange.run();
        });
        model.addValueChangeListener(e -> changed(onChange));
        platform.addValueChangeListener(e -> changed(onChange));
        from.addValueChangeListener(e -> changed(onChange));
        to.addValueChangeListener(e -> changed(onChange));
        version.addValueChangeListener(e -> changed(onChange));
        add(model, platform, from, to, version, clear);
    }

    private void changed(Runnable onChange) {
        if (!showing) {
            onChange.run();
        }
    }

    /** The filter the fields describe, or empty (with the fields marked) when the date range is reversed. */
    Optional<HistoryFilter> read() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        boolean reversed = start != null && end != null && start.isAfter(end);
        to.setInvalid(reversed);
        to.setErrorMessage(reversed ? "The end date is before the start date" : null);
        if (reversed) {
            return Optional.empty();
        }
        return Optional.of(new HistoryFilter(model.getValue(), platform.getValue(), start, end, version.getValue()));
    }

    void show(HistoryFilter filter) {
        showing = true;
        try {
            model.setValue(filter.model());
            platform.setValue(filter.platform());
            from.setValue(filter.from());
            to.setValue(filter.to());
            version.setValue(filter.version() == null ? "" : filter.version());
            to.setInvalid(false);
        } finally {
            showing = false;
        }
    }
}
