package dev.compatmatrix.security;

import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.repository.UserRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode there is no built-in user: when the database has no user yet, the first admin is
 * created from {@code COMPAT_ADMIN_USERNAME} / {@code COMPAT_ADMIN_PASSWORD}.
 */
@Component
public class FirstAdminInitializer implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final String username;
    private final String password;
    private final boolean demo;

    public FirstAdminInitializer(
            UserRepository users,
            PasswordEncoder passwords,
            @Value("${compat.admin.username:}") String username,
            @Value("${compat.admin.password:}") String password,
            @Value("${compat.demo.enabled:false}") boolean demo) {
        this.users = users;
        this.passwords = passwords;
        this.username = username;
        this.password = password;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demo || users.count() > 0) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn(
                    "No user exists and no first admin is configured: set COMPAT_ADMIN_USERNAME and "
                            + "COMPAT_ADMIN_PASSWORD (at least {} characters) and restart",
                    MIN_PASSWORD_LENGTH);
            return;
        }
        PasswordPolicy.problem(username, password).ifPresent(problem -> {
            throw new IllegalStateException("COMPAT_ADMIN_PASSWORD is refused: " + problem);
        });
        users.insert(username, passwords.encode(password), "Administrator", null, List.of(Roles.ADMIN));
        log.info("Created the first admin '{}' from the configuration", username);
    }
}
