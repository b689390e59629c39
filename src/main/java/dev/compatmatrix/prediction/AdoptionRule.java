package dev.compatmatrix.prediction;

import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.TrainingOutcome;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a finished training run's predictions replace the shown ones (the one place that says so).
 *
 * <p>A run that learnt is ADOPTED when no run was adopted before, or when its evaluation is not worse than the adopted
 * run's: "not worse" means its overall (cross-validated) macro-F1 is at least the adopted run's macro-F1 minus
 * {@value #TOLERANCE}, and its overall accuracy is at least the adopted run's accuracy minus {@value #TOLERANCE}. The
 * tolerance keeps two evaluations of an equally good model, which differ by a little noise, from freezing the older
 * predictions while claims change. Otherwise the run is NOT_ADOPTED, with the comparison that failed in words, and the
 * adopted predictions stay. A run that could not learn is NOT_ADOPTED with the learner's message.
 *
 * <p>The two evaluations need not be on the same data: claims are added, changed and validated between runs, so "not
 * worse" compares two honest estimates on the claims of their day, not two measurements on one data set. A run on
 * harder data can therefore be refused although its model is as good; the next run after more changes tries again.
 */
public final class AdoptionRule {

    /** How much lower (absolute, on the 0–1 scale) macro-F1 and accuracy may be and still count as not worse. */
    public static final double TOLERANCE = 0.005;

    private AdoptionRule() {}

    /** The run whose predictions are shown now, and its overall evaluation. */
    public record AdoptedRun(long runId, Metrics overall) {}

    /** What happens to a finished run, and why in words (stored as the run's message). */
    public record Decision(RunState state, String message) {

        public boolean adopted() {
            return state == RunState.ADOPTED;
        }
    }

    public static Decision decide(TrainingOutcome outcome, Optional<AdoptedRun> current) {
        String learnt = outcome.message() == null ? "" : outcome.message().strip();
        if (!outcome.learnt() || outcome.overall() == null) {
            return new Decision(
                    RunState.NOT_ADOPTED, learnt.isEmpty() ? "The learner could not learn from these claims." : learnt);
        }
        if (current.isEmpty() || current.get().overall() == null) {
            return new Decision(RunState.ADOPTED, sentence(learnt, "Adopted: no run was adopted before."));
        }
        Metrics now = outcome.overall();
        Metrics before = current.get().overall();
        String run = "adopted run #" + current.get().runId() + "'s";
        List<String> worse = new ArrayList<>();
        if (now.macroF1() < before.macroF1() - TOLERANCE) {
            worse.add("Macro-F1 " + number(now.macroF1()) + " < " + run + " " + number(before.macroF1()));
        }
        if (now.accuracy() < before.accuracy() - TOLERANCE) {
            worse.add((worse.isEmpty()
                            ? "Accuracy " + number(now.accuracy()) + " < " + run + " "
                            : "accuracy " + number(now.accuracy()) + " < ")
                    + number(before.accuracy()));
        }
        if (!worse.isEmpty()) {
            return new Decision(RunState.NOT_ADOPTED, String.join(" and ", worse) + "; the adopted predictions stay.");
        }
        return new Decision(
                RunState.ADOPTED,
                sentence(
                        learnt,
                        "Adopted: macro-F1 " + number(now.macroF1()) + " and accuracy " + number(now.accuracy())
                                + " are not worse than " + run + " " + number(before.macroF1()) + " and "
                                + number(before.accuracy()) + "."));
    }

    /** Three decimals: two figures more than {@value #TOLERANCE} apart never print alike. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String sentence(String first, String second) {
        return first.isEmpty() ? second : first + (first.endsWith(".") ? " " : ". ") + second;
    }
}
