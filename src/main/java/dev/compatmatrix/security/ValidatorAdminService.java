package dev.compatmatrix.security;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create and edit validators (people and machines). A changed verification level applies to future
 * approvals only: each review keeps the level it was made at, and claims keep their status.
 */
@Service
@PreAuthorize(Roles.HAS_ADMIN)
public class ValidatorAdminService {

    public static final Set<String> TYPES = Set.of("human", "automated_test", "ci_pipeline");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ValidatorRepository validators;
    private final AuditLog audit;
    private final Clock clock;

    public ValidatorAdminService(ValidatorRepository validators, AuditLog audit, Clock clock) {
        this.validators = validators;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an admin sets for a validator. */
    public record ValidatorData(String name, String type, String email, String organization, int level) {}

    @Transactional(readOnly = true)
    public List<ValidatorRow> list() {
        return validators.all();
    }

    @Transactional
    public ValidatorRow create(ValidatorData data) {
        check(data);
        LocalDateTime now = LocalDateTime.now(clock);
        int id = validators.insert(
                data.name().strip(),
                data.type(),
                blankToNull(data.email()),
                blankToNull(data.organization()),
                data.level(),
                now);
        audit.record(
                Actor.name(),
                "validator.create",
                "validators",
                id,
                "Created validator '" + data.name().strip() + "'",
                null,
                describe(data),
                now);
        return validators.find(id).orElseThrow();
    }

    @Transactional
    public ValidatorRow update(int validatorId, ValidatorData data) {
        check(data);
        ValidatorRow before = validators
                .find(validatorId)
                .orElseThrow(() -> new UserAdminException("No validator with id " + validatorId));
        validators.update(
                validatorId,
                data.name().strip(),
                data.type(),
                blankToNull(data.email()),
                blankToNull(data.organization()),
                data.level());
        audit.record(
                Actor.name(),
                "validator.update",
                "validators",
                validatorId,
                "Changed validator '" + before.name() + "'",
                describe(new ValidatorData(
                        before.name(), before.type(), before.email(), before.organization(), before.level())),
                describe(data),
                LocalDateTime.now(clock));
        return validators.find(validatorId).orElseThrow();
    }

    private static void check(ValidatorData data) {
        if (data.name() == null || data.name().isBlank() || data.name().strip().length() > 100) {
            throw new UserAdminException("name", "A validator needs a name of 1 to 100 characters");
        }
        if (!TYPES.contains(data.type())) {
            throw new UserAdminException("type", "The type is one of " + TYPES);
        }
        if (data.level() < 1 || data.level() > 3) {
            throw new UserAdminException("level", "The verification level is 1, 2 or 3");
        }
        if (data.email() != null
                && !data.email().isBlank()
                && !EMAIL.matcher(data.email().strip()).matches()) {
            throw new UserAdminException("email", "That is not an e-mail address");
        }
    }

    private static Map<String, Object> describe(ValidatorData data) {
        return Map.of(
                "name",
                data.name(),
                "type",
                data.type(),
                "email",
                String.valueOf(data.email()),
                "organization",
                String.valueOf(data.organization()),
                "level",
                data.level());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
