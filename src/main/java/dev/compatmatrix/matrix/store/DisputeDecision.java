package dev.compatmatrix.matrix.store;

/** How a validator resolved a dispute: kept the claim, or took the automated level. */
public enum DisputeDecision {
    KEEP,
    TAKE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
