package dev.compatmatrix.recommendation.ui;

import static dev.compatmatrix.base.UrlParams.put;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.recommendation.query.FilterOptions;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationParameters;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recommendations screen's filters and sort as URL query parameters ({@link RecommendationParameters}). A
 * value that cannot be used is dropped with a warning instead of failing the page.
 */
public final class RecommendationsUrl {

    private RecommendationsUrl() {}

    /** @param options the task types and batch sizes that occur; other values would only show an empty screen */
    public static RecommendationParameters.Parsed parse(QueryParameters query, FilterOptions options) {
        return RecommendationParameters.parse(query.getParameters(), options);
    }

    public static QueryParameters toQuery(RecommendationFilter filter, RecommendationSort sort) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "task", filter.taskType());
        put(
                params,
                "batch",
                filter.batchSize() == null ? null : filter.batchSize().toString());
        put(params, "model", filter.modelText());
        put(params, "sort", sort.equals(RecommendationSort.BY_MODEL) ? null : sort.toKey());
        return new QueryParameters(params);
    }
}
