// Sandboxed embeds (issue 27, item B): in an iframe sandboxed without
// allow-same-origin (an opaque origin, where the browser refuses the
// calculator's own integrity-checked files) the frame says why it cannot
// run and still posts both height messages to its host; with
// `sandbox="allow-scripts allow-same-origin"` the embed works as without a
// sandbox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serve, launch, newPage, poll } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A host page on its own origin framing the embed with `sandbox`, recording the messages it gets. */
async function hostWith(sandbox) {
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>host</title><script>window.got = []; addEventListener('message', (e) => window.got.push({ origin: e.origin, data: e.data }));</script>
      <iframe id="f" sandbox="${sandbox}" src="${server.url}?embed=1&chart=cost" width="360" height="600" style="border:0"></iframe>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${host.address().port}/`, close: () => new Promise((r) => { host.closeAllConnections?.(); host.close(r); }) };
}

/** Waits for both height messages and returns the last of each. */
async function heights(page) {
  await poll(page, () => window.got.some((m) => m.data?.type === 'computedeal:height') && window.got.some((m) => m.data?.sentinel === 'amp' && m.data?.type === 'embed-size'),
    null, { timeout: 60000, what: 'computedeal:height and AMP embed-size messages from the frame' });
  const got = await page.evaluate(() => window.got);
  const last = (pred) => got.filter(pred).at(-1);
  return { own: last((m) => m.data?.type === 'computedeal:height'), amp: last((m) => m.data?.sentinel === 'amp') };
}

test('sandboxed without allow-same-origin, the embed says why it cannot run and still posts its height', async () => {
  const host = await hostWith('allow-scripts');
  const page = await newPage(browser, { viewport: { width: 800, height: 900 } });
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#f');
    const crash = frame.locator('#crash');
    await crash.waitFor({ state: 'visible', timeout: 30000 });
    const text = await crash.textContent();
    assert.match(text, /sandbox/);
    assert.match(text, /allow-scripts allow-same-origin/);
    assert.doesNotMatch(text, /downloaded|SIMD/, 'the reason, not a guess');
    assert.equal(await frame.locator('#boot').count(), 0, 'no "Loading the calculator…" left');
    assert.equal(await frame.locator('#app').getAttribute('data-state'), 'crashed');
    // The frame's origin is opaque: the messages come from "null", with the same shape as the embed's.
    const { own, amp } = await heights(page);
    assert.equal(own.origin, 'null');
    assert.deepEqual(Object.keys(own.data).sort(), ['height', 'type']);
    assert.deepEqual(Object.keys(amp.data).sort(), ['height', 'sentinel', 'type']);
    const content = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    assert.ok(own.data.height > 0 && own.data.height < 600, `${own.data.height} px`);
    assert.ok(Math.abs(own.data.height - content) <= 1 && amp.data.height === own.data.height, `${own.data.height}, ${amp.data.height} vs ${content}`);
  } finally {
    await page.context().close();
    await host.close();
  }
});

test('sandboxed with allow-scripts allow-same-origin, the embed works as without a sandbox', async () => {
  const host = await hostWith('allow-scripts allow-same-origin');
  const page = await newPage(browser, { viewport: { width: 800, height: 900 } });
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#f');
    await frame.locator('#app[data-mc="done"]').waitFor({ timeout: 60000 });
    assert.equal(await frame.locator('#crash').isVisible(), false);
    assert.ok(await frame.locator('footer.source-line').count() > 0, 'the embed and its source line');
    const { own, amp } = await heights(page);
    assert.equal(own.origin, server.origin);
    // The last messages are the content's height (polled: the last may be in flight).
    const content = () => frame.locator('#app').evaluate((a) => Math.ceil(a.getBoundingClientRect().height));
    let last = own;
    for (let i = 0; i < 50 && Math.abs(last.data.height - (await content())) > 1; i++) {
      await page.waitForTimeout(100);
      last = (await heights(page)).own;
    }
    assert.ok(Math.abs(last.data.height - (await content())) <= 1, `${last.data.height} vs ${await content()}`);
    assert.equal(amp.data.type, 'embed-size');
  } finally {
    await page.context().close();
    await host.close();
  }
});
