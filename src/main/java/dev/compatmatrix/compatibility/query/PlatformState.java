package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** A per-platform matrix filter: what the model's claim on that platform must be. */
public enum PlatformState implements Keyed {
    SUPPORTED("supported", "Supported"),
    UNSUPPORTED("unsupported", "Unsupported"),
    NOT_TESTED("not_tested", "Not tested");

    private final String key;
    private final String label;

    PlatformState(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<PlatformState> fromKey(String key) {
        return Keyed.fromKey(PlatformState.class, key);
    }
}
