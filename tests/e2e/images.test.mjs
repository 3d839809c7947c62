// Static images and pages (issue 15, items 3-5): the page's SVG download is
// the very file `computedeal chart` writes for the same view; each preset's
// page opens the calculator on its deal with JavaScript and, without it,
// shows the headline, the lead figures and the chart images; its og:image
// exists; its oEmbed document parses and its iframe loads the embed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, waitReady, foreignRequests, ROOT, DIST } from './harness.mjs';

let server;
let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'computedeal-images-'));
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

/** `computedeal chart …` (the release build `make dist` made). */
function cliChart(args) {
  return execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '-p', 'computedeal-cli', '--bin', 'computedeal', '--', 'chart', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
}

for (const [chart, query] of [['deployment', 'preset=microsoft-iren-2025&pue=1.3'], ['tornado', 'lang=hi&currency=INR&capex_usd_per_accelerator=60000'], ['heatmap', 'theme=dark&value_usd=30e9&availability=0.9']]) {
  test(`the ${chart} chart's SVG download is the file computedeal chart writes (${query})`, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(`${server.url}?${query}`);
    await waitReady(page);
    // The tornado is worked out in a task of its own after the first paint.
    await page.waitForTimeout(500);
    const canvas = page.locator(`#chart-${chart} canvas`).first();
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    // The download's size: the canvas's CSS size (at least 640 × 360) plus the frame's 120 px.
    const size = await canvas.evaluate((c) => ({ w: Math.max(c.clientWidth, 640), h: Math.max(c.clientHeight, 360) + 120 }));
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#chart-${chart} [data-download=svg]`)]);
    const href = page.url();
    const file = path.join(tmp, `${chart}.svg`);
    await d.saveAs(file);
    const browserSvg = fs.readFileSync(file, 'utf8');
    const cliSvg = cliChart([chart, new URL(href).search.slice(1), '--format', 'svg', '--width', String(size.w), '--height', String(size.h), '--url', href]);
    assert.ok(browserSvg.includes('CC BY 4.0'), 'the download carries its source line');
    if (browserSvg !== cliSvg) {
      const a = browserSvg.split('\n');
      const b = cliSvg.split('\n');
      const i = a.findIndex((line, k) => line !== b[k]);
      assert.fail(`the SVGs differ first at line ${i + 1}:\n browser: ${a[i]}\n CLI:     ${b[i]}`);
    }
    await page.context().close();
  });
}

const PAGES = ['aws-openai-2025', 'india-1gw'];

for (const key of PAGES) {
  test(`deal-${key}.html opens the calculator on its deal, and says the answer without JavaScript`, async () => {
    const html = fs.readFileSync(path.join(DIST, `deal-${key}.html`), 'utf8');
    const og = html.match(/<meta property="og:image" content="([^"]+)">/);
    assert.ok(og, 'an og:image tag');
    assert.ok(fs.existsSync(path.join(DIST, og[1])), `og:image ${og[1]} exists in dist/`);
    assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);

    // With JavaScript: the app, on the preset, with nothing from another origin.
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}deal-${key}.html`);
    await waitReady(page);
    assert.equal(await page.locator('#preset').inputValue(), key);
    assert.match(await page.title(), / · computedeal$/);
    assert.deepEqual(foreignRequests(page, server.origin), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();

    // Without JavaScript: the headline, the lead figures and every chart image, loaded.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const still = await context.newPage();
    await still.goto(`${server.url}deal-${key}.html`);
    await still.waitForLoadState('load');
    const headline = await still.locator('.static-answer').textContent();
    assert.match(headline, /in today's money/);
    assert.equal(await still.locator('.static-figures tbody tr').count(), 4);
    const images = still.locator('.static-page img');
    // One image per chart (the eleven of the page).
    assert.equal(await images.count(), 11);
    for (let i = 0; i < 11; i++) {
      const img = images.nth(i);
      await img.scrollIntoViewIfNeeded();
      await still.waitForFunction((el) => el.complete, await img.elementHandle());
      const shown = await img.evaluate((el) => ({ w: el.naturalWidth, fits: el.getBoundingClientRect().right <= window.innerWidth }));
      assert.equal(shown.w, 820, `image ${i} loaded`);
      assert.ok(shown.fits, `image ${i} fits a 390 px phone`);
    }
    await context.close();
  });

  test(`deal-${key}.oembed.json parses, is found from the page, and its iframe loads the embed`, async () => {
    const html = fs.readFileSync(path.join(DIST, `deal-${key}.html`), 'utf8');
    const link = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
    assert.ok(link, 'the oEmbed discovery link');
    const res = await fetch(new URL(link[1], `${server.url}deal-${key}.html`));
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.equal(doc.version, '1.0');
    assert.equal(doc.type, 'rich');
    assert.ok(doc.width > 0 && doc.height > 0);
    assert.ok(fs.existsSync(path.join(DIST, doc.thumbnail_url)), 'the thumbnail exists');
    const src = doc.html.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
    const page = await newPage(browser, { viewport: { width: doc.width, height: doc.height } });
    await page.goto(new URL(src, server.url).href);
    await waitReady(page);
    assert.ok(await page.locator('footer.source-line').count() > 0, 'the embed and its source line');
    assert.equal(await page.locator('#preset').count(), 0, 'the embed, not the full page');
    await page.context().close();
  });
}
