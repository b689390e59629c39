package dev.compatmatrix.compatibility.export;

/** Text that goes into a Markdown table cell. */
final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * The text as one table cell shows it: backslashes and pipes escaped (a pipe would end the cell), line
     * breaks as {@code <br>} (a line break would end the row), and {@code < > &} as entities so the text
     * cannot become HTML, which Markdown passes through.
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
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
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
