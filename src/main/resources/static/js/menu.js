// The header's menu button on phones. Loaded in the head, not deferred: the "js" class is set before the header is
// drawn, so app.css folds the navigation away only where this script runs. Without JavaScript the button is never
// shown and the navigation stays a visible list; a native <button>, so Enter and Space work, and Escape closes.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('nav-toggle');
  if (!button) return;
  var header = button.closest('header');
  function show(open) {
    header.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  button.addEventListener('click', function () { show(button.getAttribute('aria-expanded') !== 'true'); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && header.classList.contains('menu-open')) { show(false); button.focus(); }
  });
});
