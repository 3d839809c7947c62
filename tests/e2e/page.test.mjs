// The first end-to-end tests: the page loads from dist/, says it is ready,
// shows a model number, draws its chart and stays within its own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, waitReady, canvasColours, foreignRequests, cliEval } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page loads, shows the implied price and a chart, and stays on its origin', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const kpi = page.locator('[data-kpi="price_usd_per_accelerator_hour"]');
  const value = Number(await kpi.getAttribute('data-value'));
  // The browser's number is the CLI's, to the last digit.
  assert.equal(value, cliEval('').price_usd_per_accelerator_hour);
  assert.match(await kpi.textContent(), /\$3\.00/);
  assert.ok(await canvasColours(page, 'canvas') > 1, 'the chart canvas is blank');
  assert.deepEqual(foreignRequests(page, server.origin), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a panic shows a plain message instead of a blank page', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?debug=panic`);
  await page.waitForSelector('#app[data-state="crashed"]', { timeout: 30000 });
  const crash = page.locator('#crash');
  assert.equal(await crash.isVisible(), true);
  assert.match(await crash.textContent(), /stopped because of an internal error/);
  await page.context().close();
});
