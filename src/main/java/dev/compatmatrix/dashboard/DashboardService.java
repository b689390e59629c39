package dev.compatmatrix.dashboard;

import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.dashboard.query.DashboardQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read-only team dashboard; every signed-in role may read it. */
@Service
@PreAuthorize("hasRole('VIEWER')")
public class DashboardService {

    /** The heatmap shows this many of the biggest families, so it fits a wall screen. */
    public static final int HEATMAP_FAMILIES = 12;
    public static final int RECENT_CHANGES = 8;

    private final CoverageQuery coverage;
    private final DashboardQuery dashboard;

    public DashboardService(CoverageQuery coverage, DashboardQuery dashboard) {
        this.coverage = coverage;
        this.dashboard = dashboard;
    }

    @Transactional(readOnly = true)
    public DashboardSnapshot snapshot() {
        return new DashboardSnapshot(coverage.perPlatform(), dashboard.scoreDistribution(),
                dashboard.familySupport(HEATMAP_FAMILIES), dashboard.recentChanges(RECENT_CHANGES));
    }
}
