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
 * when, how many rows, and whether its untested cells carry their shown predictions ({@code includePredictions}).
 */
record ExportHeader(
        MatrixFilter filter, MatrixSort sort, Instant generatedAt, long count, PointInTime asOf, boolean predictions) {

    ExportHeader(MatrixFilter filter, MatrixSort sort, Instant generatedAt, long count) {
        this(filter, sort, generatedAt, count, null);
    }

    ExportHeader(MatrixFilter filter, MatrixSort sort, Instant generatedAt, long count, PointInTime asOf) {
        this(filter, sort, generatedAt, count, asOf, false);
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

    /** The legend of the formats people read: what the marks mean, and what a predicted cell is when there are any. */
    String legend() {
        return ExportValues.LEGEND + (predictions ? ExportValues.PREDICTIONS_LEGEND : "");
    }
}
