package dev.compatmatrix.feedback;

import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.EvidenceRun;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.TextLimit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reporter says about a cell: the outcome, the environment it was run in (the same fields as a claim's
 * evidence, plus the framework's name and the driver), a comment and an optional http(s) link. The form and the
 * service both ask {@link #problems()}.
 */
public record ReportDraft(
        ReportOutcome outcome,
        String framework,
        String frameworkVersion,
        String driver,
        String device,
        Precision precision,
        Integer batchSize,
        String comment,
        String link) {

    public static final int FIELD_MAX = ClaimData.VERSION_MAX;
    public static final int COMMENT_MAX = ClaimData.TEXT_MAX;
    public static final int LINK_MAX = ClaimData.SHORT_MAX;

    public ReportDraft {
        framework = blankToNull(framework);
        frameworkVersion = blankToNull(frameworkVersion);
        driver = blankToNull(driver);
        device = blankToNull(device);
        comment = blankToNull(comment);
        link = blankToNull(link);
    }

    /** "PyTorch 2.5.1 · ROCm 6.2": the framework, its version and the driver, those given ("" for none). */
    public String runtime() {
        String frameworkAndVersion = java.util.stream.Stream.of(framework, frameworkVersion)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
        return java.util.stream.Stream.of(frameworkAndVersion.isEmpty() ? null : frameworkAndVersion, driver)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    /** What is wrong, by field; empty when nothing is. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (outcome == null) {
            problems.put("outcome", "Choose what happened: works, fails or partly");
        }
        limit(problems, "framework", framework, FIELD_MAX);
        limit(problems, "frameworkVersion", frameworkVersion, FIELD_MAX);
        limit(problems, "driver", driver, FIELD_MAX);
        limit(problems, "device", device, FIELD_MAX);
        if (batchSize != null && batchSize <= 0) {
            problems.put("batchSize", ClaimData.BATCH_SIZE_MESSAGE);
        }
        if (comment == null && outcome != null && outcome != ReportOutcome.WORKS) {
            problems.put("comment", "Say what went wrong (the error, or what did not work)");
        }
        limit(problems, "comment", comment, COMMENT_MAX);
        if (link != null && link.length() > LINK_MAX) {
            problems.put("link", TextLimit.tooLong(LINK_MAX, link.length()));
        } else if (link != null && !EvidenceRun.isHttpLink(link)) {
            problems.put("link", "Enter an http(s) link, e.g. https://github.com/org/repo/issues/12");
        }
        return problems;
    }

    private static void limit(Map<String, String> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.put(field, TextLimit.tooLong(max, value.length()));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
