package dev.compatmatrix.modelpage.api;

import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.base.api.ApiRequestException;
import dev.compatmatrix.history.HistoryService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.modelpage.ModelPageService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/models/{name}} and {@code GET /api/v1/models/{name}/history}. Model names may contain "/"
 * (e.g. {@code openai/whisper-tiny}), so a name is the rest of the path, which Spring's path matching hands over
 * decoded: the one place a name is decoded ({@code %C3%BC} is "ü", {@code +} a plus sign, {@code %20} a space).
 * The two documented mappings and the catch-all for names with "/" all resolve the same way.
 */
@RestController
public class ModelApiController {

    private static final String HISTORY = "/history";
    private static final String NAME = "The model's name, e.g. llama-7b. A name with '/' is sent with its slashes as "
            + "they are (/api/v1/models/openai/whisper-tiny); other characters percent-encoded as UTF-8.";

    private final ModelPageService compatibility;
    private final HistoryService history;

    public ModelApiController(ModelPageService compatibility, HistoryService history) {
        this.compatibility = compatibility;
        this.history = history;
    }

    @Operation(summary = "One model: its header, a claim per platform (null = not tested), recommendations")
    @ApiResponse(
            responseCode = "200",
            description = "The model",
            content = @Content(schema = @Schema(implementation = ApiModel.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No model of this name",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping("/api/v1/models/{name}")
    public Object model(
            @Parameter(description = NAME, example = "llama-7b") @PathVariable String name,
            HttpServletRequest request) {
        return resolve(name, request);
    }

    @Operation(summary = "One model's level changes, newest first, paged")
    @ApiResponse(
            responseCode = "200",
            description = "A page of history rows",
            content = @Content(schema = @Schema(implementation = HistoryPage.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No model of this name",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiDocs.Paged
    @GetMapping("/api/v1/models/{name}/history")
    public Object modelHistory(
            @Parameter(description = NAME, example = "llama-7b") @PathVariable String name,
            HttpServletRequest request) {
        return resolve(name + HISTORY, request);
    }

    /** Names with "/": {@code path} is the decoded rest of the path with its leading "/" ("" for /api/v1/models). */
    @Hidden
    @GetMapping("/api/v1/models/{*path}")
    public Object byPath(@PathVariable String path, HttpServletRequest request) {
        return resolve(path.startsWith("/") ? path.substring(1) : path, request);
    }

    /** A model named {@code rest}, else the history of the model {@code rest} names before "/history". */
    private Object resolve(String rest, HttpServletRequest request) {
        if (rest.isEmpty()) {
            throw ApiRequestException.notFound(
                    "Give a model's name: /api/v1/models/{name} or /api/v1/models/{name}/history");
        }
        var model = compatibility.modelOverview(rest);
        if (model.isPresent()) {
            ApiQuery.of(request, List.of()).refuseIfAnyProblem();
            return ApiModel.of(model.get());
        }
        if (rest.endsWith(HISTORY)) {
            return history(rest.substring(0, rest.length() - HISTORY.length()), request);
        }
        throw ApiRequestException.notFound("No model named '" + rest + "'");
    }

    private HistoryPage history(String name, HttpServletRequest request) {
        if (!history.modelExists(name)) {
            throw ApiRequestException.notFound("No model named '" + name + "'");
        }
        ApiQuery query = ApiQuery.of(request, ApiPaging.NAMES);
        ApiPaging paging = query.paging();
        query.refuseIfAnyProblem();
        HistoryFilter filter = HistoryFilter.NONE.withModel(name);
        return new HistoryPage(
                history.count(filter),
                paging.offset(),
                paging.limit(),
                history.changes(filter, paging.offset(), paging.limit()).stream()
                        .map(ApiHistoryRow::of)
                        .toList());
    }

    /** A page of history rows (named for the OpenAPI document, which cannot name a generic page). */
    public record HistoryPage(long total, int offset, int limit, List<ApiHistoryRow> items) {}
}
