package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.base.api.ApiRequestException;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.history.HistoryService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistoryRow;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/models/{name}} and {@code GET /api/v1/models/{name}/history}. Model names may contain "/"
 * (e.g. {@code openai/whisper-tiny}), so the name is the rest of the path, which Spring's path matching hands over
 * decoded: the one place a name is decoded ({@code %C3%BC} is "ü", {@code +} a plus sign, {@code %20} a space).
 */
@RestController
public class ModelApiController {

    private static final String HISTORY = "/history";

    private final CompatibilityService compatibility;
    private final HistoryService history;

    public ModelApiController(CompatibilityService compatibility, HistoryService history) {
        this.compatibility = compatibility;
        this.history = history;
    }

    /** {@code path} is the decoded rest of the path, with its leading "/" (empty for {@code /api/v1/models}). */
    @GetMapping("/api/v1/models/{*path}")
    public Object model(@PathVariable String path, HttpServletRequest request) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (rest.isEmpty()) {
            throw ApiRequestException.notFound("Give a model's name: /api/v1/models/{name} or /api/v1/models/{name}/history");
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

    private ApiPaging.Page<HistoryRow> history(String name, HttpServletRequest request) {
        if (!history.modelExists(name)) {
            throw ApiRequestException.notFound("No model named '" + name + "'");
        }
        ApiQuery query = ApiQuery.of(request, ApiPaging.NAMES);
        ApiPaging paging = query.paging();
        query.refuseIfAnyProblem();
        HistoryFilter filter = HistoryFilter.NONE.withModel(name);
        return new ApiPaging.Page<>(history.count(filter), paging.offset(), paging.limit(),
                history.changes(filter, paging.offset(), paging.limit()));
    }
}
