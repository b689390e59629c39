package dev.compatmatrix.ingest;

import java.util.List;

/** A batch refused as a whole because of these errors; nothing of it was written. */
public class IngestRejectedException extends RuntimeException {

    private final transient List<ItemError> errors;

    public IngestRejectedException(List<ItemError> errors) {
        super(errors.size() == 1 ? "1 error in the batch" : errors.size() + " errors in the batch");
        this.errors = List.copyOf(errors);
    }

    public List<ItemError> errors() {
        return errors;
    }
}
