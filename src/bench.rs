//! `?bench=1`: the browser benchmarks, run by `make bench` in headless
//! Chromium on the release build. Each run goes through the same web
//! workers as the page (built for speed; the page's own wasm is built for
//! size): one worker for the single-thread figures, one per core for the
//! full run. Each measurement is one JSON line in `<pre id="bench">`;
//! `data-bench="done"` on the root marks the end.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::Callback;

use crate::runner::{McUpdate, Runner};
use computedeal_core::codec::decode_query;
use computedeal_engine::batch::Engine;

fn line(pre: &web_sys::Element, text: String) {
    let old = pre.text_content().unwrap_or_default();
    pre.set_text_content(Some(&format!("{old}{text}\n")));
}

/// One benchmark: `samples` of the default deal with `engine` on `workers` workers.
struct Case {
    name: &'static str,
    engine: Engine,
    workers: usize,
    samples: u64,
}

const CASES: [Case; 3] = [
    Case { name: "wasm_scalar", engine: Engine::Scalar, workers: 1, samples: 100_000 },
    Case { name: "wasm_simd", engine: Engine::Simd, workers: 1, samples: 1_000_000 },
    Case { name: "wasm_simd", engine: Engine::Simd, workers: 0, samples: 1_000_000 },
];

fn run_case(k: usize, pre: web_sys::Element, root: web_sys::Element) {
    let Some(case) = CASES.get(k) else {
        let _ = root.set_attribute("data-bench", "done");
        return;
    };
    let holder: Rc<RefCell<Option<Rc<RefCell<Runner>>>>> = Rc::new(RefCell::new(None));
    let keep = holder.clone();
    let (pre2, root2) = (pre.clone(), root.clone());
    let on_update = Callback::from(move |u: McUpdate| {
        if !u.finished {
            return;
        }
        line(
            &pre2,
            format!(
                "{{\"bench\":\"mc_full_model\",\"engine\":\"{}\",\"threads\":{},\"samples\":{},\"seconds\":{:.3},\"samples_per_s\":{:.0},\"with\":\"web workers, all statistics, main-thread merge\",\"worker_busy_seconds\":{:.3},\"worker_memory_bytes\":{}}}",
                CASES[k].name,
                u.workers,
                u.done,
                u.seconds,
                u.done as f64 / u.seconds,
                u.worker_seconds,
                u.worker_memory_bytes
            ),
        );
        // Drop this runner (and its workers) after the callback, then go on.
        let keep = keep.clone();
        let (pre3, root3) = (pre2.clone(), root2.clone());
        Timeout::new(0, move || {
            drop(keep.borrow_mut().take());
            run_case(k + 1, pre3, root3);
        })
        .forget();
    });
    let runner = if case.workers == 0 { Runner::new(on_update) } else { Runner::with_workers(on_update, case.workers) };
    let scenario = decode_query(&format!("samples={}", case.samples)).scenario;
    let r = runner.clone();
    *holder.borrow_mut() = Some(runner);
    let engine = case.engine;
    let all_cores = case.workers == 0;
    // Give the workers a moment to load their wasm before timing.
    Timeout::new(1500, move || {
        if all_cores {
            // Long tasks after this mark happen while the workers run the full run.
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                let _ = p.mark("computedeal-workers-start");
            }
        }
        Runner::start(&r, &scenario, engine);
    })
    .forget();
}

/// The f64 peak of one core with the SIMD engine's vectors in wasm
/// (`batch::peak`, in the core, built for speed here too), on the main
/// thread before the workers start: the best of five runs of each kernel.
fn peak(pre: &web_sys::Element) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else { return };
    let best = computedeal_engine::batch::peak::best_flops_per_second(10_000_000, 5, || perf.now() / 1000.0);
    line(pre, format!("{{\"bench\":\"f64_peak\",\"engine\":\"wasm_simd\",\"threads\":1,\"gflops_per_s\":{:.2},\"with\":\"batch::peak, best of 5 runs of 6 and 12 accumulators, main thread\"}}", best / 1e9));
}

pub fn run(root: web_sys::Element) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(pre) = doc.create_element("pre") else { return };
    pre.set_id("bench");
    let _ = root.append_child(&pre);
    let _ = root.set_attribute("data-state", "ready");
    let _ = root.set_attribute("data-bench", "running");
    peak(&pre);
    run_case(0, pre, root);
}
