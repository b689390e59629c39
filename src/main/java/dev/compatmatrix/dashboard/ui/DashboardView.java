package dev.compatmatrix.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.base.ui.LiveRowMarks;
import dev.compatmatrix.base.ui.chart.ChartPanel;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.compatibility.query.PlatformCoverage;
import dev.compatmatrix.dashboard.DashboardService;
import dev.compatmatrix.dashboard.DashboardSnapshot;
import dev.compatmatrix.dashboard.FamilyPage;
import dev.compatmatrix.dashboard.query.DashboardQuery;
import dev.compatmatrix.dashboard.query.FamilySupport;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.MatrixChange;
import dev.compatmatrix.matrix.ui.ChartColours;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A read-only team screen for a wall: coverage, validation status, score distribution, family × platform
 * support and recent changes, each chart with its numbers as a table. Fits 1920×1080 without scrolling. It keeps
 * itself current ({@link LiveUpdates}): charts whose numbers changed are updated in place, new changes are marked
 * for a moment, and the heatmap stays on its page.
 */
@Route("dashboard")
@PageTitle("Dashboard · Compatibility Matrix Console")
@Menu(order = 2, title = "Dashboard", icon = "vaadin:dashboard")
@RolesAllowed(Roles.VIEWER)
public class DashboardView extends VerticalLayout {

    private static final int CHART_HEIGHT_PX = 300;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    final ChartPanel coverageChart = new ChartPanel("coverage-chart");
    final ChartPanel statusChart = new ChartPanel("status-chart");
    final ChartPanel scoreChart = new ChartPanel("score-chart");
    final ChartPanel familyChart = new ChartPanel("family-chart");
    final Span familyRange = new Span();
    final Button previousFamilies = new Button("Bigger families", VaadinIcon.ANGLE_LEFT.create());
    final Button nextFamilies = new Button("Smaller families", VaadinIcon.ANGLE_RIGHT.create());
    final Grid<HistoryRow> recentChanges = new Grid<>();
    final LiveRowMarks<HistoryRow> newChanges = new LiveRowMarks<>(recentChanges, "New", HistoryRow::id);
    private final DashboardService service;
    private final AtomicLong liveRefreshes;
    private FamilyPage familyPage;
    private List<HistoryRow> shownChanges = List.of();

    public DashboardView(DashboardService service, LiveUpdates live) {
        this.service = service;
        this.liveRefreshes = live.keepCurrent(this, DashboardView::concerns, change -> refresh());
        setSizeFull();
        setPadding(true);
        addClassName("dashboard");
        DashboardSnapshot snapshot = service.snapshot(0);
        coverageChart.show(coverage(snapshot.coverage()));
        statusChart.show(status(snapshot.coverage()));
        scoreChart.show(scores(snapshot.scoreBuckets()));
        showFamilies(snapshot.families());
        configureRecentChanges();
        showRecentChanges(snapshot.recentChanges());

        Div recent = new Div(new H2("Recent changes"), recentChanges);
        recent.addClassName("dashboard-recent");
        Div tiles = new Div(coverageChart, statusChart, scoreChart, familyTile(), recent);
        tiles.addClassName("dashboard-grid");
        tiles.setWidthFull();
        add(tiles);
    }

    /** Automated results alone change nothing the dashboard shows (claims, their validation, models, history). */
    private static boolean concerns(MatrixChange change) {
        return change.all() || change.kinds().stream().anyMatch(kind -> kind != ChangeKind.RESULT);
    }

    /** Reads everything again, for the heatmap page shown, and updates what changed. */
    private void refresh() {
        DashboardSnapshot snapshot = service.snapshot(familyPage.offset());
        long newestShown = shownChanges.stream().mapToLong(HistoryRow::id).max().orElse(0);
        newChanges.mark(row -> row.id() > newestShown);
        showRecentChanges(snapshot.recentChanges());
        coverageChart.update(coverage(snapshot.coverage()));
        statusChart.update(status(snapshot.coverage()));
        scoreChart.update(scores(snapshot.scoreBuckets()));
        showFamilies(snapshot.families());
    }

    /** How many times the dashboard refreshed itself for changes made elsewhere (for tests and benchmarks). */
    public long liveRefreshes() {
        return liveRefreshes.get();
    }

    private static ChartSpec coverage(List<PlatformCoverage> coverage) {
        List<String> platforms =
                coverage.stream().map(c -> c.platform().label()).toList();
        return ChartSpec.bar(
                        "Coverage per platform",
                        platforms,
                        List.of(
                                series("Validated", coverage, PlatformCoverage::validated),
                                series("Partially validated", coverage, PlatformCoverage::partiallyValidated),
                                series("Unvalidated", coverage, PlatformCoverage::unvalidated),
                                series("Not tested", coverage, PlatformCoverage::notTested)))
                .withStacking()
                .withColors(ChartColours.VALIDATION)
                .withAxisTitles("Platform", "Models")
                .withSlantedLabels()
                .withHeight(CHART_HEIGHT_PX);
    }

    private static ChartSpec status(List<PlatformCoverage> coverage) {
        return ChartSpec.donut(
                        "Validation status of all claims",
                        List.of("Validated", "Partially validated", "Unvalidated"),
                        new ChartSpec.Series(
                                "Claims",
                                List.of(
                                        sum(coverage, PlatformCoverage::validated),
                                        sum(coverage, PlatformCoverage::partiallyValidated),
                                        sum(coverage, PlatformCoverage::unvalidated))))
                .withColors(ChartColours.VALIDATION.subList(0, 3))
                .withAxisTitles("Status", null)
                .withHeight(CHART_HEIGHT_PX);
    }

    private static ChartSpec scores(long[] buckets) {
        double width = 1.0 / DashboardQuery.SCORE_BUCKETS;
        List<String> labels = IntStream.range(0, buckets.length)
                .mapToObj(i -> String.format(Locale.ROOT, "%.1f–%.1f", i * width, (i + 1) * width))
                .toList();
        List<Long> counts = Stream.of(buckets)
                .flatMapToLong(java.util.Arrays::stream)
                .boxed()
                .toList();
        return ChartSpec.bar(
                        "Compatibility score distribution", labels, List.of(new ChartSpec.Series("Models", counts)))
                .withColors(List.of("#4a7fd0"))
                .withAxisTitles("Score", "Models")
                .withSlantedLabels()
                .withHeight(CHART_HEIGHT_PX);
    }

    /** The heatmap with a line saying which of all the families it shows, and buttons to page through them. */
    private Div familyTile() {
        familyRange.setId("family-range");
        familyRange.addClassName("hint");
        previousFamilies.setId("previous-families");
        previousFamilies.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        previousFamilies.addClickListener(
                e -> showFamilies(service.families(familyPage.offset() - DashboardService.HEATMAP_FAMILIES)));
        nextFamilies.setId("next-families");
        nextFamilies.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        nextFamilies.setIconAfterText(true);
        nextFamilies.addClickListener(
                e -> showFamilies(service.families(familyPage.offset() + DashboardService.HEATMAP_FAMILIES)));
        Div pager = new Div(familyRange, previousFamilies, nextFamilies);
        pager.addClassName("family-pager");
        Div tile = new Div(pager, familyChart);
        tile.addClassName("family-tile");
        return tile;
    }

    private void showFamilies(FamilyPage page) {
        familyPage = page;
        familyChart.update(families(page.families()));
        familyRange.setText(
                page.total() <= page.families().size()
                        ? "All " + page.total() + " families, biggest first"
                        : "Families " + (page.offset() + 1) + "–"
                                + (page.offset() + page.families().size()) + " of " + page.total() + ", biggest first");
        previousFamilies.setVisible(page.hasPrevious() || page.hasNext());
        nextFamilies.setVisible(page.hasPrevious() || page.hasNext());
        previousFamilies.setEnabled(page.hasPrevious());
        nextFamilies.setEnabled(page.hasNext());
    }

    private static ChartSpec families(List<FamilySupport> families) {
        List<String> platforms =
                Stream.of(Platform.values()).map(Platform::label).toList();
        // ApexCharts draws heatmap rows bottom-up; reversed, the biggest family is on top.
        List<ChartSpec.Series> rows = new ArrayList<>();
        for (FamilySupport family : families.reversed()) {
            rows.add(new ChartSpec.Series(
                    family.family() + " (" + family.models() + ")",
                    Stream.of(Platform.values()).map(family::percentSupported).toList()));
        }
        return ChartSpec.heatmap("Share of each family's models supported per platform (%)", platforms, rows)
                .withAxisTitles("Platform", "Family (models)")
                .withHeight(CHART_HEIGHT_PX + 60);
    }

    private void configureRecentChanges() {
        recentChanges.setId("recent-changes");
        recentChanges.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        recentChanges
                .addComponentColumn(row -> newChanges.show(row, new Span(WHEN.format(row.changeDate()))))
                .setKey("when")
                .setHeader("When (UTC)")
                .setAutoWidth(true);
        recentChanges.addColumn(HistoryRow::modelName).setHeader("Model").setAutoWidth(true);
        recentChanges
                .addColumn(row -> Platform.fromKey(row.hardwareType())
                        .map(Platform::label)
                        .orElse(row.hardwareType()))
                .setHeader("Platform")
                .setAutoWidth(true);
        recentChanges
                .addColumn(row -> level(row.previousStatus()) + " → " + level(row.newStatus()))
                .setHeader("Change")
                .setAutoWidth(true);
        recentChanges
                .addColumn(row -> row.changedBy() == null ? "" : row.changedBy())
                .setHeader("By")
                .setAutoWidth(true);
        recentChanges.setAllRowsVisible(true);
    }

    private void showRecentChanges(List<HistoryRow> rows) {
        if (!rows.equals(shownChanges)) {
            shownChanges = rows;
            recentChanges.setItems(rows);
        }
    }

    private static String level(String key) {
        return key == null
                ? "—"
                : LevelBadge.word(CompatibilityLevel.fromKey(key).orElse(null));
    }

    private static ChartSpec.Series series(
            String name, List<PlatformCoverage> coverage, ToLongFunction<PlatformCoverage> value) {
        return new ChartSpec.Series(
                name, coverage.stream().map(value::applyAsLong).toList());
    }

    private static long sum(List<PlatformCoverage> coverage, ToLongFunction<PlatformCoverage> value) {
        return coverage.stream().mapToLong(value).sum();
    }
}
