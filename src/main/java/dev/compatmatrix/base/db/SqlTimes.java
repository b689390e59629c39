package dev.compatmatrix.base.db;

import java.sql.Timestamp;
import java.time.LocalDateTime;

/** TIMESTAMP columns hold UTC wall-clock time; JDBC hands them over as {@link Timestamp}. */
public final class SqlTimes {

    private SqlTimes() {}

    public static LocalDateTime utc(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
