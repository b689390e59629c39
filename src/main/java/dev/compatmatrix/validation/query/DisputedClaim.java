package dev.compatmatrix.validation.query;

/**
 * When a claim {@code d} is disputed: the newest automated result for its cell reports another level. Shared by
 * the queue and the matrix, as a join to {@link #latestResults}.
 */
public final class DisputedClaim {

    /**
     * The newest automated result of each cell (model_id, hardware_type): its level and who reported it, as a
     * derived table; {@code resultFilter} narrows the results read (e.g. {@code WHERE a.model_id IN (:ids)}) or is empty.
     */
    public static String latestResults(String resultFilter) {
        return """
                SELECT a.model_id, a.hardware_type, a.reported_level, v.name AS reporter
                FROM automated_results a JOIN validators v ON v.validator_id = a.validator_id
                """ + resultFilter + """

                QUALIFY row_number() OVER (PARTITION BY a.model_id, a.hardware_type
                                           ORDER BY a.reported_at DESC, a.id DESC) = 1""";
    }

    /** Disputed, for a claim {@code d} LEFT JOINed to {@link #latestResults} as {@code latest}. */
    public static final String JOINED = "coalesce(latest.reported_level <> d.compatibility_level, false)";

    private DisputedClaim() {
    }
}
