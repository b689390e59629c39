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
            assertThat(browser.js("return document.getElementById(arguments[0]).textContent", chart).toString())
                    .as(chart).contains("Numbers as a table");
        }
        browser.screenshot("dashboard");
    }

    @Test
    void the_history_charts_draw_the_level_changes(Browser browser) {
        browser.signIn("viewer");
        browser.open("/history?model=llama-7b");
        long charts = browser.until(d -> {
            long drawn = ((Number) browser.js("return document.querySelectorAll('.apexcharts-series').length")).longValue();
            return drawn > 0 ? drawn : null;
        });
        assertThat(charts).isPositive();
        assertThat(browser.gridRows("history-grid")).isNotEmpty();
        browser.screenshot("history");
    }
}
