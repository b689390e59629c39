package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matrix's filters, folded so the grid starts near the top: the search field and a "Filters (n)" toggle sit on
 * the view's tool line; this panel (the other fields) opens from the toggle. What the fields show comes from a
 * {@link MatrixFilter}, and they read back into one.
 */
class MatrixFilterBar extends FlexLayout {

    final TextField search = new TextField();
    final Button toggle = new Button(VaadinIcon.FILTER.create());
    final ComboBox<String> family = new ComboBox<>("Family");
    final Select<ModelType> type = new Select<>();
    final Select<ModelSize> size = new Select<>();
    final Select<ValidationStatus> validation = new Select<>();
    final NumberField minScore = new NumberField("Min. score");
    final Map<Platform, Select<PlatformState>> platformFilters = new EnumMap<>(Platform.class);
    final Button clear = new Button("Clear filters");
    /** True while fields are set from a filter, so their listeners don't report a user change. */
    private boolean showing;

    MatrixFilterBar(List<String> families, Runnable onChange) {
        setId("filter-panel");
        addClassNames("filter-bar", "filter-panel");
        setFlexWrap(FlexWrap.WRAP);
        search.setId("matrix-search");
        search.setAriaLabel("Search");
        search.setPlaceholder("Search name or family");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        toggle.setId("filter-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClickListener(e -> fold(!isVisible()));
        family.setItems(families);
        family.setClearButtonVisible(true);
        choices(type, "Type", ModelType.values(), ModelType::key);
        choices(size, "Size", ModelSize.values(), ModelSize::key);
        choices(validation, "Validation", ValidationStatus.values(), ValidationStatus::label);
        minScore.setMin(0);
        minScore.setMax(1);
        minScore.setStep(0.05);
        minScore.setStepButtonsVisible(true);
        minScore.setClearButtonVisible(true);
        minScore.setErrorMessage("Between 0 and 1");
        minScore.setTooltipText("0 – 1");
        List.<HasValue<?, ?>>of(search, family, type, size, validation, minScore)
                .forEach(field -> field.addValueChangeListener(e -> changed(onChange)));
        add(family, type, size, validation, minScore);
        for (Platform platform : Platform.values()) {
            Select<PlatformState> select = new Select<>();
            choices(select, platform.label(), PlatformState.values(), PlatformState::label);
            select.addValueChangeListener(e -> changed(onChange));
            platformFilters.put(platform, select);
            add(select);
        }
        clear.setId("filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> {
            show(MatrixFilter.NONE);
            onChange.run();
        });
        add(clear);
        fold(false);
    }

    /** Opens or closes the panel; the toggle says which, for assistive technology too. */
    void fold(boolean open) {
        setVisible(open);
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        toggle.getElement().setAttribute("aria-controls", "filter-panel");
    }

    /** Shows a filter (from a link); the toggle counts the filters in use besides the search. */
    void show(MatrixFilter filter) {
        showing = true;
        try {
            search.setValue(filter.text() == null ? "" : filter.text());
            family.setValue(filter.family());
            type.setValue(filter.type());
            size.setValue(filter.size());
            validation.setValue(filter.validation());
            minScore.setValue(filter.minScore());
            platformFilters.forEach(
                    (platform, select) -> select.setValue(filter.platforms().get(platform)));
        } finally {
            showing = false;
        }
        showActiveCount();
    }

    /** The filter the fields describe, or empty while one of them holds an invalid value. */
    Optional<MatrixFilter> read() {
        Double score = minScore.getValue();
        boolean scoreValid = score == null || (score >= 0 && score <= 1);
        minScore.setInvalid(!scoreValid);
        if (!scoreValid) {
            return Optional.empty();
        }
        Map<Platform, PlatformState> platforms = new EnumMap<>(Platform.class);
        platformFilters.forEach((platform, select) -> {
            if (select.getValue() != null) {
                platforms.put(platform, select.getValue());
            }
        });
        return Optional.of(new MatrixFilter(
                search.getValue(),
                family.getValue(),
                type.getValue(),
                size.getValue(),
                platforms,
                validation.getValue(),
                score));
    }

    private void changed(Runnable onChange) {
        if (!showing) {
            showActiveCount();
            onChange.run();
        }
    }

    /** "Filters" or "Filters (3)", with the filters in use as the tooltip. */
    private void showActiveCount() {
        List<String> active = new ArrayList<>();
        describe(active, "Family", family.getValue());
        describe(
                active, "Type", type.getValue() == null ? null : type.getValue().key());
        describe(
                active, "Size", size.getValue() == null ? null : size.getValue().key());
        describe(
                active,
                "Validation",
                validation.getValue() == null ? null : validation.getValue().label());
        describe(active, "Min. score", minScore.getValue() == null ? null : String.valueOf(minScore.getValue()));
        platformFilters.forEach((platform, select) -> describe(
                active,
                platform.label(),
                select.getValue() == null ? null : select.getValue().label()));
        toggle.setText(active.isEmpty() ? "Filters" : "Filters (" + active.size() + ")");
        toggle.setTooltipText(active.isEmpty() ? "No filters besides the search" : String.join(" · ", active));
    }

    private static void describe(List<String> active, String name, String value) {
        if (value != null) {
            active.add(name + ": " + value);
        }
    }

    private static <T> void choices(
            Select<T> select, String label, T[] values, java.util.function.Function<T, String> text) {
        select.setLabel(label);
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setItemLabelGenerator(value -> value == null ? "Any" : text.apply(value));
    }
}
