package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.learn.Learner;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.learn.TrainingData;
import dev.compatmatrix.prediction.learn.TrainingOutcome;
import dev.compatmatrix.prediction.learn.TrainingProgress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A deterministic learner for tests of the training's orchestration and adoption (never in main code): it answers
 * the outcome a test scripted, or throws what the test gave, after waiting at a gate the test may hold shut; with
 * nothing scripted it hands the training to {@link #delegateTo the learner given} (the real one, end to end).
 */
public class ScriptedLearner implements Learner {

    /** The learner of the training tests' context, ahead of the application's own. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        ScriptedLearner scriptedLearner() {
            return new ScriptedLearner();
        }
    }

    private volatile TrainingOutcome outcome;
    private volatile RuntimeException failure;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile Learner delegate;
    private volatile TrainingData lastData;

    /** The next runs answer this. */
    public void willReturn(TrainingOutcome next) {
        outcome = next;
        failure = null;
    }

    /** The next runs throw this. */
    public void willFail(RuntimeException next) {
        failure = next;
        outcome = null;
    }

    /** Runs without a scripted answer go to this learner. */
    public void delegateTo(Learner learner) {
        delegate = learner;
        outcome = null;
        failure = null;
    }

    /** The next runs wait inside the learner until {@link #open()}; returns when one has entered it. */
    public void holdShut() {
        gate = new CountDownLatch(1);
        entered = new CountDownLatch(1);
    }

    /** Waits until a run has entered the (shut) learner. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("No training run reached the learner within 30 s");
        }
    }

    public void open() {
        gate.countDown();
    }

    public TrainingData lastData() {
        return lastData;
    }

    @Override
    public TrainingOutcome train(TrainingData data, TrainingProgress progress) {
        lastData = data;
        progress.report(0.4, "Evaluating fold 2 of 5");
        entered.countDown();
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never opened the scripted learner");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
        if (outcome != null) {
            return outcome;
        }
        if (delegate != null) {
            return delegate.train(data, progress);
        }
        throw new IllegalStateException("Nothing scripted for this training");
    }

    /**
     * An outcome that learnt, with these overall figures (beside a weaker baseline) and, on every platform, the same
     * figures, a confusion matrix and "beats the baseline"; with these predictions.
     */
    public static TrainingOutcome learnt(double accuracy, double macroF1, List<CellPrediction> predictions) {
        Metrics model = new Metrics(accuracy, macroF1, 0.04);
        Metrics baseline = new Metrics(accuracy - 0.1, macroF1 - 0.2, 0.12);
        int[][] confusion = {{20, 2, 0, 0}, {3, 9, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 3}};
        List<PlatformEvaluation> platforms = Arrays.stream(Platform.values())
                .map(p -> new PlatformEvaluation(p, 45, model, baseline, confusion, true))
                .toList();
        return new TrainingOutcome(
                320, 43, 5, model, baseline, platforms, predictions, "Learnt from 320 claims of 43 models.", true);
    }

    /** An outcome of a training that could not learn, with the learner's message. */
    public static TrainingOutcome couldNotLearn(String message) {
        return new TrainingOutcome(1, 1, 0, null, null, List.of(), List.of(), message, false);
    }
}
