package dev.compatmatrix.matrix.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Committed matrix writes reach every subscriber once per transaction, with what they changed; rollbacks never. */
class LiveChangesTest extends WritingIntegrationTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 12, 0);

    @Autowired
    LiveChanges live;

    @Autowired
    MatrixWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private final List<MatrixChange> received = new CopyOnWriteArrayList<>();
    private Runnable unsubscribe;

    @BeforeEach
    void subscribe() {
        unsubscribe = live.subscribe(received::add);
    }

    @AfterEach
    void unsubscribe() {
        unsubscribe.run();
    }

    @Test
    void a_batch_of_1000_results_in_one_transaction_is_one_change_with_every_cell() {
        List<Integer> models = jdbc.sql("SELECT model_id FROM cross_platform_compatibility ORDER BY model_id LIMIT 125")
                .query(Integer.class)
                .list();
        List<AutomatedResultRow> results = new ArrayList<>();
        for (int model : models) {
            for (Platform platform : Platform.values()) {
                results.add(new AutomatedResultRow(model, platform, 1, CompatibilityLevel.LOW, "live-run", "1.0", NOW));
            }
        }
        int repeat = 0;
        while (results.size() < 1000) {
            results.add(results.get(repeat++));
        }
        transaction.executeWithoutResult(status -> {
            writer.recordResults(results.subList(0, 500));
            writer.recordResults(results.subList(500, 1000));
        });

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !received.isEmpty());
        Awaitility.await().during(500, TimeUnit.MILLISECONDS).until(() -> received.size() == 1);
        MatrixChange change = received.getFirst();
        assertThat(change.events()).hasSize(1000);
        assertThat(change.kinds()).containsExactly(ChangeKind.RESULT);
        assertThat(change.cells()).hasSize(models.size() * Platform.values().length);
        assertThat(change.touchesCell(models.getFirst(), Platform.CUDA)).isTrue();
        assertThat(change.events().stream().map(e -> e.changeId()).distinct()).hasSize(1);
    }

    @Test
    void a_result_remembers_the_claimed_level_so_a_disagreeing_one_reads_as_a_dispute() {
        var claim = jdbc.sql("""
                        SELECT c.model_id, d.hardware_type, d.compatibility_level FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        WHERE d.compatibility_level = 'high' ORDER BY d.id LIMIT 1""")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)})
                .single();
        Platform platform = Platform.fromKey((String) claim[1]).orElseThrow();
        writer.recordResults(List.of(new AutomatedResultRow(
                (Integer) claim[0], platform, 1, CompatibilityLevel.LOW, "dispute-run", "1.0", NOW)));

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !received.isEmpty());
        var event = received.getFirst().events().getFirst();
        assertThat(event.previousLevel()).isEqualTo(CompatibilityLevel.HIGH);
        assertThat(event.newLevel()).isEqualTo(CompatibilityLevel.LOW);
        assertThat(event.disputes()).isTrue();
        assertThat(event.summary()).contains("disputes the claim (High)");
        assertThat(event.modelName()).isNotBlank();
    }

    @Test
    void a_rolled_back_write_signals_nothing_and_leaves_no_event() {
        long before =
                jdbc.sql("SELECT count(*) FROM matrix_events").query(Long.class).single();
        int model = jdbc.sql("SELECT min(model_id) FROM cross_platform_compatibility")
                .query(Integer.class)
                .single();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    writer.recordResults(List.of(new AutomatedResultRow(
                            model, Platform.CPU, 1, CompatibilityLevel.LOW, "rolled-back", "1.0", NOW)));
                    throw new IllegalStateException("the caller fails after the write");
                }))
                .isInstanceOf(IllegalStateException.class);

        Awaitility.await().during(700, TimeUnit.MILLISECONDS).until(received::isEmpty);
        assertThat(jdbc.sql("SELECT count(*) FROM matrix_events")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
