package dev.compatmatrix.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A request's query parameters (name → values, the shape the screens' URL classes read), checked against the names
 * its endpoint accepts: an unknown one is a problem at once — a typo must not silently widen a query. Problems
 * collect until {@link #refuseIfAnyProblem()} answers them all in one 400.
 */
public final class ApiQuery {

    private final Map<String, List<String>> parameters;
    private final Set<String> accepted;
    private final List<String> problems = new ArrayList<>();

    private ApiQuery(Map<String, List<String>> parameters, Collection<String> accepted) {
        this.parameters = parameters;
        this.accepted = new TreeSet<>(accepted);
        parameters.keySet().stream()
                .filter(name -> !this.accepted.contains(name))
                .sorted()
                .forEach(name -> problems.add(name + " (unknown parameter)"));
    }

    /** The request's parameters, of which only {@code accepted} may appear. */
    public static ApiQuery of(HttpServletRequest request, Collection<String> accepted) {
        return new ApiQuery(
                request.getParameterMap().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue()))),
                accepted);
    }

    public Map<String, List<String>> parameters() {
        return parameters;
    }

    /** Offset and limit, when the endpoint accepts them; an unusable value is a problem. */
    public ApiPaging paging() {
        return ApiPaging.read(parameters, problems);
    }

    /** Problems found by whoever parsed the parameters (e.g. the screens' URL classes), in their words. */
    public void addProblems(List<String> found) {
        problems.addAll(found);
    }

    /** Throws a 400 naming every problem and the accepted parameters, if there is any problem. */
    public void refuseIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw ApiRequestException.badParameters(problems, accepted);
        }
    }
}
