package dev.compatmatrix.base;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Where one request's time goes, step by step, on the thread that handles it: the request starts a recording, code
 * on the way marks the end of each named step (the time since the previous mark is the step's; a step marked twice
 * adds up), the request stops it. Without a recording on the thread a mark is one thread-local read, so the marks
 * can stay in the write path. Ingest records a batch's steps when its logger is at debug (BENCHMARKS.md, issue 24).
 */
public final class StepTimes {

    private static final ThreadLocal<StepTimes> CURRENT = new ThreadLocal<>();
    private static volatile Consumer<StepTimes> listener;

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private long last = started;
    private long total;

    private StepTimes() {}

    /** Starts recording on this thread (replacing any recording left on it). */
    public static StepTimes start() {
        StepTimes steps = new StepTimes();
        CURRENT.set(steps);
        return steps;
    }

    /** Ends the step that ran since the previous mark, if this thread is recording. */
    public static void mark(String step) {
        StepTimes steps = CURRENT.get();
        if (steps != null) {
            long now = System.nanoTime();
            steps.nanos.merge(step, now - steps.last, Long::sum);
            steps.last = now;
        }
    }

    /** Stops this thread's recording (the time since the last mark becomes {@code lastStep}) and hands it on. */
    public void stop(String lastStep) {
        mark(lastStep);
        total = last - started;
        CURRENT.remove();
        Consumer<StepTimes> to = listener;
        if (to != null) {
            to.accept(this);
        }
    }

    /** Who receives every stopped recording (a benchmark's profile); null: nobody. */
    public static void listen(Consumer<StepTimes> receiver) {
        listener = receiver;
    }

    /** The steps in the order first marked, in nanoseconds. */
    public Map<String, Long> nanos() {
        return nanos;
    }

    public long totalNanos() {
        return total;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f ms: ", total / 1e6)
                + nanos.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e6))
                        .collect(Collectors.joining(", "));
    }
}
