package dev.compatmatrix.feed;

/** A feed address that names no feed: an unknown model or platform, or a secret that does not (or no longer) work. */
public class NoSuchFeedException extends RuntimeException {

    public NoSuchFeedException(String message) {
        super(message);
    }
}
