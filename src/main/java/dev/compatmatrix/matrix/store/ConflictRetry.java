package dev.compatmatrix.matrix.store;

import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * The one policy for write-write conflicts: two transactions wrote the same rows at once and the database refused
 * one ({@link MatrixDatabase#isConflict}). A change that reads what it writes anew in each attempt is applied again,
 * at most {@link #ATTEMPTS} times; then the last conflict is the caller's to report.
 */
@Component
public class ConflictRetry {

    public static final int ATTEMPTS = 5;

    private final MatrixDatabase database;

    ConflictRetry(MatrixDatabase database) {
        this.database = database;
    }

    /**
     * Runs {@code attempt} (numbered from 1, each its own transaction) until it succeeds or fails otherwise than by
     * a conflict; after {@link #ATTEMPTS} conflicts throws what {@code exhausted} makes of the last one.
     */
    public <T> T run(IntFunction<T> attempt, Function<RuntimeException, ? extends RuntimeException> exhausted) {
        for (int number = 1; ; number++) {
            try {
                return attempt.apply(number);
            } catch (RuntimeException e) {
                if (!database.isConflict(e)) {
                    throw e;
                }
                if (number >= ATTEMPTS) {
                    throw exhausted.apply(e);
                }
                pauseBefore(number + 1);
            }
        }
    }

    /**
     * DuckDB refuses the second writer of a row at once, while the first's transaction is still open: retrying at
     * once would meet the same open transaction again, so each attempt waits a little longer, by a random amount so
     * that two retrying writers do not keep meeting.
     */
    private static void pauseBefore(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 25) * (attempt - 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
