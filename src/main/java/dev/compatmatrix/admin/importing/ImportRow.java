package dev.compatmatrix.admin.importing;

/**
 * One row of an import file: a model (created when new), and optionally its claim on one platform.
 *
 * @param line the row's line in a CSV file (header = line 1), or its position from 1 in a JSON array
 */
public record ImportRow(
        int line,
        String model,
        String family,
        String type,
        String size,
        String parametersMillions,
        String hardware,
        String level,
        String limitations,
        String workarounds,
        String notes,
        String frameworkVersion,
        String reason) {

    /** The columns of a CSV import file and the keys of a JSON one, in this order. */
    public static final java.util.List<String> COLUMNS = java.util.List.of(
            "model",
            "family",
            "type",
            "size",
            "parameters_millions",
            "hardware",
            "level",
            "limitations",
            "workarounds",
            "notes",
            "framework_version",
            "reason");
}
