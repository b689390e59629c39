package dev.compatmatrix.validation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The validation queue's kind "Reported": a claim users' open reports contradict is raised (right after the disputed
 * ones), says why, is counted separately and can be shown alone (also from the URL); a report that agrees with the
 * level, a closed report and a disabled reporter's report raise nothing.
 */
class ReportedQueueTest extends WritingKaribuTest {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    private static final String MODEL = "queue-reported-kind";

    @Autowired
    ValidationService validation;

    @Test
    void a_claim_with_an_open_contradicting_report_is_raised_counted_separately_and_filterable() {
        ReportFixtures fixtures = new ReportFixtures(context);
        MlModel model = fixtures.model(
                MODEL,
                "reports",
                Map.of(
                        Platform.CUDA, CompatibilityLevel.HIGH,
                        Platform.ROCM, CompatibilityLevel.MEDIUM,
                        Platform.CPU, CompatibilityLevel.LOW));
        fixtures.report(model.modelId(), Platform.ROCM, "queue-a", ReportOutcome.FAILS);
        fixtures.report(model.modelId(), Platform.CUDA, "queue-a", ReportOutcome.WORKS); // agrees with High
        fixtures.decline(fixtures.report(model.modelId(), Platform.CPU, "queue-a", ReportOutcome.FAILS));
        fixtures.disabledUser("queue-disabled");
        fixtures.report(model.modelId(), Platform.CPU, "queue-disabled", ReportOutcome.FAILS);

        login("validator3", Roles.VALIDATOR);
        QueueFilter ofModel = new QueueFilter(MODEL, null, null, null, null);
        List<QueueRow> rows = validation.queuePage(ofModel, 0, 50);
        assertThat(rows)
                .extracting(QueueRow::platform)
                .as("Medium reported comes before High and Low, though High needs the higher level")
                .containsExactly(Platform.ROCM, Platform.CUDA, Platform.CPU);
        assertThat(rows).extracting(QueueRow::openReports).containsExactly(1, 0, 0);
        assertThat(validation.queueCount(ofModel)).isEqualTo(3);
        assertThat(validation.queueCount(ofModel.reported())).isEqualTo(1);
        assertThat(validation.queuePage(ofModel.reported(), 0, 50))
                .extracting(QueueRow::platform)
                .containsExactly(Platform.ROCM);

        UI.getCurrent().navigate("queue", QueryParameters.of("q", MODEL));
        ValidationQueueView view = _get(ValidationQueueView.class);
        List<QueueRow> shown = GridKt._fetch(view.grid, 0, GridKt._size(view.grid));
        assertThat(shown).extracting(QueueRow::platform).containsExactly(Platform.ROCM, Platform.CUDA, Platform.CPU);
        assertThat(view.count.getText()).isEqualTo("3 claims waiting");
        assertThat(view.reportedCount.getText()).isEqualTo("1 reported");
        assertThat(QueueCells.why(shown.getFirst(), () -> {}, () -> {})
                        .getElement()
                        .getTextRecursively())
                .startsWith("Reported: 1 open user report contradicts Medium");

        view.reportedOnly.setValue(true);
        shown = GridKt._fetch(view.grid, 0, GridKt._size(view.grid));
        assertThat(shown).extracting(QueueRow::platform).containsExactly(Platform.ROCM);
        assertThat(view.count.getText()).isEqualTo("1 claim waiting");
        assertThat(view.reportedCount.getText()).isEqualTo("1 reported");

        UI.getCurrent().navigate("queue", QueryParameters.fromString("q=" + MODEL + "&kind=reported"));
        view = _get(ValidationQueueView.class);
        assertThat(view.reportedOnly.getValue()).isTrue();
        assertThat(GridKt._fetch(view.grid, 0, GridKt._size(view.grid)))
                .extracting(QueueRow::platform)
                .containsExactly(Platform.ROCM);
    }
}
