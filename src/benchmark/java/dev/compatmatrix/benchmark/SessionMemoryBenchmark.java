package dev.compatmatrix.benchmark;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.Version;
import dev.compatmatrix.Application;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.repository.UserRepository;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;

/**
 * Retained heap per signed-in session with the matrix open (issue "Scale": at most 500 kB per session, measured over
 * 200 concurrent sessions as heap after GC divided by sessions). See BENCHMARKS.md. Run with
 * {@code ./mvnw -B -q -Pproduction,benchmark test-compile exec:exec@benchmark -Dbenchmark=session-memory}: the production
 * profile makes Vaadin run in production mode, as a deployed console does (in development mode Vaadin keeps two
 * stack traces per component for its dev tools, about 1 MB per session here).
 *
 * <p>Starts the whole application in this JVM on a random port, on a copy of the 100,000-model benchmark database
 * (or, with 0 models, on the demo data set). Each session is an {@link HttpBrowserTab}: a distinct viewer signs in
 * and opens the matrix over real HTTP, making the requests a browser makes, so every session holds a UI with
 * {@link MatrixView} and its grid's first page. The live heap (after full GCs) is taken before the sessions are
 * opened and while all of them are open; the difference divided by the number of sessions is the figure. Each round
 * starts from no session at all: a warm-up round first, and every round's sessions are ended before the next. A
 * last round of sessions that only sign in (no UI open) separates the session and security part from the UI.
 *
 * <p>Arguments (all optional): models (100000; 0 for the demo data set), session counts (50,200), warm-up sessions
 * (10), concurrent clients opening sessions (2).
 */
public final class SessionMemoryBenchmark {

    private static final double TARGET_KB = 500;
    static final String PASSWORD = "session-benchmark";
    private static final int TOP_CLASSES = 15;

    /** One round: live heap (histogram total) before, with the sessions open and after they ended. */
    private record Round(
            int sessions,
            boolean matrixOpen,
            long before,
            long open,
            long ended,
            long heapGrowth,
            double openSeconds,
            List<HeapSnapshot.Growth> growth) {

        double perSessionKb() {
            return (open - before) / 1024.0 / sessions;
        }

        String holds() {
            return matrixOpen ? "signed in, matrix open" : "signed in only, no UI";
        }
    }

    /** What the grid must show: the number of models and the first name in the default (by name) order. */
    private record Expected(long rows, String firstName) {}

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = args.length > 0
                ? Integer.parseInt(args[0].replace("_", ""))
                : SyntheticDatabaseGenerator.DEFAULT_MODELS;
        List<Integer> counts = Arrays.stream((args.length > 1 ? args[1] : "50,200").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String loadAtStart = loadAverage();

        Path scratch = Files.createTempDirectory("sessionmem-");
        Path database =
                models > 0 ? BenchmarkApp.scratchCopy(models, "session-scratch") : scratch.resolve("demo.duckdb");
        var probe = new SessionProbe();
        var application = new SpringApplication(Application.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("sessionMemoryProbe", probe));
        try (ConfigurableApplicationContext app = application.run(
                "--compat.db.path=" + database,
                "--compat.demo.enabled=" + (models == 0),
                "--compat.backup.dir=" + scratch.resolve("backups"),
                "--server.port=0",
                "--server.servlet.session.timeout=2h",
                "--logging.level.root=warn")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            int largest = Collections.max(counts);
            createViewers(app, Math.max(largest, warmup));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            var expected = new Expected(
                    jdbc.sql("SELECT count(*) FROM models").query(Long.class).single(),
                    jdbc.sql("SELECT model_name FROM models ORDER BY model_name LIMIT 1")
                            .query(String.class)
                            .single());
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            var benchmark = new SessionMemoryBenchmark(
                    http, port, clients, probe, tomcatSessions(app), app.getBean(SessionRegistry.class), expected);

            describe(models, expected, probe, clients, warmup);
            benchmark.warmUp(warmup);
            List<Round> rounds = new ArrayList<>();
            for (int sessions : counts) {
                rounds.add(benchmark.round(sessions, true));
            }
            rounds.add(benchmark.round(largest, false));
            report(rounds, probe.productionMode, loadAtStart);
        } finally {
            // The demo database (with 0 models) and the unused backup folder live here.
            FileSystemUtils.deleteRecursively(scratch);
        }
    }

    private final HttpClient http;
    private final int port;
    private final int clients;
    private final SessionProbe probe;
    private final Manager tomcatSessions;
    private final SessionRegistry registry;
    private final Expected expected;
    /** The last snapshot, held while the next is taken (see {@link #snapshot}). */
    private HeapSnapshot lastSnapshot;

    private SessionMemoryBenchmark(
            HttpClient http,
            int port,
            int clients,
            SessionProbe probe,
            Manager tomcatSessions,
            SessionRegistry registry,
            Expected expected) {
        this.http = http;
        this.port = port;
        this.clients = clients;
        this.probe = probe;
        this.tomcatSessions = tomcatSessions;
        this.registry = registry;
        this.expected = expected;
    }

    /** Opens sessions and ends them, so that classes, caches and pools are in place before the first round. */
    private void warmUp(int sessions) throws Exception {
        double seconds = openSessions(sessions, true);
        verifyServerSide(sessions, true);
        System.out.println("  one matrix UI holds " + probe.census());
        endAllSessions();
        snapshot();
        System.out.printf(Locale.ROOT, "warm-up: %d sessions opened in %.1f s%n", sessions, seconds);
    }

    /** Opens {@code sessions} sessions, checks them, takes the heap before and with them, and ends them all. */
    private Round round(int sessions, boolean matrixOpen) throws Exception {
        HeapSnapshot before = snapshot();
        double seconds = openSessions(sessions, matrixOpen);
        verifyServerSide(sessions, matrixOpen);
        HeapSnapshot open = snapshot();
        List<HeapSnapshot.Growth> growth = open.largestGrowth(before, TOP_CLASSES);
        long beforeBytes = before.histogramBytes();
        long heapGrowth = open.heapAfterGc() - before.heapAfterGc();
        // Let go of it (this method runs interpreted, where a local stays reachable until the method ends), so the
        // snapshot after the end, like the others, is taken with one snapshot held: the last one.
        before = null;
        endAllSessions();
        long ended = snapshot().histogramBytes();
        System.out.printf(
                Locale.ROOT,
                "round: %d sessions (%s) opened in %.1f s%n",
                sessions,
                matrixOpen ? "matrix open" : "signed in only",
                seconds);
        return new Round(sessions, matrixOpen, beforeBytes, open.histogramBytes(), ended, heapGrowth, seconds, growth);
    }

    /**
     * Takes a snapshot while the previous one is still held, so that every snapshot counts exactly one snapshot of
     * the benchmark's own (a few hundred kB of class names).
     */
    private HeapSnapshot snapshot() throws Exception {
        HeapSnapshot taken = HeapSnapshot.take();
        lastSnapshot = taken;
        return taken;
    }

    /**
     * Signs in {@code count} distinct viewers, each opening the matrix unless {@code matrixOpen} is false, and checks
     * what each grid showed. Nothing of the tabs is kept. Returns the seconds it took.
     */
    private double openSessions(int count, boolean matrixOpen) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Optional<HttpBrowserTab.OpenedMatrix>>> tabs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String user = viewer(i);
                tabs.add(pool.submit(() -> {
                    var tab = new HttpBrowserTab(http, port);
                    tab.signIn(user, PASSWORD);
                    return matrixOpen ? Optional.of(tab.openMatrix()) : Optional.empty();
                }));
            }
            int pageRows = (int) Math.min(50, expected.rows());
            for (var tab : tabs) {
                tab.get().ifPresent(matrix -> {
                    if (matrix.rowCount() != expected.rows()
                            || matrix.firstPageRows() != pageRows
                            || !matrix.firstPage().contains(expected.firstName())) {
                        throw new IllegalStateException("The grid showed " + matrix.rowCount() + " models and a first "
                                + "page of " + matrix.firstPageRows() + " rows; expected " + expected.rows() + " and "
                                + pageRows + " starting with " + expected.firstName());
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Every session is alive on the server: one HTTP session, signed in, one Vaadin session and, with the matrix
     * open, one open UI showing MatrixView whose grid counted every model (the login view's UI is closed).
     */
    private void verifyServerSide(int sessions, boolean matrixOpen) {
        int signedIn = registry.getAllPrincipals().stream()
                .mapToInt(p -> registry.getAllSessions(p, false).size())
                .sum();
        SessionProbe.Uis uis = probe.uis(expected.rows());
        String counts = String.format(
                Locale.ROOT,
                "HTTP sessions %d, signed in %d, Vaadin sessions %d, open UIs %d, "
                        + "UIs showing MatrixView %d, grids that counted the %,d models %d",
                tomcatSessions.getActiveSessions(),
                signedIn,
                probe.vaadinSessions.get(),
                uis.open(),
                uis.matrixViews(),
                expected.rows(),
                uis.gridsCounted());
        int withUi = matrixOpen ? sessions : 0;
        if (tomcatSessions.getActiveSessions() != sessions
                || signedIn != sessions
                || probe.vaadinSessions.get() != sessions
                || uis.open() != withUi
                || uis.matrixViews() != withUi
                || uis.gridsCounted() != withUi) {
            throw new IllegalStateException(
                    "Expected " + sessions + " sessions, " + withUi + " with the matrix: " + counts);
        }
        System.out.println("  on the server: " + counts);
    }

    /** Expires every HTTP session, as the idle timeout would, and waits until Vaadin has closed its sessions. */
    private void endAllSessions() throws InterruptedException {
        for (Session session : tomcatSessions.findSessions()) {
            session.expire();
        }
        for (int i = 0; i < 300 && (tomcatSessions.getActiveSessions() > 0 || probe.vaadinSessions.get() > 0); i++) {
            Thread.sleep(100);
        }
        if (tomcatSessions.getActiveSessions() > 0 || probe.vaadinSessions.get() > 0) {
            throw new IllegalStateException("Sessions still open: " + tomcatSessions.getActiveSessions() + " HTTP, "
                    + probe.vaadinSessions.get() + " Vaadin");
        }
    }

    /**
     * Counts Vaadin sessions and keeps the UIs weakly, so the benchmark can check what each session shows without
     * holding anything alive. Registered as a bean before the context starts; Vaadin's Spring integration picks up
     * service init listeners from the context.
     */
    static final class SessionProbe implements VaadinServiceInitListener {

        record Uis(int open, int matrixViews, int gridsCounted) {}

        final AtomicInteger vaadinSessions = new AtomicInteger();
        private final Set<UI> uis = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
        private volatile boolean productionMode;

        @Override
        public void serviceInit(ServiceInitEvent event) {
            productionMode = event.getSource().getDeploymentConfiguration().isProductionMode();
            event.getSource().addSessionInitListener(e -> vaadinSessions.incrementAndGet());
            event.getSource().addSessionDestroyListener(e -> vaadinSessions.decrementAndGet());
            event.getSource().addUIInitListener(e -> uis.add(e.getUI()));
        }

        Uis uis(long expectedRows) {
            var open = new AtomicInteger();
            var matrixViews = new AtomicInteger();
            var gridsCounted = new AtomicInteger();
            for (UI ui : openUis()) {
                ui.accessSynchronously(() -> {
                    open.incrementAndGet();
                    if (ui.getCurrentView() instanceof MatrixView view) {
                        matrixViews.incrementAndGet();
                        if (components(view)
                                .anyMatch(c -> c instanceof Grid<?> grid
                                        && grid.getDataCommunicator().getItemCount() == expectedRows)) {
                            gridsCounted.incrementAndGet();
                        }
                    }
                });
            }
            return new Uis(open.get(), matrixViews.get(), gridsCounted.get());
        }

        /**
         * What one open UI is made of: its state nodes (Vaadin's server-side model of each element, where most of a
         * UI's memory goes), the nodes under each part of the matrix view, and its components by type.
         */
        String census() {
            UI ui = openUis().getFirst();
            var types = new TreeMap<String, Integer>();
            var parts = new ArrayList<String>();
            var total = new AtomicInteger();
            ui.accessSynchronously(() -> {
                total.set(stateNodes(ui));
                int view = 0;
                for (Component part : ui.getCurrentView().getChildren().toList()) {
                    int nodes = stateNodes(part);
                    view += nodes;
                    // One level deeper where a part is large, e.g. the filter bar's rows.
                    String inside = nodes < 50
                            ? ""
                            : part.getChildren()
                                    .map(child -> name(child) + " " + stateNodes(child))
                                    .collect(Collectors.joining(", ", ": ", ""));
                    parts.add(name(part) + " " + nodes + inside);
                }
                parts.add("the rest (UI, main layout, view itself) " + (total.get() - view));
                components(ui).forEach(c -> types.merge(c.getClass().getSimpleName(), 1, Integer::sum));
            });
            int components = types.values().stream().mapToInt(Integer::intValue).sum();
            return String.format(
                    Locale.ROOT,
                    "%d state nodes (%s) and %d components (%s)",
                    total.get(),
                    String.join("; ", parts),
                    components,
                    types.entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue()
                                    .reversed())
                            .limit(12)
                            .map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")));
        }

        private static String name(Component component) {
            return component.getClass().getSimpleName()
                    + component.getId().map(id -> " #" + id).orElse("");
        }

        private static int stateNodes(Component component) {
            var count = new AtomicInteger();
            component.getElement().getNode().visitNodeTree(node -> count.incrementAndGet());
            return count.get();
        }

        private List<UI> openUis() {
            synchronized (uis) {
                return uis.stream()
                        .filter(ui -> ui.getSession() != null && !ui.isClosing())
                        .toList();
            }
        }

        private static Stream<Component> components(Component root) {
            return Stream.concat(Stream.of(root), root.getChildren().flatMap(SessionProbe::components));
        }
    }

    /** Viewers {@code bench-viewer-0 …}, all with the same password (hashed once: bcrypt is slow on purpose). */
    static void createViewers(ConfigurableApplicationContext app, int count) {
        UserRepository users = app.getBean(UserRepository.class);
        String hash = app.getBean(PasswordEncoder.class).encode(PASSWORD);
        for (int i = 0; i < count; i++) {
            users.insert(viewer(i), hash, "Benchmark viewer " + i, null, List.of(Roles.VIEWER));
        }
    }

    static String viewer(int i) {
        return "bench-viewer-" + i;
    }

    static Manager tomcatSessions(ConfigurableApplicationContext app) {
        var server = (TomcatWebServer) ((WebServerApplicationContext) app).getWebServer();
        return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
    }

    private static void describe(int models, Expected expected, SessionProbe probe, int clients, int warmup) {
        System.out.printf(
                Locale.ROOT,
                "%nSession memory: %s (%,d models); Vaadin %s in %s mode; Java %s; %s; max heap "
                        + "%,d MB; %d cores; %d concurrent clients; %d warm-up sessions%n",
                models > 0 ? "benchmark database" : "demo data set",
                expected.rows(),
                Version.getFullVersion(),
                probe.productionMode ? "production" : "development",
                Runtime.version(),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.getRuntime().availableProcessors(),
                clients,
                warmup);
        if (!probe.productionMode) {
            System.out.println(
                    "WARNING: development mode. Vaadin's ComponentTracker keeps two stack traces per component "
                            + "for its dev tools; a deployed console runs in production mode. Run with -Pproduction,benchmark.");
        }
    }

    private static void report(List<Round> rounds, boolean productionMode, String loadAtStart) {
        System.out.printf(
                Locale.ROOT,
                "%n| sessions | each session | live heap before | with the sessions open | "
                        + "per session | per session (heap pools after GC) | left per session after they ended | opening |%n"
                        + "|---:|---|---:|---:|---:|---:|---:|---:|%n");
        for (Round r : rounds) {
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %,.1f MB | %,.1f MB | **%,.0f kB** | %,.0f kB | %,.1f kB | %.1f s |%n",
                    r.sessions(),
                    r.holds(),
                    r.before() / 1048576.0,
                    r.open() / 1048576.0,
                    r.perSessionKb(),
                    r.heapGrowth() / 1024.0 / r.sessions(),
                    (r.ended() - r.before()) / 1024.0 / r.sessions(),
                    r.openSeconds());
        }
        for (Round r : rounds) {
            System.out.printf(
                    Locale.ROOT,
                    "%nLargest growth per session, %d sessions %s:%n"
                            + "| class | instances | bytes | share |%n|---|---:|---:|---:|%n",
                    r.sessions(),
                    r.holds());
            double total = r.open() - r.before();
            for (HeapSnapshot.Growth g : r.growth()) {
                System.out.printf(
                        Locale.ROOT,
                        "| `%s` | %,.1f | %,.0f | %.1f %% |%n",
                        g.className(),
                        (double) g.instances() / r.sessions(),
                        (double) g.bytes() / r.sessions(),
                        100.0 * g.bytes() / total);
            }
        }
        Round matrix =
                rounds.stream().filter(Round::matrixOpen).reduce((a, b) -> b).orElseThrow();
        Round signedIn = rounds.getLast();
        System.out.printf(
                Locale.ROOT,
                "%nWith %d sessions: %,.0f kB per session, of which %,.0f kB the signed-in "
                        + "session without a UI and %,.0f kB the matrix UI. Target ≤ %.0f kB: %s. Load average at start "
                        + "%s, at end %s%n",
                matrix.sessions(),
                matrix.perSessionKb(),
                signedIn.perSessionKb(),
                matrix.perSessionKb() - signedIn.perSessionKb(),
                TARGET_KB,
                !productionMode
                        ? "not judged (development mode)"
                        : matrix.perSessionKb() <= TARGET_KB ? "met" : "MISSED",
                loadAtStart,
                loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
