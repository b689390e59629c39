package dev.compatmatrix.ingest;

import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Creates API tokens as an admin would, for tests that call the API. */
public final class IngestApiSupport {

    private IngestApiSupport() {}

    /** A new token's secret, for the named automated validator (demo: nightly-ci, level 2; hw-test-harness, level 1). */
    public static String token(ApiTokenService tokens, String validatorName, ApiScope... scopes) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin",
                        null,
                        java.util.List.of(
                                new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN),
                                new SimpleGrantedAuthority("ROLE_" + Roles.VIEWER))));
        try {
            int validatorId = tokens.automatedValidators().stream()
                    .filter(v -> v.name().equals(validatorName))
                    .findFirst()
                    .orElseThrow()
                    .validatorId();
            return tokens.create("test " + validatorName + " " + System.nanoTime(), validatorId, Set.of(scopes), 30)
                    .secret();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Calls the API through the real filter chains with a new token of nightly-ci's with these scopes. */
    public static ApiCaller caller(WebApplicationContext context, ApiTokenService tokens, ApiScope... scopes) {
        return new ApiCaller(
                MockMvcBuilders.webAppContextSetup(context)
                        .apply(SecurityMockMvcConfigurers.springSecurity())
                        .build(),
                token(tokens, "nightly-ci", scopes));
    }

    /** A client of the API with its token. */
    public record ApiCaller(MockMvc mvc, String token) {

        /** The request with the token. */
        public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
            return mvc.perform(request.header("Authorization", "Bearer " + token));
        }
    }
}
