package dev.compatmatrix.ingest.api;

import dev.compatmatrix.base.StepTimes;
import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.ingest.IngestReport;
import dev.compatmatrix.ingest.IngestService;
import dev.compatmatrix.ingest.ResultBatch;
import dev.compatmatrix.security.api.ApiPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/results}: a CI pipeline's batch of test results (token scope {@code results:write}).
 * 201 with a report when applied, 200 when the batch id was applied before; 400 for malformed JSON, 413 for
 * a body over {@link #MAX_BODY_BYTES}, 422 listing every bad result when any is bad (then nothing is written), 409
 * when other writes kept changing the same cells through every retry (nothing written; post it again).
 */
@RestController
@RequestMapping("/api/v1/results")
public class ResultsController {

    /** 1,000 results with notes and measurements fit comfortably. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** At debug, each batch's time by step (BENCHMARKS.md, issue 24). */
    private static final Logger log = LoggerFactory.getLogger(ResultsController.class);

    private final IngestService ingest;
    private final ObjectReader reader;

    public ResultsController(IngestService ingest, JsonMapper json) {
        this.ingest = ingest;
        this.reader = BatchReader.create(json);
    }

    @Operation(summary = "Post a CI pipeline's batch of results: all of it lands, or none of it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ResultBatch.class)))
    @ApiResponse(
            responseCode = "201",
            description = "Applied",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    @ApiResponse(
            responseCode = "200",
            description = "This batch_id was applied before; nothing changed",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Other writes kept changing the same cells; nothing written, post again",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(
            responseCode = "413",
            description = "The body is over 4 MiB",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(
            responseCode = "422",
            description = "Results refused, each listed in 'errors'; nothing written",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestReport> post(HttpServletRequest request, @AuthenticationPrincipal ApiPrincipal caller)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        StepTimes steps = log.isDebugEnabled() ? StepTimes.start() : null;
        try {
            byte[] body = readLimited(request.getInputStream());
            StepTimes.mark("read body");
            ResultBatch batch = reader.readValue(body);
            StepTimes.mark("parse JSON");
            IngestReport report = ingest.ingest(batch, caller);
            return ResponseEntity.status(report.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(report);
        } finally {
            if (steps != null) {
                steps.stop("answer");
                log.debug("Batch steps, {}", steps);
            }
        }
    }

    /** Reads at most the limit, so a body without a length cannot exhaust memory either. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        return body;
    }

    /** The body is over {@link #MAX_BODY_BYTES}. */
    static class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("The body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB; send smaller batches");
        }
    }
}
