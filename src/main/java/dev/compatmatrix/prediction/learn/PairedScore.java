package dev.compatmatrix.prediction.learn;

/**
 * The learnt model and the baseline scored on the same held-out claims, and the rule of when the model beats the
 * baseline.
 */
final class PairedScore {

    final Scorecard model = new Scorecard();
    final Scorecard baseline = new Scorecard();
    private int wins;
    private int losses;
    private int winsOverCommonest;
    private int lossesToCommonest;

    /**
     * {@code commonest}: the platform's commonest level among all its claims, the guess that knows nothing (taken from
     * all claims, held-out ones included, so that it is a bar set high rather than low).
     */
    void add(int claimed, double[] modelOdds, double[] baselineOdds, int commonest) {
        boolean modelRight = model.add(claimed, modelOdds);
        boolean baselineRight = baseline.add(claimed, baselineOdds);
        if (modelRight && !baselineRight) {
            wins++;
        } else if (baselineRight && !modelRight) {
            losses++;
        }
        boolean commonestRight = claimed == commonest;
        if (modelRight && !commonestRight) {
            winsOverCommonest++;
        } else if (commonestRight && !modelRight) {
            lossesToCommonest++;
        }
    }

    void addAll(PairedScore other) {
        model.addAll(other.model);
        baseline.addAll(other.baseline);
        wins += other.wins;
        losses += other.losses;
        winsOverCommonest += other.winsOverCommonest;
        lossesToCommonest += other.lossesToCommonest;
    }

    /**
     * The model beats the baseline when, on the same held-out claims, the claims only it gets right outnumber the claims
     * only the baseline gets right by more than two standard deviations of a fair coin (wins − losses > 2·√(wins +
     * losses), a sign test), its macro-F1 is not lower than the baseline's, and it beats guessing the platform's
     * commonest level by the same margin. The last guards against a baseline worse than knowing nothing: on
     * near-balanced random levels a group's majority in the training folds tends to be the level its held-out models
     * lack, so the baseline falls below chance and a model that learnt nothing could beat it. With all three, no
     * platform passed on random levels in 20 data sets × 8 platforms.
     */
    boolean beatsBaseline() {
        return clearly(wins, losses)
                && model.metrics().macroF1() >= baseline.metrics().macroF1()
                && clearly(winsOverCommonest, lossesToCommonest);
    }

    private static boolean clearly(int wins, int losses) {
        return wins - losses > 2 * Math.sqrt(wins + losses);
    }
}
