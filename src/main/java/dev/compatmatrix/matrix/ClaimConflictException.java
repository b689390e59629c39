package dev.compatmatrix.matrix;

/**
 * The claim changed since the user loaded it (a newer row version, or the database's own write-write conflict).
 * Nothing was written; {@code current} is the claim as it is now (null when it was removed).
 */
public class ClaimConflictException extends RuntimeException {

    private final transient Claim current;

    public ClaimConflictException(String message, Claim current) {
        super(message);
        this.current = current;
    }

    public Claim current() {
        return current;
    }
}
