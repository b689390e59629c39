package dev.compatmatrix.security.api;

import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenAuthenticator;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The API's own security chain, ahead of the browser's: token authentication only, no session (a browser's
 * session cookie alone does not open the API), CSRF off because nothing here reads a cookie. Scopes decide
 * what a token may do; errors are RFC 9457 problem details.
 */
@Configuration
public class ApiSecurityConfig {

    private static final String[] DOCUMENTATION = {
        "/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**"
    };

    private static final String WATCHES = "/api/v1/watches";
    private static final String REPORTS = "/api/v1/reports";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http, ApiTokenAuthenticator authenticator, ApiProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterAfter(
                        new ApiTokenAuthenticationFilter(authenticator, problems), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // OPTIONS only answers which methods a path allows; HEAD is GET without the body.
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**")
                        .permitAll()
                        .requestMatchers(DOCUMENTATION)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/results")
                        .hasAuthority(ApiScope.RESULTS_WRITE.authority())
                        .requestMatchers(HttpMethod.POST, WATCHES)
                        .hasAuthority(ApiScope.WATCHES_WRITE.authority())
                        .requestMatchers(HttpMethod.DELETE, WATCHES)
                        .hasAuthority(ApiScope.WATCHES_WRITE.authority())
                        .requestMatchers(HttpMethod.POST, REPORTS)
                        .hasAuthority(ApiScope.FEEDBACK_WRITE.authority())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**")
                        .hasAuthority(ApiScope.READ.authority())
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**")
                        .hasAuthority(ApiScope.READ.authority())
                        // Any other method or path, for a valid token: the API answers 405 with Allow, or 404.
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> problems.write(
                                        request,
                                        response,
                                        HttpServletResponse.SC_UNAUTHORIZED,
                                        "Authentication required",
                                        "Send 'Authorization: Bearer <token>' with an API token; a browser session does not open the API."))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request,
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                "Not allowed",
                                "This token's scopes do not allow " + request.getMethod() + " "
                                        + request.getRequestURI() + ".")));
        return http.build();
    }
}
