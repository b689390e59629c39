package dev.compatmatrix.feedback.api;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A posted report read field by field, so that every unusable field is named at once (by its place in the body, e.g.
 * {@code environment.batch_size}), with the draft's own checks ({@link ReportDraft#problems()}) beside them.
 */
record ReportBody(String model, Platform platform, ReportDraft draft, Map<String, String> problems) {

    static final List<String> FIELDS = List.of("model", "platform", "outcome", "environment", "comment", "link");
    static final List<String> ENVIRONMENT =
            List.of("framework", "framework_version", "driver", "device", "precision", "batch_size");

    static ReportBody read(JsonNode body) {
        Map<String, String> problems = new LinkedHashMap<>();
        unknown(body, "", FIELDS, problems);
        String model = text(body, "model", "", problems);
        if (model == null && !problems.containsKey("model")) {
            problems.put("model", "Name the model, e.g. \"bert-base-uncased\"");
        }
        String platformKey = text(body, "platform", "", problems);
        Platform platform = keyed(platformKey, "platform", Platform.class, Platform::fromKey, problems);
        if (platformKey == null && !problems.containsKey("platform")) {
            problems.put("platform", "Name the platform, one of " + keys(Platform.class));
        }
        ReportOutcome outcome = keyed(
                text(body, "outcome", "", problems), "outcome", ReportOutcome.class, ReportOutcome::fromKey, problems);

        JsonNode environment = body.get("environment");
        String framework = null;
        String frameworkVersion = null;
        String driver = null;
        String device = null;
        Precision precision = null;
        Integer batchSize = null;
        if (environment != null && !environment.isNull()) {
            if (!environment.isObject()) {
                problems.put("environment", "expected an object { … } with " + String.join(", ", ENVIRONMENT));
            } else {
                String at = "environment.";
                unknown(environment, at, ENVIRONMENT, problems);
                framework = text(environment, "framework", at, problems);
                frameworkVersion = text(environment, "framework_version", at, problems);
                driver = text(environment, "driver", at, problems);
                device = text(environment, "device", at, problems);
                precision = keyed(
                        text(environment, "precision", at, problems),
                        at + "precision",
                        Precision.class,
                        Precision::fromKey,
                        problems);
                batchSize = wholeNumber(environment, "batch_size", at, problems);
            }
        }
        ReportDraft draft = new ReportDraft(
                outcome,
                framework,
                frameworkVersion,
                driver,
                device,
                precision,
                batchSize,
                text(body, "comment", "", problems),
                text(body, "link", "", problems));
        if (!problems.isEmpty()) {
            // Name the draft's problems too (a missing comment, a too long field), unless the field is named already.
            draft.problems().forEach((field, message) -> problems.putIfAbsent(bodyField(field), message));
        }
        return new ReportBody(model, platform, draft, problems);
    }

    /** Where a draft's (and the service's) field is in the body. */
    static String bodyField(String draftField) {
        return switch (draftField) {
            case "frameworkVersion" -> "environment.framework_version";
            case "batchSize" -> "environment.batch_size";
            case "framework", "driver", "device", "precision" -> "environment." + draftField;
            default -> draftField;
        };
    }

    static <E extends Enum<E> & Keyed> String keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", "));
    }

    private static void unknown(JsonNode object, String at, List<String> known, Map<String, String> problems) {
        object.propertyNames().stream()
                .filter(name -> !known.contains(name))
                .forEach(name ->
                        problems.put(at + name, "unknown field; the fields here are " + String.join(", ", known)));
    }

    private static String text(JsonNode object, String name, String at, Map<String, String> problems) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.put(at + name, "expected text in quotes");
            return null;
        }
        return value.stringValue();
    }

    private static Integer wholeNumber(JsonNode object, String name, String at, Map<String, String> problems) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.put(at + name, "expected a whole number, e.g. 8");
            return null;
        }
        return value.intValue();
    }

    private static <E extends Enum<E> & Keyed> E keyed(
            String value,
            String field,
            Class<E> type,
            Function<String, Optional<E>> fromKey,
            Map<String, String> problems) {
        if (value == null) {
            return null;
        }
        Optional<E> found = fromKey.apply(value.strip());
        if (found.isEmpty()) {
            problems.put(field, "'" + value + "' is not one of " + keys(type));
        }
        return found.orElse(null);
    }
}
