package dev.compatmatrix.dashboard;

import dev.compatmatrix.base.VersionedCache;
import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.compatibility.query.PlatformCoverage;
import dev.compatmatrix.dashboard.query.DashboardQuery;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.MatrixVersion;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read-only team dashboard; every signed-in role may read it. Coverage, scores and the family heatmap are
 * whole-table aggregates (a second on PostgreSQL at 100,000 models): they are kept per claims version
 * ({@link MatrixVersion#claims}), which CI ingest does not move, and read again once a claim, validation or model
 * changes (BENCHMARKS.md, "Issue 24"). Recent changes are read every time (an index scan of a few rows).
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class DashboardService {

    /** The heatmap shows this many families at a time, biggest first, so it fits a wall screen; the rest are paged. */
    public static final int HEATMAP_FAMILIES = 12;

    public static final int RECENT_CHANGES = 8;

    private final CoverageQuery coverage;
    private final DashboardQuery dashboard;
    private final MatrixVersion version;

    private record Totals(List<PlatformCoverage> coverage, long[] scoreBuckets) {}

    private final VersionedCache<Boolean, Totals> totals = new VersionedCache<>(1);
    /** Heatmap pages by offset: a wall screen shows the first, a few people page on. */
    private final VersionedCache<Integer, FamilyPage> familyPages = new VersionedCache<>(16);

    public DashboardService(CoverageQuery coverage, DashboardQuery dashboard, MatrixVersion version) {
        this.coverage = coverage;
        this.dashboard = dashboard;
        this.version = version;
    }

    /** Everything, with the heatmap's page of families from the {@code familyOffset}-th (the page a screen shows). */
    @Transactional(readOnly = true)
    public DashboardSnapshot snapshot(int familyOffset) {
        // Read first in the transaction: the aggregates loaded below belong to this version.
        String claims = version.claims();
        Totals now = totals.get(
                Boolean.TRUE, claims, () -> new Totals(coverage.perPlatform(), dashboard.scoreDistribution()));
        return new DashboardSnapshot(
                now.coverage(),
                now.scoreBuckets().clone(),
                families(claims, familyOffset),
                dashboard.recentChanges(RECENT_CHANGES));
    }

    /** The heatmap's page of families from the {@code offset}-th, biggest first (0 for the biggest). */
    @Transactional(readOnly = true)
    public FamilyPage families(int offset) {
        return families(version.claims(), offset);
    }

    private FamilyPage families(String claims, int offset) {
        return familyPages.get(offset, claims, () -> {
            int total = dashboard.familyCount();
            int start = Math.clamp(offset, 0, Math.max(0, total - 1));
            return new FamilyPage(dashboard.familySupport(start, HEATMAP_FAMILIES), start, total);
        });
    }
}
