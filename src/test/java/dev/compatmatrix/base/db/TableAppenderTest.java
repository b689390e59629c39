package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class TableAppenderTest extends WritingIntegrationTest {

    @Autowired
    TableAppender appender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private long results(String run) {
        return jdbc.sql("SELECT count(*) FROM automated_results WHERE evidence_run = :run")
                .param("run", run)
                .query(Long.class)
                .single();
    }

    private List<Object[]> rows(String run, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new Object[] {
                    1, i % 2 == 0 ? "cpu" : "openvino", 1, "high", run, null, LocalDateTime.of(2026, 11, 1, 0, 0)
                })
                .toList();
    }

    @Test
    void appended_rows_commit_with_the_transaction_and_get_sequence_ids() {
        // 5,000 rows cross two appender flushes, where the driver's inlined-string bug would break the CHECKs.
        transaction.executeWithoutResult(status ->
                appender.appendWithIds("automated_results", "automated_results_seq", rows("append-commit", 5000)));
        assertThat(results("append-commit")).isEqualTo(5000);
        long distinctIds = jdbc.sql(
                        "SELECT count(DISTINCT id) FROM automated_results WHERE evidence_run = 'append-commit'")
                .query(Long.class)
                .single();
        assertThat(distinctIds).isEqualTo(5000);
    }

    @Test
    void appended_rows_roll_back_with_the_transaction() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    appender.appendWithIds("automated_results", "automated_results_seq", rows("append-rollback", 10));
                    assertThat(results("append-rollback")).isEqualTo(10); // visible inside the transaction
                    throw new IllegalStateException("the rest of the change failed");
                }))
                .hasMessage("the rest of the change failed");
        assertThat(results("append-rollback")).isZero();
    }

    /** Without an explicit flush, duckdb_jdbc 2.0.0.1's close() dropped such a row without an error. */
    @Test
    void a_check_constraint_still_applies() {
        var bad = List.<Object[]>of(
                new Object[] {1, "cpu", 1, "excellent", "append-bad", null, LocalDateTime.of(2026, 11, 1, 0, 0)});
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        status -> appender.appendWithIds("automated_results", "automated_results_seq", bad)))
                .hasMessageContaining("CHECK constraint failed");
        assertThat(results("append-bad")).isZero();
    }
}
