package dev.compatmatrix.timetravel.query;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/**
 * How a cell changed between two points in time, in the order changes are listed (regressions first). {@code key}
 * is what URLs, the API and the CSV carry; {@code icon} a Vaadin icon that tells the kinds apart without colour.
 */
public enum CellChangeKind implements Keyed {
    REGRESSED("regressed", "Regressed", "vaadin:arrow-down"),
    REMOVED("removed", "Removed", "vaadin:minus-circle-o"),
    IMPROVED("improved", "Improved", "vaadin:arrow-up"),
    NEWLY_TESTED("newly_tested", "Newly tested", "vaadin:plus-circle-o"),
    VALIDATION_CHANGED("validation_changed", "Validation changed", "vaadin:check-square-o");

    private final String key;
    private final String label;
    private final String icon;

    CellChangeKind(String key, String label, String icon) {
        this.key = key;
        this.label = label;
        this.icon = icon;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String icon() {
        return icon;
    }

    public static Optional<CellChangeKind> fromKey(String key) {
        return Keyed.fromKey(CellChangeKind.class, key);
    }
}
