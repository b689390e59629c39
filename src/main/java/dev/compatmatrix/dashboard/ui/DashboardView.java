package dev.compatmatrix.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.ui.chart.ApexChart;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.PlatformCoverage;
import dev.compatmatrix.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** A read-only team screen: coverage per platform and the validation status of all claims, charts with tables. */
@Route("dashboard")
@PageTitle("Dashboard · Compatibility Matrix Console")
@Menu(order = 2, title = "Dashboard", icon = "vaadin:dashboard")
@RolesAllowed(Roles.VIEWER)
public class DashboardView extends VerticalLayout {

    /** Validated, partially validated, unvalidated, not tested: the matrix's own colours. */
    static final List<String> STATUS_COLOURS = List.of("#2e8b57", "#4a7fd0", "#e0a030", "#b6bec7");

    final ApexChart coverageChart = new ApexChart();
    final ApexChart statusChart = new ApexChart();
    final Grid<PlatformCoverage> coverageTable = new Grid<>();

    public DashboardView(CompatibilityService service) {
        setSizeFull();
        List<PlatformCoverage> coverage = service.coverage();
        List<String> platforms = coverage.stream().map(c -> c.platform().label()).toList();
        coverageChart.setId("coverage-chart");
        coverageChart.setHeight("22rem");
        coverageChart.show(new ChartSpec(ChartSpec.ChartType.BAR, "Coverage per platform", platforms, List.of(
                new ChartSpec.Series("Validated", coverage.stream().map(PlatformCoverage::validated).toList()),
                new ChartSpec.Series("Partially validated", coverage.stream().map(PlatformCoverage::partiallyValidated).toList()),
                new ChartSpec.Series("Unvalidated", coverage.stream().map(PlatformCoverage::unvalidated).toList()),
                new ChartSpec.Series("Not tested", coverage.stream().map(PlatformCoverage::notTested).toList())),
                STATUS_COLOURS, "Platform", "Models", true, false));

        long validated = coverage.stream().mapToLong(PlatformCoverage::validated).sum();
        long partial = coverage.stream().mapToLong(PlatformCoverage::partiallyValidated).sum();
        long unvalidated = coverage.stream().mapToLong(PlatformCoverage::unvalidated).sum();
        statusChart.setId("status-chart");
        statusChart.setHeight("22rem");
        statusChart.setWidth("24rem");
        statusChart.show(new ChartSpec(ChartSpec.ChartType.DONUT, "Validation status of all claims",
                List.of("Validated", "Partially validated", "Unvalidated"),
                List.of(new ChartSpec.Series("Claims", List.of(validated, partial, unvalidated))),
                STATUS_COLOURS.subList(0, 3), null, null, false, false));

        coverageTable.setId("coverage-table");
        coverageTable.addThemeVariants(GridVariant.LUMO_COMPACT);
        coverageTable.addColumn(c -> c.platform().label()).setHeader("Platform");
        coverageTable.addColumn(PlatformCoverage::validated).setHeader("Validated");
        coverageTable.addColumn(PlatformCoverage::partiallyValidated).setHeader("Partially validated");
        coverageTable.addColumn(PlatformCoverage::unvalidated).setHeader("Unvalidated");
        coverageTable.addColumn(PlatformCoverage::notTested).setHeader("Not tested");
        coverageTable.setItems(coverage);
        coverageTable.setAllRowsVisible(true);

        FlexLayout charts = new FlexLayout(coverageChart, statusChart);
        charts.setWidthFull();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.addClassName("chart-row");
        charts.setFlexGrow(1, coverageChart);
        coverageChart.setMinWidth("20rem");
        add(charts, new H3("Coverage per platform (numbers)"), coverageTable);
    }

}
