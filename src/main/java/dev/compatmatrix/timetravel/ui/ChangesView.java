package dev.compatmatrix.timetravel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.SnapshotQuery;
import dev.compatmatrix.matrix.time.InvalidPointInTimeException;
import dev.compatmatrix.matrix.time.TimeRange;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.timetravel.ChangesService;
import dev.compatmatrix.timetravel.export.ChangesFiles;
import dev.compatmatrix.timetravel.query.CellChange;
import dev.compatmatrix.timetravel.query.CellChangeKind;
import dev.compatmatrix.timetravel.query.ChangeCounts;
import dev.compatmatrix.timetravel.query.ChangesFilter;
import dev.compatmatrix.timetravel.query.ChangesParameters;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two points in time ({@code /changes?from=…&to=…}, days or snapshot names): counts per kind
 * as buttons that filter, the filters for platform, family and type, the changes grouped by model with the models
 * that regressed first, and the Markdown changelog and CSV of exactly the filtered changes. The range and the
 * filters live in the URL; an end that cannot be used is named in a notice and the default range is shown.
 */
@Route("changes")
@PageTitle("Changes · Compatibility Matrix Console")
@Menu(order = 4.2, title = "Changes", icon = "vaadin:exchange")
@RolesAllowed(Roles.VIEWER)
public class ChangesView extends VerticalLayout implements BeforeEnterObserver, AfterNavigationObserver {

    private final ChangesService service;
    final ChangesPointPicker from;
    final ChangesPointPicker to;
    final Select<Platform> platform = new Select<>();
    final ComboBox<String> family = new ComboBox<>("Family");
    final Select<ModelType> type = new Select<>();
    final Button allKinds = new Button();
    final Map<CellChangeKind, Button> kindButtons = new EnumMap<>(CellChangeKind.class);
    final Paragraph rangeNotice = new Paragraph();
    final UrlNotice urlNotice = new UrlNotice();
    final H2 title = new H2();
    final Span changeCount = new Span();
    final Map<ExportFormat, Anchor> downloads = new EnumMap<>(ExportFormat.class);
    final Grid<Row> changes = new Grid<>();
    private TimeRange range;
    /** The counts of the range and filters shown, read once per refresh. */
    private ChangeCounts counts;

    private ChangesFilter filter = ChangesFilter.NONE;
    private boolean showing;

    /** A change, and whether it is the first one of its model in the list (which names the model). */
    record Row(CellChange change, boolean firstOfModel) {}

    public ChangesView(ChangesService service) {
        this.service = service;
        setSizeFull();
        addClassName("changes-view");
        List<String> snapshots =
                service.snapshots().stream().map(SnapshotQuery.Snapshot::name).toList();
        from = new ChangesPointPicker("changes-from", "From", snapshots, this::rangeChanged);
        to = new ChangesPointPicker("changes-to", "To", snapshots, this::rangeChanged);
        rangeNotice.setId("changes-notice");
        rangeNotice.addClassName("url-notice");
        rangeNotice.setVisible(false);
        title.setId("changes-title");
        changeCount.setId("change-count");
        FlexLayout points = new FlexLayout(from, to);
        points.addClassName("filter-bar");
        points.setWidthFull();
        add(title, points, rangeNotice, urlNotice, kinds(), filters(), downloadLinks(), changeCount);
        configureGrid();
        add(changes);
    }

    private Component kinds() {
        FlexLayout kinds = new FlexLayout();
        kinds.setId("change-kinds");
        kinds.addClassName("filter-bar");
        allKinds.setId("kind-all");
        allKinds.setIcon(new Icon(VaadinIcon.LIST));
        allKinds.addClickListener(e -> kindChosen(null));
        kinds.add(allKinds);
        for (CellChangeKind kind : CellChangeKind.values()) {
            Button button = new Button();
            button.setId("kind-" + kind.key());
            button.setIcon(new Icon(kind.icon()));
            button.addClassName("change-kind-" + kind.key());
            button.addClickListener(e -> kindChosen(filter.kind() == kind ? null : kind));
            kindButtons.put(kind, button);
            kinds.add(button);
        }
        return kinds;
    }

    private Component filters() {
        platform.setId("changes-platform");
        platform.setLabel("Platform");
        platform.setItems(Platform.values());
        platform.setItemLabelGenerator(p -> p == null ? "Any platform" : p.label());
        platform.setEmptySelectionAllowed(true);
        platform.setEmptySelectionCaption("Any platform");
        family.setId("changes-family");
        family.setPlaceholder("Any family");
        family.setClearButtonVisible(true);
        family.setItems(service.families());
        type.setId("changes-type");
        type.setLabel("Type");
        type.setItems(ModelType.values());
        type.setItemLabelGenerator(t -> t == null ? "Any type" : t.key());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("Any type");
        platform.addValueChangeListener(e -> filtersChanged());
        family.addValueChangeListener(e -> filtersChanged());
        type.addValueChangeListener(e -> filtersChanged());
        FlexLayout bar = new FlexLayout(platform, family, type);
        bar.addClassName("filter-bar");
        return bar;
    }

    private Component downloadLinks() {
        FlexLayout links = new FlexLayout();
        links.addClassName("filter-bar");
        links.add(new Span("Download the filtered changes:"));
        for (ExportFormat file : ChangesFiles.FORMATS) {
            Anchor link = new Anchor();
            link.setId("download-" + file.key());
            link.add(new Icon(VaadinIcon.DOWNLOAD_ALT), new Span(ChangesFiles.label(file)));
            downloads.put(file, link);
            links.add(link);
        }
        return links;
    }

    private void configureGrid() {
        changes.setId("changes-grid");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.setPageSize(50);
        changes.setMinHeight("20rem");
        changes.setEmptyStateText("Nothing changed between these points in time under these filters.");
        changes.addComponentColumn(ChangesView::model).setHeader("Model").setFlexGrow(2);
        changes.addColumn(row -> row.change().platform().label())
                .setHeader("Platform")
                .setAutoWidth(true)
                .setFlexGrow(0);
        changes.addComponentColumn(row -> beforeAfter(row.change()))
                .setHeader("Before → after")
                .setFlexGrow(2);
        changes.addComponentColumn(row -> kind(row.change().kind()))
                .setHeader("Change")
                .setAutoWidth(true)
                .setFlexGrow(0);
        changes.setItems(
                query ->
                        rows(service.page(range, filter, query.getOffset(), query.getLimit()), query.getOffset())
                                .stream(),
                query -> count());
    }

    /** Marks the first change of each model (a page starting mid-model names it again). */
    private static List<Row> rows(List<CellChange> page, int offset) {
        List<Row> rows = new ArrayList<>(page.size());
        String previous = null;
        for (CellChange change : page) {
            rows.add(new Row(change, !change.modelName().equals(previous)));
            previous = change.modelName();
        }
        return rows;
    }

    private static Component model(Row row) {
        if (!row.firstOfModel()) {
            return new Span();
        }
        CellChange change = row.change();
        Div cell = new Div();
        cell.addClassName("changes-model");
        String name = VisibleText.of(change.modelName());
        if (change.modelDeleted()) {
            cell.add(new Span(name + " (deleted)"));
        } else {
            Anchor link = new Anchor(ModelPages.path(change.modelName()), name);
            link.addClassName("model-link");
            cell.add(link);
        }
        Span facts = new Span(" " + VisibleText.of(change.family()) + " · " + change.modelType());
        facts.addClassName("hint");
        cell.add(facts);
        return cell;
    }

    private static Component beforeAfter(CellChange change) {
        Span arrow = new Span(" → ");
        arrow.getElement().setAttribute("aria-label", "changed to");
        Span cell = new Span(
                new LevelBadge(change.beforeLevel(), change.beforeValidation()),
                arrow,
                new LevelBadge(
                        change.afterLevel(), change.afterValidation(), change.afterStale(), change.afterDisputed()));
        cell.addClassName("change-before-after");
        return cell;
    }

    private static Component kind(CellChangeKind kind) {
        Icon icon = new Icon(kind.icon());
        icon.getElement().setAttribute("title", kind.label());
        Span label = new Span(" " + kind.label());
        label.addClassName("change-kind-word");
        Span word = new Span(icon, label);
        word.addClassNames("change-kind", "change-kind-" + kind.key());
        return word;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        ChangesParameters.Parsed parsed = ChangesParameters.parse(params);
        filter = parsed.filter();
        urlNotice.show(parsed.warnings());
        String fromText = ChangesParameters.from(params);
        String toText = ChangesParameters.to(params);
        try {
            range = service.range(fromText, toText);
            showRangeNotice(null);
        } catch (InvalidPointInTimeException e) {
            range = service.defaultRange();
            showRangeNotice(e.getMessage() + " Showing " + describe(range) + " instead.");
        }
        showControls();
        refresh();
    }

    /** The range and filters shown go into the address once the router has written its own (so a link is shareable). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showInUrl();
    }

    private void rangeChanged() {
        if (showing) {
            return;
        }
        try {
            range = service.range(from.text(), to.text());
            showRangeNotice(null);
            refresh();
        } catch (InvalidPointInTimeException e) {
            showRangeNotice(e.getMessage() + " Still showing " + describe(range) + ".");
        }
    }

    private void filtersChanged() {
        if (!showing) {
            filter = new ChangesFilter(platform.getValue(), family.getValue(), type.getValue(), filter.kind());
            refresh();
        }
    }

    private void kindChosen(CellChangeKind kind) {
        filter = filter.withKind(kind);
        refresh();
    }

    private void showRangeNotice(String message) {
        rangeNotice.setText(message == null ? "" : message);
        rangeNotice.setVisible(message != null);
        if (message != null) {
            Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private static String describe(TimeRange range) {
        return "the changes from " + range.from().describe() + " to "
                + range.to().describe();
    }

    private void showControls() {
        showing = true;
        try {
            from.show(range.from());
            to.show(range.to());
            platform.setValue(filter.platform());
            family.setValue(filter.family());
            type.setValue(filter.type());
        } finally {
            showing = false;
        }
    }

    private void refresh() {
        title.setText(
                "Changes from " + range.from().text() + " to " + range.to().text());
        counts = service.summary(range, filter);
        showKinds(counts);
        downloads.forEach((file, link) -> link.setHref(download(range, filter, file), AttachmentType.DOWNLOAD));
        changes.getDataProvider().refreshAll();
        showInUrl();
    }

    private void showInUrl() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("changes", currentQuery())));
    }

    private void showKinds(ChangeCounts counts) {
        allKinds.setText("All changes: " + counts.total());
        select(allKinds, filter.kind() == null);
        kindButtons.forEach((kind, button) -> {
            button.setText(kind.label() + ": " + counts.of(kind));
            select(button, filter.kind() == kind);
        });
    }

    /** The chosen kind is a primary button and says so to screen readers: never by colour alone. */
    private static void select(Button button, boolean selected) {
        if (selected) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
    }

    private int count() {
        long total = filter.kind() == null ? counts.total() : counts.of(filter.kind());
        changeCount.setText(total == 1 ? "1 changed cell" : total + " changed cells");
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private DownloadHandler download(TimeRange shown, ChangesFilter shownFilter, ExportFormat file) {
        return event -> {
            event.setFileName(ChangesFiles.fileName(shown, file));
            event.setContentType(file.contentType());
            try (OutputStream out = event.getOutputStream()) {
                service.writeFile(shown, shownFilter, file, out);
            }
        };
    }

    /** The query string this view shows its range and filters as. */
    QueryParameters currentQuery() {
        return new QueryParameters(
                ChangesParameters.of(range.from().text(), range.to().text(), filter));
    }
}
