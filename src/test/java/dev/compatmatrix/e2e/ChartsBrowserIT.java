package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts render in the browser with the demo data's numbers, each with its numbers as a table. */
@BrowserTest
class ChartsBrowserIT {

    /** How many drawn data marks (bars, slices, heatmap cells, line points) an ApexCharts chart inside the element has. */
    private static final String MARKS = """
            const panel = document.getElementById(arguments[0]);
            return panel ? panel.querySelectorAll('.apexcharts-series path, .apexcharts-series rect, '
                + '.apexcharts-heatmap-rect, .apexcharts-pie-area, .apexcharts-bar-area').length : 0;""";

    @Test
    void the_dashboards_charts_draw_their_data(Browser browser) {
        browser.signIn("viewer");
        browser.open("/dashboard");
        for (String chart : List.of("coverage-chart", "status-chart", "score-chart", "family-chart")) {
            long marks = browser.until(d -> {
                long drawn = ((Number) browser.js(MARKS, chart)).longValue();
                return drawn > 0 ? drawn : null;
            });
            assertThat(marks).as(chart).isPositive();
            assertThat(browser.js("return document.getElementById(arguments[0]).textContent", chart)
                            .toString())
                    .as(chart)
                    .contains("Numbers as a table");
        }
        browser.screenshot("dashboard");
    }

    /**
     * The x-axis labels of a chart (arguments[0] its panel's id) and the pairs of them whose drawn boxes overlap (the
     * boxes as rotated on the screen, a pixel inside their edges); null while the chart has not drawn its labels.
     */
    private static final String AXIS_LABELS = """
            const root = document.getElementById(arguments[0]);
            const labels = root ? [...root.querySelectorAll('.apexcharts-xaxis-label')] : [];
            if (!labels.length) return null;
            const text = t => [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ').trim();
            const shown = labels.filter(t => text(t) && t.getBBox().width > 0);
            const corners = t => {
              const b = t.getBBox(), m = t.getScreenCTM();
              return [[b.x + 1, b.y + 1], [b.x + b.width - 1, b.y + 1], [b.x + b.width - 1, b.y + b.height - 1],
                      [b.x + 1, b.y + b.height - 1]].map(([x, y]) => {
                const p = new DOMPoint(x, y).matrixTransform(m);
                return [p.x, p.y];
              });
            };
            // Two convex shapes overlap unless one of their edges' normals separates them.
            const overlap = (a, b) => {
              for (const shape of [a, b]) for (let i = 0; i < 4; i++) {
                const [x1, y1] = shape[i], [x2, y2] = shape[(i + 1) % 4];
                const project = s => s.map(([x, y]) => x * (y2 - y1) + y * (x1 - x2));
                const pa = project(a), pb = project(b);
                if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
              }
              return true;
            };
            const boxes = shown.map(corners);
            const clashes = [];
            for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
              if (overlap(boxes[i], boxes[j])) clashes.push(text(shown[i]) + ' / ' + text(shown[j]));
            }
            return { labels: shown.map(text), clashes: clashes };""";

    @Test
    @SuppressWarnings("unchecked")
    void the_dashboard_shows_every_axis_label_apart_and_says_which_families_the_heatmap_shows(Browser browser) {
        browser.signIn("viewer");
        for (int[] size : new int[][] {{1440, 900}, {1920, 1080}}) {
            browser.resize(size[0], size[1]);
            browser.open("/dashboard");
            for (String chart : List.of("coverage-chart", "score-chart")) {
                var axis = (java.util.Map<String, List<String>>) browser.until(d -> browser.js(AXIS_LABELS, chart));
                assertThat(axis.get("labels"))
                        .as(chart + " at " + size[0])
                        .hasSize(chart.equals("coverage-chart") ? 8 : 10);
                assertThat(axis.get("clashes")).as(chart + " at " + size[0]).isEmpty();
            }
            var coverage = (java.util.Map<String, List<String>>) browser.js(AXIS_LABELS, "coverage-chart");
            assertThat(coverage.get("labels"))
                    .containsExactly("CPU", "CUDA", "ROCm", "Apple MPS", "OpenVINO", "Qualcomm", "WebNN", "WebGPU");
            assertThat(browser.byId("family-range").getText()).matches("Families 1–12 of \\d+, biggest first");
            browser.screenshot("dashboard-" + size[0] + "x" + size[1]);
        }
        browser.byId("next-families").click();
        browser.awaitIdle();
        assertThat(browser.byId("family-range").getText()).startsWith("Families 13–");
    }

    @Test
    void the_history_charts_draw_the_level_changes(Browser browser) {
        browser.signIn("viewer");
        browser.open("/history?model=llama-7b");
        long charts = browser.until(d -> {
            long drawn =
                    ((Number) browser.js("return document.querySelectorAll('.apexcharts-series').length")).longValue();
            return drawn > 0 ? drawn : null;
        });
        assertThat(charts).isPositive();
        assertThat(browser.gridRows("history-grid")).isNotEmpty();
        browser.screenshot("history");
    }
}
