package dev.compatmatrix.compatibility.query;

import static dev.compatmatrix.base.UrlParams.first;
import static dev.compatmatrix.base.UrlParams.put;
import static dev.compatmatrix.base.UrlParams.read;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A matrix filter and sort as named parameters, the names and values the matrix URL and the API use
 * ({@code q, family, type, size, platform=cuda:supported (repeatable), validation, minScore, sort=-score}); only
 * what restricts or changes the order is present. Reading them, a value that cannot be read is dropped with a
 * warning: the screen shows it and carries on, the API refuses the request with it.
 */
public final class MatrixParameters {

    /** Every parameter name a matrix view has. */
    public static final Set<String> NAMES =
            Set.of("q", "family", "type", "size", "platform", "validation", "minScore", "sort");

    private MatrixParameters() {}

    public record Parsed(MatrixFilter filter, MatrixSort sort, List<String> warnings) {}

    public static Parsed parse(Map<String, List<String>> params) {
        List<String> warnings = new ArrayList<>();
        String text = first(params, "q");
        String family = first(params, "family");
        ModelType type = read(params, "type", ModelType::fromKey, warnings);
        ModelSize size = read(params, "size", ModelSize::fromKey, warnings);
        ValidationStatus validation = read(params, "validation", ValidationStatus::fromKey, warnings);
        Double minScore = read(params, "minScore", MatrixParameters::score, warnings);

        Map<Platform, PlatformState> platforms = new EnumMap<>(Platform.class);
        for (String value : params.getOrDefault("platform", List.of())) {
            String[] parts = value.split(":", 2);
            Optional<Platform> platform = Platform.fromKey(parts[0]);
            Optional<PlatformState> state = parts.length == 2 ? PlatformState.fromKey(parts[1]) : Optional.empty();
            if (platform.isPresent() && state.isPresent()) {
                platforms.put(platform.get(), state.get());
            } else {
                warnings.add("platform=" + value + " (expected platform:state, e.g. cuda:supported)");
            }
        }

        MatrixSort sort = MatrixSort.BY_NAME;
        String sortValue = first(params, "sort");
        if (sortValue != null) {
            boolean descending = sortValue.startsWith("-");
            String key = descending ? sortValue.substring(1) : sortValue;
            if (MatrixSort.isKnown(key)) {
                sort = new MatrixSort(key, descending);
            } else {
                warnings.add("sort=" + sortValue);
            }
        }
        return new Parsed(new MatrixFilter(text, family, type, size, platforms, validation, minScore), sort, warnings);
    }

    public static Map<String, List<String>> of(MatrixFilter filter, MatrixSort sort) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "q", filter.text());
        put(params, "family", filter.family());
        put(params, "type", key(filter.type()));
        put(params, "size", key(filter.size()));
        if (!filter.platforms().isEmpty()) {
            params.put(
                    "platform",
                    filter.platforms().entrySet().stream()
                            .map(e -> e.getKey().key() + ":" + e.getValue().key())
                            .toList());
        }
        put(params, "validation", key(filter.validation()));
        put(
                params,
                "minScore",
                filter.minScore() == null ? null : filter.minScore().toString());
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
                .flatMap(e -> e.getValue().stream().map(value -> e.getKey() + "=" + value))
                .toList();
        return pairs.isEmpty() ? "none" : String.join(", ", pairs);
    }

    private static Optional<Double> score(String value) {
        try {
            double score = Double.parseDouble(value);
            return score >= 0 && score <= 1 ? Optional.of(score) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String key(Keyed value) {
        return value == null ? null : value.key();
    }
}
