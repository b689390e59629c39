package dev.compatmatrix.prediction.query;

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
 * The "What to test next" screen's URL and the test-next API's filter: {@code platform, family, type}. A value that
 * cannot be read is dropped with a warning ("platform=tpu"): the screen names it and shows the unfiltered list, the
 * API refuses the request with it.
 */
public final class TestNextParameters {

    public static final String PLATFORM = "platform";
    public static final String FAMILY = "family";
    public static final String TYPE = "type";
    public static final List<String> NAMES = List.of(PLATFORM, FAMILY, TYPE);
    /** Longer texts are not families anyone types. */
    static final int MAX_TEXT = 200;

    private TestNextParameters() {}

    public record Parsed(TestNextFilter filter, List<String> warnings) {}

    public static Parsed parse(Map<String, List<String>> params) {
        List<String> warnings = new ArrayList<>();
        Platform platform = read(params, PLATFORM, Platform::fromKey, warnings);
        String family = read(
                params, FAMILY, value -> value.length() <= MAX_TEXT ? Optional.of(value) : Optional.empty(), warnings);
        ModelType type = read(params, TYPE, ModelType::fromKey, warnings);
        return new Parsed(new TestNextFilter(platform, family, type), warnings);
    }

    /** The filter as parameters; only what narrows it is present. */
    public static Map<String, List<String>> of(TestNextFilter filter) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(
                params,
                PLATFORM,
                filter.platform() == null ? null : filter.platform().key());
        put(params, FAMILY, filter.family());
        put(params, TYPE, filter.type() == null ? null : filter.type().key());
        return params;
    }
}
