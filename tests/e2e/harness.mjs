// Shared end-to-end harness: a static file server for dist/ on 127.0.0.1 (a
// free port, closed by the test that opened it) and Debian's Chromium driven
// by playwright-core. Every page records the requests it makes, so tests can
// assert that nothing leaves the page's own origin.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import crypto from 'node:crypto';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DIST_DIR || path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Serves `dir` at `prefix` (for example '/' or '/blog/tools/calc/') on 127.0.0.1 and a free port. */
export async function serve(dir = DIST, prefix = '/') {
  return serveMounts({ [prefix]: dir }, prefix);
}

/**
 * Serves several sites on one origin, each directory at its prefix (for
 * example `{ '/a/': DIST, '/b/': other }`); `url` is the first prefix's.
 */
export async function serveMounts(mounts, first = Object.keys(mounts)[0]) {
  // The longest prefix wins, as nested sites would be deployed.
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  // Large headers: the tests open links with a 1 MB value.
  const server = http.createServer({ maxHeaderSize: 4 << 20 }, (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    const prefix = prefixes.find((p) => rel.startsWith(p));
    if (prefix === undefined) { res.writeHead(404); res.end('not found'); return; }
    const dir = mounts[prefix];
    rel = rel.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    // Ordinary caching headers, as a plain static host sends them (python3 -m
    // http.server, a bare nginx): Last-Modified and no Cache-Control, so the
    // browser may reuse a file it thinks fresh without asking.
    const modified = fs.statSync(file).mtime;
    if (process.env.SERVE_LOG) console.log('serve', req.url, req.headers['if-modified-since'] || '-', req.headers['cache-control'] || '-', modified.toUTCString());
    modified.setMilliseconds(0);
    const since = Date.parse(req.headers['if-modified-since'] || '');
    if (!Number.isNaN(since) && modified.getTime() <= since) {
      res.writeHead(304, { 'last-modified': modified.toUTCString() });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'last-modified': modified.toUTCString() });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${first}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** A new page that records every request URL and every console error. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** Requests that left the page's own origin (data: and blob: URLs are local). */
export function foreignRequests(page, origin) {
  return page.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/**
 * Evaluates `fn(arg)` in the page until it returns something truthy, and
 * returns that. Unlike `page.waitForFunction`, `fn` may be async: its promise
 * is awaited (waitForFunction takes a pending promise as truthy and returns at
 * once). An evaluation that throws (a page navigating) is retried; at the
 * timeout it throws, naming `what` and the last error.
 */
export async function poll(page, fn, arg, { timeout = 30000, interval = 100, what = String(fn).slice(0, 200) } = {}) {
  const end = Date.now() + timeout;
  let last = null;
  for (;;) {
    try {
      const value = await page.evaluate(fn, arg);
      if (value) return value;
      last = null;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.message.split('\n')[0]})` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Waits until the page is controlled by a service worker whose cache is
 * ready (installed, then active); a page loaded before the worker claimed it
 * is reloaded once. Throws if no worker controls it.
 */
export async function swControlled(page, timeout = 15000) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const control = () => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
  if (!(await control().then(() => true, () => false))) {
    await page.reload();
    await control();
  }
  await waitReady(page);
}

/** Waits until the app root says the point estimate is on screen. */
export async function waitReady(page, timeout = 30000) {
  await page.waitForSelector('#app[data-state="ready"]', { timeout });
}

/** How many distinct colours a canvas holds (sampled on a grid). */
export async function canvasColours(page, selector) {
  return page.$eval(selector, (canvas) => {
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    const data = ctx.getImageData(0, 0, width, height).data;
    const seen = new Set();
    const step = Math.max(1, Math.floor((width * height) / 20000));
    for (let i = 0; i < width * height; i += step) {
      seen.add(`${data[4 * i]},${data[4 * i + 1]},${data[4 * i + 2]},${data[4 * i + 3]}`);
    }
    return seen.size;
  });
}

/** The native CLI's outcome for a query (`computedeal eval QUERY`), the reference the page must match. */
export function cliEval(query = '') {
  const out = execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'computedeal-cli', '--bin', 'computedeal', '--', 'eval', query], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** The native CLI's Monte Carlo summary for a query (`computedeal mc QUERY`). */
export function cliMc(query = '') {
  const out = execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'computedeal-cli', '--bin', 'computedeal', '--', 'mc', query], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Waits until the Monte Carlo run has finished. */
export async function waitMc(page, timeout = 60000) {
  await page.waitForSelector('#app[data-mc="done"]', { timeout });
}

/** Types a value into an input's number field (opening its group) and commits it with Enter. */
export async function setField(page, key, text) {
  await page.evaluate((k) => { document.getElementById(`param-${k}`)?.closest('details')?.setAttribute('open', ''); }, key);
  const field = page.locator(`#f-${key}`);
  await field.fill(text);
  await field.press('Enter');
}

/** Moves the contract value's slider `n` times, `gapMs` apart (0: as fast as the page
 * takes input), then returns the milliseconds from the last move to
 * `data-mc="done"`. */
export async function burst(page, n, gapMs = 0) {
  await page.evaluate(() => { document.getElementById('param-value_usd').closest('details').open = true; });
  return page.evaluate(async ([n, gapMs]) => {
    const app = document.getElementById('app');
    const slider = document.querySelector('#param-value_usd input[type=range]');
    for (let i = 0; i < n; i++) {
      // A new position every time, across calls, so every move changes the scenario.
      window.__moves = (window.__moves || 0) + 1;
      slider.value = String(100 + (window.__moves * 37) % 800);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // Let the page render this change before the next one (a fast drag).
      await new Promise((r) => setTimeout(r, gapMs));
    }
    const last = performance.now();
    // The page marks the new run after it renders the change; then wait for its end.
    for (let k = 0; k < 100 && app.getAttribute('data-mc') === 'done'; k++) await new Promise((r) => setTimeout(r, 2));
    while (app.getAttribute('data-mc') !== 'done') await new Promise((r) => setTimeout(r, 5));
    return performance.now() - last;
  }, [n, gapMs]);
}

/** Copies a built site to a new directory under the system's temp dir. */
export function copySite(from = DIST) {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'computedeal-site-'));
  for (const f of fs.readdirSync(from)) {
    if (fs.statSync(path.join(from, f)).isFile()) fs.copyFileSync(path.join(from, f), path.join(to, f));
  }
  return to;
}

/**
 * Turns the site in `dir` into "the next build": the app's JS and wasm get
 * new names, index.html names them (with its CSP hash of the start-up script
 * recomputed) and sw.js gets a new build name and file list, as
 * scripts/post-build.mjs would write them. Every file is new (mtime now).
 */
export function nextBuild(dir, tag = 'b') {
  const files = fs.readdirSync(dir);
  const renames = new Map();
  for (const f of files) {
    const m = f.match(/^(app-[0-9a-f]+)(_bg\.wasm|\.js)$/);
    if (m) renames.set(f, `${m[1]}${tag}${m[2]}`);
  }
  for (const [from, to] of renames) fs.renameSync(path.join(dir, from), path.join(dir, to));
  let html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  for (const [from, to] of renames) html = html.split(from).join(to);
  const sha = (s) => crypto.createHash('sha256').update(s).digest('base64');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  html = html.replace(/'sha256-[^']+'( 'sha256-[^']+')*/, inline.map((s) => `'sha256-${sha(s)}'`).join(' '));
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  const listed = fs.readdirSync(dir).filter((f) => f !== 'sw.js').sort();
  let sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  sw = sw.replace(/const VERSION = '[^']+';/, `const VERSION = 'computedeal-${crypto.randomBytes(8).toString('hex')}';`)
    .replace(/const ASSETS = \[[^\]]*\];/, `const ASSETS = ${JSON.stringify(listed.map((f) => `./${f}`))};`);
  fs.writeFileSync(path.join(dir, 'sw.js'), sw);
  const now = new Date();
  for (const f of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, f), now, now);
}

/** Sets every file's modification time `hours` back, as on a site deployed a while ago. */
export function age(dir, hours) {
  const then = new Date(Date.now() - hours * 3600e3);
  for (const f of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, f), then, then);
}

/** axe-core's serious and critical violations in `selector`'s element, or the whole page. */
export async function axeViolations(page, selector = null) {
  await page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate((sel) => window.axe.run(sel ? document.querySelector(sel) : document, { resultTypes: ['violations'] }), selector);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}
