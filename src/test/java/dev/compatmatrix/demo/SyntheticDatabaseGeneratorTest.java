package dev.compatmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueQuery;
import dev.compatmatrix.validation.query.QueueRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The scale generator: enough rows to cross the appender's flush size, every invariant (history, booleans,
 * validation trail), deterministic.
 */
class SyntheticDatabaseGeneratorTest {

    /** Every row the generator counts in its result. */
    private static final String ROWS_WRITTEN = """
            SELECT (SELECT count(*) FROM validators) + (SELECT count(*) FROM models)
                 + (SELECT count(*) FROM cross_platform_compatibility) + (SELECT count(*) FROM compatibility_details)
                 + (SELECT count(*) FROM compatibility_history) + (SELECT count(*) FROM hardware_recommendations)
                 + (SELECT count(*) FROM performance_results) + (SELECT count(*) FROM validation_reviews)
                 + (SELECT count(*) FROM automated_results)""";

    @TempDir
    Path folder;

    @Test
    void generates_n_models_with_eight_platforms_and_six_or_seven_history_rows_per_claim() {
        var result =
                SyntheticDatabaseGenerator.generate(folder.resolve("a.duckdb").toString(), 1_000);
        assertThat(result.models()).isEqualTo(1_000);
        withDatabase("a.duckdb", jdbc -> {
            assertThat(count(jdbc, "SELECT count(*) FROM models")).isEqualTo(1_000);
            long claims = count(jdbc, "SELECT count(*) FROM compatibility_details");
            assertThat(claims).isBetween(8_000L * 75 / 100, 8_000L * 95 / 100); // > 4,096: past a flush
            assertThat(count(jdbc, """
                    SELECT count(*) FROM compatibility_details d JOIN cross_platform_compatibility c
                      ON c.id = d.compatibility_id
                    WHERE (SELECT count(*) FROM compatibility_history h
                           WHERE h.model_id = c.model_id AND h.hardware_type = d.hardware_type) NOT BETWEEN 6 AND 7
                       OR d.compatibility_level IS DISTINCT FROM (
                           SELECT h.new_status FROM compatibility_history h
                           WHERE h.model_id = c.model_id AND h.hardware_type = d.hardware_type
                           ORDER BY h.change_date DESC, h.id DESC LIMIT 1)""")).isZero();
            assertThat(count(jdbc, "SELECT count(*) FROM compatibility_history"))
                    .isGreaterThan(claims * 6);
            // Booleans match the claims (PRODUCT.md §2), for every platform of every model.
            assertThat(count(jdbc, """
                    SELECT count(*) FROM cross_platform_compatibility c, (VALUES ('cpu'), ('cuda'), ('rocm'), ('mps'),
                        ('openvino'), ('qualcomm'), ('webnn'), ('webgpu')) p(platform)
                    WHERE (CASE p.platform WHEN 'cpu' THEN c.cpu_support WHEN 'cuda' THEN c.cuda_support
                               WHEN 'rocm' THEN c.rocm_support WHEN 'mps' THEN c.mps_support
                               WHEN 'openvino' THEN c.openvino_support WHEN 'qualcomm' THEN c.qualcomm_support
                               WHEN 'webnn' THEN c.webnn_support ELSE c.webgpu_support END)
                       <> EXISTS (SELECT 1 FROM compatibility_details d WHERE d.compatibility_id = c.id
                                  AND d.hardware_type = p.platform AND d.compatibility_level <> 'unsupported')
                    """)).isZero();
            assertThat(result.rows()).as("the rows the generator reports").isEqualTo(count(jdbc, ROWS_WRITTEN));
        });
    }

    @Test
    void every_validation_status_has_the_reviews_that_set_it_and_the_queue_holds_every_kind_of_claim() {
        SyntheticDatabaseGenerator.generate(folder.resolve("r.duckdb").toString(), 1_000);
        withDatabase("r.duckdb", jdbc -> {
            long claims = count(jdbc, "SELECT count(*) FROM compatibility_details");
            long reviews = count(jdbc, "SELECT count(*) FROM validation_reviews");
            assertThat(reviews)
                    .as("past an appender flush")
                    .isGreaterThan(4_096)
                    .isBetween(claims * 6 / 10, claims);
            // The same invariants as the demo data: every approval behind its status, every history row's author.
            assertThat(dev.compatmatrix.MatrixInvariants.claimsWithoutTheirApproval(jdbc))
                    .isEmpty();
            assertThat(dev.compatmatrix.MatrixInvariants.historyRowsWithoutAuthor(jdbc))
                    .isEmpty();
            // Each review names an existing claim as it was (model, platform, level, an existing version), and its
            // validator at that validator's level; nobody reviewed a version they wrote.
            assertThat(count(jdbc, """
                    SELECT count(*) FROM validation_reviews r
                    LEFT JOIN compatibility_details d ON d.id = r.claim_id
                    LEFT JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                    LEFT JOIN validators v ON v.validator_id = r.validator_id
                    WHERE d.id IS NULL OR v.validator_id IS NULL OR c.model_id <> r.model_id
                       OR d.hardware_type <> r.hardware_type OR d.compatibility_level <> r.claim_level
                       OR r.claim_version NOT BETWEEN 1 AND d.row_version OR r.verification_level <> v.verification_level
                       OR r.reviewer IS NOT DISTINCT FROM d.updated_by
                       OR r.reviewed_at < d.updated_at AND r.claim_version = d.row_version
                       OR r.reviewed_at > TIMESTAMP '2026-11-01 00:00:00'""")).isZero();
            // The newest review decided the status: an approval by the claim's validator on its validation date
            // (validated only at the required level), or a rejection with a comment that left it unvalidated.
            assertThat(count(jdbc, """
                    WITH newest AS (
                        SELECT r.*, row_number() OVER (PARTITION BY r.claim_id ORDER BY r.reviewed_at DESC, r.id DESC) AS n
                        FROM validation_reviews r)
                    SELECT count(*) FROM compatibility_details d LEFT JOIN newest r ON r.claim_id = d.id AND r.n = 1
                    WHERE CASE d.validation_status
                        WHEN 'unvalidated' THEN d.validator_id IS NOT NULL OR d.validation_date IS NOT NULL
                            OR r.id IS NOT NULL AND (r.decision <> 'reject' OR r.comment IS NULL
                                                     OR r.resulting_status <> 'unvalidated')
                        ELSE r.id IS NULL OR r.decision <> 'approve' OR r.resulting_status <> d.validation_status
                            OR r.validator_id <> d.validator_id OR r.reviewed_at <> d.validation_date
                            OR d.validation_status = 'validated' AND r.verification_level
                               < CASE d.compatibility_level WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END
                        END""")).isZero();
            // A pipeline's approval comes with its agreeing automated result, at the same moment.
            assertThat(count(jdbc, """
                    SELECT count(*) FROM validation_reviews r JOIN validators v ON v.validator_id = r.validator_id
                    WHERE v.type <> 'human' AND NOT EXISTS (
                        SELECT 1 FROM automated_results a WHERE a.model_id = r.model_id
                        AND a.hardware_type = r.hardware_type AND a.validator_id = r.validator_id
                        AND a.reported_level = r.claim_level AND a.reported_at = r.reviewed_at)""")).isZero();
            // A realistic mix, per claim and per model.
            assertThat(share(jdbc, "validation_status <> 'unvalidated'", claims))
                    .isBetween(60.0, 80.0);
            assertThat(share(jdbc, "validation_status = 'validated'", claims)).isBetween(45.0, 70.0);
            assertThat(share(jdbc, "id IN (SELECT claim_id FROM validation_reviews WHERE decision = 'reject')", claims))
                    .isBetween(3.0, 10.0);
            assertThat(share(jdbc, "row_version = 2 AND validation_status = 'validated'", claims))
                    .isBetween(1.0, 6.0);
            assertThat(count(jdbc, """
                    SELECT count(*) FROM cross_platform_compatibility c
                    WHERE (SELECT count(*) FROM validation_reviews r WHERE r.model_id = c.model_id)
                        < (SELECT count(*) FROM compatibility_details d
                           WHERE d.compatibility_id = c.id AND d.validation_status <> 'unvalidated')""")).isZero();

            // The queue (the product's own query) has pending, partially validated, rejected, stale and disputed
            // claims, disputed first.
            Clock demoNow = Clock.fixed(DemoDataLoader.DEMO_NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            var queue = new QueueQuery(jdbc, demoNow, new Staleness(demoNow, 180));
            assertThat(queue.count(QueueFilter.ALL)).isBetween(claims * 3 / 10, claims * 7 / 10);
            List<QueueRow> first = queue.page(QueueFilter.ALL, 0, 50);
            assertThat(first).isNotEmpty().allMatch(QueueRow::disputed);
            assertThat(count(jdbc, """
                    SELECT count(*) FROM compatibility_details d WHERE d.validation_status = 'validated'
                    AND EXISTS (SELECT 1 FROM validation_reviews r WHERE r.claim_id = d.id
                                AND r.reviewed_at = d.validation_date
                                AND r.framework_version IS DISTINCT FROM d.framework_version)""")).isPositive();
            assertThat(queue.page(QueueFilter.ALL, 0, 5_000))
                    .anyMatch(r -> r.stale() && !r.disputed())
                    .anyMatch(r -> r.status() == ValidationStatus.PARTIALLY_VALIDATED && !r.stale() && !r.disputed());
        });
    }

    private static double share(JdbcClient jdbc, String condition, long claims) {
        return 100.0 * count(jdbc, "SELECT count(*) FROM compatibility_details WHERE " + condition) / claims;
    }

    @Test
    void each_model_has_a_summary_of_performance_results_about_ten_rows_a_model() {
        SyntheticDatabaseGenerator.generate(folder.resolve("p.duckdb").toString(), 500);
        withDatabase("p.duckdb", jdbc -> {
            assertThat(count(jdbc, "SELECT count(*) FROM performance_results")).isBetween(500L * 8, 500L * 14);
            // Per model: one task, fp16, batch 1 and the largest batch (32, or 16 from 1,000 M parameters on),
            // on each supported platform and nowhere else.
            assertThat(count(jdbc, """
                    SELECT count(*) FROM models m
                    WHERE (SELECT count(*) FROM performance_results pr WHERE pr.model_id = m.model_id)
                       <> 2 * (SELECT count(*) FROM cross_platform_compatibility c
                               JOIN compatibility_details d ON d.compatibility_id = c.id
                               WHERE c.model_id = m.model_id AND d.compatibility_level <> 'unsupported')
                       OR (SELECT count(DISTINCT task_type) FROM performance_results pr WHERE pr.model_id = m.model_id) > 1
                       OR EXISTS (SELECT 1 FROM performance_results pr WHERE pr.model_id = m.model_id
                                  AND (pr.precision <> 'fp16' OR pr.batch_size NOT IN
                                       (1, CASE WHEN m.parameters_millions < 1000 THEN 32 ELSE 16 END)))
                       OR EXISTS (SELECT 1 FROM performance_results pr
                                  JOIN cross_platform_compatibility c ON c.model_id = pr.model_id
                                  LEFT JOIN compatibility_details d ON d.compatibility_id = c.id
                                       AND d.hardware_type = pr.hardware_type
                                  WHERE pr.model_id = m.model_id
                                    AND (d.id IS NULL OR d.compatibility_level = 'unsupported'))
                    """)).isZero();
        });
    }

    @Test
    void the_same_seed_and_size_give_the_same_database() {
        SyntheticDatabaseGenerator.generate(folder.resolve("a.duckdb").toString(), 300);
        SyntheticDatabaseGenerator.generate(folder.resolve("b.duckdb").toString(), 300);
        assertSameData("a.duckdb", "b.duckdb");
    }

    @Test
    void committing_in_chunks_gives_the_same_database_as_one_commit_and_leaves_no_partial_file() {
        SyntheticDatabaseGenerator.generate(folder.resolve("one.duckdb").toString(), 300);
        // 300 models in chunks of 7: 42 commits and a last, shorter chunk; ids come from the same reserved blocks.
        SyntheticDatabaseGenerator.generate(folder.resolve("chunks.duckdb").toString(), 300, 7);
        assertSameData("one.duckdb", "chunks.duckdb");
        withDatabase("chunks.duckdb", jdbc -> {
            assertThat(count(jdbc, "SELECT count(*) FROM models")).isEqualTo(300);
            assertThat(count(jdbc, "SELECT max(model_id) - min(model_id) + 1 FROM models"))
                    .isEqualTo(300);
        });
        assertThat(folder.resolve("chunks.duckdb.partial")).doesNotExist();
    }

    @Test
    void committing_in_chunks_loads_every_model_on_the_test_database() throws Exception {
        // DuckDB, or PostgreSQL with -Dcompat.test.database=postgresql: its COPY streams are flushed per chunk too.
        var database = dev.compatmatrix.timetravel.ScratchDatabase.create("chunks");
        try (java.sql.Connection connection = database.open()) {
            var result = SyntheticDatabaseGenerator.generate(connection, database.kind(), 120, 50);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(count(jdbc, "SELECT count(*) FROM models")).isEqualTo(120);
            assertThat(count(jdbc, "SELECT count(DISTINCT model_id) FROM compatibility_history"))
                    .isEqualTo(120);
            assertThat(result.rows()).isEqualTo(count(jdbc, ROWS_WRITTEN));
            assertThat(dev.compatmatrix.MatrixInvariants.cellStatesNotFollowingClaims(jdbc))
                    .isEmpty();
        }
    }

    private void assertSameData(String a, String b) {
        String fingerprint = """
                SELECT (SELECT sum(hash(model_name, model_family, parameters_millions)) FROM models)
                     + (SELECT sum(hash(compatibility_id, hardware_type, compatibility_level, validation_status))
                        FROM compatibility_details)
                     + (SELECT sum(hash(model_id, hardware_type, new_status, change_date)) FROM compatibility_history)
                     + (SELECT sum(hash(model_id, hardware_type, batch_size, throughput_items_per_s, measured_at))
                        FROM performance_results)
                     + (SELECT sum(hash(claim_id, claim_version, validator_id, decision, resulting_status, reviewed_at))
                        FROM validation_reviews)
                     + (SELECT sum(hash(model_id, hardware_type, validator_id, reported_level, reported_at))
                        FROM automated_results)
                """;
        var first = new java.util.concurrent.atomic.AtomicReference<Object>();
        withDatabase(a, jdbc -> first.set(jdbc.sql(fingerprint).query().singleValue()));
        withDatabase(
                b,
                jdbc -> assertThat(jdbc.sql(fingerprint).query().singleValue()).isEqualTo(first.get()));
    }

    private void withDatabase(String file, java.util.function.Consumer<JdbcClient> check) {
        var dataSource = new SingleConnectionDataSource(
                DatabaseConfig.jdbcUrl(folder.resolve(file).toString()), true);
        dataSource.setConnectionProperties(
                DatabaseConfig.connectionOptions(new DatabaseProperties(null, 1, "512MB", 1)));
        try {
            check.accept(JdbcClient.create(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
