// Counts the floating-point operations per Monte Carlo sample of the default
// deal, per engine, on the native release build: `examples/flop_count.rs`
// runs under callgrind at two block counts; each executed instruction is
// classified by its mnemonic from `objdump -d`, and the difference between
// the runs is divided by the samples between them (setup cancels out).
//
// A flop is one f64 (or f32) add, subtract, multiply, divide, square root,
// minimum or maximum per lane: `mulpd` on two lanes is 2, `mulsd` 1, an FMA
// 2 per lane. Compares, selects, logic, conversions and integer work (the
// exponent tricks of `exp` and `ln`) are not flops. The wasm build runs the
// same source with the same two-lane vectors, so its count is the same.
//
// Prints one JSON line per engine and writes them to target/flops.json for
// `scripts/bench-browser.mjs`'s share of peak. Needs valgrind and objdump
// (`scripts/tools.sh bench` installs them).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUERY = 'samples=1000000';
const BIN = 'target/release/examples/flop_count';
const BLOCKS = { simd: [2, 6], scalar: [1, 3] };

execFileSync('cargo', ['build', '--release', '--locked', '-p', 'computedeal-engine', '--example', 'flop_count'], { stdio: 'inherit' });

// Address → flops of the instruction there.
const flopsAt = new Map();
const dump = execFileSync('objdump', ['-d', '--no-show-raw-insn', BIN], { maxBuffer: 1 << 30 }).toString();
for (const line of dump.split('\n')) {
  const m = /^\s*([0-9a-f]+):\s+(\S+)\s*(.*)$/.exec(line);
  if (!m) continue;
  const f = flopsOf(m[2], m[3]);
  if (f) flopsAt.set(parseInt(m[1], 16), f);
}

function flopsOf(mnemonic, operands) {
  const width = operands.includes('%zmm') ? 8 : operands.includes('%ymm') ? 4 : 2;
  let m = /^v?(add|sub|mul|div|sqrt|min|max)(p|s)(d|s)$/.exec(mnemonic);
  if (m) return m[2] === 's' ? 1 : m[3] === 'd' ? width : width * 2;
  m = /^vf(n?)m(add|sub|addsub|subadd)\d{3}(p|s)(d|s)$/.exec(mnemonic);
  if (m) return 2 * (m[3] === 's' ? 1 : m[4] === 'd' ? width : width * 2);
  return 0;
}

/** Runs `blocks` blocks under callgrind: [flops, instructions, samples]. */
function count(engine, blocks) {
  const dir = mkdtempSync(join(tmpdir(), 'flops-'));
  const out = join(dir, 'callgrind.out');
  const stdout = execFileSync('valgrind', ['--tool=callgrind', '--dump-instr=yes', '--compress-pos=no', '--compress-strings=no',
    `--callgrind-out-file=${out}`, BIN, engine, String(blocks), QUERY], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  let flops = 0, instructions = 0, skipNext = false;
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    if (line.startsWith('calls=')) { skipNext = true; continue; }
    const m = /^0x([0-9a-f]+)\s+\d+\s+(\d+)$/.exec(line);
    if (!m) continue;
    // The line after `calls=` is the call's inclusive cost, not an instruction's.
    if (skipNext) { skipNext = false; continue; }
    const n = Number(m[2]);
    instructions += n;
    flops += n * (flopsAt.get(parseInt(m[1], 16)) || 0);
  }
  return [flops, instructions, Number(stdout.trim())];
}

const lines = [];
for (const engine of ['simd', 'scalar']) {
  const [a, b] = BLOCKS[engine].map((n) => count(engine, n));
  const samples = b[2] - a[2];
  const line = {
    bench: 'flops_per_sample', engine: `native_${engine}`, query: QUERY,
    flops: Math.round((b[0] - a[0]) / samples), instructions: Math.round((b[1] - a[1]) / samples),
    with: 'draws, model and statistics; counted under callgrind, x86-64 baseline (SSE2) release build',
  };
  console.log(JSON.stringify(line));
  lines.push(line);
}
writeFileSync('target/flops.json', JSON.stringify(lines));
