package dev.compatmatrix.matrix.query;

/**
 * When a validation has gone stale (PRODUCT.md §4): it is older than {@code :staleBefore} (see {@link dev.compatmatrix.matrix.Staleness}), or the claim's
 * framework/runtime version differs from the one recorded by the approval that set its status. The queue and the
 * matrix read it the same way, as joins (correlated subqueries cost seconds over a large catalogue);
 * StaleAndDisputedMarksTest holds both to the rule stated as plainly as SQL allows.
 */
public final class StaleValidation {

    /**
     * The ids of claims whose approval recorded another framework version than the claim has now, as a derived
     * table; {@code reviewFilter} narrows the reviews read (e.g. {@code AND r.model_id IN (:ids)}) or is empty.
     */
    public static String changedSinceApproval(String reviewFilter) {
        return """
                SELECT DISTINCT r.claim_id FROM validation_reviews r JOIN compatibility_details rd ON rd.id = r.claim_id
                WHERE %s
                  AND r.framework_version IS DISTINCT FROM rd.framework_version\s""".formatted(SettingApproval.of("r", "rd")) + reviewFilter;
    }

    /** Stale, for a claim {@code d} LEFT JOINed to {@link #changedSinceApproval} as {@code changed}. */
    public static final String JOINED = of("d", "changed.claim_id IS NOT NULL");

    /**
     * Stale, for a claim (or a cell's state) aliased {@code claim}, where {@code versionChanged} says whether the
     * approval that set its status recorded another framework version.
     */
    public static String of(String claim, String versionChanged) {
        return "(" + claim + ".validation_status <> 'unvalidated' AND (" + claim + ".validation_date < :staleBefore OR "
                + versionChanged + "))";
    }

    private StaleValidation() {}
}
