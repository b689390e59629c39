package dev.compatmatrix.compatibility.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457) for the matrix API's controllers, which all live in this package. */
@RestControllerAdvice(basePackageClasses = MatrixApiExceptionHandler.class)
class MatrixApiExceptionHandler {

    static final String PARAMETERS_HELP = "Filters use the matrix screen's URL parameters: q, family, type, size, "
            + "platform=<platform>:<supported|unsupported|not_tested> (repeatable), validation, minScore (0 to 1), "
            + "sort (a column key such as name, score or cuda; a leading '-' sorts descending).";

    @ExceptionHandler(InvalidParametersException.class)
    ProblemDetail invalidParameters(InvalidParametersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getMessage() + ". " + PARAMETERS_HELP);
        problem.setTitle("Invalid parameters");
        problem.setProperty("invalid_parameters", e.problems());
        return problem;
    }
}
