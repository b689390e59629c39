package dev.compatmatrix.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.compatmatrix.security.repository.SessionGenerationRepository;
import dev.compatmatrix.security.ui.LoginView;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/** The browser's security chain: Vaadin's login view and view access control, plus method security. */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfig {

    private static final java.util.Set<String> PAGE_METHODS = java.util.Set.of("GET", "HEAD");

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(
            HttpSecurity http,
            SessionRegistry sessionRegistry,
            Clock clock,
            RequestUtil vaadinRequests,
            VaadinDefaultRequestCache savedPages,
            SessionEnded sessionEnded,
            @Value("${server.servlet.session.timeout}") Duration idleTimeout,
            @Value("${compat.session.absolute-timeout}") Duration absoluteTimeout)
            throws Exception {
        // Static files of our own and the liveness/readiness probes must be reachable before login; badges
        // too, whose service decides who may see them (anyone once an admin has made them public); and the Atom
        // feeds, whose service admits a session or a private feed secret (feed readers have no session).
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                        "/styles/**",
                        "/images/**",
                        "/charts/**",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/badge/**",
                        "/feeds/watching.atom",
                        "/feeds/models/**",
                        "/feeds/platforms/**",
                        "/feeds/private/**")
                .permitAll());
        // Sessions are registered so that disabling a user or changing their roles ends their open sessions.
        http.sessionManagement(session ->
                session.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredSessionStrategy(sessionEnded));
        http.addFilterAfter(
                new SessionTimeouts(idleTimeout, absoluteTimeout, clock, vaadinRequests),
                ConcurrentSessionFilter.class);
        // After sign-in the browser returns to exactly the address it asked for: Spring's default marks the saved
        // page's address with "?continue", which would stay in the address bar and in bookmarks.
        HttpSessionRequestCache exactAddress = new HttpSessionRequestCache();
        exactAddress.setMatchingRequestParameterName(null);
        savedPages.setDelegateRequestCache(exactAddress);
        // Vaadin exempts the sign-in form from CSRF checks; the form sends the token (from the page's _csrf meta
        // tags), so it is required, or another site could sign a victim in as the attacker. Vaadin's own requests
        // carry Vaadin's token instead.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class, "/login?logout")
                        .enableCsrfConfiguration(false)
                        // A path that is no view, file or endpoint reaches Vaadin's router, which answers with the
                        // "Not found" page and 404, signed in or not (instead of an empty 403); other methods stay
                        // refused.
                        .anyRequest(path -> path.access((user, request) -> new AuthorizationDecision(
                                PAGE_METHODS.contains(request.getRequest().getMethod())))));
        return http.build();
    }

    @Bean
    ClusterSessionRegistry sessionRegistry(SessionGenerationRepository generations) {
        return new ClusterSessionRegistry(generations);
    }

    /** Tells the session registry when a servlet session ends. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Stores bcrypt hashes with their {@code {bcrypt}} prefix, so the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
