package dev.compatmatrix.catalog;

/** The model changed or was deleted since the user loaded it; nothing was written. */
public class ModelConflictException extends RuntimeException {

    public ModelConflictException(String message) {
        super(message);
    }
}
