// The reader's screen agrees with itself (issue 29): sliders span what a
// reader would explore, so a small drag is a small change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, waitReady } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The number in an input's field, as typed there (grouped with commas). */
async function fieldValue(page, key) {
  return Number((await page.locator(`#f-${key}`).inputValue()).replace(/,/g, ''));
}

/** Drags `key`'s slider thumb by `dx` CSS pixels with the mouse. */
async function drag(page, key, dx) {
  const slider = page.locator(`.param-controls:has(#f-${key}) input.slider`);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const pos = Number(await slider.inputValue()) / Number(await slider.getAttribute('max'));
  // The thumb's centre: its travel is the track less the thumb's width (about 16 px).
  const x = box.x + 8 + pos * (box.width - 16);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 6 });
  await page.mouse.up();
  return box.width;
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`a 12-pixel drag of the contract value or the GPU count moves it by at most 5% (${name})`, async () => {
    const page = await newPage(browser, { viewport });
    await page.goto(server.url + '?uncertainty=off');
    await waitReady(page);
    for (const [key, start] of [['value_usd', 38e9], ['accelerators', 200000]]) {
      assert.equal(await fieldValue(page, key), start);
      for (const dx of [12, -12, -12]) {
        const before = await fieldValue(page, key);
        const width = await drag(page, key, dx);
        await page.waitForFunction(([k, b]) => Number(document.getElementById(`f-${k}`).value.replace(/,/g, '')) !== b, [key, before], { timeout: 5000 }).catch(() => {});
        const after = await fieldValue(page, key);
        const change = Math.abs(after / before - 1);
        assert.ok(change > 0, `${key}: a drag of ${dx} px on a ${width} px slider moves it (${before} → ${after})`);
        assert.ok(change <= 0.05, `${key}: a drag of ${dx} px on a ${width} px slider moves it ${(change * 100).toFixed(1)}% (${before} → ${after})`);
      }
    }
    // The field still takes the whole allowed range: $1T typed, and the slider holds it at its end.
    await page.fill('#f-value_usd', '1000000000000');
    await page.press('#f-value_usd', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('value_usd') === '1e12');
    const slider = page.locator('.param-controls:has(#f-value_usd) input.slider');
    assert.equal(await slider.inputValue(), await slider.getAttribute('max'));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
