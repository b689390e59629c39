package dev.compatmatrix.matrix.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.matrix.ModelSelection;
import java.util.List;
import java.util.Map;

/**
 * Where the compare screen is, for every screen that opens it (matrix, model page). The screen itself is the
 * {@code compare} feature; opening it by path keeps the other features independent of it.
 */
public final class ComparePages {

    public static final String ROUTE = "compare";
    /** How to pick models in a list that opens the compare screen. */
    public static final String HOW =
            "Tick " + ModelSelection.MIN + " to " + ModelSelection.MAX + " rows to compare them side by side";

    public static final String TOO_MANY = "Compare takes " + ModelSelection.MAX + " models at most: untick some";

    private ComparePages() {}

    public static QueryParameters query(List<String> modelNames) {
        return QueryParameters.simple(Map.of(ModelSelection.PARAMETER, new ModelSelection(modelNames).text()));
    }

    public static void open(List<String> modelNames) {
        UI.getCurrent().navigate(ROUTE, query(modelNames));
    }
}
