package dev.compatmatrix.benchmark;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.compatmatrix.Application;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import dev.compatmatrix.security.token.ApiTokenService;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Open screens kept current by server push (issue 19): freshness, memory per session with push on, and ingest with
 * many sessions open. Run with {@code ./mvnw -B -q -Pproduction,benchmark test-compile exec:exec@benchmark
 * -Dbenchmark=live-sessions} (production mode, as a deployed console runs).
 *
 * <p>The whole application runs in this JVM on a copy of the benchmark database (DuckDB). Each open session is an
 * {@link HttpBrowserTab}: a distinct viewer signs in and opens the matrix over real HTTP, then opens the push
 * WebSocket Vaadin's client opens (Atmosphere), and keeps it. A probe attached to every open matrix view (a
 * {@link VaadinServiceInitListener} of this benchmark; the console's own screens get their live refresh from issue 19's
 * other work) subscribes through the console's {@link LiveUpdates} — coalesced, in {@code ui.access}, pushed — and on
 * each change writes the change ids into a small text on the screen and, in mode {@code grid}, re-reads the grid's
 * page as a live matrix would ({@code refreshAll}).
 *
 * <p>Freshness: a single-result write committed through the matrix writer, to the arrival at each tab of the push frame
 * that carries its change id (the frame the browser would render). One clock: the writer and the tabs are in this JVM.
 * Memory: live heap after full GCs (class histogram) before any session and with all sessions open and pushed to,
 * divided by the sessions; the WebSocket client's own objects ({@code jdk.internal.net.http}) are counted apart.
 * Ingest: batches of 1,000 results posted back to back through the API, before the sessions, with all of them open,
 * and after they ended, in the same run.
 *
 * <p>Arguments (optional): models (100000; 0 is not possible: a batch needs 1,000 distinct cells), session counts
 * (1,50,200), writes per count (20), ingest batches per phase (10), refresh mode ({@code grid} or {@code marker}).
 */
public final class LiveSessionsBenchmark {

    private static final Pattern CHANGE = Pattern.compile("live-(\\d+)");
    private static final int CLIENTS = 2;

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        List<Integer> counts = Arrays.stream((args.length > 1 ? args[1] : "1,50,200").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        int writes = Bench.intArg(args, 2, 20);
        int batches = Bench.intArg(args, 3, 10);
        boolean refreshGrid = !(args.length > 4 && args[4].equals("marker"));
        String loadAtStart = Bench.loadAverage();

        Path scratch = Files.createTempDirectory("live-sessions-");
        Path database = BenchmarkApp.scratchCopy(models, "live-sessions-scratch");
        var probe = new LiveProbe(refreshGrid);
        var application = new SpringApplication(Application.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("liveProbe", probe));
        try (ConfigurableApplicationContext app = application.run(
                "--compat.db.path=" + database,
                "--compat.demo.enabled=false",
                "--compat.backup.dir=" + scratch.resolve("backups"),
                "--server.port=0",
                "--server.servlet.session.timeout=2h",
                "--logging.level.root=warn")) {
            probe.liveUpdates = app.getBean(LiveUpdates.class);
            int largest = Collections.max(counts);
            SessionMemoryBenchmark.createViewers(app, largest + 5);
            var benchmark = new LiveSessionsBenchmark(app, probe);
            System.out.printf(
                    Locale.ROOT,
                    "%nLive sessions: %,d models (DuckDB), Vaadin in %s mode, refresh: %s; Java %s; max heap %,d MB; "
                            + "%d cores; load average %s%n",
                    models,
                    probe.productionMode ? "production" : "DEVELOPMENT",
                    refreshGrid ? "marker text + the grid's page re-read" : "marker text only",
                    Runtime.version(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    Runtime.getRuntime().availableProcessors(),
                    loadAtStart);
            benchmark.run(counts, writes, batches);
            System.out.printf(Locale.ROOT, "Load average at the end: %s%n", Bench.loadAverage());
        } finally {
            FileSystemUtils.deleteRecursively(scratch);
        }
    }

    private final ConfigurableApplicationContext app;
    private final LiveProbe probe;
    private final JdbcClient jdbc;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int port;
    private final List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());
    /** Change id → tab → when the tab received the frame naming it (nanoTime). */
    private final Map<Long, Map<Integer, Long>> arrivals = new ConcurrentHashMap<>();

    private final AtomicInteger tabsOpened = new AtomicInteger();
    /** The last heap snapshot, held while the next is taken. */
    private HeapSnapshot held;

    private final Random random = new Random(19);

    private LiveSessionsBenchmark(ConfigurableApplicationContext app, LiveProbe probe) {
        this.app = app;
        this.probe = probe;
        this.jdbc = app.getBean(JdbcClient.class);
        this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private record Freshness(int sessions, int samples, int missed, double p50, double p95, double max) {}

    private record Ingest(String phase, double resultsPerSecond, long refreshes) {}

    private void run(List<Integer> counts, int writes, int batches) throws Exception {
        // Warm-up: a few sessions, a few changes, then all of them ended.
        openTabs(5);
        freshness(5, 3);
        endAllSessions();
        List<String> names = jdbc.sql("SELECT model_name FROM models ORDER BY model_id")
                .query(String.class)
                .list();
        String token = IngestBenchmark.token(app.getBean(ApiTokenService.class));
        ingest("warm-up", names, token, 2);
        List<Ingest> ingests = new ArrayList<>();
        ingests.add(ingest("no session open", names, token, batches));

        // Each snapshot is taken while the one before it is held, so each counts one snapshot of the benchmark's own.
        held = HeapSnapshot.take();
        HeapSnapshot before = HeapSnapshot.take();
        held = before;
        List<Freshness> fresh = new ArrayList<>();
        String memory = null;
        for (int count : counts) {
            openTabs(count - tabsOpened.get());
            if (count == Collections.max(counts)) {
                Thread.sleep(1000);
                memory = memory(before, count);
                before = null;
                held = null;
            }
            fresh.add(freshness(count, writes));
        }
        ingests.add(ingest(tabsOpened.get() + " sessions open", names, token, batches));
        endAllSessions();
        ingests.add(ingest("no session open, after", names, token, batches));

        System.out.printf(
                Locale.ROOT,
                "%n| open sessions | change → push frame at the tab: samples | missed (none in 10 s) | p50 ms "
                        + "| p95 ms | max ms |%n|---:|---:|---:|---:|---:|---:|%n");
        for (Freshness f : fresh) {
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %d | %.0f | %.0f | %.0f |%n",
                    f.sessions(),
                    f.samples(),
                    f.missed(),
                    f.p50(),
                    f.p95(),
                    f.max());
        }
        System.out.println();
        System.out.println(memory);
        System.out.printf(
                Locale.ROOT,
                "%n| ingest, %d batches of 1,000 back to back | results/s | screen refreshes |%n" + "|---|---:|---:|%n",
                batches);
        for (Ingest i : ingests) {
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,d |%n", i.phase(), i.resultsPerSecond(), i.refreshes());
        }
        double none = (ingests.get(0).resultsPerSecond() + ingests.get(2).resultsPerSecond()) / 2;
        System.out.printf(
                Locale.ROOT,
                "Ingest with %d sessions open / with none (mean of before and after): %.2f%n",
                counts.getLast(),
                ingests.get(1).resultsPerSecond() / none);
    }

    /** Opens {@code count} more tabs (sign in, matrix, push), two clients at a time; fails unless each is live. */
    private void openTabs(int count) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int tab = tabsOpened.getAndIncrement();
                opened.add(pool.submit(() -> {
                    var browser = new HttpBrowserTab(http, port);
                    browser.signIn(SessionMemoryBenchmark.viewer(tab), SessionMemoryBenchmark.PASSWORD);
                    browser.openMatrix();
                    sockets.add(browser.openPush(frame -> received(tab, frame)).get(30, TimeUnit.SECONDS));
                    return null;
                }));
            }
            for (Future<?> f : opened) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (probe.attached.get() < tabsOpened.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf(
                Locale.ROOT,
                "%d sessions open (%d opened in %.1f s), probes on open matrix views %d, LiveChanges subscribers %d%n",
                tabsOpened.get(),
                count,
                (System.nanoTime() - start) / 1e9,
                probe.attached.get(),
                app.getBean(LiveChanges.class).subscriberCount());
    }

    private void received(int tab, String frame) {
        long now = System.nanoTime();
        Matcher change = CHANGE.matcher(frame);
        while (change.find()) {
            arrivals.computeIfAbsent(Long.parseLong(change.group(1)), id -> new ConcurrentHashMap<>())
                    .putIfAbsent(tab, now);
        }
    }

    /** {@code writes} changes, one at a time, each after the tabs have all had the previous one (or 10 s). */
    private Freshness freshness(int sessions, int writes) throws Exception {
        var changes = new OneResultWrites(app, "live-sessions", random);
        List<Double> ms = new ArrayList<>();
        int missed = 0;
        for (int w = 0; w < writes; w++) {
            Thread.sleep(200 + random.nextInt(300));
            OneResultWrites.Done write = changes.next();
            long changeId = write.changeId();
            long committed = write.commitNanos();
            long deadline = committed + TimeUnit.SECONDS.toNanos(10);
            while (arrivals.getOrDefault(changeId, Map.of()).size() < sessions && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Map<Integer, Long> at = arrivals.getOrDefault(changeId, Map.of());
            missed += sessions - at.size();
            at.values().forEach(t -> ms.add((t - committed) / 1e6));
        }
        double[] sorted =
                Bench.sorted(ms.stream().mapToDouble(Double::doubleValue).toArray());
        if (sorted.length == 0) {
            throw new IllegalStateException("No tab received any change: push does not reach the tabs");
        }
        var result = new Freshness(
                sessions,
                sorted.length,
                missed,
                Bench.percentile(sorted, 50),
                Bench.percentile(sorted, 95),
                sorted[sorted.length - 1]);
        System.out.printf(
                Locale.ROOT,
                "%d sessions: %d writes, freshness p50 %.0f ms, p95 %.0f ms, missed %d (load %s)%n",
                sessions,
                writes,
                result.p50(),
                result.p95(),
                missed,
                Bench.loadAverage());
        return result;
    }

    /** Live heap with the sessions open against {@code before}, per session, the WebSocket client's part apart. */
    private String memory(HeapSnapshot before, int sessions) throws Exception {
        HeapSnapshot open = HeapSnapshot.take();
        long growth = open.histogramBytes() - before.histogramBytes();
        List<HeapSnapshot.Growth> classes = open.largestGrowth(before, Integer.MAX_VALUE);
        long client = classes.stream()
                .filter(g -> g.className().startsWith("jdk.internal.net.http")
                        || g.className().startsWith("java.net.http"))
                .mapToLong(HeapSnapshot.Growth::bytes)
                .sum();
        String top = classes.stream()
                .limit(12)
                .map(g -> String.format(
                        Locale.ROOT,
                        "| `%s` | %,.1f | %,.0f |",
                        g.className(),
                        (double) g.instances() / sessions,
                        (double) g.bytes() / sessions))
                .collect(Collectors.joining("\n"));
        return String.format(
                Locale.ROOT,
                "Memory with %d sessions open, push connected (production mode: %s): live heap %,.1f → %,.1f MB, "
                        + "%,.0f kB per session in all; the WebSocket client's own classes %,.1f kB per session; "
                        + "**%,.0f kB per session** without them (target ≤ 500 kB)%n"
                        + "| class | instances per session | bytes per session |%n|---|---:|---:|%n%s",
                sessions,
                probe.productionMode,
                before.histogramBytes() / 1048576.0,
                open.histogramBytes() / 1048576.0,
                growth / 1024.0 / sessions,
                client / 1024.0 / sessions,
                (growth - client) / 1024.0 / sessions,
                top);
    }

    /** {@code batches} batches of 1,000 results posted back to back through the API: results per second. */
    private Ingest ingest(String phase, List<String> names, String token, int batches) throws Exception {
        String base = "http://localhost:" + port;
        long refreshesBefore = probe.refreshes.get();
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            String batchId = "live-" + phase.replaceAll("[^A-Za-z0-9]", "-") + "-" + b;
            IngestBenchmark.post(client, base, token, IngestBenchmark.batch(batchId, names, random));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000); // the last batch's refreshes
        var ingest = new Ingest(
                phase, batches * (double) IngestBenchmark.BATCH / seconds, probe.refreshes.get() - refreshesBefore);
        System.out.printf(
                Locale.ROOT,
                "ingest, %s: %,.0f results/s, %d screen refreshes (load %s)%n",
                phase,
                ingest.resultsPerSecond(),
                ingest.refreshes(),
                Bench.loadAverage());
        return ingest;
    }

    /** Closes the push connections and expires every HTTP session, as the idle timeout would. */
    private void endAllSessions() throws InterruptedException {
        synchronized (sockets) {
            sockets.forEach(WebSocket::abort);
            sockets.clear();
        }
        Manager sessions = SessionMemoryBenchmark.tomcatSessions(app);
        for (Session session : sessions.findSessions()) {
            session.expire();
        }
        for (int i = 0; i < 300 && (sessions.getActiveSessions() > 0 || probe.attached.get() > 0); i++) {
            Thread.sleep(100);
        }
        tabsOpened.set(0);
        System.out.printf(
                Locale.ROOT,
                "sessions ended: %d HTTP sessions, %d probes left%n",
                sessions.getActiveSessions(),
                probe.attached.get());
    }

    /**
     * Attaches to each UI that shows the matrix a text kept current through {@link LiveUpdates}, as the console's
     * live screens are; with {@code refreshGrid}, each refresh also re-reads the grid's page.
     */
    static final class LiveProbe implements VaadinServiceInitListener {

        private final boolean refreshGrid;
        final AtomicInteger attached = new AtomicInteger();
        final AtomicLong refreshes = new AtomicLong();
        volatile LiveUpdates liveUpdates;
        volatile boolean productionMode;

        LiveProbe(boolean refreshGrid) {
            this.refreshGrid = refreshGrid;
        }

        @Override
        public void serviceInit(ServiceInitEvent event) {
            productionMode = event.getSource().getDeploymentConfiguration().isProductionMode();
            event.getSource().addUIInitListener(init -> {
                UI ui = init.getUI();
                ui.addAfterNavigationListener(navigation -> attach(ui));
            });
        }

        private void attach(UI ui) {
            if (!(ui.getCurrentView() instanceof MatrixView view) || ComponentUtil.getData(ui, "live-probe") != null) {
                return;
            }
            ComponentUtil.setData(ui, "live-probe", Boolean.TRUE);
            Grid<?> grid = components(view)
                    .filter(Grid.class::isInstance)
                    .map(c -> (Grid<?>) c)
                    .findFirst()
                    .orElseThrow();
            Span marker = new Span();
            liveUpdates.keepCurrent(marker, change -> true, change -> {
                refreshes.incrementAndGet();
                marker.setText(change.events().stream()
                        .map(MatrixEvent::changeId)
                        .distinct()
                        .map(id -> "live-" + id)
                        .collect(Collectors.joining(" ")));
                if (refreshGrid) {
                    grid.getDataProvider().refreshAll();
                }
            });
            marker.addAttachListener(a -> attached.incrementAndGet());
            marker.addDetachListener(d -> attached.decrementAndGet());
            view.add(marker);
        }

        private static Stream<Component> components(Component root) {
            return Stream.concat(Stream.of(root), root.getChildren().flatMap(LiveProbe::components));
        }
    }
}
