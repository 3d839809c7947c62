// Renders SVG files to PNG in headless Chromium, to look at chart snapshots.
//   node scripts/svg2png.mjs out_dir file.svg ...
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [outDir, ...files] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 720, height: 380 } });
for (const f of files) {
  await page.setContent(`<body style="margin:0">${fs.readFileSync(f, 'utf8')}</body>`);
  await page.screenshot({ path: path.join(outDir, path.basename(f, '.svg') + '.png') });
}
await browser.close();
