package dev.compatmatrix.dashboard;

import dev.compatmatrix.compatibility.query.PlatformCoverage;
import dev.compatmatrix.history.query.HistoryRow;
import java.util.List;

/** Everything the dashboard shows, read in one transaction so its numbers agree with each other. */
public record DashboardSnapshot(
        List<PlatformCoverage> coverage, long[] scoreBuckets, FamilyPage families, List<HistoryRow> recentChanges) {}
