package dev.compatmatrix.dashboard;

import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.dashboard.query.DashboardQuery;
import dev.compatmatrix.matrix.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read-only team dashboard; every signed-in role may read it. */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class DashboardService {

    /** The heatmap shows this many families at a time, biggest first, so it fits a wall screen; the rest are paged. */
    public static final int HEATMAP_FAMILIES = 12;

    public static final int RECENT_CHANGES = 8;

    private final CoverageQuery coverage;
    private final DashboardQuery dashboard;

    public DashboardService(CoverageQuery coverage, DashboardQuery dashboard) {
        this.coverage = coverage;
        this.dashboard = dashboard;
    }

    /** Everything, with the heatmap's page of families from the {@code familyOffset}-th (the page a screen shows). */
    @Transactional(readOnly = true)
    public DashboardSnapshot snapshot(int familyOffset) {
        return new DashboardSnapshot(
                coverage.perPlatform(),
                dashboard.scoreDistribution(),
                families(familyOffset),
                dashboard.recentChanges(RECENT_CHANGES));
    }

    /** The heatmap's page of families from the {@code offset}-th, biggest first (0 for the biggest). */
    @Transactional(readOnly = true)
    public FamilyPage families(int offset) {
        int total = dashboard.familyCount();
        int start = Math.clamp(offset, 0, Math.max(0, total - 1));
        return new FamilyPage(dashboard.familySupport(start, HEATMAP_FAMILIES), start, total);
    }
}
