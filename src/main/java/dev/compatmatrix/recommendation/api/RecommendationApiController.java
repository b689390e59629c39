package dev.compatmatrix.recommendation.api;

import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.recommendation.RecommendationService;
import dev.compatmatrix.recommendation.query.RecommendationParameters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/recommendations}: the seed's "hardware recommendations for a task" with the
 * Recommendations screen's filters (task, batch, model text, sort) plus offset/limit.
 */
@RestController
public class RecommendationApiController {

    private static final List<String> ACCEPTED = Stream.concat(
                    Stream.of("task", "batch", "model", "sort"), ApiPaging.NAMES.stream())
            .toList();

    private final RecommendationService recommendations;

    public RecommendationApiController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @ApiDocs.Paged
    @Operation(
            summary =
                    "Hardware recommendations per task and batch size, filtered like the Recommendations screen, paged")
    @GetMapping("/api/v1/recommendations")
    public ApiPaging.Page<ApiRecommendationRow> recommendations(HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(request, ACCEPTED);
        ApiPaging paging = query.paging();
        var parsed = RecommendationParameters.parse(query.parameters(), recommendations.filterOptions());
        query.addProblems(parsed.warnings());
        query.refuseIfAnyProblem();
        return new ApiPaging.Page<>(
                recommendations.count(parsed.filter()),
                paging.offset(),
                paging.limit(),
                recommendations.page(parsed.filter(), parsed.sort(), paging.offset(), paging.limit()).stream()
                        .map(ApiRecommendationRow::of)
                        .toList());
    }
}
