package dev.compatmatrix.prediction.api;

import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.prediction.PredictionTrainingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/predictions/evaluation} (scope {@code read}): how good the shown predictions are — the adopted
 * training run's cross-validated evaluation overall and per platform, each beside the baseline, with confusion
 * matrices — and the newest runs ({@code runs}, 0 to {@value #MAX_RUNS}, default {@value #DEFAULT_RUNS}).
 */
@RestController
public class PredictionEvaluationController {

    static final int DEFAULT_RUNS = 10;
    static final int MAX_RUNS = 50;

    private final PredictionTrainingService training;

    public PredictionEvaluationController(PredictionTrainingService training) {
        this.training = training;
    }

    @Operation(
            summary = "The adopted training run's evaluation (overall and per platform, beside the baseline) and the "
                    + "newest runs")
    @Parameter(
            name = "runs",
            in = ParameterIn.QUERY,
            description = "How many of the newest runs to list",
            schema =
                    @Schema(type = "integer", minimum = "0", maximum = "" + MAX_RUNS, defaultValue = "" + DEFAULT_RUNS))
    @ApiResponse(
            responseCode = "200",
            description = "The evaluation",
            content = @Content(schema = @Schema(implementation = ApiEvaluation.class)))
    @GetMapping("/api/v1/predictions/evaluation")
    public ApiEvaluation evaluation(HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(request, List.of("runs"));
        int runs = runs(query);
        query.refuseIfAnyProblem();
        return ApiEvaluation.of(training.latestEvaluation(), runs == 0 ? List.of() : training.runs(runs));
    }

    private static int runs(ApiQuery query) {
        List<String> given = query.parameters().get("runs");
        if (given == null || given.isEmpty()) {
            return DEFAULT_RUNS;
        }
        try {
            int value = Integer.parseInt(given.getFirst().strip());
            if (value >= 0 && value <= MAX_RUNS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        query.addProblems(List.of("runs=" + given.getFirst() + " (a whole number from 0 to " + MAX_RUNS + ")"));
        return DEFAULT_RUNS;
    }
}
