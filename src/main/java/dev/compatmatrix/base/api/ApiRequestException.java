package dev.compatmatrix.base.api;

import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused API request, answered as RFC 9457 problem details naming what was wrong. */
public class ApiRequestException extends ErrorResponseException {

    private ApiRequestException(HttpStatus status, String title, String detail, List<String> problems) {
        super(status, problem(status, title, detail, problems), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, List<String> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!problems.isEmpty()) {
            problem.setProperty("invalid_parameters", problems);
        }
        return problem;
    }

    /** A 400 naming every unusable parameter, and the parameters the endpoint accepts. */
    public static ApiRequestException badParameters(List<String> problems, Collection<String> accepted) {
        ApiRequestException refused = new ApiRequestException(
                HttpStatus.BAD_REQUEST,
                "Invalid query parameters",
                "These parameters cannot be used: " + String.join(", ", problems) + ". Accepted parameters: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)) + ".",
                problems);
        refused.getBody().setProperty("accepted_parameters", List.copyOf(accepted));
        return refused;
    }

    public static ApiRequestException notFound(String what) {
        return new ApiRequestException(HttpStatus.NOT_FOUND, "Not found", what, List.of());
    }
}
