package dev.compatmatrix.compare.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.base.ui.UrlNotice;
import dev.compatmatrix.compare.CompareService;
import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.compare.export.CompareCsv;
import dev.compatmatrix.compare.export.CompareMarkdown;
import dev.compatmatrix.matrix.ModelSelection;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ui.ComparePages;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 2 to 6 models side by side (URL {@code /compare?models=a,b,c}, "Show only differences" as {@code differences=only}):
 * one table, platforms as rows, models as columns, with a picker to add models and a button per model to remove it,
 * and the table as CSV or Markdown. Names the URL gives that no model has, or more than six, are named in a notice;
 * what can be shown is shown.
 */
@Route(ComparePages.ROUTE)
@StyleSheet("context://styles/compare.css")
@PageTitle("Compare models · Compatibility Matrix Console")
@RolesAllowed(Roles.VIEWER)
public class CompareView extends VerticalLayout implements BeforeEnterObserver {

    static final String DIFFERENCES = "differences";
    static final String ONLY = "only";

    private final CompareService service;

    final UrlNotice urlNotice = new UrlNotice();
    final Paragraph hint = new Paragraph();
    final ComboBox<String> picker = new ComboBox<>("Add a model");
    final Checkbox onlyDifferences = new Checkbox("Show only differences");
    final Paragraph basis = new Paragraph();
    final Paragraph noDifference = new Paragraph("The models' claims do not differ on any platform.");
    final CompareTable table = new CompareTable();
    final Anchor csv = new Anchor();
    final Anchor markdown = new Anchor();

    private Comparison comparison;

    public CompareView(CompareService service) {
        this.service = service;
        addClassName("compare-view");
        urlNotice.setId("url-notice");
        hint.setId("compare-hint");
        hint.addClassName("hint");
        basis.setId("compare-basis");
        basis.addClassName("hint");
        noDifference.setId("compare-no-difference");
        configurePicker();
        onlyDifferences.setId("only-differences");
        onlyDifferences.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showTable();
                writeUrl();
            }
        });
        csv.setId("compare-csv");
        csv.add(new Icon(VaadinIcon.DOWNLOAD_ALT), new Span(" CSV"));
        markdown.setId("compare-markdown");
        markdown.add(new Icon(VaadinIcon.DOWNLOAD_ALT), new Span(" Markdown"));
        FlexLayout tools = new FlexLayout(picker, onlyDifferences, new Span("Download:"), csv, markdown);
        tools.addClassNames("filter-bar", "compare-tools");
        Paragraph legend = new Paragraph(CompareMarkdown.DIFFERS + ": the models' claims differ on the platform (level,"
                + " validation status, stale or disputed mark). Figures are the newest measurement, as on each model's"
                + " page.");
        legend.addClassName("legend");
        add(new H2("Compare models"), urlNotice, hint, tools, legend, basis, noDifference, table);
    }

    private void configurePicker() {
        picker.setId("compare-picker");
        picker.setPlaceholder("Type a model name");
        picker.setClearButtonVisible(true);
        picker.setItems(
                query ->
                        service
                                .comparableModels(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                                .stream(),
                query -> service.comparableModelCount(query.getFilter().orElse("")));
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show(selection().with(e.getValue()));
                picker.clear();
                writeUrl();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        ModelSelection asked = ModelSelection.parse(joined(params.get(ModelSelection.PARAMETER)));
        onlyDifferences.setValue(ONLY.equals(UrlParams.first(params, DIFFERENCES)));
        List<String> problems = new ArrayList<>();
        String differences = UrlParams.first(params, DIFFERENCES);
        if (differences != null && !ONLY.equals(differences)) {
            problems.add(DIFFERENCES + "=" + differences + " (expected " + ONLY + ")");
        }
        show(asked);
        comparison
                .unknown()
                .forEach(name -> problems.add(ModelSelection.PARAMETER + ": " + name + " (no model of this name)"));
        List<String> found = asked.names().stream()
                .filter(n -> !comparison.unknown().contains(n))
                .toList();
        if (found.size() > ModelSelection.MAX) {
            problems.add(
                    ModelSelection.PARAMETER + ": " + String.join(", ", found.subList(ModelSelection.MAX, found.size()))
                            + " (Compare takes " + ModelSelection.MIN + " to " + ModelSelection.MAX
                            + " models: showing the first "
                            + ModelSelection.MAX + ")");
        }
        urlNotice.show(problems);
    }

    private static String joined(List<String> values) {
        return values == null ? null : String.join(ModelSelection.SEPARATOR, values);
    }

    /** What the screen shows now. */
    Comparison comparison() {
        return comparison;
    }

    /** The models compared now. */
    ModelSelection selection() {
        return new ModelSelection(comparison == null ? List.of() : comparison.models());
    }

    private void show(ModelSelection asked) {
        comparison = service.comparison(asked);
        boolean full = comparison.models().size() >= ModelSelection.MAX;
        picker.setEnabled(!full);
        picker.setHelperText(full ? "Six models at most: remove one to add another." : null);
        showTable();
    }

    private void showTable() {
        int count = comparison.models().size();
        boolean enough = count >= ModelSelection.MIN;
        hint.setText(
                enough
                        ? ""
                        : "Pick "
                                + (count == 0
                                        ? ModelSelection.MIN + " to "
                                        : (ModelSelection.MIN - count) + " more, up to ")
                                + (count == 0 ? ModelSelection.MAX + " models" : ModelSelection.MAX + " in all,")
                                + " to compare: in the matrix tick their rows and press Compare, or add them here.");
        hint.setVisible(!enough);
        List<Comparison.PlatformRow> rows = shownRows();
        table.setVisible(enough);
        basis.setVisible(enough);
        basis.setText(comparison.performanceBasis());
        noDifference.setVisible(enough && onlyDifferences.getValue() && rows.isEmpty());
        csv.setVisible(enough);
        markdown.setVisible(enough);
        if (enough) {
            table.show(comparison, rows, this::remove);
            Comparison shown = comparison;
            csv.setHref(
                    download(CompareCsv.fileName(shown), "text/csv", out -> CompareCsv.write(shown, rows, out)),
                    AttachmentType.DOWNLOAD);
            markdown.setHref(
                    download(
                            CompareMarkdown.fileName(shown),
                            "text/markdown",
                            out -> out.write(CompareMarkdown.of(shown, rows))),
                    AttachmentType.DOWNLOAD);
        }
    }

    /** The rows shown: all, or only those that differ. */
    List<Comparison.PlatformRow> shownRows() {
        return onlyDifferences.getValue() ? comparison.differingRows() : comparison.rows();
    }

    private void remove(String model) {
        show(selection().without(model));
        writeUrl();
    }

    /** The file of what the table shows now (written when the user downloads it). */
    private static DownloadHandler download(String fileName, String type, Export export) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType(type + ";charset=UTF-8");
            try (var out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                export.write(out);
            }
        };
    }

    @FunctionalInterface
    private interface Export {
        void write(java.io.Writer out) throws java.io.IOException;
    }

    /** The query string this view shows its state as: the models compared and the switch. */
    QueryParameters currentQuery() {
        Map<String, List<String>> params =
                new HashMap<>(ComparePages.query(selection().names()).getParameters());
        if (onlyDifferences.getValue()) {
            params.put(DIFFERENCES, List.of(ONLY));
        }
        return new QueryParameters(params);
    }

    private void writeUrl() {
        getUI().ifPresent(ui ->
                ui.getPage().getHistory().replaceState(null, new Location(ComparePages.ROUTE, currentQuery())));
    }
}
