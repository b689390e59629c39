package dev.compatmatrix.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.base.db.OncePerCluster;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.store.MatrixVersion;
import dev.compatmatrix.matrix.store.MatrixWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What several application nodes share through the database, with the second node played by a second instance of
 * the node-local class over the same database (the two-node tests with two real applications are in
 * {@link TwoNodesTest}).
 */
class ClusterStateTest extends WritingIntegrationTest {

    @Autowired
    MatrixVersion version;

    @Autowired
    MatrixWriter writer;

    @Autowired
    MatrixQuery matrix;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Staleness staleness;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Test
    void a_model_added_on_one_node_is_on_the_other_nodes_next_deep_page_read() {
        MatrixQuery otherNode = new MatrixQuery(jdbc, dataSource, staleness);
        int[] before = otherNode.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        assertThat(otherNode.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME))
                .as("cached while nothing changes")
                .isSameAs(before);
        signIn("editor", Roles.EDITOR);
        MlModel added = catalog.create(
                new ModelData("+0-cluster/first-by-name", "test-family", ModelType.VISION, ModelSize.SMALL, 1.0, null));
        int[] after = otherNode.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        assertThat(after).hasSize(before.length + 1);
        assertThat(after[0]).isEqualTo(added.modelId());
    }

    @Test
    void every_matrix_write_changes_the_version_and_a_rolled_back_one_does_not() {
        String data = version.data();
        String models = version.models();
        writer.recordResults(List.of());
        assertThat(version.data()).isNotEqualTo(data);
        assertThat(version.models())
                .as("a claim-side write leaves the name order")
                .isEqualTo(models);

        String beforeModelWrite = version.data();
        writer.updateModels(List.of(), LocalDateTime.now(clock));
        assertThat(version.data()).isNotEqualTo(beforeModelWrite);
        assertThat(version.models()).isNotEqualTo(models);

        String committed = version.data();
        transaction.executeWithoutResult(status -> {
            writer.recordResults(List.of());
            status.setRollbackOnly();
        });
        assertThat(version.data()).isEqualTo(committed);
        writer.recordResults(List.of());
        assertThat(version.data())
                .as("the next write after a rollback differs from what the rolled-back one showed")
                .isNotEqualTo(committed);
    }

    @Test
    void two_matrix_writes_at_once_do_not_conflict_over_the_version() throws Exception {
        String before = version.data();
        CyclicBarrier bothMarked = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = List.of(
                    threads.submit(() -> markAndWait(bothMarked)), threads.submit(() -> markAndWait(bothMarked)));
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS); // throws if a commit conflicted
            }
        } finally {
            threads.shutdownNow();
        }
        long countBefore = Long.parseLong(before.split(":")[0]);
        assertThat(Long.parseLong(version.data().split(":")[0])).isEqualTo(countBefore + 2);
    }

    private Void markAndWait(CyclicBarrier bothMarked) {
        transaction.executeWithoutResult(status -> {
            version.changed(MatrixVersion.Change.MATRIX);
            try {
                bothMarked.await(20, TimeUnit.SECONDS); // both transactions are open, each with its mark
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return null;
    }

    @Test
    void folding_the_marks_keeps_both_versions() {
        writer.recordResults(List.of());
        writer.updateModels(List.of(), LocalDateTime.now(clock));
        String data = version.data();
        String models = version.models();
        org.springframework.test.util.ReflectionTestUtils.invokeMethod(version, "fold");
        assertThat(jdbc.sql("SELECT count(*) FROM matrix_changes")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(version.data()).isEqualTo(data);
        assertThat(version.models()).isEqualTo(models);
    }

    @Test
    void a_scheduled_job_fired_on_two_nodes_at_once_runs_on_one() throws Exception {
        OncePerCluster nodeA = new OncePerCluster(jdbc, transaction, clock);
        OncePerCluster nodeB = new OncePerCluster(jdbc, transaction, clock);
        AtomicInteger runs = new AtomicInteger();
        nodeA.run("test-job", Duration.ZERO, () -> {}); // its row exists, as V0012 inserts the nightly backup's
        CyclicBarrier fired = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (OncePerCluster node : List.of(nodeA, nodeB)) {
                threads.submit(() -> {
                    fired.await(20, TimeUnit.SECONDS);
                    return node.run("test-job", Duration.ofMinutes(5), runs::incrementAndGet);
                });
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }
        assertThat(runs).as("runs of a job fired on two nodes at once").hasValue(1);
        assertThat(nodeB.run("test-job", Duration.ofMinutes(5), runs::incrementAndGet))
                .as("fired again within its at-least time")
                .isFalse();
        assertThat(nodeA.run("another-job", Duration.ofMinutes(5), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(2);
    }
}
