package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.export.ExportService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.time.PointInTime;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The matrix's "Export" menu: one download link per format, each for exactly the rows of the view's current
 * filter and sort (all of them, not the loaded page). The links are replaced whenever the view changes, so a
 * download always matches what the screen shows. While the matrix shows predictions, a checkable "Include predictions"
 * asks for them in the files too (marked as predictions there); unchecked, the files hold the claims only.
 */
class ExportMenu extends ToolMenu {

    /**
     * A mouse click lands on the link itself; the keyboard (Enter) clicks the item, which passes the click on to
     * its link in the browser. The link's click, bubbling back through the item, is not passed on again, and no
     * server listener takes part: one choice, one download, no round trip.
     */
    private static final String PASS_CLICK_TO_LINK =
            "this.addEventListener('click', e => { if (!$0.contains(e.target)) $0.click(); })";

    private final ExportService exports;
    final Map<ExportFormat, Anchor> links = new EnumMap<>(ExportFormat.class);
    final MenuItem includePredictions;
    private Optional<PointInTime> asOf = Optional.empty();
    private MatrixFilter filter = MatrixFilter.NONE;
    private MatrixSort sort = MatrixSort.BY_NAME;

    ExportMenu(ExportService exports) {
        super("export-menu", VaadinIcon.DOWNLOAD_ALT, "Export", "Export the filtered matrix");
        this.exports = exports;
        for (ExportFormat format : ExportFormat.values()) {
            Anchor link = new Anchor();
            link.setId("export-" + format.key());
            link.setText(format.label());
            link.getStyle().set("display", "block").set("color", "inherit").set("text-decoration", "none");
            links.put(format, link);
            MenuItem item = menu.getSubMenu().addItem(link);
            item.getElement()
                    .addAttachListener(attached -> item.getElement().executeJs(PASS_CLICK_TO_LINK, link.getElement()));
        }
        includePredictions = menu.getSubMenu().addItem("Include predictions");
        includePredictions.setId("export-include-predictions");
        includePredictions.setCheckable(true);
        includePredictions.setKeepOpen(true);
        includePredictions.addClickListener(e -> relink());
        includePredictions.setVisible(false);
        show(Optional.empty(), MatrixFilter.NONE, MatrixSort.BY_NAME);
    }

    /** Points every link at the export of this view: the matrix now, or as of a past point. */
    void show(Optional<PointInTime> asOf, MatrixFilter filter, MatrixSort sort) {
        show(asOf, filter, sort, false);
    }

    /** As {@link #show(Optional, MatrixFilter, MatrixSort)}; {@code predictionsShown}: offer "Include predictions". */
    void show(Optional<PointInTime> asOf, MatrixFilter filter, MatrixSort sort, boolean predictionsShown) {
        this.asOf = asOf;
        this.filter = filter;
        this.sort = sort;
        boolean offered = predictionsShown && asOf.isEmpty();
        includePredictions.setVisible(offered);
        if (!offered) {
            includePredictions.setChecked(false);
        }
        relink();
    }

    private void relink() {
        boolean predictions = includePredictions.isChecked();
        links.forEach((format, link) ->
                link.setHref(download(asOf, filter, sort, format, predictions), AttachmentType.DOWNLOAD));
    }

    private DownloadHandler download(
            Optional<PointInTime> asOf,
            MatrixFilter filter,
            MatrixSort sort,
            ExportFormat format,
            boolean predictions) {
        return event -> {
            event.setFileName(exports.fileName(format));
            event.setContentType(format.contentType());
            try (OutputStream out = event.getOutputStream()) {
                if (asOf.isPresent()) {
                    exports.exportAsOf(asOf.get(), filter, sort, format, out);
                } else if (predictions) {
                    exports.exportWithPredictions(filter, sort, format, out);
                } else {
                    exports.export(filter, sort, format, out);
                }
            }
        };
    }
}
