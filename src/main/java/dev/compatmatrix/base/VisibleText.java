package dev.compatmatrix.base;

import java.util.Locale;

/**
 * Free text as it may be shown or exported: control characters (other than tab and line breaks) and the
 * bidirectional embedding, override and isolate characters become a visible {@code <U+202E>}, so stored text can
 * neither hide itself nor reorder what a reader sees ({@code abc\u202Egnp.exe} shows as "abcexe.png").
 */
public final class VisibleText {

    private VisibleText() {}

    /** The text with every hidden or reordering character named; {@code null} stays {@code null}. */
    public static String of(String text) {
        if (text == null || text.codePoints().noneMatch(VisibleText::hidden)) {
            return text;
        }
        StringBuilder visible = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (hidden(c)) {
                visible.append(String.format(Locale.ROOT, "<U+%04X>", c));
            } else {
                visible.appendCodePoint(c);
            }
        });
        return visible.toString();
    }

    /** C0 and C1 controls and DEL except tab, line feed and carriage return; bidi embeddings, overrides, isolates. */
    static boolean hidden(int c) {
        boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
        boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        return control || bidi;
    }
}
