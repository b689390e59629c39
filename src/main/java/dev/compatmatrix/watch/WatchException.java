package dev.compatmatrix.watch;

/**
 * A watch that cannot be made or removed, in the user's words; {@code parameter} names what was wrong ("model",
 * "platform", "family", "id", or "watches" for the limit), so the API can name it too. Nothing was stored.
 */
public class WatchException extends IllegalArgumentException {

    private final String parameter;

    public WatchException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
