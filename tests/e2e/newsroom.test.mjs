// Newsroom embeds (issue 15): the writer's own title and subtitle as plain
// text, the options static=1, plain=1, transparent=1 and theme=, a source
// line that no option removes, every variant within a 600 px frame from 320
// px wide, and both height messages (computedeal's and AMP's) posted to a
// host on another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serve, launch, newPage, waitReady, waitMc } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VARIANTS = ['', '&static=1', '&plain=1', '&transparent=1', '&theme=dark', '&chart=deployment', '&chart=tornado&kpis=npv_usd,p_loss', '&lang=hi&currency=INR&title=' + encodeURIComponent('एक लंबा शीर्षक जो छोटे फ़ोन पर दो पंक्तियों में जाता है')];

/** The source line's text, or null when there is none. */
const sourceLine = (page) => page.locator('footer.source-line').first().textContent().catch(() => null);

test('an embed shows a hostile title and subtitle as text', async () => {
  const page = await newPage(browser, { viewport: { width: 600, height: 600 } });
  const title = '<img src=x onerror="window.__pwned=1">Chips & "power"';
  const subtitle = '<script>window.__pwned=2</script>Seven years, $38B';
  await page.goto(`${server.url}?embed=1&title=${encodeURIComponent(title)}&subtitle=${encodeURIComponent(subtitle)}`);
  await waitReady(page);
  assert.equal(await page.locator('h1.embed-name').textContent(), title);
  assert.equal(await page.locator('.embed-sub').textContent(), subtitle);
  assert.equal(await page.locator('.embed-head img, .embed-head script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The link back opens the full calculator on the same scenario, without the embed's options.
  const full = new URL(await page.getAttribute('.open-full', 'href'));
  for (const key of ['embed', 'title', 'subtitle']) assert.equal(full.searchParams.get(key), null, key);
  // A title over 100 characters is cut, and the embed says so.
  await page.goto(`${server.url}?embed=1&title=${'x'.repeat(150)}`);
  await waitReady(page);
  assert.equal((await page.locator('h1.embed-name').textContent()).length, 100);
  assert.match(await page.locator('.notices').textContent(), /title is longer than 100 characters: the first 100 are shown/);
  await page.context().close();
});

for (const width of [320, 600]) {
  test(`every embed variant fits 600 px at ${width} px wide and keeps its source line`, async () => {
    const page = await newPage(browser, { viewport: { width, height: 600 } });
    for (const variant of VARIANTS) {
      await page.goto(`${server.url}?embed=1${variant}`);
      await waitReady(page);
      await waitMc(page);
      const line = await sourceLine(page);
      assert.ok(line, `${variant}: a source line`);
      assert.match(line, /computedeal/, variant);
      assert.match(line, /\d{4}-\d{2}-\d{2}/, `${variant}: the data's date`);
      assert.match(line, /CC BY 4\.0/, `${variant}: the figures' licence`);
      assert.ok(new URL(await page.getAttribute('footer.source-line a', 'href')).searchParams.get('embed') === null, `${variant}: the link opens the full calculator`);
      const size = await page.evaluate(() => ({ app: document.getElementById('app').getBoundingClientRect().height, scroll: document.documentElement.scrollWidth }));
      assert.ok(size.app <= 600, `${variant} at ${width} px: ${size.app} px tall`);
      assert.ok(size.scroll <= width, `${variant} at ${width} px: scrolls to ${size.scroll} px`);
      if (variant === '&static=1') {
        assert.equal(await page.locator('button.dl, button.toggle').count(), 0, 'static: no buttons');
        // No readout follows the pointer.
        const canvas = page.locator('canvas.chart');
        const b = await canvas.boundingBox();
        await page.mouse.move(b.x + b.width * 0.6, b.y + b.height * 0.5);
        await page.mouse.click(b.x + b.width * 0.6, b.y + b.height * 0.5);
        assert.equal(await page.locator('.readout').count(), 0, 'static: no readout');
      }
      if (variant === '&plain=1') assert.equal(await page.locator('.embed-head').count(), 0, 'plain: no header');
      if (variant === '&transparent=1') {
        const bg = await page.evaluate(() => [document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor));
        assert.deepEqual(bg, ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'transparent: no background');
      }
      if (variant === '&theme=dark') assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    }
    await page.context().close();
  });
}

test('the embed posts its height and AMP\'s embed-size to a host on another origin', async () => {
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>host</title><script>window.got = []; addEventListener('message', (e) => window.got.push({ origin: e.origin, data: e.data }));</script>
      <iframe id="f" src="${server.url}?embed=1&chart=cost" width="360" height="600" style="border:0"></iframe>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const page = await newPage(browser, { viewport: { width: 800, height: 900 } });
  await page.goto(`http://127.0.0.1:${host.address().port}/`);
  await page.frameLocator('#f').locator('#app[data-mc="done"]').waitFor({ timeout: 60000 });
  await page.waitForFunction(() => window.got.some((m) => m.data?.sentinel === 'amp') && window.got.some((m) => m.data?.type === 'computedeal:height'));
  const got = await page.evaluate(() => window.got);
  const content = await page.frameLocator('#f').locator('#app').evaluate((a) => Math.ceil(a.getBoundingClientRect().height));
  const last = (pred) => got.filter(pred).at(-1);
  const amp = last((m) => m.data?.sentinel === 'amp');
  const own = last((m) => m.data?.type === 'computedeal:height');
  assert.equal(amp.origin, server.origin);
  assert.equal(amp.data.type, 'embed-size');
  assert.ok(Math.abs(amp.data.height - content) <= 1 && Math.abs(own.data.height - content) <= 1, `${amp.data.height}, ${own.data.height} vs ${content}`);
  await page.context().close();
  await new Promise((r) => { host.closeAllConnections?.(); host.close(r); });
});

test('the print view is a one-page brief: headline, figures, reading, two charts, key assumptions with sources, the address', async () => {
  for (const query of ['', '?lang=hi&currency=INR']) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(server.url + query);
    await waitReady(page);
    await waitMc(page);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
    assert.equal(pages, 1, `${query || 'en'}: ${pages} pages`);
    await page.emulateMedia({ media: 'print' });
    const shown = async (sel) => page.locator(sel).first().evaluate((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
    for (const sel of ['h1#answer', '.cards.lead', '.reading', 'figure[data-chart="deployment"] canvas', 'figure[data-chart="cashflow"] canvas', '.print-brief', '.print-url']) {
      assert.ok(await shown(sel), `${query || 'en'}: ${sel} printed`);
    }
    for (const sel of ['#inputs', '.share', '.deal-bar', 'figure[data-chart="tornado"]', 'button']) {
      assert.ok(!(await shown(sel)), `${query || 'en'}: ${sel} left out`);
    }
    assert.ok((await page.locator('h1#answer').textContent()).length > 20, 'the headline has its sentence');
    // The six inputs a reader reaches for first, each with its source and date.
    const items = await page.locator('.print-brief li').allTextContents();
    assert.equal(items.length, 6, items.join(' | '));
    for (const item of items) assert.match(item, /\(\d{4}(-\d{2}){0,2}\)$|\(n\/d\)$/, item);
    assert.ok((await page.locator('.print-url').textContent()).startsWith(server.url), 'the address of this view');
    if (query) assert.ok(items.some((t) => /INR/.test(t)), 'money in rupees');
    await page.context().close();
  }
});
