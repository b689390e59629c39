package dev.compatmatrix.modelpage.query;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.query.AutomatedResult;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The automated results reported for one cell (model × platform), newest first, for the cell's details. */
@Repository
public class CellAutomatedResultsQuery {

    private static final String CELL = """
            FROM automated_results a JOIN validators v ON v.validator_id = a.validator_id
            WHERE a.model_id = :modelId AND a.hardware_type = :platform
            """;

    private static final String NEWEST = """
            SELECT a.id AS result_id, v.name AS reporter, v.type AS reporter_type, a.reported_level, a.reported_at,
                   a.evidence_run, a.framework_version
            """ + CELL + """
            ORDER BY a.reported_at DESC, a.id DESC
            LIMIT :limit""";

    private static final String COUNT = "SELECT count(*)\n" + CELL;

    private final JdbcClient jdbc;

    public CellAutomatedResultsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} of the cell's results, newest first (the later id first at the same instant). */
    public CellAutomatedResults newest(int modelId, Platform platform, int limit) {
        List<AutomatedResult> newest = jdbc.sql(NEWEST)
                .param("modelId", modelId)
                .param("platform", platform.key())
                .param("limit", limit)
                .query((rs, n) -> AutomatedResult.read(rs))
                .list();
        long total = newest.size() < limit
                ? newest.size()
                : jdbc.sql(COUNT)
                        .param("modelId", modelId)
                        .param("platform", platform.key())
                        .query(Long.class)
                        .single();
        return new CellAutomatedResults(newest, total);
    }
}
