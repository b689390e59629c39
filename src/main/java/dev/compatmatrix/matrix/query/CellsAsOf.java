package dev.compatmatrix.matrix.query;

/**
 * The matrix as it was just before the instant {@code :asOf} (see {@link dev.compatmatrix.matrix.time.PointInTime}),
 * read from {@code cell_states} (V0017) with the same stale and disputed rules as the live matrix: stale against
 * {@code :staleBefore} as it was then ({@link dev.compatmatrix.matrix.Staleness#staleBeforeAsOf}), disputed by the
 * automated results and resolutions made before {@code :asOf}.
 */
public final class CellsAsOf {

    /** The condition on a model {@code m} that existed then: created before, deleted (if ever) after. */
    public static final String MODEL_EXISTED =
            "m.created_at < :asOf AND (m.deleted_at IS NULL OR m.deleted_at >= :asOf)";

    /** The condition on a state {@code s} that was the cell's state then. */
    public static final String STATE_THEN = "s.valid_from < :asOf AND (s.valid_to IS NULL OR s.valid_to >= :asOf)";

    private CellsAsOf() {}

    /**
     * A derived table of the cells that had a claim then: {@code model_id, hardware_type, compatibility_level,
     * validation_status, validator_id, validation_date, framework_version, valid_from, stale, disputed}.
     * {@code modelIds}, a query of model ids (e.g. {@link dev.compatmatrix.base.db.TextList#IDS_QUERY}), narrows the
     * cells and the results read alike; null reads the whole matrix.
     */
    public static String cells(String modelIds) {
        return """
                SELECT s.model_id, s.hardware_type, s.compatibility_level, s.validation_status, s.validator_id,
                       s.validation_date, s.framework_version, s.valid_from, %s AS stale, %s AS disputed
                FROM cell_states s
                LEFT JOIN (%s) latest ON latest.model_id = s.model_id AND latest.hardware_type = s.hardware_type
                WHERE %s %s""".formatted(
                StaleValidation.of("s", "s.version_changed"),
                DisputedClaim.joined("s"),
                DisputedClaim.latestResultsBefore(modelIds == null ? "" : "AND a.model_id IN (" + modelIds + ")"),
                STATE_THEN,
                modelIds == null ? "" : "AND s.model_id IN (" + modelIds + ")");
    }

    /**
     * As {@link #cells}, without the disputed mark, which needs every automated result: {@code model_id,
     * hardware_type, compatibility_level, validation_status, stale}. What a comparison of two points reads (the
     * difference between two dates a year apart at 100,000 models: BENCHMARKS.md, "Time travel").
     */
    public static String states(String modelIds) {
        return """
                SELECT s.model_id, s.hardware_type, s.compatibility_level, s.validation_status, %s AS stale
                FROM cell_states s
                WHERE %s %s""".formatted(
                        StaleValidation.of("s", "s.version_changed"),
                        STATE_THEN,
                        modelIds == null ? "" : "AND s.model_id IN (" + modelIds + ")");
    }
}
