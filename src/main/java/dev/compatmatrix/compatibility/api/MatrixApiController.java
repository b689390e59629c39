package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.base.api.ApiRequestException;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.ui.MatrixUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.vaadin.flow.router.QueryParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/matrix}: the matrix screen's filters and sort as query parameters (the same names as the
 * screen's URL: q, family, type, size, platform=cuda:supported, validation, minScore, sort) plus offset/limit.
 */
@RestController
public class MatrixApiController {

    private static final java.util.Set<String> KNOWN = java.util.stream.Stream.concat(ApiPaging.NAMES.stream(),
            dev.compatmatrix.compatibility.query.MatrixParameters.NAMES.stream()).collect(Collectors.toSet());

    private final CompatibilityService compatibility;

    public MatrixApiController(CompatibilityService compatibility) {
        this.compatibility = compatibility;
    }

    @GetMapping("/api/v1/matrix")
    public ApiPaging.Page<ApiMatrixRow> matrix(HttpServletRequest request) {
        Map<String, List<String>> params = ApiQuery.parameters(request);
        List<String> problems = new ArrayList<>();
        ApiPaging paging = ApiPaging.read(params, problems);
        ApiPaging.refuseUnknown(params, KNOWN, problems);
        MatrixUrl.Parsed parsed = MatrixUrl.parse(new QueryParameters(params));
        problems.addAll(parsed.warnings());
        if (!problems.isEmpty()) {
            throw ApiRequestException.badParameters(problems);
        }
        long total = compatibility.matrixCount(parsed.filter());
        List<ApiMatrixRow> rows = compatibility.matrixPage(parsed.filter(), parsed.sort(), paging.offset(), paging.limit())
                .stream().map(ApiMatrixRow::of).toList();
        return new ApiPaging.Page<>(total, paging.offset(), paging.limit(), rows);
    }
}
