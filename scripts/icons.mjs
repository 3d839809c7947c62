// Renders static/icon.svg to the PNG icons the web app manifest lists (run by hand when the icon changes).
//   node scripts/icons.mjs
import fs from 'node:fs';
import { chromium } from 'playwright-core';
const svg = fs.readFileSync(new URL('../static/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const n of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: n, height: n } });
  await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${n}" height="${n}" `)}</body>`);
  await page.screenshot({ path: new URL(`../static/icon-${n}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
