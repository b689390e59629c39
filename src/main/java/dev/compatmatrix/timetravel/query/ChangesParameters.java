package dev.compatmatrix.timetravel.query;

import static dev.compatmatrix.base.UrlParams.first;
import static dev.compatmatrix.base.UrlParams.put;
import static dev.compatmatrix.base.UrlParams.read;

import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changes screen's URL and the changes API's parameters: {@code from, to} (a day YYYY-MM-DD or a snapshot's
 * name) and the filter {@code platform, family, type, kind}. A filter value that cannot be read is dropped with a
 * warning: the screen shows it and carries on, the API refuses the request with it.
 */
public final class ChangesParameters {

    public static final String FROM = "from";
    public static final String TO = "to";
    /** The filter's parameter names. */
    public static final List<String> FILTER_NAMES = List.of("platform", "family", "type", "kind");
    /** Longer texts are not families anyone types. */
    static final int MAX_TEXT = 200;

    private ChangesParameters() {}

    public record Parsed(ChangesFilter filter, List<String> warnings) {}

    public static Parsed parse(Map<String, List<String>> params) {
        List<String> warnings = new ArrayList<>();
        Platform platform = read(params, "platform", Platform::fromKey, warnings);
        String family = read(
                params,
                "family",
                value -> value.length() <= MAX_TEXT ? Optional.of(value) : Optional.empty(),
                warnings);
        ModelType type = read(params, "type", ModelType::fromKey, warnings);
        CellChangeKind kind = read(params, "kind", CellChangeKind::fromKey, warnings);
        return new Parsed(new ChangesFilter(platform, family, type, kind), warnings);
    }

    /** The texts of {@code from} and {@code to} as given (null when absent). */
    public static String from(Map<String, List<String>> params) {
        return first(params, FROM);
    }

    public static String to(Map<String, List<String>> params) {
        return first(params, TO);
    }

    /** The range's texts and the filter as parameters; only what narrows the filter is present. */
    public static Map<String, List<String>> of(String from, String to, ChangesFilter filter) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, FROM, from);
        put(params, TO, to);
        put(
                params,
                "platform",
                filter.platform() == null ? null : filter.platform().key());
        put(params, "family", filter.family());
        put(params, "type", filter.type() == null ? null : filter.type().key());
        put(params, "kind", filter.kind() == null ? null : filter.kind().key());
        return params;
    }
}
