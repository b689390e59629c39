package dev.compatmatrix.base;

/** Text written into a CSV file that a spreadsheet will open: every CSV export makes its texts inert here. */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    /**
     * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe
     * (OWASP's advice against CSV injection); the apostrophe shows, the formula does not run.
     */
    public static String inert(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
