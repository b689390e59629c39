package dev.compatmatrix.compare.api;

import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.base.api.ApiRequestException;
import dev.compatmatrix.compare.CompareService;
import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.matrix.ModelSelection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/compare?models=a,b,c}: 2 to 6 models side by side, as the compare screen shows them. Too few or
 * too many is a 400; a name no model has is a 404 naming it.
 */
@RestController
public class CompareApiController {

    private final CompareService service;

    public CompareApiController(CompareService service) {
        this.service = service;
    }

    @Operation(summary = "2 to 6 models side by side: per platform each model's claim, marks and measured figures")
    @ApiResponse(
            responseCode = "200",
            description = "The comparison",
            content = @Content(schema = @Schema(implementation = ApiComparison.class)))
    @ApiResponse(
            responseCode = "404",
            description = "A model of the list does not exist",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping("/api/v1/compare")
    public ApiComparison compare(
            @Parameter(
                            required = true,
                            description = "2 to 6 model names, comma-separated (a name may hold a slash)",
                            example = "bert-base-uncased,roberta-base")
                    @RequestParam(name = ModelSelection.PARAMETER, required = false)
                    List<String> models,
            HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(request, List.of(ModelSelection.PARAMETER));
        ModelSelection selection =
                ModelSelection.parse(models == null ? null : String.join(ModelSelection.SEPARATOR, models));
        selection
                .countProblem()
                .ifPresent(problem -> query.addProblems(List.of(ModelSelection.PARAMETER + " (" + problem + ")")));
        query.refuseIfAnyProblem();
        Comparison comparison = service.comparison(selection);
        if (!comparison.unknown().isEmpty()) {
            throw ApiRequestException.notFound(comparison.unknown().stream()
                    .map(name -> "'" + name + "'")
                    .collect(Collectors.joining(", ", "No model named ", "")));
        }
        return ApiComparison.of(comparison);
    }
}
