package dev.compatmatrix.feedback.api;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportListService;
import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.feedback.query.ReportListQuery;
import dev.compatmatrix.matrix.Platform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/reports}: users' reports on cells. {@code POST} (scope {@code feedback:write}) reports as the token,
 * as a signed-in person does on the model page: 201 with a new report, 200 when the token's open report on the cell
 * was updated; 400 naming each bad field; 429 over the hourly limit. {@code GET} (scope {@code read}) lists reports
 * filtered by model, platform and state, newest first.
 */
@RestController
@RequestMapping(ReportsApiController.PATH)
public class ReportsApiController {

    static final String PATH = "/api/v1/reports";
    static final List<String> FILTERS = List.of("model", "platform", "state");
    /** A report is a few kilobytes at most (comment 2,000 characters); anything far larger is a mistake. */
    static final int MAX_BODY_CHARS = 64 * 1024;

    private final FeedbackService feedback;
    private final ReportListService list;
    private final JsonMapper json;

    public ReportsApiController(FeedbackService feedback, ReportListService list, JsonMapper json) {
        this.feedback = feedback;
        this.list = list;
        this.json = json;
    }

    @ApiDocs.Paged
    @Operation(summary = "Reports on cells, newest first, filtered by model, platform and state")
    @ApiResponse(
            responseCode = "200",
            description = "A page of reports and the count of all that match",
            content = @Content(schema = @Schema(implementation = ApiReportPage.class)))
    @GetMapping
    public ApiReportPage reports(HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(
                request,
                Stream.concat(FILTERS.stream(), ApiPaging.NAMES.stream()).toList());
        ApiPaging paging = query.paging();
        List<String> problems = new ArrayList<>();
        String model = UrlParams.first(query.parameters(), "model");
        Platform platform = keyed(query, "platform", Platform.class, Platform::fromKey, problems);
        ReportState state = keyed(query, "state", ReportState.class, ReportState::fromKey, problems);
        query.addProblems(problems);
        query.refuseIfAnyProblem();
        var filter = new ReportListQuery.Filter(model == null ? null : model.strip(), platform, state);
        var page = list.listReports(filter, paging.offset(), paging.limit());
        return new ApiReportPage(
                page.total(),
                paging.offset(),
                paging.limit(),
                page.items().stream().map(ApiReport::of).toList());
    }

    @Operation(
            summary = "Report on a cell as this token: what happened, where, and a comment; a second report on the "
                    + "same cell while the first is open updates it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiReport.Body.class)))
    @ApiResponse(
            responseCode = "201",
            description = "Reported",
            content = @Content(schema = @Schema(implementation = ApiReport.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The token's open report on this cell was updated",
            content = @Content(schema = @Schema(implementation = ApiReport.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The open report was triaged meanwhile; nothing written",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(
            responseCode = "429",
            description = "The token sent " + FeedbackService.REPORTS_PER_HOUR
                    + " new reports in the last hour; nothing written (updates are still taken)",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ApiReport> report(@RequestBody(required = false) String body) {
        ReportBody parsed = ReportBody.read(parse(body));
        CellReport saved = ReportProblems.refusingBadInput(
                parsed.problems(), () -> feedback.report(parsed.model(), parsed.platform(), parsed.draft()));
        // A new report starts at version 1; the service updates one's open report on the cell instead (version 2+).
        boolean created = saved.rowVersion() == 1;
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiReport.of(saved));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ReportProblems.badBody("The body is empty: send a JSON object with model, platform and outcome.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ReportProblems.badBody(
                    "The body is over " + MAX_BODY_CHARS / 1024 + " KiB: a report is far smaller.");
        }
        try {
            JsonNode node = json.readTree(body);
            if (!node.isObject()) {
                throw ReportProblems.badBody("The body must be a JSON object with model, platform and outcome.");
            }
            return node;
        } catch (JacksonException e) {
            throw ReportProblems.badBody("The body is not valid JSON"
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")")
                    + ".");
        }
    }

    private static <E extends Enum<E> & Keyed> E keyed(
            ApiQuery query, String name, Class<E> type, Function<String, Optional<E>> fromKey, List<String> problems) {
        String value = UrlParams.first(query.parameters(), name);
        if (value == null) {
            return null;
        }
        Optional<E> found = fromKey.apply(value.strip());
        if (found.isEmpty()) {
            problems.add(name + "=" + value + " (one of " + ReportBody.keys(type) + ")");
        }
        return found.orElse(null);
    }

    /** A page of reports. */
    public record ApiReportPage(long total, int offset, int limit, List<ApiReport> items) {}
}
