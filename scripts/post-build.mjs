// Trunk's post_build hook (Trunk.toml), run on the staging directory before
// it becomes dist/:
// 1. The Content-Security-Policy in index.html allows the one inline script
//    Trunk writes (the module that starts the wasm) by its SHA-256 hash.
// 2. sw.js gets this build's name and file list, so a new build gets a new
//    cache and the old one is deleted.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk build)');
const sha256 = (text) => crypto.createHash('sha256').update(text).digest('base64');

const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (!html.includes("'sha256-TRUNK-INIT'")) throw new Error('post-build: the CSP placeholder is missing from index.html');
html = html.replace("'sha256-TRUNK-INIT'", inline.map((s) => `'sha256-${sha256(s)}'`).join(' '));
fs.writeFileSync(indexPath, html);

const files = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && fs.statSync(path.join(dir, f)).isFile()).sort();
const build = crypto.createHash('sha256');
for (const f of files) build.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = `computedeal-${build.digest('hex').slice(0, 16)}`;
const swPath = path.join(dir, 'sw.js');
let sw = fs.readFileSync(swPath, 'utf8');
sw = sw.replace("const VERSION = 'computedeal-dev';", `const VERSION = '${version}';`)
  .replace('const ASSETS = [];', `const ASSETS = ${JSON.stringify(files.map((f) => `./${f}`))};`);
if (!sw.includes(version)) throw new Error('post-build: could not write the version into sw.js');
fs.writeFileSync(swPath, sw);
console.log(`post-build: CSP allows ${inline.length} inline script(s); service worker cache ${version} with ${files.length} files`);
