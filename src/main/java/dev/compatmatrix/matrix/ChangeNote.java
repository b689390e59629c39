package dev.compatmatrix.matrix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a claim changes and which framework/driver/runtime version the change is about; written to
 * {@code compatibility_history}. Required when the level changes, when a claim is created (reason and
 * version) and when it is removed (reason). (A form binds to it, so it holds only what the form shows; a change
 * accepted from a user's report names the report beside it: {@code ClaimChange}.)
 */
public record ChangeNote(String reason, String version) {

    public static final int REASON_MAX = 1000;

    public ChangeNote {
        reason = ClaimData.blankToNull(reason);
        version = ClaimData.blankToNull(version);
    }

    public static final ChangeNote NONE = new ChangeNote(null, null);

    /** A note is required for a new claim ({@code loaded} null) and for a change of level. */
    public static boolean required(Claim loaded, CompatibilityLevel level) {
        return loaded == null || (level != null && level != loaded.data().level());
    }

    /**
     * What is wrong with this note for saving {@code level} over {@code loaded} (null for a new claim), by field
     * ("reason", "version"); empty when nothing is. The form and the service both ask this.
     */
    public Map<String, String> problems(Claim loaded, CompatibilityLevel level) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (required(loaded, level)) {
            boolean created = loaded == null;
            if (reason == null) {
                problems.put(
                        "reason",
                        created ? "A new claim needs the reason (what was run)" : "A level change needs a reason");
            }
            if (version == null) {
                problems.put(
                        "version",
                        created
                                ? "A new claim needs the framework/driver/runtime version it was tested with"
                                : "A level change needs the version it is about");
            }
        }
        if (reason != null && reason.length() > REASON_MAX) {
            problems.put("reason", TextLimit.tooLong(REASON_MAX, reason.length()));
        }
        if (version != null && version.length() > ClaimData.VERSION_MAX) {
            problems.put("version", TextLimit.tooLong(ClaimData.VERSION_MAX, version.length()));
        }
        return problems;
    }
}
