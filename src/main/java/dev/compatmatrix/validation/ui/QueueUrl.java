package dev.compatmatrix.validation.ui;

import static dev.compatmatrix.base.UrlParams.first;
import static dev.compatmatrix.base.UrlParams.put;
import static dev.compatmatrix.base.UrlParams.read;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.validation.query.QueueFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue's filters as URL query parameters, so a filtered queue can be bookmarked and shared:
 * {@code q} (part of the model name), {@code level} (1–3), {@code platform}, {@code family}, {@code age} (days),
 * {@code kind=reported} (only claims users' open reports contradict).
 * A value that cannot be read is dropped with a warning instead of failing the page.
 */
public final class QueueUrl {

    /** The value of {@code kind} for the reported claims. */
    static final String REPORTED = "reported";

    private QueueUrl() {}

    public record Parsed(QueueFilter filter, List<String> warnings) {}

    public static Parsed parse(QueryParameters query) {
        Map<String, List<String>> params = query.getParameters();
        List<String> warnings = new ArrayList<>();
        Integer level = read(params, "level", value -> number(value).filter(l -> l >= 1 && l <= 3), warnings);
        Platform platform = read(params, "platform", Platform::fromKey, warnings);
        Integer age = read(params, "age", value -> number(value).filter(days -> days >= 0), warnings);
        Boolean reported = read(
                params,
                "kind",
                value -> REPORTED.equals(value.strip()) ? Optional.of(true) : Optional.empty(),
                warnings);
        return new Parsed(
                new QueueFilter(
                        first(params, "q"),
                        level,
                        platform,
                        first(params, "family"),
                        age,
                        Boolean.TRUE.equals(reported)),
                warnings);
    }

    public static QueryParameters toQuery(QueueFilter filter) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "q", filter.model());
        put(
                params,
                "level",
                filter.requiredLevel() == null ? null : filter.requiredLevel().toString());
        put(
                params,
                "platform",
                filter.platform() == null ? null : filter.platform().key());
        put(params, "family", filter.family());
        put(
                params,
                "age",
                filter.minAgeDays() == null ? null : filter.minAgeDays().toString());
        put(params, "kind", filter.reportedOnly() ? REPORTED : null);
        return new QueryParameters(params);
    }

    private static Optional<Integer> number(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
