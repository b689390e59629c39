package dev.compatmatrix.matrix.store;

import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the upkeep of {@code cell_states} ({@link CellStates#follow}) adds to a write, for the time-travel benchmark:
 * claim level changes through {@link MatrixWriter#writeClaims} (claim rows, history, derived columns, events and the
 * upkeep) and the same cells' {@code follow} alone, alternating, each in a transaction rolled back, so every iteration
 * writes over the same data. In this package because {@link CellStates} is the writer's own.
 */
public final class CellStatesCost {

    private CellStatesCost() {}

    /** Lines of figures: a one-claim edit and a 1,000-claim batch, each whole and its upkeep alone; then V0018. */
    public static List<String> measure(ApplicationContext context, int runs) {
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MatrixWriter writer = context.getBean(MatrixWriter.class);
        ClaimRepository claims = context.getBean(ClaimRepository.class);
        DerivedColumnsRepository matrixRows = context.getBean(DerivedColumnsRepository.class);
        CellStates cellStates = context.getBean(CellStates.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        List<String> lines = new ArrayList<>();
        for (int size : new int[] {1, 1_000}) {
            List<Integer> models = jdbc.sql("""
                            SELECT c.model_id FROM cross_platform_compatibility c
                            WHERE (SELECT count(*) FROM compatibility_details d WHERE d.compatibility_id = c.id) = 8
                            ORDER BY c.model_id LIMIT :n""")
                    .param("n", Math.max(1, size / 8))
                    .query(Integer.class)
                    .list();
            List<ClaimChange> edits = new ArrayList<>();
            List<CellStates.Cell> touched = new ArrayList<>();
            for (int model : models) {
                ModelRef ref = matrixRows.findByModelId(model).orElseThrow();
                for (Platform p : Platform.values()) {
                    if (edits.size() < size) {
                        Claim loaded = claims.find(model, p).orElseThrow();
                        CompatibilityLevel other = loaded.data().level() == CompatibilityLevel.HIGH
                                ? CompatibilityLevel.MEDIUM
                                : CompatibilityLevel.HIGH;
                        edits.add(ClaimChange.edit(loaded, ref, loaded.data().withLevel(other), "benchmark", null));
                        touched.add(new CellStates.Cell(model, p, loaded.claimId()));
                    }
                }
            }
            double[] whole = new double[runs];
            double[] upkeep = new double[runs];
            for (int i = -Math.min(10, runs); i < runs; i++) { // the first ten pairs warm up
                LocalDateTime now = LocalDateTime.of(2026, 11, 2, 0, 0).plusSeconds(i + 100);
                double write = rolledBack(transaction, () -> writer.writeClaims(edits, List.of(), "benchmark", now));
                double follow = rolledBack(transaction, () -> cellStates.follow(touched, now));
                if (i >= 0) {
                    whole[i] = write;
                    upkeep[i] = follow;
                }
            }
            Arrays.sort(whole);
            Arrays.sort(upkeep);
            lines.add(String.format(
                    Locale.ROOT,
                    "%,d claim level change(s) in one writeClaims: p50 %.1f ms, p95 %.1f ms; of which the cell_states"
                            + " upkeep alone: p50 %.1f ms, p95 %.1f ms (%.0f %% of the p50; without it ≈ p50 %.1f ms)",
                    edits.size(),
                    p(whole, 50),
                    p(whole, 95),
                    p(upkeep, 50),
                    p(upkeep, 95),
                    100 * p(upkeep, 50) / p(whole, 50),
                    p(whole, 50) - p(upkeep, 50)));
        }
        lines.add(v0018(dataSource));
        return lines;
    }

    private static double rolledBack(TransactionTemplate transaction, Runnable write) {
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            write.run();
            status.setRollbackOnly();
        });
        return (System.nanoTime() - start) / 1e6;
    }

    /** V0018 at this size: the states emptied, then rebuilt from history, reviews and claims (committed). */
    private static String v0018(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("DELETE FROM cell_states");
            }
            long start = System.nanoTime();
            long rows = CellStatesFromHistory.fillIfEmpty(c);
            c.commit();
            return String.format(
                    Locale.ROOT,
                    "V0018 (cell_states rebuilt from history, reviews and claims): %,d states in %.1f s",
                    rows,
                    (System.nanoTime() - start) / 1e9);
        } catch (java.sql.SQLException e) {
            return "V0018 failed: " + e.getMessage();
        }
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
