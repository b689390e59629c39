package dev.compatmatrix.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The claim's field names are given once, for the conflict panel's rows and for the "what they changed" message. */
class ClaimFieldsTest {

    @Test
    void every_field_has_a_label_and_a_message_names_it_in_lower_case() {
        var mine =
                new ClaimData(CompatibilityLevel.HIGH, null, null, "x".repeat(50), "run-1", null, null, 8, null, false);
        var theirs = new ClaimData(
                CompatibilityLevel.MEDIUM, null, null, "y".repeat(50), "run-2", null, null, 16, null, false);
        assertThat(ClaimFields.of(mine).keySet())
                .allSatisfy(field -> assertThat(ClaimFields.label(field)).isNotBlank());
        assertThat(ClaimFields.label("performanceNotes")).isEqualTo("Performance notes");
        assertThat(ClaimFields.describeDifferences(mine, theirs))
                .isEqualTo("level high → medium, performance notes changed, test run run-1 → run-2, batch size 8 → 16");
    }
}
