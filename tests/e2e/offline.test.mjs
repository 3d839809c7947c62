// Offline (issue 27, item A): two builds at two paths of one origin keep
// each other's offline cache; offline, an address the build has (or that was
// seen online) gets its own file, only the calculator's pages get the
// calculator, and anything else fails as an unreachable address does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, serveMounts, launch, newPage, waitReady, poll, swControlled, copySite, nextBuild, DIST } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The wasm a page (or a site's index.html) names. */
const wasmOf = (html) => (html.match(/app-[0-9a-f]+b?_bg\.wasm/) || [])[0];

test('two builds at two paths of one origin both reload offline', async () => {
  // The second build, as trunk writes it (no deal pages, oEmbed documents or single file).
  const other = copySite();
  for (const f of fs.readdirSync(other)) {
    if (/^deal-|\.oembed\.json$|^computedeal\.html$/.test(f)) fs.rmSync(path.join(other, f));
  }
  nextBuild(other);
  const site = await serveMounts({ '/a/': DIST, '/b/': other });
  const page = await newPage(browser);
  try {
    const builds = { '/a/': wasmOf(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')), '/b/': wasmOf(fs.readFileSync(path.join(other, 'index.html'), 'utf8')) };
    assert.notEqual(builds['/a/'], builds['/b/'], 'two builds');
    for (const p of ['/a/', '/b/']) {
      await page.goto(`${site.origin}${p}`);
      await waitReady(page);
      await swControlled(page);
    }
    await page.context().setOffline(true);
    for (const p of ['/a/', '/b/', '/a/', '/b/']) {
      const outcome = await page.goto(`${site.origin}${p}`).then(() => 'loaded', (e) => e.message.split('\n')[0]);
      assert.equal(outcome, 'loaded', `${p} offline`);
      await waitReady(page);
      assert.equal(wasmOf(await page.content()), builds[p], `${p} offline is its own build`);
    }
    // Each worker installed its build's cache, named for its scope, and
    // neither deleted the other's.
    const keys = await page.evaluate(() => caches.keys());
    assert.equal(keys.length, 2, keys.join(' '));
    for (const k of keys) assert.match(k, /^computedeal-[0-9a-f]{16}:\/[ab]\/$/);
    assert.deepEqual(keys.map((k) => k.split(':')[1]).sort(), ['/a/', '/b/']);
  } finally {
    await page.context().close();
    await site.close();
    fs.rmSync(other, { recursive: true, force: true });
  }
});

test('offline, a file gets itself (the example embed page, the manifest, an icon, an image and an oEmbed document seen online); only the calculator\'s pages get the calculator', async () => {
  const page = await newPage(browser);
  const seen = ['images/aws-openai-2025/card.png', 'deal-aws-openai-2025.oembed.json'];
  const unseen = ['images/india-1gw/card.png', 'deal-india-1gw.oembed.json', 'images/aws-openai-2025/nothing-here.png'];
  for (const f of [...seen, ...unseen.slice(0, 2)]) assert.ok(fs.existsSync(path.join(DIST, f)), `${f} in dist/`);
  try {
    await page.goto(server.url);
    await waitReady(page);
    await swControlled(page);
    const offline = async (f, type) => {
      const response = await page.goto(server.url + f);
      assert.equal(response.status(), 200, f);
      const body = await response.body();
      assert.ok(body.equals(fs.readFileSync(path.join(DIST, f))), `${f} offline is ${f}, not ${body.includes('<main id="app"') ? 'the calculator' : body.subarray(0, 80)}`);
      assert.match(response.headers()['content-type'] || '', type, f);
    };

    await page.context().setOffline(true);
    // The build's own files: each the file itself, byte for byte.
    for (const [f, type] of [['embed-example.html', /^text\/html/], ['manifest.webmanifest', /^application\/manifest\+json/], ['icon-192.png', /^image\/png/]]) await offline(f, type);
    // The example post itself, and its embeds (the calculator's page with ?embed=1) inside it.
    await page.goto(`${server.url}embed-example.html`);
    assert.match(await page.title(), /^Example: a blog post/);
    await page.frameLocator('#embed-aws').locator('#app[data-state="ready"]').waitFor({ timeout: 30000 });
    // What the build lacks and was never seen fails as an unreachable address does.
    for (const f of unseen) {
      const outcome = await page.goto(server.url + f).then((r) => `HTTP ${r.status()}`, (e) => e.message.split('\n')[0]);
      assert.match(outcome, /net::ERR_/, `${f} offline: ${outcome}`);
      assert.equal(await page.locator('#app').count(), 0, `${f} offline is not the calculator`);
    }

    // Opened once online, an image and an oEmbed document are kept for offline.
    await page.context().setOffline(false);
    for (const f of seen) assert.equal((await page.goto(server.url + f)).status(), 200, f);
    await page.goto(server.url);
    await waitReady(page);
    await poll(page, async (urls) => (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean), seen.map((f) => server.url + f), { timeout: 15000, what: 'the files seen online, in the cache' });
    await page.context().setOffline(true);
    await offline(seen[0], /^image\/png/);
    await offline(seen[1], /^application\/json/);

    // The calculator's pages: the root (with a query), index.html, a deal's page.
    for (const [address, preset] of [['?embed=1&chart=cost', null], ['index.html?preset=india-1gw', 'india-1gw'], ['deal-oracle-openai-2025.html', 'oracle-openai-2025']]) {
      await page.goto(server.url + address);
      await waitReady(page);
      if (preset) assert.equal(await page.locator('#preset').inputValue(), preset, address);
      else assert.equal(await page.locator('[data-embed="1"]').count(), 1, address);
    }
  } finally {
    await page.context().setOffline(false);
    await page.context().close();
  }
});
