package dev.compatmatrix.recommendation.ui;

import static dev.compatmatrix.base.ui.UrlParams.put;
import static dev.compatmatrix.base.ui.UrlParams.read;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.recommendation.query.FilterOptions;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The recommendations screen's filters and sort as URL query parameters:
 * {@code task=text_generation&batch=8&model=t5&sort=-ratio}. A value that cannot be used is dropped with a
 * warning instead of failing the page.
 */
public final class RecommendationsUrl {

    /** Longer texts are not model names anyone types; they are refused rather than searched. */
    static final int MAX_MODEL_TEXT = 200;
    /** Task types are stored as lower-case words joined by underscores. */
    private static final Pattern TASK = Pattern.compile("[a-z0-9_]{1,64}");

    private RecommendationsUrl() {
    }

    public record Parsed(RecommendationFilter filter, RecommendationSort sort, List<String> warnings) {
    }

    /** @param options the task types and batch sizes that occur; other values would only show an empty screen */
    public static Parsed parse(QueryParameters query, FilterOptions options) {
        Map<String, List<String>> params = query.getParameters();
        List<String> warnings = new ArrayList<>();
        String task = read(params, "task", value -> TASK.matcher(value).matches() ? Optional.of(value) : Optional.empty(),
                warnings);
        if (task != null && !options.taskTypes().contains(task)) {
            warnings.add("task=" + task + " (no recommendations for this task)");
            task = null;
        }
        Integer batch = read(params, "batch", RecommendationsUrl::batchSize, warnings);
        if (batch != null && !options.batchSizes().contains(batch)) {
            warnings.add("batch=" + batch + " (no recommendations at this batch size)");
            batch = null;
        }
        String model = read(params, "model",
                value -> value.length() <= MAX_MODEL_TEXT ? Optional.of(value) : Optional.empty(), warnings);
        RecommendationSort sort = read(params, "sort", RecommendationSort::fromKey, warnings);
        return new Parsed(new RecommendationFilter(task, batch, model),
                sort == null ? RecommendationSort.BY_MODEL : sort, warnings);
    }

    public static QueryParameters toQuery(RecommendationFilter filter, RecommendationSort sort) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "task", filter.taskType());
        put(params, "batch", filter.batchSize() == null ? null : filter.batchSize().toString());
        put(params, "model", filter.modelText());
        put(params, "sort", sort.equals(RecommendationSort.BY_MODEL) ? null : sort.toKey());
        return new QueryParameters(params);
    }

    private static Optional<Integer> batchSize(String value) {
        try {
            int batch = Integer.parseInt(value);
            return batch > 0 ? Optional.of(batch) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
