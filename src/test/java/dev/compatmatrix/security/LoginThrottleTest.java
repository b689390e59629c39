package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import dev.compatmatrix.WritingIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

class LoginThrottleTest extends WritingIntegrationTest {

    @Autowired
    WebApplicationContext context;

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
        LoginThrottle throttle = new LoginThrottle(clock);
        throttle.failed("Eve");
        throttle.failed("eve");
        assertThat(throttle.mustWait("eve")).isFalse();
        throttle.failed("eve");
        assertThat(throttle.mustWait("EVE")).isTrue();
        assertThat(throttle.mustWait("someone-else")).isFalse();
        clock.advance(Duration.ofMillis(1001));
        assertThat(throttle.mustWait("eve")).isFalse();
        throttle.failed("eve");
        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.mustWait("eve")).as("the fourth failure waits 2 s").isTrue();
        assertThat(LoginThrottle.delay(30)).isEqualTo(Duration.ofSeconds(60));
        throttle.succeeded("eve");
        assertThat(throttle.mustWait("eve")).isFalse();
    }

    @Test
    void guessing_one_accounts_password_slows_that_account_only() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        for (int i = 0; i < 3; i++) {
            mvc.perform(formLogin("/login").user("validator2").password("guess-" + i)).andExpect(unauthenticated());
        }
        // Right after the third failure even the right password is refused, with the same answer as a wrong one.
        mvc.perform(formLogin("/login").user("validator2").password("validator2")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("viewer").password("viewer")).andExpect(authenticated());
    }
}
