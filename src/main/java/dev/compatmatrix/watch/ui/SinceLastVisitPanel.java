package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteConfiguration;
import dev.compatmatrix.base.Plural;
import dev.compatmatrix.watch.SinceLastVisit;
import dev.compatmatrix.watch.WatchService;

/**
 * "Since your last visit": what changed in the user's watched models, platforms, families and cells since their
 * previous sign-in, grouped by model with a link to each. Dismissed with its button or Esc; reopened from the header.
 */
class SinceLastVisitPanel extends Dialog {

    final Paragraph summary = new Paragraph();

    SinceLastVisitPanel(SinceLastVisit since) {
        setId("since-last-visit");
        setHeaderTitle("Since your last visit");
        setWidth("min(46rem, 95vw)");
        setMaxHeight("85vh");
        summary.setId("since-summary");
        add(summary);
        if (since.firstVisit()) {
            summary.setText(
                    "This is your first sign-in: there is no previous visit to compare with. What changes in "
                            + "the models, platforms, families and cells you watch will be listed here after your next sign-in.");
        } else if (since.changes().isEmpty()) {
            summary.setText("Nothing you watch has changed since your previous visit ("
                    + WatchedChanges.time(since.previousVisit()) + ").");
        } else {
            summary.setText(Plural.of(since.changes().size(), "change")
                    + (since.more() ? " (the newest " + WatchService.SINCE_LIMIT + ")" : "")
                    + " in what you watch since your previous visit (" + WatchedChanges.time(since.previousVisit())
                    + "): " + WatchedChanges.tally(since.changes()) + ".");
            add(new WatchedChanges(since.changes()));
        }
        if (!since.reports().isEmpty()) {
            add(new TriagedReports(since.reports()));
        }
        Anchor watching = new Anchor(RouteConfiguration.forSessionScope().getUrl(WatchingView.class), "What you watch");
        watching.setId("since-watching-link");
        Button dismiss = new Button("Dismiss", e -> close());
        dismiss.setId("since-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(watching, dismiss);
    }
}
