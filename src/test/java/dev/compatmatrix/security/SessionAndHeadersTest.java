package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        MockHttpSession before = new MockHttpSession();
        String idBefore = before.getId();
        var after = mvc.perform(post("/login").param("username", "viewer").param("password", "viewer")
                        .with(csrf()).session(before))
                .andReturn().getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(idBefore);
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        // Served by Spring MVC (MockMvc cannot run the Vaadin servlet); the headers come from the security chain.
        mvc.perform(get("/actuator/health"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Cache-Control"));
    }
}
