package dev.compatmatrix.base;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reading and writing single-valued URL query parameters; a screen's URL class turns them into its filter. */
public final class UrlParams {

    private UrlParams() {}

    /** The first non-blank value of a parameter, or null. */
    public static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    /** A parsed parameter, or null when absent; an unreadable value adds "name=value" to the warnings. */
    public static <T> T read(
            Map<String, List<String>> params,
            String name,
            Function<String, Optional<T>> parser,
            List<String> warnings) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        Optional<T> parsed = parser.apply(value);
        if (parsed.isEmpty()) {
            warnings.add(name + "=" + (value.length() > 60 ? value.substring(0, 60) + "…" : value));
        }
        return parsed.orElse(null);
    }

    /** Puts a parameter when its value is not null. */
    public static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null) {
            params.put(name, List.of(value));
        }
    }
}
