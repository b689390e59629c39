package dev.compatmatrix.badge;

import dev.compatmatrix.matrix.CompatibilityLevel;
import java.util.Locale;

/**
 * A small shields.io-style SVG: a grey label box and a coloured message box. The colour follows the level,
 * but the message always carries the level's word, so it never relies on colour alone. White text on every
 * colour keeps a contrast of at least 4.5:1.
 */
final class BadgeSvg {

    static final String LABEL_COLOUR = "#555555";
    static final String GREY = "#6b7280";

    private static final int HEIGHT = 20;
    private static final int PADDING = 6;

    private BadgeSvg() {}

    static String colour(CompatibilityLevel level) {
        return level == null
                ? GREY
                : switch (level) {
                    case HIGH -> "#2e7d32";
                    case MEDIUM -> "#1f5fa8";
                    case LOW -> "#9a5b00";
                    case UNSUPPORTED -> "#c62828";
                };
    }

    /** {@code title} is what screen readers and tooltips say; label and message are the two boxes' text. */
    static String render(String label, String message, String colour, String title) {
        int labelWidth = textWidth(label) + 2 * PADDING;
        int messageWidth = textWidth(message) + 2 * PADDING;
        int width = labelWidth + messageWidth;
        return String.format(
                Locale.ROOT,
                """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="%2$d" role="img" aria-label="%3$s">\
                <title>%3$s</title>\
                <clipPath id="r"><rect width="%1$d" height="%2$d" rx="3" fill="#fff"/></clipPath>\
                <g clip-path="url(#r)"><rect width="%4$d" height="%2$d" fill="%5$s"/>\
                <rect x="%4$d" width="%6$d" height="%2$d" fill="%7$s"/></g>\
                <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
                <text x="%8$.1f" y="14">%9$s</text><text x="%10$.1f" y="14">%11$s</text></g></svg>""",
                width,
                HEIGHT,
                escape(title),
                labelWidth,
                LABEL_COLOUR,
                messageWidth,
                escape(colour),
                labelWidth / 2.0,
                escape(label),
                labelWidth + messageWidth / 2.0,
                escape(message));
    }

    /** Approximate width in pixels of text in 11 px Verdana: narrow, wide and ordinary characters. */
    static int textWidth(String text) {
        double width = text.codePoints()
                .mapToDouble(c -> {
                    if ("ijlI.,:;'|!() ".indexOf(c) >= 0) {
                        return 3.7;
                    }
                    if (Character.isUpperCase(c) || "mwMW✓◐○⚠◷".indexOf(c) >= 0) {
                        return 8.2;
                    }
                    return 6.8;
                })
                .sum();
        return (int) Math.ceil(width);
    }

    /**
     * Text for SVG (XML) content and attribute values: the five characters XML reserves as entities, and
     * control characters, which XML does not allow at all, dropped.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars()
                .forEach(c -> escaped.append(
                        switch (c) {
                            case '&' -> "&amp;";
                            case '<' -> "&lt;";
                            case '>' -> "&gt;";
                            case '"' -> "&quot;";
                            case '\'' -> "&apos;";
                            default -> c < 0x20 && c != '\t' && c != '\n' ? "" : String.valueOf((char) c);
                        }));
        return escaped.toString();
    }
}
