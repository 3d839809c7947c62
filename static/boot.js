// Shows a plain message if the WebAssembly app fails to load or start,
// instead of leaving the loading text on screen for ever. Text only, never HTML.
(function () {
  function fail(reason) {
    var app = document.getElementById('app');
    // A started app, or one whose panic hook already explained itself, keeps its message.
    var state = app && app.getAttribute('data-state');
    if (state === 'ready' || state === 'crashed') return;
    var crash = document.getElementById('crash');
    if (!crash) return;
    crash.textContent = 'Sorry: the calculator could not start (' + reason + '). ' +
      'It needs a browser with WebAssembly SIMD support, such as a current Chrome, Firefox or Safari.';
    crash.hidden = false;
    var boot = document.getElementById('boot');
    if (boot) boot.remove();
    if (app) app.setAttribute('data-state', 'crashed');
  }
  window.addEventListener('error', function (e) {
    if (e && e.message) fail(String(e.message).slice(0, 200));
  });
  window.addEventListener('unhandledrejection', function (e) {
    fail(String((e && e.reason && e.reason.message) || e.reason || 'unknown error').slice(0, 200));
  });

  // Offline: a service worker caches this build (static/sw.js) after the page
  // has loaded. `#dev` or `?sw=0` in the address turn it off and remove it.
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    var off = location.hash === '#dev' || /[?&]sw=0(&|$)/.test(location.search);
    if (off) {
      navigator.serviceWorker.getRegistrations().then(function (rs) { rs.forEach(function (r) { r.unregister(); }); });
    } else {
      window.addEventListener('load', function () { navigator.serviceWorker.register('sw.js').catch(function () {}); });
    }
  }
})();
