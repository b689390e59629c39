package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * Moves the mouse over every drawn mark (bar, slice, heatmap cell, timeline bar) and legend entry of the charts on the
 * page, as a person exploring the tooltips does, and checks that no text of a chart ran as script or became markup.
 */
final class ChartHover {

    /** Records calls of alert, confirm and prompt instead of opening a dialog; the page's own code uses none. */
    private static final String TRAP_DIALOGS = """
            window.__dialogs = window.__dialogs || [];
            ['alert', 'confirm', 'prompt'].forEach(name => window[name] = message => {
              window.__dialogs.push(name + '(' + message + ')');
              return null;
            });""";

    /**
     * Scrolls the chart (arguments[0], an element holding an ApexCharts chart) into view and returns, for each mark and
     * legend entry, a point of the viewport where the mouse is over it (null while the chart has not drawn yet).
     */
    private static final String POINTS = """
            const root = arguments[0];
            root.scrollIntoView({block: 'center'});
            const marks = [...root.querySelectorAll('.apexcharts-series path, .apexcharts-series rect, '
                + '.apexcharts-heatmap-rect, .apexcharts-pie-area, .apexcharts-bar-area, .apexcharts-rangebar-area, '
                + '.apexcharts-legend-series')];
            if (!root.querySelector('.apexcharts-canvas')) return null;
            const points = [];
            for (const mark of marks) {
              const box = mark.getBoundingClientRect();
              if (box.width < 1 || box.height < 1) continue;
              search: for (let fy = 0.5; fy < 1; fy += 0.2) for (const y of [fy, 1 - fy])
                for (let fx = 0.5; fx < 1; fx += 0.2) for (const x of [fx, 1 - fx]) {
                  const px = box.left + box.width * x, py = box.top + box.height * y;
                  const hit = document.elementFromPoint(px, py);
                  if (hit && (hit === mark || mark.contains(hit))) {
                    points.push([Math.round(px), Math.round(py)]);
                    break search;
                  }
                }
            }
            return points;""";

    /** The text of the shown tooltips (ApexCharts keeps one per chart and marks the shown one active). */
    private static final String TOOLTIP_TEXT = """
            return [...document.querySelectorAll('.apexcharts-tooltip.apexcharts-active')]
                .map(t => t.textContent.replace(/\\s+/g, ' ').trim()).join(' | ');""";

    /**
     * What a chart's text must never become: elements that are not ApexCharts' own, event-handler attributes, and
     * dialogs opened by script; also HTML entities left visible where text was escaped for the wrong place.
     */
    private static final String INJECTED = """
            const found = [];
            const charts = [...document.querySelectorAll('.apexcharts-canvas')];
            for (const chart of charts) {
              for (const e of chart.querySelectorAll('*')) {
                if (['IMG', 'IFRAME', 'SCRIPT', 'OBJECT', 'EMBED', 'B', 'A'].includes(e.tagName.toUpperCase())) {
                  found.push('element <' + e.tagName.toLowerCase() + '>');
                }
                for (const a of e.attributes) {
                  if (a.name.toLowerCase().startsWith('on')) found.push('attribute ' + a.name + '="' + a.value + '"');
                }
              }
              const text = chart.textContent;
              for (const entity of ['&lt;', '&gt;', '&amp;', '&quot;', '&#39;', '&#x27;']) {
                if (text.includes(entity)) found.push('visible ' + entity + ' in "' + text.slice(0, 200) + '"');
              }
            }
            if (document.querySelector('img[src="x"]')) found.push('an <img src=x> in the page');
            return found.concat(window.__dialogs || []);""";

    private ChartHover() {}

    /** Call after each page load: script-opened dialogs are recorded instead of shown. */
    static void trapDialogs(Browser browser) {
        browser.js(TRAP_DIALOGS);
    }

    /**
     * Hovers every mark and legend entry of the chart inside the element with the id, checking after each move that
     * nothing was injected; returns the tooltip texts seen.
     */
    static List<String> hoverEverything(Browser browser, String chartId) {
        List<String> tooltips = new ArrayList<>();
        for (List<Number> point : points(browser, chartId)) {
            moveTo(browser, point);
            // One round trip per mark: the tooltip shown and what was injected, read together.
            List<?> seen =
                    (List<?>) browser.js("return [(() => { " + TOOLTIP_TEXT + " })(), (() => { " + INJECTED + " })()]");
            tooltips.add((String) seen.get(0));
            assertThat((List<?>) seen.get(1))
                    .as("script or markup from a chart's text (%s)", chartId)
                    .isEmpty();
        }
        // Leave the chart, so the next one starts without a tooltip shown.
        moveTo(browser, List.of(1, 1));
        return tooltips;
    }

    /** Moves the mouse over the chart's first mark, leaving its tooltip shown (for a screenshot). */
    static void hoverFirstMark(Browser browser, String chartId) {
        moveTo(browser, points(browser, chartId).getFirst());
    }

    @SuppressWarnings("unchecked")
    private static List<List<Number>> points(Browser browser, String chartId) {
        var root = browser.byId(chartId);
        return browser.until(d -> {
            var found = (List<List<Number>>) browser.js(POINTS, root);
            return found == null || found.isEmpty() ? null : found;
        });
    }

    /**
     * A real mouse move (the browser's own input events, as a person's mouse makes), straight to the point: Selenium's
     * {@code Actions.moveToLocation} glides there for 250 ms, which over the hundreds of marks hovered here was most
     * of this check's time and tests nothing more.
     */
    private static void moveTo(Browser browser, List<? extends Number> point) {
        PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
        Sequence move = new Sequence(mouse, 0)
                .addAction(mouse.createPointerMove(
                        Duration.ZERO,
                        PointerInput.Origin.viewport(),
                        point.get(0).intValue(),
                        point.get(1).intValue()));
        browser.driver.perform(List.of(move));
    }

    @SuppressWarnings("unchecked")
    static void assertNothingInjected(Browser browser, String where) {
        assertThat((List<String>) browser.js(INJECTED))
                .as("script or markup from a chart's text (%s)", where)
                .isEmpty();
    }
}
