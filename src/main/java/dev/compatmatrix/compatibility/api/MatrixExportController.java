package dev.compatmatrix.compatibility.api;

import dev.compatmatrix.base.ui.UrlParams;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.export.ExportService;
import dev.compatmatrix.compatibility.ui.MatrixUrl;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/matrix/export?format=csv|json|markdown|html} plus the matrix screen's filter parameters
 * (token scope {@code read}): exactly the filtered rows, all of them, as a file to save. 400 names every bad
 * or unknown parameter.
 */
@RestController
public class MatrixExportController {

    private static final String FORMAT = "format";

    private final ExportService exports;

    public MatrixExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/matrix/export")
    public void export(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response)
            throws IOException {
        String formatValue = UrlParams.first(params, FORMAT);
        Optional<ExportFormat> format = ExportFormat.fromKey(formatValue);
        List<String> formatProblems = format.isPresent() ? List.of()
                : List.of(FORMAT + "=" + (formatValue == null ? "" : formatValue) + " (expected " + formatKeys() + ")");
        MatrixUrl.Parsed view = MatrixApiParameters.parse(params, Set.of(FORMAT), formatProblems);

        response.setContentType(format.get().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(exports.fileName(format.get())).build().toString());
        exports.export(view.filter(), view.sort(), format.get(), response.getOutputStream());
    }

    private static String formatKeys() {
        return Arrays.stream(ExportFormat.values()).map(ExportFormat::key).collect(Collectors.joining(", "));
    }
}
