package dev.compatmatrix.matrix;

import java.util.Optional;

/**
 * The characters a model's name and family may hold, stated once for the model form, the admin import and the
 * results ingest: letters, marks and digits of any script (so {@code ünïcødé-模型} is a name) and a few separators.
 * Never {@code < >}, quotes, control characters (NUL, BEL…) or the invisible characters that reorder text
 * ({@code abc\u202Egnp.exe} would show as "abcexe.png"): names reach charts, exports and other people's screens.
 */
public enum Identifier {
    MODEL_NAME("A model name", "._/+:@-", false),
    FAMILY("A family", "._/+:@()-", true),
    SNAPSHOT_NAME("A snapshot name", "._-:/+", true);

    private final String subject;
    private final String separators;
    private final boolean spaces;

    Identifier(String subject, String separators, boolean spaces) {
        this.subject = subject;
        this.separators = separators;
        this.spaces = spaces;
    }

    /** What is wrong with the value, in the user's terms; empty when it obeys the rule (or is null: required is separate). */
    public Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (allowed(c)) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return Optional.of(subject + " cannot contain control characters (" + codePoint(c) + ")");
            }
            if (invisible(c)) {
                return Optional.of(subject + " cannot contain invisible characters that change how text reads ("
                        + codePoint(c) + ")");
            }
            String what = Character.isWhitespace(c) || Character.isSpaceChar(c)
                    ? "spaces"
                    : "‘" + Character.toString(c) + "’";
            return Optional.of(subject + " cannot contain " + what + ": use " + allowedText());
        }
        return Optional.empty();
    }

    /** The allowed characters as a person reads them, e.g. "letters, digits and . _ / + : @ -". */
    public String allowedText() {
        return "letters, digits" + (spaces ? ", spaces" : "") + " and " + String.join(" ", separators.split(""));
    }

    private boolean allowed(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> (spaces && c == ' ') || (c < 0x80 && separators.indexOf(c) >= 0);
        };
    }

    /** Format characters (bidirectional marks, overrides and isolates, zero-width characters) and the like. */
    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.SURROGATE;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
