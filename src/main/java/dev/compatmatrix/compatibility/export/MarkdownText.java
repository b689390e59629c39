package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.base.VisibleText;

/** Text that goes into a Markdown table cell. */
public final class MarkdownText {

    /** Characters that start inline Markdown (code, emphasis, links and images, strikethrough): escaped. */
    private static final String INLINE_SYNTAX = "`*_[]~!";

    private MarkdownText() {}

    /**
     * The text as one table cell shows it, literally: backslashes and pipes escaped (a pipe would end the cell),
     * the characters of inline syntax escaped (a family {@code [click](javascript:…)} must not become a link, nor
     * {@code ![b](http://…)} an image that loads), line breaks as {@code <br>} (a line break would end the row),
     * {@code < > &} as entities so the text cannot become HTML, an autolink or an entity, and hidden characters
     * named ({@link VisibleText}).
     */
    public static String cell(String raw) {
        if (raw == null) {
            return "";
        }
        String text = VisibleText.of(raw);
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '|' -> escaped.append("\\|");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\r' -> {
                    escaped.append("<br>");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> escaped.append("<br>");
                default -> {
                    if (INLINE_SYNTAX.indexOf(c) >= 0) {
                        escaped.append('\\');
                    }
                    escaped.append(c);
                }
            }
        }
        return escaped.toString();
    }
}
