package dev.compatmatrix.modelpage.query;

import dev.compatmatrix.matrix.query.AutomatedResult;
import java.util.List;

/** The newest automated results of a cell, newest first, and how many the cell has in all. */
public record CellAutomatedResults(List<AutomatedResult> newest, long total) {

    public static final CellAutomatedResults NONE = new CellAutomatedResults(List.of(), 0);
}
