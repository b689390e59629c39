package dev.compatmatrix.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing (OWASP ASVS 2.2.1) without letting an attacker lock the owner out. Failures count per
 * account <em>and client address</em>: from the third in a row, that account refuses attempts from that address for
 * 1 s, then 2 s, 4 s … up to 60 s after each failure, while the owner signing in from elsewhere is not slowed. And
 * per address across all accounts, so that spraying many user names from one address is capped: after 10 failures
 * the address waits the same growing delays. Unknown user names count like known ones, so the delay tells nothing
 * about which names exist. Every sign-in, failure and refusal is logged with the client address (ASVS 7.2).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final int FREE_FAILURES = 2;
    static final int FREE_FAILURES_PER_ADDRESS = 10;
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** Entries older than this are forgotten, so the maps cannot grow without end. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant last) {}

    /** Failures per account + address, and per address across accounts. */
    private final ConcurrentHashMap<String, Failures> perAccount = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Failures> perAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Why a sign-in for this name from this address must wait, if it must; such an attempt is refused without
     * checking the password.
     */
    public Optional<String> mustWait(String username, String address) {
        if (waiting(perAccount.get(key(username, address)), FREE_FAILURES)) {
            return Optional.of("too many failed sign-ins for this account from this address");
        }
        if (waiting(perAddress.get(address), FREE_FAILURES_PER_ADDRESS)) {
            return Optional.of("too many failed sign-ins from this address");
        }
        return Optional.empty();
    }

    private boolean waiting(Failures f, int free) {
        return f != null
                && f.count() > free
                && clock.instant().isBefore(f.last().plus(delay(f.count() - free)));
    }

    /** The wait after the given number of failures beyond the free ones: 1 s, 2 s, 4 s … at most 60 s. */
    static Duration delay(int failuresBeyondFree) {
        int steps = Math.min(failuresBeyondFree - 1, 6);
        Duration delay = Duration.ofSeconds(1L << Math.max(0, steps));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(perAccount, key(username, address), now);
        count(perAddress, address, now);
    }

    private static void count(ConcurrentHashMap<String, Failures> failures, String key, Instant now) {
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.merge(key, new Failures(1, now), (old, fresh) -> new Failures(old.count() + 1, now));
    }

    /**
     * A success clears that account's failures from that address only; the address's count across accounts stays,
     * so signing in to one's own account between guesses does not reset the cap.
     */
    void succeeded(String username, String address) {
        perAccount.remove(key(username, address));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        String address = ClientAddress.current();
        log.warn(
                "Sign-in failed for '{}' from {}: {}",
                name,
                address,
                event.getException().getClass().getSimpleName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            failed(name, address);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        String address = ClientAddress.current();
        // API tokens authenticate without this event; this is a person signing in.
        log.info("Signed in: '{}' from {}", name, address);
        succeeded(name, address);
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\n" + address;
    }
}
