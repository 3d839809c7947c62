// Share, embed, host anywhere, work offline: a link reproduces the CLI's
// numbers, the URL follows the page at most every 300 ms, bad and hostile
// parameters become notices, the embed fits its frame and tells a host on
// another origin its height, dist/ works under a sub-path and offline, and
// the single file works from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, newPage, waitReady, waitMc, foreignRequests, cliEval, setField, axeViolations, DIST, ROOT, copySite, nextBuild, age, poll, swControlled } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function kpi(page, key, attr = 'data-value') {
  return Number(await page.locator(`[data-kpi="${key}"]`).first().getAttribute(attr));
}

test('a deep link gives the same headline numbers as computedeal eval on the same query', async () => {
  const query = 'preset=microsoft-iren-2025&pue=1.32&accelerators=80000&wacc=0.095&start=2025Q4&delay_months=3&uncertainty=off&lang=hi&currency=EUR';
  const page = await newPage(browser);
  await page.goto(`${server.url}?${query}`);
  await waitReady(page);
  const cli = cliEval(query);
  assert.deepEqual(cli.warnings, []);
  for (const key of ['price_usd_per_accelerator_hour', 'cost_usd_per_accelerator_hour', 'margin', 'npv_usd', 'irr', 'payback_years', 'it_mw_peak', 'facility_mw_peak', 'energy_gwh_per_year', 'co2_kt_per_year', 'capex_usd', 'usd_per_million_tokens']) {
    const v = await page.locator(`[data-kpi="${key}"]`).first().getAttribute('data-value');
    assert.equal(v === null ? null : Number(v), cli[key], key);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'hi');
  assert.equal(await page.locator('#currency').inputValue(), 'EUR');
  // Opening the link does not rewrite it.
  assert.equal(new URL(page.url()).search, `?${query}`);
  await page.context().close();
});

test('the URL follows every change, at most once per 300 ms while a slider moves', async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    window.__writes = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (s, t, url) => { window.__writes.push([performance.now(), String(url)]); return replace(s, t, url); };
  });
  await page.goto(server.url);
  await waitReady(page);
  await page.evaluate(() => { document.getElementById('param-grid_kg_co2_per_mwh').closest('details').open = true; });
  // Thirty slider moves, 10 ms apart (longer if the page takes longer to
  // render each): at most one write per 300 ms of moving, and one at the end.
  const moving = await page.evaluate(async () => {
    const slider = document.querySelector('#param-grid_kg_co2_per_mwh input[type=range]');
    const t0 = performance.now();
    for (let i = 1; i <= 30; i++) {
      slider.value = String(i * 3);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t0;
  });
  await page.waitForTimeout(700);
  const writes = await page.evaluate(() => window.__writes);
  assert.ok(writes.length >= 2 && writes.length <= Math.ceil(moving / 300) + 2, `${writes.length} writes in ${Math.round(moving)} ms of moves`);
  for (let i = 1; i < writes.length; i++) assert.ok(writes[i][0] - writes[i - 1][0] >= 295, `writes ${Math.round(writes[i][0] - writes[i - 1][0])} ms apart`);
  // The last write is the last position, and the link opens it.
  const grid = await page.locator('#f-grid_kg_co2_per_mwh').inputValue();
  assert.ok(new URL(page.url()).searchParams.get('grid_kg_co2_per_mwh') === grid, `${page.url()} vs ${grid}`);
  const again = await newPage(browser);
  await again.goto(page.url());
  await waitReady(again);
  assert.equal(await kpi(again, 'co2_kt_per_year'), await kpi(page, 'co2_kt_per_year'));
  // Back to the preset's value: the key leaves the link.
  await page.click('#param-grid_kg_co2_per_mwh button.reset');
  await page.waitForFunction(() => !location.search.includes('grid_kg_co2_per_mwh'));
  for (const p of [page, again]) await p.context().close();
});

test('unknown and invalid parameters load with defaults and a dismissible notice that says why', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?pue=7&frobnicate=1&currency=GBP&chart=pie&start=2025Q9&corr=pue:nope:0.5`);
  await waitReady(page);
  const items = await page.$$eval('.notices li', (lis) => lis.map((li) => [li.dataset.key, li.textContent]));
  const text = items.map((i) => i[1]).join('\n');
  for (const want of ['pue=7 is out of range: allowed 1 to 3', "'frobnicate' is not a parameter", "currency='GBP' is not allowed: USD, INR or EUR", "chart='pie' is not a chart", "start='2025Q9'", "'nope' is not a parameter"]) {
    assert.ok(text.includes(want), `${want} in\n${text}`);
  }
  assert.equal(await kpi(page, 'npv_usd'), cliEval('').npv_usd, 'defaults for what was ignored');
  await page.click('.notices button');
  await page.waitForSelector('.notices', { state: 'detached' });
  await page.context().close();
});

test('hostile inputs produce notices, not broken pages', async () => {
  const page = await newPage(browser);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const hostile = [
    `lang=${encodeURIComponent('<script>alert(1)</script>')}`,
    `kpis=${encodeURIComponent('<img src=x onerror=alert(2)>')}`,
    'pue=NaN', 'wacc=-1e308', '__proto__=1', 'constructor=x',
    `preset=${encodeURIComponent('"><svg onload=alert(3)>')}`,
  ].join('&');
  await page.goto(`${server.url}?${hostile}`);
  await waitReady(page);
  const text = await page.locator('.notices').textContent();
  for (const want of ["lang='<script>alert(1)</script>'", "kpis='<img src=x onerror=alert(2)>'", 'pue=', 'wacc=-1e308 is out of range', "'__proto__' is not a parameter", "'constructor' is not a parameter", 'is not a preset']) {
    assert.ok(text.includes(want), `${want} in ${text}`);
  }
  // Shown as text: no element came from the link.
  assert.equal(await page.locator('#app script, #app svg, #app img').count(), 0);
  assert.equal(await kpi(page, 'npv_usd'), cliEval('').npv_usd);
  // A 1 MB value: the link is cut at its limit and the page says so.
  const big = await newPage(browser);
  await big.goto(`${server.url}?pue=${'9'.repeat(1 << 20)}`);
  await waitReady(big);
  assert.match(await big.locator('.notices').textContent(), /the link is 1048580 characters long; only the first 8192 were read/);
  assert.deepEqual(dialogs, []);
  for (const p of [page, big]) {
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
});

test('the copy buttons give the link to this view and an iframe snippet for it', async () => {
  const page = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${server.url}?preset=india-1gw`);
  await waitReady(page);
  await setField(page, 'term_years', '6');
  await page.waitForFunction(() => location.search.includes('term_years=6'));
  await page.click('#share summary');
  await page.click('#copy-link');
  await page.waitForSelector('.copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());
  await page.selectOption('#embed-chart', 'heatmap');
  await page.click('#copy-embed');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const src = snippet.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  const params = new URL(src).searchParams;
  assert.equal(params.get('embed'), '1');
  assert.equal(params.get('chart'), 'heatmap');
  assert.equal(params.get('preset'), 'india-1gw');
  assert.equal(params.get('term_years'), '6');
  assert.match(snippet, /title="computedeal: 1 GW AI data centre in India \(Mumbai\) \(your changes\)" loading="lazy" width="100%" height="600"/);
  const listener = snippet.split('<script>')[1].split('</script>')[0].trim().split('\n');
  assert.ok(listener.length <= 5, `${listener.length} lines`);
  await page.uncheck('#embed-listener');
  assert.ok(!(await page.locator('#embed-code').inputValue()).includes('<script>'));
  await page.context().close();
});

test('the embed view shows one chart, four figures, the name, a link back and an attribution, within 600 px from 320 px wide', async () => {
  for (const width of [320, 600]) {
    const page = await newPage(browser, { viewport: { width, height: 600 } });
    await page.goto(`${server.url}?embed=1&chart=heatmap&kpis=npv_usd,irr,margin,p_loss&preset=microsoft-iren-2025`);
    await waitReady(page);
    await waitMc(page);
    assert.deepEqual(await page.$$eval('[data-kpi]', (els) => els.map((e) => e.dataset.kpi)), ['npv_usd', 'irr', 'margin', 'p_loss']);
    assert.deepEqual(await page.$$eval('figure.chart-card', (els) => els.map((e) => e.dataset.chart)), ['heatmap']);
    assert.match(await page.locator('.embed-name').textContent(), /Microsoft/);
    const full = new URL(await page.getAttribute('.open-full', 'href'));
    assert.equal(full.searchParams.get('embed'), null);
    assert.equal(full.searchParams.get('preset'), 'microsoft-iren-2025');
    assert.match(await page.locator('.source-line').textContent(), /^computedeal · data as of \d{4}-\d{2}-\d{2} · figures CC BY 4\.0$/);
    const size = await page.evaluate(() => ({ app: document.getElementById('app').getBoundingClientRect().height, scroll: document.documentElement.scrollWidth }));
    assert.ok(size.app <= 600, `${width} px wide: ${size.app} px tall`);
    assert.ok(size.scroll <= width, `${width} px wide: scrolls to ${size.scroll}`);
    await page.context().close();
  }
});

/** Serves embed-example.html on its own origin, its frames pointing at the calculator's origin. */
async function blogServer(calculator) {
  const html = fs.readFileSync(path.join(DIST, 'embed-example.html'), 'utf8').replaceAll('src="./?', `src="${calculator}?`);
  const s = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); });
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${s.address().port}`, close: () => new Promise((r) => { s.closeAllConnections?.(); s.close(r); }) };
}

test('the embed in an iframe on another origin tells its host its height, and the host resizes the frame', async () => {
  const blog = await blogServer(server.url);
  const page = await newPage(browser, { viewport: { width: 900, height: 3000 } });
  await page.goto(`${blog.origin}/`);
  for (const id of ['embed-aws', 'embed-india']) {
    const frame = page.frameLocator(`#${id}`);
    await frame.locator('#app[data-mc="done"]').waitFor({ timeout: 60000 });
    // The listener set the frame's height from the embed's messages: the
    // content's height, not the 600 px default (polled: the last message may be in flight).
    let frameHeight = 0;
    let contentHeight = -1;
    for (let i = 0; i < 100 && (frameHeight === 0 || Math.abs(frameHeight - contentHeight) > 1); i++) {
      await page.waitForTimeout(100);
      [frameHeight, contentHeight] = await Promise.all([
        page.$eval(`#${id}`, (f) => parseFloat(f.style.height || '0')),
        frame.locator('#app').evaluate((app) => Math.ceil(app.getBoundingClientRect().height)),
      ]);
    }
    assert.ok(Math.abs(frameHeight - contentHeight) <= 1, `${id}: frame ${frameHeight} px, content ${contentHeight} px`);
    assert.ok(frameHeight > 300 && frameHeight < 600, `${id}: ${frameHeight}`);
  }
  // The India frame is in rupees; the frames loaded only from the two origins.
  assert.match(await page.frameLocator('#embed-india').locator('[data-kpi="capex_usd"] .card-value').textContent(), /₹/);
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(blog.origin) && !u.startsWith(server.origin) && !/^(data|blob):/.test(u)), []);
  await page.context().close();
  await blog.close();
});

test('the same dist/ works under a sub-path', async () => {
  const sub = await serve(DIST, '/blog/tools/calc/');
  const page = await newPage(browser);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${sub.url}?pue=1.3`);
  await waitReady(page);
  await waitMc(page);
  assert.equal(await kpi(page, 'npv_usd'), cliEval('pue=1.3').npv_usd);
  assert.ok(await page.evaluate(() => Number(document.querySelector('[data-kpi="p_loss"]').dataset.value) >= 0), 'the workers ran under the sub-path');
  assert.deepEqual(failed, []);
  assert.deepEqual(foreignRequests(page, sub.origin), []);
  await page.context().close();
  await sub.close();
});

test('after one visit the page reloads with the network off; ?sw=0 turns the cache off', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?preset=oracle-openai-2025`);
  await waitReady(page);
  await swControlled(page);
  const npv = await kpi(page, 'npv_usd');
  await page.context().setOffline(true);
  await page.reload();
  await waitReady(page);
  await waitMc(page);
  assert.equal(await kpi(page, 'npv_usd'), npv);
  assert.ok(await page.evaluate(() => Number(document.querySelector('[data-kpi="p_loss"]').dataset.value) >= 0), 'the Monte Carlo workers ran offline');
  // The cache is this build's, for this scope; the escape hatch removes the worker.
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1);
  assert.match(caches[0], /^computedeal-[0-9a-f]{16}:\/$/);
  await page.context().setOffline(false);
  await page.goto(`${server.url}?sw=0`);
  await waitReady(page);
  await poll(page, async () => (await navigator.serviceWorker.getRegistrations()).length === 0, null, { timeout: 15000, what: '?sw=0 to unregister the worker' });
  await page.context().close();
});

test('a new build on a host that sends only Last-Modified still works offline', async () => {
  // Regression: served with Last-Modified and no Cache-Control (as python3 -m
  // http.server does), a second build's cache took the old index.html from
  // the HTTP cache; it named the old wasm, deleted with the old cache, and
  // offline the page stayed on "Loading the calculator…" for ever.
  const dir = copySite();
  age(dir, 48);
  const site = await serve(dir);
  const page = await newPage(browser);
  try {
  await page.goto(site.url);
  await swControlled(page);
  const first = await page.evaluate(() => caches.keys());
  // Deploy the next build into the same directory, then let the worker update.
  nextBuild(dir);
  // The next visit finds the new worker, which takes over (controllerchange).
  await page.evaluate(async () => {
    const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    await (await navigator.serviceWorker.getRegistration()).update();
    await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('the new build\'s worker did not take over in 30 s')), 30000))]);
  });
  const wasm = fs.readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  // The new build's cache holds its files and its page, the old cache is
  // gone, and the new worker controls the page.
  // (Polled from Node: an async predicate in waitForFunction is a promise,
  // truthy at once, and would not wait.)
  const cache = await poll(page, async ([old, wasm]) => {
    const keys = await caches.keys();
    if (keys.length !== 1 || keys[0] === old) return false;
    const cached = await (await caches.open(keys[0])).match('./');
    const reg = await navigator.serviceWorker.getRegistration();
    const settled = reg.active && !reg.installing && !reg.waiting && navigator.serviceWorker.controller === reg.active;
    return Boolean(cached && (await cached.text()).includes(wasm) && settled) && keys[0];
  }, [first[0], wasm], { timeout: 30000, what: 'the new build\'s worker in control, its cache holding its page, the old cache gone' });
  assert.notEqual(cache, first[0]);
  assert.match(cache, /^computedeal-[0-9a-f]{16}:\/$/);
  await page.reload();
  await waitReady(page);
  await page.context().setOffline(true);
  await page.reload();
  await waitReady(page);
  // The page offline is the new build's, and every file it names was cached.
  const html = await page.content();
  assert.ok(html.includes(wasm), `the offline page names ${wasm}: ${(html.match(/app-[0-9a-f]+b?_bg.wasm/g) || []).join(' ')} ${html.slice(0, 300)}`);
  assert.equal(await page.getAttribute('#app', 'data-state'), 'ready');
  } finally {
    await page.context().close();
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that cannot be downloaded is named in the start-up message', async () => {
  const page = await newPage(browser);
  await page.route(/_bg\.wasm/, (route) => route.abort('failed'));
  await page.goto(`${server.url}?sw=0`);
  await page.waitForSelector('#app[data-state="crashed"]', { timeout: 20000 });
  const message = await page.locator('#crash').textContent();
  assert.match(message, /could not be downloaded/);
  assert.doesNotMatch(message, /SIMD/, 'a failed download is not "your browser lacks SIMD"');
  // The browser under test does run WebAssembly SIMD.
  assert.equal(await page.evaluate(() => WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]))), true);
  await page.context().close();
});

test('the share panel builds an embed with a headline, chosen figures and static, and previews it at 320 and 600 px', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${server.url}?preset=india-1gw`);
  await waitReady(page);
  await page.click('#share summary');
  await page.fill('#embed-headline', 'What 1 GW in Mumbai costs  <b>now</b>');
  await page.fill('#embed-subline', 'Price and cost per GPU-hour');
  // Four figures at most: with four chosen the others cannot be ticked.
  for (const f of ['margin', 'irr']) await page.uncheck(`[data-figure="${f}"]`);
  for (const f of ['p_loss', 'co2_kt_per_year']) await page.check(`[data-figure="${f}"]`);
  assert.equal(await page.locator('.embed-figures input:checked').count(), 4);
  assert.ok(await page.locator('[data-figure="capex_usd"]').isDisabled());
  await page.check('#embed-static');
  const snippet = await page.locator('#embed-code').inputValue();
  const src = new URL(snippet.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&'));
  assert.equal(src.searchParams.get('title'), 'What 1 GW in Mumbai costs <b>now</b>');
  assert.equal(src.searchParams.get('subtitle'), 'Price and cost per GPU-hour');
  assert.equal(src.searchParams.get('kpis'), 'price_usd_per_accelerator_hour,npv_usd,p_loss,co2_kt_per_year');
  assert.equal(src.searchParams.get('static'), '1');
  // The frame's title attribute names the headline, escaped as HTML text.
  assert.match(snippet, /title="computedeal: What 1 GW in Mumbai costs &lt;b&gt;now&lt;\/b&gt;"/);
  await page.click('#embed-preview');
  for (const w of ['320', '600']) {
    const frame = page.frameLocator(`.embed-preview iframe[data-width="${w}"]`);
    await frame.locator('#app[data-state="ready"]').waitFor({ timeout: 60000 });
    assert.equal(await frame.locator('h1.embed-name').textContent(), 'What 1 GW in Mumbai costs <b>now</b>');
    assert.deepEqual(await frame.locator('[data-kpi]').evaluateAll((els) => els.map((e) => e.dataset.kpi)), ['price_usd_per_accelerator_hour', 'npv_usd', 'p_loss', 'co2_kt_per_year']);
    assert.equal(await frame.locator('button.dl').count(), 0, 'static');
  }
  await page.context().close();
});

test('"Download this view" saves the single file with the view built in, and it opens on that view from disk', async () => {
  const page = await newPage(browser, { acceptDownloads: true });
  const query = 'preset=india-1gw&pue=1.3&lang=hi&currency=INR';
  await page.goto(`${server.url}?${query}`);
  await waitReady(page);
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#download-view')]);
  assert.equal(d.suggestedFilename(), 'computedeal-india-1gw.html');
  const file = path.join(fs.mkdtempSync(path.join(ROOT, 'target', 'view-')), 'computedeal-india-1gw.html');
  await d.saveAs(file);
  assert.match(fs.readFileSync(file, 'utf8'), /<meta name="computedeal-view" content="preset=india-1gw&amp;pue=1\.3&amp;lang=hi&amp;currency=INR">/);
  const disk = await newPage(browser);
  await disk.goto(pathToFileURL(file).href);
  await waitReady(disk);
  assert.equal(await disk.getAttribute('html', 'lang'), 'hi');
  assert.equal(await disk.locator('#preset').inputValue(), 'india-1gw');
  assert.equal(await disk.locator('#f-pue').inputValue(), '1.3');
  assert.equal(await kpi(disk, 'npv_usd'), cliEval('preset=india-1gw&pue=1.3').npv_usd);
  assert.deepEqual(disk.requests.filter((u) => !/^(file|data|blob):/.test(u)), []);
  assert.deepEqual(disk.errors, []);
  // Where the host has no single file, the page says so and how to add it.
  const bare = copySite();
  fs.rmSync(path.join(bare, 'computedeal.html'), { force: true });
  const other = await serve(bare);
  await page.goto(`${other.url}?${query}`);
  await waitReady(page);
  await page.click('#download-view');
  assert.match(await page.locator('#download-view-missing').textContent(), /make single-file/);
  for (const p of [page, disk]) await p.context().close();
  await other.close();
});

test('the single file works from file:// with no server', async () => {
  const file = path.join(DIST, 'computedeal.html');
  assert.ok(fs.existsSync(file), 'make single-file wrote dist/computedeal.html');
  const page = await newPage(browser);
  await page.goto(`${pathToFileURL(file).href}?preset=google-anthropic-tpu-2025`);
  await waitReady(page);
  await waitMc(page, 120000);
  const cli = cliEval('preset=google-anthropic-tpu-2025');
  assert.equal(await kpi(page, 'npv_usd'), cli.npv_usd);
  assert.ok(await page.evaluate(() => Number(document.querySelector('[data-kpi="p_loss"]').dataset.value) >= 0));
  assert.deepEqual(page.requests.filter((u) => !/^(file|data|blob):/.test(u)), []);
  // From a file the share panel says an embed needs a web server, instead of file:// embed code.
  await page.click('#share summary');
  assert.match(await page.locator('#embed-from-file').textContent(), /web server.*dist\//);
  assert.equal(await page.locator('#embed-code').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('axe-core finds no serious or critical violation in the embed view (en, hi)', async () => {
  for (const lang of ['en', 'hi']) {
    const page = await newPage(browser, { viewport: { width: 600, height: 600 }, bypassCSP: true });
    await page.goto(`${server.url}?embed=1&lang=${lang}&currency=INR`);
    await waitReady(page);
    await waitMc(page);
    assert.deepEqual(await axeViolations(page), [], lang);
    await page.context().close();
  }
});

test('a deal as published offers its oEmbed document, which parses and embeds the deal; a changed view does not', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?preset=oracle-openai-2025`);
  await waitReady(page);
  await page.click('#share summary');
  const url = await page.inputValue('#share-oembed');
  assert.equal(url, `${server.url}deal-oracle-openai-2025.oembed.json`);
  const doc = await (await fetch(url)).json();
  assert.equal(doc.type, 'rich');
  assert.match(doc.html, /preset=oracle-openai-2025&amp;embed=1/);
  // A changed scenario has no published document: the row is not offered.
  await page.goto(`${server.url}?preset=oracle-openai-2025&pue=1.3`);
  await waitReady(page);
  await page.click('#share summary');
  assert.equal(await page.locator('#share-oembed').count(), 0);
  await page.context().close();
});

test('"Copy chart image" puts the chart picked for the embed on the clipboard: the same pixels as its PNG download, frame included', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${server.url}?preset=india-1gw&lang=hi&currency=INR`);
  await waitReady(page);
  await waitMc(page);
  await page.click('#share summary');
  await page.selectOption('#embed-chart', 'india');
  // The address in the frame is the view's: wait for the page's address to follow the pick.
  await page.waitForFunction(() => location.search.includes('chart=india'));
  await page.click('#copy-image');
  await page.locator('#share p.copied[role=status]').waitFor();
  assert.match(await page.locator('#share p.copied').textContent(), /छवि कॉपी हो गई/);
  const copied = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const blob = await items[0].getType('image/png');
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#chart-india [data-download=png]')]);
  const file = path.join(fs.mkdtempSync(path.join(ROOT, 'target', 'copy-')), 'india.png');
  await d.saveAs(file);
  const downloaded = [...fs.readFileSync(file)];
  // Decoded in the page: the clipboard may re-encode a PNG, so pixels are compared, not bytes.
  const cmp = await page.evaluate(async ([a, b]) => {
    const decode = async (bytes) => {
      const bmp = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      return { w: bmp.width, h: bmp.height, px: g.getImageData(0, 0, bmp.width, bmp.height).data };
    };
    const [x, y] = [await decode(a), await decode(b)];
    let diff = 0;
    let inked = 0;
    for (let i = 0; i < Math.min(x.px.length, y.px.length); i += 4) {
      if (Math.abs(x.px[i] - y.px[i]) + Math.abs(x.px[i + 1] - y.px[i + 1]) + Math.abs(x.px[i + 2] - y.px[i + 2]) > 6) diff += 1;
      if (x.px[i] + x.px[i + 1] + x.px[i + 2] < 600) inked += 1;
    }
    return { a: [x.w, x.h], b: [y.w, y.h], diff, inked };
  }, [copied, downloaded]);
  assert.deepEqual(cmp.a, cmp.b, 'same size as the PNG download');
  assert.ok(cmp.a[0] >= 1280 && cmp.a[1] >= 720, `at twice the CSS size (at least 640 × 360): ${cmp.a}`);
  assert.ok(cmp.inked > 10000, `a chart, not a blank image (${cmp.inked} inked pixels)`);
  assert.equal(cmp.diff, 0, 'the same pixels as the download');
  await page.context().close();
});

test('a browser that refuses to copy an image gets a message pointing to the PNG download, in the reader\'s language', async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => { Clipboard.prototype.write = () => Promise.reject(new DOMException('refused', 'NotAllowedError')); });
  await page.goto(`${server.url}?lang=hi`);
  await waitReady(page);
  await page.click('#share summary');
  await page.click('#copy-image');
  const alert = page.locator('#share p.copy-failed[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /PNG बटन/);
  assert.equal(await page.locator('#share p.copied').count(), 0);
  await page.context().close();
});

test('a deal\'s own page reopens on its deal with the network off, and so does one never visited', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}deal-microsoft-iren-2025.html`);
  await waitReady(page);
  await swControlled(page);
  assert.equal(await page.locator('#preset').inputValue(), 'microsoft-iren-2025');
  const npv = await kpi(page, 'npv_usd');
  await page.context().setOffline(true);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#preset').inputValue(), 'microsoft-iren-2025');
  assert.equal(await kpi(page, 'npv_usd'), npv);
  // Offline the worker answers with the calculator's page; the address names the deal.
  await page.goto(`${server.url}deal-oracle-openai-2025.html`);
  await waitReady(page);
  assert.equal(await page.locator('#preset').inputValue(), 'oracle-openai-2025');
  assert.equal(await page.locator('meta[name="computedeal-view"]').count(), 0, 'the calculator\'s own page, from the cache');
  await page.context().setOffline(false);
  await page.context().close();
});
