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
import dev.compatmatrix.security.repository.SessionGenerationRepository;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

class UserAdminServiceTest extends WritingIntegrationTest {

    @Autowired
    UserAdminService users;

    @Autowired
    WebApplicationContext context;

    private static UserAdminService.UserChange change(boolean enabled, String... roles) {
        return new UserAdminService.UserChange("Someone", Set.of(roles), null, enabled);
    }

    @Test
    void an_admin_creates_a_user_who_can_sign_in_and_the_password_policy_applies() throws Exception {
        signIn("admin", Roles.ADMIN);
        assertThatThrownBy(() -> users.create("newbie", "short", change(true, Roles.EDITOR)))
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> users.create("newbie-long-name", "newbie-long-name", change(true, Roles.EDITOR)))
                .hasMessageContaining("not be the user name");
        assertThatThrownBy(() -> users.create("x y", "a good long password", change(true, Roles.EDITOR)))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> users.create("editor", "a good long password", change(true, Roles.EDITOR)))
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> users.create("newbie", "a good long password", change(true)))
                .hasMessageContaining("at least one role");
        var created = users.create("newbie", "a good long password", change(true, Roles.EDITOR));
        assertThat(created.roles()).containsExactly(Roles.EDITOR);
        SecurityContextHolder.clearContext();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        mvc.perform(formLogin("/login").user("newbie").password("a good long password"))
                .andExpect(authenticated());
    }

    @Test
    void the_last_enabled_admin_can_be_neither_disabled_nor_demoted() {
        signIn("admin", Roles.ADMIN);
        assertThatThrownBy(() -> users.update("admin", change(false, Roles.ADMIN)))
                .hasMessageContaining("last enabled admin");
        assertThatThrownBy(() -> users.update("admin", change(true, Roles.VIEWER)))
                .hasMessageContaining("last enabled admin");
        users.create("second-admin", "another long password", change(true, Roles.ADMIN));
        users.update("second-admin", change(true, Roles.VIEWER)); // fine: "admin" is still an admin
        assertThat(users.list())
                .filteredOn(u -> u.username().equals("admin"))
                .singleElement()
                .satisfies(u -> assertThat(u.roles()).contains(Roles.ADMIN));
    }

    @Test
    void disabling_a_user_ends_their_session_and_stops_new_sign_ins() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        signIn("admin", Roles.ADMIN);
        users.create("leaver", "a good long password", change(true, Roles.VIEWER));
        SecurityContextHolder.clearContext();
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user("leaver").password("a good long password"))
                        .andExpect(authenticated())
                        .andReturn()
                        .getRequest()
                        .getSession();

        signIn("admin", Roles.ADMIN);
        users.update("leaver", change(false, Roles.VIEWER));
        SecurityContextHolder.clearContext();
        mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(formLogin("/login").user("leaver").password("a good long password"))
                .andExpect(unauthenticated());
    }

    @Autowired
    SessionGenerationRepository sessionGenerations;

    @Test
    void a_session_ended_on_another_node_ends_here_on_its_next_request() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        signIn("admin", Roles.ADMIN);
        users.create("elsewhere", "a good long password", change(true, Roles.VIEWER));
        SecurityContextHolder.clearContext();
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user("elsewhere").password("a good long password"))
                        .andExpect(authenticated())
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/actuator/health").session(session))
                .andExpect(authenticated().withUsername("elsewhere"));

        // What disabling the user on another node leaves in the shared database; this node's registry is untouched.
        sessionGenerations.next("elsewhere");
        mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void resetting_a_password_applies_the_policy_and_the_new_one_works() throws Exception {
        signIn("admin", Roles.ADMIN);
        users.create("forgetful", "the first long password", change(true, Roles.VIEWER));
        assertThatThrownBy(() -> users.resetPassword("forgetful", "short")).hasMessageContaining("at least 12");
        users.resetPassword("forgetful", "the second long password");
        SecurityContextHolder.clearContext();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        mvc.perform(formLogin("/login").user("forgetful").password("the first long password"))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("forgetful").password("the second long password"))
                .andExpect(authenticated());
    }

    @Test
    void only_admins_manage_users() {
        for (String role : List.of(Roles.VIEWER, Roles.EDITOR, Roles.VALIDATOR)) {
            signIn("someone", role);
            assertThatThrownBy(() -> users.list()).as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.create("x1", "a good long password", change(true, Roles.VIEWER)))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.update("editor", change(false, Roles.EDITOR)))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.resetPassword("editor", "a good long password"))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
