// Shows a plain message if the WebAssembly app fails to load or start,
// instead of leaving the loading text on screen for ever, and says why: a
// file that could not be downloaded, a browser without WebAssembly SIMD, a
// frame sandboxed without allow-same-origin (whose host still gets the
// height messages), or an error while starting. Text only, never HTML.
// index.html loads it without an integrity attribute, so that a sandboxed
// frame (an opaque origin, where an integrity-checked file is refused) runs it.
(function () {
  // A Hindi page is drawn once its Devanagari font is ready (src/start.rs,
  // so that no font swap moves it): when the address asks for Hindi, fetch
  // the font now, beside the app's own files, rather than after them.
  if (/(^|&)lang=hi(&|$)/.test(location.search.slice(1)) && document.head) {
    var font = document.createElement('link');
    font.rel = 'preload';
    font.as = 'font';
    font.type = 'font/woff2';
    font.crossOrigin = 'anonymous';
    font.href = 'noto-sans-devanagari-400.woff2';
    document.head.appendChild(font);
  }

  // The smallest module that uses a SIMD instruction (v128.const, i8x16.popcnt):
  // WebAssembly.validate says whether this browser runs the calculator's code.
  var SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

  function simdSupported() {
    try { return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE); } catch (e) { return false; }
  }

  function show(text) {
    var app = document.getElementById('app');
    // A started app, or one whose panic hook already explained itself, keeps its message.
    var state = app && app.getAttribute('data-state');
    if (state === 'ready' || state === 'crashed') return;
    var crash = document.getElementById('crash');
    if (!crash) return;
    crash.textContent = text;
    crash.hidden = false;
    var boot = document.getElementById('boot');
    if (boot) boot.remove();
    if (app) {
      app.setAttribute('data-state', 'crashed');
      app.setAttribute('data-crash', text);
    }
  }

  // In a frame sandboxed without allow-same-origin the page's origin is
  // opaque: the browser refuses the calculator's own stylesheet, script and
  // wasm (integrity-checked, or fetched as modules), so it can never start.
  // Say so, and still tell the host page how tall the message is.
  var SANDBOXED = /^https?:$/.test(location.protocol) && self.origin === 'null';
  var SANDBOX_TEXT = 'Sorry: the calculator cannot run in this frame: its sandbox attribute keeps it from loading its own files. ' +
    'An embed needs sandbox="allow-scripts allow-same-origin" (or no sandbox attribute).';

  // The embed's two height messages (src/embed.rs), here for the page's
  // whole content: computedeal's and AMP's.
  function postHeight() {
    if (window.parent === window) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: 'computedeal:height', height: height }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: height }, '*');
  }

  function fail(reason) {
    if (SANDBOXED) {
      show(SANDBOX_TEXT);
    } else if (!simdSupported()) {
      show('Sorry: the calculator could not start: this browser does not run WebAssembly SIMD, which it needs. ' +
        'A current Chrome, Edge, Firefox or Safari does.');
    } else if (/fetch|network|load|import|download|404|failed to/i.test(reason)) {
      show('Sorry: a file of the calculator could not be downloaded (' + reason + '). ' +
        'Check the connection and reload; if you are offline, open it once online first.');
    } else {
      show('Sorry: the calculator could not start (' + reason + '). Reload the page to try again.');
    }
  }

  // Errors of scripts and of files they load; in the capture phase, so a
  // <script> or <link> that fails to load (which does not bubble) is seen too.
  window.addEventListener('error', function (e) {
    var t = e && e.target;
    if (t && t !== window && (t.src || t.href)) {
      fail('could not download ' + String(t.src || t.href).split('/').pop().slice(0, 80));
    } else if (e && e.message) {
      fail(String(e.message).slice(0, 200));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    fail(String((e && e.reason && e.reason.message) || e.reason || 'unknown error').slice(0, 200));
  });
  if (SANDBOXED) {
    window.addEventListener('DOMContentLoaded', function () {
      fail('sandboxed');
      postHeight();
      if (typeof ResizeObserver === 'function') new ResizeObserver(postHeight).observe(document.documentElement);
    });
  } else if (!simdSupported()) {
    // Say so at once rather than after a download that cannot run.
    window.addEventListener('DOMContentLoaded', function () { fail('no WebAssembly SIMD'); });
  }

  // Offline: a service worker caches this build (static/sw.js) after the page
  // has loaded. `#dev` or `?sw=0` in the address turn it off and remove it.
  if (!SANDBOXED && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    var off = location.hash === '#dev' || /[?&]sw=0(&|$)/.test(location.search);
    if (off) {
      navigator.serviceWorker.getRegistrations().then(function (rs) { rs.forEach(function (r) { r.unregister(); }); });
    } else {
      window.addEventListener('load', function () { navigator.serviceWorker.register('sw.js').catch(function () {}); });
    }
  }
})();
