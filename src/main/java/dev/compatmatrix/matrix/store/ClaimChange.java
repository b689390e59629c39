package dev.compatmatrix.matrix.store;

import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;

/**
 * One change to a cell's claim, as {@link MatrixWriter#writeClaims} takes it: a new claim, a new version, or a
 * removal. {@code reason} and {@code version} go into the history row a change of level gets.
 */
public sealed interface ClaimChange {

    ModelRef model();

    Platform platform();

    /** A claim for a cell that was not tested; {@code claimId} drawn from {@link ClaimRepository#newIds}. */
    record Create(
            long claimId,
            ModelRef model,
            Platform platform,
            ClaimData data,
            Validation validation,
            String reason,
            String version,
            Long reportId)
            implements ClaimChange {

        public Create(
                long claimId,
                ModelRef model,
                Platform platform,
                ClaimData data,
                Validation validation,
                String reason,
                String version) {
            this(claimId, model, platform, data, validation, reason, version, null);
        }
    }

    /**
     * A new version of a claim still at {@code expectedVersion}; {@code validation} null keeps the claim's
     * validation as it is.
     */
    record Update(
            long claimId,
            int expectedVersion,
            ModelRef model,
            Platform platform,
            CompatibilityLevel previousLevel,
            ClaimData data,
            Validation validation,
            String reason,
            String version,
            Long reportId)
            implements ClaimChange {

        public Update(
                long claimId,
                int expectedVersion,
                ModelRef model,
                Platform platform,
                CompatibilityLevel previousLevel,
                ClaimData data,
                Validation validation,
                String reason,
                String version) {
            this(claimId, expectedVersion, model, platform, previousLevel, data, validation, reason, version, null);
        }
    }

    /** Removes a claim still at {@code expectedVersion}: the cell returns to "not tested". */
    record Remove(
            long claimId,
            int expectedVersion,
            ModelRef model,
            Platform platform,
            CompatibilityLevel previousLevel,
            String reason,
            String version)
            implements ClaimChange {}

    /** A person's edit of {@code loaded}: a change of substance resets the validation (PRODUCT.md §2). */
    static Update edit(Claim loaded, ModelRef model, ClaimData data, String reason, String version) {
        return editFromReport(loaded, model, data, new ChangeNote(reason, version), null);
    }

    /** As above, accepted from a user's report ({@code reportId}, null for none), which the history row links. */
    static Update editFromReport(Claim loaded, ModelRef model, ClaimData data, ChangeNote note, Long reportId) {
        return new Update(
                loaded.claimId(),
                loaded.version(),
                model,
                loaded.platform(),
                loaded.data().level(),
                data,
                loaded.data().sameSubstanceAs(data) ? null : Validation.RESET,
                note.reason(),
                note.version(),
                reportId);
    }

    /** Removes {@code loaded}; its history row names the claim's framework version. */
    static Remove remove(Claim loaded, ModelRef model, String reason) {
        return new Remove(
                loaded.claimId(),
                loaded.version(),
                model,
                loaded.platform(),
                loaded.data().level(),
                reason,
                loaded.data().frameworkVersion());
    }
}
