// The deal in context (issue 16): the charts of the deal against the rental
// market and of the buyer's whole portfolio, in English and Hindi, at
// desktop and phone widths: drawn, dated with their data's date, their data
// table open, no legend over their data, axe-core finding no serious or
// critical violation; and as embeds (`chart=market`, `chart=portfolio`)
// within a 600 px frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, newPage, waitReady, waitMc, canvasColours, foreignRequests, axeViolations, ROOT } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SNAPSHOT = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates/core/data/rental-market.json'), 'utf8'));
const PORTFOLIO = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates/core/data/openai-portfolio.json'), 'utf8'));
// The portfolio's date is its newest source's (`Portfolio::as_of`), not a stored field.
const PORTFOLIO_AS_OF = Object.values(PORTFOLIO.sources).map((s) => s.date).sort().at(-1);

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
    assert.ok(text.includes(PORTFOLIO_AS_OF), `the portfolio data's date ${PORTFOLIO_AS_OF}`);
    // The peak year and the default deal's slice ($38B of $702.4B = 5.4%).
    assert.match(text, /2027/);
    assert.match(text, /5\.4%/);
    const rects = await page.$eval('#chart-portfolio canvas', (c) => ({ plot: c.dataset.plot, legend: c.dataset.legend }));
    if (rects.legend) {
      assert.ok(Number(rects.legend.split(' ')[3]) <= Number(rects.plot.split(' ')[1]) + 1, `legend ${rects.legend} above plot ${rects.plot}`);
    }
    // The buyer's own statements beside the totals, each with the records' figure for the same
    // measure and its source's public title linked: 30 GW said on 2025-10-28 against the 23.75
    // GW the records' deals contract (Altman's, before AWS's Trainium and Cerebras's deals).
    const statements = page.locator('#chart-portfolio [data-statements] > li');
    assert.equal(await statements.count(), PORTFOLIO.statements.length);
    for (const [k, st] of PORTFOLIO.statements.entries()) {
      const li = statements.nth(k);
      assert.equal(await li.getAttribute('data-date'), st.date);
      assert.equal(Number(await li.getAttribute('data-stated')), st.value);
      const link = li.locator('a[href^="https://"]');
      assert.equal(await link.count(), 1, `${st.date} links its source`);
      assert.equal(await link.getAttribute('href'), PORTFOLIO.sources[st.source].url);
      await li.locator('summary').click();
      const why = await li.locator('details p').innerText();
      assert.ok(lang === 'en' ? why.includes(st.note) : /[\u0900-\u097F]/.test(why), `${st.date}'s note in ${lang}: ${why}`);
    }
    const first = await statements.nth(0).innerText();
    assert.ok(first.includes('30 GW') && first.includes('23.75 GW'), first);
    await page.click('#chart-portfolio .toggle');
    // One row per year the deals run: 2025 to 2034.
    assert.equal(await page.locator('#chart-portfolio table tbody tr').count(), 10);
    // The reader's controls: one row per deal, the sellers' backlogs, within the screen's width.
    await page.click('#portfolio-controls summary');
    assert.equal(await page.locator('#portfolio-controls li.pf-deal').count(), PORTFOLIO.deals.length);
    assert.equal(await page.locator('#portfolio-controls .pf-backlogs li').count(), PORTFOLIO.backlogs.length);
    // Each deal says what it buys, and each backlog its note, in the page's language (the records' are English).
    const deals = await page.locator('#portfolio-controls li.pf-deal label.check').allInnerTexts();
    const notes = await page.locator('#portfolio-controls .pf-backlogs .help').allInnerTexts();
    assert.equal(deals.length, PORTFOLIO.deals.length);
    for (const [k, d] of PORTFOLIO.deals.entries()) {
      const t = deals[k].trim();
      if (lang === 'en') assert.equal(t, `${d.seller}: ${d.what}`);
      else assert.ok(t.startsWith(`${d.seller}: `) && /[\u0900-\u097F]/.test(t.slice(d.seller.length)), `${d.id} in Hindi: ${t}`);
    }
    assert.equal(notes.length, PORTFOLIO.backlogs.length);
    for (const [k, b] of PORTFOLIO.backlogs.entries()) assert.ok(lang === 'en' ? notes[k] === b.note : /[\u0900-\u097F]/.test(notes[k]), `${b.seller}'s note in ${lang}: ${notes[k]}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
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

/** `computedeal portfolio QUERY --json`. */
function cliPortfolio(query) {
  return JSON.parse(execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'computedeal-cli', '--bin', 'computedeal', '--', 'portfolio', query, '--json'], { cwd: ROOT, encoding: 'utf8' }));
}

test('in rupees a deal\'s value is shown and typed in crores, with Indian grouping, and goes into the link in dollars', async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 780 } });
  await page.goto(`${server.url}?lang=hi&currency=INR&fx=88.7&chart=portfolio`);
  await waitReady(page);
  await page.click('#portfolio-controls summary');
  const total = async () => Number(await page.locator('.pf-total').getAttribute('data-total-usd'));
  const label = page.locator('li[data-deal="cerebras"] label', { has: page.locator('#pf-value-cerebras') });
  assert.match(await label.innerText(), /मूल्य, करोड़ ₹/);
  // Cerebras' $10B × 88.7 = ₹88,700 crore, grouped as the page's other inputs are.
  assert.equal(await page.locator('#pf-value-cerebras').inputValue(), '88,700');
  // ₹1,10,875 crore ÷ 88.7 = $12.5B: +$2.5B, in the link as dollars.
  const t = await total();
  await page.fill('#pf-value-cerebras', '1,10,875');
  await page.press('#pf-value-cerebras', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('portfolio')?.includes('value.cerebras=12500000000'));
  assert.equal(await total() - t, 2.5e9);
  assert.equal(await page.locator('#pf-value-cerebras').inputValue(), '1,10,875');
  // A refusal names the range in crores: $5 trillion × 88.7 ÷ 10⁷ = 4,43,50,000.
  await page.fill('#pf-value-cerebras', '-5');
  await page.press('#pf-value-cerebras', 'Enter');
  const alert = page.locator('li[data-deal="cerebras"] .error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /44350000/);
  assert.equal(await total() - t, 2.5e9, 'the last valid value stays');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a reader switches a portfolio deal off and changes terms: the total moves by exactly that deal, agrees with computedeal portfolio, and the link keeps it', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}?chart=portfolio`);
  await waitReady(page);
  await page.click('#portfolio-controls summary');
  const total = async () => Number(await page.locator('.pf-total').getAttribute('data-total-usd'));
  const settle = async (before) => page.waitForFunction((b) => document.querySelector('.pf-total').dataset.totalUsd !== b, String(before));
  const all = await total();
  assert.equal(all, cliPortfolio('').total_usd);
  // Oracle's record is $300B: switching it off takes exactly that away.
  await page.uncheck('#pf-on-oracle-stargate');
  await settle(all);
  assert.equal(all - await total(), 300e9);
  // The records' figure beside OpenAI's $1.4T is the total, and follows the choice.
  assert.equal(Number(await page.locator('[data-statements] li[data-date="2025-11-06"]').getAttribute('data-ours')), all - 300e9);
  assert.ok(await page.locator('li[data-deal="oracle-stargate"].off').count() === 1);
  // The other reading of AWS's 2026 expansion ($100B, not $62B): +$38B.
  let t = await total();
  await page.selectOption('#pf-reading-aws-2026', '1');
  await settle(t);
  assert.equal(await total() - t, 38e9);
  // A longer term moves money between years, not the total.
  t = await total();
  await page.fill('#pf-term-coreweave', '6');
  await page.press('#pf-term-coreweave', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('portfolio')?.includes('term.coreweave=6'));
  assert.equal(await total(), t);
  const q = new URL(page.url()).searchParams.get('portfolio');
  assert.equal(q, 'off=oracle-stargate&reading=aws-2026:b&term.coreweave=6');
  const cli = cliPortfolio(q);
  assert.equal(await total(), cli.total_usd);
  assert.equal(Number(await page.locator('.pf-total').getAttribute('data-p-exceed')), cli.risk.p_exceed);
  // A bad value is named with what is allowed; the last valid choices stay, and so does the link.
  await page.fill('#pf-value-cerebras', 'lots');
  await page.press('#pf-value-cerebras', 'Enter');
  const alert = page.locator('li[data-deal="cerebras"] .error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /value\.cerebras=.lots. is not a number: allowed 0 to 5000/);
  assert.equal(await page.locator('#pf-value-cerebras').inputValue(), 'lots');
  assert.equal(await page.locator('#pf-value-cerebras').getAttribute('aria-invalid'), 'true');
  assert.equal(await total(), cli.total_usd);
  // A value in US$ billions goes into the link as the dollars typed: 12.5 is 12,500,000,000 exactly.
  t = await total();
  await page.fill('#pf-value-cerebras', '12.5');
  await page.press('#pf-value-cerebras', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('portfolio')?.includes('value.cerebras=12500000000'));
  assert.equal(await total() - t, 2.5e9, 'Cerebras $10B to $12.5B');
  assert.equal(await page.locator('li[data-deal="cerebras"] .error').count(), 0, 'the refusal is settled');
  await page.fill('#pf-value-cerebras', '');
  await page.press('#pf-value-cerebras', 'Enter');
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('portfolio')?.includes('value.cerebras'));
  assert.equal(await total(), t, 'an empty field is the record\'s value again');
  // A threshold of 500% of revenue: computedeal portfolio with threshold=5 gives the same chance.
  await page.fill('#pf-threshold', '500');
  await page.press('#pf-threshold', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('portfolio')?.includes('threshold=5'));
  const q5 = new URL(page.url()).searchParams.get('portfolio');
  assert.equal(Number(await page.locator('.pf-total').getAttribute('data-p-exceed')), cliPortfolio(q5).risk.p_exceed);
  // The link opens the same choices.
  await page.reload();
  await waitReady(page);
  await page.click('#portfolio-controls summary');
  assert.equal(await page.locator('#pf-on-oracle-stargate').isChecked(), false);
  assert.equal(await page.locator('#pf-term-coreweave').inputValue(), '6');
  assert.equal(await page.locator('#pf-threshold').inputValue(), '500');
  assert.equal(await total(), cli.total_usd);
  // Reset brings every deal back.
  await page.click('#pf-reset');
  await settle(cli.total_usd);
  assert.equal(await total(), all);
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('portfolio'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a bad portfolio= in a link is a notice naming it, and the rest of the choices stand', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?portfolio=${encodeURIComponent('off=amd,nobody&term.coreweave=99')}`);
  await waitReady(page);
  const notices = await page.locator('.notices').textContent();
  assert.match(notices, /portfolio\.off=.nobody./);
  assert.match(notices, /portfolio\.term\.coreweave=99 is out of range: allowed 0\.25 to 30/);
  await page.click('#portfolio-controls summary');
  assert.equal(await page.locator('#pf-on-amd').isChecked(), false);
  assert.equal(await page.locator('#pf-term-coreweave').inputValue(), '5');
  await page.context().close();
});
