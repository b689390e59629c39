package dev.compatmatrix.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationRules;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** PRODUCT.md §4 through the service, on real DuckDB. */
class ValidationServiceTest extends ValidationWritingTest {

    @Test
    void every_validator_level_times_every_claim_level_gives_the_rule_s_status() {
        for (int validatorLevel = 1; validatorLevel <= 3; validatorLevel++) {
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                Claim claim = freshClaim(level, false, "editor");
                signIn("validator" + validatorLevel, Roles.VALIDATOR);
                ValidationStatus status =
                        validation.approve(ClaimRef.of(claim), null).status();
                ValidationStatus expected = validatorLevel >= ValidationRules.requiredLevel(level)
                        ? ValidationStatus.VALIDATED
                        : ValidationStatus.PARTIALLY_VALIDATED;
                assertThat(status)
                        .as("level %d approving %s", validatorLevel, level)
                        .isEqualTo(expected);
                assertThat(stored(claim).status()).isEqualTo(expected);
            }
        }
        // The 12 cases above, spelled out for the high claim: only level 3 validates it.
        assertThat(ValidationRules.afterApproval(1, CompatibilityLevel.HIGH, false))
                .isEqualTo(ValidationStatus.PARTIALLY_VALIDATED);
        assertThat(ValidationRules.afterApproval(2, CompatibilityLevel.HIGH, false))
                .isEqualTo(ValidationStatus.PARTIALLY_VALIDATED);
        assertThat(ValidationRules.afterApproval(3, CompatibilityLevel.HIGH, false))
                .isEqualTo(ValidationStatus.VALIDATED);
        assertThat(ValidationRules.afterApproval(1, CompatibilityLevel.UNSUPPORTED, false))
                .isEqualTo(ValidationStatus.VALIDATED);
    }

    @Test
    void nobody_approves_a_version_they_wrote() {
        Claim own = freshClaim(CompatibilityLevel.LOW, false, "validator2", Roles.EDITOR, Roles.VALIDATOR);
        signIn("validator2", Roles.VALIDATOR);
        long reviewsBefore = reviews(own);
        assertThatThrownBy(() -> validation.approve(ClaimRef.of(own), null))
                .isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("Four eyes");
        assertThat(stored(own).status()).isEqualTo(ValidationStatus.UNVALIDATED);
        assertThat(reviews(own)).isEqualTo(reviewsBefore);
    }

    @Test
    void a_simulated_result_never_becomes_validated() {
        Claim simulated = freshClaim(CompatibilityLevel.LOW, true, "editor");
        signIn("validator3", Roles.VALIDATOR);
        assertThat(validation.approve(ClaimRef.of(simulated), "looks right").status())
                .isEqualTo(ValidationStatus.PARTIALLY_VALIDATED);
    }

    @Test
    void an_approval_never_lowers_a_status_and_a_rejection_needs_a_comment() {
        Claim claim = freshClaim(CompatibilityLevel.HIGH, false, "editor");
        signIn("validator3", Roles.VALIDATOR);
        validation.approve(ClaimRef.of(claim), null);
        signIn("validator1", Roles.VALIDATOR);
        assertThat(validation.approve(ClaimRef.of(claim), null).status()).isEqualTo(ValidationStatus.VALIDATED);
        assertThat(reviews(claim)).isEqualTo(2);

        signIn("validator3", Roles.VALIDATOR);
        assertThatThrownBy(() -> validation.reject(ClaimRef.of(claim), " ")).isInstanceOf(ReviewRefusedException.class);
        assertThat(validation
                        .reject(ClaimRef.of(claim), "Throughput figure is from batch 1, not 32")
                        .status())
                .isEqualTo(ValidationStatus.UNVALIDATED);
        var trail = validation.trail(claim.modelId());
        assertThat(trail.getFirst().decision()).isEqualTo(Review.Decision.REJECT);
        assertThat(trail.getFirst().comment()).isEqualTo("Throughput figure is from batch 1, not 32");
        assertThat(jdbc.sql(
                                "SELECT validator_id IS NULL AND validation_date IS NULL FROM compatibility_details WHERE id = :id")
                        .param("id", claim.claimId())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void bulk_approval_reports_each_claim() {
        Claim fine = freshClaim(CompatibilityLevel.MEDIUM, false, "editor");
        Claim ownWork = freshClaim(CompatibilityLevel.MEDIUM, false, "validator2", Roles.EDITOR, Roles.VALIDATOR);
        Claim outdated = freshClaim(CompatibilityLevel.LOW, false, "editor");
        signIn("editor", Roles.EDITOR);
        claims.update(outdated, outdated.data().withLevel(CompatibilityLevel.MEDIUM), new ChangeNote("rerun", "v2"));

        signIn("validator2", Roles.VALIDATOR);
        var outcomes = validation.approveAll(List.of(ClaimRef.of(fine), ClaimRef.of(ownWork), ClaimRef.of(outdated)));

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0).approved()).isTrue();
        assertThat(outcomes.get(0).status()).isEqualTo(ValidationStatus.VALIDATED);
        assertThat(outcomes.get(1).approved()).isFalse();
        assertThat(outcomes.get(1).refusal()).contains("Four eyes");
        assertThat(outcomes.get(2).approved()).isFalse();
        assertThat(outcomes.get(2).refusal()).contains("changed after you opened it");
        assertThat(stored(ownWork).status()).isEqualTo(ValidationStatus.UNVALIDATED);
    }

    @Test
    void two_validators_approving_at_the_same_moment_both_keep_their_review() throws Exception {
        Claim claim = freshClaim(CompatibilityLevel.HIGH, false, "editor");
        var start = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<ReviewOutcome>> results = new ArrayList<>();
        for (String validator : List.of("validator2", "validator3")) {
            results.add(pool.submit(() -> {
                signIn(validator, Roles.VALIDATOR);
                start.await(10, TimeUnit.SECONDS);
                return validation.approve(ClaimRef.of(claim), null);
            }));
        }
        for (Future<ReviewOutcome> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(reviews(claim)).isEqualTo(2);
        Claim now = stored(claim);
        assertThat(now.status()).isEqualTo(ValidationStatus.VALIDATED);
        assertThat(jdbc.sql("""
                SELECT v.verification_level FROM compatibility_details d JOIN validators v USING (validator_id)
                WHERE d.id = :id""")
                        .param("id", claim.claimId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void only_validators_may_review() {
        Claim claim = freshClaim(CompatibilityLevel.LOW, false, "editor");
        signIn("editor", Roles.EDITOR);
        assertThatThrownBy(() -> validation.approve(ClaimRef.of(claim), null))
                .isInstanceOf(AccessDeniedException.class);
        signIn("viewer", Roles.VIEWER);
        assertThatThrownBy(() -> validation.reject(ClaimRef.of(claim), "no")).isInstanceOf(AccessDeniedException.class);
        assertThat(validation.trail(claim.modelId())).isNotNull();
        assertThat(stored(claim).status()).isEqualTo(ValidationStatus.UNVALIDATED);
    }

    @Test
    void a_validator_without_a_validator_row_is_refused() {
        Claim claim = freshClaim(CompatibilityLevel.LOW, false, "editor");
        signIn("ghost", Roles.VALIDATOR);
        assertThatThrownBy(() -> validation.approve(ClaimRef.of(claim), null))
                .isInstanceOf(ReviewRefusedException.class)
                .hasMessageContaining("not linked");
        assertThatThrownBy(() -> validation.approve(ClaimRef.of(claim), null))
                .isNotInstanceOf(ClaimConflictException.class);
    }

    private Claim freshClaim(CompatibilityLevel level, boolean simulated, String author, String... roles) {
        return fixtures.fresh(level, simulated, author, roles);
    }

    private Claim stored(Claim claim) {
        return fixtures.stored(claim);
    }

    /** Reviews of this version of the claim or later (the demo data keep the approvals of earlier versions). */
    private long reviews(Claim claim) {
        return fixtures.reviewsOfThisVersionOrLater(claim);
    }
}
