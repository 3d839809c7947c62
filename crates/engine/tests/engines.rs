//! One tester for every engine: scalar (the reference), SIMD, chunked and
//! split across several workers, on the same inputs. An edge-case table plus
//! property tests with batch lengths 0 to 2 × LANES + 1.
//!
//! Stated tolerance (see `batch/simd.rs`): outputs agree to a relative 1e-9,
//! where sums that can cross zero (NPV, cash flow, margin) are compared
//! against the deal's size; the IRR to 1e-7 absolute; undefined outputs are
//! undefined in every engine.
//!
//! The same tests run natively and as wasm with simd128 in headless Chromium
//! (`make test-wasm`), where the engine ships: the random batches come from
//! a deterministic generator (`common/gen.rs`), not from proptest, so both
//! targets check the same cases.

use computedeal_core::outputs::Output;
use computedeal_core::params::{Inputs, Kind, P, PARAMS};
use computedeal_core::presets::PRESETS;
use computedeal_engine::batch::{self, simd::LANES, Batch, Bounds, Columns, Engine, Shared};

#[path = "../../core/tests/common/gen.rs"]
mod gen;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// A test that runs natively and in the browser.
macro_rules! engine_test {
    (fn $name:ident() $body:block) => {
        #[cfg_attr(not(target_arch = "wasm32"), test)]
        #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
        fn $name() $body
    };
}

/// Evaluates `cols` in pieces of `chunk` scenarios, as a chunked run or a
/// worker holding part of the range would, and stitches the results.
fn chunked(engine: Engine, shared: &Shared, cols: &Columns, chunk: usize, quarters: usize) -> Batch {
    let mut whole = Batch::new(cols.len, Some(quarters));
    let mut start = 0;
    while start < cols.len {
        let end = (start + chunk.max(1)).min(cols.len);
        let part = Columns { params: cols.params.clone(), data: cols.data.iter().map(|c| c[start..end].to_vec()).collect(), len: end - start };
        let mut b = Batch::new(part.len, Some(quarters));
        batch::evaluate(engine, shared, &part, &mut b);
        for o in Output::ALL {
            whole.out.get_mut(o)[start..end].copy_from_slice(b.out.get(o));
        }
        if let (Some(dst), Some(src)) = (whole.cumulative.as_mut(), b.cumulative.as_ref()) {
            for q in 0..quarters {
                dst[q][start..end].copy_from_slice(&src[q]);
            }
        }
        start = end;
    }
    whole
}

/// Evaluates with one "worker" per interleaved share of the rows, the way
/// chunks are dealt out to workers, and puts the rows back in order.
fn workers(engine: Engine, shared: &Shared, cols: &Columns, n_workers: usize, quarters: usize) -> Batch {
    let mut whole = Batch::new(cols.len, Some(quarters));
    for w in 0..n_workers {
        let rows: Vec<usize> = (0..cols.len).filter(|i| (i / 3) % n_workers == w).collect();
        let part = Columns { params: cols.params.clone(), data: cols.data.iter().map(|c| rows.iter().map(|&i| c[i]).collect()).collect(), len: rows.len() };
        let mut b = Batch::new(part.len, Some(quarters));
        batch::evaluate(engine, shared, &part, &mut b);
        for (j, &i) in rows.iter().enumerate() {
            for o in Output::ALL {
                whole.out.get_mut(o)[i] = b.out.get(o)[j];
            }
            if let (Some(dst), Some(src)) = (whole.cumulative.as_mut(), b.cumulative.as_ref()) {
                for q in 0..quarters {
                    dst[q][i] = src[q][j];
                }
            }
        }
    }
    whole
}

/// What a row's outputs are compared against when they can cross zero.
struct Scale {
    /// The deal's value (for sums of money).
    size: f64,
    /// The reference's NPV, price and revenue.
    npv: f64,
    price: f64,
    revenue: f64,
}

fn agree(reference: f64, other: f64, key: &str, sc: &Scale) -> Result<(), String> {
    // Sums that can cross zero are compared against the deal's size.
    let crosses_zero = matches!(
        key,
        "npv_usd"
            | "npv_after_tax_usd"
            | "terminal_value_usd"
            | "revenue_usd"
            | "capex_usd"
            | "cumulative"
            | "capex_it_usd"
            | "capex_facility_usd"
            | "cpu_capex_usd"
    );
    if reference.is_nan() || other.is_nan() {
        return if reference.is_nan() && other.is_nan() { Ok(()) } else { Err(format!("{key}: {reference} vs {other}")) };
    }
    let big = reference.abs().max(other.abs());
    let tol = match key {
        "irr" | "irr_after_tax" => 1e-7,
        _ if crosses_zero => 1e-9 * big.max(sc.size),
        // NPV / PV(revenue): the NPV's error (of the deal's size) over the
        // revenue (whose PV is at least a tenth of it at these rates).
        "margin" => 1e-9 * big.max(10.0 * sc.size / sc.revenue),
        // (PV(revenue) − NPV) / PV(hours): likewise over the hours.
        "cost_usd_per_accelerator_hour" => 1e-9 * big.max(10.0 * sc.size * sc.price / sc.revenue),
        // PV(end value) / NPV: the NPV's error is relative to the deal's size.
        "terminal_value_share" => 1e-9 * big * (1.0 + sc.size / sc.npv.abs().max(1e-300)),
        "payback_years" => 1e-7,
        // EBIT / revenue of one year: relative, or an error of the deal's size over the revenue.
        "book_ebit_margin_worst_year" => 1e-9 * big.max(1.0).max(10.0 * sc.size / sc.revenue),
        _ => 1e-9 * big.max(1e-12),
    };
    if (reference - other).abs() <= tol {
        Ok(())
    } else {
        Err(format!("{key}: {reference} vs {other} (tolerance {tol})"))
    }
}

/// Whether `rate` is an IRR of the scalar model's cash flows for `row`: with
/// several sign changes a deal can have several IRRs, and rounding may lead
/// two engines to different ones.
fn is_an_irr_of(row: &Inputs, rate: f64, after_tax: bool) -> bool {
    let o = computedeal_core::model::evaluate(row);
    let flows: Vec<f64> = o.quarters.iter().map(|q| if after_tax { q.cash_flow_after_tax_usd } else { q.cash_flow_usd }).collect();
    let gross: Vec<f64> = flows.iter().map(|f| f.abs()).collect();
    let npv = computedeal_core::finance::npv_quarterly(&flows, rate);
    npv.abs() <= 1e-8 * computedeal_core::finance::npv_quarterly(&gross, rate)
}

/// Whether a year of the scalar model's book P&L has, to rounding, exactly
/// the share of the best year's revenue at which years count for the
/// worst-year margin: rounding may then put it on either side.
fn worst_year_at_threshold(row: &Inputs) -> bool {
    let o = computedeal_core::model::evaluate(row);
    let best = o.years.iter().map(|y| y.revenue_usd).fold(0.0, f64::max);
    o.years.iter().any(|y| (y.revenue_usd / best - computedeal_core::model::WORST_YEAR_MIN_REVENUE_SHARE).abs() < 1e-9)
}

/// Runs every engine on the batch and checks each against the scalar reference.
fn check(base: &Inputs, cols: &Columns) -> Result<(), String> {
    let shared = Shared::new(base, Bounds::widest());
    let quarters = shared.horizon_max + 1;
    let mut reference = Batch::new(cols.len, Some(quarters));
    batch::evaluate(Engine::Scalar, &shared, cols, &mut reference);
    let runs = [
        ("simd", chunked(Engine::Simd, &shared, cols, usize::MAX, quarters)),
        ("simd chunks of 3", chunked(Engine::Simd, &shared, cols, 3, quarters)),
        ("simd chunks of 1", chunked(Engine::Simd, &shared, cols, 1, quarters)),
        ("simd on 2 workers", workers(Engine::Simd, &shared, cols, 2, quarters)),
        ("scalar on 3 workers", workers(Engine::Scalar, &shared, cols, 3, quarters)),
    ];
    for (name, run) in runs {
        for i in 0..cols.len {
            let row = cols.row(base, i);
            let sc = Scale {
                size: row.value_usd + row.expansion_value_usd,
                npv: reference.out.npv_usd[i],
                price: reference.out.price_usd_per_accelerator_hour[i],
                revenue: reference.out.revenue_usd[i],
            };
            let at_threshold = worst_year_at_threshold(&row);
            for o in Output::ALL {
                let key = o.key();
                let (a, b) = (reference.out.get(o)[i], run.out.get(o)[i]);
                let irr_flows = match o {
                    Output::irr => Some(false),
                    Output::irr_after_tax => Some(true),
                    _ => None,
                };
                if let Some(after_tax) = irr_flows {
                    if agree(a, b, key, &sc).is_err() && is_an_irr_of(&row, a, after_tax) && is_an_irr_of(&row, b, after_tax) {
                        continue;
                    }
                }
                if o == Output::book_ebit_margin_worst_year && at_threshold {
                    continue;
                }
                // Defined only for a positive NPV: at an NPV of zero to rounding, either.
                if o == Output::terminal_value_share && sc.npv.abs() <= 1e-9 * sc.size {
                    continue;
                }
                agree(a, b, key, &sc).map_err(|e| format!("{name}, row {i}: {e}"))?;
            }
            if let (Some(a), Some(b)) = (reference.cumulative.as_ref(), run.cumulative.as_ref()) {
                for q in 0..quarters {
                    agree(a[q][i], b[q][i], "cumulative", &sc).map_err(|e| format!("{name}, row {i}, quarter {q}: {e}"))?;
                }
            }
        }
    }
    Ok(())
}

/// Columns for every numeric parameter, filled from `rows`.
fn columns(rows: &[Inputs]) -> Columns {
    let params: Vec<P> = P::ALL.iter().copied().filter(|p| matches!(p.param().kind, Kind::Number | Kind::Count)).collect();
    let mut cols = Columns::new(params.clone(), rows.len());
    for (k, p) in params.iter().enumerate() {
        for (i, row) in rows.iter().enumerate() {
            cols.data[k][i] = row.get(*p);
        }
    }
    cols
}

fn q(text: &str) -> f64 {
    P::start.param().parse(text).unwrap_or(0.0)
}

engine_test! {
fn edge_cases_agree_in_every_engine() {
    let base = Inputs::default();
    let with = |f: &dyn Fn(&mut Inputs)| {
        let mut x = base;
        f(&mut x);
        x
    };
    let table: Vec<(&str, Inputs)> = vec![
        ("the default deal", base),
        ("zero WACC", with(&|x| x.wacc = 0.0)),
        ("the highest WACC", with(&|x| x.wacc = 0.3)),
        ("one-year term", with(&|x| x.term_years = 1.0)),
        ("a term of 7.125 years rounds half up", with(&|x| x.term_years = 7.125)),
        ("delay beyond the term", with(&|x| {
            x.term_years = 1.0;
            x.delay_months = 36.0;
        })),
        ("no CPU side", with(&|x| x.vcpus = 0.0)),
        ("CPUs but no CPU value", with(&|x| x.cpu_value_fraction = 0.0)),
        ("falling energy price", with(&|x| x.electricity_escalation = -0.05)),
        ("tiny contract: IRR undefined", with(&|x| x.value_usd = 1e8)),
        ("huge contract", with(&|x| x.value_usd = 3e12)),
        ("expansion with the same chip", with(&|x| {
            x.expansion_accelerators = 100_000.0;
            x.expansion_value_usd = 20e9;
        })),
        ("expansion accelerators but no value", with(&|x| x.expansion_accelerators = 50_000.0)),
        ("expansion value but no accelerators", with(&|x| x.expansion_value_usd = 10e9)),
        ("expansion longer than the deal", with(&|x| {
            x.expansion_accelerators = 1_000_000.0;
            x.expansion_value_usd = 100e9;
            x.expansion_term_years = 15.0;
            x.expansion_ramp_quarters = 20.0;
        })),
        ("IT life longer than the term", with(&|x| x.it_life_years = 10.0)),
        ("all residual", with(&|x| x.residual_fraction = 0.6)),
        ("lowest availability and load", with(&|x| {
            x.availability = 0.5;
            x.load_factor = 0.1;
        })),
    ];
    let rows: Vec<Inputs> = table.iter().map(|(_, x)| *x).collect();
    if let Err(e) = check(&base, &columns(&rows)) {
        let row: usize = e.split("row ").nth(1).and_then(|r| r.split([',', ':']).next()).and_then(|n| n.trim().parse().ok()).unwrap_or(0);
        panic!("{} — {e}", table.get(row).map(|r| r.0).unwrap_or("?"));
    }
    // Each preset in its own batch (presets fix different quarters and chips).
    for preset in PRESETS {
        let x = preset.inputs();
        let mut late = x;
        late.delay_months = 9.0;
        let mut ramped = x;
        ramped.ramp_end = x.start + 6.0;
        let _ = q;
        check(&x, &columns(&[x, late, ramped])).unwrap_or_else(|e| panic!("{}: {e}", preset.id.key()));
    }
}
}

engine_test! {
fn empty_and_short_batches() {
    let base = Inputs::default();
    for len in 0..=2 * LANES + 1 {
        let rows: Vec<Inputs> = (0..len)
            .map(|i| {
                let mut x = base;
                x.pue = 1.1 + 0.05 * i as f64;
                x
            })
            .collect();
        check(&base, &columns(&rows)).unwrap_or_else(|e| panic!("length {len}: {e}"));
    }
}

}

// Random batches: bases with realistic schedules, every numeric input
// varying by row (300 batches natively, 60 in the browser, where a batch
// takes longer).
engine_test! {
fn random_batches_agree() {
    let batches = if cfg!(target_arch = "wasm32") { 60 } else { 300 };
    for case in 0..batches {
        let mut g = gen::Gen::new(case);
        let base = g.deal();
        // Quarters and chips come from the base; every numeric input varies by row.
        let rows: Vec<Inputs> = (0..g.below(2 * LANES + 2))
            .map(|_| {
                let r = g.inputs();
                let mut x = base;
                for p in P::ALL {
                    if matches!(PARAMS[*p as usize].kind, Kind::Number | Kind::Count) {
                        x.set(*p, r.get(*p));
                    }
                }
                x
            })
            .collect();
        if let Err(e) = check(&base, &columns(&rows)) {
            panic!("batch {case}: {e}");
        }
    }
}
}

// The SIMD IRR stops Newton at a 1e-8 step (`IRR_STEP_STOP`), the scalar
// at 1e-13. On flows of one sign change whose IRR lies anywhere in the
// grid's range or outside it, and of several sign changes (with one root in
// range, none or two), zeros among them and groups of lanes of different
// lengths: agreement to 1e-10, far inside the engines' 1e-7, and NaN where
// the scalar finds no IRR.
engine_test! {
fn simd_irr_agrees_with_the_scalar_search() {
    use computedeal_engine::batch::simd::{irr_quarterly, V};
    use computedeal_core::finance;
    let lane_flows = |g: &mut gen::Gen, kind: usize| -> Vec<f64> {
        let n = 8 + g.below(40);
        let out = 1 + g.below(n - 2);
        let size = 10f64.powf(g.uniform() * 12.0 - 3.0);
        let mut flows: Vec<f64> = (0..n).map(|i| if i < out { -size * (0.1 + g.uniform()) } else { size * g.uniform() * kind as f64 * 0.3 }).collect();
        match kind {
            // A return so poor it is below −99% a year, or so high it is
            // above 1,000%: out of the grid's range.
            0 => flows[n - 1] = size * 1e-12,
            5 => flows[..out].iter_mut().for_each(|f| *f *= 1e-9),
            // Two sign changes: a closing cost at the end.
            6 => flows[n - 1] = -size * 3.0,
            // Zero flows between (not a sign change) and a zero first flow.
            7 => {
                flows[0] = 0.0;
                flows[out] = 0.0;
            }
            // Two roots in range: −100, +230, −132 (zero at 10% and 20% a
            // period) with periods of one to four quarters, from a random
            // quarter on: no IRR.
            8 => {
                let (step, at) = (1 + g.below(4), g.below(n - 8));
                flows.iter_mut().for_each(|f| *f = 0.0);
                for (k, c) in [-100.0, 230.0, -132.0].into_iter().enumerate() {
                    flows[(at + k * step).min(n - 1)] += size * c;
                }
            }
            // A refresh bought in the last quarter of revenue, worth nothing
            // after: outflows, inflows, one outflow and a zero (two roots,
            // or one in range when the outflow is small).
            9 => {
                flows[n - 2] = -size * (0.05 + 2.0 * g.uniform());
                flows[n - 1] = 0.0;
            }
            _ => {}
        }
        flows
    };
    let mut several_roots = 0;
    for case in 0..400 {
        let mut g = gen::Gen::new(10_000 + case);
        let kinds: [usize; LANES] = std::array::from_fn(|_| g.below(10));
        let lanes: Vec<Vec<f64>> = kinds.iter().map(|k| lane_flows(&mut g, *k)).collect();
        let quarters = lanes.iter().map(Vec::len).max().unwrap_or(0);
        let flows: Vec<V> = (0..quarters).map(|q| V::from(std::array::from_fn::<f64, LANES, _>(|l| lanes[l].get(q).copied().unwrap_or(0.0)))).collect();
        let got = irr_quarterly(&flows).to_array();
        for (l, lane) in lanes.iter().enumerate() {
            let mut padded = lane.clone();
            padded.resize(quarters, 0.0);
            match finance::irr_quarterly(&padded) {
                Ok(r) => assert!((got[l] - r).abs() <= 1e-10 * r.abs().max(1.0), "case {case} lane {l} (kind {}): {} vs {r}", kinds[l], got[l]),
                Err(e) => {
                    several_roots += usize::from(e == finance::IrrError::MultipleRoots);
                    assert!(got[l].is_nan(), "case {case} lane {l}: {} where the scalar gives {e:?}", got[l]);
                }
            }
        }
    }
    // The lanes of several roots beside lanes of one (kind 8 alone is a tenth of them).
    assert!(several_roots >= 100, "{several_roots}");
}
}
