// Takes a screenshot of a page in headless Chromium, as a user would see it.
//   node scripts/screenshot.mjs URL OUT.png [width] [height] [light|dark] [fullpage]
import { chromium } from 'playwright-core';

const [url, out, width = '1280', height = '900', scheme = 'light', full = ''] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, colorScheme: scheme, deviceScaleFactor: 1 });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
await page.goto(url);
await page.waitForSelector('#app[data-state="ready"], #app[data-state="crashed"]', { timeout: 30000 });
await page.waitForTimeout(Number(process.env.WAIT_MS || 300));
// SCROLL_TO=css-selector scrolls that element to the top first.
if (process.env.SCROLL_TO) {
  await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), process.env.SCROLL_TO);
  await page.waitForTimeout(300);
}
await page.screenshot({ path: out, fullPage: full === 'fullpage' });
await browser.close();
