package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.matrix.ui.ModelPages;
import java.util.List;

/** "Your reports": the user's reports on cells triaged since their previous visit, each with its outcome in words. */
class TriagedReports extends Div {

    TriagedReports(List<CellReport> reports) {
        setId("since-reports");
        add(new H3("Your reports, triaged since then (" + reports.size() + ")"));
        UnorderedList list = new UnorderedList();
        for (CellReport report : reports) {
            Anchor cell = new Anchor(
                    ModelPages.path(report.modelName(), ModelPages.Tab.REPORTS),
                    "#" + report.id() + " " + report.modelName() + " on "
                            + report.platform().label());
            list.add(new ListItem(cell, new Span(": " + report.outcomeInWords())));
        }
        add(list);
    }
}
