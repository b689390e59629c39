package dev.compatmatrix.security;

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
 * Ends a signed-in session a fixed time after sign-in however active it is (OWASP ASVS 3.3.4); the idle timeout
 * is the servlet container's. The sign-in time is stamped on the first request of a session id; as sign-in always
 * issues a new session id, a stamp for another id belongs to an earlier sign-in and is replaced.
 */
final class AbsoluteSessionTimeout extends OncePerRequestFilter {

    static final String SIGNED_IN = AbsoluteSessionTimeout.class.getName() + ".signedIn";
    private static final Logger log = LoggerFactory.getLogger(AbsoluteSessionTimeout.class);

    record SignedIn(String sessionId, Instant at) implements Serializable {
    }

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final Duration limit;
    private final Clock clock;

    AbsoluteSessionTimeout(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && trust.isAuthenticated(user)) {
            Instant now = clock.instant();
            if (session.getAttribute(SIGNED_IN) instanceof SignedIn stamp && stamp.sessionId().equals(session.getId())) {
                if (stamp.at().plus(limit).isBefore(now)) {
                    log.info("Session of {} ended: signed in at {}, longer ago than the limit of {}", user.getName(),
                            stamp.at(), limit);
                    session.invalidate();
                    // Carry on as anonymous: a page asks for sign-in, a Vaadin request sees its session expired.
                    SecurityContextHolder.clearContext();
                }
            } else {
                session.setAttribute(SIGNED_IN, new SignedIn(session.getId(), now));
            }
        }
        chain.doFilter(request, response);
    }
}
