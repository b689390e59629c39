package dev.compatmatrix.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A claim's fields by name, for the audit log and for telling a user what someone else changed. */
public final class ClaimFields {

    /** The form's words for the fields (lower-cased inside a sentence). */
    private static final Map<String, String> LABELS = Map.of(
            "level",
            "Level",
            "limitations",
            "Limitations",
            "workarounds",
            "Workarounds",
            "performanceNotes",
            "Performance notes",
            "evidenceRun",
            "Test run",
            "frameworkVersion",
            "Framework version",
            "device",
            "Device",
            "batchSize",
            "Batch size",
            "precision",
            "Precision",
            "simulated",
            "Simulated");

    private ClaimFields() {}

    /** "Performance notes": how the form names the field {@code field} (a key of {@link #of}). */
    public static String label(String field) {
        return LABELS.get(field);
    }

    public static Map<String, Object> of(ClaimData data) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", data.level().key());
        fields.put("limitations", data.limitations());
        fields.put("workarounds", data.workarounds());
        fields.put("performanceNotes", data.performanceNotes());
        fields.put("evidenceRun", data.evidenceRun());
        fields.put("frameworkVersion", data.frameworkVersion());
        fields.put("device", data.device());
        fields.put("batchSize", data.batchSize());
        fields.put(
                "precision", data.precision() == null ? null : data.precision().key());
        fields.put("simulated", data.simulated());
        return fields;
    }

    /** The fields that differ, with their old ({@code old} true) or new values. */
    public static Map<String, Object> changed(ClaimData before, ClaimData after, boolean old) {
        Map<String, Object> a = of(before);
        Map<String, Object> b = of(after);
        Map<String, Object> changed = new LinkedHashMap<>();
        a.forEach((field, value) -> {
            if (!Objects.equals(value, b.get(field))) {
                changed.put(field, old ? value : b.get(field));
            }
        });
        return changed;
    }

    /** "level high → medium, limitations changed" — what the other person changed. */
    public static String describeDifferences(ClaimData mine, ClaimData theirs) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> a = of(mine);
        Map<String, Object> b = of(theirs);
        a.forEach((field, value) -> {
            Object other = b.get(field);
            if (!Objects.equals(value, other)) {
                boolean shortValue = !(value instanceof String s && s.length() > 40)
                        && !(other instanceof String t && t.length() > 40);
                String label = label(field).toLowerCase(Locale.ROOT);
                parts.add(shortValue ? label + " " + show(value) + " → " + show(other) : label + " changed");
            }
        });
        return String.join(", ", parts);
    }

    private static String show(Object value) {
        return value == null ? "(empty)" : value.toString();
    }
}
