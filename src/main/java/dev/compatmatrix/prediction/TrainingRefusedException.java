package dev.compatmatrix.prediction;

/** A training that cannot start now (another one runs), with the reason in words. */
public class TrainingRefusedException extends RuntimeException {

    public TrainingRefusedException(String message) {
        super(message);
    }
}
