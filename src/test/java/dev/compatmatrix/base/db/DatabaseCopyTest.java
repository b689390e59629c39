package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.Application;
import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.TestDatabases;
import dev.compatmatrix.admin.backup.BackupAndRestoreTest;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The copy between databases (README, "Moving between DuckDB and PostgreSQL"): a console database copied DuckDB →
 * PostgreSQL → DuckDB reads back identical, table by table and by the backup test's queries, its sequences continue
 * past the copied ids, and a target that holds rows is refused and left as it was. The PostgreSQL side is this JVM's
 * throwaway server: when it cannot start, these tests fail.
 */
class DatabaseCopyTest {

    private static Path demo;

    /** The 43-model demo database, as the console writes it at its first start in demo mode. */
    @BeforeAll
    static void demoDatabase() {
        demo = TestDatabases.newFile("copy-demo");
        new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--compat.db.path=" + demo,
                        "--compat.demo.enabled=true",
                        "--compat.backup.dir=" + demo.resolveSibling("backups"))
                .close();
    }

    @Test
    void the_demo_database_copied_to_postgresql_and_back_reads_back_identical() {
        String postgres = PostgresTestServer.shared().newDatabase("copy_demo");
        Path back = TestDatabases.newFile("copy-demo-back");

        var there = DatabaseCopy.copy(duckdb(demo), postgres(postgres), line -> {});
        var backAgain = DatabaseCopy.copy(postgres(postgres), duckdb(back), line -> {});

        assertThat(counts(there)).isEqualTo(rowCounts(demo)).containsEntry("models", 43L);
        assertThat(counts(backAgain)).isEqualTo(counts(there));
        assertThat(readBack(back)).isEqualTo(readBack(demo));
        assertSequencesContinuePastTheCopiedIds(postgresClient(postgres), "pg_sequences", "sequencename");
        withDuckDb(back, jdbc -> {
            assertSequencesContinuePastTheCopiedIds(jdbc, "duckdb_sequences()", "sequence_name");
            return null;
        });
    }

    @Test
    void a_generated_database_of_ten_thousand_models_copied_to_postgresql_and_back_reads_back_identical() {
        Path generated = TestDatabases.newFile("copy-10k");
        SyntheticDatabaseGenerator.generate(generated.toString(), 10_000);
        String postgres = PostgresTestServer.shared().newDatabase("copy_10k");
        Path back = TestDatabases.newFile("copy-10k-back");

        var there = DatabaseCopy.copy(duckdb(generated), postgres(postgres), System.out::println);
        var backAgain = DatabaseCopy.copy(postgres(postgres), duckdb(back), System.out::println);

        System.out.printf(
                Locale.ROOT,
                "Copy of 10,000 models (%,d rows): DuckDB -> PostgreSQL %.1f s, PostgreSQL -> DuckDB %.1f s%n",
                there.rows(),
                there.millis() / 1000.0,
                backAgain.millis() / 1000.0);
        assertThat(counts(there)).isEqualTo(rowCounts(generated)).containsEntry("models", 10_000L);
        assertThat(there.rows()).isGreaterThan(700_000);
        assertThat(counts(backAgain)).isEqualTo(counts(there));
        assertThat(readBack(back)).isEqualTo(readBack(generated));
    }

    @Test
    void a_target_that_holds_rows_is_refused_and_left_unchanged() {
        String postgres = PostgresTestServer.shared().newDatabase("copy_refused");
        DatabaseCopy.copy(duckdb(demo), postgres(postgres), line -> {});
        JdbcClient target = postgresClient(postgres);
        String before = postgresFingerprint(target);

        assertThatThrownBy(() -> DatabaseCopy.copy(duckdb(demo), postgres(postgres), line -> {}))
                .isInstanceOf(DatabaseCopy.Refused.class)
                .hasMessageContaining("it is not empty");
        assertThat(postgresFingerprint(target)).isEqualTo(before);

        Path filled = TestDatabases.newFile("copy-filled");
        DatabaseCopy.copy(postgres(postgres), duckdb(filled), line -> {});
        Map<String, Object> filledBefore = readBack(filled);
        assertThatThrownBy(() -> DatabaseCopy.copy(postgres(postgres), duckdb(filled), line -> {}))
                .isInstanceOf(DatabaseCopy.Refused.class)
                .hasMessageContaining("it is not empty");
        assertThat(readBack(filled)).isEqualTo(filledBefore);
    }

    @Test
    void a_row_whose_reference_is_missing_fails_the_copy_to_postgresql_and_leaves_the_target_empty() {
        Path orphaned = TestDatabases.newFile("copy-orphan");
        SyntheticDatabaseGenerator.generate(orphaned.toString(), 20);
        withDuckDb(orphaned, jdbc -> jdbc.sql("""
                        INSERT INTO compatibility_history (id, model_id, hardware_type, new_status, change_date)
                        VALUES (nextval('compatibility_history_seq'), 999999, 'cpu', 'high', TIMESTAMP '2026-01-01')""").update());
        String postgres = PostgresTestServer.shared().newDatabase("copy_orphan");

        assertThatThrownBy(() -> DatabaseCopy.copy(duckdb(orphaned), postgres(postgres), line -> {}))
                .hasMessageContaining("compatibility_history_model_fk")
                .hasMessageContaining("nothing was committed");

        // The migrations' own seed rows (the data version's totals, the nightly job's lock) are no copied data.
        assertThat(postgresFingerprint(postgresClient(postgres))
                        .replaceAll(" ?(matrix_version|scheduled_job_locks)=1:\\w*", ""))
                .as("every table empty but Flyway's and the migrations' seed rows")
                .matches("(\\w+=0: ?)*flyway_schema_history=\\d+:\\w+( \\w+=0:)*");
        var copied = DatabaseCopy.copy(duckdb(demo), postgres(postgres), line -> {});
        assertThat(counts(copied)).containsEntry("models", 43L);
    }

    @Test
    void the_jar_copies_with_two_arguments_prints_the_rows_per_table_and_refuses_a_full_target() {
        String postgres = PostgresTestServer.shared().newDatabase("copy_command");
        Map<String, String> environment = Map.of(
                "COMPAT_DB_USERNAME", PostgresTestServer.USER, "COMPAT_DB_PASSWORD", PostgresTestServer.PASSWORD);
        String[] args = {"--compat.copy.from=" + demo, "--compat.copy.to=" + postgres};
        assertThat(DatabaseCopyCommand.requested(args)).isTrue();

        var first = new Output();
        assertThat(DatabaseCopyCommand.run(args, environment, first.out, first.err))
                .isZero();
        assertThat(first.out())
                .containsPattern("models +43 rows")
                .containsPattern("compatibility_history +[0-9,]+ rows")
                .contains("Copied ")
                .doesNotContain(PostgresTestServer.PASSWORD + "@");

        var second = new Output();
        assertThat(DatabaseCopyCommand.run(args, environment, second.out, second.err))
                .isEqualTo(1);
        assertThat(second.err()).contains("Refusing to copy into PostgreSQL " + postgres, "it is not empty");
    }

    /** The backup test's queries, and every table's row count and hash of all its rows (Flyway's history: its count). */
    private static Map<String, Object> readBack(Path file) {
        return withDuckDb(file, jdbc -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (String sql : BackupAndRestoreTest.SAME_AFTER_RESTORE) {
                answers.put(sql, jdbc.sql(sql).query().listOfRows());
            }
            Set<String> hashed = jdbc.sql("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'main' AND table_name <> 'flyway_schema_history'""").query(String.class).set();
            answers.put("fingerprint", TableFingerprint.of(jdbc, hashed).take());
            return answers;
        });
    }

    private static Map<String, Long> rowCounts(Path file) {
        return withDuckDb(file, jdbc -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : jdbc.sql("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'main' AND table_name <> 'flyway_schema_history' ORDER BY table_name""").query(String.class).list()) {
                counts.put(
                        table,
                        jdbc.sql("SELECT count(*) FROM " + table)
                                .query(Long.class)
                                .single());
            }
            return counts;
        });
    }

    /** Every table's row count and an order-independent digest of its rows' text. */
    private static String postgresFingerprint(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""").query(String.class).list().stream()
                .map(table -> table + "="
                        + jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ','"
                                        + " ORDER BY t::text)), '') FROM " + table + " AS t")
                                .query(String.class)
                                .single())
                .collect(Collectors.joining(" "));
    }

    private static void assertSequencesContinuePastTheCopiedIds(JdbcClient jdbc, String sequences, String name) {
        List<String> behind = new ArrayList<>();
        for (var column : jdbc.sql("""
                SELECT table_name, column_name, column_default FROM information_schema.columns
                WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'""").query().listOfRows()) {
            String sequence = column.get("column_default").toString().replaceAll("^nextval\\('([a-z_]+)'.*$", "$1");
            long next = jdbc.sql("SELECT nextval('" + sequence + "')")
                    .query(Long.class)
                    .single();
            long max = jdbc.sql("SELECT coalesce(max(" + column.get("column_name") + "), 0) FROM "
                            + column.get("table_name"))
                    .query(Long.class)
                    .single();
            if (next <= max) {
                behind.add(sequence + " " + next + " <= " + max);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM " + sequences + " WHERE " + name + " LIKE '%_seq'")
                        .query(Long.class)
                        .single())
                .isGreaterThan(5);
        assertThat(behind).isEmpty();
    }

    private static Map<String, Long> counts(DatabaseCopy.Result result) {
        Map<String, Long> counts = new LinkedHashMap<>();
        result.tables().forEach(t -> counts.put(t.table(), t.rows()));
        return counts;
    }

    private static CopyEndpoint duckdb(Path file) {
        return new CopyEndpoint(file.toString(), null, null, "1GB");
    }

    private static CopyEndpoint postgres(String url) {
        return new CopyEndpoint(url, PostgresTestServer.USER, PostgresTestServer.PASSWORD, null);
    }

    private static JdbcClient postgresClient(String url) {
        return JdbcClient.create(
                new DriverManagerDataSource(url, PostgresTestServer.USER, PostgresTestServer.PASSWORD));
    }

    private static <T> T withDuckDb(Path file, Function<JdbcClient, T> read) {
        var dataSource = new SingleConnectionDataSource(DatabaseConfig.jdbcUrl(file.toString()), true);
        dataSource.setConnectionProperties(DatabaseConfig.connectionOptions(new DatabaseProperties(null, 2, "1GB", 1)));
        try {
            return read.apply(JdbcClient.create(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    /** A command's standard output and error. */
    private static final class Output {
        private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
