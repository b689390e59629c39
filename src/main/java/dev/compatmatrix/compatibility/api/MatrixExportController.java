package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.export.ExportService;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.matrix.time.PointInTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/matrix/export?format=csv|json|markdown|html} plus the matrix screen's filter parameters and
 * {@code asOf} (token scope {@code read}): exactly the filtered rows, all of them, as a file to save. 400 names every bad
 * parameter, and every unknown one: a misspelt filter must not silently widen the export. {@code
 * includePredictions=true} adds the shown predictions, marked as predictions (not with {@code asOf}).
 */
@RestController
public class MatrixExportController {

    private static final String FORMAT = "format";

    private final ExportService exports;
    private final CompatibilityService compatibility;

    private static final Set<String> ACCEPTED = Stream.concat(
                    Stream.of(FORMAT, CompatibilityService.AS_OF, MatrixApiController.INCLUDE_PREDICTIONS),
                    MatrixParameters.NAMES.stream())
            .collect(Collectors.toSet());

    public MatrixExportController(ExportService exports, CompatibilityService compatibility) {
        this.exports = exports;
        this.compatibility = compatibility;
    }

    @Operation(summary = "The whole filtered matrix as a CSV, JSON, Markdown or HTML file")
    @GetMapping("/api/v1/matrix/export")
    public void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiQuery query = ApiQuery.of(request, ACCEPTED);
        String formatValue = UrlParams.first(query.parameters(), FORMAT);
        Optional<ExportFormat> format = ExportFormat.fromKey(formatValue);
        if (format.isEmpty()) {
            query.addProblems(List.of(
                    FORMAT + "=" + (formatValue == null ? "" : formatValue) + " (expected " + formatKeys() + ")"));
        }
        MatrixParameters.Parsed view = MatrixParameters.parse(query.parameters());
        query.addProblems(view.warnings());
        Optional<PointInTime> asOf = MatrixApiController.pointInTime(compatibility, query);
        boolean predictions = MatrixApiController.includePredictions(query, asOf);
        query.refuseIfAnyProblem();

        response.setContentType(format.get().contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(exports.fileName(format.get()))
                        .build()
                        .toString());
        if (asOf.isPresent()) {
            exports.exportAsOf(asOf.get(), view.filter(), view.sort(), format.get(), response.getOutputStream());
        } else if (predictions) {
            exports.exportWithPredictions(view.filter(), view.sort(), format.get(), response.getOutputStream());
        } else {
            exports.export(view.filter(), view.sort(), format.get(), response.getOutputStream());
        }
    }

    private static String formatKeys() {
        return Arrays.stream(ExportFormat.values()).map(ExportFormat::key).collect(Collectors.joining(", "));
    }
}
