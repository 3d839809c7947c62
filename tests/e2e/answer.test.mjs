// The answer first, on any screen (issue 14): the headline states the deal's
// answer with its number and, once the Monte Carlo has run, its range; the
// page title follows it; the headline and the lead figures lie in the first
// viewport; a chart starts within the first viewport on a desktop and
// within two on a phone; the inputs stay one tap away on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, waitReady, waitMc, cliEval } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SIZES = [
  { name: 'desktop', query: '', options: { viewport: { width: 1280, height: 800 } }, chartScreens: 1 },
  { name: 'phone', query: '', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, chartScreens: 2 },
  { name: 'Hindi phone', query: '?lang=hi', options: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, chartScreens: 2 },
];

/** Scrolls by `dy` and waits two frames, so that the page has handled that scroll before the next one. */
async function scrollBy(page, dy) {
  await page.evaluate((d) => new Promise((done) => {
    window.scrollBy(0, d);
    requestAnimationFrame(() => requestAnimationFrame(done));
  }), dy);
}

/** The top and bottom of an element in page coordinates. */
async function box(page, selector) {
  return page.locator(selector).first().evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY }; });
}

for (const size of SIZES) {
  test(`the answer comes first (${size.name})`, async () => {
    const page = await newPage(browser, size.options);
    await page.goto(server.url + size.query);
    await waitReady(page);
    await waitMc(page);
    const height = size.options.viewport.height;
    // Nothing is wider than the screen (a wider page would be zoomed out on a phone).
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), size.options.viewport.width);
    const answer = await box(page, 'h1#answer');
    assert.ok(answer.bottom <= height, `headline ends at ${answer.bottom} px, below the first screen (${height})`);
    for (const key of ['npv_usd', 'price_usd_per_accelerator_hour', 'cost_usd_per_accelerator_hour', 'p_loss']) {
      const card = await box(page, `.cards.lead [data-kpi="${key}"]`);
      assert.ok(card.bottom <= height, `lead figure ${key} ends at ${card.bottom} px`);
    }
    const chart = await box(page, '.charts canvas.chart');
    assert.ok(chart.top < size.chartScreens * height, `first chart starts at ${chart.top} px (${size.chartScreens} screens = ${size.chartScreens * height})`);
    // The inputs come after the answer and its chart on a phone, beside them on a desktop.
    const inputs = await box(page, '#inputs');
    if (size.name === 'desktop') assert.ok(inputs.top < height, `inputs start at ${inputs.top}`);
    else {
      assert.ok(inputs.top > chart.top, 'the inputs follow the first chart');
      // The first screen links to them under the lead figures; meanwhile the floating button covers nothing.
      const inline = await box(page, 'a.to-inputs-inline');
      assert.ok(inline.bottom <= height, `the link to the inputs ends at ${inline.bottom} px`);
      const away = () => page.waitForFunction(() => document.querySelector('a.to-inputs').getBoundingClientRect().top >= innerHeight);
      await away();
      // Scrolling down through the charts it stays aside, so it covers none; scrolling up brings it
      // back at the bottom of the screen, and it takes the reader to the inputs.
      await scrollBy(page, 1600);
      await away();
      await scrollBy(page, -300);
      await page.waitForFunction(() => {
        const r = document.querySelector('a.to-inputs').getBoundingClientRect();
        return r.bottom <= innerHeight && r.top > innerHeight / 2;
      });
      const button = page.locator('a.to-inputs');
      await button.click();
      await page.waitForFunction(() => Math.abs(document.getElementById('inputs').getBoundingClientRect().top) < 5);
    }
    assert.deepEqual(page.errors, []);
  });
}

test('on a phone in Hindi and rupees, where the rate row pushes the link to the inputs down, nothing floats over the lead figures', async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.goto(server.url + '?lang=hi&currency=INR');
  await waitReady(page);
  // The ranges first: when they arrive the cards grow, and the browser's scroll anchoring then
  // moves the page down, which reads as a scroll down and sends the button aside (CI, stop 34).
  await waitMc(page);
  const floating = () => page.evaluate(() => {
    const r = document.querySelector('a.to-inputs').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  });
  const lead = await box(page, '.cards.lead');
  assert.ok(lead.top < 740, `the lead figures start on the first screen (${lead.top} px)`);
  await page.waitForFunction(() => document.querySelector('a.to-inputs').getBoundingClientRect().top >= innerHeight);
  // Past the lead figures and the link, scrolling up brings the button back.
  await scrollBy(page, 2000);
  await scrollBy(page, -300);
  await page.waitForFunction(() => { const r = document.querySelector('a.to-inputs').getBoundingClientRect(); return r.bottom <= innerHeight && r.top > innerHeight / 2; });
  const f = await floating();
  assert.ok(f.bottom <= f.height, `the button is back on screen: ${JSON.stringify(f)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the headline states the number and its range, and the title follows it', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await waitReady(page);
  await waitMc(page);
  const text = (await page.locator('h1#answer').textContent()).trim();
  // The point NPV and cost from the CLI, in the page's own rounding ($7.18B, $2.20).
  const { npv_usd: npv, cost_usd_per_accelerator_hour: cost } = cliEval('');
  assert.ok(text.startsWith(`AWS earns $${(npv / 1e9).toFixed(2)}B in today's money on this deal with OpenAI: $3.04 per GPU-hour`), text);
  // The Monte Carlo's range: P5 and P95 of NPV as on the NPV card, and the chance of a loss.
  const card = page.locator('[data-kpi="npv_usd"]');
  const [p5, p95] = [Number(await card.getAttribute('data-p5')), Number(await card.getAttribute('data-p95'))];
  assert.ok(p5 < npv && npv < p95, `${p5} ${npv} ${p95}`);
  assert.match(text, /In 9 of 10 scenarios, between −?\$[\d.]+[BM] and \$[\d.]+B; a [\d.]+% chance of a loss\.$/);
  assert.equal(await page.title(), `AWS earns $${(npv / 1e9).toFixed(2)}B in today's money on this deal with OpenAI: $3.04 per GPU-hour against a cost of $${cost.toFixed(2)}. · computedeal`);
  // A losing deal says so, and the title changes with it.
  await page.goto(`${server.url}?value_usd=20e9&uncertainty=off`);
  await waitReady(page);
  assert.match(await page.locator('h1#answer').textContent(), /^AWS loses \$[\d.]+B in today's money/);
  assert.match(await page.title(), /^AWS loses/);
  // In Hindi the headline is Hindi.
  await page.goto(`${server.url}?lang=hi&uncertainty=off`);
  await waitReady(page);
  assert.match(await page.locator('h1#answer').textContent(), /^आज के मूल्य में AWS को OpenAI के साथ इस सौदे से/);
});

test('every input is one move away: uncertain inputs keep an editable base case', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await waitReady(page);
  // No field or slider of the default deal is disabled.
  assert.equal(await page.locator('#inputs input:disabled, #inputs select:disabled').count(), 0);
  // The inputs a reader reaches for first lead their groups.
  const first = (group, n) => page.$$eval(`#group-${group} [id^="param-"]`, (els, k) => els.slice(0, k).map((e) => e.id.slice(6)), n);
  assert.deepEqual(await first('deal', 1), ['value_usd']);
  assert.deepEqual(await first('accelerators', 2), ['accelerators', 'capex_usd_per_accelerator']);
  assert.deepEqual(await first('data_centre', 2), ['pue', 'electricity_usd_per_mwh']);
  assert.deepEqual(await first('finance', 1), ['wacc']);
  // Accelerators are uncertain by default (PERT ±25% around 200,000): typing
  // 300,000 moves the base case, and the range moves with it (×1.5).
  assert.equal(await page.inputValue('#d-accelerators'), 'pert:150000,200000,250000');
  const before = Number(await page.locator('[data-kpi="capex_usd"]').getAttribute('data-value'));
  await page.fill('#f-accelerators', '300000');
  await page.press('#f-accelerators', 'Enter');
  await page.waitForFunction((b) => Number(document.querySelector('[data-kpi="capex_usd"]').dataset.value) !== b, before);
  assert.equal(await page.inputValue('#d-accelerators'), 'pert:225000,300000,375000');
  assert.match(page.url(), /accelerators=pert%3A225000%2C300000%2C375000|accelerators=pert:225000,300000,375000/);
  // The page says what "uncertain" means.
  assert.match(await page.locator('#inputs .legend').last().textContent(), /base case/);
});

for (const size of SIZES.slice(0, 2)) {
  test(`a new Monte Carlo run does not move the page (${size.name})`, async () => {
    const page = await newPage(browser, size.options);
    await page.goto(server.url + size.query);
    await waitReady(page);
    await waitMc(page);
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift' });
    });
    // A change made by script (not a reader's input, so every shift counts), then the whole run.
    for (const v of ['1.25', '1.2']) {
      await page.evaluate((v) => {
        const f = document.getElementById('f-pue');
        f.value = v;
        f.dispatchEvent(new Event('change', { bubbles: true }));
      }, v);
      await page.waitForSelector('#app[data-mc="running"]');
      await waitMc(page);
    }
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.02, `layout shift ${shift} over two runs`);
  });
}

test('Hindi ships its own Devanagari font, and only Hindi loads it', async () => {
  const hi = await newPage(browser, { viewport: { width: 360, height: 740 } });
  await hi.goto(`${server.url}?lang=hi`);
  await waitReady(hi);
  await hi.waitForFunction(() => document.fonts.check('16px cdDevanagari', 'क'));
  const fonts = hi.requests.filter((u) => u.endsWith('.woff2'));
  assert.deepEqual(fonts, [`${server.url}noto-sans-devanagari-400.woff2`]);
  const en = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await en.goto(server.url);
  await waitReady(en);
  await waitMc(en);
  assert.deepEqual(en.requests.filter((u) => u.endsWith('.woff2')), []);
});

// Words that stay in Latin letters on the Hindi page: the parties' and
// chips' names, units (kW, kg, kt, FLOP/s), the docs' file names, and the notations a
// reader types (pert:…, input:input:ρ) or that gloss a Hindi term.
const LATIN_NAMES = new Set(['AWS', 'Amazon', 'Anthropic', 'Azure', 'Broadcom', 'Cerebras', 'CoreWeave', 'Epoch', 'Google', 'Grace', 'Graviton', 'IREN', 'Microsoft', 'NVIDIA', 'Nebius', 'OpenAI', 'Oracle', 'Trainium', 'Cloud', 'computedeal',
  'MWh', 'TWh', 'kW', 'kg', 'kt', 's', 'vCPU', 'vCPUs', 'pert', 'input', 'quasi-random']);

test('in Hindi, every word outside a quoted source title is Devanagari, a number, a name or an acronym', async () => {
  for (const query of ['?lang=hi', '?lang=hi&currency=INR&compare=&pue=1.3', '?lang=hi&preset=india-1gw']) {
    const page = await newPage(browser, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(server.url + query);
    await waitReady(page);
    await waitMc(page);
    // Every group open, so every input's help and source are read.
    await page.evaluate(() => document.querySelectorAll('details:not(.note-other)').forEach((d) => { d.open = true; }));
    const words = await page.evaluate(() => {
      const found = [];
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const el = n.parentElement;
        // Published sources' titles and notes are quoted in English and marked lang="en".
        if (!el || el.closest('script,style,noscript,[lang=en]') || !el.checkVisibility()) continue;
        if (el.closest('option') && !el.closest('option').selected) continue;
        for (const w of n.textContent.match(/[A-Za-z][A-Za-z'-]*/g) || []) found.push(w);
      }
      return found;
    });
    // Acronyms and units in capitals (PUE, WACC, GPU-, MW, USD, FP8), the names above; nothing else.
    const stray = [...new Set(words.filter((w) => !/^[A-Z][A-Z0-9-]*$/.test(w) && !/^[A-Z]+[a-z]?$/.test(w) && !LATIN_NAMES.has(w)))];
    assert.deepEqual(stray, [], `${query}: English words on the Hindi page`);
    await page.context().close();
  }
});

for (const size of [SIZES[0], SIZES[1]]) {
  test(`${size.name}: while a reader edits an input far down, the lead figures stay in view with the change`, async () => {
    const page = await newPage(browser, size.options);
    await page.goto(server.url + size.query);
    await waitReady(page);
    const npvBefore = Number(await page.getAttribute('[data-kpi="npv_usd"]', 'data-value'));
    // PUE sits in the energy group, well below the first screen.
    await page.locator('#f-pue').scrollIntoViewIfNeeded();
    await page.fill('#f-pue', '1.3');
    await page.press('#f-pue', 'Enter');
    await page.waitForFunction((b) => Number(document.querySelector('[data-kpi="npv_usd"]').dataset.value) !== b, npvBefore);
    const npvAfter = Number(await page.getAttribute('[data-kpi="npv_usd"]', 'data-value'));
    const mini = page.locator('.mini-summary');
    const box = await mini.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `the summary is in view: ${JSON.stringify(box)}`);
    // Its NPV is the card's, and it shows the change the edit made, in the card's scale.
    const card = (await page.locator('.cards.lead [data-kpi="npv_usd"] .card-value').textContent()).trim();
    assert.equal((await mini.locator('[data-mini="npv_usd"] .mini-value').textContent()).trim(), card);
    assert.ok(npvAfter < npvBefore, 'a higher PUE costs more energy');
    assert.match(await mini.locator('[data-mini="npv_usd"] .mini-delta').textContent(), /^−\u2060\$[\d.]+[BM]$/);
    assert.match(await mini.locator('[data-mini="npv_usd"]').getAttribute('title'), /^NPV: \$[\d.]+[BM], last change −\u2060\$[\d.]+[BM]$/);
    // Every label, figure and change is shown whole: beside the inputs a label
    // takes two lines rather than ending in "Price per GP…".
    const cut = await mini.evaluate((el) => [...el.querySelectorAll('.mini-item > span')]
      .filter((s) => s.scrollWidth > s.clientWidth + 1 || s.scrollHeight > s.clientHeight + 1).map((s) => s.textContent));
    assert.deepEqual(cut, [], 'nothing in the summary is cut off');
    await page.context().close();
  });
}

test('short explanations of NPV, IRR and the ranges, in both languages', async () => {
  for (const [query, words] of [['', /NPV \(net present value\)[\s\S]*IRR \(internal rate of return\)[\s\S]*P5–P95/], ['?lang=hi', /एनपीवी \(शुद्ध वर्तमान मूल्य\)[\s\S]*आईआरआर[\s\S]*P5–P95/]]) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(server.url + query);
    await waitReady(page);
    await page.click('.glossary summary');
    assert.match(await page.locator('.glossary').innerText(), words);
    await page.context().close();
  }
});

test('plain words, and a card and a chart of the same quantity say what differs', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await waitReady(page);
  // GB300s are GPUs: the cards and the reading say GPU-hour.
  assert.equal(await page.locator('[data-kpi="price_usd_per_accelerator_hour"] .card-label').textContent(), 'Price per GPU-hour');
  assert.equal(await page.locator('[data-kpi="cost_usd_per_accelerator_hour"] .card-label').textContent(), 'Cost per GPU-hour');
  // The facility card counts the accelerators' halls; the deployment chart draws
  // the facility with the CPUs, and the card names that figure too.
  const cli = cliEval('');
  const note = await page.locator('[data-kpi="facility_mw_peak"] .card-note').textContent();
  assert.equal(note, `accelerators; ${Math.round(cli.total_facility_mw_peak)} MW with the CPUs`);
  // A TPU deal says chip-hour.
  await page.goto(`${server.url}?preset=google-anthropic-tpu-2025`);
  await waitReady(page);
  assert.equal(await page.locator('[data-kpi="price_usd_per_accelerator_hour"] .card-label').textContent(), 'Price per chip-hour');
});

// Charts that never hide data, as the reader sees them: every chart on the
// page reports the plot and legend rectangles it drew (canvas pixels), and no
// legend box overlaps the data's box (the plot, from the top of its highest
// data or labels where a chart keeps its legend inside the plot), at each size.
for (const size of SIZES) {
  test(`no legend covers plotted data (${size.name})`, async () => {
    const page = await newPage(browser, size.options);
    await page.goto(server.url + size.query + (size.query ? '&' : '?') + 'compare=');
    await waitReady(page);
    await waitMc(page);
    const ids = await page.locator('figure.chart-card canvas[data-plot]').evaluateAll((cs) => cs.map((c) => c.closest('figure').dataset.chart));
    assert.ok(ids.length >= 6, `charts reporting their rectangles: ${ids.join(', ')}`);
    let withLegend = 0;
    for (const id of ids) {
      const r = await page.locator(`figure[data-chart="${id}"] canvas`).evaluate((c) => ({
        w: c.width,
        plot: c.dataset.plot.split(' ').map(Number),
        legend: c.dataset.legend ? c.dataset.legend.split(' ').map(Number) : null,
        top: c.dataset.dataTop ? Number(c.dataset.dataTop) : null,
      }));
      if (!r.legend) continue;
      withLegend += 1;
      const [x0, y0, x1, y1] = r.plot;
      const data = { left: Math.min(x0, x1), right: Math.max(x0, x1), top: Math.max(Math.min(y0, y1), r.top ?? -Infinity), bottom: Math.max(y0, y1) };
      const [lx0, ly0, lx1, ly1] = r.legend;
      const apart = ly1 <= data.top || ly0 >= data.bottom || lx1 <= data.left || lx0 >= data.right;
      assert.ok(apart, `${id}: legend ${r.legend.join(' ')} overlaps the data ${JSON.stringify(data)}`);
      assert.ok(lx0 >= 0 && lx1 <= r.w, `${id}: legend inside the canvas (${r.w} px)`);
    }
    assert.ok(withLegend >= 5, `charts with a legend checked: ${withLegend}`);
    await page.context().close();
  });
}
