package dev.compatmatrix.security;

import dev.compatmatrix.security.repository.SignInFailureRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
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
 * about which names exist. The counts live in the database, so they hold on every application node. Every sign-in,
 * failure and refusal is logged with the client address (ASVS 7.2).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final int FREE_FAILURES = 2;
    static final int FREE_FAILURES_PER_ADDRESS = 10;
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** Failures older than this are forgotten, so the table cannot grow without end. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Two nodes counting the same key at once may conflict; the count is tried again. */
    private static final int COUNT_ATTEMPTS = 3;
    /** A longer typed name counts under its first characters (the keys' length is bounded). */
    private static final int MAX_NAME_IN_KEY = 200;

    /** Failures per account + address, and per address across accounts, in the database: every node sees them. */
    private final SignInFailureRepository failures;

    private final Clock clock;

    public LoginThrottle(SignInFailureRepository failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * Why a sign-in for this name from this address must wait, if it must; such an attempt is refused without
     * checking the password.
     */
    public Optional<String> mustWait(String username, String address) {
        String account = accountKey(username, address);
        String perAddress = addressKey(address);
        Map<String, SignInFailureRepository.Failures> known = failures.find(List.of(account, perAddress));
        if (waiting(known.get(account), FREE_FAILURES)) {
            return Optional.of("too many failed sign-ins for this account from this address");
        }
        if (waiting(known.get(perAddress), FREE_FAILURES_PER_ADDRESS)) {
            return Optional.of("too many failed sign-ins from this address");
        }
        return Optional.empty();
    }

    private boolean waiting(SignInFailureRepository.Failures f, int free) {
        return f != null
                && f.count() > free
                && clock.millis() < f.lastMillis() + delay(f.count() - free).toMillis();
    }

    /** The wait after the given number of failures beyond the free ones: 1 s, 2 s, 4 s … at most 60 s. */
    static Duration delay(int failuresBeyondFree) {
        int steps = Math.min(failuresBeyondFree - 1, 6);
        Duration delay = Duration.ofSeconds(1L << Math.max(0, steps));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    void failed(String username, String address) {
        long now = clock.millis();
        count(accountKey(username, address), now);
        count(addressKey(address), now);
    }

    private void count(String key, long now) {
        for (int attempt = 1; ; attempt++) {
            try {
                failures.count(key, now);
                return;
            } catch (RuntimeException e) {
                if (attempt >= COUNT_ATTEMPTS) {
                    log.warn("Sign-in failure not counted for {}: {}", key.replace('\n', ' '), e.toString());
                    return;
                }
            }
        }
    }

    /**
     * A success clears that account's failures from that address only; the address's count across accounts stays,
     * so signing in to one's own account between guesses does not reset the cap.
     */
    void succeeded(String username, String address) {
        failures.clear(accountKey(username, address));
    }

    /** Deletes failures that no longer slow anyone (any node may; deleting twice is harmless). */
    @Scheduled(initialDelay = 600_000, fixedDelay = 600_000)
    void forgetOldFailures() {
        failures.forgetBefore(clock.millis() - FORGET_AFTER.toMillis());
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

    private static String accountKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account\n" + name.substring(0, Math.min(name.length(), MAX_NAME_IN_KEY)) + "\n" + address;
    }

    private static String addressKey(String address) {
        return "address\n" + address;
    }
}
