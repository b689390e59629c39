package dev.compatmatrix.matrix;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How old a validation may grow before it is stale (PRODUCT.md §4): the one setting, and the one place the
 * cut-off is computed, for the matrix, the model page and the queue alike.
 */
@Component
public class Staleness {

    /** The setting that decides the age limit, in days. */
    public static final String MAX_AGE_PROPERTY = "${compat.validation.stale-after-days:180}";

    private final Clock clock;
    private final int maxAgeDays;

    public Staleness(Clock clock, @Value(MAX_AGE_PROPERTY) int maxAgeDays) {
        this.clock = clock;
        this.maxAgeDays = maxAgeDays;
    }

    /** The oldest validation date that is not stale yet, now. */
    public LocalDateTime staleBefore() {
        return staleBefore(LocalDateTime.now(clock));
    }

    /**
     * The cut-off as it was just before {@code before} (an as-of instant): at that moment, or now if it has not
     * come yet, so that the matrix as of today is the matrix now.
     */
    public LocalDateTime staleBeforeAsOf(LocalDateTime before) {
        LocalDateTime now = LocalDateTime.now(clock);
        return staleBefore(before.isBefore(now) ? before : now);
    }

    /** The oldest validation date that is not stale yet at {@code now}. */
    public LocalDateTime staleBefore(LocalDateTime now) {
        return now.minusDays(maxAgeDays);
    }
}
