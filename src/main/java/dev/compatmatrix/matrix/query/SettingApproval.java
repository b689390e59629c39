package dev.compatmatrix.matrix.query;

/**
 * Which review is the approval that set a claim's present status (PRODUCT.md §4): an approval made at the moment the
 * claim was last validated. Its framework version decides staleness; its verification level, who may reject.
 */
public final class SettingApproval {

    private SettingApproval() {}

    /** The condition, for a review aliased {@code review} and a claim ({@code compatibility_details}) aliased {@code claim}. */
    public static String of(String review, String claim) {
        return review + ".decision = 'approve' AND " + review + ".reviewed_at = " + claim + ".validation_date";
    }
}
