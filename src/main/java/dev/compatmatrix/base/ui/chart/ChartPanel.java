package dev.compatmatrix.base.ui.chart;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/** A chart with its numbers as a table under a collapsed "Numbers" toggle; {@link #show} updates both. */
public class ChartPanel extends VerticalLayout {

    private final ApexChart chart = new ApexChart();
    private final Grid<List<String>> numbers = new Grid<>();
    private final Details numbersToggle = new Details("Numbers as a table", numbers);
    private ChartTable table = new ChartTable(List.of(), List.of());

    public ChartPanel(String id) {
        setPadding(false);
        setSpacing(false);
        addClassName("chart-panel");
        setId(id);
        chart.setWidthFull();
        numbers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        numbers.setAllRowsVisible(true);
        numbers.setWidthFull();
        numbersToggle.setWidthFull();
        add(chart, numbersToggle);
    }

    public void show(ChartSpec spec) {
        chart.show(spec);
        table = ChartTable.of(spec);
        numbers.removeAllColumns();
        for (int i = 0; i < table.header().size(); i++) {
            int column = i;
            numbers.addColumn(row -> column < row.size() ? row.get(column) : "")
                    .setHeader(table.header().get(i))
                    .setAutoWidth(true)
                    .setResizable(true);
        }
        numbers.setItems(table.rows());
    }

    /** Shows the spec unless it is the one shown: a live refresh redraws only the charts whose numbers changed. */
    public void update(ChartSpec newSpec) {
        if (!newSpec.equals(spec())) {
            show(newSpec);
        }
    }

    public ChartSpec spec() {
        return chart.spec();
    }

    /** The numbers the table shows. */
    public ChartTable table() {
        return table;
    }

    public ApexChart chart() {
        return chart;
    }
}
