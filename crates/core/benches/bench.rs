//! Native benchmarks, run by `make bench`. Each measurement prints one JSON
//! line. Benchmarks report; tests do not time.

use std::hint::black_box;
use std::time::Instant;

use computedeal_core::batch::Engine;
use computedeal_core::codec::decode_query;
use computedeal_core::mc;
use computedeal_core::model::evaluate;
use computedeal_core::outputs::Output;
use computedeal_core::presets::PRESETS;

/// Runs `f` repeatedly for at least `min_seconds` and returns seconds per call
/// (the best of five rounds, to damp noise from the other core).
fn time_per_call(min_seconds: f64, mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let mut calls = 0u64;
        while start.elapsed().as_secs_f64() < min_seconds {
            for _ in 0..100 {
                f();
            }
            calls += 100;
        }
        best = best.min(start.elapsed().as_secs_f64() / calls as f64);
    }
    best
}

/// A million-sample Monte Carlo of the default deal (13 uncertain inputs,
/// 28 quarters) with every statistic, on one thread and on both cores.
fn monte_carlo() {
    let scenario = decode_query("samples=1000000").scenario;
    for (engine, name) in [(Engine::Scalar, "native_scalar"), (Engine::Simd, "native_simd")] {
        let setup = mc::Setup::new(&scenario, engine);
        for threads in [1, 2] {
            let start = Instant::now();
            let summary = black_box(mc::run(&setup, 16, threads));
            let seconds = start.elapsed().as_secs_f64();
            println!(
                "{{\"bench\":\"mc_full_model\",\"engine\":\"{name}\",\"threads\":{threads},\"samples\":{},\"seconds\":{seconds:.3},\"samples_per_s\":{:.0}}}",
                summary.samples,
                summary.samples as f64 / seconds
            );
        }
    }
}

/// Where the time of a single-thread run goes: drawing, the SIMD model,
/// the statistics (the browser bench prints the same line for wasm).
fn parts() {
    use computedeal_core::batch::{self, Batch, Columns};
    use computedeal_core::stats::{Moments, Sketch};
    let scenario = decode_query("samples=1000000").scenario;
    let setup = mc::Setup::new(&scenario, Engine::Simd);
    let n = mc::BLOCK as usize;
    let reps = 244;
    let mut cols = Columns { len: n, ..Default::default() };
    setup.sampler.fill(0, &mut cols);
    let t = Instant::now();
    for r in 0..reps {
        setup.sampler.fill((r * n) as u64, &mut cols);
    }
    let draw = t.elapsed().as_secs_f64();
    let mut b = Batch::new(n, None);
    let t = Instant::now();
    for _ in 0..reps {
        batch::evaluate(Engine::Simd, &setup.shared, &cols, &mut b);
    }
    let model = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for _ in 0..reps {
        let mut sketches = vec![Sketch::default(); Output::MC.len()];
        for (s, o) in sketches.iter_mut().zip(Output::MC) {
            for v in b.out.get(o) {
                s.add(*v);
            }
        }
        let m: Vec<Moments> = Output::MC.iter().map(|o| Moments::of(b.out.get(*o))).collect();
        black_box((sketches, m));
    }
    let stats = t.elapsed().as_secs_f64();
    let per = |s: f64| s * 1e9 / (reps * n) as f64;
    println!(
        "{{\"bench\":\"mc_parts\",\"engine\":\"native_simd\",\"ns_per_sample\":{{\"draw\":{:.0},\"model\":{:.0},\"statistics\":{:.0}}}}}",
        per(draw),
        per(model),
        per(stats)
    );
}

fn main() {
    parts();
    monte_carlo();
    for preset in PRESETS {
        let x = preset.inputs();
        let s = time_per_call(0.2, || {
            black_box(evaluate(black_box(&x)));
        });
        println!(
            "{{\"bench\":\"model_evaluate\",\"engine\":\"native_scalar\",\"preset\":\"{}\",\"quarters\":{},\"microseconds\":{:.2}}}",
            preset.id.key(),
            evaluate(&x).quarters.len() - 1,
            s * 1e6
        );
    }
}
