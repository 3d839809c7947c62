// Puts several PNG files on one page (2 columns) and screenshots it, to look at many charts at once.
//   node scripts/montage.mjs out.png a.png b.png ...
import fs from 'node:fs';
import { chromium } from 'playwright-core';
const [out, ...files] = process.argv.slice(2);
const imgs = files.map((f) => `<img style="width:49%;border:1px solid #ccc" src="data:image/png;base64,${fs.readFileSync(f).toString('base64')}">`).join('');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 400 } });
await page.setContent(`<body style="margin:0;background:#fff">${imgs}</body>`);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
