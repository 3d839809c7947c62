//! Native benchmarks, run by `make bench`. Each measurement prints one JSON
//! line. Benchmarks report; tests do not time.

use std::hint::black_box;
use std::time::Instant;

use computedeal::model::evaluate;
use computedeal::presets::PRESETS;

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

fn main() {
    for preset in PRESETS {
        let x = preset.inputs();
        let s = time_per_call(0.2, || {
            black_box(evaluate(black_box(&x)));
        });
        println!(
            "{{\"bench\":\"model_evaluate\",\"engine\":\"native_scalar\",\"preset\":\"{}\",\"quarters\":{},\"microseconds\":{:.2}}}",
            preset.id,
            evaluate(&x).quarters.len() - 1,
            s * 1e6
        );
    }
}
