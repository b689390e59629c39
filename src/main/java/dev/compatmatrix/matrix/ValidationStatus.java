package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** The seed's {@code validation_status} values. */
public enum ValidationStatus implements Keyed {
    VALIDATED("validated", "Validated", "✓"),
    PARTIALLY_VALIDATED("partially_validated", "Partially validated", "◐"),
    UNVALIDATED("unvalidated", "Unvalidated", "○");

    private final String key;
    private final String label;
    private final String mark;

    ValidationStatus(String key, String label, String mark) {
        this.key = key;
        this.label = label;
        this.mark = mark;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** A glyph that tells the status apart without colour. */
    public String mark() {
        return mark;
    }

    public static Optional<ValidationStatus> fromKey(String key) {
        return Keyed.fromKey(ValidationStatus.class, key);
    }
}
