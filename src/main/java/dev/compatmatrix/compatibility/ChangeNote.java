package dev.compatmatrix.compatibility;

/**
 * Why a claim changes and which framework/driver/runtime version the change is about; written to
 * {@code compatibility_history}. Required when the level changes, when a claim is created (reason and
 * version) and when it is removed (reason).
 */
public record ChangeNote(String reason, String version) {

    public static final int REASON_MAX = 1000;

    public ChangeNote {
        reason = ClaimData.blankToNull(reason);
        version = ClaimData.blankToNull(version);
    }

    public static final ChangeNote NONE = new ChangeNote(null, null);
}
