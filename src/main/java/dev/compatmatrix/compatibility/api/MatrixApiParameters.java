package dev.compatmatrix.compatibility.api;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.ui.MatrixUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matrix filters and sort of an API request: the same names and values as the matrix screen's URL, read
 * strictly. Where the screen drops a bad value with a notice, the API refuses the request, naming every bad
 * or unknown parameter, so a typo never silently widens what a client receives.
 */
public final class MatrixApiParameters {

    private MatrixApiParameters() {
    }

    /**
     * @param ownNames    further parameters the endpoint reads itself
     * @param ownProblems what the endpoint found wrong with those, reported together with the filter's problems
     */
    public static MatrixUrl.Parsed parse(Map<String, List<String>> params, Set<String> ownNames,
                                         List<String> ownProblems) {
        List<String> problems = new ArrayList<>(ownProblems);
        params.keySet().stream().filter(name -> !MatrixParameters.NAMES.contains(name) && !ownNames.contains(name))
                .sorted().forEach(name -> problems.add(name + " (unknown parameter)"));
        MatrixUrl.Parsed parsed = MatrixUrl.parse(new QueryParameters(params));
        problems.addAll(parsed.warnings());
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return parsed;
    }
}
