package dev.compatmatrix.prediction;

import static dev.compatmatrix.prediction.TestNextFixture.A1;
import static dev.compatmatrix.prediction.TestNextFixture.A2;
import static dev.compatmatrix.prediction.TestNextFixture.B1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.compatmatrix.feedback.ReportFixtures;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.query.TestNextFilter;
import dev.compatmatrix.prediction.query.TestNextRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What to test next ranks an untested cell with community evidence higher: value × (1 + the open "works"/"partly"
 * reports on it), TestNextQuery's rule. A "fails" report, a closed one and a disabled reporter's change nothing.
 */
class TestNextCommunityEvidenceTest extends TrainingTestSupport {

    @AfterEach
    void removeTheReports(@Autowired ApplicationContext testContext) {
        ReportFixtures.removeAll(testContext.getBean(JdbcClient.class));
    }

    private static final TestNextFilter CUDA = new TestNextFilter(Platform.CUDA, null, null);

    @Autowired
    TestNextService service;

    private final List<Long> opened = new ArrayList<>();

    /** The fixture's ranking stays as the other test-next tests expect it: these reports are closed again. */
    @AfterEach
    void closeTheReports() {
        ReportFixtures fixtures = new ReportFixtures(context);
        opened.forEach(fixtures::decline);
    }

    private List<String> fixtureOrder() {
        return service.testNextPage(CUDA, 0, 500).stream()
                .map(TestNextRow::modelName)
                .filter(Set.of(A1, A2, B1)::contains)
                .toList();
    }

    private TestNextRow row(String model) {
        return service.testNextPage(CUDA, 0, 500).stream()
                .filter(r -> r.modelName().equals(model))
                .findFirst()
                .orElseThrow();
    }

    private int modelId(String name) {
        return jdbc.sql("SELECT model_id FROM models WHERE model_name = :name")
                .param("name", name)
                .query(Integer.class)
                .single();
    }

    @Test
    void an_untested_cell_with_a_works_report_ranks_higher_and_fails_closed_or_disabled_reports_change_nothing() {
        TestNextFixture.ensure(context);
        TestNextFixture.adopt(context);
        signIn("viewer", Roles.VIEWER);
        assertThat(fixtureOrder()).containsExactly(A2, B1, A1);
        double b1Before = row(B1).value();
        assertThat(b1Before).isCloseTo(2.0, within(1e-9));

        ReportFixtures fixtures = new ReportFixtures(context);
        fixtures.disabledUser("tn-disabled");
        opened.add(fixtures.report(modelId(A1), Platform.CUDA, "tn-reporter", ReportOutcome.FAILS));
        opened.add(fixtures.report(modelId(A1), Platform.CUDA, "tn-disabled", ReportOutcome.WORKS));
        long closed = fixtures.report(modelId(A2), Platform.CUDA, "tn-reporter", ReportOutcome.WORKS);
        fixtures.decline(closed);
        signIn("viewer", Roles.VIEWER);
        assertThat(fixtureOrder()).as("no community evidence yet").containsExactly(A2, B1, A1);

        opened.add(fixtures.report(modelId(B1), Platform.CUDA, "tn-reporter", ReportOutcome.WORKS));
        signIn("viewer", Roles.VIEWER);
        assertThat(row(B1).value()).as("2 bits × log2(2) × (1 + 1)").isCloseTo(2 * b1Before, within(1e-9));
        assertThat(fixtureOrder()).containsExactly(B1, A2, A1);
        assertThat(service.testNextCount(CUDA))
                .as("the count of untested cells is the same")
                .isPositive();
    }
}
