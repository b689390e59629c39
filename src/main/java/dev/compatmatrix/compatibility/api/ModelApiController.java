package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.base.api.ApiRequestException;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.history.HistoryService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistoryRow;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/models/{name}} and {@code GET /api/v1/models/{name}/history}. Model names may contain
 * "/" (e.g. {@code openai/whisper-tiny}), so the name is the rest of the path.
 */
@RestController
public class ModelApiController {

    private static final String PREFIX = "/api/v1/models/";
    private static final String HISTORY = "/history";

    private final CompatibilityService compatibility;
    private final HistoryService history;

    public ModelApiController(CompatibilityService compatibility, HistoryService history) {
        this.compatibility = compatibility;
        this.history = history;
    }

    @GetMapping("/api/v1/models/**")
    public Object model(HttpServletRequest request) {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        var model = compatibility.modelOverview(rest);
        if (model.isPresent()) {
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
        List<String> problems = new ArrayList<>();
        ApiPaging paging = ApiPaging.read(ApiQuery.parameters(request), problems);
        if (!problems.isEmpty()) {
            throw ApiRequestException.badParameters(problems);
        }
        HistoryFilter filter = HistoryFilter.NONE.withModel(name);
        return new ApiPaging.Page<>(history.count(filter), paging.offset(), paging.limit(),
                history.changes(filter, paging.offset(), paging.limit()));
    }
}
