package dev.compatmatrix.matrix;

import static dev.compatmatrix.matrix.ValidationStatus.PARTIALLY_VALIDATED;
import static dev.compatmatrix.matrix.ValidationStatus.UNVALIDATED;
import static dev.compatmatrix.matrix.ValidationStatus.VALIDATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one statement of "an approval never lowers a status", which review and ingest both use. */
class ValidationRulesTest {

    /** Lowest first. */
    private static final List<ValidationStatus> ORDER = List.of(UNVALIDATED, PARTIALLY_VALIDATED, VALIDATED);

    @Test
    void an_approval_stands_exactly_when_it_does_not_lower_the_status() {
        assertThat(ORDER).containsExactlyInAnyOrder(ValidationStatus.values());
        for (ValidationStatus outcome : ValidationStatus.values()) {
            for (ValidationStatus current : ValidationStatus.values()) {
                boolean notLower = ORDER.indexOf(outcome) >= ORDER.indexOf(current);
                assertThat(ValidationRules.approvalStands(outcome, current))
                        .as(outcome + " over " + current)
                        .isEqualTo(notLower);
                assertThat(ValidationRules.keptAfterApproval(outcome, current))
                        .as(outcome + " over " + current)
                        .isEqualTo(notLower ? outcome : current);
            }
        }
    }

    @Test
    void an_approval_of_the_same_status_stands_but_keeps_the_status() {
        for (ValidationStatus status : ValidationStatus.values()) {
            assertThat(ValidationRules.approvalStands(status, status)).isTrue(); // a review renews the approval
            assertThat(ValidationRules.keptAfterApproval(status, status)).isSameAs(status); // ingest changes nothing
        }
        assertThat(ValidationRules.keptAfterApproval(PARTIALLY_VALIDATED, VALIDATED))
                .isEqualTo(VALIDATED);
        assertThat(ValidationRules.keptAfterApproval(VALIDATED, PARTIALLY_VALIDATED))
                .isEqualTo(VALIDATED);
    }
}
