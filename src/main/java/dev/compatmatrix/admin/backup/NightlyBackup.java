package dev.compatmatrix.admin.backup;

import dev.compatmatrix.matrix.Roles;
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

    private final BackupService backups;

    NightlyBackup(BackupService backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${compat.backup.cron:-}", zone = "UTC")
    void run() {
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
