package dev.compatmatrix.matrix.query;

/**
 * When a claim {@code d} is disputed (PRODUCT.md §4): the newest automated result for its cell reports another level,
 * and no resolution answered that result leaving the claim at its present level (a resolution holds until a newer
 * result arrives). Shared by the queue, the matrix, the export, the API, the model page and the badges, as a join to
 * {@link #latestResults}; StaleAndDisputedMarksTest holds them to the rule stated plainly.
 */
public final class DisputedClaim {

    /**
     * The newest automated result of each cell (model_id, hardware_type) — {@code result_id}, {@code reported_level},
     * {@code reporter} and {@code reporter_type}, {@code reported_at}, {@code evidence_run}, {@code framework_version} — with the level the
     * newest resolution of that result left the claim at ({@code resolved_level}, null when unresolved), as a derived
     * table; {@code resultFilter} narrows the results read (e.g. {@code WHERE a.model_id IN (:ids)}) or is empty.
     */
    public static String latestResults(String resultFilter) {
        return latestResults(resultFilter, "");
    }

    /**
     * As {@link #latestResults(String)}, as of the instant {@code :asOf}: only results reported and resolutions made
     * before it ({@code resultFilter} is then a further condition, e.g. {@code AND a.model_id IN (…)}, or empty).
     */
    public static String latestResultsBefore(String resultFilter) {
        return latestResults("WHERE a.reported_at < :asOf " + resultFilter, " WHERE resolved_at < :asOf");
    }

    private static String latestResults(String resultFilter, String resolutionFilter) {
        return """
                SELECT newest.result_id, newest.model_id, newest.hardware_type, newest.reported_level, newest.reporter,
                       newest.reporter_type, newest.reported_at, newest.evidence_run, newest.framework_version,
                       resolution.kept_level AS resolved_level
                FROM (SELECT a.id AS result_id, a.model_id, a.hardware_type, a.reported_level, v.name AS reporter,
                             v.type AS reporter_type, a.reported_at, a.evidence_run, a.framework_version,
                             row_number() OVER (PARTITION BY a.model_id, a.hardware_type
                                                ORDER BY a.reported_at DESC, a.id DESC) AS result_rank
                      FROM automated_results a JOIN validators v ON v.validator_id = a.validator_id
                      """ + resultFilter + """
                ) newest
                LEFT JOIN (SELECT automated_result_id, kept_level,
                                  row_number() OVER (PARTITION BY automated_result_id ORDER BY id DESC) AS resolution_rank
                           FROM dispute_resolutions\s""" + resolutionFilter + """
                ) resolution
                       ON resolution.automated_result_id = newest.result_id AND resolution.resolution_rank = 1
                WHERE newest.result_rank = 1""";
    }

    /** Disputed, for a claim {@code d} LEFT JOINed to {@link #latestResults} as {@code latest}. */
    public static final String JOINED = joined("d");

    /** Disputed, for a claim (or a cell's state) aliased {@code claim} LEFT JOINed to the latest results as {@code latest}. */
    public static String joined(String claim) {
        return "coalesce(latest.reported_level <> " + claim + ".compatibility_level"
                + " AND latest.resolved_level IS DISTINCT FROM " + claim + ".compatibility_level, false)";
    }

    private DisputedClaim() {}
}
