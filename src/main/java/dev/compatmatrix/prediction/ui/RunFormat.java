package dev.compatmatrix.prediction.ui;

import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.RunState;
import dev.compatmatrix.prediction.repository.PredictionRunRepository.Trigger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** How the Predictions screen writes a run's figures and kinds: one place, so the grid, tables and texts agree. */
final class RunFormat {

    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private RunFormat() {}

    static String accuracy(Metrics m) {
        return m == null ? "—" : String.format(Locale.ROOT, "%.1f %%", m.accuracy() * 100);
    }

    static String macroF1(Metrics m) {
        return decimal(m, Metrics::macroF1);
    }

    static String ece(Metrics m) {
        return decimal(m, Metrics::ece);
    }

    /** "81.2 % (baseline 70.0 %)". */
    static String beside(Metrics model, Metrics baseline, java.util.function.Function<Metrics, String> figure) {
        return model == null ? "—" : figure.apply(model) + " (baseline " + figure.apply(baseline) + ")";
    }

    private static String decimal(Metrics m, ToDoubleFunction<Metrics> figure) {
        return m == null ? "—" : String.format(Locale.ROOT, "%.3f", figure.applyAsDouble(m));
    }

    static String time(LocalDateTime at) {
        return at == null ? "" : UTC_TIME.format(at);
    }

    static String trigger(Trigger trigger) {
        return switch (trigger) {
            case ADMIN -> "Admin";
            case CHANGES -> "After changes";
            case NIGHTLY -> "Nightly";
            case START_UP -> "Start-up";
        };
    }

    static String state(RunState state) {
        return switch (state) {
            case RUNNING -> "Running";
            case ADOPTED -> "Adopted";
            case NOT_ADOPTED -> "Not adopted";
            case FAILED -> "Failed";
        };
    }

    static String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        return millis < 60_000
                ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : String.format(Locale.ROOT, "%d min %d s", millis / 60_000, millis % 60_000 / 1000);
    }
}
