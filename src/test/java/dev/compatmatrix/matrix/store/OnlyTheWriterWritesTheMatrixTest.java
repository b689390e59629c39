package dev.compatmatrix.matrix.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The matrix's tables are written only in {@code matrix/store} (by {@link MatrixWriter} and its package-private
 * helpers): no INSERT, UPDATE or DELETE of them, and no appender or multi-row statement naming them, anywhere else
 * in {@code src/main/java}.
 */
class OnlyTheWriterWritesTheMatrixTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String STORE = "dev/compatmatrix/matrix/store/";
    /** The tables of the matrix: claims, history, matrix rows (derived columns), reviews, objections, results. */
    private static final List<String> MATRIX_TABLES = List.of(
            "compatibility_details",
            "compatibility_history",
            "cross_platform_compatibility",
            "validation_reviews",
            "validation_objections",
            "automated_results",
            "dispute_resolutions");

    /** A write of {@code table}: SQL, or the table named to an appender or a multi-row statement. */
    private static Pattern writeOf(String table) {
        return Pattern.compile("(?is)(?:insert\\s+into|update|delete\\s+from)\\s+" + table + "\\b"
                + "|(?:append|appendWithIds|createAppender|update|delete)\\([^;]*?\"" + table + "\""
                + "|Table<\\w+>\\(\\s*\"" + table + "\"");
    }

    /** Every place in src/main/java that writes a matrix table, as "path:line table". */
    private static Map<String, List<String>> writesByFile() throws IOException {
        Map<String, List<String>> writes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                for (String table : MATRIX_TABLES) {
                    Matcher m = writeOf(table).matcher(text);
                    while (m.find()) {
                        int line = (int) text.substring(0, m.start()).lines().count();
                        writes.computeIfAbsent(name, k -> new ArrayList<>()).add(name + ":" + line + " " + table);
                    }
                }
            }
        }
        return writes;
    }

    @Test
    void the_matrix_tables_are_the_schemas() throws IOException {
        StringBuilder schema = new StringBuilder();
        try (Stream<Path> migrations = Files.walk(Path.of("db/migration"))) {
            for (Path migration :
                    migrations.filter(f -> f.toString().endsWith(".sql")).toList()) {
                schema.append(Files.readString(migration)).append('\n');
            }
        }
        for (String table : MATRIX_TABLES) {
            assertThat(schema.toString()).as(table).containsPattern("(?i)CREATE TABLE " + table + " \\(");
        }
    }

    @Test
    void no_code_outside_matrix_store_writes_the_matrix() throws IOException {
        Map<String, List<String>> writes = writesByFile();
        List<String> outside = writes.entrySet().stream()
                .filter(e -> !e.getKey().startsWith(STORE))
                .flatMap(e -> e.getValue().stream())
                .toList();
        assertThat(outside).isEmpty();
    }

    @Test
    void the_scan_finds_the_writers_own_writes_of_every_matrix_table() throws IOException {
        List<String> inside = writes(writesByFile(), STORE);
        for (String table : MATRIX_TABLES) {
            assertThat(inside)
                    .as("writes of " + table + " found in matrix/store")
                    .anyMatch(w -> w.endsWith(" " + table));
        }
        // The derived columns' multi-row UPDATE, in SQL text.
        assertThat(inside)
                .anyMatch(w -> w.startsWith(STORE + "DerivedColumnsRepository.java:")
                        && w.endsWith(" cross_platform_compatibility"));
    }

    @Test
    void the_scan_recognises_each_way_of_writing() {
        for (String write : List.of(
                "INSERT INTO automated_results (model_id) VALUES (1)",
                "UPDATE\n    compatibility_details SET x = 1",
                "DELETE FROM validation_reviews WHERE id = 1",
                "appender.append(\"compatibility_history\", rows)",
                "MultiRowSql.update(jdbc, \"compatibility_details\", KEY, COLUMNS, null, rows)",
                "duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, \"dispute_resolutions\")")) {
            assertThat(MATRIX_TABLES.stream()
                            .anyMatch(t -> writeOf(t).matcher(write).find()))
                    .as(write)
                    .isTrue();
        }
        assertThat(writeOf("compatibility_details")
                        .matcher(
                                "SELECT d.id FROM compatibility_details d; audit.record(user, \"claim.update\", \"compatibility_details\"")
                        .find())
                .isFalse();
    }

    private static List<String> writes(Map<String, List<String>> writes, String prefix) {
        return writes.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }
}
