package dev.compatmatrix.matrix.store;

import static dev.compatmatrix.matrix.CompatibilityLevel.HIGH;
import static dev.compatmatrix.matrix.CompatibilityLevel.LOW;
import static dev.compatmatrix.matrix.CompatibilityLevel.MEDIUM;
import static dev.compatmatrix.matrix.ValidationStatus.PARTIALLY_VALIDATED;
import static dev.compatmatrix.matrix.ValidationStatus.UNVALIDATED;
import static dev.compatmatrix.matrix.ValidationStatus.VALIDATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.MatrixTables.CellStateRow;
import dev.compatmatrix.matrix.store.MatrixTables.ClaimRow;
import dev.compatmatrix.matrix.store.MatrixTables.HistoryRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cell's states rebuilt from its history, reviews and present claim (for bulk-loaded and pre-V0017 data). */
class CellTimelineTest {

    private static final int MODEL = 42;
    private static final Platform CELL = Platform.CUDA;
    private static final int VALIDATOR = 7;
    private static final LocalDateTime SINCE = day(1);

    @Test
    void created_raised_lowered_removed_and_recreated_claim_has_a_state_per_level_and_a_gap_while_removed() {
        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(
                        change(null, LOW, day(10), "2.0"),
                        change(LOW, HIGH, day(20), "2.1"),
                        change(HIGH, MEDIUM, day(30), "2.1"),
                        change(MEDIUM, null, day(40), "2.1"),
                        change(null, MEDIUM, day(50), "2.2")),
                List.of(),
                claim(MEDIUM, "2.2", UNVALIDATED, null, null, day(50)),
                SINCE);

        assertThat(states)
                .containsExactly(
                        state(day(10), day(20), LOW, UNVALIDATED, null, null, "2.0", false),
                        state(day(20), day(30), HIGH, UNVALIDATED, null, null, "2.1", false),
                        state(day(30), day(40), MEDIUM, UNVALIDATED, null, null, "2.1", false),
                        state(day(50), null, MEDIUM, UNVALIDATED, null, null, "2.2", false));
    }

    @Test
    void an_approval_opens_a_validated_state_and_a_later_change_of_level_resets_it() {
        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(change(null, HIGH, day(10), "2.0"), change(HIGH, LOW, day(30), "2.0")),
                List.of(review(Review.Decision.APPROVE, VALIDATED, day(20), "2.0")),
                claim(LOW, "2.0", UNVALIDATED, null, null, day(30)),
                SINCE);

        assertThat(states)
                .containsExactly(
                        state(day(10), day(20), HIGH, UNVALIDATED, null, null, "2.0", false),
                        state(day(20), day(30), HIGH, VALIDATED, VALIDATOR, day(20), "2.0", false),
                        state(day(30), null, LOW, UNVALIDATED, null, null, "2.0", false));
    }

    @Test
    void a_rejection_that_keeps_the_status_makes_no_new_state() {
        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(change(null, HIGH, day(10), "2.0")),
                List.of(
                        review(Review.Decision.APPROVE, VALIDATED, day(20), "2.0"),
                        review(Review.Decision.REJECT, VALIDATED, day(25), "2.0")),
                claim(HIGH, "2.0", VALIDATED, VALIDATOR, day(20), day(10)),
                SINCE);

        assertThat(states)
                .containsExactly(
                        state(day(10), day(20), HIGH, UNVALIDATED, null, null, "2.0", false),
                        state(day(20), null, HIGH, VALIDATED, VALIDATOR, day(20), "2.0", false));
    }

    @Test
    void a_rejection_to_unvalidated_opens_an_unvalidated_state_without_validator() {
        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(change(null, HIGH, day(10), "2.0")),
                List.of(
                        review(Review.Decision.APPROVE, PARTIALLY_VALIDATED, day(20), "2.0"),
                        review(Review.Decision.REJECT, UNVALIDATED, day(25), "2.0")),
                claim(HIGH, "2.0", UNVALIDATED, null, null, day(10)),
                SINCE);

        assertThat(states)
                .containsExactly(
                        state(day(10), day(20), HIGH, UNVALIDATED, null, null, "2.0", false),
                        state(day(20), day(25), HIGH, PARTIALLY_VALIDATED, VALIDATOR, day(20), "2.0", false),
                        state(day(25), null, HIGH, UNVALIDATED, null, null, "2.0", false));
    }

    @Test
    void a_claim_with_no_recorded_change_has_one_open_state_from_since() {
        ClaimRow claim = claim(MEDIUM, "2.0", UNVALIDATED, null, null, day(15));

        List<CellStateRow> states = CellTimeline.rebuild(MODEL, CELL, List.of(), List.of(), claim, SINCE);

        assertThat(states).containsExactly(state(SINCE, null, MEDIUM, UNVALIDATED, null, null, "2.0", false));
    }

    @Test
    void the_last_state_is_the_claim_as_it_is_even_where_the_history_tells_otherwise() {
        // An edit that changed no level (version, validation) left no history row before V0017.
        ClaimRow claim = claim(HIGH, "2.3", VALIDATED, VALIDATOR, day(40), day(35));

        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(change(null, HIGH, day(10), "2.0")),
                List.of(review(Review.Decision.APPROVE, VALIDATED, day(40), "2.3")),
                claim,
                SINCE);

        assertThat(states.getLast()).isEqualTo(state(day(40), null, HIGH, VALIDATED, VALIDATOR, day(40), "2.3", false));
        assertThat(states.getFirst().from()).isEqualTo(day(10));
        for (int i = 1; i < states.size(); i++) {
            assertThat(states.get(i - 1).to()).isEqualTo(states.get(i).from());
        }
    }

    @Test
    void no_claim_now_leaves_no_open_state() {
        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(change(null, HIGH, day(10), "2.0"), change(HIGH, null, day(20), "2.0")),
                List.of(),
                null,
                SINCE);

        assertThat(states).containsExactly(state(day(10), day(20), HIGH, UNVALIDATED, null, null, "2.0", false));
    }

    @Test
    void an_approval_that_recorded_another_framework_version_marks_the_state_version_changed() {
        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(change(null, HIGH, day(10), "2.1")),
                List.of(review(Review.Decision.APPROVE, VALIDATED, day(20), "2.0")),
                claim(HIGH, "2.1", VALIDATED, VALIDATOR, day(20), day(10)),
                SINCE);

        assertThat(states)
                .containsExactly(
                        state(day(10), day(20), HIGH, UNVALIDATED, null, null, "2.1", false),
                        state(day(20), null, HIGH, VALIDATED, VALIDATOR, day(20), "2.1", true));
    }

    @Test
    void the_claims_version_changed_since_its_approval_marks_only_the_present_state() {
        // The claim's framework version was edited (no level change, so no history row) after its approval.
        List<CellStateRow> states = CellTimeline.rebuild(
                MODEL,
                CELL,
                List.of(change(null, HIGH, day(10), "2.0")),
                List.of(review(Review.Decision.APPROVE, VALIDATED, day(20), "2.0")),
                claim(HIGH, "2.5", VALIDATED, VALIDATOR, day(20), day(30)),
                SINCE);

        assertThat(states)
                .containsExactly(
                        state(day(10), day(20), HIGH, UNVALIDATED, null, null, "2.0", false),
                        state(day(20), day(30), HIGH, VALIDATED, VALIDATOR, day(20), "2.0", false),
                        state(day(30), null, HIGH, VALIDATED, VALIDATOR, day(20), "2.5", true));
    }

    private static LocalDateTime day(int n) {
        return LocalDateTime.of(2026, 1, 1, 9, 0).plusDays(n);
    }

    private static HistoryRow change(
            CompatibilityLevel previous, CompatibilityLevel next, LocalDateTime at, String version) {
        return new HistoryRow(MODEL, CELL, previous, next, "test", at, version, "editor");
    }

    private static ReviewRow review(
            Review.Decision decision, ValidationStatus resulting, LocalDateTime at, String frameworkVersion) {
        return new ReviewRow(
                1L, 1, MODEL, CELL, HIGH, VALIDATOR, "validator", 3, decision, resulting, null, frameworkVersion, at);
    }

    private static ClaimRow claim(
            CompatibilityLevel level,
            String frameworkVersion,
            ValidationStatus status,
            Integer validatorId,
            LocalDateTime validationDate,
            LocalDateTime updatedAt) {
        return new ClaimRow(
                1L,
                1,
                CELL,
                new ClaimData(level, null, null, null, null, frameworkVersion, null, null, null, false),
                status,
                validatorId,
                validationDate,
                3,
                "editor",
                updatedAt);
    }

    private static CellStateRow state(
            LocalDateTime from,
            LocalDateTime to,
            CompatibilityLevel level,
            ValidationStatus status,
            Integer validatorId,
            LocalDateTime validationDate,
            String frameworkVersion,
            boolean versionChanged) {
        return new CellStateRow(
                MODEL, CELL, from, to, level, status, validatorId, validationDate, frameworkVersion, versionChanged);
    }
}
