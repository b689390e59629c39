package dev.compatmatrix.history.ui;

import static dev.compatmatrix.base.UrlParams.put;
import static dev.compatmatrix.base.UrlParams.read;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The history screen's filters as URL query parameters: {@code model, platform, from, to (yyyy-mm-dd), version}.
 * A value that cannot be used is dropped with a warning instead of failing the page.
 */
public final class HistoryUrl {

    /** Longer texts are not names or versions anyone types; they are refused rather than searched. */
    static final int MAX_TEXT = 200;

    private HistoryUrl() {}

    public record Parsed(HistoryFilter filter, List<String> warnings) {}

    /** @param modelExists tells whether a model name is known */
    public static Parsed parse(QueryParameters query, Predicate<String> modelExists) {
        Map<String, List<String>> params = query.getParameters();
        List<String> warnings = new ArrayList<>();
        String model = read(params, "model", text(), warnings);
        if (model != null && !modelExists.test(model)) {
            warnings.add("model=" + model + " (no such model)");
            model = null;
        }
        Platform platform = read(params, "platform", Platform::fromKey, warnings);
        LocalDate from = read(params, "from", HistoryUrl::day, warnings);
        LocalDate to = read(params, "to", HistoryUrl::day, warnings);
        if (from != null && to != null && from.isAfter(to)) {
            warnings.add("from=" + from + " and to=" + to + " (the range starts after it ends)");
            from = null;
            to = null;
        }
        String version = read(params, "version", text(), warnings);
        return new Parsed(new HistoryFilter(model, platform, from, to, version), warnings);
    }

    public static QueryParameters toQuery(HistoryFilter filter) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "model", filter.model());
        put(
                params,
                "platform",
                filter.platform() == null ? null : filter.platform().key());
        put(params, "from", filter.from() == null ? null : filter.from().toString());
        put(params, "to", filter.to() == null ? null : filter.to().toString());
        put(params, "version", filter.version());
        return new QueryParameters(params);
    }

    private static java.util.function.Function<String, Optional<String>> text() {
        return value -> value.length() <= MAX_TEXT ? Optional.of(value) : Optional.empty();
    }

    private static Optional<LocalDate> day(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
