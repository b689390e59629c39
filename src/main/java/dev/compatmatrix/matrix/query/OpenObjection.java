package dev.compatmatrix.matrix.query;

/**
 * When a claim {@code d} has an open objection (PRODUCT.md §4): a rejection by a validator below the level of the
 * approval that set the claim's status was kept as an objection to the claim's present version, and no later
 * review of the claim (approval or rejection) by a validator of that level or above has answered it. Shared by the
 * queue and the model page, as a join to {@link #LATEST}.
 */
public final class OpenObjection {

    /**
     * Each claim's newest open objection — {@code claim_id}, {@code claim_version}, {@code needs_level},
     * {@code reviewer}, {@code validator_name}, {@code verification_level}, {@code comment}, {@code reviewed_at} — as a
     * derived table; join it {@code ON objection.claim_id = d.id AND objection.claim_version = d.row_version}.
     */
    public static final String LATEST = """
            SELECT claim_id, claim_version, needs_level, reviewer, validator_name, verification_level, comment,
                   reviewed_at
            FROM (SELECT o.claim_id, o.claim_version, o.needs_level, r.reviewer, v.name AS validator_name,
                         r.verification_level, r.comment, r.reviewed_at,
                         row_number() OVER (PARTITION BY o.claim_id ORDER BY o.review_id DESC) AS objection_rank
                  FROM validation_objections o
                  JOIN validation_reviews r ON r.id = o.review_id
                  LEFT JOIN validators v ON v.validator_id = r.validator_id
                  WHERE NOT EXISTS (SELECT 1 FROM validation_reviews later WHERE later.claim_id = o.claim_id
                                    AND later.id > o.review_id AND later.verification_level >= o.needs_level)
                 ) open_objections
            WHERE objection_rank = 1""";

    /** The join of {@link #LATEST} as {@code objection} to a claim {@code d}. */
    public static final String JOIN = "LEFT JOIN (" + LATEST + ") objection"
            + " ON objection.claim_id = d.id AND objection.claim_version = d.row_version";

    private OpenObjection() {}
}
