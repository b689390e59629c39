package dev.compatmatrix.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.MatrixInvariants;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.matrix.time.TimePoints;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The kernel's matrix as of a day ({@code CellsAsOf}) over a history written at chosen times ({@link HandBuiltHistory}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandBuiltHistoryTest extends WritingIntegrationTest {

    private static final String PREFIX = "kernel-history-";

    @Autowired
    private MatrixWriter writer;

    @Autowired
    private ClaimRepository claims;

    @Autowired
    private DerivedColumnsRepository matrixRows;

    @Autowired
    private ValidatorRepository validators;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TimePoints timePoints;

    @Autowired
    private Staleness staleness;

    @BeforeAll
    void writeTheHistory() {
        HandBuiltHistory.write(new HandBuiltHistory.Beans(writer, claims, matrixRows, validators, jdbc), PREFIX);
    }

    @Test
    void the_matrix_at_the_end_of_each_of_six_days_is_the_expected_cells() {
        for (LocalDate day : HandBuiltHistory.DATES) {
            assertThat(cellsAt(day)).as("as of " + day).isEqualTo(HandBuiltHistory.shown(PREFIX, day));
            assertThat(modelsAt(day))
                    .as("models as of " + day)
                    .isEqualTo(HandBuiltHistory.EXPECTED_MODELS.get(day).stream()
                            .map(m -> PREFIX + m)
                            .toList());
        }
    }

    @Test
    void the_differences_between_each_pair_of_days_are_the_expected_changes() {
        List<LocalDate> days = HandBuiltHistory.DATES;
        for (int i = 0; i < days.size(); i++) {
            for (int j = i + 1; j < days.size(); j++) {
                List<String> expected = HandBuiltHistory.changes(days.get(i), days.get(j)).stream()
                        .map(c -> PREFIX + c)
                        .toList();
                assertThat(changes(days.get(i), days.get(j)))
                        .as(days.get(i) + " to " + days.get(j))
                        .isEqualTo(expected);
            }
        }
        assertThat(HandBuiltHistory.changes(days.get(2), days.get(3)).stream().map(Object::toString))
                .containsExactlyElementsOf(HandBuiltHistory.CHANGES_MAY_TO_JULY);
        assertThat(HandBuiltHistory.changes(days.get(0), days.get(5)).stream().map(Object::toString))
                .containsExactlyElementsOf(HandBuiltHistory.CHANGES_JANUARY_TO_OCTOBER);
    }

    @Test
    void every_claim_of_the_history_is_its_cells_present_state() {
        assertThat(MatrixInvariants.cellStatesNotFollowingClaims(jdbc)).isEmpty();
    }

    private Map<String, String> cellsAt(LocalDate day) {
        PointInTime point = timePoints.day("asOf", day);
        Map<String, String> shown = new TreeMap<>();
        CellsThen.asOf(jdbc, point.before(), staleness.staleBeforeAsOf(point.before()))
                .forEach((cell, line) -> {
                    if (cell.startsWith(PREFIX)) {
                        shown.put(cell, line.shown());
                    }
                });
        return shown;
    }

    private List<String> modelsAt(LocalDate day) {
        return CellsThen.modelsAsOf(jdbc, timePoints.day("asOf", day).before()).stream()
                .filter(m -> m.startsWith(PREFIX))
                .toList();
    }

    private List<String> changes(LocalDate from, LocalDate to) {
        PointInTime a = timePoints.day("from", from);
        PointInTime b = timePoints.day("to", to);
        return CellsThen.changes(
                        jdbc,
                        a.before(),
                        staleness.staleBeforeAsOf(a.before()),
                        b.before(),
                        staleness.staleBeforeAsOf(b.before()))
                .stream()
                .filter(c -> c.startsWith(PREFIX))
                .toList();
    }
}
