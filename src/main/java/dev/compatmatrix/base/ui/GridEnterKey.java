package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * Enter on a focused grid cell does what Space does there: clicks the cell, so the grid's item click listener runs.
 * The grid itself gives Enter to the cell's own controls; a cell with none keeps that behaviour for Space only.
 */
public final class GridEnterKey {

    /** Runs before the grid's own key handling; a cell holding a focusable control keeps Enter for it. */
    private static final String SCRIPT = """
            if (this.__enterOpensRows) return;
            this.__enterOpensRows = true;
            this.addEventListener('keydown', e => {
              if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
              const origin = e.composedPath()[0];
              const cell = origin?.localName === 'tr' ? origin.querySelector('td') : origin;
              if (cell?.localName !== 'td' || !cell._content || cell.parentElement?.parentElement?.id !== 'items') return;
              if (cell._content.querySelector('button, a[href], input, [tabindex]:not([tabindex="-1"])')) return;
              e.preventDefault();
              e.stopImmediatePropagation();
              cell._content.click();
            }, true);
            """;

    private GridEnterKey() {}

    public static void opensRows(Grid<?> grid) {
        grid.getElement().executeJs(SCRIPT);
    }
}
