package dev.compatmatrix.feedback;

import dev.compatmatrix.feedback.query.ReportListQuery;
import dev.compatmatrix.matrix.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports across the matrix, filtered (the API's list); a disabled reporter's open reports are left out. */
@Service
public class ReportListService {

    /** A page of reports and how many match the filter. */
    public record Page(long total, List<CellReport> items) {}

    private final ReportListQuery query;

    public ReportListService(ReportListQuery query) {
        this.query = query;
    }

    @PreAuthorize(Roles.HAS_VIEWER)
    @Transactional(readOnly = true)
    public Page listReports(ReportListQuery.Filter filter, int offset, int limit) {
        return new Page(query.count(filter), query.page(filter, offset, limit));
    }
}
