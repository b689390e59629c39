package dev.compatmatrix.admin.importing;

import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks every row of an import file against the rules and the current data, and counts what would change. */
final class ImportChecks {

    static final int NAME_MAX = 200;

    private ImportChecks() {}

    /**
     * @param existingModels names of the models that exist (deleted ones do not)
     * @param currentLevels  the level of each existing claim, keyed by {@link #cell}
     */
    static ImportPreview preview(
            List<ImportRow> rows,
            Set<String> existingModels,
            Map<String, String> currentLevels,
            java.util.function.Function<ImportRow, List<String>> newModelProblems) {
        List<ImportPreview.RowError> errors = new ArrayList<>();
        Set<String> newModels = new HashSet<>();
        Map<String, Integer> seenCells = new HashMap<>();
        int claimsToCreate = 0;
        int claimsToChange = 0;
        int unchanged = 0;
        for (ImportRow row : rows) {
            List<String> problems = problems(row, existingModels.contains(row.model()));
            if (problems.isEmpty() && !existingModels.contains(row.model())) {
                problems.addAll(newModelProblems.apply(row));
            }
            if (problems.isEmpty() && row.hardware() != null) {
                Integer earlier = seenCells.putIfAbsent(cell(row.model(), row.hardware()), row.line());
                if (earlier != null) {
                    problems.add("line " + earlier + " already sets " + row.model() + " on " + row.hardware());
                }
            }
            if (!problems.isEmpty()) {
                errors.add(new ImportPreview.RowError(row.line(), String.join("; ", problems)));
                continue;
            }
            if (!existingModels.contains(row.model())) {
                newModels.add(row.model());
            }
            if (row.hardware() != null) {
                String current = currentLevels.get(cell(row.model(), row.hardware()));
                if (current == null) {
                    claimsToCreate++;
                } else if (!current.equals(row.level())) {
                    claimsToChange++;
                } else {
                    unchanged++;
                }
            }
        }
        return new ImportPreview(rows.size(), errors, newModels.size(), claimsToCreate, claimsToChange, unchanged);
    }

    static String cell(String model, String platform) {
        return model + "\u0000" + platform;
    }

    private static List<String> problems(ImportRow row, boolean modelExists) {
        List<String> problems = new ArrayList<>();
        if (row.model() == null || row.model().length() > NAME_MAX) {
            problems.add("model: required, at most " + NAME_MAX + " characters");
        }
        if (!modelExists) {
            if (row.family() == null) {
                problems.add("family: required for a new model");
            }
            if (row.type() == null || ModelType.fromKey(row.type()).isEmpty()) {
                problems.add("type: required for a new model, one of " + keys(ModelType.values()));
            }
            if (row.size() == null || ModelSize.fromKey(row.size()).isEmpty()) {
                problems.add("size: required for a new model, one of " + keys(ModelSize.values()));
            }
        }
        if (row.parametersMillions() != null
                && positiveNumber(row.parametersMillions()).isEmpty()) {
            problems.add("parameters_millions: a positive number");
        }
        if (row.hardware() != null && Platform.fromKey(row.hardware()).isEmpty()) {
            problems.add("hardware: one of " + keys(Platform.values()));
        }
        if (row.hardware() != null
                && (row.level() == null
                        || CompatibilityLevel.fromKey(row.level()).isEmpty())) {
            problems.add("level: required with hardware, one of " + keys(CompatibilityLevel.values()));
        }
        if (row.hardware() == null && row.level() != null) {
            problems.add("level: needs a hardware column");
        }
        for (var text : List.of(
                new String[] {"limitations", row.limitations()},
                new String[] {"workarounds", row.workarounds()},
                new String[] {"notes", row.notes()})) {
            if (text[1] != null && text[1].length() > ClaimData.TEXT_MAX) {
                problems.add(text[0] + ": at most " + ClaimData.TEXT_MAX + " characters");
            }
        }
        if (row.frameworkVersion() != null && row.frameworkVersion().length() > ClaimData.VERSION_MAX) {
            problems.add("framework_version: at most " + ClaimData.VERSION_MAX + " characters");
        }
        return problems;
    }

    private static Optional<Double> positiveNumber(String text) {
        try {
            double value = Double.parseDouble(text);
            return value > 0 && Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String keys(dev.compatmatrix.base.Keyed[] values) {
        return java.util.Arrays.stream(values)
                .map(dev.compatmatrix.base.Keyed::key)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
