package dev.compatmatrix.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** PRODUCT.md §4, disputes: a validator of the claim's required level resolves one explicitly; approval does not. */
class DisputeResolutionTest extends ValidationWritingTest {

    @Test
    void
            approving_the_disputed_demo_claim_leaves_it_disputed_and_keeping_it_resolves_it_until_a_newer_result_disagrees() {
        Claim bert = fixtures.demo("bert-base-uncased", Platform.QUALCOMM);
        signIn("validator3", Roles.VALIDATOR);
        assertThat(queued(bert))
                .hasValueSatisfying(row -> assertThat(row.disputed()).isTrue());
        assertThat(validation.approve(ClaimRef.of(bert), null).status()).isEqualTo(ValidationStatus.VALIDATED);
        assertThat(queued(bert))
                .hasValueSatisfying(row -> assertThat(row.disputed()).isTrue());
        // Approving again (as the validator did) says so instead of claiming to have validated it.
        signIn("validator2", Roles.VALIDATOR);
        assertThat(validation.approve(ClaimRef.of(bert), null).describe()).startsWith("already Validated");

        signIn("validator3", Roles.VALIDATOR);
        assertThatThrownBy(() -> validation.keepClaim(ClaimRef.of(bert), " "))
                .isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("needs a comment");
        validation.keepClaim(ClaimRef.of(bert), "Re-ran the full suite on a Snapdragon X Elite: High holds");

        assertThat(queued(bert)).isEmpty(); // validated, fresh, no longer disputed
        assertThat(validation.disputes(bert.modelId())).doesNotContainKey(Platform.QUALCOMM);
        Claim after = fixtures.stored(bert);
        assertThat(after.data().level()).isEqualTo(CompatibilityLevel.HIGH);
        assertThat(after.status()).isEqualTo(ValidationStatus.VALIDATED);
        assertThat(fixtures.count("dispute_resolutions", bert)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'claim.dispute_keep' AND entity_id = :id")
                        .param("id", String.valueOf(bert.claimId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        fixtures.ciReports(bert, CompatibilityLevel.HIGH); // agrees: nothing to dispute
        signIn("validator3", Roles.VALIDATOR);
        assertThat(queued(bert)).isEmpty();
        fixtures.ciReports(bert, CompatibilityLevel.LOW); // a newer result disagrees: disputed again
        signIn("validator3", Roles.VALIDATOR);
        assertThat(queued(bert))
                .hasValueSatisfying(row -> assertThat(row.automatedDisagrees()).isEqualTo("nightly-ci reports Low"));
    }

    @Test
    void taking_the_automated_level_changes_the_claim_through_the_claim_rules() {
        Claim claim = fixtures.fresh(CompatibilityLevel.HIGH, false, "editor");
        fixtures.ciReports(claim, CompatibilityLevel.MEDIUM);
        signIn("validator3", Roles.VALIDATOR);
        validation.approve(ClaimRef.of(claim), null);
        long historyBefore = history(claim);

        Claim changed = validation.takeAutomatedLevel(ClaimRef.of(claim), "CI covers batch 32, the claim did not");

        assertThat(changed.data().level()).isEqualTo(CompatibilityLevel.MEDIUM);
        assertThat(changed.status()).isEqualTo(ValidationStatus.UNVALIDATED); // a level change resets the validation
        assertThat(changed.updatedBy()).isEqualTo("validator3");
        assertThat(history(claim)).isEqualTo(historyBefore + 1);
        assertThat(jdbc.sql("""
                        SELECT change_reason FROM compatibility_history
                        WHERE model_id = :model AND hardware_type = :platform ORDER BY id DESC LIMIT 1""")
                        .param("model", claim.modelId())
                        .param("platform", claim.platform().key())
                        .query(String.class)
                        .single())
                .startsWith("Dispute resolved by validator3 (level 3): took nightly-ci reports Medium")
                .endsWith("CI covers batch 32, the claim did not");
        assertThat(jdbc.sql("SELECT " + claim.platform().key() + "_level_rank FROM cross_platform_compatibility"
                                + " WHERE model_id = :model")
                        .param("model", claim.modelId())
                        .query(Integer.class)
                        .single())
                .as("the derived level rank of a medium claim")
                .isEqualTo(3);
        assertThat(validation.disputes(claim.modelId())).doesNotContainKey(claim.platform());
        assertThat(queued(changed)).hasValueSatisfying(row -> {
            assertThat(row.disputed()).isFalse();
            assertThat(row.status()).isEqualTo(ValidationStatus.UNVALIDATED);
        });
    }

    @Test
    void a_validator_below_the_claim_s_required_level_an_editor_and_the_author_cannot_resolve_a_dispute() {
        Claim claim = fixtures.fresh(CompatibilityLevel.HIGH, false, "editor");
        fixtures.ciReports(claim, CompatibilityLevel.LOW);
        signIn("validator1", Roles.VALIDATOR);
        assertThat(queued(claim))
                .hasValueSatisfying(row -> assertThat(row.access().resolveBlocked())
                        .isEqualTo("Resolving this dispute needs level 3; you are level 1"));
        assertThatThrownBy(() -> validation.keepClaim(ClaimRef.of(claim), "Looks right to me"))
                .isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("needs a validator of level 3");
        assertThatThrownBy(() -> validation.takeAutomatedLevel(ClaimRef.of(claim), null))
                .isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("you are level 1");
        signIn("editor", Roles.EDITOR);
        assertThatThrownBy(() -> validation.keepClaim(ClaimRef.of(claim), "Mine is right"))
                .isInstanceOf(AccessDeniedException.class);

        Claim own = fixtures.fresh(CompatibilityLevel.LOW, false, "validator3", Roles.EDITOR, Roles.VALIDATOR);
        fixtures.ciReports(own, CompatibilityLevel.MEDIUM);
        signIn("validator3", Roles.VALIDATOR);
        assertThatThrownBy(() -> validation.keepClaim(ClaimRef.of(own), "I checked it myself"))
                .isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("Four eyes");

        assertThat(fixtures.count("dispute_resolutions", claim) + fixtures.count("dispute_resolutions", own))
                .isZero();
        assertThat(fixtures.stored(claim).data().level()).isEqualTo(CompatibilityLevel.HIGH);
        signIn("validator3", Roles.VALIDATOR);
        assertThat(queued(claim))
                .hasValueSatisfying(row -> assertThat(row.disputed()).isTrue());
    }

    @Test
    void a_claim_that_is_not_disputed_cannot_be_resolved() {
        Claim claim = fixtures.fresh(CompatibilityLevel.LOW, false, "editor");
        signIn("validator3", Roles.VALIDATOR);
        assertThatThrownBy(() -> validation.keepClaim(ClaimRef.of(claim), "Fine"))
                .isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("not disputed");
    }

    @Test
    void bulk_approval_says_which_claims_already_had_that_status() {
        Claim validated = fixtures.fresh(CompatibilityLevel.MEDIUM, false, "editor");
        Claim waiting = fixtures.fresh(CompatibilityLevel.MEDIUM, false, "editor");
        signIn("validator2", Roles.VALIDATOR);
        validation.approve(ClaimRef.of(validated), null);

        var outcomes = validation.approveAll(List.of(ClaimRef.of(validated), ClaimRef.of(waiting)));

        assertThat(outcomes.get(0).describe()).isEqualTo("already Validated (your review is recorded)");
        assertThat(outcomes.get(1).describe()).isEqualTo("Validated");
    }

    private long history(Claim claim) {
        return jdbc.sql(
                        "SELECT count(*) FROM compatibility_history WHERE model_id = :model AND hardware_type = :platform")
                .param("model", claim.modelId())
                .param("platform", claim.platform().key())
                .query(Long.class)
                .single();
    }
}
