package dev.compatmatrix.matrix;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Objects;

/**
 * What an editor writes about a model on a platform: the level, free text, and structured evidence.
 * The form binds to it with these constraints; the service validates it again (the browser is not trusted).
 *
 * @param evidenceRun a test run id, or an http(s) link to the run
 * @param simulated   the result came from a simulator or emulator: such a claim can never be validated
 */
public record ClaimData(
        @NotNull(message = "Choose a level") CompatibilityLevel level,
        @MaxText(TEXT_MAX) String limitations,
        @MaxText(TEXT_MAX) String workarounds,
        @MaxText(TEXT_MAX) String performanceNotes,
        @MaxText(SHORT_MAX) String evidenceRun,
        @MaxText(VERSION_MAX) String frameworkVersion,
        @MaxText(VERSION_MAX) String device,
        @Positive(message = BATCH_SIZE_MESSAGE) Integer batchSize,
        Precision precision,
        boolean simulated) {

    public static final int TEXT_MAX = 2000;
    public static final int SHORT_MAX = 500;
    public static final int VERSION_MAX = 120;
    public static final String BATCH_SIZE_MESSAGE = "A batch size is a positive number";

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
        return level == other.level
                && Objects.equals(limitations, other.limitations)
                && Objects.equals(workarounds, other.workarounds)
                && Objects.equals(performanceNotes, other.performanceNotes)
                && simulated == other.simulated;
    }

    /** The same claim at another level (a dispute resolved by taking the automated result's level, for one). */
    public ClaimData withLevel(CompatibilityLevel newLevel) {
        return new ClaimData(
                newLevel,
                limitations,
                workarounds,
                performanceNotes,
                evidenceRun,
                frameworkVersion,
                device,
                batchSize,
                precision,
                simulated);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
