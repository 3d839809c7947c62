// `make single-file`: dist/computedeal.html, the whole calculator in one file
// that opens from disk (file://) with no server: the stylesheet, the loader
// script, the JS glue and the wasm (base64) are inlined, and the
// Content-Security-Policy allows exactly those inline pieces by their hashes.
// Without a server the Monte Carlo runs on the page itself, in short slices
// (web workers and the service worker need http).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] || 'dist');
const out = path.join(dist, 'computedeal.html');
const read = (f) => fs.readFileSync(path.join(dist, f));
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
let html = read('index.html').toString('utf8');
const find = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`single-file: no ${what} in dist/index.html`);
  return m;
};

// The Devanagari font (loaded only in Hindi) goes inline too, as a data: URL.
const font = 'noto-sans-devanagari-400.woff2';
const sheet = read(find(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*>/, 'stylesheet')[1]).toString('utf8');
const css = sheet.replace(`url("${font}")`, `url("data:font/woff2;base64,${read(font).toString('base64')}")`);
if (css === sheet) throw new Error(`single-file: the stylesheet no longer names ${font}`);
const boot = read(find(/<script src="\.\/(boot-[^"]+\.js)"[^>]*><\/script>/, 'boot script')[1]).toString('utf8');
const glueName = find(/import init, \* as bindings from '\.\/([^']+\.js)'/, 'start-up script')[1];
const wasmName = find(/module_or_path: '\.\/([^']+\.wasm)'/, 'wasm')[1];
const glue = read(glueName).toString('utf8');
if (!glue.includes('export { initSync, __wbg_init as default };')) throw new Error('single-file: the JS glue does not end as expected');
const wasm = read(wasmName).toString('base64');
const icon = read(find(/<link rel="icon" href="\.\/([^"]+)"/, 'icon')[1]).toString('base64');

// One module: the glue, then the start with the wasm's bytes.
const start = `${glue.replace('export { initSync, __wbg_init as default };', '')}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
const bootScript = boot;
const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha256(bootScript)} ${sha256(start)}`,
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data: blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

html = html
  .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/<link rel="icon" [^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`)
  .replace(/<link rel="stylesheet" [^>]*>/, () => `<style>${css}</style>`)
  .replace(/<script src="\.\/boot-[^"]+\.js"[^>]*><\/script>/, () => `<script>${bootScript}</script>`)
  .replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">${start}</script>`)
  .replace(/<link rel="(modulepreload|preload|manifest|apple-touch-icon)"[^>]*>/g, '');
for (const left of ['href="./', "from './", 'manifest.webmanifest']) {
  if (html.includes(left)) throw new Error(`single-file: a reference to another file is left: ${left}`);
}
fs.writeFileSync(out, html);
console.log(`single-file: ${path.relative(process.cwd(), out)} ${(fs.statSync(out).size / 1024).toFixed(0)} KB, opens from file://`);
