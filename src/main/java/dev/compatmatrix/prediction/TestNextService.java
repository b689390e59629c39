package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.export.TestNextCsv;
import dev.compatmatrix.prediction.query.AdoptedRunQuery;
import dev.compatmatrix.prediction.query.AdoptedRunQuery.AdoptedRun;
import dev.compatmatrix.prediction.query.TestNextFilter;
import dev.compatmatrix.prediction.query.TestNextQuery;
import dev.compatmatrix.prediction.query.TestNextRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What to test next": the untested cells ranked by how much a test would teach ({@link TestNextQuery}), a page at a
 * time, their count, and the whole queue as CSV for a test lab. Every signed-in user may read it.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class TestNextService {

    /** A page may not ask for more cells than this. */
    static final int MAX_PAGE_SIZE = 500;

    private final TestNextQuery cells;
    private final AdoptedRunQuery runs;

    public TestNextService(TestNextQuery cells, AdoptedRunQuery runs) {
        this.cells = cells;
        this.runs = runs;
    }

    /** The adopted training run whose predictions rank the cells; empty: never trained (every cell 2 bits). */
    public Optional<AdoptedRun> adoptedRun() {
        return runs.current();
    }

    /** A page of the ranked untested cells. */
    public List<TestNextRow> testNextPage(TestNextFilter filter, int offset, int limit) {
        return cells.page(filter, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    /** How many untested cells the filter keeps. */
    public long testNextCount(TestNextFilter filter) {
        return cells.count(filter);
    }

    /** Every cell the filter keeps, in rank order, as CSV ({@link TestNextCsv}), streamed. */
    public void writeTestNextCsv(TestNextFilter filter, OutputStream target) throws IOException {
        Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        TestNextCsv csv = new TestNextCsv(out);
        cells.each(filter, csv::row);
        csv.end();
    }
}
