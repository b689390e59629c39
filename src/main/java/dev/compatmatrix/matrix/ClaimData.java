package dev.compatmatrix.matrix;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * What an editor writes about a model on a platform: the level, free text, and structured evidence.
 * The form binds to it; the service validates it again (the browser is not trusted).
 *
 * @param evidenceRun a test run id, or an http(s) link to the run
 * @param simulated   the result came from a simulator or emulator: such a claim can never be validated
 */
public record ClaimData(
        @NotNull(message = "Choose a level") CompatibilityLevel level,
        @Size(max = TEXT_MAX, message = "At most " + TEXT_MAX + " characters") String limitations,
        @Size(max = TEXT_MAX, message = "At most " + TEXT_MAX + " characters") String workarounds,
        @Size(max = TEXT_MAX, message = "At most " + TEXT_MAX + " characters") String performanceNotes,
        @Size(max = SHORT_MAX, message = "At most " + SHORT_MAX + " characters") String evidenceRun,
        @Size(max = VERSION_MAX, message = "At most " + VERSION_MAX + " characters") String frameworkVersion,
        @Size(max = VERSION_MAX, message = "At most " + VERSION_MAX + " characters") String device,
        @Positive(message = "A batch size is a positive number") Integer batchSize,
        Precision precision,
        boolean simulated) {

    public static final int TEXT_MAX = 2000;
    public static final int SHORT_MAX = 500;
    public static final int VERSION_MAX = 120;

    public ClaimData {
        limitations = blankToNull(limitations);
        workarounds = blankToNull(workarounds);
        performanceNotes = blankToNull(performanceNotes);
        evidenceRun = blankToNull(evidenceRun);
        frameworkVersion = blankToNull(frameworkVersion);
        device = blankToNull(device);
    }

    /** A claim's substance: changing it resets the claim's validation (PRODUCT.md §2). */
    public boolean sameSubstanceAs(ClaimData other) {
        return level == other.level && Objects.equals(limitations, other.limitations)
                && Objects.equals(workarounds, other.workarounds)
                && Objects.equals(performanceNotes, other.performanceNotes) && simulated == other.simulated;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
