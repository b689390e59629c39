package dev.compatmatrix.matrix.ui;

import com.vaadin.flow.component.UI;

/**
 * Where a model's page is, for every screen that links to it. The page itself is the {@code modelpage} feature;
 * linking by path keeps the other features independent of it.
 */
public final class ModelPages {

    /** The route template of the model page: a model's name may contain slashes. */
    public static final String ROUTE = "models/:name*";

    private ModelPages() {}

    public static String path(String modelName) {
        return "models/" + modelName;
    }

    public static void open(String modelName) {
        UI.getCurrent().navigate(path(modelName));
    }
}
