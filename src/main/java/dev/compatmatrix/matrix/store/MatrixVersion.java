package dev.compatmatrix.matrix.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matrix data version in the database, so that every application node's caches see every node's writes (the
 * deep-page caches of the matrix read model compare it). {@link MatrixWriter} marks each write in its transaction: one
 * inserted row, which conflicts with no other write; the version is the count and id sum of those rows (see
 * V0012__cluster_state.sql), read in one statement of a few rows.
 */
@Repository
public class MatrixVersion {

    private static final Logger log = LoggerFactory.getLogger(MatrixVersion.class);

    /** Changes with every committed matrix write: claims, validation, results, models. */
    public static final String DATA_SQL = """
            SELECT (v.changes + c.n) || ':' || (v.changes_id_sum + c.id_sum)
            FROM matrix_version v, (SELECT count(*) AS n, coalesce(sum(id), 0) AS id_sum FROM matrix_changes) c""";

    /** Changes with every committed write of a model (added, edited, deleted), not with claim writes. */
    public static final String MODELS_SQL = """
            SELECT (v.model_changes + c.n) || ':' || (v.model_changes_id_sum + c.id_sum)
            FROM matrix_version v,
                 (SELECT count(*) AS n, coalesce(sum(id), 0) AS id_sum FROM matrix_changes WHERE models_changed) c""";

    /**
     * Changes with every committed write but those of automated results and dispute resolutions alone: claims,
     * validation, models (what the dashboard's aggregates read; CI ingest does not move it).
     */
    public static final String CLAIMS_SQL = """
            SELECT (v.claim_changes + c.n) || ':' || (v.claim_changes_id_sum + c.id_sum)
            FROM matrix_version v,
                 (SELECT count(*) AS n, coalesce(sum(id), 0) AS id_sum FROM matrix_changes
                  WHERE NOT coalesce(results_only, false)) c""";

    /** Moves the rows seen into the totals and deletes them, in one transaction: the versions stay as they are. */
    private static final String FOLD_SQL = """
            UPDATE matrix_version SET
                changes = changes + (SELECT count(*) FROM matrix_changes WHERE id <= :upTo),
                changes_id_sum = changes_id_sum + (SELECT coalesce(sum(id), 0) FROM matrix_changes WHERE id <= :upTo),
                model_changes = model_changes
                    + (SELECT count(*) FROM matrix_changes WHERE id <= :upTo AND models_changed),
                model_changes_id_sum = model_changes_id_sum
                    + (SELECT coalesce(sum(id), 0) FROM matrix_changes WHERE id <= :upTo AND models_changed),
                claim_changes = claim_changes
                    + (SELECT count(*) FROM matrix_changes WHERE id <= :upTo AND NOT coalesce(results_only, false)),
                claim_changes_id_sum = claim_changes_id_sum
                    + (SELECT coalesce(sum(id), 0) FROM matrix_changes
                       WHERE id <= :upTo AND NOT coalesce(results_only, false))
            WHERE id = 1""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public MatrixVersion(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** What a write changed: the matrix only, models too, or nothing but automated results and resolutions. */
    public enum Change {
        MATRIX,
        MODELS,
        RESULTS
    }

    /** Marks a write in the caller's transaction (public for tests that write with plain SQL). */
    public void changed(Change change) {
        jdbc.sql("""
                        INSERT INTO matrix_changes (id, models_changed, results_only)
                        VALUES (nextval('matrix_changes_seq'), :models, :resultsOnly)""")
                .param("models", change == Change.MODELS)
                .param("resultsOnly", change == Change.RESULTS)
                .update();
    }

    public String data() {
        return jdbc.sql(DATA_SQL).query(String.class).single();
    }

    public String models() {
        return jdbc.sql(MODELS_SQL).query(String.class).single();
    }

    public String claims() {
        return jdbc.sql(CLAIMS_SQL).query(String.class).single();
    }

    /** Below this many marks the read costs nothing worth a fold (counting 10,000 rows takes about a millisecond). */
    static final int FOLD_FROM = 10_000;

    /** Keeps the marks few. Two nodes folding at once conflict on the totals row: one of them folds, enough. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void foldWhenMany() {
        if (jdbc.sql("SELECT count(*) FROM matrix_changes").query(Long.class).single() >= FOLD_FROM) {
            fold();
        }
    }

    /** Moves every mark seen into the totals. */
    void fold() {
        try {
            transaction.executeWithoutResult(status -> {
                Long upTo = jdbc.sql("SELECT max(id) FROM matrix_changes")
                        .query(Long.class)
                        .single();
                if (upTo != null) {
                    jdbc.sql(FOLD_SQL).param("upTo", upTo).update();
                    jdbc.sql("DELETE FROM matrix_changes WHERE id <= :upTo")
                            .param("upTo", upTo)
                            .update();
                }
            });
        } catch (RuntimeException e) {
            log.debug("Matrix version fold skipped: {}", e.toString());
        }
    }
}
