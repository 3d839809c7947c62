// computedeal's service worker: on the first visit it caches every file of
// this build, so a reload works with the network off. The cache is named
// after the build (scripts/post-build.mjs writes VERSION and ASSETS), so a
// new build installs a new cache and deletes the old one. Pages are fetched
// from the network first (a new build shows at once), everything else from
// the cache first. `?sw=0` in a page's address bypasses the cache; the page
// itself unregisters the worker for `?sw=0` and `#dev` (static/boot.js).
const VERSION = 'computedeal-dev';
const ASSETS = [];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(['./', ...ASSETS])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('computedeal-') && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.searchParams.get('sw') === '0') return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() => caches.open(VERSION).then((c) => c.match('./')).then((r) => r || Response.error())),
    );
    return;
  }
  event.respondWith(
    caches.open(VERSION).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => {
      if (!hit) return fetch(request);
      // A cached response keeps its own URL, which a worker takes as its
      // location: rebuild it, so the Monte Carlo worker keeps its ?js=&wasm=.
      return url.search ? new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers }) : hit;
    }),
  );
});
