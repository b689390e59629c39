package dev.compatmatrix.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.matrix.live.MatrixChange;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change committed on node A reaches {@link LiveChanges} subscribers on node B (PostgreSQL's NOTIFY to B's listening
 * connection), within a second, once per transaction, never for a rollback; and B keeps listening after its listening
 * connection is killed. Two Spring applications on one new PostgreSQL database, as in {@link TwoNodesTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveChangesAcrossNodesTest {

    private static final String LISTENER = "compat-matrix-console listener";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 12, 0);
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcClient database;
    /** The backend of node B's listening connection, told apart from A's by starting B after A listens. */
    private static int listenerOfB;

    /** What node B's and node A's subscribers received, each with the moment (nanoTime) it arrived. */
    private record Received(long atNanos, MatrixChange change) {}

    private final List<Received> onB = new CopyOnWriteArrayList<>();
    private final List<Received> onA = new CopyOnWriteArrayList<>();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        String url = ClusterNodes.newDatabaseOrSkip("live_nodes");
        nodeA = ClusterNodes.start(url, true);
        database = nodeA.getBean(JdbcClient.class);
        List<Integer> listenersOfA = awaitListeners(1);
        nodeB = ClusterNodes.start(url, false);
        List<Integer> both = awaitListeners(2);
        both.removeAll(listenersOfA);
        listenerOfB = both.getFirst();
    }

    @AfterAll
    static void stopNodes() {
        ClusterNodes.close(nodeB, nodeA);
    }

    @BeforeEach
    void subscribeOnBothNodes() {
        unsubscribe.add(nodeB.getBean(LiveChanges.class).subscribe(c -> onB.add(new Received(System.nanoTime(), c))));
        unsubscribe.add(nodeA.getBean(LiveChanges.class).subscribe(c -> onA.add(new Received(System.nanoTime(), c))));
    }

    @AfterEach
    void unsubscribeAndSignOut() {
        unsubscribe.forEach(Runnable::run);
        ClusterNodes.signOut(nodeA, nodeB);
    }

    @Test
    @Order(1)
    void a_claim_edit_on_node_a_reaches_a_subscriber_on_node_b_within_a_second() {
        Edited edited = editAClaimOnNodeA("live across nodes");

        MatrixChange change = awaitOneOnB(edited.committedNanos(), "claim edit").change();
        assertThat(change.touchesCell(edited.claim().modelId(), edited.claim().platform()))
                .as("node B learns which cell changed")
                .isTrue();
        assertThat(change.kinds()).contains(ChangeKind.LEVEL_CHANGED);
    }

    @Test
    @Order(2)
    void a_batch_of_1000_results_on_node_a_is_one_change_on_node_b_within_a_second() {
        List<AutomatedResultRow> results = thousandResults();
        TransactionTemplate transaction = nodeA.getBean(TransactionTemplate.class);
        MatrixWriter writer = nodeA.getBean(MatrixWriter.class);
        transaction.executeWithoutResult(status -> {
            writer.recordResults(results.subList(0, 500));
            writer.recordResults(results.subList(500, 1000));
        });
        long committed = System.nanoTime();

        MatrixChange change = awaitOneOnB(committed, "batch of 1,000 results").change();
        Awaitility.await()
                .during(700, TimeUnit.MILLISECONDS)
                .atMost(2, TimeUnit.SECONDS)
                .until(() -> onB.size() == 1);
        assertThat(change.events())
                .as("every result of the batch, in one change")
                .hasSize(1000);
        assertThat(change.kinds()).containsExactly(ChangeKind.RESULT);
    }

    @Test
    @Order(3)
    void a_rolled_back_write_on_node_a_reaches_nobody() {
        int model = database.sql("SELECT min(model_id) FROM cross_platform_compatibility")
                .query(Integer.class)
                .single();
        TransactionTemplate transaction = nodeA.getBean(TransactionTemplate.class);
        MatrixWriter writer = nodeA.getBean(MatrixWriter.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    writer.recordResults(List.of(new AutomatedResultRow(
                            model, Platform.CPU, 1, CompatibilityLevel.LOW, "rolled-back", "1.0", NOW)));
                    throw new IllegalStateException("the caller fails after the write");
                }))
                .isInstanceOf(IllegalStateException.class);

        Awaitility.await()
                .during(1500, TimeUnit.MILLISECONDS)
                .atMost(3, TimeUnit.SECONDS)
                .until(() -> onB.isEmpty() && onA.isEmpty());
    }

    @Test
    @Order(4)
    void node_b_listens_again_after_its_listening_connection_is_killed_and_tells_subscribers_anything_changed() {
        assertThat(database.sql("SELECT pg_terminate_backend(:pid)")
                        .param("pid", listenerOfB)
                        .query(Boolean.class)
                        .single())
                .as("node B's listening connection killed")
                .isTrue();

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !onB.isEmpty());
        assertThat(onB.getFirst().change().all())
                .as("after reconnecting, node B's subscribers are told that anything may have changed")
                .isTrue();
        assertThat(onA).as("node A's listening connection was not touched").isEmpty();
        assertThat(listeners()).as("both nodes listen again").hasSize(2).doesNotContain(listenerOfB);

        onB.clear();
        Edited edited = editAClaimOnNodeA("live after reconnect");
        MatrixChange change = awaitOneOnB(edited.committedNanos(), "claim edit after the reconnect")
                .change();
        assertThat(change.all()).isFalse();
        assertThat(change.touchesCell(edited.claim().modelId(), edited.claim().platform()))
                .isTrue();
    }

    private record Edited(Claim claim, long committedNanos) {}

    /** An editor on node A changes the level of a CUDA claim; answers it and when the save returned. */
    private static Edited editAClaimOnNodeA(String reason) {
        ClusterNodes.signIn("editor", List.of(Roles.EDITOR), nodeA, nodeB);
        ClaimService claims = nodeA.getBean(ClaimService.class);
        String model = database.sql("""
                        SELECT m.model_name FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id
                        WHERE d.hardware_type = 'cuda' AND m.deleted_at IS NULL
                        ORDER BY m.model_name LIMIT 1""").query(String.class).single();
        Claim claim = claims.find(model, Platform.CUDA).orElseThrow();
        CompatibilityLevel other =
                claim.data().level() == CompatibilityLevel.LOW ? CompatibilityLevel.MEDIUM : CompatibilityLevel.LOW;
        claims.update(claim, claim.data().withLevel(other), new ChangeNote(reason, "v-live"));
        return new Edited(claim, System.nanoTime());
    }

    /** Waits for node B's first change, at most a second after the commit returned on A, and prints how long. */
    private Received awaitOneOnB(long committedNanos, String what) {
        Awaitility.await()
                .atMost(WITHIN.plusMillis(100))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> !onB.isEmpty());
        Received first = onB.getFirst();
        double ms = (first.atNanos() - committedNanos) / 1e6;
        System.out.printf(Locale.ROOT, "Live across nodes: %s on node A → subscriber on node B: %.1f ms%n", what, ms);
        assertThat(ms).as("%s: commit on A → node B's subscriber, ms", what).isLessThanOrEqualTo(WITHIN.toMillis());
        return first;
    }

    /** 125 models × 8 platforms = 1,000 results of one run. */
    private static List<AutomatedResultRow> thousandResults() {
        List<Integer> models = database.sql(
                        "SELECT model_id FROM cross_platform_compatibility ORDER BY model_id LIMIT 125")
                .query(Integer.class)
                .list();
        List<AutomatedResultRow> results = new ArrayList<>();
        for (int i = 0; results.size() < 1000; i++) {
            for (Platform platform : Platform.values()) {
                results.add(new AutomatedResultRow(
                        models.get(i % models.size()), platform, 1, CompatibilityLevel.LOW, "live-batch", "1.0", NOW));
            }
        }
        return results.subList(0, 1000);
    }

    /** The backends of the nodes' listening connections. */
    private static List<Integer> listeners() {
        return database.sql("SELECT pid FROM pg_stat_activity WHERE application_name = :name ORDER BY pid")
                .param("name", LISTENER)
                .query(Integer.class)
                .list();
    }

    private static List<Integer> awaitListeners(int count) {
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> listeners().size() == count);
        return new ArrayList<>(listeners());
    }
}
