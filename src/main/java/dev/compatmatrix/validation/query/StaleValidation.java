package dev.compatmatrix.validation.query;

/**
 * When a validation has gone stale (PRODUCT.md §4), as one SQL condition over a claim {@code d}: it is older
 * than {@code :staleBefore}, or the claim's framework/runtime version differs from the one recorded by the
 * approval that set its status. Shared by the queue and the matrix so both mark the same claims (the matrix's
 * page rows restate it as joins for speed; MatrixStaleAndDisputedTest holds the two to the same answer).
 */
public final class StaleValidation {

    public static final String CONDITION = """
            (d.validation_status <> 'unvalidated' AND (d.validation_date < :staleBefore OR EXISTS (
                SELECT 1 FROM validation_reviews r WHERE r.claim_id = d.id AND r.decision = 'approve'
                AND r.reviewed_at = d.validation_date AND r.framework_version IS DISTINCT FROM d.framework_version)))""";

    /** The setting that decides the age limit. */
    public static final String MAX_AGE_PROPERTY = "${compat.validation.stale-after-days:180}";

    private StaleValidation() {
    }
}
