package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.watch.Watch;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.WatchTarget;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the user watches, each with a link and an Unwatch button, and the newest changes in it. */
@Route("watching")
@PageTitle("Watching · Compatibility Matrix Console")
@Menu(order = 5, title = "Watching", icon = "vaadin:eye")
@PermitAll
public class WatchingView extends VerticalLayout {

    static final int NEWEST = 50;

    private final WatchService watches;
    final Grid<Watch> grid = new Grid<>();
    final VerticalLayout newest = new VerticalLayout();

    public WatchingView(WatchService watches) {
        this.watches = watches;
        addClassName("watching-view");
        grid.setId("watches-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("You watch nothing yet. Use \"Watch\" on a model's page (for the model, or on a "
                + "platform's row for one cell), or right-click a row of the matrix.");
        grid.addComponentColumn(WatchingView::link)
                .setHeader("What")
                .setKey("what")
                .setFlexGrow(2);
        grid.addColumn(w -> kind(w.target()))
                .setHeader("Kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(w -> WatchedChanges.time(w.createdAt()))
                .setHeader("Since")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::unwatchButton)
                .setHeader("")
                .setKey("unwatch")
                .setAutoWidth(true)
                .setFlexGrow(0);
        newest.setId("newest-changes");
        newest.setPadding(false);
        add(new H2("Watching"), grid, new H3("Newest changes in what you watch"), newest);
        refresh();
    }

    private void refresh() {
        grid.setItems(watches.myWatches());
        List<MatrixEvent> changes = watches.newestChanges(NEWEST);
        newest.removeAll();
        newest.add(
                changes.isEmpty() ? new Paragraph("No changes yet in what you watch.") : new WatchedChanges(changes));
    }

    private Button unwatchButton(Watch watch) {
        Button unwatch = new Button("Unwatch", e -> {
            watches.unwatchById(watch.id());
            refresh();
        });
        unwatch.setId("unwatch-" + watch.id());
        unwatch.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        unwatch.setAriaLabel("Unwatch " + watch.target().label());
        return unwatch;
    }

    /** A model or cell links to the model page, a family to the matrix filtered to it; a platform is its name. */
    private static Component link(Watch watch) {
        WatchTarget target = watch.target();
        if (watch.modelDeleted()) {
            return new Span(target.label() + " (model deleted)");
        }
        return switch (target.kind()) {
            case MODEL, CELL -> new Anchor(ModelPages.path(target.modelName()), target.label());
            case FAMILY ->
                new Anchor("./?family=" + URLEncoder.encode(target.family(), StandardCharsets.UTF_8), target.label());
            case PLATFORM -> new Span(target.label());
        };
    }

    private static String kind(WatchTarget target) {
        return switch (target.kind()) {
            case MODEL -> "Model";
            case CELL -> "Cell";
            case PLATFORM -> "Platform";
            case FAMILY -> "Family";
        };
    }
}
