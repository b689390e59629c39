// Glue between the server-side ApexChart component and the ApexCharts library (served from charts/lib).
window.compatCharts = {
  render(element, config, attempt = 0) {
    if (typeof window.ApexCharts === 'undefined') {
      // The library script may still be loading right after the page opened.
      if (attempt < 50) {
        setTimeout(() => window.compatCharts.render(element, config, attempt + 1), 100);
      }
      return;
    }
    if (element.$compatChart) {
      element.$compatChart.updateOptions(config, true, false);
      return;
    }
    element.$compatChart = new window.ApexCharts(element, config);
    element.$compatChart.render();
  }
};
