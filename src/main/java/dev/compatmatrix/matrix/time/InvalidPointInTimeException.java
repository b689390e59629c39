package dev.compatmatrix.matrix.time;

/** A date, snapshot or range the matrix cannot be shown at; names the parameter and says why, for a person. */
public class InvalidPointInTimeException extends RuntimeException {

    private final String parameter;

    public InvalidPointInTimeException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The URL or API parameter that was wrong ({@code asOf}, {@code from}, {@code to}). */
    public String parameter() {
        return parameter;
    }
}
