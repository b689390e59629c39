package dev.compatmatrix.demo;

import dev.compatmatrix.demo.ClaimFactory.ValidatorRef;
import dev.compatmatrix.demo.store.DemoDatabase;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.ValidatorRepository;
import dev.compatmatrix.security.repository.UserRepository;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: fills an empty database with the demo data set and the demo users (password = user
 * name). Runs in one transaction, so a failed load leaves the database empty for the next start.
 */
@Component
@ConditionalOnProperty(name = "compat.demo.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    /** The demo's "now": history is the year before it, so every run produces the same data. */
    public static final LocalDateTime DEMO_NOW = LocalDateTime.of(2026, 11, 1, 0, 0);

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoDatabase database;
    private final TransactionTemplate transaction;
    private final UserRepository users;
    private final ValidatorRepository validators;
    private final PasswordEncoder passwords;
    private final DerivedColumnsRepository matrixRows;
    private final ClaimRepository claims;
    private final MatrixWriter writer;

    public DemoDataLoader(
            DemoDatabase database,
            TransactionTemplate transaction,
            UserRepository users,
            ValidatorRepository validators,
            PasswordEncoder passwords,
            DerivedColumnsRepository matrixRows,
            ClaimRepository claims,
            MatrixWriter writer) {
        this.matrixRows = matrixRows;
        this.claims = claims;
        this.writer = writer;
        this.database = database;
        this.transaction = transaction;
        this.users = users;
        this.validators = validators;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (database.hasModels() || users.count() > 0) {
            log.info("Demo mode: the database already has data; nothing loaded");
            return;
        }
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> load());
        log.info("Demo mode: loaded the demo data set in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private void load() {
        List<ValidatorRef> approvers = DemoValidators.insert(validators, DEMO_NOW.minusDays(400));
        user("viewer", "Vera Viewer", null, Roles.VIEWER);
        user("editor", "Eddie Editor", null, Roles.EDITOR);
        user("validator1", "Priya Raman", approvers.get(0).id(), Roles.VALIDATOR);
        user("validator2", "Jonas Weber", approvers.get(1).id(), Roles.VALIDATOR);
        user("validator3", "Mei Chen", approvers.get(2).id(), Roles.VALIDATOR);
        user("admin", "Ada Admin", null, Roles.ADMIN);

        var dataSet = new DemoDataSet(new ClaimFactory(approvers, DEMO_NOW));
        database.load(dataSet.models(), DEMO_NOW);
        DemoAutomatedResults.report(approvers.get(3).id(), DEMO_NOW.minusDays(2), matrixRows, claims, writer);
    }

    private void user(String username, String displayName, Integer validatorId, String role) {
        users.insert(username, passwords.encode(username), displayName, validatorId, List.of(role));
    }
}
