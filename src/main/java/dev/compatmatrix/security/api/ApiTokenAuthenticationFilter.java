package dev.compatmatrix.security.api;

import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiToken;
import dev.compatmatrix.security.token.ApiTokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer cmc_…} on API requests. A valid token authenticates the request with one
 * authority per scope ({@code read} also grants the VIEWER role the read services require); a bad one is
 * answered 401 at once. No header: the request goes on unauthenticated and the chain's rules answer.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthenticator authenticator;
    private final ApiProblemWriter problems;

    public ApiTokenAuthenticationFilter(ApiTokenAuthenticator authenticator, ApiProblemWriter problems) {
        this.authenticator = authenticator;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiToken> token = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authenticator.authenticate(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (token.isEmpty()) {
            problems.write(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "Invalid API token",
                    "The token is unknown, revoked or expired. Send 'Authorization: Bearer <token>' with a valid token.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(new ApiPrincipal(token.get())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authenticated API token. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final ApiPrincipal principal;

        TokenAuthentication(ApiPrincipal principal) {
            super(authorities(principal.token()));
            this.principal = principal;
            setAuthenticated(true);
        }

        private static List<GrantedAuthority> authorities(ApiToken token) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (ApiScope scope : token.scopes()) {
                authorities.add(new SimpleGrantedAuthority(scope.authority()));
            }
            if (token.scopes().contains(ApiScope.READ)) {
                authorities.add(new SimpleGrantedAuthority(Roles.authority(Roles.VIEWER)));
            }
            return authorities;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiPrincipal getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.name();
        }
    }
}
