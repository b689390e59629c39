package dev.compatmatrix.compatibility.api;

import java.util.List;

/** Request parameters that cannot be read, each as "name=value (why)"; answered 400 with all of them. */
public class InvalidParametersException extends RuntimeException {

    private final List<String> problems;

    public InvalidParametersException(List<String> problems) {
        super("Cannot read " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
