package dev.compatmatrix.benchmark;

import dev.compatmatrix.Application;
import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.base.db.CommitSignal;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.matrix.store.MatrixVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How node B learns of a change committed on node A, two ways, on one PostgreSQL database (issue 19, "choose by
 * measurement"): PostgreSQL's {@code LISTEN/NOTIFY} as the console does it ({@code PostgresCommitSignal}, and
 * {@link LiveChanges} reading the change's events on B), against polling the matrix data version
 * ({@link MatrixVersion#DATA_SQL}) every 100, 250 and 1,000 ms on B. Two whole applications in this JVM (node A loads
 * the demo data), so that one clock times both sides.
 *
 * <p>Latency: node A commits single-result writes, each after a random pause of 100–600 ms (so that writes fall at
 * every phase of the poll ticks); for each write, from the moment A issues COMMIT (the end of its transaction's work)
 * to the moment node B's signal listener, B's LiveChanges subscriber, and each poller (the first poll answering a
 * version that includes the write) know of it. All three pollers run during the same writes, beside the listener.
 *
 * <p>Idle cost: while nothing is written, the transactions the database counts ({@code pg_stat_database}: every
 * statement in autocommit is one) per second, first with the two nodes as built (listening), then with one poller
 * added at each interval; and what one poll costs (its time on B) with few version marks and with 9,999 (the most
 * there are before the version's fold).
 *
 * <p>Run with {@code ./mvnw -B -q -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=live-signal}. Arguments
 * (optional): writes (200), seconds per idle phase (30).
 */
public final class LiveSignalBenchmark {

    private static final int[] POLL_MS = {100, 250, 1000};

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int writes = Bench.intArg(args, 0, 200);
        int idleSeconds = Bench.intArg(args, 1, 30);
        String loadAtStart = Bench.loadAverage();
        String url = PostgresTestServer.shared().newDatabase("live_signal");
        try (ConfigurableApplicationContext nodeA = startNode(url, true);
                ConfigurableApplicationContext nodeB = startNode(url, false)) {
            System.out.printf(
                    Locale.ROOT,
                    "%nLive updates across nodes: two nodes in one JVM on PostgreSQL %s, %d writes, %d s idle phases, "
                            + "%d cores, load average %s%n",
                    url,
                    writes,
                    idleSeconds,
                    Runtime.getRuntime().availableProcessors(),
                    loadAtStart);
            var benchmark = new LiveSignalBenchmark(nodeA, nodeB);
            benchmark.latency(writes);
            benchmark.idleCost(idleSeconds);
            System.out.printf(Locale.ROOT, "Load average at the end: %s%n", Bench.loadAverage());
        }
    }

    private final ConfigurableApplicationContext nodeA;
    private final ConfigurableApplicationContext nodeB;
    private final JdbcClient jdbcA;
    private final JdbcClient jdbcB;

    private LiveSignalBenchmark(ConfigurableApplicationContext nodeA, ConfigurableApplicationContext nodeB) {
        this.nodeA = nodeA;
        this.nodeB = nodeB;
        this.jdbcA = nodeA.getBean(JdbcClient.class);
        this.jdbcB = nodeB.getBean(JdbcClient.class);
    }

    /** One write of node A: its change id, the data version's change count after it, and when COMMIT was issued. */
    private record Write(long changeId, long versionCount, long commitNanos) {}

    /** A poll's answer on node B: the version's change count and when the answer arrived. */
    private record Poll(long versionCount, long atNanos) {}

    private void latency(int writes) throws Exception {
        Map<Long, Long> signalled = new ConcurrentHashMap<>();
        Map<Long, Long> delivered = new ConcurrentHashMap<>();
        CommitSignal.Subscription listening =
                nodeB.getBean(CommitSignal.class).listen(id -> signalled.putIfAbsent(id, System.nanoTime()));
        Runnable subscribed = nodeB.getBean(LiveChanges.class)
                .subscribe(change ->
                        delivered.putIfAbsent(change.events().getFirst().changeId(), System.nanoTime()));
        List<List<Poll>> polls = new ArrayList<>();
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(POLL_MS.length);
        for (int interval : POLL_MS) {
            List<Poll> answers = new CopyOnWriteArrayList<>();
            polls.add(answers);
            pollers.scheduleAtFixedRate(
                    () -> answers.add(new Poll(versionCount(jdbcB), System.nanoTime())),
                    0,
                    interval,
                    TimeUnit.MILLISECONDS);
        }
        List<Write> done = new ArrayList<>();
        try {
            Random random = new Random(19);
            var changes = new OneResultWrites(nodeA, "signal-bench", random);
            Thread.sleep(1500); // every poller has answered at least once
            for (int i = 0; i < writes; i++) {
                Thread.sleep(100 + random.nextInt(500));
                OneResultWrites.Done write = changes.next();
                done.add(new Write(write.changeId(), versionCount(jdbcA), write.commitNanos()));
            }
            Thread.sleep(2 * POLL_MS[POLL_MS.length - 1] + 500);
        } finally {
            pollers.shutdownNow();
            listening.cancel();
            subscribed.run();
        }
        System.out.printf(
                Locale.ROOT,
                "%n| commit on node A → node B knows | writes seen | p50 ms | p95 ms | max ms |%n|---|---:|---:|---:|---:|%n");
        row("LISTEN/NOTIFY: B's commit-signal listener", done, w -> signalled.get(w.changeId()));
        row("LISTEN/NOTIFY: B's LiveChanges subscriber (events read)", done, w -> delivered.get(w.changeId()));
        for (int i = 0; i < POLL_MS.length; i++) {
            List<Poll> answers = polls.get(i);
            row(
                    "polling the data version every " + POLL_MS[i] + " ms",
                    done,
                    w -> answers.stream()
                            .filter(p -> p.versionCount() >= w.versionCount() && p.atNanos() >= w.commitNanos())
                            .mapToLong(Poll::atNanos)
                            .min()
                            .stream()
                            .boxed()
                            .findFirst()
                            .orElse(null));
        }
    }

    private static void row(String how, List<Write> writes, java.util.function.Function<Write, Long> knownAt) {
        List<Double> ms = new ArrayList<>();
        for (Write w : writes) {
            Long at = knownAt.apply(w);
            if (at != null) {
                ms.add((at - w.commitNanos()) / 1e6);
            }
        }
        double[] sorted =
                Bench.sorted(ms.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(
                Locale.ROOT,
                "| %s | %d of %d | %.1f | %.1f | %.1f |%n",
                how,
                sorted.length,
                writes.size(),
                sorted.length == 0 ? Double.NaN : Bench.percentile(sorted, 50),
                sorted.length == 0 ? Double.NaN : Bench.percentile(sorted, 95),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    private void idleCost(int seconds) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%n| while nothing changes (%d s each) | transactions/s, both nodes | per node | "
                        + "of it the poller |%n|---|---:|---:|---:|%n",
                seconds);
        double baseline = transactionsPerSecond(seconds);
        System.out.printf(
                Locale.ROOT,
                "| two nodes as built (listening, no poller) | %.2f | %.2f | — |%n",
                baseline,
                baseline / 2);
        for (int interval : POLL_MS) {
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
            poller.scheduleAtFixedRate(() -> versionCount(jdbcB), 0, interval, TimeUnit.MILLISECONDS);
            try {
                double withPoller = transactionsPerSecond(seconds);
                System.out.printf(
                        Locale.ROOT,
                        "| node B polling every %d ms | %.2f | — | %.2f |%n",
                        interval,
                        withPoller,
                        withPoller - baseline);
            } finally {
                poller.shutdownNow();
            }
        }
        String listener = jdbcA.sql("""
                        SELECT count(*) || ' listening connections, state ' || string_agg(DISTINCT state, ',')
                            || ', last statement ' || string_agg(DISTINCT query, ',')
                        FROM pg_stat_activity WHERE application_name = 'compat-matrix-console listener'""").query(String.class).single();
        System.out.println("Listening connections at the end: " + listener);
        pollTime("few version marks");
        jdbcA.sql("""
                        INSERT INTO matrix_changes (id, models_changed)
                        SELECT nextval('matrix_changes_seq'), false FROM generate_series(1, :n)""").param("n", 9_999 - countMarks()).update();
        pollTime("9,999 version marks (the most before a fold)");
    }

    private long countMarks() {
        return jdbcA.sql("SELECT count(*) FROM matrix_changes")
                .query(Long.class)
                .single();
    }

    /** One poll's time on node B, p50 and p95 of 200 after 50 warm-up polls. */
    private void pollTime(String marks) {
        double[] ms = new double[200];
        for (int i = -50; i < ms.length; i++) {
            long start = System.nanoTime();
            versionCount(jdbcB);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] sorted = Bench.sorted(ms);
        System.out.printf(
                Locale.ROOT,
                "One poll of the data version on node B with %s (%d marks): p50 %.2f ms, p95 %.2f ms%n",
                marks,
                countMarks(),
                Bench.percentile(sorted, 50),
                Bench.percentile(sorted, 95));
    }

    /** Transactions committed or rolled back in the database per second over {@code seconds}, this one's reads out. */
    private double transactionsPerSecond(int seconds) throws InterruptedException {
        long before = transactions();
        Thread.sleep(seconds * 1000L);
        // Statistics reach pg_stat_database when a backend goes idle, at most once a second (PostgreSQL 15).
        Thread.sleep(1500);
        long after = transactions();
        return (after - before - 1) / (seconds + 1.5);
    }

    private long transactions() {
        return jdbcA.sql("""
                        SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()""").query(Long.class).single();
    }

    private static long versionCount(JdbcClient jdbc) {
        String version = jdbc.sql(MatrixVersion.DATA_SQL).query(String.class).single();
        return Long.parseLong(version.substring(0, version.indexOf(':')));
    }

    private static ConfigurableApplicationContext startNode(String url, boolean demo) throws Exception {
        Path folder = Files.createTempDirectory("live-signal-node-");
        return SpringApplication.run(
                Application.class,
                "--server.port=0",
                "--compat.db.url=" + url,
                "--compat.db.username=" + PostgresTestServer.USER,
                "--compat.db.password=" + PostgresTestServer.PASSWORD,
                "--compat.db.path=" + folder.resolve("unused.duckdb"),
                "--compat.backup.dir=" + folder.resolve("backups"),
                "--compat.demo.enabled=" + demo,
                "--vaadin.productionMode=false",
                "--logging.level.root=warn");
    }
}
