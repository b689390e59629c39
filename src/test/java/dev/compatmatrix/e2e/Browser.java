package dev.compatmatrix.e2e;

import dev.compatmatrix.browser.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window on the application under test, with the few page operations the browser tests share.
 * Every wait is on a condition (never a sleep); Vaadin's components are reached through their light DOM where Flow
 * puts the content, and through JavaScript where it lives in a shadow root.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int START_WIDTH = 1400;
    private static final int START_HEIGHT = 900;

    /** True when no Flow client has a request in flight: the server's answer has been applied to the page. */
    private static final String VAADIN_IDLE = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive());""";

    /**
     * Defines {@code grid} (by the id in arguments[0]), {@code text(cell)}, {@code headers} (header text, or #index when
     * empty) and {@code rows} (the rendered rows' tr elements in order); {@code rows} is null while the grid loads.
     */
    private static final String GRID = """
            const grid = document.getElementById(arguments[0]);
            const text = cell => {
              const slot = cell.querySelector('slot');
              const content = slot ? slot.assignedElements()[0] : null;
              return content ? content.textContent.replace(/\\s+/g, ' ').trim() : '';
            };
            let headers = [], rows = null;
            if (grid && !grid.hasAttribute('loading')) {
              const headerRows = [...grid.shadowRoot.querySelectorAll('#header tr')];
              headers = [...headerRows[headerRows.length - 1].children].map((cell, i) => text(cell) || '#' + i);
              rows = [...grid.shadowRoot.querySelectorAll('#items tr')]
                  .filter(tr => !tr.hidden && tr.index !== undefined && tr.index < grid.size)
                  .sort((a, b) => a.index - b.index);
              if (rows.some(tr => tr.hasAttribute('loading'))) rows = null;
            }
            """;

    /** The rows a grid has rendered, in order: header text → cell text; null while the grid is loading. */
    private static final String GRID_ROWS = GRID + """
            return rows && rows.map(tr => {
              const row = {};
              [...tr.children].forEach((cell, i) => { if (!cell.hidden) row[headers[i]] = text(cell); });
              return row;
            });""";

    /** The content element of one rendered cell: arguments[1] the row's place, arguments[2] the column's header. */
    private static final String GRID_CELL = GRID + """
            if (!rows || !rows[arguments[1]]) return null;
            const slot = rows[arguments[1]].children[headers.indexOf(arguments[2])].querySelector('slot');
            return slot.assignedElements()[0];""";

    final ChromeDriver driver;
    final Path downloads;
    private final TestApp app;
    private String name;

    Browser(TestApp app, int number) {
        this.app = app;
        this.name = "browser" + number;
        try {
            this.downloads = Files.createTempDirectory(app.folder, "downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.driver = Chromium.start(START_WIDTH, START_HEIGHT, downloads);
    }

    /** Opens a path of the application and waits until Vaadin has rendered it. */
    public void open(String path) {
        driver.get(app.url(path));
        awaitIdle();
    }

    String url(String path) {
        return app.url(path);
    }

    /** Signs in through the login form (demo users' password is their user name) and waits for the main layout. */
    public void signIn(String user) {
        signIn(user, user);
    }

    /** Signs in through the login form with this password and waits for the main layout. */
    public void signIn(String user, String password) {
        for (int attempt = 1; ; attempt++) {
            open("/login");
            type(By.cssSelector("input[name=username]"), user);
            type(By.cssSelector("input[name=password]"), password);
            js("window.__signingIn = true");
            find(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
            // Signed in (the main layout), or back on a new login page (no error: see the note in the report).
            String outcome = until(
                    d -> !d.findElements(By.cssSelector("vaadin-app-layout")).isEmpty()
                            ? "signed in"
                            : js("return window.__signingIn === undefined && !!document.querySelector('vaadin-login-form')")
                                            .equals(Boolean.TRUE)
                                    ? "login page"
                                    : refusedForm() ? "refused" : null);
            if (outcome.equals("signed in")) {
                awaitIdle();
                return;
            }
            if (attempt == 3) {
                throw new AssertionError("Signing in as " + user + " ended on the login page three times");
            }
            System.err.println(
                    "Signing in as " + user + " ended on a new login page or was refused (" + path() + "); again");
        }
    }

    /**
     * Whether the sign-in form's post was refused (403): a request of the page left before signing in, sent after its
     * cookies were deleted, can start a new session whose cookie replaces the login page's, so the form's CSRF token
     * no longer matches. Signing in again on a fresh login page works.
     */
    private boolean refusedForm() {
        return Boolean.TRUE.equals(js("return window.__signingIn === undefined"
                + " && (document.body?.innerText || '').includes('status=403')"));
    }

    /** Types into an input until it holds the text (a field upgraded while typing loses what was typed). */
    public void type(By input, String text) {
        until(d -> {
            WebElement field = d.findElement(input);
            if (text.equals(field.getDomProperty("value"))) {
                return true;
            }
            field.clear();
            field.sendKeys(text);
            return false;
        });
    }

    /** Waits up to 30 s for the condition to give a value other than null or false. */
    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(50))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    public void awaitIdle() {
        until(d -> (Boolean) driver.executeScript(VAADIN_IDLE));
    }

    public Object js(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public WebElement find(By by) {
        return until(d -> d.findElement(by));
    }

    public WebElement byId(String id) {
        return find(By.id(id));
    }

    public String path() {
        return (String) js("return location.pathname + location.search");
    }

    /** The rows the grid shows now (all of them when they fit its viewport), once it has finished loading. */
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> gridRows(String gridId) {
        awaitIdle();
        return until(d -> (List<Map<String, String>>) js(GRID_ROWS, gridId));
    }

    /** Waits until the grid's rows satisfy the check, and returns them. */
    public List<Map<String, String>> gridRowsWhen(
            String gridId, java.util.function.Predicate<List<Map<String, String>>> check) {
        return until(d -> {
            @SuppressWarnings("unchecked")
            var rows = (List<Map<String, String>>) js(GRID_ROWS, gridId);
            return rows != null && check.test(rows) ? rows : null;
        });
    }

    /** The content element of a rendered cell of the grid (row by its place among the rendered rows). */
    public WebElement gridCell(String gridId, int row, String header) {
        awaitIdle();
        return until(d -> (WebElement) js(GRID_CELL, gridId, row, header));
    }

    /** Types into the text field, text area or number field labelled {@code label}. */
    public void fill(String label, String text) {
        type(
                By.xpath("//*[self::vaadin-text-field or self::vaadin-text-area or self::vaadin-integer-field]"
                        + "[.//label[normalize-space()='" + label + "']]//*[self::input or self::textarea]"),
                text);
    }

    /** Opens the tab whose label starts with {@code label}. */
    public void tab(String label) {
        WebElement tab = find(By.xpath("//vaadin-tab[starts-with(normalize-space(), '" + label + "')]"));
        // A tab beyond the bar's width is scrolled to first, as a person does with the bar's arrow.
        js("arguments[0].scrollIntoView({block: 'nearest', inline: 'center'});", tab);
        tab.click();
        awaitIdle();
    }

    /** Clicks a grid cell as a mouse does, after scrolling it into view (frozen columns may cover it otherwise). */
    public void click(WebElement cell) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'center'}); arguments[0].click();", cell);
        awaitIdle();
    }

    /** The labels of the side navigation's items. */
    @SuppressWarnings("unchecked")
    public List<String> navigation() {
        return (List<String>)
                js("return [...document.querySelectorAll('vaadin-side-nav-item')]" + ".map(i => i.textContent.trim())");
    }

    /** Chooses an option of the vaadin-select labelled {@code label}, as a mouse user does. */
    public void choose(String label, String option) {
        find(By.xpath("//vaadin-select[.//label[normalize-space()='" + label + "']]"))
                .click();
        until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(item ->
                                item.isDisplayed() && item.getText().trim().equals(option))
                        .findFirst()
                        .orElse(null))
                .click();
        awaitIdle();
    }

    /** The text of a shown notification that contains {@code part}. */
    public String notification(String part) {
        return until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .map(WebElement::getText)
                .filter(text -> text.contains(part))
                .findFirst()
                .orElse(null));
    }

    public Actions keys() {
        return new Actions(driver);
    }

    /** The element that has the focus, looking into shadow roots; described as tag#id.class "text". */
    /** Presses Tab until the script says the focus is where it should be (at most 60 times). */
    public void tabUntil(String focusedWhere) {
        for (int i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(js(focusedWhere))) {
                return;
            }
            keys().sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached the target; focus is on " + focused());
    }

    public String focused() {
        return (String) js("""
                let e = document.activeElement;
                while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                if (!e) return '';
                return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.getAttribute('aria-label')
                    || e.textContent || e.value || '').trim().slice(0, 60) + '"';""");
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The file of this name in the downloads folder, once the browser has finished writing it (null before). */
    public Path downloaded(String name) {
        Path file = downloads.resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    /** Saves a screenshot for a person to look at: {@code target/browser-screenshots/<name>.png}. */
    public Path screenshot(String fileName) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(fileName + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Emulates the operating system's setting ("light" or "dark") for this tab, as {@code prefers-color-scheme}. */
    public void prefersColourScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The relative luminance (0 black … 1 white) of the page's background as painted now. */
    public double pageBackgroundLuminance() {
        return ((Number) js("""
                        const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor
                            .match(/[\\d.]+/g).slice(0, 3).map(v => v / 255)
                            .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
                        return 0.2126 * r + 0.7152 * g + 0.0722 * b;""")).doubleValue();
    }

    /** Whether the page looks dark to a person now (its background far nearer black than white). */
    public boolean looksDark() {
        return pageBackgroundLuminance() < 0.1;
    }

    /** Runs axe-core on the page as it is now; the violations as axe reports them. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> axeViolations() {
        awaitIdle();
        if (!Boolean.TRUE.equals(js("return !!window.axe"))) {
            js(AXE_SOURCE);
        }
        return (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(result => done(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                       targets: v.nodes.map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '')).slice(0, 5) }))))
                   .catch(error => done([{ id: 'axe-error', impact: 'critical', help: String(error), targets: [] }]));""");
    }

    private static final String AXE_SOURCE = readAxe();

    private static String readAxe() {
        try (InputStream in = Browser.class.getResourceAsStream("/browser/axe.min.js")) {
            return new String(
                    Objects.requireNonNull(in, "axe.min.js is not on the test classpath (frontend npm ci)")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a failure: the screenshot and page source, their paths printed for the CI log. */
    void saveFailure(Path folder, String test) {
        try {
            Files.createDirectories(folder);
            Path png = folder.resolve(test + "-" + name + ".png");
            Path html = folder.resolve(test + "-" + name + ".html");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(html, driver.getPageSource());
            System.err.println("Browser test failed at " + driver.getCurrentUrl() + "; screenshot "
                    + png.toAbsolutePath() + ", page source " + html.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the failure of " + test + " (" + name + "): " + e);
        }
    }

    /**
     * The Content-Security-Policy violations the browser's console reported since the last call (a refused inline
     * script, event handler, eval or source).
     */
    public List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /**
     * Makes this browser as a new one for the next test, which then calls it {@code browser<number>}: one new tab at
     * the start size, no cookies or stored data, no console messages, an empty downloads folder. Only the HTTP cache
     * (the application's scripts) is kept, which spares each test loading and compiling them again.
     */
    void renew(int number) {
        String fresh =
                driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand(
                "Storage.clearDataForOrigin",
                Map.of(
                        "origin",
                        app.url(""),
                        "storageTypes",
                        "cookies,local_storage,indexeddb,websql,service_workers,cache_storage,file_systems"));
        resize(START_WIDTH, START_HEIGHT);
        cspViolations();
        try (var files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        name = "browser" + number;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
