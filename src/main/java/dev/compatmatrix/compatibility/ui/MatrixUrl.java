package dev.compatmatrix.compatibility.ui;

import static dev.compatmatrix.base.ui.UrlParams.first;
import static dev.compatmatrix.base.ui.UrlParams.read;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matrix's filters and sort as URL query parameters, so a view can be reloaded and shared:
 * {@code q, family, type, size, platform=cuda:supported (repeatable), validation, minScore, sort=-score}.
 * A value that cannot be read is dropped with a warning instead of failing the page.
 */
public final class MatrixUrl {

    private MatrixUrl() {
    }

    public record Parsed(MatrixFilter filter, MatrixSort sort, List<String> warnings) {
    }

    public static Parsed parse(QueryParameters query) {
        Map<String, List<String>> params = query.getParameters();
        List<String> warnings = new ArrayList<>();
        String text = first(params, "q");
        String family = first(params, "family");
        ModelType type = read(params, "type", ModelType::fromKey, warnings);
        ModelSize size = read(params, "size", ModelSize::fromKey, warnings);
        ValidationStatus validation = read(params, "validation", ValidationStatus::fromKey, warnings);
        Double minScore = read(params, "minScore", MatrixUrl::score, warnings);

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

    public static QueryParameters toQuery(MatrixFilter filter, MatrixSort sort) {
        return new QueryParameters(MatrixParameters.of(filter, sort));
    }

    private static Optional<Double> score(String value) {
        try {
            double score = Double.parseDouble(value);
            return score >= 0 && score <= 1 ? Optional.of(score) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
