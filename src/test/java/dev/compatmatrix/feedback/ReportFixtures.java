package dev.compatmatrix.feedback;

import dev.compatmatrix.TestUsers;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.feedback.repository.CellReportRepository;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A model of its own with claims at chosen levels, and reports on its cells written straight to the table. */
public final class ReportFixtures {

    private final CatalogService catalog;
    private final ClaimService claims;
    private final CellReportRepository reports;
    private final JdbcClient jdbc;

    public ReportFixtures(ApplicationContext context) {
        this.catalog = context.getBean(CatalogService.class);
        this.claims = context.getBean(ClaimService.class);
        this.reports = context.getBean(CellReportRepository.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** A new model named {@code name} (family {@code family}) with these claims; the other platforms untested. */
    public MlModel model(String name, String family, Map<Platform, CompatibilityLevel> levels) {
        TestUsers.signIn("editor", Roles.EDITOR);
        MlModel model =
                catalog.create(new ModelData(name, family, ModelType.TEXT_GENERATION, ModelSize.SMALL, 5.0, null));
        levels.forEach((platform, level) -> claims.create(
                name,
                platform,
                new ClaimData(level, null, null, null, null, null, null, null, null, false),
                new ChangeNote("Report fixture", "torch 2.5.1")));
        return model;
    }

    /** An open report by {@code reporter}; its id. */
    public long report(int modelId, Platform platform, String reporter, ReportOutcome outcome) {
        ReportDraft draft = new ReportDraft(
                outcome, "PyTorch", "2.5.1", null, null, null, null, "<b>=1+1</b> from " + reporter, null);
        return reports.insert(modelId, platform, reporter, draft, null, LocalDateTime.now());
    }

    /** Closes a report as declined. */
    public void decline(long reportId) {
        reports.close(reportId, 1, ReportState.DECLINED, "editor", "not reproducible", null, null, LocalDateTime.now());
    }

    /** A console user who is disabled (an admin switched the account off). */
    public void disabledUser(String username) {
        jdbc.sql("""
                        INSERT INTO app_users (username, password_hash, enabled, created_at)
                        VALUES (:name, '{bcrypt}disabled', false, :now)""").param("name", username).param("now", LocalDateTime.now()).update();
    }

    /**
     * Removes every report: run after each test that leaves reports, since open ones raise claims in the shared
     * database's validation queue and change other tests' matrix and What to test next (a test's cleanup only; the
     * console never deletes a report).
     */
    public static void removeAll(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM cell_reports").update();
    }
}
