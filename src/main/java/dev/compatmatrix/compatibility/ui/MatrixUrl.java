package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixSort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix's filters and sort as URL query parameters ({@link MatrixParameters}), and the point in time it shows
 * ({@code asOf}), so a view can be reloaded and shared, and whether predictions are shown ({@code predictions=on}; off
 * when absent). A value that cannot be read is dropped with a warning instead of failing the page.
 */
public final class MatrixUrl {

    /** {@code predictions=on}: untested cells show their shown prediction. */
    public static final String PREDICTIONS = "predictions";

    private MatrixUrl() {}

    public static MatrixParameters.Parsed parse(QueryParameters query) {
        return MatrixParameters.parse(query.getParameters());
    }

    public static QueryParameters toQuery(MatrixFilter filter, MatrixSort sort) {
        return toQuery(filter, sort, null);
    }

    /** The filters and sort, and {@code asOf} (a date or a snapshot's name; null: now) last. */
    public static QueryParameters toQuery(MatrixFilter filter, MatrixSort sort, String asOf) {
        return toQuery(filter, sort, asOf, false);
    }

    /** As {@link #toQuery(MatrixFilter, MatrixSort, String)}, with {@code predictions=on} when they are shown. */
    public static QueryParameters toQuery(MatrixFilter filter, MatrixSort sort, String asOf, boolean predictions) {
        Map<String, List<String>> params = new LinkedHashMap<>(MatrixParameters.of(filter, sort));
        if (asOf != null) {
            params.put(CompatibilityService.AS_OF, List.of(asOf));
        }
        if (predictions) {
            params.put(PREDICTIONS, List.of("on"));
        }
        return new QueryParameters(params);
    }

    /**
     * Whether the URL asks for predictions: {@code on} yes; absent or {@code off} no; anything else no, with a
     * warning added to {@code warnings}.
     */
    public static boolean predictions(QueryParameters query, List<String> warnings) {
        String value = UrlParams.first(query.getParameters(), PREDICTIONS);
        if (value == null || value.equals("off")) {
            return false;
        }
        if (!value.equals("on")) {
            warnings.add(PREDICTIONS + "=" + value + " (expected on or off)");
        }
        return value.equals("on");
    }

    /** The point in time the URL asks for, as given (null: now). */
    public static String asOf(QueryParameters query) {
        return UrlParams.first(query.getParameters(), CompatibilityService.AS_OF);
    }
}
