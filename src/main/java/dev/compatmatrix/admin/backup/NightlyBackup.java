package dev.compatmatrix.admin.backup;

import dev.compatmatrix.base.db.OncePerCluster;
import dev.compatmatrix.matrix.Roles;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The nightly backup, when {@code compat.backup.cron} is set (e.g. {@code 0 30 2 * * *}). Nobody is signed in on
 * the scheduler's thread, so it acts as the system caller "scheduler" with the admin role and goes through
 * {@link BackupService#backupNow()} like an admin; the service itself admits admins only (it used to have a
 * public method with {@code permitAll()} for this, which let any caller start a backup).
 */
@Component
class NightlyBackup {

    static final String ACTOR = "scheduler";

    /** Its row in scheduled_job_locks is inserted by V0012__cluster_state.sql. */
    static final String JOB = "nightly-backup";
    /**
     * How long one node's run keeps the others from running it again: longer than the clocks of two nodes may differ,
     * shorter than a day.
     */
    static final Duration ONCE_WITHIN = Duration.ofHours(1);

    private final BackupService backups;
    private final OncePerCluster oncePerCluster;

    NightlyBackup(BackupService backups, OncePerCluster oncePerCluster) {
        this.backups = backups;
        this.oncePerCluster = oncePerCluster;
    }

    /** Every node's scheduler fires; one node of the cluster takes the backup. */
    @Scheduled(cron = "${compat.backup.cron:-}", zone = "UTC")
    void run() {
        oncePerCluster.run(JOB, ONCE_WITHIN, this::backUpAsScheduler);
    }

    private void backUpAsScheduler() {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext scheduler = SecurityContextHolder.createEmptyContext();
        scheduler.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ACTOR, null, AuthorityUtils.createAuthorityList(Roles.authority(Roles.ADMIN))));
        SecurityContextHolder.setContext(scheduler);
        try {
            backups.backupNow();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
