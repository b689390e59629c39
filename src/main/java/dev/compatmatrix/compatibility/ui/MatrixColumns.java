package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.compatmatrix.compatibility.query.MatrixRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The matrix's "Columns" menu: which descriptive columns show beside the model and its eight platforms. By default
 * only the score, so all platforms fit a laptop screen; the choice is remembered in this browser (local storage).
 */
class MatrixColumns extends ToolMenu {

    static final String STORAGE_KEY = "compat.matrix.columns";
    static final Set<String> SHOWN_BY_DEFAULT = Set.of("score");

    /** The optional columns' keys and names, in the grid's order. */
    private static final Map<String, String> OPTIONAL = new LinkedHashMap<>();

    static {
        OPTIONAL.put("family", "Family");
        OPTIONAL.put("type", "Type");
        OPTIONAL.put("size", "Size");
        OPTIONAL.put("parameters", "Params");
        OPTIONAL.put("recommended", "Recommended");
        OPTIONAL.put("score", "Score");
    }

    final Map<String, MenuItem> choices = new LinkedHashMap<>();
    private final Grid<MatrixRow> grid;
    /** True while the matrix shows cards, which hold no descriptive columns. */
    private boolean hidingAll;

    MatrixColumns(Grid<MatrixRow> grid) {
        super("column-menu", VaadinIcon.GRID_H, "Columns", "Choose the columns shown");
        this.grid = grid;
        OPTIONAL.forEach((key, name) -> {
            MenuItem item = menu.getSubMenu().addItem(name);
            item.setCheckable(true);
            item.setKeepOpen(true);
            item.addClickListener(e -> {
                apply();
                remember();
            });
            choices.put(key, item);
        });
        show(SHOWN_BY_DEFAULT);
        addAttachListener(e -> getElement()
                .executeJs("return localStorage.getItem($0)", STORAGE_KEY)
                .then(String.class, saved -> show(saved == null ? SHOWN_BY_DEFAULT : parse(saved))));
    }

    /** Shows exactly these optional columns (unknown keys are ignored). */
    void show(Set<String> keys) {
        choices.forEach((key, item) -> item.setChecked(keys.contains(key)));
        apply();
    }

    /** Hides every descriptive column (the cards' layout), or shows the chosen ones again. */
    void hideAll(boolean hide) {
        hidingAll = hide;
        apply();
    }

    private void apply() {
        choices.forEach((key, item) -> grid.getColumnByKey(key).setVisible(item.isChecked() && !hidingAll));
    }

    Set<String> shown() {
        return choices.entrySet().stream()
                .filter(e -> e.getValue().isChecked())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private void remember() {
        getElement().executeJs("localStorage.setItem($0, $1)", STORAGE_KEY, String.join(",", shown()));
    }

    private static Set<String> parse(String saved) {
        return Arrays.stream(saved.split(",")).map(String::trim).collect(Collectors.toSet());
    }
}
