package dev.compatmatrix.feedback;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** Where a report stands. A report is never deleted: triage closes it as accepted, declined or a duplicate. */
public enum ReportState implements Keyed {
    OPEN("open", "Open"),
    ACCEPTED("accepted", "Accepted"),
    DECLINED("declined", "Declined"),
    DUPLICATE("duplicate", "Duplicate");

    private final String key;
    private final String label;

    ReportState(String key, String label) {
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

    public static Optional<ReportState> fromKey(String key) {
        return Keyed.fromKey(ReportState.class, key);
    }
}
