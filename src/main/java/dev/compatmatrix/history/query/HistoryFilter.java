package dev.compatmatrix.history.query;

import dev.compatmatrix.matrix.Platform;
import java.time.LocalDate;

/**
 * What the history screen shows; every part is optional (null = any).
 *
 * @param model   one model's exact name
 * @param from    first day included (UTC)
 * @param to      last day included (UTC); never before {@code from}
 * @param version text the change's version contains, ignoring case
 */
public record HistoryFilter(String model, Platform platform, LocalDate from, LocalDate to, String version) {

    public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null);

    public HistoryFilter {
        model = blankToNull(model);
        version = blankToNull(version);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The date range starts after it ends: " + from + " > " + to);
        }
    }

    public HistoryFilter withModel(String newModel) {
        return new HistoryFilter(newModel, platform, from, to, version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
