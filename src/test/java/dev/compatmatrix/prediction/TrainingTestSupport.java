package dev.compatmatrix.prediction;

import dev.compatmatrix.SecurityContextStrategyReset;
import dev.compatmatrix.TestClock;
import dev.compatmatrix.TestDatabases;
import dev.compatmatrix.TestUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A context of its own for the training and "what to test next" tests (demo data, a database of its own, so no other
 * test's models change their lists) whose learner is the {@link ScriptedLearner}. Each test starts with no training run, no prediction and the learner's gate open.
 */
@SpringBootTest(properties = "compat.demo.enabled=true")
@Import({TestClock.class, ScriptedLearner.Config.class})
public abstract class TrainingTestSupport {

    private static final Path DATABASE = TestDatabases.newFile("training");

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ScriptedLearner learner;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("compat.db.path", DATABASE::toString);
        TestDatabases.usePostgresWhenRequested(registry, "training");
        registry.add(
                "compat.backup.dir", () -> DATABASE.resolveSibling("backups").toString());
    }

    @BeforeEach
    void startWithoutRuns() {
        SecurityContextStrategyReset.useStrategyOf(context);
        learner.open();
        awaitNoneRunning(jdbc);
        for (String table : List.of("predictions", "prediction_platform_metrics", "prediction_runs")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("DELETE FROM scheduled_job_locks WHERE job = :job")
                .param("job", TrainingTriggers.NIGHTLY_JOB)
                .update();
    }

    @AfterEach
    void signOutAndLetRunsEnd() {
        SecurityContextHolder.clearContext();
        learner.open();
        awaitNoneRunning(jdbc);
    }

    protected static void signIn(String username, String... roles) {
        TestUsers.signIn(username, roles);
    }

    /** Waits until no training run is RUNNING (each test's background runs end within it). */
    public static void awaitNoneRunning(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(120, TimeUnit.SECONDS)
                .until(() -> jdbc.sql("SELECT count(*) FROM prediction_runs WHERE state = 'RUNNING'")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** The run's state once it has finished. */
    protected String awaitFinished(long runId) {
        Awaitility.await()
                .atMost(120, TimeUnit.SECONDS)
                .until(() -> !state(runId).equals("RUNNING"));
        return state(runId);
    }

    protected String state(long runId) {
        return jdbc.sql("SELECT state FROM prediction_runs WHERE id = :id")
                .param("id", runId)
                .query(String.class)
                .single();
    }

    protected String message(long runId) {
        return jdbc.sql("SELECT message FROM prediction_runs WHERE id = :id")
                .param("id", runId)
                .query(String.class)
                .single();
    }

    /** The predictions table's rows, as text, in a fixed order. */
    protected List<String> predictionRows() {
        return jdbc.sql("""
                        SELECT CAST(run_id AS VARCHAR) || '|' || CAST(model_id AS VARCHAR) || '|' || hardware_type || '|'
                               || predicted_level || '|' || CAST(p_high AS VARCHAR) || '|' || reasons
                        FROM predictions ORDER BY model_id, hardware_type""").query(String.class).list();
    }
}
