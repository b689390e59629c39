package dev.compatmatrix.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.prediction.AdoptionRule.AdoptedRun;
import dev.compatmatrix.prediction.AdoptionRule.Decision;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.RunState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdoptionRuleTest {

    private static final Optional<AdoptedRun> RUN_4 = Optional.of(new AdoptedRun(4, new Metrics(0.80, 0.66, 0.05)));

    @Test
    void the_first_run_that_learnt_is_adopted() {
        Decision decision = AdoptionRule.decide(ScriptedLearner.learnt(0.5, 0.3, List.of()), Optional.empty());

        assertThat(decision.state()).isEqualTo(RunState.ADOPTED);
        assertThat(decision.message())
                .isEqualTo("Learnt from 320 claims of 43 models. Adopted: no run was adopted before.");
    }

    @Test
    void a_better_run_is_adopted() {
        Decision decision = AdoptionRule.decide(ScriptedLearner.learnt(0.82, 0.70, List.of()), RUN_4);

        assertThat(decision.adopted()).isTrue();
        assertThat(decision.message())
                .endsWith(
                        "Adopted: macro-F1 0.700 and accuracy 0.820 are not worse than adopted run #4's 0.660 and 0.800.");
    }

    @Test
    void a_run_worse_by_at_most_the_tolerance_counts_as_not_worse() {
        assertThat(AdoptionRule.decide(ScriptedLearner.learnt(0.7951, 0.6551, List.of()), RUN_4)
                        .adopted())
                .isTrue();
        assertThat(AdoptionRule.decide(ScriptedLearner.learnt(0.80, 0.6549, List.of()), RUN_4)
                        .adopted())
                .isFalse();
        assertThat(AdoptionRule.decide(ScriptedLearner.learnt(0.7949, 0.66, List.of()), RUN_4)
                        .adopted())
                .isFalse();
    }

    @Test
    void a_worse_run_is_not_adopted_and_says_why_in_words() {
        assertThat(AdoptionRule.decide(ScriptedLearner.learnt(0.85, 0.61, List.of()), RUN_4))
                .isEqualTo(new Decision(
                        RunState.NOT_ADOPTED,
                        "Macro-F1 0.610 < adopted run #4's 0.660; the adopted predictions stay."));
        assertThat(AdoptionRule.decide(ScriptedLearner.learnt(0.70, 0.61, List.of()), RUN_4)
                        .message())
                .isEqualTo("Macro-F1 0.610 < adopted run #4's 0.660 and accuracy 0.700 < 0.800; "
                        + "the adopted predictions stay.");
        assertThat(AdoptionRule.decide(ScriptedLearner.learnt(0.70, 0.90, List.of()), RUN_4)
                        .message())
                .isEqualTo("Accuracy 0.700 < adopted run #4's 0.800; the adopted predictions stay.");
    }

    @Test
    void a_run_that_could_not_learn_is_not_adopted_with_the_learners_message() {
        Decision decision = AdoptionRule.decide(
                ScriptedLearner.couldNotLearn("Only 1 claim: at least 20 are needed."), Optional.empty());

        assertThat(decision).isEqualTo(new Decision(RunState.NOT_ADOPTED, "Only 1 claim: at least 20 are needed."));
    }
}
