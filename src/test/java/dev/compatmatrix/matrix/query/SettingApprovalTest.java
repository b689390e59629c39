package dev.compatmatrix.matrix.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** "The approval that set the claim's status" is one SQL condition, which every query uses. */
class SettingApprovalTest {

    @Test
    void only_an_approval_made_when_the_claim_was_last_validated_counts() throws SQLException {
        List<Integer> found = new ArrayList<>();
        try (var duckdb = DriverManager.getConnection("jdbc:duckdb:");
                var statement = duckdb.createStatement()) {
            statement.execute("""
                    CREATE TABLE compatibility_details AS
                        SELECT 1 AS id, TIMESTAMP '2026-03-01 10:00' AS validation_date;
                    CREATE TABLE validation_reviews AS SELECT * FROM (VALUES
                        (1, 1, 'approve', TIMESTAMP '2026-03-01 10:00'),
                        (2, 1, 'reject',  TIMESTAMP '2026-03-01 10:00'),
                        (3, 1, 'approve', TIMESTAMP '2026-02-01 09:00'),
                        (4, 2, 'approve', TIMESTAMP '2026-03-01 10:00')) t(id, claim_id, decision, reviewed_at)""");
            try (var rs = statement.executeQuery("SELECT r.id FROM validation_reviews r JOIN compatibility_details d"
                    + " ON d.id = r.claim_id WHERE " + SettingApproval.of("r", "d") + " ORDER BY r.id")) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
        }
        assertThat(found).containsExactly(1);
    }

    @Test
    void no_query_spells_the_condition_itself() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> spelled = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("matrix/query/SettingApproval.java")))
                    .filter(p -> read(p).contains("decision = 'approve'"))
                    .toList();
            assertThat(spelled).isEmpty();
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
