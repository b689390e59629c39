package dev.compatmatrix.prediction.api;

import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.base.api.ApiRequestException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.PredictionLookupService;
import dev.compatmatrix.prediction.ShownPrediction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/predictions?model=…&platform=…}: the shown predictions (adopted run, platform beats the baseline,
 * cell still untested) of one model, or a page of all of them; each with its platform's evaluation beside the
 * baseline's. An unknown platform is a 400 naming it, an unknown model a 404.
 */
@RestController
public class PredictionsApiController {

    static final String MODEL = "model";
    static final String PLATFORM = "platform";

    private static final List<String> ACCEPTED =
            Stream.concat(ApiPaging.NAMES.stream(), Stream.of(MODEL, PLATFORM)).collect(Collectors.toList());

    private final PredictionLookupService predictions;

    public PredictionsApiController(PredictionLookupService predictions) {
        this.predictions = predictions;
    }

    @ApiDocs.Paged
    @Operation(
            summary = "Shown predictions for untested cells (never claims), with each platform's evaluation beside the "
                    + "baseline: one model's, or a page of all")
    @ApiResponse(
            responseCode = "200",
            description = "The shown predictions (with model: all of that model's, offset and limit do not apply)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiPredictions.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No model of this name",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping("/api/v1/predictions")
    public ApiPredictions shownPredictions(HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(request, ACCEPTED);
        ApiPaging paging = query.paging();
        List<String> unknown = new ArrayList<>();
        Platform platform = UrlParams.read(query.parameters(), PLATFORM, Platform::fromKey, unknown);
        query.addProblems(unknown.stream()
                .map(given -> given + " (unknown platform; one of "
                        + Stream.of(Platform.values()).map(Platform::key).collect(Collectors.joining(", ")) + ")")
                .toList());
        query.refuseIfAnyProblem();
        String model = UrlParams.first(query.parameters(), MODEL);
        if (model != null) {
            List<ShownPrediction> shown = predictions
                    .predictionsOf(model, platform)
                    .orElseThrow(() -> ApiRequestException.notFound("No model named '" + model + "'"));
            return new ApiPredictions(shown.size(), 0, shown.size(), items(shown));
        }
        return new ApiPredictions(
                predictions.shownCount(platform),
                paging.offset(),
                paging.limit(),
                items(predictions.shownPage(platform, paging.offset(), paging.limit())));
    }

    private static List<ApiPredictions.ApiShownPrediction> items(List<ShownPrediction> shown) {
        return shown.stream().map(ApiPredictions.ApiShownPrediction::of).toList();
    }
}
