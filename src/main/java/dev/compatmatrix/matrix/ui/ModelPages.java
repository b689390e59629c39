package dev.compatmatrix.matrix.ui;

import com.vaadin.flow.component.UI;
import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.Platform;
import java.util.Optional;

/**
 * Where a model's page is, for every screen that links to it. The page itself is the {@code modelpage} feature;
 * linking by path keeps the other features independent of it. A tab or a platform's cell is one more segment after
 * the model's name ({@code models/bert-base-uncased/performance}, {@code models/bert-base-uncased/cuda}).
 */
public final class ModelPages {

    /** The route template of the model page: a model's name may contain slashes. */
    public static final String ROUTE = "models/:name*";

    /** The model page's tabs, in the order the page shows them, each with the path segment that opens it. */
    public enum Tab implements Keyed {
        PLATFORMS("platforms"),
        RECOMMENDATIONS("recommendations"),
        PERFORMANCE("performance"),
        HISTORY("history"),
        TIMELINE("timeline"),
        VALIDATION("validation"),
        PREDICTIONS("predictions"),
        REPORTS("reports");

        private final String key;

        Tab(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        public static Optional<Tab> fromKey(String key) {
            return Keyed.fromKey(Tab.class, key);
        }
    }

    private ModelPages() {}

    public static String path(String modelName) {
        return "models/" + modelName;
    }

    /** The page opened at a tab; the first tab (Platforms) is the page's own path. */
    public static String path(String modelName, Tab tab) {
        return tab == Tab.PLATFORMS ? path(modelName) : path(modelName) + "/" + tab.key();
    }

    /** The page with one platform's cell opened: its claim, evidence, reviews and history. */
    public static String cellPath(String modelName, Platform platform) {
        return path(modelName) + "/" + platform.key();
    }

    public static void open(String modelName) {
        UI.getCurrent().navigate(path(modelName));
    }
}
