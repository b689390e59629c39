package dev.compatmatrix.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Many editors at once: no lost update, one history row per successful level change, only conflicts fail. */
class ConcurrentEditingTest extends WritingIntegrationTest {

    private static final int THREADS = 8;
    private static final int EDITS_PER_THREAD = 200;
    private static final int CLAIMS = 5;

    @Autowired
    ClaimService service;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eight_threads_times_two_hundred_edits_over_five_claims_lose_nothing() throws Exception {
        signIn("setup", Roles.EDITOR);
        List<Claim> targets = jdbc.sql("""
                SELECT DISTINCT ON (c.model_id) m.model_name, d.hardware_type FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                WHERE d.compatibility_level IN ('high', 'medium') AND d.updated_by IS NULL
                ORDER BY c.model_id DESC, d.hardware_type LIMIT 5""")
                .query((rs, n) -> service.find(
                                rs.getString(1),
                                Platform.fromKey(rs.getString(2)).orElseThrow())
                        .orElseThrow())
                .list();
        assertThat(targets).hasSize(CLAIMS);
        long[] historyBefore = targets.stream().mapToLong(this::historyRows).toArray();

        AtomicIntegerArray successes = new AtomicIntegerArray(CLAIMS);
        AtomicIntegerArray conflicts = new AtomicIntegerArray(CLAIMS);
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            runs.add(pool.submit(() -> {
                signIn("editor-" + thread, Roles.EDITOR);
                try {
                    for (int i = 0; i < EDITS_PER_THREAD; i++) {
                        int index = (thread + i) % CLAIMS;
                        Claim target = targets.get(index);
                        try {
                            Claim loaded = service.find(target.modelName(), target.platform())
                                    .orElseThrow();
                            var next = loaded.data().level() == CompatibilityLevel.HIGH
                                    ? CompatibilityLevel.MEDIUM
                                    : CompatibilityLevel.HIGH;
                            service.update(
                                    loaded,
                                    loaded.data().withLevel(next),
                                    new ChangeNote("edit " + thread + "/" + i, "v" + i));
                            successes.incrementAndGet(index);
                        } catch (ClaimConflictException e) {
                            conflicts.incrementAndGet(index);
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(unexpected).as("failures other than reported conflicts").isEmpty();
        int totalSuccesses = 0;
        int totalConflicts = 0;
        for (int i = 0; i < CLAIMS; i++) {
            Claim target = targets.get(i);
            Claim now = service.find(target.modelName(), target.platform()).orElseThrow();
            assertThat(now.version()).as("row version of claim %d", i).isEqualTo(target.version() + successes.get(i));
            assertThat(historyRows(target) - historyBefore[i])
                    .as("history rows of claim %d", i)
                    .isEqualTo(successes.get(i));
            totalSuccesses += successes.get(i);
            totalConflicts += conflicts.get(i);
        }
        assertThat(totalSuccesses + totalConflicts).isEqualTo(THREADS * EDITS_PER_THREAD);
        assertThat(totalSuccesses).isPositive();
        System.out.printf(
                "concurrent edits: %d saved, %d refused as conflicts, 0 unexpected%n", totalSuccesses, totalConflicts);
    }

    private long historyRows(Claim claim) {
        return jdbc.sql("""
                SELECT count(*) FROM compatibility_history WHERE model_id = :model AND hardware_type = :platform""")
                .param("model", claim.modelId())
                .param("platform", claim.platform().key())
                .query(Long.class)
                .single();
    }
}
