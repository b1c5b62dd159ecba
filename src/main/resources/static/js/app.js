// Draws every chart whose ECharts option the server put in a data-chart attribute, on load and after
// htmx swaps in new content. No inline scripts: the pages stay within a strict Content-Security-Policy.
(function () {
  function drawCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) return;
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var option = JSON.parse(el.dataset.chart);
      // calm pages: charts appear drawn, not animated (and screenshots show them whole)
      option.animation = false;
      chart.setOption(option);
      el.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSwap', function (e) { drawCharts(e.target); });
})();

// Upload forms with data-upload-progress fill the named <progress> as htmx sends the file.
document.addEventListener('htmx:xhr:progress', function (e) {
  var form = e.target.closest ? e.target.closest('[data-upload-progress]') : null;
  if (!form || !e.detail.lengthComputable) return;
  var bar = document.getElementById(form.dataset.uploadProgress);
  if (bar) bar.value = Math.round(e.detail.loaded / e.detail.total * 100);
});

// htmx requests carry the CSRF token the page was rendered with, like the forms do.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) e.detail.headers[header.content] = token.content;
});
