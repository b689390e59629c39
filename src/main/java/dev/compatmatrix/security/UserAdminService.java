package dev.compatmatrix.security;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.security.repository.UserRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create users, change their roles, validator link and name, disable them (their open sessions end) and
 * reset passwords. The last enabled admin can be neither disabled nor demoted. Every change is audited.
 */
@Service
@PreAuthorize(Roles.HAS_ADMIN)
public class UserAdminService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    private final UserRepository users;
    private final ValidatorRepository validators;
    private final PasswordEncoder passwords;
    private final ClusterSessionRegistry sessions;
    private final AuditLog audit;
    private final Clock clock;

    public UserAdminService(
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

    /** What an admin sets for a user; roles are stored roles (VIEWER is implied by every role). */
    public record UserChange(String displayName, Set<String> roles, Integer validatorId, boolean enabled) {}

    @Transactional(readOnly = true)
    public List<AppUser> list() {
        return users.all();
    }

    /** The validator rows a user can be linked to (people validate as "human" validators). */
    @Transactional(readOnly = true)
    public List<ValidatorRepository.ValidatorRef> validators() {
        return validators.humans();
    }

    @Transactional
    public AppUser create(String username, String password, UserChange change) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new UserAdminException("username", "A user name has 2 to 64 letters, digits or . _ @ -");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new UserAdminException("username", "A user named '" + username + "' exists already");
        }
        checkPassword(username, password);
        Set<String> roles = checkedRoles(change.roles());
        users.insert(
                username, passwords.encode(password), blankToNull(change.displayName()), change.validatorId(), roles);
        AppUser created = users.findByUsername(username).orElseThrow();
        if (!change.enabled()) {
            users.update(created.userId(), created.displayName(), created.validatorId(), false, roles);
        }
        audit.record(
                Actor.name(),
                "user.create",
                "app_users",
                created.userId(),
                "Created user '" + username + "'",
                null,
                describe(change),
                LocalDateTime.now(clock));
        return users.findByUsername(username).orElseThrow();
    }

    @Transactional
    public AppUser update(String username, UserChange change) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UserAdminException("No user named '" + username + "'"));
        Set<String> roles = checkedRoles(change.roles());
        boolean staysAdmin = change.enabled() && roles.contains(Roles.ADMIN);
        boolean isAdmin = user.enabled() && user.roles().contains(Roles.ADMIN);
        if (isAdmin && !staysAdmin && users.enabledAdmins() <= 1) {
            throw new UserAdminException(
                    "roles", "'" + username + "' is the last enabled admin; make another admin first");
        }
        users.update(user.userId(), blankToNull(change.displayName()), change.validatorId(), change.enabled(), roles);
        audit.record(
                Actor.name(),
                "user.update",
                "app_users",
                user.userId(),
                "Changed user '" + username + "'",
                describe(new UserChange(user.displayName(), user.roles(), user.validatorId(), user.enabled())),
                describe(change),
                LocalDateTime.now(clock));
        if (!change.enabled() || !roles.equals(user.roles())) {
            // Disabled, or rights changed: the open sessions end, so nobody keeps rights they no longer have.
            endSessions(username);
        }
        return users.findByUsername(username).orElseThrow();
    }

    /**
     * Changes a user and, when {@code newPassword} is not empty, their password, in one transaction: a refused
     * password changes nothing.
     */
    @Transactional
    public AppUser save(String username, UserChange change, String newPassword) {
        boolean newPasswordGiven = newPassword != null && !newPassword.isEmpty();
        if (newPasswordGiven) {
            checkPassword(username, newPassword);
        }
        AppUser updated = update(username, change);
        if (newPasswordGiven) {
            resetPassword(username, newPassword);
        }
        return updated;
    }

    @Transactional
    public void resetPassword(String username, String password) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UserAdminException("No user named '" + username + "'"));
        checkPassword(username, password);
        users.setPasswordHash(user.userId(), passwords.encode(password));
        audit.record(
                Actor.name(),
                "user.password",
                "app_users",
                user.userId(),
                "Reset the password of '" + username + "'",
                null,
                null,
                LocalDateTime.now(clock));
        endSessions(username);
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(problem -> {
            throw new UserAdminException("password", problem);
        });
    }

    private void endSessions(String username) {
        sessions.endSessions(username);
    }

    private static Set<String> checkedRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new UserAdminException("roles", "Give the user at least one role");
        }
        if (!Roles.ALL.containsAll(roles)) {
            throw new UserAdminException("roles", "Unknown role; roles are " + Roles.ALL);
        }
        return new TreeSet<>(roles);
    }

    private static Map<String, Object> describe(UserChange change) {
        return Map.of(
                "display_name",
                String.valueOf(change.displayName()),
                "roles",
                new TreeSet<>(change.roles()),
                "validator_id",
                String.valueOf(change.validatorId()),
                "enabled",
                change.enabled());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
