package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** "Your account" through the real security chain: own password change and signing out of the other sessions. */
class AccountServiceTest extends WritingIntegrationTest {

    private static final String FIRST = "the first long password";

    @Autowired
    AccountService account;

    @Autowired
    UserAdminService users;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    /** A session id for refusals, which end no session. */
    private static final String HERE = "this-session";

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private void createUser(String username) {
        signIn("admin", Roles.ADMIN);
        users.create(username, FIRST, new UserAdminService.UserChange(null, Set.of(Roles.EDITOR), null, true));
        SecurityContextHolder.clearContext();
    }

    private MockHttpSession signInWith(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(authenticated())
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void a_wrong_old_password_is_refused_the_policy_applies_and_then_only_the_new_password_signs_in() throws Exception {
        createUser("changer");
        MockHttpSession here = signInWith("changer", FIRST);
        MockHttpSession elsewhere = signInWith("changer", FIRST);
        signIn("changer", Roles.EDITOR);
        String hashBefore = hash("changer");

        assertThatThrownBy(() -> account.changeMyPassword("not my password", "a brand new long password", HERE))
                .isInstanceOf(UserAdminException.class)
                .hasMessage("That is not your current password; nothing was changed")
                .extracting(e -> ((UserAdminException) e).field())
                .isEqualTo("oldPassword");
        assertThatThrownBy(() -> account.changeMyPassword(FIRST, "short", HERE))
                .hasMessage("A password needs at least 12 characters");
        assertThatThrownBy(() -> account.changeMyPassword(FIRST, "changer", HERE))
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> account.changeMyPassword(FIRST, FIRST, HERE)).hasMessageContaining("current one");
        assertThat(hash("changer")).as("refusals change nothing").isEqualTo(hashBefore);
        SecurityContextHolder.clearContext();
        mvc.perform(get("/actuator/health").session(elsewhere))
                .andExpect(authenticated().withUsername("changer"));
        signIn("changer", Roles.EDITOR);

        account.changeMyPassword(FIRST, "a brand new long password", here.getId());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'user.password' AND actor = 'changer'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        SecurityContextHolder.clearContext();
        // A session that knew the old password ends; this one stays.
        mvc.perform(get("/dashboard").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/actuator/health").session(here))
                .andExpect(authenticated().withUsername("changer"));
        mvc.perform(formLogin("/login").user("changer").password(FIRST)).andExpect(unauthenticated());
        signInWith("changer", "a brand new long password");
    }

    @Test
    void signing_out_of_other_sessions_ends_the_other_session_and_keeps_this_one() throws Exception {
        createUser("traveller");
        MockHttpSession here = signInWith("traveller", FIRST);
        MockHttpSession elsewhere = signInWith("traveller", FIRST);
        MockHttpSession someoneElse = signInWith("editor", "editor");

        signIn("traveller", Roles.EDITOR);
        account.signOutMyOtherSessions(here.getId());
        SecurityContextHolder.clearContext();

        mvc.perform(get("/dashboard").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/actuator/health").session(here))
                .andExpect(authenticated().withUsername("traveller"));
        mvc.perform(get("/actuator/health").session(here))
                .andExpect(authenticated().withUsername("traveller"));
        mvc.perform(get("/actuator/health").session(someoneElse))
                .andExpect(authenticated().withUsername("editor"));
    }

    @Test
    void the_account_shows_the_callers_roles_and_validator() {
        signIn("validator1", Roles.VALIDATOR);
        var mine = account.myAccount();
        assertThat(mine.username()).isEqualTo("validator1");
        assertThat(mine.roles()).contains(Roles.VALIDATOR);
        assertThat(mine.validatorName()).isNotBlank();
        assertThat(mine.level()).isNotNull();
    }

    private String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_users WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }
}
