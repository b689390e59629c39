package dev.compatmatrix.base.db;

/** User text inside a LIKE pattern: its own {@code %}, {@code _} and {@code \} match literally ({@code ESCAPE '\'}). */
public final class SqlLike {

    private SqlLike() {}

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
