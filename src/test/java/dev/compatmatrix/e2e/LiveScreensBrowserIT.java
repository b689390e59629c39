package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Platform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dashboard and a validation queue open in two browsers; a CI result posted through the API shows in both by server
 * push, within a second of the API's answer, as a person sees it: the new row of recent changes and the queue's
 * changed row, each marked "New" / "Updated".
 */
@BrowserTest
class LiveScreensBrowserIT {

    /**
     * Installed in a page before the change: checks 100 times a second whether the page shows it (the function body
     * given) and notes the first time it does (the machine's clock, as the test's).
     */
    private static final String WATCH = """
            window.__shownAt = null;
            const shows = () => { %s };
            const timer = setInterval(() => {
              if (shows()) { window.__shownAt = Date.now(); clearInterval(timer); }
            }, 10);""";

    /** The dashboard's recent changes have a row of the model marked new (the cells of a row, as the grid draws it). */
    private static final String RECENT_ROW_SHOWN = """
            const grid = document.getElementById('recent-changes');
            return [...grid.shadowRoot.querySelectorAll('#items tr')].some(tr => {
              const cells = [...tr.children].map(td => td.querySelector('slot'))
                .map(slot => slot && slot.assignedElements()[0]).filter(cell => cell);
              return cells.some(cell => cell.querySelector('.live-changed-label'))
                && cells.some(cell => cell.textContent.trim() === '%s');
            });""";

    /** The queue has the model's row on the platform, marked updated. */
    private static final String QUEUE_ROW_SHOWN = """
            return [...document.querySelectorAll('#queue-grid .queue-claim.live-changed')]
              .some(claim => claim.textContent.includes('%s') && claim.textContent.includes('%s')
                && claim.querySelector('.live-changed-label'));""";

    @Test
    void a_ci_result_posted_through_the_api_shows_on_an_open_dashboard_and_queue_within_a_second(
            Browser admin, Browser dashboard, Browser queue) throws Exception {
        admin.signIn("admin");
        String token = ApiToMatrixBrowserIT.createToken(admin, "live screens pipeline");
        queue.signIn("validator3");
        Cell cell = untestedCell(queue, "vision_language");
        String model = cell.model();
        Platform untested = cell.platform();
        queue.open("/queue?q=" + URLEncoder.encode(model, StandardCharsets.UTF_8));
        queue.gridRowsWhen("queue-grid", r -> true);
        dashboard.resize(1920, 1080); // the wall screen it is made for: everything in view
        dashboard.signIn("viewer");
        dashboard.open("/dashboard");
        dashboard.gridRowsWhen("recent-changes", r -> !r.isEmpty());
        assertThat(dashboard.js("return document.querySelectorAll('#recent-changes .live-changed').length"))
                .isEqualTo(0L);
        dashboard.js(WATCH.formatted(RECENT_ROW_SHOWN.formatted(model)));
        queue.js(WATCH.formatted(QUEUE_ROW_SHOWN.formatted(model, untested.label())));

        long sent = System.currentTimeMillis();
        HttpResponse<String> answer = post(queue, token, model, untested);
        long answered = System.currentTimeMillis();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        long dashboardShown = shownAt(dashboard);
        long queueShown = shownAt(queue);
        System.out.printf(
                "CI post → shown (ms after the API's answer; after sending in brackets): dashboard %d (%d), queue %d (%d);"
                        + " the POST took %d ms%n",
                dashboardShown - answered,
                dashboardShown - sent,
                queueShown - answered,
                queueShown - sent,
                answered - sent);
        dashboard.screenshot("live-screens-dashboard");
        queue.screenshot("live-screens-queue");
        assertThat(dashboardShown - answered)
                .as("dashboard, ms after the answer")
                .isLessThanOrEqualTo(1000);
        assertThat(queueShown - answered).as("queue, ms after the answer").isLessThanOrEqualTo(1000);
        // The marks go again after a few seconds; the rows stay.
        dashboard.until(d -> dashboard.js("return !document.querySelector('#recent-changes .live-changed-label')"));
        assertThat(dashboard.gridRows("recent-changes")).anyMatch(r -> model.equals(r.get("Model")));
        dashboard.screenshot("live-screens-dashboard-later");
    }

    @Test
    void an_update_leaves_the_queue_scrolled_where_the_validator_left_it(Browser admin, Browser queue)
            throws Exception {
        admin.signIn("admin");
        String token = ApiToMatrixBrowserIT.createToken(admin, "live queue pipeline");
        queue.signIn("validator3");
        Cell cell = untestedCell(queue, "vision");
        queue.open("/queue");
        queue.gridRowsWhen("queue-grid", r -> !r.isEmpty());
        queue.js("document.getElementById('queue-grid').scrollToIndex(40)");
        queue.awaitIdle();
        Object scrolled = settledScrollTop(queue);
        String waiting = queue.byId("queue-count").getText();

        assertThat(post(queue, token, cell.model(), cell.platform()).statusCode())
                .isEqualTo(201);

        queue.until(d -> !queue.byId("queue-count").getText().equals(waiting));
        queue.awaitIdle();
        // Rows differ in height and are measured again as they are drawn, and the new claim joins the queue: the place
        // is kept to within a few rows (a screenful is about twelve), so the validator still sees what they read.
        double row = ((Number)
                        queue.js(
                                "return document.getElementById('queue-grid').shadowRoot.querySelector('#items tr').offsetHeight"))
                .doubleValue();
        assertThat(((Number) settledScrollTop(queue)).doubleValue())
                .as(
                        "the queue's scroll position after the update (%s before, rows %s px; %s → %s)",
                        scrolled, row, waiting, queue.byId("queue-count").getText())
                .isCloseTo(((Number) scrolled).doubleValue(), org.assertj.core.data.Offset.offset(5 * row));
        queue.screenshot("live-screens-queue-scrolled");
    }

    private static final String SCROLL_TOP = "return document.getElementById('queue-grid').$.table.scrollTop";

    /** The grid's scroll position once it stops moving (rows of different heights are measured as they are drawn). */
    private static Object settledScrollTop(Browser browser) throws InterruptedException {
        Object previous = browser.js(SCROLL_TOP);
        for (int i = 0; i < 20; i++) {
            Thread.sleep(250);
            Object now = browser.js(SCROLL_TOP);
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** A demo model of the type (one no other browser test changes) and one of its cells nobody has tested. */
    private record Cell(String model, Platform platform) {}

    private static Cell untestedCell(Browser browser, String type) {
        browser.open("/?type=" + type);
        Map<String, String> row = browser.gridRowsWhen("matrix-grid", r -> !r.isEmpty()).stream()
                .filter(r -> r.containsValue("Not tested"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " demo model has a not-tested cell"));
        return new Cell(
                row.get("Model"),
                Arrays.stream(Platform.values())
                        .filter(p -> row.get(p.label()).equals("Not tested"))
                        .findFirst()
                        .orElseThrow());
    }

    private static HttpResponse<String> post(Browser browser, String token, String model, Platform platform)
            throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.url("/api/v1/results")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        """
                                        {"batch_id": "live-screens-%d", "results": [{"model": "%s", "hardware": "%s",
                                         "level": "high", "evidence": {"run": "live-1", "framework_version": "1.0"}}]}""".formatted(System.nanoTime(), model, platform.key())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** When the page first showed the change (waits up to the browsers' patience). */
    private static long shownAt(Browser browser) {
        return browser.until(d -> browser.js("return window.__shownAt") instanceof Number at ? at.longValue() : null);
    }
}
