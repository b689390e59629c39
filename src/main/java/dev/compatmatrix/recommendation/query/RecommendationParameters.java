package dev.compatmatrix.recommendation.query;

import static dev.compatmatrix.base.UrlParams.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The recommendations' filters and sort as named parameters, as the screen's URL and the API read them:
 * {@code task=text_generation&batch=8&model=t5&sort=-ratio}. A value that cannot be used is dropped with a
 * warning: the screen shows it and carries on, the API refuses the request with it.
 */
public final class RecommendationParameters {

    /** Longer texts are not model names anyone types; they are refused rather than searched. */
    public static final int MAX_MODEL_TEXT = 200;
    /** Task types are stored as lower-case words joined by underscores. */
    private static final Pattern TASK = Pattern.compile("[a-z0-9_]{1,64}");

    private RecommendationParameters() {}

    public record Parsed(RecommendationFilter filter, RecommendationSort sort, List<String> warnings) {}

    /** @param options the task types and batch sizes that occur; other values would only show an empty screen */
    public static Parsed parse(Map<String, List<String>> params, FilterOptions options) {
        List<String> warnings = new ArrayList<>();
        String task = read(
                params,
                "task",
                value -> TASK.matcher(value).matches() ? Optional.of(value) : Optional.empty(),
                warnings);
        if (task != null && !options.taskTypes().contains(task)) {
            warnings.add("task=" + task + " (no recommendations for this task)");
            task = null;
        }
        Integer batch = read(params, "batch", RecommendationParameters::batchSize, warnings);
        if (batch != null && !options.batchSizes().contains(batch)) {
            warnings.add("batch=" + batch + " (no recommendations at this batch size)");
            batch = null;
        }
        String model = read(
                params,
                "model",
                value -> value.length() <= MAX_MODEL_TEXT ? Optional.of(value) : Optional.empty(),
                warnings);
        RecommendationSort sort = read(params, "sort", RecommendationSort::fromKey, warnings);
        return new Parsed(
                new RecommendationFilter(task, batch, model),
                sort == null ? RecommendationSort.BY_MODEL : sort,
                warnings);
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
