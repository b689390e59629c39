package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.compatmatrix.catalog.ModelSize;
import dev.compatmatrix.catalog.ModelType;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ValidationStatus;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.PlatformState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The matrix's filter fields: what they show comes from a {@link MatrixFilter}, and they read back into one. */
class MatrixFilterBar extends VerticalLayout {

    final TextField search = new TextField("Search");
    final ComboBox<String> family = new ComboBox<>("Family");
    final Select<ModelType> type = new Select<>();
    final Select<ModelSize> size = new Select<>();
    final Select<ValidationStatus> validation = new Select<>();
    final NumberField minScore = new NumberField("Min. score");
    final Map<Platform, Select<PlatformState>> platformFilters = new EnumMap<>(Platform.class);
    final Details platformFilterPanel = new Details();
    /** True while fields are set from a filter, so their listeners don't report a user change. */
    private boolean showing;

    MatrixFilterBar(List<String> families, Runnable onChange) {
        setPadding(false);
        search.setPlaceholder("Name or family");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
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
        minScore.setHelperText("0 – 1");
        minScore.setErrorMessage("Between 0 and 1");
        List.<HasValue<?, ?>>of(search, family, type, size, validation, minScore)
                .forEach(field -> field.addValueChangeListener(e -> changed(onChange)));

        FlexLayout selects = new FlexLayout();
        selects.addClassName("filter-bar");
        for (Platform platform : Platform.values()) {
            Select<PlatformState> select = new Select<>();
            choices(select, platform.label(), PlatformState.values(), PlatformState::label);
            select.addValueChangeListener(e -> changed(onChange));
            platformFilters.put(platform, select);
            selects.add(select);
        }
        platformFilterPanel.add(selects);
        platformFilterPanel.setId("platform-filters");
        showPlatformFilterCount(0, false);

        HorizontalLayout bar = new HorizontalLayout(search, family, type, size, validation, minScore);
        bar.addClassName("filter-bar");
        bar.setWidthFull();
        add(bar, platformFilterPanel);
    }

    /** Shows a filter (from a link); opens the platform panel when the filter uses it. */
    void show(MatrixFilter filter) {
        showing = true;
        try {
            search.setValue(filter.text() == null ? "" : filter.text());
            family.setValue(filter.family());
            type.setValue(filter.type());
            size.setValue(filter.size());
            validation.setValue(filter.validation());
            minScore.setValue(filter.minScore());
            platformFilters.forEach((platform, select) -> select.setValue(filter.platforms().get(platform)));
        } finally {
            showing = false;
        }
        showPlatformFilterCount(filter.platforms().size(), true);
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
        return Optional.of(new MatrixFilter(search.getValue(), family.getValue(), type.getValue(), size.getValue(),
                platforms, validation.getValue(), score));
    }

    private void changed(Runnable onChange) {
        if (!showing) {
            showPlatformFilterCount((int) platformFilters.values().stream().filter(s -> s.getValue() != null).count(),
                    false);
            onChange.run();
        }
    }

    private void showPlatformFilterCount(int active, boolean openWhenActive) {
        platformFilterPanel.setSummaryText(active == 0 ? "Platform filters" : "Platform filters (" + active + " active)");
        if (active > 0 && openWhenActive) {
            platformFilterPanel.setOpened(true);
        }
    }

    private static <T> void choices(Select<T> select, String label, T[] values,
                                    java.util.function.Function<T, String> text) {
        select.setLabel(label);
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setItemLabelGenerator(value -> value == null ? "Any" : text.apply(value));
    }
}
