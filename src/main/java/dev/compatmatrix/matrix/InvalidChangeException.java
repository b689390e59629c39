package dev.compatmatrix.matrix;

import java.util.Map;

/** A change was refused before anything was written; the messages are per field (or "" for the whole). */
public class InvalidChangeException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidChangeException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
