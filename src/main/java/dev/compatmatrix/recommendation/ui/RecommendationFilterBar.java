package dev.compatmatrix.recommendation.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.compatmatrix.recommendation.query.FilterOptions;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationParameters;
import java.util.List;

/** The recommendations screen's filter fields: they show a {@link RecommendationFilter} and read back into one. */
class RecommendationFilterBar extends HorizontalLayout {

    final Select<String> task = new Select<>();
    final Select<Integer> batch = new Select<>();
    final TextField model = new TextField("Model");
    /** True while fields are set from a filter, so their listeners don't report a user change. */
    private boolean showing;

    RecommendationFilterBar(FilterOptions options, Runnable onChange) {
        addClassName("filter-bar");
        setWidthFull();
        task.setId("task-filter");
        task.setLabel("Task");
        task.setItems(options.taskTypes());
        task.setEmptySelectionAllowed(true);
        task.setItemLabelGenerator(value -> value == null ? "Any" : value);
        batch.setId("batch-filter");
        batch.setLabel("Batch size");
        batch.setItems(options.batchSizes());
        batch.setEmptySelectionAllowed(true);
        batch.setItemLabelGenerator(value -> value == null ? "Any" : value.toString());
        model.setId("model-filter");
        model.setPlaceholder("Part of the name");
        model.setClearButtonVisible(true);
        model.setMaxLength(RecommendationParameters.MAX_MODEL_TEXT);
        model.setValueChangeMode(ValueChangeMode.LAZY);
        model.setPrefixComponent(VaadinIcon.SEARCH.create());
        List.<HasValue<?, ?>>of(task, batch, model)
                .forEach(field -> field.addValueChangeListener(e -> {
                    if (!showing) {
                        onChange.run();
                    }
                }));
        add(task, batch, model);
    }

    /** Shows a filter (from a link) without reporting it as a change. */
    void show(RecommendationFilter filter) {
        showing = true;
        try {
            task.setValue(filter.taskType());
            batch.setValue(filter.batchSize());
            model.setValue(filter.modelText() == null ? "" : filter.modelText());
        } finally {
            showing = false;
        }
    }

    RecommendationFilter read() {
        return new RecommendationFilter(task.getValue(), batch.getValue(), model.getValue());
    }
}
