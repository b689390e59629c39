package dev.compatmatrix.ingest.api;

import dev.compatmatrix.ingest.IngestConflictException;
import dev.compatmatrix.ingest.IngestRejectedException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/** Turns what can go wrong with a posted batch into RFC 9457 problem details with a clear message. */
@RestControllerAdvice(assignableTypes = ResultsController.class)
@Order(0) // before the API-wide last resort, base/api/ApiExceptionHandler
class ResultsExceptionHandler {

    @ExceptionHandler(JacksonException.class)
    ProblemDetail malformed(JacksonException e) {
        BodyProblem body = BodyProblem.of(e);
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, body.detail() + ". Nothing was written.");
        problem.setTitle(body.title());
        if (body.pointer() != null) {
            problem.setProperty("pointer", body.pointer());
        }
        return problem;
    }

    @ExceptionHandler(ResultsController.BodyTooLargeException.class)
    ProblemDetail tooLarge(ResultsController.BodyTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Body too large");
        return problem;
    }

    @ExceptionHandler(IngestConflictException.class)
    ProblemDetail conflict(IngestConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflicting write");
        return problem;
    }

    @ExceptionHandler(IngestRejectedException.class)
    ProblemDetail rejected(IngestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                e.getMessage() + "; nothing was written. Fix the results listed in 'errors' and post the batch again.");
        problem.setTitle("Batch refused");
        problem.setProperty("errors", e.errors());
        return problem;
    }
}
