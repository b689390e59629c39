package dev.compatmatrix.compatibility.query;

import static dev.compatmatrix.base.ui.UrlParams.put;

import dev.compatmatrix.base.Keyed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A matrix filter and sort as named parameters, the names and values the matrix URL and the API use
 * ({@code q, family, type, size, platform=cuda:supported, validation, minScore, sort=-score}); only what
 * restricts or changes the order is present.
 */
public final class MatrixParameters {

    /** Every parameter name a matrix view has. */
    public static final Set<String> NAMES = Set.of("q", "family", "type", "size", "platform", "validation", "minScore",
            "sort");

    private MatrixParameters() {
    }

    public static Map<String, List<String>> of(MatrixFilter filter, MatrixSort sort) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "q", filter.text());
        put(params, "family", filter.family());
        put(params, "type", key(filter.type()));
        put(params, "size", key(filter.size()));
        if (!filter.platforms().isEmpty()) {
            params.put("platform", filter.platforms().entrySet().stream()
                    .map(e -> e.getKey().key() + ":" + e.getValue().key()).toList());
        }
        put(params, "validation", key(filter.validation()));
        put(params, "minScore", filter.minScore() == null ? null : filter.minScore().toString());
        if (!sort.equals(MatrixSort.BY_NAME)) {
            put(params, "sort", sortValue(sort));
        }
        return params;
    }

    /** The sort as the URL writes it: the column key, with a leading "-" when descending. */
    public static String sortValue(MatrixSort sort) {
        return (sort.descending() ? "-" : "") + sort.key();
    }

    /** "name=value" pairs joined by commas, for people; "none" without any. */
    public static String describe(MatrixFilter filter, MatrixSort sort) {
        List<String> pairs = of(filter, sort).entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(value -> e.getKey() + "=" + value)).toList();
        return pairs.isEmpty() ? "none" : String.join(", ", pairs);
    }

    private static String key(Keyed value) {
        return value == null ? null : value.key();
    }
}
