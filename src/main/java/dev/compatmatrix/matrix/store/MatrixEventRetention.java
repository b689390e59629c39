package dev.compatmatrix.matrix.store;

import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Keeps {@code matrix_events} from growing without end: events older than {@code compat.events.keep-days} (default
 * 365) go, once the webhook outbox has taken them ({@code fanned_out}). The history, reviews and results they point to
 * stay; only the feeds and the "since your last visit" panel reach no further back. Every node may run it: the delete
 * is the same on each, and a node that conflicts with another simply deletes next time.
 */
@Repository
class MatrixEventRetention {

    private static final Logger log = LoggerFactory.getLogger(MatrixEventRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int keepDays;

    MatrixEventRetention(JdbcClient jdbc, Clock clock, @Value("${compat.events.keep-days:365}") int keepDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keepDays = Math.max(1, keepDays);
    }

    @Scheduled(initialDelay = 600_000, fixedDelay = 6 * 3_600_000)
    void deleteOld() {
        try {
            int deleted = deleteBefore(LocalDateTime.now(clock).minusDays(keepDays));
            if (deleted > 0) {
                log.info("Deleted {} change events older than {} days", deleted, keepDays);
            }
        } catch (RuntimeException e) {
            log.debug("Change event clean-up skipped: {}", e.toString());
        }
    }

    int deleteBefore(LocalDateTime cutoff) {
        return jdbc.sql("DELETE FROM matrix_events WHERE occurred_at < :cutoff AND fanned_out")
                .param("cutoff", cutoff)
                .update();
    }
}
