package dev.compatmatrix.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.MatrixInvariants;
import dev.compatmatrix.demo.DemoDataLoader;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.store.CellStatesFromHistory;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V0018: a database made before V0017 had no cell states; the migration rebuilds them from the history, the reviews
 * and the claims, and the matrix as of any date is then what the bulk loader's states said it was.
 */
class CellStatesFromHistoryTest {

    private static final int MODELS = 2_500; // more than two blocks of models
    private static final List<LocalDateTime> DATES = List.of(
            LocalDateTime.of(2025, 11, 20, 0, 0),
            LocalDateTime.of(2026, 2, 1, 0, 0),
            LocalDateTime.of(2026, 5, 17, 0, 0),
            LocalDateTime.of(2026, 9, 1, 0, 0),
            DemoDataLoader.DEMO_NOW.plusDays(1));

    @Test
    void v0018_rebuilds_the_cell_states_of_a_database_made_before_v0017() throws Exception {
        ScratchDatabase database = ScratchDatabase.create("v0018");
        try (Connection connection = database.open()) {
            SyntheticDatabaseGenerator.generate(connection, database.kind(), MODELS);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            Map<LocalDateTime, Map<String, CellsThen.Line>> loaded = matrixAt(jdbc);
            long statesLoaded = count(jdbc, "SELECT count(*) FROM cell_states");

            // As before V0017: no states, and Flyway has not yet run V0018.
            jdbc.sql("DELETE FROM cell_states").update();
            jdbc.sql("DELETE FROM flyway_schema_history WHERE version = '0018'").update();
            // Later migrations (V0019 on) are applied already: V0018 then runs out of order, as it alone is missing.
            Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(connection, true))
                    .locations(database.kind().migrationLocations())
                    .outOfOrder(true)
                    .load()
                    .migrate();

            assertThat(count(jdbc, "SELECT count(*) FROM flyway_schema_history WHERE version = '0018' AND success"))
                    .isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM cell_states")).isEqualTo(statesLoaded);
            assertThat(MatrixInvariants.cellStatesNotFollowingClaims(jdbc)).isEmpty();
            Map<LocalDateTime, Map<String, CellsThen.Line>> migrated = matrixAt(jdbc);
            for (LocalDateTime date : DATES) {
                assertThat(migrated.get(date)).as("as of " + date).isNotEmpty();
                assertThat(migrated.get(date)).as("as of " + date).isEqualTo(loaded.get(date));
            }
            assertThat(migrated.get(DATES.getFirst()).size())
                    .isLessThan(migrated.get(DATES.getLast()).size());
        }
    }

    @Test
    void v0018_leaves_filled_and_new_databases_alone() throws Exception {
        ScratchDatabase database = ScratchDatabase.create("v0018_alone");
        try (Connection connection = database.open()) {
            SyntheticDatabaseGenerator.migrate(connection, database.kind());
            assertThat(CellStatesFromHistory.fillIfEmpty(connection)).isZero(); // nothing to rebuild from

            SyntheticDatabaseGenerator.generate(connection, database.kind(), 50);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            long states = count(jdbc, "SELECT count(*) FROM cell_states");
            assertThat(CellStatesFromHistory.fillIfEmpty(connection)).isZero(); // already kept
            assertThat(count(jdbc, "SELECT count(*) FROM cell_states")).isEqualTo(states);
        }
    }

    private static Map<LocalDateTime, Map<String, CellsThen.Line>> matrixAt(JdbcClient jdbc) {
        Map<LocalDateTime, Map<String, CellsThen.Line>> matrices = new LinkedHashMap<>();
        for (LocalDateTime date : DATES) {
            matrices.put(date, CellsThen.asOf(jdbc, date, date.minusDays(180)));
        }
        return matrices;
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
