package dev.compatmatrix.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Logs every access denial (OWASP ASVS 7.1.3): requests refused by a security chain and service methods refused by
 * method security, with who asked for what. Sign-in events are logged by {@link LoginThrottle}.
 */
@Configuration
class SecurityEventLog {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventLog.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Makes request and method authorization publish their denials as events. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication user = event.getAuthentication().get();
        if (!TRUST.isAuthenticated(user)) {
            // Someone not signed in is sent to the sign-in page: routine, not a refusal worth a warning.
            log.debug("Sign-in needed for {}", describe(event.getSource()));
            return;
        }
        log.warn(
                "Access denied: {} may not use {} ({})",
                user.getName(),
                describe(event.getSource()),
                event.getAuthorizationResult());
    }

    private static String describe(Object target) {
        if (target instanceof org.aopalliance.intercept.MethodInvocation call) {
            return call.getMethod().getDeclaringClass().getSimpleName() + "."
                    + call.getMethod().getName();
        }
        if (target instanceof jakarta.servlet.http.HttpServletRequest request) {
            return request.getMethod() + " " + request.getRequestURI();
        }
        return String.valueOf(target);
    }
}
