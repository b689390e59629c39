package dev.compatmatrix.base.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last resort of every REST controller: an unexpected failure is answered as a 500 problem (logged here,
 * details not sent), instead of falling through to the servlet error page, which the stateless API chain
 * would not let through. Specific handlers (e.g. for ingest) come first.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Not allowed for this token or user.");
        problem.setTitle("Not allowed");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            // Spring MVC's own (unsupported media type, missing parameter …) and our ApiRequestException.
            // Their headers too: a 405 says which methods are allowed.
            return ResponseEntity.status(known.getStatusCode())
                    .headers(known.getHeaders())
                    .body(known.getBody());
        }
        log.error("API request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The request failed on the server; nothing of it was written. Try again, or report the time of the failure.");
        problem.setTitle("Server error");
        return ResponseEntity.internalServerError().body(problem);
    }
}
