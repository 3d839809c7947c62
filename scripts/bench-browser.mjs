// Runs the browser benchmarks (`?bench=1`) on dist/ in headless Chromium and
// prints their JSON lines. Used by `make bench`; benchmarks report, tests do not time.
import { serve, launch, newPage } from '../tests/e2e/harness.mjs';

const server = await serve();
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
  // Long tasks (over 50 ms) on the main thread while the workers ran the million samples.
  const longTasks = await page.evaluate(() => {
    const mark = performance.getEntriesByName('computedeal-workers-start')[0];
    return window.__longTasks.filter(([start]) => mark && start >= mark.startTime).map(([, d]) => d);
  });
  console.log(JSON.stringify({ bench: 'main_thread_long_tasks_during_worker_run', count: longTasks.length, max_ms: Math.max(0, ...longTasks) }));
  if (page.errors.length) console.error('page errors:', page.errors);
} finally {
  await browser.close();
  await server.close();
}
