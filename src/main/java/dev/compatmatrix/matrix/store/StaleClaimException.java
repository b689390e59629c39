package dev.compatmatrix.matrix.store;

/**
 * A claim the change was read at is no longer at that version (someone else saved or removed it first); nothing of
 * the change was written.
 */
public class StaleClaimException extends RuntimeException {

    public StaleClaimException(int expected, int written) {
        super(written + " of " + expected + " claims were still at the version the change was read at");
    }
}
