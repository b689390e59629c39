package dev.compatmatrix.base;

import java.util.Locale;

/** A count with its noun in the right number: "1 new model", "2 new models", "1,204 models". */
public final class Plural {

    private Plural() {}

    /** The noun's plural adds an s ("model" → "models"). */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    public static String of(long count, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? one : many);
    }
}
