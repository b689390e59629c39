package dev.compatmatrix.timetravel;

import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.SnapshotQuery;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.matrix.time.TimePoints;
import dev.compatmatrix.matrix.time.TimeRange;
import dev.compatmatrix.timetravel.export.ChangelogMarkdown;
import dev.compatmatrix.timetravel.export.ChangesCsv;
import dev.compatmatrix.timetravel.query.CellChange;
import dev.compatmatrix.timetravel.query.ChangeCounts;
import dev.compatmatrix.timetravel.query.ChangesFilter;
import dev.compatmatrix.timetravel.query.ChangesQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed in the matrix between two points in time (days or named snapshots): the counts per kind, a page of
 * changes, and the same as a Markdown changelog or CSV. Every role may read.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class ChangesService {

    /** A page may not ask for more changes than this. */
    static final int MAX_PAGE_SIZE = 500;
    /** The default range ends today and begins this many days earlier (or when the history begins). */
    static final int DEFAULT_DAYS = 30;

    private final ChangesQuery changes;
    private final TimePoints timePoints;
    private final SnapshotQuery snapshots;

    public ChangesService(ChangesQuery changes, TimePoints timePoints, SnapshotQuery snapshots) {
        this.changes = changes;
        this.timePoints = timePoints;
        this.snapshots = snapshots;
    }

    /**
     * The range between two texts (a day YYYY-MM-DD or a snapshot's name); an end not given (null) is that of the
     * {@link #defaultRange()}. Refused with {@link dev.compatmatrix.matrix.time.InvalidPointInTimeException} naming the
     * end and why.
     */
    public TimeRange range(String from, String to) {
        if (from == null || to == null) {
            TimeRange defaults = defaultRange();
            return timePoints.range(
                    from == null ? defaults.from().text() : from,
                    to == null ? defaults.to().text() : to);
        }
        return timePoints.range(from, to);
    }

    /** The last {@value #DEFAULT_DAYS} days up to the end of today, not reaching before the history. */
    public TimeRange defaultRange() {
        PointInTime today = timePoints.today();
        LocalDate day = today.before().toLocalDate().minusDays(1);
        LocalDate from = day.minusDays(DEFAULT_DAYS);
        LocalDate start =
                timePoints.historyStart().map(LocalDateTime::toLocalDate).orElse(from);
        if (from.isBefore(start) && start.isBefore(day)) {
            from = start;
        }
        return new TimeRange(PointInTime.endOf(from), today);
    }

    /** The named snapshots, newest first, for the point-in-time pickers. */
    public List<SnapshotQuery.Snapshot> snapshots() {
        return snapshots.all();
    }

    /** Every family, deleted models' too, for the family filter. */
    public List<String> families() {
        return changes.families();
    }

    /** How many cells changed in each way, under the filter's platform, family and type. */
    public ChangeCounts summary(TimeRange range, ChangesFilter filter) {
        return changes.counts(range, filter);
    }

    /** A page of the changes, grouped by model, the models with regressions first. */
    public List<CellChange> page(TimeRange range, ChangesFilter filter, int offset, int limit) {
        return changes.page(range, filter, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    /** Exactly the filtered changes as a file, in one of {@link dev.compatmatrix.timetravel.export.ChangesFiles#FORMATS}. */
    public void writeFile(TimeRange range, ChangesFilter filter, ExportFormat format, OutputStream target)
            throws IOException {
        Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        switch (format) {
            case MARKDOWN -> {
                ChangelogMarkdown markdown = new ChangelogMarkdown(out, range, filter, changes.counts(range, filter));
                changes.eachByKind(range, filter, markdown::change);
                markdown.end();
            }
            case CSV -> {
                ChangesCsv csv = new ChangesCsv(out, range);
                changes.eachByKind(range, filter, csv::change);
                csv.end();
            }
            default -> throw new IllegalArgumentException("The changes have no " + format.label() + " file");
        }
    }
}
