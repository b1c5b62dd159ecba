// Draws every chart whose ECharts option the server put in a data-chart attribute, on load and after
// htmx swaps in new content. No inline scripts: the pages stay within a strict Content-Security-Policy.
(function () {
  function drawCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) return;
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.dataset.chart));
      el.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSwap', function (e) { drawCharts(e.target); });
})();
