package dev.compatmatrix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Tests run at a fixed point in time (still ticking) shortly after the demo data's "now", so age-based rules
 * such as stale validations give the same answers on any day the tests run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final Instant START = Instant.parse("2026-11-27T00:00:00Z");

    @Bean
    @Primary
    Clock testClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
    }
}
