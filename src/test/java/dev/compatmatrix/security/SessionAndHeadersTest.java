package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import dev.compatmatrix.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** OWASP ASVS 3.2.1 (a new session id at sign-in) and the security headers every page carries. */
class SessionAndHeadersTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void signing_in_gives_a_new_session_id() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        MockHttpSession before = new MockHttpSession();
        String idBefore = before.getId();
        var after = mvc.perform(post("/login")
                        .param("username", "viewer")
                        .param("password", "viewer")
                        .with(csrf())
                        .session(before))
                .andReturn()
                .getRequest()
                .getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(idBefore);
    }

    @Test
    void pages_and_api_answers_carry_a_content_security_policy_referrer_and_permissions_policy() throws Exception {
        MockMvc mvc = withServletFilters();
        // (A path MockMvc can answer without the Vaadin servlet; every non-API answer gets the page policy.)
        var page = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        String csp = page.getHeader("Content-Security-Policy");
        assertThat(csp)
                .as("page CSP")
                .isNotNull()
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'")
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'unsafe-eval';");
        String scripts = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
        assertThat(scripts)
                .as("no inline script or event handler without the nonce")
                .doesNotContain("unsafe-inline");
        assertThat(mvc.perform(get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getHeader("Content-Security-Policy"))
                .as("a new nonce per response")
                .isNotEqualTo(csp);
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");

        var api = mvc.perform(get("/api/v1/matrix")).andReturn().getResponse();
        assertThat(api.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(api.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    /** MockMvc with the application's own servlet filters as the server runs them, and the security chains. */
    private MockMvc withServletFilters() {
        var filters = context.getBeansOfType(jakarta.servlet.Filter.class).values().stream()
                .filter(filter -> filter.getClass().getPackageName().startsWith("dev.compatmatrix"))
                .sorted(org.springframework.core.annotation.AnnotationAwareOrderComparator.INSTANCE)
                .toArray(jakarta.servlet.Filter[]::new);
        return MockMvcBuilders.webAppContextSetup(context)
                .addFilters(filters)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        // Served by Spring MVC (MockMvc cannot run the Vaadin servlet); the headers come from the security chain.
        mvc.perform(get("/actuator/health"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Cache-Control"));
    }
}
