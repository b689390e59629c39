package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.KeyMapper;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.compatmatrix.base.Plural;
import dev.compatmatrix.base.ui.GridEnterKey;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.catalog.ui.ModelEditor;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.export.ExportService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.ModelSelection;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.live.MatrixChange;
import dev.compatmatrix.matrix.time.InvalidPointInTimeException;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.matrix.ui.ComparePages;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.security.CurrentUser;
import dev.compatmatrix.watch.ui.WatchMenu;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The compatibility matrix (home): one row per model, one column per platform. The grid pages from the
 * database; filters and sort live in the URL so a view can be reloaded and shared. It stays current while open:
 * rows someone else changed are read again in place (scroll position, filters, sort and an open form stay), with the
 * changed cells marked for a few seconds. "As of" shows the matrix as it was at a past day or snapshot (URL {@code asOf}),
 * with a banner, editing off and no live updates. "Show predictions" (URL {@code predictions=on}, off by default) shows
 * an untested cell's shown prediction in a look of its own; predictions are of now only, so not in the past.
 */
@Route("")
@PageTitle("Matrix · Compatibility Matrix Console")
@Menu(order = 0, title = "Matrix", icon = "vaadin:table")
@RolesAllowed(Roles.VIEWER)
public class MatrixView extends VerticalLayout implements BeforeEnterObserver {

    private final CompatibilityService service;

    final MatrixFilterBar filters;
    final Grid<MatrixRow> grid = new Grid<>();
    final Span rowCount = new Span();
    final UrlNotice urlNotice = new UrlNotice();

    private MatrixFilter filter = MatrixFilter.NONE;
    private MatrixSort sort = MatrixSort.BY_NAME;
    /** The past point the matrix shows; empty: now. Read by the live updates' thread, so volatile. */
    private volatile Optional<PointInTime> asOf = Optional.empty();
    /** True while the sort is set from the URL, so the sort listener doesn't write the URL back. */
    private boolean restoring;

    private final ClaimService claimService;
    /** Editors open a cell's claim form by clicking the cell (not in the past); the service checks the role again. */
    private final boolean canEdit;
    /** Editors and admins may create models (not in the past). */
    private final boolean canCreateModels;

    final AsOfControl asOfControl;

    private final CatalogService catalog;
    final Button newModel = new Button("New model", VaadinIcon.PLUS.create());
    /** Opens the rows ticked (2 to 6) side by side. */
    final Button compare = new Button();

    final ExportMenu exportMenu;
    final MatrixColumns columns;
    final Span legend = new Span(MatrixCells.LEGEND);
    /** "Show predictions": off by default; in the URL as {@code predictions=on}. */
    final Checkbox showPredictions = new Checkbox("Show predictions");
    /** Whether the user asked for predictions (kept while the matrix shows the past, where none are shown). */
    private boolean predictions;
    /** Below this window width the matrix shows cards instead of columns. */
    static final int PHONE_WIDTH = 700;
    /** True while the grid shows one card per model. */
    boolean cards;

    private final LiveUpdates live;
    /** The cells changed lately by someone, marked in the grid for a few seconds. */
    final RecentChanges recent = new RecentChanges(this, this::showRows);
    /** How many live changes this view has shown (for tests). */
    final AtomicLong liveRefreshes;

    public MatrixView(
            CompatibilityService service,
            ClaimService claimService,
            CatalogService catalog,
            CurrentUser currentUser,
            ExportService exports,
            LiveUpdates live) {
        this.service = service;
        this.live = live;
        this.claimService = claimService;
        this.catalog = catalog;
        this.canEdit = currentUser.roles().contains(Roles.EDITOR);
        this.canCreateModels = canEdit || currentUser.roles().contains(Roles.ADMIN);
        newModel.setVisible(canCreateModels);
        newModel.setId("new-model");
        newModel.addClickListener(
                e -> new ModelEditor(catalog, null, service.families(), false, name -> ModelPages.open(name)).open());
        addClassName("matrix-view");
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        filters = new MatrixFilterBar(service.families(), this::filterChanged);
        exportMenu = new ExportMenu(exports);
        asOfControl = new AsOfControl(service.matrixAsOfChoices(), this::asOfChosen);
        configureGrid();
        columns = new MatrixColumns(grid);
        urlNotice.setId("url-notice");
        rowCount.setId("row-count");
        legend.setId("matrix-legend");
        legend.addClassName("legend");
        configurePredictionsSwitch();
        FlexLayout tools = new FlexLayout(
                filters.search,
                filters.toggle,
                asOfControl,
                columns,
                showPredictions,
                exportMenu,
                rowCount,
                compare,
                newModel);
        tools.addClassNames("filter-bar", "matrix-tools");
        add(tools, asOfControl.banner, legend, filters, urlNotice, grid);
        addAttachListener(e -> followWindowWidth(e.getUI()));
        // The past does not change: a view of it takes no live updates.
        liveRefreshes = live.keepCurrent(this, change -> asOf.isEmpty(), this::showChange);
    }

    /**
     * Someone else's change, pushed: the rows it touched that the grid holds are read again in place; only when models
     * came, went or were renamed (or changes may have been missed) is the whole grid read again. Either way the grid
     * keeps its scroll position, selection, filters and sort.
     */
    void showChange(MatrixChange change) {
        if (asOf.isPresent()) {
            return; // the past does not change
        }
        recent.mark(change);
        if (change.changesModels()) {
            refresh();
        } else {
            showRows(change.modelIds());
        }
    }

    /** Reads these models' rows again where the grid holds them (it holds the pages around what it shows). */
    private void showRows(Collection<Integer> modelIds) {
        if (!(grid.getDataCommunicator().getKeyMapper() instanceof KeyMapper<MatrixRow> held)) {
            refresh();
            return;
        }
        List<Integer> shown = held.objects().stream()
                .map(MatrixRow::modelId)
                .filter(modelIds::contains)
                .toList();
        if (!shown.isEmpty()) {
            (predictionsShown() ? service.matrixRowsWithPredictions(shown) : service.matrixRows(shown))
                    .forEach(grid.getDataProvider()::refreshItem);
        }
    }

    /** One card per model below {@link #PHONE_WIDTH} px of window, the platform columns above. */
    private void followWindowWidth(UI ui) {
        ui.getPage().retrieveExtendedClientDetails(details -> useCards(details.getWindowInnerWidth() < PHONE_WIDTH));
        Registration resizing = ui.getPage().addBrowserWindowResizeListener(e -> useCards(e.getWidth() < PHONE_WIDTH));
        addDetachListener(e -> {
            resizing.remove();
            e.unregisterListener();
        });
    }

    /** Cards (all eight platforms of a model at once, for a phone) or one column per platform. */
    void useCards(boolean cards) {
        this.cards = cards;
        addClassName(cards ? "matrix-cards" : "matrix-columns");
        removeClassName(cards ? "matrix-columns" : "matrix-cards");
        grid.getColumnByKey("card").setVisible(cards);
        grid.getColumnByKey("name").setVisible(!cards);
        for (Platform platform : Platform.values()) {
            grid.getColumnByKey(platform.key()).setVisible(!cards);
        }
        columns.hideAll(cards);
        columns.setVisible(!cards);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MatrixParameters.Parsed parsed = MatrixUrl.parse(event.getLocation().getQueryParameters());
        List<String> warnings = new ArrayList<>(parsed.warnings());
        predictions = MatrixUrl.predictions(event.getLocation().getQueryParameters(), warnings);
        useAsOf(MatrixUrl.asOf(event.getLocation().getQueryParameters()), warnings);
        filter = parsed.filter();
        filters.show(filter);
        restoring = true;
        try {
            sort = parsed.sort();
            grid.sort(gridSortOrder(sort));
        } finally {
            restoring = false;
        }
        urlNotice.show(warnings);
        refresh();
    }

    /**
     * Shows the matrix as of this text (a date or a snapshot's name; null or today: now). One that cannot be shown
     * adds what was wrong to {@code problems} and leaves the live matrix. Editing is off in the past.
     */
    private void useAsOf(String text, List<String> problems) {
        try {
            asOf = service.matrixPointInTime(text);
        } catch (InvalidPointInTimeException e) {
            asOf = Optional.empty();
            problems.add(e.getMessage() + " Showing the matrix as it is now.");
        }
        asOfControl.show(asOf);
        newModel.setVisible(canCreateModels && asOf.isEmpty());
        showPredictionsSwitch();
        if (predictions && asOf.isPresent()) {
            problems.add(MatrixUrl.PREDICTIONS + "=on (" + PREDICTIONS_NOW_ONLY + ")");
        }
    }

    static final String PREDICTIONS_NOW_ONLY =
            "predictions are of now only: none is shown in the matrix as of a past point";

    private void configurePredictionsSwitch() {
        showPredictions.setId("show-predictions");
        showPredictions.addValueChangeListener(e -> {
            // The switch set to what is shown already (by this view) is no choice of the user's.
            if (e.getValue() != predictionsShown()) {
                predictions = e.getValue();
                writeUrl();
                refresh();
            }
        });
    }

    /** The switch says whether predictions are shown; in the past it is off and says why. */
    private void showPredictionsSwitch() {
        showPredictions.setValue(predictionsShown());
        showPredictions.setEnabled(asOf.isEmpty());
        showPredictions.setTooltipText(
                asOf.isEmpty()
                        ? "Untested cells show what a model trained on the claims predicts: never a claim, counted"
                                + " nowhere"
                        : "Off: " + PREDICTIONS_NOW_ONLY);
        legend.setText(MatrixCells.LEGEND
                + (asOf.isEmpty() ? MatrixCells.REPORTS_LEGEND : "")
                + (predictionsShown() ? MatrixCells.PREDICTIONS_LEGEND : ""));
    }

    /** Predictions show only when asked for, and only in the matrix as it is now. */
    private boolean predictionsShown() {
        return predictions && asOf.isEmpty();
    }

    /** A point chosen in the "As of" control, or "Back to now" (null). */
    private void asOfChosen(String text) {
        List<String> problems = new ArrayList<>();
        useAsOf(text, problems);
        urlNotice.show(problems);
        writeUrl();
        refresh();
    }

    private void configureGrid() {
        grid.setId("matrix-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        grid.setPageSize(50);
        grid.setEmptyStateText("No model matches these filters.");
        grid.addColumn(MatrixRow::name)
                .setHeader("Model")
                .setKey("name")
                .setSortable(true)
                .setFrozen(true)
                .setWidth("13rem")
                .setFlexGrow(1)
                .setTooltipGenerator(MatrixRow::name);
        grid.addColumn(MatrixCells.card(recent))
                .setHeader("Model and its platforms")
                .setKey("card")
                .setSortable(true)
                .setSortProperty("name")
                .setFlexGrow(1)
                .setVisible(false);
        grid.addColumn(MatrixRow::family)
                .setHeader("Family")
                .setKey("family")
                .setSortable(true)
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(MatrixRow::type)
                .setHeader("Type")
                .setKey("type")
                .setSortable(true)
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(MatrixRow::size)
                .setHeader("Size")
                .setKey("size")
                .setSortable(true)
                .setWidth("5rem")
                .setFlexGrow(0);
        grid.addColumn(r -> r.parametersMillions() == null ? "" : formatParams(r.parametersMillions()))
                .setHeader("Params")
                .setKey("parameters")
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("5.5rem")
                .setFlexGrow(0);
        for (Platform platform : Platform.values()) {
            grid.addColumn(MatrixCells.platformColumn(platform, recent))
                    .setHeader(platform.label())
                    .setKey(platform.key())
                    .setTooltipGenerator(r -> MatrixCells.predictedTooltip(platform, r))
                    .setSortable(true)
                    .setWidth("6.25rem")
                    .setFlexGrow(0);
        }
        grid.addColumn(r -> r.recommended() == null ? "—" : r.recommended().label())
                .setHeader("Recommended")
                .setKey("recommended")
                .setSortable(true)
                .setWidth("8rem")
                .setFlexGrow(0);
        Span scoreHeader = new Span("Score");
        scoreHeader.getElement().setAttribute("title", ScoreRule.EXPLANATION);
        grid.addColumn(r -> String.format(Locale.ROOT, "%.2f", r.score()))
                .setHeader(scoreHeader)
                .setKey("score")
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("4.5rem")
                .setFlexGrow(0)
                .setTooltipGenerator(r -> ScoreRule.EXPLANATION);
        grid.setItems(
                        query -> page(sortFrom(query.getSortOrders()), query.getOffset(), query.getLimit()).stream(),
                        query -> showCount(
                                asOf.isPresent()
                                        ? service.matrixCountAsOf(asOf.get(), filter)
                                        : service.matrixCount(filter)))
                // A row is its model: a row read again replaces the one shown.
                .setIdentifierProvider(MatrixRow::modelId);
        grid.addSortListener(e -> {
            if (!restoring) {
                sort = sortFrom(e.getSortOrder().stream()
                        .flatMap(o -> o.getSorted().getSortOrder(o.getDirection()))
                        .toList());
                exportMenu.show(asOf, filter, sort, predictionsShown());
                writeUrl();
            }
        });
        WatchMenu.addTo(grid, MatrixRow::name, MatrixRow::family);
        configureCompare();
        GridEnterKey.opensRows(grid);
        grid.addItemClickListener(e -> {
            var platform = e.getColumn() == null
                    ? java.util.Optional.<Platform>empty()
                    : Platform.fromKey(e.getColumn().getKey());
            if (canEdit && asOf.isEmpty() && platform.isPresent()) {
                openEditor(e.getItem().name(), platform.get());
            } else {
                ModelPages.open(e.getItem().name());
            }
        });
    }

    /** A tick box per row; "Compare (n)" opens the ticked models side by side (the compare screen takes 2 to 6). */
    private void configureCompare() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        compare.setId("compare-models");
        compare.setIcon(VaadinIcon.SPLIT_H.create());
        showCompare(0);
        grid.addSelectionListener(e -> showCompare(e.getAllSelectedItems().size()));
        compare.addClickListener(e -> ComparePages.open(
                grid.getSelectedItems().stream().map(MatrixRow::name).toList()));
    }

    private void showCompare(int ticked) {
        compare.setText("Compare (" + ticked + ")");
        compare.setEnabled(ticked >= ModelSelection.MIN && ticked <= ModelSelection.MAX);
        compare.setTooltipText(ticked > ModelSelection.MAX ? ComparePages.TOO_MANY : ComparePages.HOW);
    }

    private List<MatrixRow> page(MatrixSort pageSort, int offset, int limit) {
        if (asOf.isPresent()) {
            return service.matrixPageAsOf(asOf.get(), filter, pageSort, offset, limit);
        }
        return predictionsShown()
                ? service.matrixPageWithPredictions(filter, pageSort, offset, limit)
                : service.matrixPage(filter, pageSort, offset, limit);
    }

    public static String formatParams(double millions) {
        return millions >= 1000
                ? String.format(Locale.ROOT, "%.1fB", millions / 1000)
                : String.format(
                        Locale.ROOT,
                        "%sM",
                        millions == Math.rint(millions) ? String.valueOf((long) millions) : String.valueOf(millions));
    }

    private static MatrixSort sortFrom(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        return orders.isEmpty()
                ? MatrixSort.BY_NAME
                : new MatrixSort(
                        orders.getFirst().getSorted(), orders.getFirst().getDirection() == SortDirection.DESCENDING);
    }

    private List<GridSortOrder<MatrixRow>> gridSortOrder(MatrixSort sort) {
        if (sort.equals(MatrixSort.BY_NAME)) {
            return List.of();
        }
        return List.of(new GridSortOrder<>(
                grid.getColumnByKey(sort.key()),
                sort.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING));
    }

    /** The claim form for one cell: a new claim when the cell is not tested. */
    void openEditor(String modelName, Platform platform) {
        if (asOf.isPresent()) {
            return; // the past is not edited
        }
        var loaded = claimService.find(modelName, platform).orElse(null);
        new ClaimEditor(claimService, live, modelName, platform, loaded, this::refresh).open();
    }

    private void filterChanged() {
        filters.read().ifPresent(read -> {
            filter = read;
            writeUrl();
            refresh();
        });
    }

    private void writeUrl() {
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(
                        null,
                        new Location(
                                "",
                                MatrixUrl.toQuery(
                                        filter,
                                        sort,
                                        asOf.map(PointInTime::text).orElse(null),
                                        predictions))));
    }

    private void refresh() {
        showPredictionsSwitch();
        exportMenu.show(asOf, filter, sort, predictionsShown());
        grid.getDataProvider().refreshAll();
    }

    private int showCount(long count) {
        rowCount.setText(Plural.of(count, "model"));
        return (int) count;
    }
}
