package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.validation.ClaimFixtures;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A cell's details list its automated results, newest first, and mark those that differ from the claim. */
class CellAutomatedResultsTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    @Autowired
    JdbcClient jdbc;

    private Claim claim;

    @AfterEach
    void removeTheResults() {
        if (claim != null) {
            jdbc.sql("DELETE FROM automated_results WHERE model_id = :modelId AND hardware_type = :platform")
                    .param("modelId", claim.modelId())
                    .param("platform", claim.platform().key())
                    .update();
        }
    }

    @Test
    void a_cell_lists_its_automated_results_newest_first_and_marks_those_that_differ_from_the_claim() {
        var fixtures = new ClaimFixtures(claims, jdbc);
        claim = fixtures.fresh(CompatibilityLevel.HIGH, false, "editor");
        login("viewer", Roles.VIEWER);
        String cellPath = ModelPages.cellPath(claim.modelName(), claim.platform());

        UI.getCurrent().navigate(cellPath);
        CellDetails cell = _get(CellDetails.class);
        assertThat(_get(cell, Paragraph.class, spec -> spec.withId("cell-automated-results"))
                        .getText())
                .isEqualTo("No automated results for this cell.");

        fixtures.ciReports(claim, CompatibilityLevel.HIGH);
        fixtures.ciReports(claim, CompatibilityLevel.MEDIUM);
        List<LocalDateTime> stored = reportedTimes();
        UI.getCurrent().navigate(ModelPages.path(claim.modelName()));
        UI.getCurrent().navigate(cellPath);
        cell = _get(CellDetails.class);
        List<ListItem> lines = _get(cell, UnorderedList.class, spec -> spec.withId("cell-automated-results"))
                .getChildren()
                .map(ListItem.class::cast)
                .toList();
        assertThat(lines).hasSize(2);
        String newest = lines.get(0).getElement().getTextRecursively();
        String older = lines.get(1).getElement().getTextRecursively();
        assertThat(newest)
                .isEqualTo(utc(stored.get(0)) + " · nightly-ci (CI pipeline) reports Medium · run nightly-test"
                        + " · torch 2.6.0 · differs from the claim (High)");
        assertThat(older)
                .isEqualTo(utc(stored.get(1))
                        + " · nightly-ci (CI pipeline) reports High · run nightly-test · torch 2.6.0");
        assertThat(lines.get(0).hasClassName("automated-differs")).isTrue();
        assertThat(lines.get(1).hasClassName("automated-differs")).isFalse();
        _assertNone(cell, Paragraph.class, spec -> spec.withId("cell-automated-count"));
        // The disputing result's paragraph stays.
        assertThat(_get(cell, Paragraph.class, spec -> spec.withId("cell-automated"))
                        .getText())
                .contains("nightly-ci (CI pipeline) reports Medium");

        for (int i = 0; i < 20; i++) {
            fixtures.ciReports(claim, CompatibilityLevel.LOW);
        }
        UI.getCurrent().navigate(ModelPages.path(claim.modelName()));
        UI.getCurrent().navigate(cellPath);
        cell = _get(CellDetails.class);
        assertThat(_get(cell, Paragraph.class, spec -> spec.withId("cell-automated-count"))
                        .getText())
                .isEqualTo("Newest 20 of 22.");
        assertThat(_get(cell, UnorderedList.class, spec -> spec.withId("cell-automated-results"))
                        .getChildren()
                        .count())
                .isEqualTo(20);
    }

    private List<LocalDateTime> reportedTimes() {
        return jdbc.sql("""
                        SELECT reported_at FROM automated_results WHERE model_id = :modelId AND hardware_type = :platform
                        ORDER BY reported_at DESC, id DESC""")
                .param("modelId", claim.modelId())
                .param("platform", claim.platform().key())
                .query((rs, n) -> dev.compatmatrix.base.db.SqlTimes.utc(rs.getTimestamp(1)))
                .list();
    }

    private static String utc(LocalDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(time);
    }
}
