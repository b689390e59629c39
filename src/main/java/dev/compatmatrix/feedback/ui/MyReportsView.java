package dev.compatmatrix.feedback.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.matrix.ui.ModelPages;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The caller's own reports on cells and what triage made of them, newest first; each links to its model's reports. */
@Route("my-reports")
@PageTitle("My reports · Compatibility Matrix Console")
@Menu(order = 5.2, title = "My reports", icon = "vaadin:comment-ellipsis-o")
@PermitAll
public class MyReportsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    final Grid<CellReport> grid = new Grid<>();

    public MyReportsView(FeedbackService feedback) {
        addClassName("my-reports-view");
        grid.setId("my-reports-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("You have not reported on any cell yet. On a model's page, open the Reports tab and "
                + "use \"Report on a platform…\" to say whether it works for you.");
        grid.addComponentColumn(MyReportsView::cell)
                .setHeader("Cell")
                .setKey("cell")
                .setFlexGrow(2);
        grid.addColumn(r -> "#" + r.id())
                .setHeader("Report")
                .setKey("id")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.draft().outcome().label())
                .setHeader("You said")
                .setKey("said")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CellReport::outcomeInWords)
                .setHeader("Outcome")
                .setKey("outcome")
                .setFlexGrow(3);
        grid.addColumn(r -> WHEN.format(r.updatedAt()))
                .setHeader("Updated (UTC)")
                .setKey("updated")
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(
                new H2("My reports"),
                new Paragraph(
                        "Your reports on cells of the matrix and what the editors and validators made of them. "
                                + "A report never changes the matrix by itself: an accepted one was turned into a claim change."),
                grid);
        grid.setItems(feedback.myReports());
    }

    /** The cell, linking to its model page's Reports tab. */
    private static Component cell(CellReport report) {
        Anchor link = new Anchor(
                ModelPages.path(report.modelName(), ModelPages.Tab.REPORTS),
                report.modelName() + " on " + report.platform().label());
        link.addClassName("my-report-cell");
        return link;
    }
}
