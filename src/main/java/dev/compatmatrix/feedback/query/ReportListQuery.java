package dev.compatmatrix.feedback.query;

import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.ReportState;
import dev.compatmatrix.feedback.repository.CellReportRepository;
import dev.compatmatrix.matrix.Platform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reports filtered by model, platform and state, newest first, a page at a time (the API's list). An open report of a
 * reporter an admin disabled is not listed (kept for audit): the same rule as the matrix's counts.
 */
@Repository
public class ReportListQuery {

    /** Which reports to list; null: any. */
    public record Filter(String modelName, Platform platform, ReportState state) {}

    private static final String WHERE = """
            WHERE (CAST(:model AS VARCHAR) IS NULL OR m.model_name = :model)
              AND (CAST(:platform AS VARCHAR) IS NULL OR r.hardware_type = :platform)
              AND (CAST(:state AS VARCHAR) IS NULL OR r.state = :state)
              AND (r.state <> 'OPEN' OR NOT %s)
            """.formatted(OpenReportsQuery.REPORTER_DISABLED);

    private final JdbcClient jdbc;

    ReportListQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CellReport> page(Filter filter, int offset, int limit) {
        return jdbc.sql(CellReportRepository.SELECT + WHERE
                        + "ORDER BY r.updated_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .params(params(filter))
                .param("limit", limit)
                .param("offset", offset)
                .query(CellReportRepository::row)
                .list();
    }

    public long count(Filter filter) {
        return jdbc.sql("SELECT count(*) FROM cell_reports r JOIN models m ON m.model_id = r.model_id\n" + WHERE)
                .params(params(filter))
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> params(Filter filter) {
        Map<String, Object> params = new HashMap<>(); // values may be null
        params.put("model", filter.modelName());
        params.put(
                "platform", filter.platform() == null ? null : filter.platform().key());
        params.put("state", filter.state() == null ? null : filter.state().name());
        return params;
    }
}
