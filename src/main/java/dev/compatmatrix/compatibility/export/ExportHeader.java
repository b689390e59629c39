package dev.compatmatrix.compatibility.export;

import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixParameters;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.time.PointInTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What an export says about itself before its rows: which view of the matrix, as of which past point (null: now),
 * when, and how many rows.
 */
record ExportHeader(MatrixFilter filter, MatrixSort sort, Instant generatedAt, long count, PointInTime asOf) {

    ExportHeader(MatrixFilter filter, MatrixSort sort, Instant generatedAt, long count) {
        this(filter, sort, generatedAt, count, null);
    }

    private static final DateTimeFormatter MINUTES_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A title for people: the filter (hidden characters named) and the time. */
    String title() {
        return "Compatibility matrix" + (asOf == null ? "" : " as of " + VisibleText.of(asOf.describe()))
                + " · filter: " + VisibleText.of(MatrixParameters.describe(filter, sort)) + " · "
                + MINUTES_UTC.format(generatedAt);
    }

    String countText() {
        return count == 1 ? "1 model" : count + " models";
    }
}
