// The calculator page: it loads ready with the model's numbers and every
// charts, presets switch deals, sliders and fields change the right cards,
// bad entries are refused without losing the result, the data tables match
// the model, and a phone-width page does not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, waitReady, canvasColours, foreignRequests, cliEval, setField } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CHARTS = ['deployment', 'cost', 'pnl', 'cashflow', 'histogram', 'tornado', 'heatmap', 'presets', 'market', 'portfolio', 'india'];

async function kpi(page, key) {
  return Number(await page.locator(`[data-kpi="${key}"]`).first().getAttribute('data-value'));
}

/** Waits until a card's value changes from `before`. */
async function kpiChanged(page, key, before) {
  await page.waitForFunction(([k, b]) => Number(document.querySelector(`[data-kpi="${k}"]`)?.getAttribute('data-value')) !== b, [key, before]);
  return kpi(page, key);
}

test('the page loads, shows the model\'s numbers and every chart, and stays on its origin', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const cli = cliEval('');
  // The browser's numbers are the CLI's, to the last digit.
  for (const key of ['price_usd_per_accelerator_hour', 'cost_usd_per_accelerator_hour', 'margin', 'npv_usd', 'irr', 'payback_years', 'it_mw_peak', 'capex_usd']) {
    assert.equal(await kpi(page, key), cli[key], key);
  }
  assert.match(await page.locator('[data-kpi="price_usd_per_accelerator_hour"] .card-value').textContent(), /\$3\.04/);
  await page.waitForSelector('#app[data-mc="done"]');
  for (const id of CHARTS) {
    assert.ok(await canvasColours(page, `#chart-${id} canvas`) > 1, `chart ${id} is blank`);
  }
  assert.match(await page.locator('#reading').textContent(), /AWS earns \$3\.04 per GPU-hour from OpenAI/);
  assert.deepEqual(foreignRequests(page, server.origin), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each preset loads and shows different headline numbers', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const ids = await page.$$eval('#preset option', (os) => os.map((o) => o.value));
  assert.equal(ids.length, 10);
  const seen = new Map();
  for (const id of ids) {
    await page.selectOption('#preset', id);
    await page.waitForFunction((i) => document.querySelector('#preset').value === i, id);
    const cli = cliEval(`preset=${id}`);
    const price = await kpi(page, 'price_usd_per_accelerator_hour');
    assert.equal(price, cli.price_usd_per_accelerator_hour, id);
    assert.equal(await kpi(page, 'npv_usd'), cli.npv_usd, id);
    seen.set(`${price}/${await kpi(page, 'npv_usd')}`, id);
  }
  assert.equal(seen.size, ids.length, 'two presets show the same numbers');
  await page.context().close();
});

test('the slider and the number field change the right cards', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?uncertainty=off`);
  await waitReady(page);
  const mw = await kpi(page, 'it_mw_peak');
  const price = await kpi(page, 'price_usd_per_accelerator_hour');
  // The accelerator count's field: more accelerators, more megawatts, a lower price.
  await setField(page, 'accelerators', '300,000');
  assert.ok(await kpiChanged(page, 'it_mw_peak', mw) > mw);
  assert.ok(await kpi(page, 'price_usd_per_accelerator_hour') < price);
  assert.ok(await page.locator('#param-accelerators.changed').count() === 1, 'the changed input is marked');
  // The PUE's slider: facility power moves, IT power does not.
  const facility = await kpi(page, 'facility_mw_peak');
  const it = await kpi(page, 'it_mw_peak');
  await page.evaluate(() => { document.getElementById('param-pue').closest('details').open = true; });
  const slider = page.locator('#param-pue input[type=range]');
  // Past the middle of its span (the preset's range around 1.14, not the allowed 1 to 3).
  await slider.fill('900');
  assert.ok(await kpiChanged(page, 'facility_mw_peak', facility) > facility);
  assert.equal(await kpi(page, 'it_mw_peak'), it);
  const pue = await page.locator('#f-pue').inputValue();
  assert.ok(Number(pue) > 1.14 && Number(pue) < 1.4, pue);
  assert.equal(await kpi(page, 'facility_mw_peak'), cliEval(`uncertainty=off&accelerators=300000&pue=${pue}`).facility_mw_peak);
  await page.context().close();
});

test('an invalid entry shows its message and keeps the last result', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const npv = await kpi(page, 'npv_usd');
  await setField(page, 'term_years', '40');
  const error = page.locator('#param-term_years .error');
  await error.waitFor();
  assert.match(await error.textContent(), /term_years=40 is out of range: allowed 0.25 to 20/);
  assert.equal(await page.locator('#f-term_years').getAttribute('aria-invalid'), 'true');
  assert.equal(await kpi(page, 'npv_usd'), npv);
  await setField(page, 'term_years', 'seven');
  assert.match(await error.textContent(), /term_years='seven' is not a number/);
  // A malformed distribution, likewise.
  await page.evaluate(() => { document.getElementById('param-pue').closest('details').open = true; });
  await page.locator('#param-pue .dist').fill('1.4~1.1');
  await page.locator('#param-pue .dist').press('Enter');
  assert.match(await page.locator('#param-pue .error').textContent(), /the low end must be below the high end/);
  assert.equal(await kpi(page, 'npv_usd'), npv);
  // A valid entry clears the message.
  await setField(page, 'term_years', '8');
  await page.waitForFunction(() => !document.querySelector('#param-term_years .error'));
  assert.notEqual(await kpi(page, 'npv_usd'), npv);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the data toggle shows the chart\'s numbers, which are the model\'s', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  await page.click('#chart-deployment button.toggle');
  const rows = await page.$$eval('#table-deployment tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, Number(tr.querySelector('td').dataset.value)]));
  const cli = cliEval('');
  assert.equal(rows.length, cli.quarters.length - 1);
  rows.forEach(([quarter, online], i) => {
    assert.equal(quarter, cli.quarters[i].quarter);
    assert.equal(online, cli.quarters[i].accelerators_online);
  });
  // And back to the chart.
  await page.click('#chart-deployment button.toggle');
  assert.equal(await page.locator('#table-deployment table').count(), 0);
  assert.equal(await page.locator('#table-deployment').isHidden(), true);
  await page.context().close();
});

test('hovering a chart shows a readout of the row under the pointer', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const canvas = page.locator('#chart-deployment canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const readout = page.locator('#chart-deployment .readout');
  await readout.waitFor({ state: 'visible' });
  assert.match(await readout.textContent(), /^20\d\dQ\d: accelerators online 200,000/);
  // The quarter under the pointer is highlighted, and its readout sits beside it, not on it.
  const band = await page.locator('#chart-deployment .hover-band').boundingBox();
  const x = box.x + box.width * 0.5;
  assert.ok(band.x <= x && x <= band.x + band.width, `the band ${JSON.stringify(band)} holds the pointer at ${x}`);
  const text = await readout.boundingBox();
  assert.ok(text.x >= band.x + band.width || text.x + text.width <= band.x, 'the readout is beside the band');
  // Leaving the chart clears it.
  await page.mouse.move(1, 1);
  await readout.waitFor({ state: 'hidden' });
  // A click pins a row: the readout stays while the pointer moves on, and a second click lets it go.
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
  const pinned = await readout.textContent();
  assert.equal(await page.locator('#chart-deployment .hover-band.pinned').count(), 1);
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5);
  await page.mouse.move(1, 1);
  assert.equal(await readout.textContent(), pinned);
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.move(1, 1);
  await readout.waitFor({ state: 'hidden' });
  await page.context().close();
});

test('the tornado and the heatmap, worked out after the first screen, follow a change and match a fresh page', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const summary = (id) => page.locator(`#chart-${id} p.sr-only`).textContent();
  const before = { tornado: await summary('tornado'), heatmap: await summary('heatmap') };
  await setField(page, 'value_usd', '30e9');
  for (const id of ['tornado', 'heatmap']) {
    await page.waitForFunction(([i, b]) => document.querySelector(`#chart-${i} p.sr-only`).textContent !== b, [id, before[id]]);
  }
  await page.waitForFunction(() => location.search.includes('value_usd='));
  const fresh = await newPage(browser);
  await fresh.goto(page.url());
  await waitReady(fresh);
  for (const id of ['tornado', 'heatmap']) {
    assert.equal(await summary(id), await fresh.locator(`#chart-${id} p.sr-only`).textContent(), id);
  }
  for (const p of [page, fresh]) await p.context().close();
});

test('on a touch screen, a tap pins a row of a chart and shows its numbers', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.goto(server.url);
  await waitReady(page);
  const canvas = page.locator('#chart-presets canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // The deals run down the chart, the first at the top: tap the first row's bars.
  await canvas.tap({ position: { x: box.width * 0.45, y: box.height * 0.2 } });
  const readout = page.locator('#chart-presets .readout');
  await readout.waitFor({ state: 'visible' });
  assert.match(await readout.textContent(), /^AWS–OpenAI/);
  assert.equal(await page.locator('#chart-presets .hover-band.pinned').count(), 1);
  await page.context().close();
});

test('a phone-width page has no horizontal scroll', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await newPage(browser, { viewport: { width: 360, height: 740 }, colorScheme });
    await page.goto(server.url);
    await waitReady(page);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${colorScheme}: scrollWidth ${scroll} > ${client}`);
    await page.context().close();
  }
});

test('a panic shows a plain message instead of a blank page, before and after the app mounts', async () => {
  // Before: the start-up code panics. After: the app has mounted and drawn
  // (Yew's Renderer replaces a hook set with std::panic::set_hook; ours is
  // set through yew::set_custom_panic_hook so it stays).
  for (const debug of ['panic', 'panic-after-mount']) {
    const page = await newPage(browser);
    await page.goto(`${server.url}?debug=${debug}`);
    await page.waitForSelector('#app[data-state="crashed"]', { timeout: 60000 });
    // After mounting, the app's own elements are there under the message.
    const mounted = await page.evaluate(() => document.querySelector('#app .cards') !== null);
    assert.equal(mounted, debug === 'panic-after-mount', `${debug}: the app had ${mounted ? '' : 'not '}mounted`);
    const crash = page.locator('#crash');
    assert.equal(await crash.isVisible(), true, debug);
    assert.match(await crash.textContent(), /stopped because of an internal error/, debug);
    await page.context().close();
  }
});
