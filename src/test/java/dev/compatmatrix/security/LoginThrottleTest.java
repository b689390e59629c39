package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.security.repository.SignInFailureRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest extends WritingIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    SignInFailureRepository failures;

    @Autowired
    LoginThrottle appThrottle;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void the_delay_starts_at_the_third_failure_grows_and_ends() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(failures, clock);
        throttle.failed("Eve", "10.0.0.1");
        throttle.failed("eve", "10.0.0.1");
        assertThat(throttle.mustWait("eve", "10.0.0.1")).isEmpty();
        throttle.failed("eve", "10.0.0.1");
        assertThat(throttle.mustWait("EVE", "10.0.0.1")).isPresent();
        assertThat(throttle.mustWait("someone-else", "10.0.0.1")).isEmpty();
        assertThat(throttle.mustWait("eve", "10.0.0.2"))
                .as("the same account from elsewhere")
                .isEmpty();
        clock.advance(Duration.ofMillis(1001));
        assertThat(throttle.mustWait("eve", "10.0.0.1")).isEmpty();
        throttle.failed("eve", "10.0.0.1");
        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.mustWait("eve", "10.0.0.1"))
                .as("the fourth failure waits 2 s")
                .isPresent();
        assertThat(LoginThrottle.delay(30)).isEqualTo(Duration.ofSeconds(60));
        throttle.succeeded("eve", "10.0.0.1");
        assertThat(throttle.mustWait("eve", "10.0.0.1")).isEmpty();
    }

    @Test
    void failures_on_one_node_slow_the_same_guesses_on_another() {
        ManualClock clock = new ManualClock();
        LoginThrottle nodeA = new LoginThrottle(failures, clock);
        LoginThrottle nodeB = new LoginThrottle(failures, clock);
        nodeA.failed("mallory-target", "10.0.0.7");
        nodeB.failed("mallory-target", "10.0.0.7");
        assertThat(nodeA.mustWait("mallory-target", "10.0.0.7")).isEmpty();
        nodeA.failed("mallory-target", "10.0.0.7");
        assertThat(nodeB.mustWait("mallory-target", "10.0.0.7"))
                .as("the third failure, counted over two nodes, makes the other node wait too")
                .contains("too many failed sign-ins for this account from this address");
        for (int i = 0; i < 8; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed("sprayed-" + i, "10.0.0.7");
        }
        assertThat(nodeB.mustWait("someone-new", "10.0.0.7"))
                .as("eleven failures from one address, on two nodes")
                .contains("too many failed sign-ins from this address");
    }

    @Test
    void failures_older_than_an_hour_are_forgotten() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(failures, clock);
        for (int i = 0; i < 3; i++) {
            throttle.failed("forgotten", "10.0.0.8");
        }
        clock.advance(Duration.ofMinutes(59));
        throttle.forgetOldFailures();
        assertThat(failures.find(java.util.List.of("account\nforgotten\n10.0.0.8")))
                .hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        throttle.forgetOldFailures();
        assertThat(failures.find(java.util.List.of("account\nforgotten\n10.0.0.8", "address\n10.0.0.8")))
                .isEmpty();
    }

    @Test
    void guessing_one_accounts_password_slows_that_account_only() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        for (int i = 0; i < 3; i++) {
            mvc.perform(login("validator2", "guess-" + i, "192.0.2.10")).andExpect(unauthenticated());
        }
        // Right after the third failure even the right password is refused, with the same answer as a wrong one.
        mvc.perform(login("validator2", "validator2", "192.0.2.10")).andExpect(unauthenticated());
        mvc.perform(login("viewer", "viewer", "192.0.2.10")).andExpect(authenticated());
    }

    @Test
    void an_attacker_guessing_from_elsewhere_does_not_keep_the_owner_out(CapturedOutput log) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        for (int i = 0; i < 6; i++) {
            mvc.perform(login("validator3", "guess-" + i, "203.0.113.66")).andExpect(unauthenticated());
        }
        // As below: on a slow machine the guesses' short wait may be over, so the account fails on at that address.
        for (int i = 0; i < 7; i++) {
            appThrottle.failed("validator3", "203.0.113.66");
        }
        mvc.perform(login("validator3", "validator3", "203.0.113.66")).andExpect(unauthenticated());
        mvc.perform(login("validator3", "validator3", "198.51.100.7"))
                .andExpect(authenticated().withUsername("validator3"));
        assertThat(log.getOut())
                .contains("Sign-in failed for 'validator3' from 203.0.113.66")
                .contains(
                        "Sign-in refused for 'validator3' from 203.0.113.66: too many failed sign-ins for this account"
                                + " from this address")
                .contains("Signed in: 'validator3' from 198.51.100.7");
    }

    @Test
    void spraying_many_user_names_from_one_address_is_capped(CapturedOutput log) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        for (int i = 0; i < 200; i++) {
            mvc.perform(login("sprayed-" + i, "Winter2026!", "203.0.113.99")).andExpect(unauthenticated());
        }
        long checked = log.getOut()
                .lines()
                .filter(line ->
                        line.contains("Sign-in failed for 'sprayed-") && line.contains("BadCredentialsException"))
                .count();
        // The free ones, then one after each growing delay (1 s, 2 s, 4 s …) while the spray lasts.
        assertThat(checked)
                .as("passwords checked out of 200 sprayed attempts")
                .isBetween(
                        (long) LoginThrottle.FREE_FAILURES_PER_ADDRESS + 1,
                        LoginThrottle.FREE_FAILURES_PER_ADDRESS + 6L);
        assertThat(log.getOut())
                .contains("Sign-in refused for 'sprayed-199' from 203.0.113.99: too many failed sign-ins"
                        + " from this address");
        // Even a right password waits at that address, while the same account signs in from another one. The spray's
        // last wait may just have ended on a slow machine, so the address fails on until its wait is the longest.
        for (int i = 0; i < 7; i++) {
            appThrottle.failed("sprayed-late", "203.0.113.99");
        }
        mvc.perform(login("editor", "editor", "203.0.113.99")).andExpect(unauthenticated());
        mvc.perform(login("editor", "editor", "198.51.100.8")).andExpect(authenticated());
    }

    /** The sign-in form posted (with its CSRF token) from a client at this address. */
    private static MockHttpServletRequestBuilder login(String user, String password, String address) {
        return post("/login")
                .param("username", user)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}
