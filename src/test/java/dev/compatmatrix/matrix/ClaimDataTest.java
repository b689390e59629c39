package dev.compatmatrix.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ClaimData states its own limits and messages; the editor's binder and the service both read them from here. */
class ClaimDataTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void each_text_past_its_limit_is_refused_saying_how_long_it_is() {
        var data = new ClaimData(
                CompatibilityLevel.LOW,
                "l".repeat(ClaimData.TEXT_MAX + 1),
                "{w}$".repeat(501),
                "p".repeat(ClaimData.TEXT_MAX),
                "r".repeat(ClaimData.SHORT_MAX + 1),
                "v".repeat(121),
                "d".repeat(120),
                -1,
                null,
                false);
        assertThat(problems(data))
                .isEqualTo(Map.of(
                        "limitations", "At most 2,000 characters (this has 2,001): shorten it",
                        "workarounds", "At most 2,000 characters (this has 2,004): shorten it",
                        "evidenceRun", "At most 500 characters (this has 501): shorten it",
                        "frameworkVersion", "At most 120 characters (this has 121): shorten it",
                        "batchSize", ClaimData.BATCH_SIZE_MESSAGE));
    }

    @Test
    void a_claim_needs_a_level_and_nothing_else() {
        assertThat(problems(new ClaimData(null, null, null, null, null, null, null, null, null, false)))
                .isEqualTo(Map.of("level", "Choose a level"));
    }

    private Map<String, String> problems(ClaimData data) {
        return validator.validate(data).stream()
                .collect(Collectors.toMap(
                        v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a));
    }
}
