package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.security.AbsoluteSessionTimeout.SignedIn;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** OWASP ASVS 3.3: a signed-in session ends a fixed time after sign-in, however active it is. */
class SessionTimeoutTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Clock clock;
    @Value("${compat.session.absolute-timeout}")
    Duration limit;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private MockHttpSession signedIn() throws Exception {
        var session = (MockHttpSession) mvc.perform(formLogin("/login").user("viewer").password("viewer"))
                .andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/actuator/health").session(session));
        return session;
    }

    @Test
    void the_first_request_after_sign_in_records_when_the_user_signed_in() throws Exception {
        MockHttpSession session = signedIn();
        assertThat(session.getAttribute(AbsoluteSessionTimeout.SIGNED_IN)).isInstanceOfSatisfying(SignedIn.class,
                stamp -> {
                    assertThat(stamp.sessionId()).isEqualTo(session.getId());
                    assertThat(Duration.between(stamp.at(), clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(1));
                });
    }

    @Test
    void an_active_session_ends_once_the_absolute_limit_has_passed() throws Exception {
        MockHttpSession session = signedIn();
        session.setAttribute(AbsoluteSessionTimeout.SIGNED_IN,
                new SignedIn(session.getId(), clock.instant().minus(limit).minusSeconds(1)));
        var response = mvc.perform(get("/").session(session)).andReturn().getResponse();
        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void a_session_within_the_limit_stays() throws Exception {
        MockHttpSession session = signedIn();
        session.setAttribute(AbsoluteSessionTimeout.SIGNED_IN,
                new SignedIn(session.getId(), clock.instant().minus(limit).plusSeconds(60)));
        mvc.perform(get("/actuator/health").session(session));
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void a_stamp_from_an_earlier_session_id_is_replaced_not_enforced() throws Exception {
        MockHttpSession session = signedIn();
        session.setAttribute(AbsoluteSessionTimeout.SIGNED_IN,
                new SignedIn("an-earlier-id", clock.instant().minus(limit).minusSeconds(1)));
        mvc.perform(get("/actuator/health").session(session));
        assertThat(session.isInvalid()).isFalse();
        assertThat(((SignedIn) session.getAttribute(AbsoluteSessionTimeout.SIGNED_IN)).sessionId()).isEqualTo(session.getId());
    }
}
