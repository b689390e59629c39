package dev.compatmatrix.matrix.store;

import java.util.List;

/**
 * What the matrix module needs of the database beyond portable SQL, so that another database can provide it: ids
 * for many rows from a sequence at once, appending many rows fast, updating and deleting many rows in one
 * statement, and recognising a write-write conflict. The caller owns the transaction. Both databases':
 * {@link SetBasedMatrixDatabase}.
 */
public interface MatrixDatabase {

    /** {@code count} new ids from the sequence, ascending (what one insert per row would have given, in order). */
    List<Long> nextIds(String sequence, int count);

    /** Appends the rows; draws their ids first when the table does. Returns the drawn ids (none otherwise). */
    <R> List<Long> append(MatrixTables.Table<R> table, List<R> rows);

    /**
     * {@code UPDATE table SET column = value, … [, extraSet]} for each row matched by all {@code keys}; values in
     * the order of {@code keys} then {@code columns}. Returns the number of rows updated.
     */
    int update(
            String table,
            List<? extends MatrixTables.Column<?>> keys,
            List<? extends MatrixTables.Column<?>> columns,
            String extraSet,
            List<Object[]> rows);

    /** Deletes the rows matched by all {@code keys}; returns how many were deleted. */
    int delete(String table, List<? extends MatrixTables.Column<?>> keys, List<Object[]> rows);

    /**
     * Another transaction wrote the same rows first, so this one was refused: a write-write conflict, or a unique
     * key a concurrent transaction took after this one checked it was free. Applying the change again is safe.
     */
    boolean isConflict(Throwable e);
}
