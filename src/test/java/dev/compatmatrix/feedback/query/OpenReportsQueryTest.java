package dev.compatmatrix.feedback.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.feedback.query.OpenReportsQuery.CellReports;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.Platform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which reports count on a cell, on a constructed set: one report of every outcome on a cell of every level and on
 * an untested cell, plus a closed report and a disabled reporter's report that must not count.
 */
class OpenReportsQueryTest extends WritingIntegrationTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    OpenReportsQuery openReports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void open_reports_count_by_outcome_and_level_without_closed_ones_or_a_disabled_reporters() {
        ReportFixtures fixtures = new ReportFixtures(context);
        MlModel model = fixtures.model(
                "reports-outcome-by-level",
                "reports",
                Map.of(
                        Platform.CUDA, CompatibilityLevel.HIGH,
                        Platform.ROCM, CompatibilityLevel.MEDIUM,
                        Platform.MPS, CompatibilityLevel.LOW,
                        Platform.CPU, CompatibilityLevel.UNSUPPORTED));
        List<Platform> reported = List.of(Platform.CUDA, Platform.ROCM, Platform.MPS, Platform.CPU, Platform.WEBGPU);
        for (Platform platform : reported) {
            for (ReportOutcome outcome : ReportOutcome.values()) {
                fixtures.report(model.modelId(), platform, "reporter-" + outcome.key(), outcome);
            }
        }
        fixtures.decline(fixtures.report(model.modelId(), Platform.ROCM, "reporter-closed", ReportOutcome.FAILS));
        fixtures.disabledUser("reporter-disabled");
        fixtures.report(model.modelId(), Platform.ROCM, "reporter-disabled", ReportOutcome.FAILS);
        fixtures.report(model.modelId(), Platform.QUALCOMM, "reporter-disabled", ReportOutcome.WORKS);

        Map<Platform, CellReports> counts =
                openReports.forModels(List.of(model.modelId())).get(model.modelId());

        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Platform.CUDA, new CellReports(2, 0), // fails, partly
                        Platform.ROCM, new CellReports(1, 0), // fails (the closed and the disabled one not)
                        Platform.MPS, new CellReports(1, 0), // fails
                        Platform.CPU, new CellReports(2, 0), // works, partly
                        Platform.WEBGPU, new CellReports(0, 2))); // works, partly: community evidence
        assertThat(openReports.forModels(List.of())).isEmpty();

        // The SQL forms the queue and test-next use say the same.
        Map<Platform, Integer> contradictingByClaim = new HashMap<>();
        jdbc.sql("SELECT d.hardware_type, x.reports FROM (" + OpenReportsQuery.CONTRADICTING_BY_CLAIM + ") x"
                        + " JOIN compatibility_details d ON d.id = x.claim_id"
                        + " JOIN cross_platform_compatibility c ON c.id = d.compatibility_id WHERE c.model_id = :id")
                .param("id", model.modelId())
                .query(rs -> {
                    contradictingByClaim.put(Platform.fromKey(rs.getString(1)).orElseThrow(), rs.getInt(2));
                });
        assertThat(contradictingByClaim)
                .isEqualTo(Map.of(Platform.CUDA, 2, Platform.ROCM, 1, Platform.MPS, 1, Platform.CPU, 2));
        assertThat(jdbc.sql("SELECT x.reports FROM (" + OpenReportsQuery.COMMUNITY_BY_CELL + ") x"
                                + " WHERE x.model_id = :id AND x.hardware_type = 'webgpu'")
                        .param("id", model.modelId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
