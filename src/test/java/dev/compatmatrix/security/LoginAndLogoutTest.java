package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The real security filter chain: form login against the users in DuckDB, and logout. */
class LoginAndLogoutTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "editor", "validator1", "validator2", "validator3", "admin"})
    void each_demo_user_signs_in_with_the_user_name_as_password(String username) throws Exception {
        mvc.perform(formLogin("/login").user(username).password(username))
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void roles_come_from_the_database_and_every_role_may_view() throws Exception {
        mvc.perform(formLogin("/login").user("validator2").password("validator2"))
                .andExpect(authenticated().withRoles("VALIDATOR", "VIEWER"));
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_answer() throws Exception {
        mvc.perform(formLogin("/login").user("viewer").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void signing_in_without_the_csrf_token_is_refused() throws Exception {
        // Login CSRF: a page on another site posting the attacker's name and password must not sign the victim in.
        mvc.perform(post("/login").param("username", "viewer").param("password", "viewer"))
                .andExpect(unauthenticated())
                .andExpect(status().isForbidden());
        mvc.perform(post("/login")
                        .param("username", "viewer")
                        .param("password", "viewer")
                        .with(csrf().useInvalidToken()))
                .andExpect(unauthenticated())
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymous_requests_that_no_page_answers_are_sent_to_the_login_page() throws Exception {
        // (MockMvc runs no Vaadin servlet; that anonymous page requests get the sign-in page is NavigationBrowserIT's.)
        mvc.perform(post("/dashboard").with(csrf())).andExpect(redirectedUrl("/login"));
    }

    @Test
    void logout_ends_the_session() throws Exception {
        var login = mvc.perform(formLogin("/login").user("viewer").password("viewer"))
                .andExpect(authenticated())
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/actuator/health").session(session))
                .andExpect(authenticated().withUsername("viewer"));

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/actuator/health").session(session)).andExpect(unauthenticated());
    }

    @Test
    void stored_passwords_are_bcrypt_hashes() {
        List<String> hashes = jdbc.sql("SELECT password_hash FROM app_users")
                .query(String.class)
                .list();
        assertThat(hashes).hasSize(6).allSatisfy(hash -> assertThat(hash).matches("\\{bcrypt}\\$2[aby]\\$10\\$.{53}"));
        String viewerHash = jdbc.sql("SELECT password_hash FROM app_users WHERE username = 'viewer'")
                .query(String.class)
                .single();
        assertThat(passwords.matches("viewer", viewerHash)).isTrue();
        assertThat(passwords.matches("Viewer", viewerHash)).isFalse();
    }
}
