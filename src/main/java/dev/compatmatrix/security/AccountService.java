package dev.compatmatrix.security;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.security.repository.UserRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Your account": every signed-in person reads their own account, changes their own password (the old one first,
 * then the same {@link PasswordPolicy} an admin's reset obeys) and ends their other sessions. Each acts on the caller
 * only, whoever is named nowhere in the arguments; changes are audited as an admin's are.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class AccountService {

    private final UserRepository users;
    private final ValidatorRepository validators;
    private final PasswordEncoder passwords;
    private final ClusterSessionRegistry sessions;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(
            UserRepository users,
            ValidatorRepository validators,
            PasswordEncoder passwords,
            ClusterSessionRegistry sessions,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.validators = validators;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller as stored: roles as stored (VIEWER is implied by each), and the validator they approve as. */
    public record Account(
            String username, String displayName, Set<String> roles, String validatorName, Integer level) {}

    @Transactional(readOnly = true)
    public Account myAccount() {
        AppUser user = caller();
        var validator = validators.findForUser(user.username());
        return new Account(
                user.username(),
                user.displayName(),
                user.roles(),
                validator.map(ValidatorRepository.ValidatorRef::name).orElse(null),
                validator.map(ValidatorRepository.ValidatorRef::level).orElse(null));
    }

    /**
     * Refused, with the reason on the field it is about, when the old password is wrong or the new one breaks a rule.
     * A changed password also ends the caller's other sessions (someone who knew the old one is signed out), all but
     * {@code currentSessionId}.
     */
    @Transactional
    public void changeMyPassword(String oldPassword, String newPassword, String currentSessionId) {
        AppUser user = caller();
        if (oldPassword == null || !passwords.matches(oldPassword, user.passwordHash())) {
            throw new UserAdminException("oldPassword", "That is not your current password; nothing was changed");
        }
        PasswordPolicy.problem(user.username(), newPassword).ifPresent(problem -> {
            throw new UserAdminException("newPassword", problem);
        });
        if (passwords.matches(newPassword, user.passwordHash())) {
            throw new UserAdminException("newPassword", "The new password is your current one");
        }
        users.setPasswordHash(user.userId(), passwords.encode(newPassword));
        sessions.endOtherSessions(user.username(), Objects.requireNonNull(currentSessionId, "currentSessionId"));
        record(user, "user.password", "Changed their own password; their other sessions were ended");
    }

    /**
     * Ends every session of the caller, on every node, except {@code currentSessionId} (the caller's own, which the
     * view passes): that one stays signed in.
     */
    @Transactional
    public void signOutMyOtherSessions(String currentSessionId) {
        AppUser user = caller();
        sessions.endOtherSessions(user.username(), Objects.requireNonNull(currentSessionId, "currentSessionId"));
        record(user, "user.sessions", "Signed out of all other sessions");
    }

    private AppUser caller() {
        String username = Actor.name();
        return users.findByUsername(username)
                .orElseThrow(() -> new UserAdminException("No account named '" + username + "'"));
    }

    private void record(AppUser user, String action, String summary) {
        audit.record(
                user.username(), action, "app_users", user.userId(), summary, null, null, LocalDateTime.now(clock));
    }
}
