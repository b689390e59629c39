package dev.compatmatrix.ingest;

/**
 * Other writes kept changing the batch's cells while it was applied, through every retry; nothing of it was
 * written, and posting the same batch again is safe (the API answers 409).
 */
public class IngestConflictException extends RuntimeException {

    public IngestConflictException(Throwable cause) {
        super(
                "Other writes changed the same cells while the batch was applied; nothing of it was written. "
                        + "Post the same batch again.",
                cause);
    }
}
