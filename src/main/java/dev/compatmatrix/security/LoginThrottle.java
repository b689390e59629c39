package dev.compatmatrix.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing per account (OWASP ASVS 2.2.1): from the third failed sign-in in a row, the account
 * refuses attempts for 1 s, then 2 s, 4 s … up to 60 s after each failure — other accounts are not affected.
 * Unknown user names are throttled the same way, so the delay tells nothing about which names exist. Also logs
 * every sign-in success and failure (ASVS 7.2).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final int FREE_FAILURES = 2;
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** Entries older than this are forgotten, so the map cannot grow without end. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether a sign-in for this name must wait; such an attempt is refused without checking the password. */
    public boolean mustWait(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.count() > FREE_FAILURES && clock.instant().isBefore(f.last().plus(delay(f.count())));
    }

    static Duration delay(int failures) {
        int steps = Math.min(failures - FREE_FAILURES - 1, 6);
        Duration delay = Duration.ofSeconds(1L << Math.max(0, steps));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.merge(key(username), new Failures(1, now), (old, fresh) -> new Failures(old.count() + 1, now));
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        log.warn("Sign-in failed for '{}': {}", name, event.getException().getClass().getSimpleName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            failed(name);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        // API tokens authenticate without this event; this is a person signing in.
        log.info("Signed in: '{}'", name);
        succeeded(name);
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
