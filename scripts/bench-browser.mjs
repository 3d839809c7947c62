// Runs the browser benchmarks (`?bench=1`) on dist/ (or the directory in
// BENCH_DIST, to compare two builds on one machine) in headless Chromium and
// prints their JSON lines. Used by `make bench`; benchmarks report, tests do not time.
import { existsSync, readFileSync } from 'node:fs';
import { serve, launch, newPage, burst } from '../tests/e2e/harness.mjs';

/** JSON lines of a file, or none when it is missing (a bench run in parts). */
function jsonLines(path) {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8').trim();
  return text.startsWith('[') ? JSON.parse(text) : text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

/**
 * Flops per second per core against the measured peak, per engine, and the
 * engines' ratios, from this run's lines, `cargo bench`'s
 * (target/bench-native.jsonl) and `scripts/flops.mjs`'s (target/flops.json).
 */
function shares(browserLines) {
  const all = [...browserLines, ...jsonLines('target/bench-native.jsonl')];
  const flops = Object.fromEntries(jsonLines('target/flops.json').map((l) => [l.engine, l.flops]));
  const run = (engine, threads) => all.find((l) => l.bench === 'mc_full_model' && l.engine === engine && l.threads === threads);
  const peak = (engine) => all.find((l) => l.bench === 'f64_peak' && l.engine === engine);
  // wasm runs the same source with the same two-lane vectors: the native count applies.
  const perSample = { wasm_simd: flops.native_simd, native_simd: flops.native_simd, wasm_scalar: flops.native_scalar, native_scalar: flops.native_scalar };
  for (const engine of ['wasm_simd', 'native_simd']) {
    const p = peak(engine);
    for (const threads of [1, 2]) {
      const r = run(engine, threads);
      if (!r || !p || !perSample[engine]) continue;
      const perCore = (perSample[engine] * r.samples_per_s) / threads / 1e9;
      console.log(JSON.stringify({ bench: 'share_of_peak', engine, threads, flops_per_sample: perSample[engine], samples_per_s: r.samples_per_s,
        gflops_per_s_per_core: Number(perCore.toFixed(2)), peak_gflops_per_s: p.gflops_per_s, share: Number((perCore / p.gflops_per_s).toFixed(3)) }));
    }
  }
  const ratio = (a, b) => (a && b ? Number((a.samples_per_s / b.samples_per_s).toFixed(2)) : null);
  console.log(JSON.stringify({ bench: 'engine_ratios', wasm_simd_over_native_simd_per_thread: ratio(run('wasm_simd', 1), run('native_simd', 1)),
    wasm_simd_over_wasm_scalar: ratio(run('wasm_simd', 1), run('wasm_scalar', 1)) }));
}

const server = await serve(process.env.BENCH_DIST || undefined);
const browser = await launch();
try {
  const page = await newPage(browser);
  // Main-thread tasks over 50 ms while the workers run.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}?bench=1`);
  await page.waitForSelector('#app[data-bench="done"]', { timeout: 300000 });
  const text = await page.locator('#bench').textContent();
  process.stdout.write(text);
  shares(text.trim().split('\n').map((l) => JSON.parse(l)));
  // Long tasks (over 50 ms) on the main thread while the workers ran the million samples.
  const longTasks = await page.evaluate(() => {
    const mark = performance.getEntriesByName('computedeal-workers-start')[0];
    return window.__longTasks.filter(([start]) => mark && start >= mark.startTime).map(([, d]) => d);
  });
  console.log(JSON.stringify({ bench: 'main_thread_long_tasks_during_worker_run', count: longTasks.length, max_ms: Math.max(0, ...longTasks) }));
  if (page.errors.length) console.error('page errors:', page.errors);

  // One input change to cards and charts on screen: the page's own timing from the
  // input event to the end of its update (data-update-ms), over 40 slider moves.
  const ui = await newPage(browser, { viewport: { width: 1400, height: 1000 } });
  await ui.goto(server.url);
  await ui.waitForSelector('#app[data-state="ready"]');
  await ui.evaluate(() => { document.getElementById('param-delay_months').closest('details').open = true; });
  const times = [];
  for (let i = 0; i < 41; i++) {
    const ms = await ui.evaluate(async (pos) => {
      const app = document.getElementById('app');
      app.removeAttribute('data-update-ms');
      const slider = document.querySelector('#param-delay_months input[type=range]');
      slider.value = String(pos);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      for (let k = 0; k < 50 && !app.hasAttribute('data-update-ms'); k++) await new Promise((r) => requestAnimationFrame(r));
      return Number(app.getAttribute('data-update-ms'));
    }, 100 + (i % 2) * 300 + i);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(JSON.stringify({ bench: 'ui_update', what: 'one input change: cards, reading and the charts on screen at 1400x1000 (charts below the fold are drawn in the next task)', changes: times.length, median_ms: q(0.5), p90_ms: q(0.9), max_ms: times[times.length - 1] }));

  // 200 changes as fast as the page takes them, then the time to the result,
  // against one change (issue 11: superseded runs must not queue up).
  const mcPage = await newPage(browser);
  await mcPage.goto(`${server.url}?samples=200000`);
  await mcPage.waitForSelector('#app[data-mc="done"]', { timeout: 120000 });
  const singles = [];
  for (let k = 0; k < 3; k++) singles.push(await burst(mcPage, 1));
  const many = await burst(mcPage, 200);
  singles.sort((a, b) => a - b);
  console.log(JSON.stringify({ bench: 'mc_after_burst', what: 'ms from the last input change to the Monte Carlo result (200,000 samples), after 1 change and after 200 quick changes', after_one_ms: Math.round(singles[1]), after_200_ms: Math.round(many), ratio: Number((many / singles[1]).toFixed(2)) }));
} finally {
  await browser.close();
  await server.close();
}
