// A Monte Carlo web worker: it loads the page's own wasm module (whose URLs
// the page passes as ?js=...&wasm=..., same origin only) and the module,
// seeing no window, serves Monte Carlo chunks (src/ui/worker.rs).
(function () {
  var here = new URL(self.location.href);
  var js = new URL(here.searchParams.get('js') || '', here);
  var wasm = new URL(here.searchParams.get('wasm') || '', here);
  if (js.origin !== here.origin || wasm.origin !== here.origin) {
    throw new Error('computedeal worker: the module must come from this origin');
  }
  import(js.href).then(function (m) { return m.default({ module_or_path: wasm.href }); });
})();
