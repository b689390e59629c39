package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.prediction.StoredPredictions.Cell;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the tests of screens, exports and APIs that show predictions: one untested cell with an adopted, shown
 * prediction, and afterwards an adopted run without any, so the writing tests' shared database shows none again.
 */
public final class PredictionFixtures {

    private final JdbcClient jdbc;
    private final PredictionRunRepository runs;
    private final TransactionTemplate transaction;

    public PredictionFixtures(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.runs = context.getBean(PredictionRunRepository.class);
        this.transaction = context.getBean(TransactionTemplate.class);
    }

    /** The first untested cell of the database. */
    public Cell firstUntestedCell() {
        return StoredPredictions.untestedCells(jdbc, 1).getFirst();
    }

    public String modelName(Cell cell) {
        return jdbc.sql("SELECT model_name FROM models WHERE model_id = :id")
                .param("id", cell.modelId())
                .query(String.class)
                .single();
    }

    /** Adopts a run that predicts {@code cell} High at 82 % with these reasons, shown on its platform only; its id. */
    public long adoptHigh82(Cell cell, String... reasons) {
        return StoredPredictions.adopt(
                runs,
                transaction,
                Set.of(cell.platform()),
                List.of(StoredPredictions.prediction(cell, CompatibilityLevel.HIGH, 0.82, reasons)));
    }

    /** Adopts a run without predictions: none is shown any more. */
    public void showNone() {
        StoredPredictions.adopt(runs, transaction, Set.of(), List.of());
    }
}
