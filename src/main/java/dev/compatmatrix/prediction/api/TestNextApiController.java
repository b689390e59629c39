package dev.compatmatrix.prediction.api;

import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.prediction.TestNextService;
import dev.compatmatrix.prediction.export.TestNextCsv;
import dev.compatmatrix.prediction.query.AdoptedRunQuery.AdoptedRun;
import dev.compatmatrix.prediction.query.TestNextParameters;
import dev.compatmatrix.prediction.query.TestNextRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/test-next}: the untested cells ranked by how much a test would teach, filtered by {@code platform,
 * family, type} (the screen's URL names): a page as JSON, or with {@code format=csv} the whole filtered queue as the
 * screen's CSV, streamed. A value that cannot be used is a 400 naming it.
 */
@RestController
public class TestNextApiController {

    static final String FORMAT = "format";
    static final String JSON = "json";
    static final String CSV = "csv";
    static final String CSV_TYPE = "text/csv;charset=UTF-8";

    private static final Set<String> ACCEPTED = Stream.of(
                    ApiPaging.NAMES.stream(), TestNextParameters.NAMES.stream(), Stream.of(FORMAT))
            .flatMap(s -> s)
            .collect(Collectors.toSet());

    private final TestNextService service;

    public TestNextApiController(TestNextService service) {
        this.service = service;
    }

    @ApiDocs.Paged
    @Operation(summary = "Untested cells ranked by how much a test would teach: a page, or the whole queue as CSV")
    @ApiResponse(
            responseCode = "200",
            description = "A page of ranked cells (format=json, the default)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiTestNext.class)))
    @GetMapping("/api/v1/test-next")
    public ResponseEntity<ApiTestNext> testNext(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiQuery query = ApiQuery.of(request, ACCEPTED);
        ApiPaging paging = query.paging();
        TestNextParameters.Parsed parsed = TestNextParameters.parse(query.parameters());
        query.addProblems(parsed.warnings());
        String format = UrlParams.first(query.parameters(), FORMAT);
        if (format != null && !format.equalsIgnoreCase(JSON) && !format.equalsIgnoreCase(CSV)) {
            query.addProblems(List.of(FORMAT + "=" + format + " (expected json or csv)"));
        }
        query.refuseIfAnyProblem();

        if (CSV.equalsIgnoreCase(format)) {
            response.setContentType(CSV_TYPE);
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(TestNextCsv.fileName(parsed.filter()))
                            .build()
                            .toString());
            service.writeTestNextCsv(parsed.filter(), response.getOutputStream());
            return null; // written to the response: the whole queue, streamed
        }
        List<TestNextRow> page = service.testNextPage(parsed.filter(), paging.offset(), paging.limit());
        List<ApiTestNext.ApiTestNextCell> items = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            items.add(ApiTestNext.ApiTestNextCell.of((long) paging.offset() + i + 1, page.get(i)));
        }
        return ResponseEntity.ok(new ApiTestNext(
                service.adoptedRun().map(AdoptedRun::runId).orElse(null),
                ApiTestNext.RULE,
                service.testNextCount(parsed.filter()),
                paging.offset(),
                paging.limit(),
                items));
    }
}
