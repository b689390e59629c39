// Glue between the server-side ApexChart component and the ApexCharts library (served from charts/lib).
//
// ApexCharts draws titles, axis labels and data labels as SVG text (shown as typed), but puts tooltip and legend
// texts into the page as HTML. Every chart drawn here therefore gets formatters that escape exactly those texts,
// so that no name a user typed can become markup or script, and none shows an entity such as "&lt;".
(() => {
  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const escape = value => (value === undefined || value === null ? '' : String(value))
      .replace(/[&<>"']/g, c => ENTITIES[c]);
  const isoDay = time => new Date(time).toISOString().slice(0, 10);

  /** The config with escaping formatters on every text that ApexCharts puts into HTML. */
  const withTextOnlyHtml = config => {
    const datetime = (config.xaxis || {}).type === 'datetime';
    // A timeline's x values are instants; everything else is a category or number shown as it is.
    const x = value => escape(datetime && typeof value === 'number' ? isoDay(value) : value);
    const y = value => escape(value);
    const seriesName = name => (name ? escape(name) + ': ' : '');
    const tooltip = config.tooltip || {};
    const xaxis = config.xaxis || {};
    return {
      ...config,
      tooltip: {
        ...tooltip,
        x: { ...(tooltip.x || {}), formatter: x },
        y: { ...(tooltip.y || {}), formatter: y, title: { formatter: seriesName } },
        z: { ...(tooltip.z || {}), formatter: y, title: '' }
      },
      xaxis: { ...xaxis, tooltip: { ...(xaxis.tooltip || {}), formatter: x } },
      legend: { ...(config.legend || {}), formatter: name => escape(name) }
    };
  };

  /** Dark when the page is: the user's own choice, or the operating system's where the page follows it. */
  const isDark = () => {
    const scheme = getComputedStyle(document.documentElement).colorScheme.split(' ');
    return scheme.includes('dark') && (!scheme.includes('light') || matchMedia('(prefers-color-scheme: dark)').matches);
  };

  /** The config in the page's colours: ApexCharts' light or dark mode, text as the page's, no background of its own. */
  const themed = (element, config) => {
    const mode = isDark() ? 'dark' : 'light';
    return {
      ...config,
      chart: { ...(config.chart || {}), background: 'transparent', foreColor: getComputedStyle(element).color },
      theme: { ...(config.theme || {}), mode },
      tooltip: { ...(config.tooltip || {}), theme: mode },
      grid: { ...(config.grid || {}), borderColor: mode === 'dark' ? '#3e526b' : '#e0e0e0' }
    };
  };

  /** Every drawn chart takes the new colours when the page switches between light and dark. */
  const followThemeSwitches = () => {
    const redraw = () => document.querySelectorAll('.apex-chart').forEach(element => {
      if (element.$compatChart && element.$compatConfig) {
        element.$compatChart.updateOptions(themed(element, element.$compatConfig), false, false);
      }
    });
    new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['theme', 'style'] });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
  };
  followThemeSwitches();

  window.compatCharts = {
    render(element, config, attempt = 0) {
      if (typeof window.ApexCharts === 'undefined') {
        // The library script may still be loading right after the page opened.
        if (attempt < 50) {
          setTimeout(() => window.compatCharts.render(element, config, attempt + 1), 100);
        }
        return;
      }
      element.$compatConfig = withTextOnlyHtml(config);
      const safeConfig = themed(element, element.$compatConfig);
      if (element.$compatChart) {
        // Redrawn in place, after the page has painted the rest of the same update (a live screen's new row shows
        // at once; its charts follow a moment later). The newest of several quick updates wins.
        element.$compatUpdate = safeConfig;
        requestAnimationFrame(() => setTimeout(() => {
          if (element.$compatUpdate === safeConfig) {
            element.$compatChart.updateOptions(safeConfig, true, false);
          }
        }, 0));
        return;
      }
      element.$compatChart = new window.ApexCharts(element, safeConfig);
      element.$compatChart.render();
    }
  };
})();
