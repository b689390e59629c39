package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.security.SessionTimeouts.Stamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** OWASP ASVS 3.3: a session ends after a time without use (heartbeats are not use) and a fixed time after sign-in. */
class SessionTimeoutsTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Clock clock;

    @Value("${compat.session.absolute-timeout}")
    Duration absolute;

    @Value("${server.servlet.session.timeout}")
    Duration idle;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private MockHttpSession signedIn() throws Exception {
        var session =
                (MockHttpSession) mvc.perform(formLogin("/login").user("viewer").password("viewer"))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/actuator/health").session(session));
        return session;
    }

    private static Stamp stamp(MockHttpSession session) {
        return (Stamp) session.getAttribute(SessionTimeouts.STAMP);
    }

    /** A request with the session (MockMvc cannot run Vaadin's pages; the filter sees every request alike). */
    private ResultActions open(MockHttpSession session) throws Exception {
        return mvc.perform(get("/actuator/health").session(session));
    }

    /**
     * The session is over and the request is sent to the sign-in page saying so (Vaadin's own requests get Vaadin's
     * "session expired" answer instead, see SessionEndedBrowserIT).
     */
    private static void assertEnded(MockHttpSession session, ResultActions request) throws Exception {
        assertThat(session.isInvalid()).isTrue();
        request.andExpect(unauthenticated()).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void the_first_request_after_sign_in_records_the_sign_in() throws Exception {
        MockHttpSession session = signedIn();
        assertThat(stamp(session).sessionId()).isEqualTo(session.getId());
        assertThat(Duration.between(stamp(session).signedInAt(), clock.instant()))
                .isBetween(Duration.ZERO, Duration.ofMinutes(1));
    }

    @Test
    void an_active_session_ends_once_the_absolute_limit_has_passed() throws Exception {
        MockHttpSession session = signedIn();
        Instant now = clock.instant();
        session.setAttribute(
                SessionTimeouts.STAMP,
                new Stamp(session.getId(), now.minus(absolute).minusSeconds(1), now));
        assertEnded(session, open(session));
    }

    @Test
    void a_session_unused_for_longer_than_the_idle_limit_ends_even_after_heartbeats() throws Exception {
        MockHttpSession session = signedIn();
        Instant now = clock.instant();
        Instant lastUse = now.minus(idle).plusSeconds(30);
        session.setAttribute(SessionTimeouts.STAMP, new Stamp(session.getId(), lastUse, lastUse));
        // A heartbeat within the limit keeps the session but is not use.
        mvc.perform(get("/actuator/health").param("v-r", "heartbeat").session(session));
        assertThat(session.isInvalid()).isFalse();
        assertThat(stamp(session).lastUsedAt()).isEqualTo(lastUse);

        Instant tooLongAgo = now.minus(idle).minusSeconds(1);
        session.setAttribute(SessionTimeouts.STAMP, new Stamp(session.getId(), tooLongAgo, tooLongAgo));
        assertEnded(session, open(session));
    }

    @Test
    void use_within_the_limits_keeps_the_session_and_counts_as_use() throws Exception {
        MockHttpSession session = signedIn();
        Instant now = clock.instant();
        Instant signIn = now.minus(absolute).plusSeconds(60);
        Instant lastUse = now.minus(idle).plusSeconds(60);
        session.setAttribute(SessionTimeouts.STAMP, new Stamp(session.getId(), signIn, lastUse));
        mvc.perform(get("/actuator/health").session(session));
        assertThat(session.isInvalid()).isFalse();
        assertThat(stamp(session).signedInAt()).isEqualTo(signIn);
        assertThat(stamp(session).lastUsedAt()).isAfter(lastUse);
    }

    @Test
    void a_stamp_from_an_earlier_session_id_is_replaced_not_enforced() throws Exception {
        MockHttpSession session = signedIn();
        Instant longAgo = clock.instant().minus(absolute).minusSeconds(1);
        session.setAttribute(SessionTimeouts.STAMP, new Stamp("an-earlier-id", longAgo, longAgo));
        mvc.perform(get("/actuator/health").session(session));
        assertThat(session.isInvalid()).isFalse();
        assertThat(stamp(session).sessionId()).isEqualTo(session.getId());
    }
}
