package dev.compatmatrix.prediction;

import dev.compatmatrix.TestUsers;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.StoredPredictions.Cell;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A constructed set for "What to test next", in families of its own: three audio models of family A (a3 has a claim on
 * CUDA), one of family B, and "+tn-sum" whose name and family a spreadsheet would run as formulas. {@link #adopt}
 * stores a run that beats the baseline on CUDA and ROCm only, predicting a1 on CUDA (High 97 %), a2 on ROCm (Low 40 %)
 * and a1 on OpenVINO (High 90 %, not shown: OpenVINO does not beat the baseline).
 *
 * <pre>
 *            CUDA                         ROCm
 * a1   H(.97)=0.24 bits × log2(2+1)   2 × log2(2+2) = 4
 * a2   2 × log2(2+1) = 3.17           H(.40)=1.92 bits × log2(2+2) = 3.84
 * a3   claimed: not listed            2 × log2(2+2) = 4
 * b1   2 × log2(2+0) = 2              2 × log2(2+0) = 2
 * </pre>
 */
public final class TestNextFixture {

    public static final String FAMILY_A = "tn-rank-a";
    public static final String FAMILY_B = "tn-rank-b";
    public static final String A1 = "tn-rank/a1";
    public static final String A2 = "tn-rank/a2";
    public static final String A3 = "tn-rank/a3";
    public static final String B1 = "tn-rank/b1";
    public static final String FORMULA_NAME = "+tn-sum";
    public static final String FORMULA_FAMILY = "-tn-formula";

    private TestNextFixture() {}

    /** Creates the models and a3's CUDA claim once per database. */
    public static void ensure(ApplicationContext context) {
        CatalogService catalog = context.getBean(CatalogService.class);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn("tn-fixture", Roles.EDITOR);
        try {
            if (catalog.find(A1).isPresent()) {
                return;
            }
            for (String name : List.of(A1, A2, A3)) {
                catalog.create(new ModelData(name, FAMILY_A, ModelType.AUDIO, ModelSize.SMALL, 50.0, null));
            }
            catalog.create(new ModelData(B1, FAMILY_B, ModelType.AUDIO, ModelSize.SMALL, 50.0, null));
            catalog.create(new ModelData(FORMULA_NAME, FORMULA_FAMILY, ModelType.VISION, ModelSize.TINY, 5.0, null));
            context.getBean(ClaimService.class)
                    .create(
                            A3,
                            Platform.CUDA,
                            new ClaimData(
                                    CompatibilityLevel.HIGH, null, null, null, null, "1.0", null, null, null, false),
                            new ChangeNote("measured", "1.0"));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Stores and adopts the fixture's run (replacing any earlier predictions); its id. */
    public static long adopt(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return StoredPredictions.adopt(
                context.getBean(PredictionRunRepository.class),
                context.getBean(TransactionTemplate.class),
                Set.of(Platform.CUDA, Platform.ROCM),
                List.of(
                        StoredPredictions.prediction(
                                cell(jdbc, A1, Platform.CUDA),
                                CompatibilityLevel.HIGH,
                                0.97,
                                "3 of 3 tn models are High"),
                        StoredPredictions.prediction(cell(jdbc, A2, Platform.ROCM), CompatibilityLevel.LOW, 0.40),
                        StoredPredictions.prediction(
                                cell(jdbc, A1, Platform.OPENVINO), CompatibilityLevel.HIGH, 0.90)));
    }

    /** Forgets every training run, as on a console that was never trained. */
    public static void forgetTraining(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM predictions").update();
        jdbc.sql("DELETE FROM prediction_platform_metrics").update();
        jdbc.sql("DELETE FROM prediction_runs").update();
    }

    public static Cell cell(JdbcClient jdbc, String model, Platform platform) {
        int id = jdbc.sql("SELECT model_id FROM models WHERE model_name = :name")
                .param("name", model)
                .query(Integer.class)
                .single();
        return new Cell(id, platform);
    }

    /** Shannon entropy in bits of a prediction of {@code confidence}, the rest spread evenly over three levels. */
    public static double entropy(double confidence) {
        double rest = (1 - confidence) / 3;
        return -(confidence * log2(confidence) + 3 * rest * log2(rest));
    }

    public static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
