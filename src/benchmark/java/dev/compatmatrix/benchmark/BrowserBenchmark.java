package dev.compatmatrix.benchmark;

import dev.compatmatrix.browser.AppProcess;
import dev.compatmatrix.browser.Chromium;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.ModelType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person waits for in a real browser: from pressing "Log in" to the matrix showing its first rows, and from
 * choosing a filter to the grid showing the filtered rows — headless Chromium against the production jar on a copy
 * of the benchmark database. Times are taken inside the page ({@code performance.now()}), so the polling of the
 * driver does not count: sign-in from the start of the form's navigation (the POST, its redirect and the matrix
 * page's load) to the first model's cell; a filter from the select's value change to the moment every visible type
 * cell shows the chosen type.
 *
 * <p>Arguments: production jar, database file (copied, never changed), iterations.
 */
public final class BrowserBenchmark {

    private static final String USER = "bench.admin";
    private static final String PASSWORD = "benchmark-password-1";

    /** Runs on every document: records when the grid first shows the expected first model. */
    private static final String WATCH_FIRST_ROW = """
            (() => {
              // The Type column (for the filter timing) is one the matrix's Columns menu adds, remembered here.
              localStorage.setItem('compat.matrix.columns', 'type,score');
              const expected = %s;
              const check = () => {
                const cells = document.querySelectorAll('#matrix-grid vaadin-grid-cell-content');
                for (const cell of cells) {
                  if (cell.textContent.trim() === expected) { window.__firstRowAt = performance.now(); return; }
                }
                requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            })();""";

    /** Arms the filter timing: starts at the select's change, ends when the visible type cells all show it. */
    private static final String WATCH_FILTER = """
            const [select, chosen, types] = arguments;
            window.__filterStart = null; window.__filterDone = null;
            select.addEventListener('value-changed', () => {
              window.__filterStart = performance.now();
              const check = () => {
                const shown = [...document.querySelectorAll('#matrix-grid vaadin-grid-cell-content')]
                    .map(c => c.textContent.trim()).filter(t => types.includes(t));
                if (shown.length > 0 && shown.every(t => t === chosen)) { window.__filterDone = performance.now(); return; }
                requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }, { once: true });""";

    private BrowserBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int models = Bench.intArg(args, 1, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        Path source = Path.of(MatrixBenchmark.databasePath(models));
        MatrixBenchmark.ensureDatabase(source.toString(), models);
        int iterations = Integer.parseInt(args[2]);
        if (!Chromium.installed()) {
            throw new IllegalStateException("Needs Debian's chromium and chromium-driver");
        }
        Path work = Files.createTempDirectory("browser-benchmark");
        Path database = work.resolve("matrix.duckdb");
        Files.copy(source, database, StandardCopyOption.REPLACE_EXISTING);
        String firstModel = firstModelByName(database);
        Map<String, String> environment = Map.of(
                "COMPAT_DB_PATH",
                database.toString(),
                "COMPAT_DEMO_ENABLED",
                "false",
                "COMPAT_ADMIN_USERNAME",
                USER,
                "COMPAT_ADMIN_PASSWORD",
                PASSWORD,
                "COMPAT_BACKUP_DIR",
                work.resolve("backups").toString());
        List<String> types =
                Arrays.stream(ModelType.values()).map(ModelType::key).toList();
        List<Double> signIn = new ArrayList<>();
        List<Double> filter = new ArrayList<>();
        try (AppProcess app = AppProcess.start(jar, environment, work.resolve("app.log"), Duration.ofMinutes(2))) {
            System.out.printf(
                    Locale.ROOT,
                    "%,d models; started in %d ms; first model %s%n",
                    models,
                    app.startUpTime().toMillis(),
                    firstModel);
            for (int i = 0; i < iterations + 1; i++) {
                ChromeDriver browser = Chromium.start(1600, 900);
                try {
                    double signInMs = signIn(browser, app, firstModel);
                    String chosen = i % 2 == 0 ? "audio" : "vision";
                    double filterMs = chooseType(browser, chosen, types);
                    if (i > 0) { // the first round warms up the server and the browser cache
                        signIn.add(signInMs);
                        filter.add(filterMs);
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: sign-in → matrix %.0f ms, filter → rows %.0f ms%n",
                            i,
                            signInMs,
                            filterMs);
                } finally {
                    browser.quit();
                }
            }
        }
        report("sign-in → matrix visible", signIn, 1500);
        report("filter → rows updated", filter, 300);
    }

    private static double signIn(ChromeDriver browser, AppProcess app, String firstModel) {
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", WATCH_FIRST_ROW.formatted(jsString(firstModel))));
        browser.get(app.url("/login"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(20));
        WebElement user = wait.until(d -> d.findElement(By.cssSelector("input[name=username]")));
        user.sendKeys(USER);
        browser.findElement(By.cssSelector("input[name=password]")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot=submit], vaadin-login-form vaadin-button"))
                .click();
        Object at = wait.until(d -> ((JavascriptExecutor) d)
                .executeScript("return location.pathname === '/' ? window.__firstRowAt : null"));
        return ((Number) at).doubleValue();
    }

    private static double chooseType(ChromeDriver browser, String chosen, List<String> types) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(20));
        browser.findElement(By.id("filter-toggle")).click(); // the filters fold behind it
        WebElement select =
                wait.until(d -> d.findElement(By.xpath("//vaadin-select[.//label[normalize-space()='Type']]")));
        browser.executeScript(WATCH_FILTER, select, chosen, types);
        select.click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(item ->
                                item.isDisplayed() && item.getText().trim().equals(chosen))
                        .findFirst()
                        .orElse(null))
                .click();
        Object took = wait.until(d -> ((JavascriptExecutor) d)
                .executeScript(
                        "return window.__filterDone === null ? null : window.__filterDone - window.__filterStart"));
        return ((Number) took).doubleValue();
    }

    private static void report(String what, List<Double> millis, double target) {
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p50 = percentile(sorted, 50);
        double p95 = percentile(sorted, 95);
        System.out.printf(
                Locale.ROOT,
                "%-26s n=%d  p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms  target ≤ %.0f ms: %s%n",
                what,
                sorted.length,
                p50,
                p95,
                sorted[sorted.length - 1],
                target,
                p95 <= target ? "met" : "MISSED");
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String firstModelByName(Path database) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT model_name FROM models WHERE deleted_at IS NULL ORDER BY model_name LIMIT 1")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
