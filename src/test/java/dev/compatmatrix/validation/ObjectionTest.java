package dev.compatmatrix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationStatus;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md §4, rejections: one at or above the level of the approval that set the status unvalidates the claim;
 * one from below is kept as an objection that puts the claim in the queue for a validator of that level.
 */
class ObjectionTest extends ValidationWritingTest {

    @Test
    void a_level_one_rejection_of_the_demo_t5_small_mps_claim_is_an_objection_not_an_undo() {
        Claim t5 = fixtures.demo("t5-small", Platform.MPS);
        assertThat(t5.status()).isEqualTo(ValidationStatus.VALIDATED);
        signIn("validator1", Roles.VALIDATOR);

        ReviewOutcome outcome = validation.reject(ClaimRef.of(t5), "Crashes on an M1 with 8 GB");

        assertThat(outcome.objection()).isTrue();
        assertThat(fixtures.stored(t5).status()).isEqualTo(ValidationStatus.VALIDATED);
        signIn("validator1", Roles.VALIDATOR);
        int needs = outcome.objectionNeedsLevel();
        assertThat(needs).isGreaterThan(1);
        assertThat(queued(t5)).hasValueSatisfying(row -> {
            assertThat(row.objection().label()).isEqualTo("Objection by validator1 (level 1) — needs level " + needs);
            assertThat(row.objection().comment()).isEqualTo("Crashes on an M1 with 8 GB");
            assertThat(row.neededLevel()).isEqualTo(needs);
            assertThat(row.youMay()).isEqualTo("Needs level " + needs + " (objection)");
        });
        assertThat(validation.objections(t5.modelId())).containsKey(Platform.MPS);
    }

    @Test
    void a_rejection_by_the_approval_s_level_unvalidates_and_answers_the_objection() {
        Claim claim = fixtures.fresh(CompatibilityLevel.HIGH, false, "editor");
        signIn("validator3", Roles.VALIDATOR);
        validation.approve(ClaimRef.of(claim), null);
        signIn("validator2", Roles.VALIDATOR);
        assertThat(validation.reject(ClaimRef.of(claim), "Batch 32 fails").objectionNeedsLevel())
                .isEqualTo(3);
        assertThat(fixtures.stored(claim).status()).isEqualTo(ValidationStatus.VALIDATED);

        signIn("validator3", Roles.VALIDATOR);
        assertThat(validation
                        .reject(ClaimRef.of(claim), "Confirmed: batch 32 fails")
                        .status())
                .isEqualTo(ValidationStatus.UNVALIDATED);
        assertThat(validation.objections(claim.modelId())).doesNotContainKey(claim.platform());
        assertThat(queued(claim))
                .hasValueSatisfying(row -> assertThat(row.objection()).isNull());
    }

    @Test
    void an_approval_by_the_approval_s_level_answers_the_objection_and_the_claim_leaves_the_queue() {
        Claim claim = fixtures.fresh(CompatibilityLevel.MEDIUM, false, "editor");
        signIn("validator2", Roles.VALIDATOR);
        validation.approve(ClaimRef.of(claim), null);
        signIn("validator1", Roles.VALIDATOR);
        validation.reject(ClaimRef.of(claim), "Output differs from CPU");
        validation.approve(ClaimRef.of(claim), null); // a lower-level approval answers nothing
        assertThat(queued(claim))
                .hasValueSatisfying(
                        row -> assertThat(row.objection().needsLevel()).isEqualTo(2));

        signIn("validator2", Roles.VALIDATOR);
        validation.approve(ClaimRef.of(claim), "Within tolerance (1e-3)");

        assertThat(fixtures.stored(claim).status()).isEqualTo(ValidationStatus.VALIDATED);
        signIn("validator2", Roles.VALIDATOR);
        assertThat(queued(claim)).isEmpty();
    }

    @Test
    void a_rejection_of_an_unvalidated_claim_needs_no_level() {
        Claim claim = fixtures.fresh(CompatibilityLevel.HIGH, false, "editor");
        signIn("validator1", Roles.VALIDATOR);
        ReviewOutcome outcome = validation.reject(ClaimRef.of(claim), "No evidence link");
        assertThat(outcome.objection()).isFalse();
        assertThat(outcome.status()).isEqualTo(ValidationStatus.UNVALIDATED);
    }
}
