package dev.compatmatrix.security;

import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session after a time without use and a fixed time after sign-in however active it is (OWASP
 * ASVS 3.3.1, 3.3.4). The container's own timeout cannot do the first: an open Vaadin tab sends a heartbeat every
 * few minutes, which keeps the servlet session alive, so heartbeats do not count as use here. The times are stamped
 * per session id; as sign-in always issues a new session id, a stamp for another id belongs to an earlier sign-in
 * and is replaced.
 */
final class SessionTimeouts extends OncePerRequestFilter {

    static final String STAMP = SessionTimeouts.class.getName() + ".stamp";
    private static final Logger log = LoggerFactory.getLogger(SessionTimeouts.class);

    record Stamp(String sessionId, Instant signedInAt, Instant lastUsedAt) implements Serializable {}

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;
    private final RequestUtil vaadinRequests;

    SessionTimeouts(Duration idle, Duration absolute, Clock clock, RequestUtil vaadinRequests) {
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
        this.vaadinRequests = vaadinRequests;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && trust.isAuthenticated(user)) {
            Instant now = clock.instant();
            if (session.getAttribute(STAMP) instanceof Stamp stamp
                    && stamp.sessionId().equals(session.getId())) {
                String ended = stamp.signedInAt().plus(absolute).isBefore(now)
                        ? "signed in longer ago than " + absolute
                        : stamp.lastUsedAt().plus(idle).isBefore(now) ? "unused for longer than " + idle : null;
                if (ended != null) {
                    log.info("Session of {} ended: {}", user.getName(), ended);
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    if (!vaadinRequests.isFrameworkInternalRequest(request)) {
                        SessionEnded.redirectToSignIn(request, response);
                        return;
                    }
                    // A Vaadin request carries on without a session; Vaadin answers it with its "session expired".
                } else if (!isHeartbeat(request)) {
                    session.setAttribute(STAMP, new Stamp(stamp.sessionId(), stamp.signedInAt(), now));
                }
            } else {
                session.setAttribute(STAMP, new Stamp(session.getId(), now, now));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isHeartbeat(HttpServletRequest request) {
        return "heartbeat".equals(request.getParameter("v-r"));
    }
}
