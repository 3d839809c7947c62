//! `?bench=1`: the browser benchmarks, run by `make bench` in headless
//! Chromium on the release build. Each measurement is one JSON line in
//! `<pre id="bench">`; `data-bench="done"` on the root marks the end.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::Callback;

use super::runner::{now_ms, McUpdate, Runner};
use super::wasm_memory_bytes;
use crate::batch::Engine;
use crate::codec::decode_query;
use crate::mc::{self, Setup};

fn line(pre: &web_sys::Element, text: String) {
    let old = pre.text_content().unwrap_or_default();
    pre.set_text_content(Some(&format!("{old}{text}\n")));
}

/// Times a whole run on this thread.
fn single_thread(engine: Engine, name: &str, samples: u64, pre: &web_sys::Element) {
    let scenario = decode_query(&format!("samples={samples}")).scenario;
    let setup = Setup::new(&scenario, engine);
    let start = now_ms();
    let summary = mc::run_here(&setup);
    let seconds = (now_ms() - start) / 1000.0;
    line(
        pre,
        format!(
            "{{\"bench\":\"mc_full_model\",\"engine\":\"{name}\",\"threads\":1,\"samples\":{},\"seconds\":{seconds:.3},\"samples_per_s\":{:.0},\"wasm_memory_bytes\":{}}}",
            summary.samples,
            summary.samples as f64 / seconds,
            wasm_memory_bytes()
        ),
    );
}

/// Where the time of a single-thread run goes: drawing inputs, the SIMD
/// model, the statistics.
fn parts(pre: &web_sys::Element) {
    use crate::batch::{self, Batch, Columns};
    use crate::stats::{Moments, Sketch};
    let scenario = decode_query("samples=1000000").scenario;
    let setup = Setup::new(&scenario, Engine::Simd);
    let n = mc::BLOCK as usize;
    let reps = 244;
    let mut cols = Columns { len: n, ..Columns::default() };
    let t = now_ms();
    for r in 0..reps {
        setup.sampler.fill((r * n) as u64, &mut cols);
    }
    let sample = now_ms() - t;
    let mut b = Batch::new(n, None);
    let t = now_ms();
    for _ in 0..reps {
        batch::evaluate(Engine::Simd, &setup.shared, &cols, &mut b);
    }
    let eval = now_ms() - t;
    let t = now_ms();
    for _ in 0..reps {
        let mut sk = vec![Sketch::default(); b.out.len()];
        for (s, col) in sk.iter_mut().zip(&b.out) {
            for v in col {
                s.add(*v);
            }
        }
        let m: Vec<Moments> = b.out.iter().map(|c| Moments::of(c)).collect();
        std::hint::black_box((sk, m));
    }
    let stats = now_ms() - t;
    let per = |ms: f64| ms * 1e6 / (reps * n) as f64;
    line(pre, format!("{{\"bench\":\"mc_parts\",\"engine\":\"wasm_simd\",\"ns_per_sample\":{{\"draw\":{:.0},\"model\":{:.0},\"statistics\":{:.0}}}}}", per(sample), per(eval), per(stats)));
}

pub fn run(root: web_sys::Element) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(pre) = doc.create_element("pre") else { return };
    pre.set_id("bench");
    let _ = root.append_child(&pre);
    let _ = root.set_attribute("data-state", "ready");
    let _ = root.set_attribute("data-bench", "running");
    // Let the page paint, then measure; each step yields to the event loop.
    Timeout::new(50, move || {
        parts(&pre);
        single_thread(Engine::Scalar, "wasm_scalar", 100_000, &pre);
        single_thread(Engine::Simd, "wasm_simd", 1_000_000, &pre);
        let pre2 = pre.clone();
        let root2 = root.clone();
        let holder: Rc<RefCell<Option<Rc<RefCell<Runner>>>>> = Rc::new(RefCell::new(None));
        let keep = holder.clone();
        let runner = Runner::new(Callback::from(move |u: McUpdate| {
            if !u.finished {
                return;
            }
            line(
                &pre2,
                format!(
                    "{{\"bench\":\"mc_full_model\",\"engine\":\"wasm_simd\",\"threads\":{},\"samples\":{},\"seconds\":{:.3},\"samples_per_s\":{:.0},\"with\":\"web workers, all statistics, main-thread merge\",\"worker_busy_seconds\":{:.3},\"worker_memory_bytes\":{}}}",
                    u.workers,
                    u.done,
                    u.seconds,
                    u.done as f64 / u.seconds,
                    u.worker_seconds,
                    u.worker_memory_bytes
                ),
            );
            let _ = root2.set_attribute("data-bench", "done");
            // Drop the runner (and its workers) after this callback returns.
            let keep = keep.clone();
            Timeout::new(0, move || drop(keep.borrow_mut().take())).forget();
        }));
        let scenario = decode_query("samples=1000000").scenario;
        // Give the workers a moment to load their wasm before timing.
        let r = runner.clone();
        *holder.borrow_mut() = Some(runner);
        Timeout::new(1500, move || {
            // Long tasks after this mark happen while the workers run.
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                let _ = p.mark("computedeal-workers-start");
            }
            Runner::start(&r, &scenario, Engine::Simd)
        })
        .forget();
    })
    .forget();
}
