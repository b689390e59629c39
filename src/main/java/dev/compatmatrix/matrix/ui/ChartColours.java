package dev.compatmatrix.matrix.ui;

import dev.compatmatrix.matrix.CompatibilityLevel;
import java.util.List;

/** Chart colours that match the matrix's level and validation colours (styles/app.css). */
public final class ChartColours {

    /** Validated, partially validated, unvalidated, not tested. */
    public static final List<String> VALIDATION = List.of("#2e8b57", "#4a7fd0", "#e0a030", "#b6bec7");

    /** One per platform, in {@link dev.compatmatrix.matrix.Platform} order. */
    public static final List<String> PLATFORMS =
            List.of("#5c6670", "#76b900", "#ed1c24", "#8e8e93", "#0068b5", "#3253dc", "#9c27b0", "#00897b");

    private ChartColours() {}

    public static String level(CompatibilityLevel level) {
        return switch (level) {
            case HIGH -> "#2e8b57";
            case MEDIUM -> "#4a7fd0";
            case LOW -> "#e0a030";
            case UNSUPPORTED -> "#d0453e";
        };
    }
}
