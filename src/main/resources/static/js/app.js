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
      (option.baseOption || option).animation = false;
      chart.setOption(option);
      el.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSwap', function (e) { drawCharts(e.target); });
})();

// On a phone a page's long parts (details[data-fold-on-phone]) start folded, so the page reads as a summary; on a
// screen and without JavaScript they stay open, and they open to print.
(function () {
  function folds() { return document.querySelectorAll('details[data-fold-on-phone]'); }
  document.addEventListener('DOMContentLoaded', function () {
    if (window.matchMedia && window.matchMedia('(max-width: 640px)').matches) folds().forEach(function (d) { d.open = false; });
  });
  window.addEventListener('beforeprint', function () { folds().forEach(function (d) { d.open = true; }); });
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

// A form sent after the session ended (timed out, or pushed out by a sign-in elsewhere) goes to sign-in, which says
// so; the server cannot keep what was typed, so this tab does: the fields of every form sent are kept for a moment
// in sessionStorage (never passwords, files or the CSRF token) and, if the sign-in page says the session had
// expired, put back into the same form once signed in again. Any other answer forgets them.
(function () {
  var KEY = 'gongfu-unsent';
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  function target(form) { return new URL(form.getAttribute('hx-post') || form.action, location.href).href; }
  function sameTarget(href) { return Array.prototype.filter.call(document.forms, function (f) { return target(f) === href; }); }
  function read() { try { return JSON.parse(sessionStorage.getItem(KEY)); } catch (e) { return null; } }
  function forget() { sessionStorage.removeItem(KEY); }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var posted = (form.method || '').toLowerCase() === 'post' || form.hasAttribute('hx-post');
    if (!posted || form.classList.contains('logout') || /\/login$/.test(new URL(target(form)).pathname)) return;
    var fields = {};
    each(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || /^(password|file|hidden|submit|button)$/.test(el.type)) return;
      if (el.type === 'checkbox' || el.type === 'radio') fields[el.name + '=' + el.value] = el.checked;
      else if (el.type === 'select-multiple') fields[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      else fields[el.name] = el.value;
    });
    var href = target(form);
    sessionStorage.setItem(KEY, JSON.stringify({ at: Date.now(), page: location.pathname + location.search,
      action: href, index: sameTarget(href).indexOf(form), fields: fields }));
  }, true);
  document.addEventListener('htmx:afterRequest', function (e) { if (e.detail.successful) forget(); });

  document.addEventListener('DOMContentLoaded', function () {
    var draft = read();
    if (!draft) return;
    if (document.querySelector('[data-session-expired]')) {
      // only the answer to that very submission, not a sign-in page seen later
      if (!draft.interrupted && Date.now() - draft.at < 60000) { draft.interrupted = true; sessionStorage.setItem(KEY, JSON.stringify(draft)); }
      return;
    }
    if (document.getElementById('login-submit')) return;
    if (!draft.interrupted) { forget(); return; }
    var forms = sameTarget(draft.action);
    var form = forms[draft.index] || forms[0];
    if (!form) {
      // signed in again but elsewhere: back to the page the form was on, once
      if (location.pathname + location.search !== draft.page) location.replace(draft.page); else forget();
      return;
    }
    forget();
    each(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === 'checkbox' || el.type === 'radio') {
        if ((el.name + '=' + el.value) in draft.fields) el.checked = draft.fields[el.name + '=' + el.value];
      } else if (el.type === 'select-multiple' && Array.isArray(draft.fields[el.name])) {
        each(el.options, function (o) { o.selected = draft.fields[el.name].indexOf(o.value) >= 0; });
      } else if (el.name in draft.fields && typeof draft.fields[el.name] === 'string') {
        el.value = draft.fields[el.name];
      }
    });
    form.scrollIntoView({ block: 'center' });
  });
})();

// A table wider than the phone scrolls inside its own box; a keyboard must reach it too (WCAG 2.1.1), so a box that
// scrolls takes the focus, and one that fits gives it back.
(function () {
  function scrollers() {
    document.querySelectorAll('table.grid, .doc-table-wrap').forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) el.setAttribute('tabindex', '0');
      else if (el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex');
    });
  }
  document.addEventListener('DOMContentLoaded', scrollers);
  window.addEventListener('resize', scrollers);
  document.addEventListener('htmx:afterSwap', scrollers);
})();
