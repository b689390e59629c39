package dev.compatmatrix.timetravel.api;

import dev.compatmatrix.base.UrlParams;
import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiPaging;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.matrix.time.InvalidPointInTimeException;
import dev.compatmatrix.matrix.time.TimeRange;
import dev.compatmatrix.timetravel.ChangesService;
import dev.compatmatrix.timetravel.export.ChangesFiles;
import dev.compatmatrix.timetravel.query.ChangeCounts;
import dev.compatmatrix.timetravel.query.ChangesParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/changes?from=…&to=…}: what changed between two points in time (a day YYYY-MM-DD or a
 * snapshot's name), filtered by {@code platform, family, type, kind} (the changes screen's URL names): JSON with
 * the counts per kind and a page of changes, or with {@code format=markdown|csv} the changelog files of exactly the
 * filtered changes. A bad end is a 400 naming it and why.
 */
@RestController
public class ChangesApiController {

    static final String FORMAT = "format";
    static final String JSON = "json";

    private static final Set<String> ACCEPTED = Stream.of(
                    ApiPaging.NAMES.stream(),
                    ChangesParameters.FILTER_NAMES.stream(),
                    Stream.of(ChangesParameters.FROM, ChangesParameters.TO, FORMAT))
            .flatMap(s -> s)
            .collect(Collectors.toSet());

    private final ChangesService changes;

    public ChangesApiController(ChangesService changes) {
        this.changes = changes;
    }

    @ApiDocs.Paged
    @Operation(
            summary = "What changed between two days or snapshots: counts per kind and a page of changes, "
                    + "or the Markdown changelog / CSV")
    @ApiResponse(
            responseCode = "200",
            description = "The counts per kind and a page of the changes (format=json, the default)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiChanges.class)))
    @GetMapping("/api/v1/changes")
    public ResponseEntity<?> changes(HttpServletRequest request) throws IOException {
        ApiQuery query = ApiQuery.of(request, ACCEPTED);
        ApiPaging paging = query.paging();
        ChangesParameters.Parsed parsed = ChangesParameters.parse(query.parameters());
        query.addProblems(parsed.warnings());
        String formatValue = UrlParams.first(query.parameters(), FORMAT);
        ExportFormat file = null;
        if (formatValue != null && !formatValue.equalsIgnoreCase(JSON)) {
            file = ChangesFiles.fromKey(formatValue).orElse(null);
            if (file == null) {
                query.addProblems(List.of(FORMAT + "=" + formatValue + " (expected " + formats() + ")"));
            }
        }
        TimeRange range = null;
        try {
            range = changes.range(ChangesParameters.from(query.parameters()), ChangesParameters.to(query.parameters()));
        } catch (InvalidPointInTimeException e) {
            query.addProblems(List.of(e.getMessage()));
        }
        query.refuseIfAnyProblem();

        if (file != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            changes.writeFile(range, parsed.filter(), file, out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(file.contentType()))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(ChangesFiles.fileName(range, file))
                                    .build()
                                    .toString())
                    .body(out.toByteArray());
        }
        ChangeCounts counts = changes.summary(range, parsed.filter());
        long total = parsed.filter().kind() == null
                ? counts.total()
                : counts.of(parsed.filter().kind());
        List<ApiChanges.ApiChange> items =
                changes.page(range, parsed.filter(), paging.offset(), paging.limit()).stream()
                        .map(ApiChanges.ApiChange::of)
                        .toList();
        return ResponseEntity.ok(new ApiChanges(
                ApiChanges.ApiPoint.of(range.from()),
                ApiChanges.ApiPoint.of(range.to()),
                ApiChanges.counts(counts),
                total,
                paging.offset(),
                paging.limit(),
                items));
    }

    static String formats() {
        return Stream.concat(Stream.of(JSON), ChangesFiles.FORMATS.stream().map(ExportFormat::key))
                .collect(Collectors.joining(", "));
    }
}
