package dev.compatmatrix.prediction.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
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
import dev.compatmatrix.base.ui.OptionalSelect;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.prediction.TestNextService;
import dev.compatmatrix.prediction.export.TestNextCsv;
import dev.compatmatrix.prediction.query.AdoptedRunQuery.AdoptedRun;
import dev.compatmatrix.prediction.query.TestNextFilter;
import dev.compatmatrix.prediction.query.TestNextParameters;
import dev.compatmatrix.prediction.query.TestNextRow;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What to test next ({@code /test-next?platform=rocm}): every untested cell ranked by how much a test would teach
 * (the rule: {@link dev.compatmatrix.prediction.query.TestNextQuery}), paged from the database, each model linked to
 * its page, and the whole filtered queue as CSV for a test lab. The filter lives in the URL; a value that cannot be
 * used is named in a notice and the list shows unfiltered by it.
 */
@Route("test-next")
@PageTitle("What to test next · Compatibility Matrix Console")
@Menu(order = 1.5, title = "What to test next", icon = "vaadin:flask")
@StyleSheet("context://styles/test-next.css")
@PermitAll
public class TestNextView extends VerticalLayout implements BeforeEnterObserver, AfterNavigationObserver {

    static final String ROUTE = "test-next";

    private final TestNextService service;
    final Select<Platform> platform = new Select<>();
    final Select<ModelType> type = new Select<>();
    final UrlNotice urlNotice = new UrlNotice();
    final Paragraph trainingState = new Paragraph();
    final Span cellCount = new Span();
    final Anchor download = new Anchor();
    final Grid<Ranked> grid = new Grid<>();

    private TestNextFilter filter = TestNextFilter.NONE;
    private boolean showing;

    /** A row and its place in the whole ranking (1 = test this first). */
    record Ranked(long rank, TestNextRow row) {}

    public TestNextView(TestNextService service) {
        this.service = service;
        setSizeFull();
        addClassName("test-next-view");
        H2 title = new H2("What to test next");
        Paragraph rule = new Paragraph("Untested cells, the most useful test first: a test helps most where the "
                + "prediction is unsure (entropy, up to 2 bits) and where many other untested cells share the model's "
                + "family and type on that platform (a test of one teaches about them). Value = entropy × log2(2 + "
                + "shared cells).");
        rule.addClassName("hint");
        trainingState.setId("test-next-training");
        trainingState.addClassName("training-state");
        cellCount.setId("test-next-count");
        add(title, rule, trainingState, urlNotice, filters(), grid);
        configureGrid();
    }

    private Component filters() {
        OptionalSelect.configure(
                platform, "test-next-platform", "Platform", "Any platform", Platform::label, Platform.values());
        OptionalSelect.configure(type, "test-next-type", "Type", "Any type", ModelType::key, ModelType.values());
        platform.addValueChangeListener(e -> filtersChanged());
        type.addValueChangeListener(e -> filtersChanged());
        download.setId("test-next-csv");
        download.add(new Icon(VaadinIcon.DOWNLOAD_ALT), new Span(" Download CSV"));
        FlexLayout bar = new FlexLayout(platform, type, cellCount, download);
        bar.addClassName("filter-bar");
        return bar;
    }

    private void configureGrid() {
        grid.setId("test-next-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setMinHeight("20rem");
        grid.setEmptyStateText("No untested cell under this filter: every cell has a claim.");
        grid.addColumn(Ranked::rank).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> modelLink(r.row()))
                .setKey("model")
                .setHeader("Model")
                .setFlexGrow(2);
        grid.addColumn(r -> VisibleText.of(r.row().family()))
                .setHeader("Family")
                .setFlexGrow(1);
        grid.addColumn(r -> r.row().type()).setHeader("Type").setFlexGrow(1);
        grid.addColumn(r -> r.row().platform().label())
                .setHeader("Platform")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> prediction(r.row()))
                .setKey("prediction")
                .setHeader("Prediction")
                .setFlexGrow(1);
        grid.addColumn(r -> number(r.row().entropy()))
                .setHeader("Entropy (bits)")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.row().shared())
                .setHeader("Shared cells")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> number(r.row().value()))
                .setHeader("Value")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> ranked(query.getOffset(), query.getLimit()).stream(), query -> count());
    }

    private List<Ranked> ranked(int offset, int limit) {
        List<TestNextRow> page = service.testNextPage(filter, offset, limit);
        List<Ranked> rows = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            rows.add(new Ranked(offset + i + 1L, page.get(i)));
        }
        return rows;
    }

    private int count() {
        long total = service.testNextCount(filter);
        cellCount.setText(total == 1 ? "1 untested cell" : String.format(Locale.ROOT, "%,d untested cells", total));
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static Component modelLink(TestNextRow row) {
        Anchor link = new Anchor(ModelPages.path(row.modelName()), VisibleText.of(row.modelName()));
        link.addClassName("model-link");
        return link;
    }

    /** A prediction in its own style (italic, dotted outline, the word "likely"), never a claim's badge. */
    private static Component prediction(TestNextRow row) {
        Span text = new Span(row.predictionText());
        if (row.prediction() == null) {
            text.addClassName("test-next-none");
        } else {
            text.addClassName("test-next-prediction");
            text.getElement()
                    .setAttribute(
                            "title",
                            "A prediction, not a claim: "
                                    + String.join("; ", row.prediction().reasons()));
        }
        return text;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TestNextParameters.Parsed parsed = TestNextParameters.parse(
                event.getLocation().getQueryParameters().getParameters());
        filter = parsed.filter();
        urlNotice.show(parsed.warnings());
        showTrainingState(service.adoptedRun());
        showing = true;
        try {
            platform.setValue(filter.platform());
            type.setValue(filter.type());
        } finally {
            showing = false;
        }
        refresh();
    }

    /** The filter shown goes into the address once the router has written its own (so a link is shareable). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showInUrl();
    }

    private void showTrainingState(Optional<AdoptedRun> run) {
        if (run.isEmpty()) {
            trainingState.setText("Predictions haven't been trained yet, so every cell counts as equally unsure "
                    + "(2 bits): the ranking follows the shared cells only.");
            return;
        }
        String weak = Arrays.stream(Platform.values())
                .filter(p -> !run.get().shownOn(p))
                .map(Platform::label)
                .collect(Collectors.joining(", "));
        trainingState.setText(
                "Uncertainty from the predictions of training run " + run.get().runId()
                        + (weak.isEmpty()
                                ? "."
                                : "; on " + weak + " they do not beat the baseline, so cells there count as 2 bits."));
    }

    private void filtersChanged() {
        if (!showing) {
            filter = new TestNextFilter(platform.getValue(), filter.family(), type.getValue());
            refresh();
        }
    }

    private void refresh() {
        TestNextFilter shown = filter;
        download.setHref(csv(shown), AttachmentType.DOWNLOAD);
        grid.getDataProvider().refreshAll();
        showInUrl();
    }

    private DownloadHandler csv(TestNextFilter shown) {
        return event -> {
            event.setFileName(TestNextCsv.fileName(shown));
            event.setContentType("text/csv");
            try (OutputStream out = event.getOutputStream()) {
                service.writeTestNextCsv(shown, out);
            }
        };
    }

    private void showInUrl() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, currentQuery())));
    }

    /** The query string this view shows its filter as. */
    QueryParameters currentQuery() {
        return new QueryParameters(TestNextParameters.of(filter));
    }
}
