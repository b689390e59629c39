package dev.compatmatrix.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.history.LevelTimeline.Period;
import dev.compatmatrix.history.query.LevelChange;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelTimelineTest {

    private static final LocalDateTime JAN = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final LocalDateTime MAR = LocalDateTime.of(2026, 3, 1, 0, 0);
    private static final LocalDateTime MAY = LocalDateTime.of(2026, 5, 1, 0, 0);
    private static final LocalDateTime JUL = LocalDateTime.of(2026, 7, 1, 0, 0);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 1, 0, 0);

    @Test
    void each_level_lasts_until_the_next_change_and_the_last_until_now() {
        var periods = LevelTimeline.periods(
                List.of(
                        new LevelChange(Platform.CUDA, CompatibilityLevel.LOW, JAN),
                        new LevelChange(Platform.ROCM, CompatibilityLevel.MEDIUM, MAR),
                        new LevelChange(Platform.CUDA, CompatibilityLevel.HIGH, MAY)),
                null,
                NOW);
        assertThat(periods)
                .containsExactly(
                        new Period(Platform.CUDA, CompatibilityLevel.LOW, JAN, MAY),
                        new Period(Platform.CUDA, CompatibilityLevel.HIGH, MAY, NOW),
                        new Period(Platform.ROCM, CompatibilityLevel.MEDIUM, MAR, NOW));
    }

    @Test
    void a_removed_claim_ends_its_period_and_shows_nothing_after() {
        var periods = LevelTimeline.periods(
                List.of(
                        new LevelChange(Platform.MPS, CompatibilityLevel.HIGH, JAN),
                        new LevelChange(Platform.MPS, null, MAR)),
                null,
                NOW);
        assertThat(periods).containsExactly(new Period(Platform.MPS, CompatibilityLevel.HIGH, JAN, MAR));
    }

    @Test
    void periods_are_clipped_to_the_range() {
        var periods = LevelTimeline.periods(
                List.of(
                        new LevelChange(Platform.CPU, CompatibilityLevel.LOW, JAN),
                        new LevelChange(Platform.CPU, CompatibilityLevel.HIGH, JUL)),
                MAR,
                MAY);
        assertThat(periods).containsExactly(new Period(Platform.CPU, CompatibilityLevel.LOW, MAR, MAY));
    }
}
