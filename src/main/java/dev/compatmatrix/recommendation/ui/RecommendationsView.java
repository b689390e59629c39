package dev.compatmatrix.recommendation.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.base.ui.chart.ChartPanel;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.recommendation.RecommendationService;
import dev.compatmatrix.recommendation.query.FilterOptions;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import dev.compatmatrix.recommendation.query.RecommendationSort.Column;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The seed's "hardware recommendations for a task" as a screen: per task and batch size, the recommended and
 * fallback platform with performance ratio and memory, and a chart of the platforms the selection names. The
 * grid pages from the database; filters and sort live in the URL so a view can be reloaded and shared.
 */
@Route(RecommendationsView.ROUTE)
@PageTitle("Recommendations · Compatibility Matrix Console")
@Menu(order = 3, title = "Recommendations", icon = "vaadin:lightbulb")
@RolesAllowed(Roles.VIEWER)
public class RecommendationsView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "recommendations";

    private final RecommendationService service;
    private final FilterOptions options;
    final RecommendationFilterBar filters;
    final UrlNotice urlNotice = new UrlNotice();
    final ChartPanel platformChart = new ChartPanel("platform-chart");
    final Span rowCount = new Span();
    final Grid<RecommendationRow> grid = new Grid<>();

    private RecommendationFilter filter = RecommendationFilter.NONE;
    private RecommendationSort sort = RecommendationSort.BY_MODEL;
    /** True while the sort is set from the URL, so the sort listener doesn't write the URL back. */
    private boolean restoring;

    public RecommendationsView(RecommendationService service) {
        this.service = service;
        setSizeFull();
        options = service.filterOptions();
        filters = new RecommendationFilterBar(options, this::filterChanged);
        rowCount.setId("row-count");
        platformChart.setWidthFull();
        configureGrid();
        add(filters, urlNotice, platformChart, rowCount, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parsed = RecommendationsUrl.parse(event.getLocation().getQueryParameters(), options);
        filter = parsed.filter();
        filters.show(filter);
        restoring = true;
        try {
            sort = parsed.sort();
            grid.sort(
                    sort.equals(RecommendationSort.BY_MODEL)
                            ? List.of()
                            : List.of(new GridSortOrder<>(
                                    grid.getColumnByKey(sort.column().key()),
                                    sort.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
        } finally {
            restoring = false;
        }
        urlNotice.show(parsed.warnings());
        refresh();
    }

    private void configureGrid() {
        grid.setId("recommendations-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        grid.setPageSize(50);
        grid.setMinHeight("20rem");
        grid.setEmptyStateText("No recommendation matches these filters.");
        grid.addColumn(RecommendationRow::modelName)
                .setHeader("Model")
                .setKey(Column.MODEL.key())
                .setSortable(true)
                .setWidth("16rem")
                .setFlexGrow(1)
                .setTooltipGenerator(r -> "Open " + r.modelName());
        grid.addColumn(RecommendationRow::taskType)
                .setHeader("Task")
                .setKey(Column.TASK.key())
                .setSortable(true)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RecommendationRow::batchSize)
                .setHeader("Batch")
                .setKey(Column.BATCH.key())
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(r -> RecommendationFormat.platform(r.recommendedHardware()))
                .setHeader("Recommended")
                .setKey("recommended")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> RecommendationFormat.platform(r.fallbackHardware()))
                .setHeader("Fallback")
                .setKey("fallback")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Span ratioHeader = new Span("Perf. ratio");
        ratioHeader.getElement().setAttribute("title", RecommendationFormat.RATIO_EXPLANATION);
        grid.addColumn(r -> RecommendationFormat.ratio(r.performanceRatio(), r.fallbackHardware()))
                .setHeader(ratioHeader)
                .setKey(Column.RATIO.key())
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem")
                .setFlexGrow(0)
                .setTooltipGenerator(r -> RecommendationFormat.RATIO_EXPLANATION);
        grid.addColumn(r -> RecommendationFormat.memory(r.memoryRequirementsMb()))
                .setHeader("Memory")
                .setKey(Column.MEMORY.key())
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(r ->
                        r.minComputeUnits() == null ? "—" : r.minComputeUnits().toString())
                .setHeader("Min. compute units")
                .setKey("computeUnits")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RecommendationRow::reason)
                .setHeader("Reason")
                .setKey("reason")
                .setWidth("20rem")
                .setFlexGrow(2)
                .setTooltipGenerator(RecommendationRow::reason);
        grid.setItems(
                query ->
                        service
                                .page(filter, sortFrom(query.getSortOrders()), query.getOffset(), query.getLimit())
                                .stream(),
                query -> showCount(service.count(filter)));
        grid.addSortListener(e -> {
            if (!restoring) {
                sort = sortFrom(e.getSortOrder().stream()
                        .map(o -> new QuerySortOrder(o.getSorted().getKey(), o.getDirection()))
                        .toList());
                writeUrl();
            }
        });
        grid.addItemClickListener(e -> ModelPages.open(e.getItem().modelName()));
    }

    private static RecommendationSort sortFrom(List<QuerySortOrder> orders) {
        return orders.isEmpty()
                ? RecommendationSort.BY_MODEL
                : Column.fromKey(orders.getFirst().getSorted())
                        .map(column -> new RecommendationSort(
                                column, orders.getFirst().getDirection() == SortDirection.DESCENDING))
                        .orElse(RecommendationSort.BY_MODEL);
    }

    private void filterChanged() {
        filter = filters.read();
        writeUrl();
        refresh();
    }

    /** Replaces the URL rather than adding a browser history entry per keystroke. */
    private void writeUrl() {
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location(ROUTE, RecommendationsUrl.toQuery(filter, sort))));
    }

    private void refresh() {
        platformChart.show(RecommendationChart.of(service.platformTally(filter)));
        grid.getDataProvider().refreshAll();
    }

    private int showCount(long count) {
        rowCount.setText(count == 1 ? "1 recommendation" : count + " recommendations");
        return (int) Math.min(Integer.MAX_VALUE, count);
    }
}
