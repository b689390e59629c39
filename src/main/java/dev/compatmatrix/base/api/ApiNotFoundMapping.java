package dev.compatmatrix.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A path under {@code /api/} that no controller maps is answered with a 404 problem, instead of falling through to
 * the web app (whose catch-all mapping would answer 200 with a page). Ordered after the controllers — so a known
 * path with another method still gets the controllers' 405 with {@code Allow} — and before the web app and static
 * resources; Swagger UI's files are left to their resource handler.
 */
@Component
class ApiNotFoundMapping extends AbstractHandlerMapping {

    private static final String API = "/api/";
    private static final String SWAGGER_UI = "/api/swagger-ui/";

    private final HttpRequestHandler notFound;

    ApiNotFoundMapping(JsonMapper json) {
        setOrder(Ordered.LOWEST_PRECEDENCE - 2);
        notFound = (request, response) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND,
                    "The API has no resource at this path; its paths are listed in /api/openapi.json.");
            problem.setTitle("Not found");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                        .pathWithinApplication()
                        .value()
                : request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(API) && !path.startsWith(SWAGGER_UI) ? notFound : null;
    }
}
