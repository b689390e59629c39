package dev.compatmatrix.history;

import dev.compatmatrix.base.VersionedCache;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.history.query.HistorySearch;
import dev.compatmatrix.history.query.MonthlyChanges;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.MatrixVersion;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the compatibility history: charts, the table of changes and the model picker. Every role may read. The
 * monthly chart and the count read every matching history row (4.4 M unfiltered at 100,000 models, seconds on
 * PostgreSQL): they are kept per filter and claims version ({@link MatrixVersion#claims}: only claim and model writes
 * add history or rename models, and CI ingest does not move it).
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class HistoryService {

    /** A table page may not ask for more rows than this. */
    static final int MAX_PAGE_SIZE = 500;

    private final HistorySearch search;
    private final Clock clock;
    private final MatrixVersion version;
    private final VersionedCache<HistoryFilter, List<MonthlyChanges>> monthly = new VersionedCache<>(32);
    private final VersionedCache<HistoryFilter, Long> counts = new VersionedCache<>(32);

    public HistoryService(HistorySearch search, Clock clock, MatrixVersion version) {
        this.search = search;
        this.clock = clock;
        this.version = version;
    }

    public HistoryCharts charts(HistoryFilter filter) {
        List<LevelTimeline.Period> periods = List.of();
        if (filter.model() != null) {
            LocalDateTime now = LocalDateTime.now(clock);
            LocalDateTime until =
                    filter.to() == null ? now : min(now, filter.to().plusDays(1).atStartOfDay());
            periods = LevelTimeline.periods(
                    search.levelChanges(filter.model(), filter.platform()),
                    filter.from() == null ? null : filter.from().atStartOfDay(),
                    until);
        }
        return new HistoryCharts(
                monthly.get(filter, version.claims(), () -> List.copyOf(search.monthly(filter))), periods);
    }

    public List<HistoryRow> changes(HistoryFilter filter, int offset, int limit) {
        return search.page(filter, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    public long count(HistoryFilter filter) {
        return counts.get(filter, version.claims(), () -> search.count(filter));
    }

    /** Model names containing the text, for the model picker. */
    public List<String> modelNames(String text, int offset, int limit) {
        return search.modelNames(text, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    /** Whether a model of this name has ever existed (a deleted model's history is kept). */
    public boolean modelExists(String name) {
        return search.modelExists(name);
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
