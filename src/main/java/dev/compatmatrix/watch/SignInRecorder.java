package dev.compatmatrix.watch;

import dev.compatmatrix.watch.repository.UserVisitRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps each person's sign-ins (the latest and the one before), for "since your last visit". API tokens authenticate
 * without this event. A failure to keep the time never fails the sign-in: the panel then compares with an older one.
 */
@Component
class SignInRecorder {

    private static final Logger log = LoggerFactory.getLogger(SignInRecorder.class);

    private final UserVisitRepository visits;
    private final Clock clock;

    SignInRecorder(UserVisitRepository visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        try {
            visits.signedIn(username, LocalDateTime.now(clock));
        } catch (RuntimeException e) {
            log.warn("Sign-in time not kept for '{}': {}", username, e.toString());
        }
    }
}
