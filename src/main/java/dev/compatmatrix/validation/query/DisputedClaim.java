package dev.compatmatrix.validation.query;

/**
 * When a claim {@code d} (joined to its matrix row {@code c}) is disputed: the newest automated result for
 * its cell reports another level. Shared by the queue and the matrix.
 */
public final class DisputedClaim {

    /** The newest automated result of the claim's cell: its level, and who reported it. */
    public static final String LATEST_RESULT = """
            (SELECT a.reported_level || '|' || v.name FROM automated_results a
             JOIN validators v ON v.validator_id = a.validator_id
             WHERE a.model_id = c.model_id AND a.hardware_type = d.hardware_type
             ORDER BY a.reported_at DESC, a.id DESC LIMIT 1)""";

    public static final String CONDITION = "coalesce(split_part(" + LATEST_RESULT + ", '|', 1) <> d.compatibility_level, false)";

    private DisputedClaim() {
    }
}
