package dev.compatmatrix.matrix;

/**
 * The stale and disputed marks as the matrix shows them, a symbol and words each (never colour alone), for every
 * other place that shows a level: model page, badges. Whether a claim is stale or disputed is decided elsewhere
 * (validation/query StaleValidation, DisputedClaim); this is only how it reads.
 */
public final class ValidationMarks {

    public static final String STALE = "◷";
    public static final String DISPUTED = "⚠";
    public static final String STALE_WORDS = "validation stale";
    public static final String DISPUTED_WORDS = "disputed by an automated result";

    private ValidationMarks() {}

    /** " ◷", " ⚠", " ◷ ⚠" or "": what follows the validation mark in a cell. */
    public static String symbols(boolean stale, boolean disputed) {
        return (stale ? " " + STALE : "") + (disputed ? " " + DISPUTED : "");
    }

    /** " (validation stale)", " (disputed by an automated result)", both or "": what follows a cell's title. */
    public static String words(boolean stale, boolean disputed) {
        return (stale ? " (" + STALE_WORDS + ")" : "") + (disputed ? " (" + DISPUTED_WORDS + ")" : "");
    }
}
