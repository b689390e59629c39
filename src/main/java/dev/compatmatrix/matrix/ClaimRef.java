package dev.compatmatrix.matrix;

/** The claim version a validator looked at: reviews apply to exactly that version. */
public record ClaimRef(long claimId, int version) {

    public static ClaimRef of(ClaimVersion claim) {
        return new ClaimRef(claim.claimId(), claim.version());
    }
}
