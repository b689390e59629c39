package dev.compatmatrix.base.ui.chart;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn by the ApexCharts library in the browser; the server sends a {@link ChartSpec}. Showing a
 * new spec redraws it; it resizes with its parent. Give it a size (e.g. {@code setHeight}).
 */
@JavaScript("context://charts/lib/apexcharts.min.js")
@JavaScript("context://charts/compat-chart.js")
public class ApexChart extends Div {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartSpec spec;

    public ApexChart() {
        addClassName("apex-chart");
    }

    public void show(ChartSpec newSpec) {
        this.spec = newSpec;
        getElement().setAttribute("aria-label", newSpec.title());
        getElement().setAttribute("role", "img");
        setMinHeight(newSpec.heightPx() + "px");
        if (isAttached()) {
            render();
        }
    }

    public ChartSpec spec() {
        return spec;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (spec != null) {
            render();
        }
    }

    private void render() {
        getElement()
                .executeJs(
                        "window.compatCharts.render(this, JSON.parse($0))",
                        JSON.writeValueAsString(spec.toApexOptions()));
    }
}
