package dev.compatmatrix.feedback.api;

import dev.compatmatrix.feedback.ReportLimitException;
import dev.compatmatrix.matrix.InvalidChangeException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a refused report is answered with (RFC 9457): 400 naming each bad field in {@code invalid_fields}; 429 over the
 * hourly limit — a rate limit, which a client should wait out, not a fault in the body it could fix; 409 when the
 * token's open report was triaged meanwhile. Nothing is written in any of them.
 */
final class ReportProblems {

    private ReportProblems() {}

    static ErrorResponseException badBody(String detail) {
        return refused(HttpStatus.BAD_REQUEST, "Invalid report", detail + " Nothing was written.");
    }

    /** Runs the report unless the body had problems; a refusal by the service is answered as above. */
    static <T> T refusingBadInput(Map<String, String> bodyProblems, Supplier<T> report) {
        if (!bodyProblems.isEmpty()) {
            throw invalidFields(bodyProblems);
        }
        try {
            return report.get();
        } catch (ReportLimitException limit) {
            throw refused(
                    HttpStatus.TOO_MANY_REQUESTS, "Too many reports", limit.getMessage() + " Nothing was written.");
        } catch (InvalidChangeException refused) {
            if (refused.fieldErrors().keySet().equals(java.util.Set.of(""))) {
                throw refused(HttpStatus.CONFLICT, "Conflicting write", refused.getMessage() + " Nothing was written.");
            }
            Map<String, String> byBodyField = new java.util.LinkedHashMap<>();
            refused.fieldErrors().forEach((field, message) -> byBodyField.put(ReportBody.bodyField(field), message));
            throw invalidFields(byBodyField);
        }
    }

    private static ErrorResponseException invalidFields(Map<String, String> problems) {
        ErrorResponseException refused = refused(
                HttpStatus.BAD_REQUEST,
                "Invalid report",
                "These fields cannot be used: "
                        + String.join(
                                "; ",
                                problems.entrySet().stream()
                                        .map(p -> p.getKey() + " (" + p.getValue() + ")")
                                        .toList())
                        + ". Nothing was written.");
        refused.getBody()
                .setProperty(
                        "invalid_fields",
                        problems.entrySet().stream()
                                .map(p -> Map.of("field", p.getKey(), "message", p.getValue()))
                                .toList());
        return refused;
    }

    private static ErrorResponseException refused(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
