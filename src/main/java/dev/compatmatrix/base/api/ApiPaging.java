package dev.compatmatrix.base.api;

import java.util.List;
import java.util.Map;

/**
 * Offset/limit paging of the read API: {@code offset} 0–{@link #MAX_OFFSET}, {@code limit} 1–500 (default 50). The
 * offset's bound keeps {@code offset + limit} a valid int, so no query's arithmetic overflows.
 */
public record ApiPaging(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFSET = Integer.MAX_VALUE - MAX_LIMIT;

    /** Reads offset and limit; an unusable value is added to {@code problems}. */
    static ApiPaging read(Map<String, List<String>> params, List<String> problems) {
        int offset = number(params, "offset", 0, 0, MAX_OFFSET, problems);
        int limit = number(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        return new ApiPaging(offset, limit);
    }

    private static int number(
            Map<String, List<String>> params, String name, int fallback, int min, int max, List<String> problems) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.getFirst().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + "=" + values.getFirst() + " (a whole number from " + min + " to " + max + ")");
        return fallback;
    }

    /** The paging parameters' names. */
    public static final List<String> NAMES = List.of("offset", "limit");

    /** A page of items with the total count of the filtered set. */
    public record Page<T>(long total, int offset, int limit, List<T> items) {}
}
