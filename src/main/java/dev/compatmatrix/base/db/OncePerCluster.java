package dev.compatmatrix.base.db;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job on one application node of the cluster, not on each: every node's scheduler fires, and the
 * node that first moves the job's row in {@code scheduled_job_locks} forward runs it. The row stays taken for
 * {@code atLeast} after the start, also when the job ends sooner, so a node whose clock is a little behind does not
 * run the same night's job again (what ShedLock calls lock-at-least; a lock row of our own needs no dependency).
 */
@Component
public class OncePerCluster {

    private static final Logger log = LoggerFactory.getLogger(OncePerCluster.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** This node, as the row names it: the host and a number drawn at start-up (two nodes may share a host). */
    private final String node;

    public OncePerCluster(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code job} here if no node has run it within {@code atLeast}; says whether it ran here. */
    public boolean run(String job, Duration atLeast, Runnable work) {
        if (!claim(job, atLeast)) {
            log.info("Scheduled job '{}' left to another node", job);
            return false;
        }
        log.info("Scheduled job '{}' runs on this node ({})", job, node);
        work.run();
        return true;
    }

    private boolean claim(String job, Duration atLeast) {
        long now = clock.millis();
        try {
            Integer claimed = transaction.execute(status -> {
                int taken = jdbc.sql("""
                                UPDATE scheduled_job_locks SET locked_until_ms = :until, locked_by = :node
                                WHERE job = :job AND locked_until_ms <= :now""")
                        .param("until", now + atLeast.toMillis())
                        .param("node", node)
                        .param("job", job)
                        .param("now", now)
                        .update();
                // A job's first run ever inserts its row (V0012 inserts the nightly backup's, so that two nodes never
                // race to insert it: on DuckDB a commit that fails so leaves its connection unusable).
                return taken == 1
                        ? taken
                        : jdbc.sql("""
                                        INSERT INTO scheduled_job_locks (job, locked_until_ms, locked_by)
                                        VALUES (:job, :until, :node) ON CONFLICT (job) DO NOTHING""")
                                .param("job", job)
                                .param("until", now + atLeast.toMillis())
                                .param("node", node)
                                .update();
            });
            return claimed != null && claimed == 1;
        } catch (RuntimeException e) {
            // Another node claimed the row at the same moment (a write-write conflict): that node runs the job.
            log.debug("Scheduled job '{}' not claimed: {}", job, e.toString());
            return false;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
