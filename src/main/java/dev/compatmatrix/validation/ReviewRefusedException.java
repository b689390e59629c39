package dev.compatmatrix.validation;

/** An approval or rejection that the rules do not allow (four eyes, no validator, missing comment, …). */
public class ReviewRefusedException extends RuntimeException {

    public ReviewRefusedException(String message) {
        super(message);
    }
}
