package dev.compatmatrix.matrix;

import java.util.Locale;

/** How the console words a text length limit, in the form (as the user types) and in the service's refusal. */
public final class TextLimit {

    private TextLimit() {}

    /** "At most 2,000 characters (this has 2,345): shorten it". */
    public static String tooLong(int max, int length) {
        return String.format(Locale.ROOT, "At most %,d characters (this has %,d): shorten it", max, length);
    }

    /** "1,234 / 2,000 characters", the counter under a long text field. */
    public static String counter(int length, int max) {
        return String.format(Locale.ROOT, "%,d / %,d characters", length, max);
    }
}
