// computedeal's service worker: on the first visit it caches every file of
// this build, so a reload works with the network off. The cache is named
// after the build and the worker's scope (scripts/post-build.mjs writes
// VERSION and ASSETS), so a new build installs a new cache and deletes the
// old one of the same scope, and builds at other paths of the same origin
// keep theirs. Pages are fetched from the network first (a new build shows
// at once), the build's files from the cache first, anything else (the
// deals' images and oEmbed documents) from the network first and kept for
// offline. `?sw=0` in a page's address bypasses the cache; the page itself
// unregisters the worker for `?sw=0` and `#dev` (static/boot.js).
//
// Installing fetches past the HTTP cache (`cache: 'reload'`): a host that
// sends Last-Modified without Cache-Control lets the browser keep an old
// index.html "fresh" for hours, and a new cache holding the old page would
// name files the new build no longer has. The page is stored only if every
// file it names is in this build; otherwise the install fails and the old
// worker and its cache stay.
//
// Offline, an address gets its own file if it is cached; the calculator's
// pages (the root, index.html, deal-<preset>.html, computedeal.html) get the
// calculator's page, which reads the deal from the address; anything else
// fails as any unreachable address does.
const VERSION = 'computedeal-dev';
const ASSETS = [];

// `computedeal-<build>:<scope's path>`: one cache per build and scope.
const SCOPE = new URL(self.registration.scope);
const CACHE = `${VERSION}:${SCOPE.pathname}`;

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
  const cache = await caches.open(CACHE);
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

/** Whether `name` is an older cache of this scope: named for it, or (named by
 * a worker from before caches carried their scope) holding this scope's page. */
async function oldCacheOfThisScope(name) {
  if (!name.startsWith('computedeal-') || name === CACHE) return false;
  const colon = name.indexOf(':');
  if (colon >= 0) return name.slice(colon + 1) === SCOPE.pathname;
  return Boolean(await (await caches.open(name)).match(SCOPE.href));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.map(async (k) => { if (await oldCacheOfThisScope(k)) await caches.delete(k); })))
      .then(() => self.clients.claim()),
  );
});

/** The address's path inside this worker's scope ('' for the scope itself), or null outside it. */
function inScope(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname) ? url.pathname.slice(SCOPE.pathname.length) : null;
}

/** The addresses that are the calculator's page. */
function isCalculatorPage(rel) {
  return rel === '' || rel === 'index.html' || rel === 'computedeal.html' || /^deal-[a-z0-9-]+\.html$/.test(rel);
}

/** A file this build cached at install. */
function isBuildFile(rel) {
  return rel === '' || ASSETS.includes(`./${rel}`);
}

/** Keeps a file from the network for offline, if it is one of this scope's and
 * not a page (a page kept from the network could name files this build lacks). */
async function keep(rel, url, response) {
  const type = response.headers.get('content-type') || '';
  if (rel === null || rel === 'sw.js' || isCalculatorPage(rel) || isBuildFile(rel)) return;
  if (!response.ok || response.type !== 'basic' || /^text\/html/i.test(type)) return;
  try {
    await (await caches.open(CACHE)).put(url.origin + url.pathname, response);
  } catch (e) {
    // Out of space or the like: the file still reaches the page.
  }
}

/** The network's answer, kept for offline when it is worth keeping; offline, the cache's. */
async function networkFirst(event, request, url, rel) {
  try {
    const response = await request;
    event.waitUntil(keep(rel, url, response.clone()));
    return response;
  } catch (e) {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(url.origin + url.pathname);
    if (hit) return hit;
    if (event.request.mode === 'navigate' && rel !== null && isCalculatorPage(rel)) {
      const page = await cache.match(SCOPE.href);
      if (page) return page;
    }
    return Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.searchParams.get('sw') === '0') return;
  const rel = inScope(url);
  if (request.mode === 'navigate') {
    // From the server, past the HTTP cache (never an old page it keeps as
    // fresh, or serves offline, naming files this build does not have: 2.5 KB
    // a visit); offline, the cached file, or this build's own page for the
    // calculator's addresses.
    event.respondWith(networkFirst(event, fetch(new Request(request.url, { cache: 'no-store', credentials: 'same-origin' })), url, rel));
    return;
  }
  if (rel === null || !isBuildFile(rel)) {
    event.respondWith(networkFirst(event, fetch(request), url, rel));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => {
      if (!hit) return fetch(request);
      // A cached response keeps its own URL, which a worker takes as its
      // location: rebuild it, so the Monte Carlo worker keeps its ?js=&wasm=.
      return url.search ? new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers }) : hit;
    }),
  );
});
