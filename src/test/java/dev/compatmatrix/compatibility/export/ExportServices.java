package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.compatibility.query.MatrixQuery;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** An ExportService built by hand over a MatrixQuery, outside Spring (for the benchmarks): its exporter is package-private. It exports the live matrix only. */
public final class ExportServices {

    private ExportServices() {}

    public static ExportService over(MatrixQuery matrix, Clock clock) {
        return new ExportService(
                new MatrixExporter(matrix, null, JsonMapper.builder().build(), clock, null), clock);
    }
}
