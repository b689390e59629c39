package dev.compatmatrix.history.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.base.ui.LiveRowMarks;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.base.ui.chart.ChartPanel;
import dev.compatmatrix.history.HistoryCharts;
import dev.compatmatrix.history.HistoryService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.MatrixChange;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import dev.compatmatrix.matrix.ui.ModelPages;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What changed when: changes per platform per month, one model's levels over time, and the table of changes,
 * all driven by the same filters, which live in the URL. It keeps itself current ({@link LiveUpdates}) when a level
 * change its filters cover is committed elsewhere: the charts update in place and new rows are marked for a moment.
 */
@Route("history")
@PageTitle("History · Compatibility Matrix Console")
@Menu(order = 4, title = "History", icon = "vaadin:clock")
@RolesAllowed(Roles.VIEWER)
public class HistoryView extends VerticalLayout implements BeforeEnterObserver {

    /** The changes that write a history row. */
    private static final Set<ChangeKind> LEVEL_CHANGES =
            Set.of(ChangeKind.CLAIM_CREATED, ChangeKind.LEVEL_CHANGED, ChangeKind.CLAIM_REMOVED);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final HistoryService service;
    final HistoryFilterBar filters;
    final ChartPanel monthlyChart = new ChartPanel("monthly-changes-chart");
    final ChartPanel levelChart = new ChartPanel("level-timeline-chart");
    final Paragraph levelHint = new Paragraph("Choose one model to see its levels on each platform over time.");
    final Grid<HistoryRow> changes = new Grid<>();
    final Span changeCount = new Span();
    final UrlNotice urlNotice = new UrlNotice();
    final LiveRowMarks<HistoryRow> newRows = new LiveRowMarks<>(changes, "New", HistoryRow::id);
    private final AtomicLong liveRefreshes;
    /** Read by the live predicate on the signal's thread too. */
    private volatile HistoryFilter filter = HistoryFilter.NONE;
    /** The newest change the table has read, so that a refresh can tell the new rows. */
    private long newestRead;

    public HistoryView(HistoryService service, LiveUpdates live) {
        this.service = service;
        this.liveRefreshes = live.keepCurrent(this, this::concerns, change -> changedElsewhere());
        setSizeFull();
        filters = new HistoryFilterBar(service, this::filterChanged);
        levelHint.addClassName("hint");
        configureGrid();
        changeCount.setId("change-count");
        Div charts = new Div(monthlyChart, new Div(levelChart, levelHint));
        charts.addClassName("history-charts");
        charts.setWidthFull();
        add(filters, urlNotice, charts, changeCount, changes);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        HistoryUrl.Parsed parsed = HistoryUrl.parse(event.getLocation().getQueryParameters(), service::modelExists);
        filter = parsed.filter();
        filters.show(filter);
        urlNotice.show(parsed.warnings());
        refresh();
    }

    private void configureGrid() {
        changes.setId("history-grid");
        changes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        changes.setPageSize(50);
        changes.setMinHeight("20rem");
        changes.setEmptyStateText("No change matches these filters.");
        changes.addComponentColumn(row -> newRows.show(row, new Span(WHEN.format(row.changeDate()))))
                .setKey("when")
                .setHeader("When (UTC)")
                .setAutoWidth(true)
                .setFlexGrow(0);
        changes.addColumn(row -> VisibleText.of(row.modelName()))
                .setHeader("Model")
                .setAutoWidth(true);
        changes.addColumn(row -> Platform.fromKey(row.hardwareType())
                        .map(Platform::label)
                        .orElse(row.hardwareType()))
                .setHeader("Platform")
                .setAutoWidth(true);
        changes.addColumn(row -> level(row.previousStatus())).setHeader("From").setAutoWidth(true);
        changes.addColumn(row -> level(row.newStatus())).setHeader("To").setAutoWidth(true);
        changes.addColumn(HistoryRow::changeVersion).setHeader("Version").setAutoWidth(true);
        changes.addColumn(row -> VisibleText.of(row.changeReason()))
                .setHeader("Reason")
                .setFlexGrow(1);
        changes.addColumn(row -> row.changedBy() == null ? "" : row.changedBy())
                .setHeader("By")
                .setAutoWidth(true);
        changes.addColumn(HistoryRow::fromReport)
                .setKey("report")
                .setHeader("Report")
                .setAutoWidth(true);
        changes.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate(ModelPages.path(e.getItem().modelName()))));
        changes.setItems(
                query -> read(service.changes(filter, query.getOffset(), query.getLimit())).stream(),
                query -> showCount(service.count(filter)));
    }

    private List<HistoryRow> read(List<HistoryRow> rows) {
        rows.forEach(row -> newestRead = Math.max(newestRead, row.id()));
        return rows;
    }

    /** Only level changes make history rows; only those of the filters' model, platform and days show here. */
    private boolean concerns(MatrixChange change) {
        HistoryFilter shown = filter;
        return change.all() || change.events().stream().anyMatch(event -> mayShow(shown, event));
    }

    private static boolean mayShow(HistoryFilter shown, MatrixEvent event) {
        LocalDate day = event.occurredAt().toLocalDate();
        boolean named = event.kind() == ChangeKind.MODEL_EDITED; // a new name shows in the table
        return (named || LEVEL_CHANGES.contains(event.kind()))
                && (shown.model() == null || shown.model().equals(event.modelName()))
                && (named || shown.platform() == null || shown.platform() == event.platform())
                && (shown.from() == null || !day.isBefore(shown.from()))
                && (shown.to() == null || !day.isAfter(shown.to()));
    }

    private void changedElsewhere() {
        long newestBefore = newestRead;
        newRows.mark(row -> row.id() > newestBefore);
        refresh();
    }

    /** How many times the screen refreshed itself for changes made elsewhere (for tests and benchmarks). */
    public long liveRefreshes() {
        return liveRefreshes.get();
    }

    private static String level(String key) {
        return key == null
                ? "—"
                : LevelBadge.word(CompatibilityLevel.fromKey(key).orElse(null));
    }

    private void filterChanged() {
        filters.read().ifPresent(read -> {
            filter = read;
            getUI().ifPresent(ui ->
                    ui.getPage().getHistory().replaceState(null, new Location("history", currentQuery())));
            refresh();
        });
    }

    private void refresh() {
        HistoryCharts charts = service.charts(filter);
        monthlyChart.update(HistoryChartSpecs.monthly(charts.monthly(), filter));
        boolean oneModel = filter.model() != null;
        levelChart.setVisible(oneModel);
        levelHint.setVisible(!oneModel);
        if (oneModel) {
            levelChart.update(HistoryChartSpecs.levels(filter.model(), charts.levelPeriods()));
        }
        changes.getDataProvider().refreshAll();
    }

    private int showCount(long count) {
        changeCount.setText(count == 1 ? "1 change" : count + " changes");
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    /** The query string this view shows its filters as. */
    QueryParameters currentQuery() {
        return HistoryUrl.toQuery(filter);
    }
}
