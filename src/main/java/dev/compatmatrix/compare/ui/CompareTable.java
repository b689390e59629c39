package dev.compatmatrix.compare.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.compare.export.CompareMarkdown;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.matrix.ui.ModelPages;
import java.util.List;
import java.util.function.Consumer;

/**
 * The comparison as an HTML table: platforms as rows (row headers), models as columns (column headers with a link to
 * the model's page and a remove button). A row whose claims differ carries the words "≠ differs" in its header and a
 * tint, never the tint alone. Stored text is set as text.
 */
class CompareTable extends NativeTable {

    static final String DIFFERS_LABEL = "The models' claims differ on this platform";

    CompareTable() {
        setId("compare-table");
        addClassName("compare-table");
    }

    /** Shows these rows of the comparison; {@code remove} takes a model out of it. */
    void show(Comparison comparison, List<Comparison.PlatformRow> rows, Consumer<String> remove) {
        removeHead();
        List.copyOf(getBodies()).forEach(this::removeBody);
        setCaptionText("Compared: " + String.join(", ", comparison.models()));
        NativeTableRow head = getHead().addRow();
        head.addHeaderCell().setText("Platform");
        for (String model : comparison.models()) {
            Anchor link = new Anchor(ModelPages.path(model), VisibleText.of(model));
            Button out = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove.accept(model));
            out.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            out.setAriaLabel("Remove " + model + " from the comparison");
            out.setTooltipText("Remove from the comparison");
            out.addClassName("compare-remove");
            var th = head.addHeaderCell();
            th.add(link, out);
            th.getElement().setAttribute("scope", "col");
        }
        var body = addBody();
        for (Comparison.PlatformRow row : rows) {
            NativeTableRow tr = body.addRow();
            tr.addClassName("compare-row");
            tr.getElement().setAttribute("data-platform", row.platform().key());
            var th = tr.addHeaderCell();
            th.getElement().setAttribute("scope", "row");
            th.add(new Span(row.platform().label()));
            if (row.differs()) {
                tr.addClassName("differs");
                Span marker = new Span(CompareMarkdown.DIFFERS);
                marker.addClassName("differs-marker");
                marker.getElement().setAttribute("aria-label", DIFFERS_LABEL);
                marker.getElement().setAttribute("title", DIFFERS_LABEL);
                th.add(marker);
            }
            row.cells().forEach(cell -> tr.add(cell(cell, comparison.common() == null)));
        }
    }

    private static NativeTableCell cell(Comparison.Cell cell, boolean ownChoice) {
        NativeTableCell td = new NativeTableCell();
        td.addClassName("compare-cell");
        td.add(new LevelBadge(cell.level(), cell.status(), cell.stale(), cell.disputed()));
        line(td, "compare-status", cell.statusText());
        line(td, "compare-limitations", cell.limitations() == null ? null : "Limitations: " + cell.limitations());
        line(td, "compare-notes", cell.notes() == null ? null : "Notes: " + cell.notes());
        var m = cell.measurement();
        if (m != null) {
            line(
                    td,
                    "compare-performance",
                    m.text() + (ownChoice ? " (" + Comparison.choiceText(m.choice()) + ")" : ""));
        } else if (cell.level() != null) {
            line(td, "compare-performance none", "No figures measured");
        }
        return td;
    }

    private static void line(NativeTableCell td, String className, String text) {
        if (text != null && !text.isBlank()) {
            Div line = new Div();
            line.setText(VisibleText.of(text));
            line.addClassNames(className.split(" "));
            td.add(line);
        }
    }
}
