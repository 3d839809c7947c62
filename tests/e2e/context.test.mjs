// The deal in context (issue 16): the charts of the deal against the rental
// market and of the buyer's whole portfolio, in English and Hindi, at
// desktop and phone widths: drawn, dated with their data's date, their data
// table open, no legend over their data, axe-core finding no serious or
// critical violation; and as embeds (`chart=market`, `chart=portfolio`)
// within a 600 px frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, newPage, waitReady, waitMc, canvasColours, foreignRequests, ROOT } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SNAPSHOT = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates/core/data/rental-market.json'), 'utf8'));
const PORTFOLIO = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates/core/data/openai-portfolio.json'), 'utf8'));

async function axeViolations(page, selector) {
  await page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate((sel) => window.axe.run(document.querySelector(sel), { resultTypes: ['violations'] }), selector);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

for (const [lang, width, height] of [['en', 1280, 800], ['en', 390, 844], ['hi', 1280, 800], ['hi', 360, 780]]) {
  test(`the market chart in ${lang} at ${width} px: drawn, dated, its table, accessible`, async () => {
    const page = await newPage(browser, { viewport: { width, height }, bypassCSP: true });
    await page.goto(`${server.url}?lang=${lang}&currency=${lang === 'hi' ? 'INR' : 'USD'}&chart=market`);
    await waitReady(page);
    await waitMc(page);
    const card = page.locator('#chart-market');
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    assert.ok(await canvasColours(page, '#chart-market canvas') > 3, 'the chart is drawn');
    // The snapshot's date is on the page, in the chart's description and summary.
    const text = await card.textContent();
    assert.ok(text.includes(SNAPSHOT.as_of), `the market data's date ${SNAPSHOT.as_of} in: ${text.slice(0, 300)}`);
    assert.match(text, lang === 'hi' ? /किराया बाज़ार/ : /rental market/);
    // The legend sits above the plot, never over it.
    const rects = await page.$eval('#chart-market canvas', (c) => ({ plot: c.dataset.plot, legend: c.dataset.legend }));
    if (rects.legend) {
      const [, , , legendBottom] = rects.legend.split(' ').map(Number);
      const [, plotTop] = rects.plot.split(' ').map(Number);
      assert.ok(legendBottom <= plotTop + 1, `legend ${rects.legend} above plot ${rects.plot}`);
    }
    // The data table: the deal's price and every published price of its chip (GB300 for the default deal).
    await page.click('#chart-market .toggle');
    const rows = await page.locator('#chart-market table tbody tr').count();
    const gb300 = SNAPSHOT.prices.filter((p) => p.chip === 'gb300').length + SNAPSHOT.history.filter((p) => p.chip === 'gb300').length;
    // The deal, its P5 and P95, each price, the model's market rent.
    assert.equal(rows, 3 + gb300 + 1);
    assert.deepEqual(await axeViolations(page, '#chart-market'), []);
    assert.deepEqual(foreignRequests(page, server.origin), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const [lang, width, height] of [['en', 1280, 800], ['en', 390, 844], ['hi', 1280, 800], ['hi', 360, 780]]) {
  test(`the portfolio chart in ${lang} at ${width} px: drawn, dated, the deal's slice, its table, accessible`, async () => {
    const page = await newPage(browser, { viewport: { width, height }, bypassCSP: true });
    await page.goto(`${server.url}?lang=${lang}&currency=${lang === 'hi' ? 'INR' : 'USD'}&chart=portfolio`);
    await waitReady(page);
    const card = page.locator('#chart-portfolio');
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    assert.ok(await canvasColours(page, '#chart-portfolio canvas') > 3, 'the chart is drawn');
    const text = await card.textContent();
    assert.ok(text.includes(PORTFOLIO.as_of), `the portfolio data's date ${PORTFOLIO.as_of}`);
    // The peak year and the default deal's slice ($38B of $702.4B = 5.4%).
    assert.match(text, /2027/);
    assert.match(text, /5\.4%/);
    const rects = await page.$eval('#chart-portfolio canvas', (c) => ({ plot: c.dataset.plot, legend: c.dataset.legend }));
    if (rects.legend) {
      assert.ok(Number(rects.legend.split(' ')[3]) <= Number(rects.plot.split(' ')[1]) + 1, `legend ${rects.legend} above plot ${rects.plot}`);
    }
    await page.click('#chart-portfolio .toggle');
    // One row per year the deals run: 2025 to 2034.
    assert.equal(await page.locator('#chart-portfolio table tbody tr').count(), 10);
    assert.deepEqual(await axeViolations(page, '#chart-portfolio'), []);
    assert.deepEqual(foreignRequests(page, server.origin), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const [lang, width, height] of [['en', 1280, 800], ['en', 390, 844], ['hi', 1280, 800], ['hi', 360, 780]]) {
  test(`the India chart in ${lang} at ${width} px: drawn, IndiaAI's rates in rupees, its table, accessible`, async () => {
    const page = await newPage(browser, { viewport: { width, height }, bypassCSP: true });
    await page.goto(`${server.url}?lang=${lang}&currency=INR&chart=india`);
    await waitReady(page);
    const card = page.locator('#chart-india');
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    assert.ok(await canvasColours(page, '#chart-india canvas') > 3, 'the chart is drawn');
    const text = await card.textContent();
    // IndiaAI's published rupee rates, back in rupees at the page's rate.
    assert.match(text, /₹115\.85/);
    assert.match(text, /₹67\.00/);
    await page.click('#chart-india .toggle');
    assert.equal(await page.locator('#chart-india table tbody tr').count(), 5);
    assert.deepEqual(await axeViolations(page, '#chart-india'), []);
    assert.deepEqual(foreignRequests(page, server.origin), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const width of [320, 600]) {
  test(`the market and portfolio charts' embeds fit a 600 px frame at ${width} px`, async () => {
    const page = await newPage(browser, { viewport: { width, height: 600 } });
    for (const [lang, chart] of [['en', 'market'], ['hi', 'market'], ['en', 'portfolio'], ['hi', 'portfolio'], ['en', 'india'], ['hi', 'india']]) {
      await page.goto(`${server.url}?embed=1&chart=${chart}&lang=${lang}`);
      await waitReady(page);
      await waitMc(page);
      assert.ok(await canvasColours(page, `#chart-${chart} canvas`) > 3, `${lang}: drawn`);
      const size = await page.evaluate(() => ({ app: document.getElementById('app').getBoundingClientRect().height, scroll: document.documentElement.scrollWidth }));
      assert.ok(size.app <= 600, `${lang} at ${width} px: ${size.app} px tall`);
      assert.ok(size.scroll <= width, `${lang} at ${width} px: scrolls to ${size.scroll} px`);
    }
    await page.context().close();
  });
}
