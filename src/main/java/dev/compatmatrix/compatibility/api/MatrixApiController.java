package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/matrix}: the matrix screen's filters and sort as query parameters (the same names as the
 * screen's URL: q, family, type, size, platform=cuda:supported, validation, minScore, sort) plus offset/limit.
 */
@RestController
public class MatrixApiController {

    private static final Set<String> ACCEPTED = Stream.concat(ApiPaging.NAMES.stream(), MatrixParameters.NAMES.stream())
            .collect(Collectors.toSet());

    private final CompatibilityService compatibility;

    public MatrixApiController(CompatibilityService compatibility) {
        this.compatibility = compatibility;
    }

    @ApiDocs.Paged
    @Operation(summary = "The matrix, filtered and sorted like the matrix screen, paged")
    @GetMapping("/api/v1/matrix")
    public ApiPaging.Page<ApiMatrixRow> matrix(HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(request, ACCEPTED);
        ApiPaging paging = query.paging();
        MatrixParameters.Parsed parsed = MatrixParameters.parse(query.parameters());
        query.addProblems(parsed.warnings());
        query.refuseIfAnyProblem();
        long total = compatibility.matrixCount(parsed.filter());
        List<ApiMatrixRow> rows =
                compatibility.matrixPage(parsed.filter(), parsed.sort(), paging.offset(), paging.limit()).stream()
                        .map(ApiMatrixRow::of)
                        .toList();
        return new ApiPaging.Page<>(total, paging.offset(), paging.limit(), rows);
    }
}
