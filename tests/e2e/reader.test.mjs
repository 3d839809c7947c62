// For every reader: Hindi, rupees in lakh and crore, a pinned scenario A
// with deltas, every chart and the scenario as files (PNG, SVG, CSV, JSON)
// and back (JSON import), and axe-core finding no serious or critical
// accessibility violation in either language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, newPage, waitReady, waitMc, foreignRequests, cliEval, setField, axeViolations, ROOT } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'computedeal-e2e-'));

async function kpi(page, key, attr = 'data-value') {
  return Number(await page.locator(`[data-kpi="${key}"]`).first().getAttribute(attr));
}
async function cardText(page, key) {
  return (await page.locator(`[data-kpi="${key}"] .card-value`).first().textContent()).trim();
}
/** Clicks `selector` and returns the download's file name and bytes. */
async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = path.join(tmp, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file), file };
}
/** "₹46,872 crore" → rupees; "₹2.01 lakh crore" → rupees. */
function rupees(text) {
  const m = text.replace(/[\u2060,]/g, '').match(/(−?)₹([\d.]+)\s*(lakh crore|crore|lakh)?/);
  assert.ok(m, `no rupee amount in ${text}`);
  const scale = { 'lakh crore': 1e12, crore: 1e7, lakh: 1e5 }[m[3]] ?? 1;
  return (m[1] ? -1 : 1) * Number(m[2]) * scale;
}

test('switching to Hindi changes the interface text and leaves the numbers right', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const cli = cliEval('');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('.panel h2').textContent(), 'Assumptions');
  await page.selectOption('#lang', 'hi');
  await page.waitForFunction(() => document.documentElement.lang === 'hi');
  assert.equal(await page.locator('.panel h2').textContent(), 'मान्यताएँ');
  assert.equal(await page.locator('[data-kpi="npv_usd"] .card-label').textContent(), 'एनपीवी');
  assert.match(await page.locator('#reading').textContent(), /इन मान्यताओं पर AWS को OpenAI से प्रति GPU-घंटा \$3\.04/);
  assert.match(await page.locator('#chart-cashflow h3').textContent(), /संचयी नकदी प्रवाह/);
  assert.equal(await page.locator('#param-wacc .param-head label').textContent(), 'पूँजी की लागत (WACC)');
  // The numbers are the model's, in either language; Hindi groups them the Indian way.
  for (const key of ['price_usd_per_accelerator_hour', 'npv_usd', 'irr', 'capex_usd']) assert.equal(await kpi(page, key), cli[key], key);
  assert.equal(await cardText(page, 'price_usd_per_accelerator_hour'), '$3.04');
  assert.match(await page.locator('#reading').textContent(), /2,00,000 एक्सेलरेटर/);
  // The choice is kept in the URL, and a link in Hindi opens in Hindi.
  await page.waitForFunction(() => location.search.includes('lang=hi'));
  const hi = await newPage(browser);
  await hi.goto(`${server.url}?lang=hi&pue=9`);
  await waitReady(hi);
  assert.equal(await hi.getAttribute('html', 'lang'), 'hi');
  // The link's notice is in Hindi too.
  assert.match(await hi.locator('.notices').textContent(), /pue=9 सीमा से बाहर है/);
  // A reader whose browser prefers Hindi gets Hindi without asking.
  const pref = await newPage(browser, { locale: 'hi-IN' });
  await pref.goto(server.url);
  await waitReady(pref);
  assert.equal(await pref.getAttribute('html', 'lang'), 'hi');
  assert.deepEqual(page.errors, []);
  for (const p of [page, hi, pref]) await p.context().close();
});

test('rupees show in lakh and crore at the edited rate, and a bad rate is refused', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?currency=INR`);
  await waitReady(page);
  const cli = cliEval('');
  // $21.2B of capex × 88.7 = ₹1.88 lakh crore; NPV $7.18B × 88.7 = ₹63,7xx crore.
  assert.match(await cardText(page, 'capex_usd'), /^₹1\.88 lakh crore$/);
  const npv = await cardText(page, 'npv_usd');
  assert.match(npv, /^₹[\d,]+ crore$/);
  assert.match(npv, /^₹\d{1,2},\d{3} crore$/, 'Indian grouping: 63,7xx');
  assert.ok(Math.abs(rupees(npv) - cli.npv_usd * 88.7) <= 0.5e7, `${npv} vs ${cli.npv_usd * 88.7}`);
  assert.match(await cardText(page, 'price_usd_per_accelerator_hour'), /^₹269\.\d\d$/);
  assert.match(await page.locator('#fx-help').textContent(), /88\.7.*2025/);
  // Sums of dollars are shown and typed in rupees, grouped the Indian way:
  // $38B × 88.7 = ₹33,70,60,00,00,000; $82/MWh × 88.7 = ₹7,273.4/MWh. The
  // link and the model stay in dollars; the accelerators are not money.
  assert.equal(await page.locator('#f-value_usd').inputValue(), '33,70,60,00,00,000');
  assert.equal(await page.locator('#f-electricity_usd_per_mwh').inputValue(), '7,273.4');
  assert.equal(await page.locator('[data-param="electricity_usd_per_mwh"] .unit').textContent(), 'INR/MWh');
  assert.match(await page.locator('#h-electricity_usd_per_mwh').textContent(), /₹0 to ₹88,700/);
  assert.equal(await page.locator('#f-accelerators').inputValue(), '2,00,000');
  // ₹26,61,00,00,00,000 is 2.661e12 / 88.7 = $30B.
  await setField(page, 'value_usd', '26,61,00,00,00,000');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('value_usd') === '3e10');
  assert.equal(await page.locator('#f-value_usd').inputValue(), '26,61,00,00,00,000');
  // ₹8,000/MWh is 8000 / 88.7 = $90.19/MWh (the base case of its default
  // range, which moves with it), and reads back as typed.
  const mode = (search) => Number((new URLSearchParams(search).get('electricity_usd_per_mwh') ?? '').split(',')[1]);
  await setField(page, 'electricity_usd_per_mwh', '8,000');
  await page.waitForFunction(() => location.search.includes('electricity_usd_per_mwh=pert'));
  assert.ok(Math.abs(mode(await page.evaluate(() => location.search)) - 8000 / 88.7) < 1e-8);
  assert.equal(await page.locator('#f-electricity_usd_per_mwh').inputValue(), '8,000');
  assert.match(await page.locator('#d-electricity_usd_per_mwh').inputValue(), /^pert:[\d.]+,8000,[\d.]+$/);
  // Out of range in rupees: refused, naming the input in rupees and the
  // rupee range; the last good value stays.
  await setField(page, 'electricity_usd_per_mwh', '90,000');
  await page.waitForSelector('#e-electricity_usd_per_mwh');
  assert.match(await page.locator('#e-electricity_usd_per_mwh').textContent(), /^Electricity price \(INR\/MWh\)=90,000 is out of range: allowed 0 to 88700/);
  assert.ok(Math.abs(mode(await page.evaluate(() => location.search)) - 8000 / 88.7) < 1e-8);
  await page.click('[data-param="electricity_usd_per_mwh"] .reset');
  await setField(page, 'value_usd', '33,70,60,00,00,000');
  await page.waitForFunction(() => !location.search.includes('value_usd=') && !location.search.includes('electricity_usd_per_mwh='));
  // A new rate converts every amount; the model's numbers stay in dollars.
  await page.fill('#fx', '90');
  await page.press('#fx', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-kpi="price_usd_per_accelerator_hour"] .card-value').textContent.startsWith('₹273'));
  assert.equal(await kpi(page, 'npv_usd'), cli.npv_usd);
  await page.waitForFunction(() => location.search.includes('fx=90'));
  // A typo is refused with a message that names the input, the value and what is allowed.
  await page.fill('#fx', '9000');
  await page.press('#fx', 'Enter');
  await page.waitForSelector('#fx-help .error');
  assert.match(await page.locator('#fx-help .error').textContent(), /fx='9000' is not a rate for INR: allowed 40 – 200/);
  assert.match(await cardText(page, 'price_usd_per_accelerator_hour'), /^₹273\.\d\d$/, 'the last good rate stays');
  // Euros use short scales.
  await page.selectOption('#currency', 'EUR');
  await page.waitForFunction(() => document.querySelector('[data-kpi="capex_usd"] .card-value').textContent.startsWith('€'));
  assert.match(await cardText(page, 'capex_usd'), /^€18\.\dB$/);
  await page.context().close();
});

test('pinning A and changing an input shows deltas on every card and A on the charts, and both live in the URL', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const a = cliEval('');
  // A's chance of a loss, as its finished run shows it.
  await waitMc(page);
  const aLoss = await kpi(page, 'p_loss');
  await page.click('#pin');
  await page.waitForSelector('.compare-status');
  assert.match(await page.locator('.compare-status').textContent(), /the same as A for now/);
  await setField(page, 'value_usd', '30e9');
  const b = cliEval('value_usd=30e9');
  await page.waitForFunction((v) => Number(document.querySelector('[data-kpi="npv_usd"]').getAttribute('data-value')) === v, b.npv_usd);
  for (const key of ['price_usd_per_accelerator_hour', 'cost_usd_per_accelerator_hour', 'margin', 'npv_usd', 'irr', 'payback_years', 'it_mw_peak', 'facility_mw_peak', 'energy_gwh_per_year', 'co2_kt_per_year', 'capex_usd', 'usd_per_million_tokens']) {
    assert.equal(await kpi(page, key, 'data-a'), a[key], `A's ${key}`);
    assert.ok(Math.abs(await kpi(page, key, 'data-delta') - (b[key] - a[key])) <= 1e-9 * Math.max(1, Math.abs(a[key])), `delta ${key}`);
    assert.match(await page.locator(`[data-kpi="${key}"] .card-delta`).textContent(), /vs A$/, key);
  }
  // A is named as pinned, B by what changed.
  assert.equal(await page.locator('.compare-status').textContent(), 'A, pinned: AWS–OpenAI (Nov 2025). B, on screen: Contract value 38,000,000,000 → 30,000,000,000.');
  // Each delta is written in its card's scale ("$5.77B" over "−$1.97B", "1.40 Mt/yr" over "±0 Mt/yr").
  const tail = (t) => t.replace(/ vs A$/, '').match(/[\d.,]+(\D*)$/)[1];
  for (const key of ['npv_usd', 'capex_usd', 'facility_mw_peak', 'energy_gwh_per_year', 'co2_kt_per_year', 'usd_per_million_tokens']) {
    const value = await cardText(page, key);
    const delta = (await page.locator(`[data-kpi="${key}"] .card-delta`).textContent()).trim();
    assert.equal(tail(delta), tail(value), `${key}: ${delta} under ${value}`);
  }
  // The chance of a loss has its delta too: A's is the run that was on screen when it was pinned.
  await waitMc(page);
  await page.waitForSelector('[data-kpi="p_loss"][data-delta]');
  assert.equal(await kpi(page, 'p_loss', 'data-a'), aLoss);
  const bLoss = await kpi(page, 'p_loss');
  assert.ok(Math.abs(await kpi(page, 'p_loss', 'data-delta') - (bLoss - aLoss)) < 1e-12);
  assert.match(await page.locator('[data-kpi="p_loss"] .card-delta').textContent(), /^\+\u2060[\d.]+ pp vs A$/, 'a smaller contract loses more often');
  // A smaller contract earns less: the NPV delta is negative and written with a minus.
  assert.ok(b.npv_usd < a.npv_usd);
  assert.match(await page.locator('[data-kpi="npv_usd"] .card-delta').textContent(), /^−\u2060\$[\d.,]+[BM] vs A$/);
  // A and B both live in the URL: a reload shows the same comparison.
  await page.waitForFunction(() => location.search.includes('compare=') && location.search.includes('value_usd='));
  const url = page.url();
  const again = await newPage(browser);
  await again.goto(url);
  await waitReady(again);
  assert.equal(await kpi(again, 'npv_usd'), b.npv_usd);
  assert.equal(await kpi(again, 'npv_usd', 'data-a'), a.npv_usd);
  assert.equal(await again.getAttribute('#pin', 'aria-pressed'), 'true');
  // Opened from the link, A's Monte Carlo runs on its own once B's is done:
  // the same seed and samples give the same chance of a loss as before.
  await again.waitForSelector('[data-kpi="p_loss"][data-delta]', { timeout: 120000 });
  assert.equal(await kpi(again, 'p_loss', 'data-a'), aLoss);
  // Unpinning removes the deltas.
  await again.click('#pin');
  await again.waitForFunction(() => !document.querySelector('.card-delta'));
  for (const p of [page, again]) await p.context().close();
});

/** A fresh page on the Microsoft–IREN deal (Chromium holds back an 11th download from one page in a row). */
async function irenPage() {
  const page = await newPage(browser, { acceptDownloads: true, viewport: { width: 1300, height: 1000 } });
  await page.goto(`${server.url}?preset=microsoft-iren-2025`);
  await waitReady(page);
  await waitMc(page);
  return page;
}

test('each chart downloads as PNG, SVG and CSV, and the numbers match the page', async () => {
  const cli = cliEval('preset=microsoft-iren-2025');
  for (const id of ['deployment', 'cost', 'pnl', 'cashflow', 'histogram', 'tornado', 'heatmap', 'presets', 'market', 'portfolio', 'india']) {
    const page = await irenPage();
    const png = await download(page, `#chart-${id} [data-download=png]`);
    assert.equal(png.name, `computedeal-microsoft-iren-2025-${id}.png`);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${id}: PNG signature`);
    // The IHDR chunk's width and height: the chart at 2× its CSS size (at
    // least 640 × 360), and 2 × 120 px taller for its frame (title, scenario,
    // source line, URL).
    const css = await page.$eval(`#chart-${id} canvas`, (c) => [Math.max(c.clientWidth, 640), Math.max(c.clientHeight, 360)]);
    assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [css[0] * 2, (css[1] + 120) * 2], `${id}: 2× with its frame`);
    const svg = (await download(page, `#chart-${id} [data-download=svg]`)).bytes.toString('utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${id}: SVG`);
    assert.match(svg, /<\/svg>\s*$/);
    // Its provenance, as text: the chart's title, the deal, the source line and this view's address.
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].trim().replaceAll('&amp;', '&'));
    const title = (await page.locator(`#chart-${id} h3`).textContent()).trim();
    assert.ok(texts.join(' ').includes(title.split(' ')[0]), `${id}: the title ${title} in ${texts.slice(0, 3)}`);
    assert.ok(texts.some((t) => t.includes('Microsoft')), `${id}: the deal's name`);
    assert.ok(texts.some((t) => /^computedeal · data as of \d{4}-\d{2}-\d{2} · figures CC BY 4\.0$/.test(t)), `${id}: the source line`);
    assert.ok(texts.join('').includes('preset=microsoft-iren-2025'), `${id}: the view's URL`);
    const csv = (await download(page, `#chart-${id} [data-download=csv]`)).bytes.toString('utf8');
    assert.ok(csv.split('\n').length > 2, `${id}: CSV rows`);
    assert.deepEqual(foreignRequests(page, server.origin), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
  const page = await irenPage();
  // The cost chart's CSV: one row per year, revenue as the model computes it.
  const csv = (await download(page, '#chart-cost [data-download=csv]')).bytes.toString('utf8').trim().split('\n');
  assert.equal(csv[0], '"year","capital: accelerators","capital: CPUs","capital: facility","energy","other opex","revenue"');
  assert.equal(csv.length - 1, cli.years.length);
  csv.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    assert.equal(cells[0], `"${cli.years[i].year}"`);
    assert.equal(Number(cells[6]), cli.years[i].revenue_usd, `revenue ${cli.years[i].year}`);
  });
  // The cash-flow SVG shows the payback the card shows, and its axis the same money as the page.
  const svg = (await download(page, '#chart-cashflow [data-download=svg]')).bytes.toString('utf8');
  const payback = (await cardText(page, 'payback_years')).replace(' yr', '');
  // (IREN's operating cash never pays back within its term: then neither shows one.)
  if (/^\d/.test(payback)) assert.ok(svg.includes(`payback ${payback} yr`), `payback ${payback} in the SVG`);
  else assert.ok(!svg.includes('payback '), `no payback in the SVG: the card shows ${payback}`);
  assert.match(svg, /\n\$0\n<\/text>/, 'a dollar axis');
  await page.context().close();
});

test('the scenario downloads as JSON, imports back, and a bad file changes nothing', async () => {
  const page = await newPage(browser, { acceptDownloads: true });
  const query = 'preset=india-1gw&pue=1.3&wacc=tri:0.08,0.1,0.13';
  await page.goto(`${server.url}?${query}`);
  await waitReady(page);
  await waitMc(page);
  const cli = cliEval(query);
  const json = await download(page, '#export-json');
  assert.equal(json.name, 'computedeal-india-1gw.json');
  const doc = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(doc.scenario.preset, 'india-1gw');
  assert.equal(doc.scenario.pue, 1.3);
  assert.equal(doc.scenario.wacc, 'tri:0.08,0.1,0.13');
  for (const key of ['price_usd_per_accelerator_hour', 'npv_usd', 'irr', 'capex_usd']) {
    assert.equal(doc.outcome[key], await kpi(page, key), key);
    assert.equal(doc.outcome[key], cli[key], key);
  }
  assert.equal(doc.monte_carlo.p_loss, await kpi(page, 'p_loss'));
  assert.equal(doc.monte_carlo.outputs.npv_usd.p5, await kpi(page, 'npv_usd', 'data-p5'));

  // A fresh page imports it and shows the same scenario.
  const fresh = await newPage(browser);
  await fresh.goto(server.url);
  await waitReady(fresh);
  await fresh.setInputFiles('#import-file', json.file);
  await fresh.waitForSelector('.import-status.ok');
  assert.equal(await fresh.locator('#preset').inputValue(), 'india-1gw');
  assert.equal(await kpi(fresh, 'npv_usd'), cli.npv_usd);
  // The page reads a rate in percent (8% a year); the file and the link keep the fraction.
  assert.equal(await fresh.locator('#d-wacc').inputValue(), 'tri:8,10,13');

  // Bad files: a clear message that names the problem, and nothing changes.
  const bad = [
    ['not-json.json', 'this is { not json', /not valid JSON/],
    ['bad-value.json', JSON.stringify({ scenario: { preset: 'aws-openai-2025', pue: 9 } }), /pue=9 is out of range: allowed 1 to 3/],
    ['unknown-key.json', JSON.stringify({ scenario: { frobnicate: 1 } }), /'frobnicate' is not a parameter/],
    ['array.json', '[1, 2, 3]', /no JSON object with a scenario/],
  ];
  for (const [name, text, why] of bad) {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    await fresh.setInputFiles('#import-file', file);
    await fresh.waitForFunction((n) => document.querySelector('.import-status.failed')?.dataset.file === n, name);
    assert.match(await fresh.locator('.import-status.failed').textContent(), why, name);
    assert.equal(await kpi(fresh, 'npv_usd'), cli.npv_usd, `${name} changed nothing`);
    assert.equal(await fresh.locator('#preset').inputValue(), 'india-1gw');
  }
  for (const p of [page, fresh]) await p.context().close();
});

for (const [lang, scheme] of [['en', 'light'], ['hi', 'light'], ['en', 'dark'], ['hi', 'dark']]) {
  test(`axe-core finds no serious or critical violation on the full page (${lang}, ${scheme})`, async () => {
    const page = await newPage(browser, { colorScheme: scheme, bypassCSP: true });
    await page.goto(`${server.url}?lang=${lang}&compare=pue%3D1.4`);
    await waitReady(page);
    await waitMc(page);
    // Open every group and one data table, so their controls are checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.click('#chart-cost .toggle');
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
}

test('every control is reachable by keyboard with a visible focus', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await waitReady(page);
  const seen = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.id || el.getAttribute('data-download') || el.className, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    assert.ok(info.outline, `no visible focus on ${info.id}`);
    seen.add(info.id);
  }
  for (const id of ['lang', 'currency', 'preset', 'reset', 'pin', 'export-json', 'import-json']) assert.ok(seen.has(id), `${id} is not reachable by Tab`);
  // A button works from the keyboard.
  await page.focus('#pin');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.compare-status');
  await page.context().close();
});
