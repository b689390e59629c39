package dev.compatmatrix.validation;

import dev.compatmatrix.compatibility.Claim;
import dev.compatmatrix.validation.query.QueueRow;

/** The claim version a validator looked at: reviews apply to exactly that version. */
public record ClaimRef(long claimId, int version) {

    public static ClaimRef of(Claim claim) {
        return new ClaimRef(claim.claimId(), claim.version());
    }

    public static ClaimRef of(QueueRow row) {
        return new ClaimRef(row.claimId(), row.version());
    }
}
