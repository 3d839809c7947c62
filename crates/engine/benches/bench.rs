//! Native benchmarks, run by `make bench`. Each measurement prints one JSON
//! line. Benchmarks report; tests do not time.

use std::hint::black_box;
use std::time::Instant;

use computedeal_core::codec::decode_query;
use computedeal_core::model::evaluate;
use computedeal_core::outputs::Output;
use computedeal_core::presets::PRESETS;
use computedeal_engine::batch::Engine;
use computedeal_engine::mc;

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
fn parts(query: &str) {
    use computedeal_engine::batch::{self, Batch, Columns};
    let scenario = decode_query(query).scenario;
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
    for r in 0..reps {
        // What a run keeps per block: moments, sketches, each replica's sums,
        // sketches and losses.
        let mut part = mc::Partial::new();
        part.add_block(r as u64, &b.out);
        black_box(part);
    }
    let stats = t.elapsed().as_secs_f64();
    let per = |s: f64| s * 1e9 / (reps * n) as f64;
    println!(
        "{{\"bench\":\"mc_parts\",\"engine\":\"native_simd\",\"query\":\"{query}\",\"ns_per_sample\":{{\"draw\":{:.0},\"model\":{:.0},\"statistics\":{:.0}}}}}",
        per(draw),
        per(model),
        per(stats)
    );
}

/// The precision of quasi-random against plain sampling: over 10 seeds,
/// the spread (standard deviation) of NPV's P5, P50 and P95 and of the
/// chance of a loss, beside the mean of the standard errors each run
/// reports from its replicas. On the default deal at 62,500 to 1,000,000
/// samples, then on every preset at 65,536.
fn precision() {
    const SEEDS: u64 = 10;
    let spread = |query: &str| {
        let mut stats: Vec<[f64; 4]> = Vec::new();
        let mut reported = [0.0; 4];
        for seed in 1..=SEEDS {
            let scenario = decode_query(&format!("{query}&seed={seed}")).scenario;
            let setup = mc::Setup::new(&scenario, Engine::Simd);
            let s = mc::run(&setup, 16, 2);
            let npv = s.get(Output::npv_usd).expect("NPV is summarized");
            let p = |k: usize| npv.p(k).unwrap_or(f64::NAN);
            stats.push([p(5), p(50), p(95), s.p_loss]);
            for (r, v) in reported.iter_mut().zip([npv.se.p5, npv.se.p50, npv.se.p95, s.p_loss_se]) {
                *r += v.unwrap_or(f64::NAN) / SEEDS as f64;
            }
        }
        let sd = |k: usize| {
            let m = stats.iter().map(|x| x[k]).sum::<f64>() / stats.len() as f64;
            (stats.iter().map(|x| (x[k] - m).powi(2)).sum::<f64>() / (stats.len() - 1) as f64).sqrt()
        };
        ([sd(0), sd(1), sd(2), sd(3)], reported)
    };
    let line = |preset: &str, sampling: &str, samples: u64, (sd, se): ([f64; 4], [f64; 4])| {
        println!(
            "{{\"bench\":\"mc_precision\",\"preset\":\"{preset}\",\"sampling\":\"{sampling}\",\"samples\":{samples},\"seeds\":{SEEDS},\"sd_over_seeds\":{{\"npv_p5\":{:.4e},\"npv_p50\":{:.4e},\"npv_p95\":{:.4e},\"p_loss\":{:.4e}}},\"mean_reported_se\":{{\"npv_p5\":{:.4e},\"npv_p50\":{:.4e},\"npv_p95\":{:.4e},\"p_loss\":{:.4e}}}}}",
            sd[0], sd[1], sd[2], sd[3], se[0], se[1], se[2], se[3]
        );
    };
    for samples in [62_500u64, 250_000, 1_000_000] {
        for sampling in ["rqmc", "plain"] {
            line("aws-openai-2025", sampling, samples, spread(&format!("samples={samples}&sampling={sampling}")));
        }
    }
    for preset in PRESETS {
        for sampling in ["rqmc", "plain"] {
            line(preset.id.key(), sampling, 65_536, spread(&format!("preset={}&samples=65536&sampling={sampling}", preset.id.key())));
        }
    }
}

/// The f64 peak of one core with the SIMD engine's vectors
/// (`batch::peak`), the best of five runs of each kernel.
fn peak() {
    let clock = Instant::now();
    let best = computedeal_engine::batch::peak::best_flops_per_second(50_000_000, 5, || clock.elapsed().as_secs_f64());
    println!("{{\"bench\":\"f64_peak\",\"engine\":\"native_simd\",\"threads\":1,\"gflops_per_s\":{:.2},\"with\":\"batch::peak, best of 5 runs of 6 and 12 accumulators\"}}", best / 1e9);
}

fn main() {
    // `cargo bench --bench bench -- precision` runs one part.
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|a| a == name);
    if wanted("parts") {
        // The default deal (quasi-random draws), with plain draws, and with
        // three correlated normal inputs.
        parts("samples=1000000");
        parts("samples=1000000&sampling=plain");
        parts("samples=1000000&pue=norm:1.14,0.05&wacc=norm:0.08,0.01&electricity_usd_per_mwh=norm:82,15&corr=pue:wacc:0.3,pue:electricity_usd_per_mwh:0.5,wacc:electricity_usd_per_mwh:0.2");
    }
    if wanted("peak") {
        peak();
    }
    if wanted("mc") {
        monte_carlo();
    }
    if wanted("precision") {
        precision();
    }
    if !wanted("model") {
        return;
    }
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
