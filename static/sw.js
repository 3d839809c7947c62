// computedeal's service worker: on the first visit it caches every file of
// this build, so a reload works with the network off. The cache is named
// after the build (scripts/post-build.mjs writes VERSION and ASSETS), so a
// new build installs a new cache and deletes the old one. Pages are fetched
// from the network first (a new build shows at once), everything else from
// the cache first. `?sw=0` in a page's address bypasses the cache; the page
// itself unregisters the worker for `?sw=0` and `#dev` (static/boot.js).
//
// Installing fetches past the HTTP cache (`cache: 'reload'`): a host that
// sends Last-Modified without Cache-Control lets the browser keep an old
// index.html "fresh" for hours, and a new cache holding the old page would
// name files the new build no longer has. The page is stored only if every
// file it names is in this build; otherwise the install fails and the old
// worker and its cache stay.
const VERSION = 'computedeal-dev';
const ASSETS = [];

/** The same-origin files a page names in src= and href= attributes. */
function filesNamedBy(html) {
  const names = new Set();
  for (const m of html.matchAll(/\b(?:src|href)="([^"#?]+)/g)) {
    const url = new URL(m[1], self.location.href);
    if (url.origin === self.location.origin) names.add('./' + url.pathname.split('/').pop());
  }
  return names;
}

async function install() {
  const cache = await caches.open(VERSION);
  const fetched = await Promise.all(['./', ...ASSETS].map(async (name) => {
    const response = await fetch(new Request(name, { cache: 'reload' }));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return [name, response];
  }));
  const page = fetched.find(([name]) => name === './')[1];
  const missing = [...filesNamedBy(await page.clone().text())].filter((f) => f !== './' && !ASSETS.includes(f));
  if (ASSETS.length && missing.length) throw new Error(`the page names files this build does not have: ${missing.join(', ')}`);
  await Promise.all(fetched.map(([name, response]) => cache.put(name, response)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
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
    // From the server, past the HTTP cache (never an old page it keeps as
    // fresh, or serves offline, naming files this build does not have: 2.5 KB
    // a visit); offline, this build's own page.
    event.respondWith(
      fetch(new Request(request.url, { cache: 'no-store', credentials: 'same-origin' }))
        .catch(() => caches.open(VERSION).then((c) => c.match('./')).then((r) => r || Response.error())),
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
