package dev.compatmatrix.validation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.Staleness;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One staleness setting, one cut-off: the matrix and the queue both take theirs from {@link Staleness} (the model page reads the matrix's). */
class StalenessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDateTime THIRTY_DAYS_AGO = LocalDateTime.of(2026, 5, 31, 12, 0);

    @Test
    void the_setting_decides_the_cut_off_and_180_days_is_the_default() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withBean(Clock.class, () -> CLOCK)
                .withBean(Staleness.class);
        context.withPropertyValues("compat.validation.stale-after-days=30")
                .run(beans ->
                        assertThat(beans.getBean(Staleness.class).staleBefore()).isEqualTo(THIRTY_DAYS_AGO));
        context.run(beans -> assertThat(beans.getBean(Staleness.class).staleBefore())
                .isEqualTo(LocalDateTime.of(2026, 1, 1, 12, 0)));
    }

    @Test
    void the_matrix_and_the_queue_read_the_same_cut_off() {
        Staleness staleness = new Staleness(CLOCK, 30);
        MatrixQuery matrix = new MatrixQuery(null, null, staleness);
        QueueQuery queue = new QueueQuery(null, CLOCK, staleness);
        assertThat(matrix.staleBefore()).isEqualTo(THIRTY_DAYS_AGO);
        assertThat(matrix.allRowsStatement(MatrixFilter.NONE, MatrixSort.BY_NAME)
                        .params())
                .containsEntry("staleBefore", THIRTY_DAYS_AGO);
        assertThat(queue.countStatement(QueueFilter.ALL).params()).containsEntry("staleBefore", THIRTY_DAYS_AGO);
        assertThat(queue.pageStatement(QueueFilter.ALL, 0, 50).params()).containsEntry("staleBefore", THIRTY_DAYS_AGO);
    }
}
