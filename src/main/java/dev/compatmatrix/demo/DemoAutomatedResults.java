package dev.compatmatrix.demo;

import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's automated results: the nightly CI pipeline re-ran a few models; it agrees with every claim but
 * one per model, so the demo shows disputed cells (PRODUCT.md §4).
 */
final class DemoAutomatedResults {

    private static final List<String> MODELS =
            List.of("gpt2", "bert-base-uncased", "openai/whisper-tiny", "t5-small", "llama-7b");

    private DemoAutomatedResults() {}

    static void report(
            int ciValidatorId,
            LocalDateTime when,
            DerivedColumnsRepository matrixRows,
            ClaimRepository claims,
            MatrixWriter writer) {
        List<AutomatedResultRow> results = new ArrayList<>();
        for (int i = 0; i < MODELS.size(); i++) {
            var model = matrixRows.findByModelName(MODELS.get(i)).orElseThrow();
            List<Claim> modelClaims = claims.findAll(model.compatibilityId());
            Claim disputed = modelClaims.get((i * 3 + 1) % modelClaims.size());
            for (Claim claim : modelClaims) {
                CompatibilityLevel reported = claim == disputed
                        ? disagreeing(claim.data().level())
                        : claim.data().level();
                results.add(new AutomatedResultRow(
                        model.modelId(),
                        claim.platform(),
                        ciValidatorId,
                        reported,
                        "nightly-" + (4200 + i),
                        claim.data().frameworkVersion(),
                        when));
            }
        }
        writer.recordResults(results);
    }

    /** A plausible different outcome: one level worse, or "low" where the claim says unsupported. */
    static CompatibilityLevel disagreeing(CompatibilityLevel claimed) {
        return switch (claimed) {
            case HIGH -> CompatibilityLevel.MEDIUM;
            case MEDIUM -> CompatibilityLevel.LOW;
            case LOW -> CompatibilityLevel.UNSUPPORTED;
            case UNSUPPORTED -> CompatibilityLevel.LOW;
        };
    }
}
