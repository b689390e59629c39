package dev.compatmatrix.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.time.TimePoints;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reconstructing the matrix as of today from {@code cell_states} gives the live matrix, cell by cell (demo data). */
class AsOfTodayEqualsLiveTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TimePoints timePoints;

    @Autowired
    private Staleness staleness;

    @Test
    void as_of_today_every_cell_of_the_demo_data_is_the_live_cell() {
        assertAsOfTodayIsLive(jdbc, timePoints, staleness);
    }

    /**
     * The property, over whatever the database holds: the same models, and for every cell the same level, validation
     * (status, validator, date), framework version, stale and disputed marks. Some cells must be stale and some
     * disputed, so the marks are compared where they matter.
     */
    static void assertAsOfTodayIsLive(JdbcClient jdbc, TimePoints timePoints, Staleness staleness) {
        LocalDateTime before = timePoints.today().before();
        Map<String, CellsThen.Line> asOf = CellsThen.asOf(jdbc, before, staleness.staleBeforeAsOf(before));
        Map<String, CellsThen.Line> live = CellsThen.live(jdbc, staleness.staleBefore());

        assertThat(CellsThen.modelsAsOf(jdbc, before)).isEqualTo(CellsThen.liveModels(jdbc));
        assertThat(asOf.keySet()).isEqualTo(live.keySet());
        live.forEach((cell, line) -> assertThat(asOf.get(cell)).as(cell).isEqualTo(line));
        assertThat(live.values()).anyMatch(CellsThen.Line::stale).anyMatch(CellsThen.Line::disputed);
    }
}
