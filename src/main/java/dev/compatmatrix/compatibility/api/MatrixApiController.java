package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.time.InvalidPointInTimeException;
import dev.compatmatrix.matrix.time.PointInTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/matrix}: the matrix screen's filters and sort as query parameters (the same names as the
 * screen's URL: q, family, type, size, platform=cuda:supported, validation, minScore, sort, asOf) plus offset/limit.
 * {@code asOf} (a YYYY-MM-DD day, UTC, or a snapshot's name) shows the matrix as it was then.
 * {@code includePredictions=true} adds each row's shown predictions, apart from its claims (not with {@code asOf}).
 */
@RestController
public class MatrixApiController {

    /** {@code includePredictions=true|false} (default false) on the matrix and its export. */
    static final String INCLUDE_PREDICTIONS = "includePredictions";

    private static final Set<String> ACCEPTED = Stream.of(
                    ApiPaging.NAMES.stream(),
                    MatrixParameters.NAMES.stream(),
                    Stream.of(CompatibilityService.AS_OF, INCLUDE_PREDICTIONS))
            .flatMap(names -> names)
            .collect(Collectors.toSet());

    private final CompatibilityService compatibility;

    public MatrixApiController(CompatibilityService compatibility) {
        this.compatibility = compatibility;
    }

    @ApiDocs.Paged
    @Operation(summary = "The matrix, filtered and sorted like the matrix screen, paged")
    @GetMapping("/api/v1/matrix")
    public ApiMatrixPage matrix(HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(request, ACCEPTED);
        ApiPaging paging = query.paging();
        MatrixParameters.Parsed parsed = MatrixParameters.parse(query.parameters());
        query.addProblems(parsed.warnings());
        Optional<PointInTime> asOf = pointInTime(compatibility, query);
        boolean predictions = includePredictions(query, asOf);
        query.refuseIfAnyProblem();
        if (predictions) {
            return new ApiMatrixPage(
                    compatibility.matrixCount(parsed.filter()),
                    paging.offset(),
                    paging.limit(),
                    null,
                    compatibility
                            .matrixPageWithPredictions(parsed.filter(), parsed.sort(), paging.offset(), paging.limit())
                            .stream()
                            .map(ApiMatrixRow::withPredictions)
                            .toList());
        }
        long total = asOf.isPresent()
                ? compatibility.matrixCountAsOf(asOf.get(), parsed.filter())
                : compatibility.matrixCount(parsed.filter());
        List<MatrixRow> rows = asOf.isPresent()
                ? compatibility.matrixPageAsOf(
                        asOf.get(), parsed.filter(), parsed.sort(), paging.offset(), paging.limit())
                : compatibility.matrixPage(parsed.filter(), parsed.sort(), paging.offset(), paging.limit());
        return new ApiMatrixPage(
                total,
                paging.offset(),
                paging.limit(),
                asOf.map(PointInTime::text).orElse(null),
                rows.stream().map(ApiMatrixRow::of).toList());
    }

    /**
     * Whether {@code includePredictions} asks for predictions: {@code true} or {@code false} (absent: false); any other
     * value, or {@code true} with a past {@code asOf} (predictions are of now only), is a problem naming it.
     */
    static boolean includePredictions(ApiQuery query, Optional<PointInTime> asOf) {
        String value = UrlParams.first(query.parameters(), INCLUDE_PREDICTIONS);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            query.addProblems(List.of(INCLUDE_PREDICTIONS + "=" + value + " (expected true or false)"));
            return false;
        }
        if (asOf.isPresent()) {
            query.addProblems(List.of(INCLUDE_PREDICTIONS + "=true with " + CompatibilityService.AS_OF
                    + " (predictions are of now only; leave out one of them)"));
            return false;
        }
        return true;
    }

    /** The past point {@code asOf} names (empty: absent or today, the live matrix); a bad one is a problem naming it. */
    static Optional<PointInTime> pointInTime(CompatibilityService compatibility, ApiQuery query) {
        try {
            return compatibility.matrixPointInTime(UrlParams.first(query.parameters(), CompatibilityService.AS_OF));
        } catch (InvalidPointInTimeException e) {
            query.addProblems(List.of(e.getMessage()));
            return Optional.empty();
        }
    }
}
