//! The SIMD engine: `model::evaluate` for `LANES` scenarios at once, with
//! the `wide` crate (wasm simd128 in the browser, SSE/AVX natively).
//!
//! It mirrors `model.rs` and `finance.rs` step by step, so a reader can put
//! them side by side: `ramp_fraction`, `term_quarters`, `crf`, `sff`,
//! `capital_charge`, `book_value`, `npv_quarterly`, `irr_quarterly`,
//! `payback_years`, and `evaluate` in the model's named steps (1 the plan,
//! 2 `Rates`, 3 `tranche`, 4 the terminal value, 5 the cash flows, 6
//! `full_deployment`, 7 `cpu_side`, 8 the outputs). Branches become masks
//! (`blend`); loops over a tranche's quarters run to the longest term in the
//! group with the shorter lanes masked. Every output of the table is
//! computed, and the cumulative cash flow when asked.
//!
//! Tolerance against the scalar model: `wide`'s `exp` and `ln` are
//! polynomial approximations (not `libm`; `ln_1p` and `exp_m1` build on them
//! as `libm`'s do on its own), and the energy escalation is a running
//! product instead of a power, so results agree to a relative 1e-9
//! (absolute 1e-9 of the deal's value for NPV-like sums near zero); the IRR
//! (whose Newton search stops at a 1e-8 step, `IRR_STEP_STOP`) to 1e-7
//! (tested in `tests/engines.rs`).

use wide::{f64x4, CmpEq, CmpGe, CmpGt, CmpLe, CmpLt, CmpNe};

use super::columns::{Batch, Columns, Shared};
use computedeal_core::finance::{IRR_GRID, IRR_MAX_STEPS, IRR_SCAN_POINTS, MACRS5};
use computedeal_core::model::{HOURS_PER_QUARTER, HOURS_PER_YEAR, WORST_YEAR_MIN_REVENUE_SHARE, WORST_YEAR_MIN_REVENUE_USD};
use computedeal_core::outputs::{Output, OutputsT};
use computedeal_core::params::{InputsT, TaxDepreciation, Terminal};

pub type V = f64x4;
pub const LANES: usize = 4;

#[inline]
fn s(v: f64) -> V {
    V::splat(v)
}

/// `v` clamped to [0, 1] in one instruction per bound (`fast_max`,
/// `fast_min`), where `wide`'s `max` and `min` spend five to keep the
/// non-NaN side. Only for shares built from bounded inputs, which are
/// never NaN: quarter numbers, ramps of at least one quarter, lives of at
/// least half a year, a delay of at most 60 months (`params.rs`); `wide`
/// leaves a NaN's result unspecified, and SSE and wasm differ there.
#[inline(always)]
fn clamp01(v: V) -> V {
    v.fast_max(s(0.0)).fast_min(s(1.0))
}

/// The larger of a running maximum and a value, ignoring a NaN value as
/// `f64::max` does (the scalar model's peaks fold with it): a compare and
/// a select, where `wide`'s `max` also checks the other side.
#[inline(always)]
fn max_ignoring_nan(m: V, v: V) -> V {
    v.cmp_gt(m).blend(v, m)
}

/// Mirror of `model::ramp_fraction`, taking the reciprocal of the ramp's
/// length (a multiplication is much cheaper than a division in a loop).
#[inline]
pub fn ramp_fraction(j: V, inv_ramp_quarters: V, shift_quarters: V) -> V {
    clamp01((j + 1.0 - shift_quarters) * inv_ramp_quarters)
}

/// Mirror of `model::term_quarters`, as whole numbers in f64.
#[inline]
pub fn term_quarters(years: V) -> V {
    (years * 4.0 + 0.5).floor().max(s(1.0))
}

/// ln(1 + x), accurate for tiny x: ln(u)·x/(u − 1) with u = 1 + x (u − 1
/// is exact, so the rounding of u cancels out), and x itself when u rounds
/// to 1 (Goldberg 1991, Theorem 4; the mirror of `libm::log1p`).
#[inline]
pub fn ln_1p(x: V) -> V {
    let u = x + 1.0;
    let d = u - 1.0;
    d.cmp_eq(s(0.0)).blend(x, u.ln() * (x / d))
}

/// e^x − 1, accurate for tiny x: (u − 1)·x/ln(u) with u = e^x, and x
/// itself when u rounds to 1 (the mirror of `libm::expm1`).
#[inline]
pub fn exp_m1(x: V) -> V {
    let u = x.exp();
    let d = u - 1.0;
    let ln_u = u.ln();
    (d.cmp_eq(s(0.0)) | ln_u.cmp_eq(s(0.0))).blend(x, d * (x / ln_u))
}

/// Where the finance formulas take their series form (`finance::SERIES_BELOW`).
#[inline]
fn series(x: V) -> V {
    x.abs().cmp_lt(s(computedeal_core::finance::SERIES_BELOW))
}

/// Mirror of `finance::crf`, given ln(1 + r): r / −((1 + r)^−n − 1).
#[inline]
pub fn crf(r: V, ln_1r: V, n: V) -> V {
    let x = ln_1r * n;
    let small = (r / ln_1r) / (n * (s(1.0) - x * 0.5));
    r.cmp_eq(s(0.0)).blend(s(1.0) / n, series(x).blend(small, r / -exp_m1(-x)))
}

/// Mirror of `finance::sff`, given ln(1 + r): r / ((1 + r)^n − 1).
#[inline]
pub fn sff(r: V, ln_1r: V, n: V) -> V {
    let x = ln_1r * n;
    let small = (r / ln_1r) / (n * (s(1.0) + x * 0.5));
    r.cmp_eq(s(0.0)).blend(s(1.0) / n, series(x).blend(small, r / exp_m1(x)))
}

/// Mirror of `finance::capital_charge`, sharing one `exp` between the CRF
/// and the SFF: with g = (1 + r)^n − 1, CRF = r(g + 1)/g and SFF = r/g.
#[inline]
pub fn capital_charge(r: V, ln_1r: V, n: V, residual: V) -> V {
    let x = ln_1r * n;
    let g = exp_m1(x);
    let sff = r / g;
    let crf = sff * (g + 1.0);
    let r_over_nl = (r / ln_1r) / n;
    let (crf_small, sff_small) = (r_over_nl / (s(1.0) - x * 0.5), r_over_nl / (s(1.0) + x * 0.5));
    let (crf, sff) = (series(x).blend(crf_small, crf), series(x).blend(sff_small, sff));
    r.cmp_eq(s(0.0)).blend((s(1.0) - residual) / n, crf - residual * sff)
}

/// Mirror of `finance::book_value`, taking the reciprocal of the life.
#[inline]
pub fn book_value(inv_n: V, residual: V, a: V) -> V {
    residual + (s(1.0) - residual) * (s(1.0) - clamp01(a * inv_n))
}

/// Mirror of `finance::npv_mid_quarter` (flow i at (i + 1/2) / 4 years,
/// given ln(1 + rate)) for `K` series of the same length at one rate: the
/// two discount factors are worked out once, and the `K` Horner chains run
/// side by side in one pass (the same arithmetic per series as one at a
/// time, so the same bits, in a fraction of the latency).
pub fn npvs_mid_quarter<const K: usize>(series: [&[V]; K], ln_1r: V) -> [V; K] {
    let v = (ln_1r * -0.25).exp();
    let len = series.iter().map(|f| f.len()).min().unwrap_or(0);
    assert!(series.iter().all(|f| f.len() == len), "npvs_mid_quarter: series of different lengths");
    let mut acc = [s(0.0); K];
    for i in (0..len).rev() {
        for (a, f) in acc.iter_mut().zip(&series) {
            *a = *a * v + f[i];
        }
    }
    let half = (ln_1r * -0.125).exp();
    acc.map(|a| a * half)
}

/// Mirror of `finance::npv_polynomial`: p(x) = Σ cf_i x^i and p'(x). Split
/// into even and odd terms, p(x) = E(x²) + x·O(x²), so four Horner chains of
/// half the length run side by side instead of two long ones: the same sum,
/// in half the latency (this is the inner loop of the IRR search).
#[inline]
fn npv_polynomial(flows: &[V], x: V) -> (V, V) {
    let y = x * x;
    let (mut e, mut de, mut o, mut d_o) = (s(0.0), s(0.0), s(0.0), s(0.0));
    let pairs = flows.len() / 2;
    if flows.len() % 2 == 1 {
        e = flows[flows.len() - 1];
    }
    for k in (0..pairs).rev() {
        // Even coefficient 2k and odd coefficient 2k + 1.
        de = de * y + e;
        e = e * y + flows[2 * k];
        d_o = d_o * y + o;
        o = o * y + flows[2 * k + 1];
    }
    let p = e + x * o;
    let dp = (x * 2.0) * de + o + (y * 2.0) * d_o;
    (p, dp)
}

/// The relative Newton step on the discount factor at which the SIMD search
/// stops (the scalar's `IRR_TOLERANCE` is 1e-13). Newton converges
/// quadratically, so the iterate after a step of 1e-8 is within about
/// (f''/2f')·1e-16 of the root: far inside the engines' stated 1e-7 for
/// the rate (a test checks the two stops against each other); it saves the
/// last step.
pub const IRR_STEP_STOP: f64 = 1e-8;

/// The discount factors of `IRR_GRID`, worked out once.
fn irr_grid_factors() -> [V; IRR_GRID.len()] {
    static FACTORS: std::sync::OnceLock<[f64; IRR_GRID.len()]> = std::sync::OnceLock::new();
    FACTORS.get_or_init(|| IRR_GRID.map(computedeal_core::finance::quarterly_discount)).map(s)
}

/// The points of `finance`'s finer scan (discount factor, yearly rate),
/// worked out once with `finance::irr_scan_point`, so the same bits.
fn irr_scan_points() -> &'static [(f64, f64); IRR_SCAN_POINTS] {
    static POINTS: std::sync::OnceLock<[(f64, f64); IRR_SCAN_POINTS]> = std::sync::OnceLock::new();
    POINTS.get_or_init(|| std::array::from_fn(computedeal_core::finance::irr_scan_point))
}

/// Mirror of `finance::irr_quarterly`: NaN where the scalar returns an error.
/// Lanes whose flows change sign once take the grid's bracket; when a lane
/// changes sign more than once, every lane's NPV is also taken at the
/// points of the finer scan and those lanes take its one root (NaN for
/// none or several); then one safeguarded Newton search serves them all.
pub fn irr_quarterly(flows: &[V]) -> V {
    let zero = s(0.0);
    let one = s(1.0);
    let none = zero.cmp_ne(zero);
    // Mirror of `finance::sign_changes`, counted in f64 per lane.
    let (mut seen, mut last_positive, mut changes) = (none, none, zero);
    for cf in flows {
        let positive = cf.cmp_gt(zero);
        let nonzero = positive | cf.cmp_lt(zero);
        changes += (nonzero & seen & (positive ^ last_positive)).blend(one, zero);
        last_positive = nonzero.blend(positive, last_positive);
        seen |= nonzero;
    }
    let defined = changes.cmp_gt(s(0.5));
    let several = changes.cmp_gt(s(1.5));
    let xs = irr_grid_factors();
    // All grid points in one pass: independent Horner chains overlap in the pipeline.
    let mut fs = [zero; IRR_GRID.len()];
    for cf in flows.iter().rev() {
        for (f, x) in fs.iter_mut().zip(&xs) {
            *f = *f * *x + *cf;
        }
    }
    // Mirror of `finance::grid_bracket`: the first grid point with a zero
    // NPV, or the first interval with a sign change.
    let (mut found, mut exact) = (none, none);
    let (mut exact_rate, mut lo, mut hi, mut f_lo, mut f_hi) = (zero, zero, zero, zero, zero);
    for k in 0..IRR_GRID.len() {
        let hit = !found & fs[k].cmp_eq(zero);
        exact_rate = hit.blend(s(IRR_GRID[k]), exact_rate);
        exact |= hit;
        found |= hit;
        if k + 1 < IRR_GRID.len() {
            let change = !found & (fs[k].cmp_gt(zero) ^ fs[k + 1].cmp_gt(zero));
            lo = change.blend(xs[k + 1], lo);
            hi = change.blend(xs[k], hi);
            f_lo = change.blend(fs[k + 1], f_lo);
            f_hi = change.blend(fs[k], f_hi);
            found |= change;
        }
    }
    if several.any() {
        // Mirror of `finance::scan_bracket`: every zero of the scan, and every
        // interval between non-zero values of opposite signs, is a root; the
        // last one seen is kept, and used where it is the only one.
        let points = irr_scan_points();
        let mut fs = [zero; IRR_SCAN_POINTS];
        for cf in flows.iter().rev() {
            for (f, (x, _)) in fs.iter_mut().zip(points) {
                *f = *f * s(*x) + *cf;
            }
        }
        let (mut roots, mut scan_exact) = (zero, none);
        let (mut scan_rate, mut scan_lo, mut scan_hi, mut scan_f_lo, mut scan_f_hi) = (zero, zero, zero, zero, zero);
        for i in 0..IRR_SCAN_POINTS {
            let hit = fs[i].cmp_eq(zero);
            scan_rate = hit.blend(s(points[i].1), scan_rate);
            roots += hit.blend(one, zero);
            scan_exact |= hit;
            if i > 0 {
                let change = fs[i - 1].cmp_ne(zero) & !hit & (fs[i - 1].cmp_gt(zero) ^ fs[i].cmp_gt(zero));
                scan_lo = change.blend(s(points[i].0), scan_lo);
                scan_hi = change.blend(s(points[i - 1].0), scan_hi);
                scan_f_lo = change.blend(fs[i], scan_f_lo);
                scan_f_hi = change.blend(fs[i - 1], scan_f_hi);
                roots += change.blend(one, zero);
                scan_exact &= !change;
            }
        }
        let one_root = roots.cmp_eq(one);
        found = several.blend(one_root, found);
        exact = several.blend(one_root & scan_exact, exact);
        exact_rate = several.blend(scan_rate, exact_rate);
        lo = several.blend(scan_lo, lo);
        hi = several.blend(scan_hi, hi);
        f_lo = several.blend(scan_f_lo, f_lo);
        f_hi = several.blend(scan_f_hi, f_hi);
    }
    let bracketed = found & !exact;
    let lo_positive = f_lo.cmp_gt(zero);
    let mut x = bracketed.blend(lo - f_lo * (hi - lo) / (f_hi - f_lo), s(1.0));
    let mut step_before = hi - lo;
    let mut done = !(defined & bracketed);
    for _ in 0..IRR_MAX_STEPS {
        if done.all() {
            break;
        }
        let (f, df) = npv_polynomial(flows, x);
        let root = f.cmp_eq(zero);
        // Masks are all-ones bit patterns (NaNs as floats): compare them with xor, not cmp_eq.
        let same_as_lo = !(f.cmp_gt(zero) ^ lo_positive);
        let update = !done & !root;
        lo = (update & same_as_lo).blend(x, lo);
        hi = (update & !same_as_lo).blend(x, hi);
        let newton = x - f / df;
        let converged = df.cmp_ne(zero) & (newton - x).abs().cmp_le(x.abs().max(s(1.0)) * IRR_STEP_STOP);
        let inside = df.cmp_ne(zero) & newton.cmp_gt(lo) & newton.cmp_lt(hi) & (newton - x).abs().cmp_lt(step_before * 0.5);
        let next = (converged | inside).blend(newton, (lo + hi) * 0.5);
        step_before = update.blend((next - x).abs(), step_before);
        x = update.blend(next, x);
        done = done | root | converged;
    }
    // Mirror of `finance::rate_from_discount_factor`: x^−4 − 1 without cancellation near x = 1.
    let rate = exp_m1(ln_1p(x - 1.0) * -4.0);
    let rate = exact.blend(exact_rate, rate);
    (defined & found).blend(rate, s(f64::NAN))
}

/// Mirror of `model::payback_years`: NaN where the scalar returns None.
/// A running sum that notes, per lane, the last quarter it is negative;
/// the crossing is the quarter after it, interpolated once at the end
/// from the cumulative before it and its flow (`cumulative` keeps the sums).
pub fn payback_years(operating: &[V], cumulative: &mut Vec<V>) -> V {
    let zero = s(0.0);
    cumulative.clear();
    let mut running = zero;
    // −1: never negative.
    let mut last_negative = s(-1.0);
    for (i, cf) in operating.iter().enumerate() {
        running += *cf;
        cumulative.push(running);
        last_negative = running.cmp_lt(zero).blend(s(i as f64), last_negative);
    }
    let last = last_negative.to_array();
    let mut years = [0.0; LANES];
    for (lane, y) in years.iter_mut().enumerate() {
        let k = last[lane];
        *y = if k < 0.0 {
            // Never negative: paid back at once, as the scalar's Some(0).
            0.0
        } else if k as usize + 1 >= operating.len() {
            f64::NAN
        } else {
            let at = k as usize + 1;
            let before = cumulative[at - 1].to_array()[lane];
            let cf = operating[at].to_array()[lane];
            let share = if cf > 0.0 { -before / cf } else { 1.0 };
            (at as f64 + share.clamp(0.0, 1.0)) * 0.25
        };
    }
    V::from(years)
}

/// Per-quarter sums over the horizon, reused across lane groups (mirror of
/// the model's `Quarterly`, keeping only what the outputs need).
#[derive(Default)]
pub struct Scratch {
    operating: Vec<V>,
    terminal: Vec<V>,
    /// Revenue − energy − opex − tax depreciation, plus end value − tax basis.
    taxable: Vec<V>,
    /// Revenue − book depreciation − energy − opex.
    ebit: Vec<V>,
    revenue: Vec<V>,
    acc_revenue: Vec<V>,
    unit_hours: Vec<V>,
    acc_online: Vec<V>,
    racks: Vec<V>,
    acc_it_mw: Vec<V>,
    cpu_it_mw: Vec<V>,
    total_it_mw: Vec<V>,
    pflops: Vec<V>,
    acc_mwh: Vec<V>,
    all_mwh: Vec<V>,
    flows: Vec<V>,
    after_tax: Vec<V>,
    /// The running sum of `operating` (`payback_years`).
    cumulative: Vec<V>,
    price_factors: Vec<V>,
    /// Revenue and book EBIT by calendar year (step 8).
    year_revenue: Vec<V>,
    year_ebit: Vec<V>,
}

/// Mirror of `model::Rates`.
struct Rates {
    it_charge: V,
    facility_charge: V,
    usd_per_kw_facility: V,
    mwh_per_it_mw_quarter: V,
    kw_per_vcpu: V,
    ln_discount: V,
    ln_market: V,
    ln_escalation: V,
    refresh_quarters: V,
    inv_book_quarters: V,
    inv_facility_quarters: V,
}

impl Rates {
    fn new(x: &InputsT<V>, ln_1r: V) -> Rates {
        Rates {
            it_charge: capital_charge(x.wacc, ln_1r, x.it_life_years, x.residual_fraction),
            facility_charge: crf(x.wacc, ln_1r, x.facility_life_years),
            usd_per_kw_facility: x.facility_capex_usd_per_mw / 1000.0,
            mwh_per_it_mw_quarter: x.load_factor * x.pue * x.availability * HOURS_PER_QUARTER,
            kw_per_vcpu: x.w_per_vcpu / 1000.0,
            ln_discount: ln_1r,
            ln_market: ln_1p(-x.market_decline),
            ln_escalation: ln_1p(x.electricity_escalation),
            refresh_quarters: (x.it_life_years * 4.0 + 0.5).floor().max(s(1.0)),
            inv_book_quarters: s(0.25) / x.book_life_years,
            inv_facility_quarters: s(0.25) / x.facility_life_years,
        }
    }
}

/// Mirror of `model::Tranche`, one lane per scenario.
struct Tranche {
    /// The first tranche (k = 0), the expansion (k = 1) or its second chip (k = 2).
    k: usize,
    offset: usize,
    /// Quarters of the term per lane, and of the ramp.
    t: V,
    ramp: V,
    inv_ramp: V,
    /// Quarters online per lane (`model::Tranche::online_quarters`) and the most of them.
    span_max: usize,
    n: V,
    capex: V,
    kw: V,
    tflops: f64,
    per_rack: f64,
    /// Price per accelerator-hour and per vCPU-hour, and the market's at the start.
    price: V,
    vcpus: V,
    cpu_price: V,
    market: V,
}

/// Mirror of the model's `Totals`.
#[derive(Default)]
struct Totals {
    capex_total: V,
    capex_it_acc: V,
    capex_fac_acc: V,
    capex_cpu: V,
    acc_hours: V,
    gw_years: V,
}

fn lanes_max(v: V) -> f64 {
    v.to_array().into_iter().fold(0.0, f64::max)
}

/// Mirror of `finance::stream_integral`: (e^{kl} − 1) / k, l(1 + kl/2) where kl is tiny.
#[inline]
fn stream_integral(k: V, l: V) -> V {
    let x = k * l;
    series(x).blend(l * (s(1.0) + x * 0.5), exp_m1(x) / k)
}

/// Mirror of `finance::tax_deducted`, for the batch's method.
#[inline]
fn tax_deducted(method: TaxDepreciation, n: V) -> V {
    match method {
        TaxDepreciation::Bonus => clamp01(n + 1.0),
        TaxDepreciation::StraightLine => clamp01((n + 1.0) * (1.0 / 20.0)),
        TaxDepreciation::Macrs5 => {
            let mut sum = s(0.0);
            for (y, f) in MACRS5.iter().enumerate() {
                sum += clamp01((n + 1.0 - 4.0 * y as f64) * 0.25) * *f;
            }
            sum
        }
    }
}

/// Mirror of `finance::straight_line_share`, given 1 / life in quarters.
#[inline]
fn straight_line_share(n: V, inv_life_quarters: V) -> V {
    clamp01((n + 1.0) * inv_life_quarters)
}

/// Mirror of `model::vintage_share`.
#[inline(always)]
fn vintage_share(f: impl Fn(V) -> V, n: V, cap: V, replaced: Option<V>) -> V {
    let v = f(n.fast_min(cap));
    match replaced {
        Some(l) => n.cmp_ge(l).blend(s(1.0), v),
        None => v,
    }
}

/// Mirror of `model::market_value`, given the market and energy price
/// factors of the date the accelerator leaves.
fn market_value(t: &Tranche, x: &InputsT<V>, rates: &Rates, age_years: V, market_factor: V, escalation: V) -> V {
    let zero = s(0.0);
    let cap = (x.rental_life_years - age_years).max(zero);
    if !cap.cmp_gt(zero).any() {
        // Past its rental life in every lane: worth nothing at the market
        // (every integral is 0), without the transcendentals.
        return zero;
    }
    let rent = t.market * market_factor * HOURS_PER_YEAR * x.availability;
    let energy = t.kw * 0.001 * rates.mwh_per_it_mw_quarter * 4.0 * x.electricity_usd_per_mwh * escalation;
    let fac = t.kw * rates.usd_per_kw_facility;
    let fixed = x.opex_fraction_of_capex * (t.capex + fac) + fac * rates.facility_charge;
    let life = earning_life(rent, energy + fixed, rates.ln_market - rates.ln_escalation.max(zero), cap);
    let d = rates.ln_discount;
    let v = rent * stream_integral(rates.ln_market - d, life) - energy * stream_integral(rates.ln_escalation - d, life) - fixed * stream_integral(-d, life);
    v.max(zero)
}

/// Mirror of `model::earning_life`.
#[inline]
fn earning_life(rent: V, running: V, ln_market: V, cap: V) -> V {
    let zero = s(0.0);
    // With no running cost the rent never falls to it: the cap.
    let falling = running.cmp_gt(zero).blend((ln_1p(running / rent - 1.0) / ln_market).min(cap), cap);
    let life = ln_market.cmp_lt(zero).blend(falling, cap);
    rent.cmp_gt(running).blend(life, zero)
}

/// Mirror of `model::Ages`.
struct Ages {
    it: V,
    it_in_service: V,
    facility: V,
    facility_in_service: V,
}

/// Mirror of `model::end_value`, given the accelerators' market value.
#[inline]
#[allow(clippy::too_many_arguments)]
fn end_value(terminal: Terminal, x: &InputsT<V>, inv_book_life: V, t: &Tranche, market: V, ages: &Ages, it_acc: V, it_cpu: V, fac: V, price_factor: V) -> V {
    let zero = s(0.0);
    let it_at = |assets: V, age: V| assets * price_factor * book_value(inv_book_life, x.residual_fraction, age);
    let facility_at = |age: V| fac * book_value(s(1.0) / x.facility_life_years, zero, age);
    match terminal {
        Terminal::Market => it_at_market(x, inv_book_life, t, market, ages.it, it_cpu, price_factor) + facility_at(ages.facility),
        Terminal::Book => it_at(it_acc, ages.it_in_service) + it_at(it_cpu, ages.it_in_service) + facility_at(ages.facility_in_service),
        Terminal::None => zero,
    }
}

/// Mirror of `model::it_at_market`, the accelerators' market value given.
fn it_at_market(x: &InputsT<V>, inv_book_life: V, t: &Tranche, market: V, it_age: V, it_cpu: V, price_factor: V) -> V {
    t.n * market + it_cpu * price_factor * book_value(inv_book_life, x.residual_fraction, it_age)
}

/// Steps 3 and 4 (mirror of `model::tranche`). Everything a quarter adds
/// is a share (installed, online, present, leaving) times a rate worked out
/// once; the energy and market prices advance one quarter at a time.
/// Mirror of `Inputs::billed_share`: the share of the hours online that is
/// billed (all of them under take-or-pay, the available ones otherwise).
fn billed_share(c: &Shared, x: &InputsT<V>) -> V {
    if c.take_or_pay {
        s(1.0)
    } else {
        x.availability
    }
}

fn tranche(t: &Tranche, x: &InputsT<V>, c: &Shared, rates: &Rates, dq: V, sc: &mut Scratch, totals: &mut Totals) {
    let zero = s(0.0);
    let one = s(1.0);
    let delivery = c.from_delivery;
    let it_acc = t.n * t.capex;
    let it_cpu = t.vcpus * x.capex_usd_per_vcpu;
    let it_assets = it_acc + it_cpu;
    let fac = rates.usd_per_kw_facility * (t.n * t.kw + t.vcpus * rates.kw_per_vcpu);
    let fac_acc = rates.usd_per_kw_facility * t.n * t.kw;
    let all = it_assets + fac;
    let opex_rate = x.opex_fraction_of_capex * all * 0.25;
    let mw_acc_rate = t.n * t.kw * 0.001;
    let mw_cpu_rate = t.vcpus * rates.kw_per_vcpu * 0.001;
    let pflops_rate = t.n * (t.tflops / 1000.0);
    let unit_hours_rate = t.n * HOURS_PER_QUARTER;
    let billed = billed_share(c, x);
    let cpu_revenue_rate = t.cpu_price * (t.vcpus * HOURS_PER_QUARTER * billed);
    let energy_price = rates.mwh_per_it_mw_quarter * x.electricity_usd_per_mwh;
    let racks_rate = t.n * (1.0 / t.per_rack);
    // Refresh (at signing only), and the price factors of its vintages.
    let l = rates.refresh_quarters;
    let refresh = c.refresh && !delivery;
    let vintages = if refresh { lanes_max((t.t / l - 1.0).ceil().max(zero)) as usize } else { 0 };
    sc.price_factors.clear();
    sc.price_factors.extend((0..=vintages).map(|m| (rates.ln_market * l * (m as f64 * 0.25)).exp()));
    let cap = if delivery { t.t - 1.0 } else { s(f64::INFINITY) };
    let method = c.tax_depreciation;
    let res = one - x.residual_fraction;
    let book = |n: V| straight_line_share(n, rates.inv_book_quarters) * res;
    let taxed = |n: V| tax_deducted(method, n);
    let fac_sl = |n: V| straight_line_share(n, rates.inv_facility_quarters);
    // (A generic function, not a closure over `&dyn Fn`, so each share inlines.)
    fn written(f: impl Fn(V) -> V + Copy, jv: V, m: usize, dq: V, l: V, refresh: bool, cap: V, t: &Tranche) -> V {
        let (n, replaced) = if m == 0 { (jv - dq, refresh.then_some(l - dq)) } else { (jv - l * m as f64, Some(l)) };
        (vintage_share(f, n, cap, replaced) - vintage_share(f, n - t.ramp, cap, replaced)) * t.inv_ramp
    }
    // At delivery every cohort leaves T quarters in service, T + delay after
    // its installation: its end value's life integrals and tax basis are
    // the same for every quarter.
    let leave_ages = Ages { it: (t.t + dq) * 0.25, it_in_service: t.t * 0.25, facility: (t.t + dq) * 0.25, facility_in_service: t.t * 0.25 };
    let inv_book_life = one / x.book_life_years;
    let leave_basis = it_assets * (one - taxed(cap)) + fac * (one - fac_sl(cap));
    // Prices at the middle of the tranche's first quarter, then quarter by quarter.
    let first_years = (t.offset as f64 + 0.5) * 0.25;
    let (esc_step, market_step) = ((rates.ln_escalation * 0.25).exp(), (rates.ln_market * 0.25).exp());
    let mut escalation = (rates.ln_escalation * first_years).exp();
    let mut market_factor = (rates.ln_market * first_years).exp();
    let mut installed_prev = zero;
    let (mut capex_in, mut tax_dep_sum) = (zero, zero);
    // The tranche's quarters of each sum, as slices of one length: indexing
    // them by j needs no bounds check per sum.
    let quarters = t.offset..t.offset + t.span_max + 1;
    fn q<'a>(v: &'a mut [V], r: &std::ops::Range<usize>) -> &'a mut [V] {
        &mut v[r.clone()]
    }
    let Scratch {
        operating,
        terminal,
        taxable,
        ebit,
        revenue,
        acc_revenue,
        unit_hours,
        acc_online,
        racks,
        acc_it_mw,
        cpu_it_mw,
        total_it_mw,
        pflops,
        acc_mwh,
        all_mwh,
        price_factors,
        ..
    } = sc;
    let (q_operating, q_terminal, q_taxable, q_ebit) = (q(operating, &quarters), q(terminal, &quarters), q(taxable, &quarters), q(ebit, &quarters));
    let (q_revenue, q_acc_revenue, q_unit_hours) = (q(revenue, &quarters), q(acc_revenue, &quarters), q(unit_hours, &quarters));
    let (q_acc_online, q_racks, q_acc_it_mw, q_cpu_it_mw) = (q(acc_online, &quarters), q(racks, &quarters), q(acc_it_mw, &quarters), q(cpu_it_mw, &quarters));
    let (q_total_it_mw, q_pflops, q_acc_mwh, q_all_mwh) = (q(total_it_mw, &quarters), q(pflops, &quarters), q(acc_mwh, &quarters), q(all_mwh, &quarters));
    for j in 0..=t.span_max {
        let i = t.offset + j;
        let jv = s(j as f64);
        let (installed, online, present, leaving, in_term) = if delivery {
            let gone = ramp_fraction(jv - t.t, t.inv_ramp, dq);
            let gone_before = ramp_fraction(jv - t.t - 1.0, t.inv_ramp, dq);
            let installed = ramp_fraction(jv, t.inv_ramp, zero);
            (installed, ramp_fraction(jv, t.inv_ramp, dq) - gone, installed - gone, gone - gone_before, !zero.cmp_ne(zero))
        } else {
            let in_term = jv.cmp_lt(t.t);
            let installed = in_term.blend(ramp_fraction(jv, t.inv_ramp, zero), installed_prev);
            let online = in_term.blend(ramp_fraction(jv, t.inv_ramp, dq), zero);
            (installed, online, in_term.blend(installed, zero), zero, in_term)
        };
        let delta = installed - installed_prev;
        installed_prev = installed;

        let mut refreshed = zero;
        for m in 1..=vintages {
            let n = jv - l * m as f64;
            refreshed += (ramp_fraction(n, t.inv_ramp, zero) - ramp_fraction(n - 1.0, t.inv_ramp, zero)) * price_factors[m];
        }
        let refreshed = in_term.blend(refreshed, zero);
        let capex = all * delta + it_assets * refreshed;
        capex_in += capex;
        totals.capex_total += capex;
        totals.capex_it_acc += it_acc * (delta + refreshed);
        totals.capex_cpu += it_cpu * (delta + refreshed) + (fac - fac_acc) * delta;
        totals.capex_fac_acc += fac_acc * delta;
        let opex = present * opex_rate;

        let n = jv - dq;
        let fac_dep = fac * (vintage_share(fac_sl, n, cap, None) - vintage_share(fac_sl, n - t.ramp, cap, None)) * t.inv_ramp;
        let (mut book_dep, mut tax_dep) = (fac_dep, fac_dep);
        for m in 0..=vintages {
            let pf = price_factors[m];
            book_dep += it_assets * pf * written(book, jv, m, dq, l, refresh, cap, t);
            tax_dep += it_assets * pf * written(taxed, jv, m, dq, l, refresh, cap, t);
        }
        let book_dep = in_term.blend(book_dep, zero);
        let tax_dep = in_term.blend(tax_dep, zero);
        tax_dep_sum += tax_dep;

        let units = online * t.n;
        q_acc_online[j] += units;
        q_racks[j] += online * racks_rate;
        q_acc_it_mw[j] += online * mw_acc_rate;
        q_cpu_it_mw[j] += online * mw_cpu_rate;
        q_total_it_mw[j] += online * (mw_acc_rate + mw_cpu_rate);
        q_pflops[j] += online * pflops_rate;
        q_acc_mwh[j] += online * mw_acc_rate * rates.mwh_per_it_mw_quarter;
        q_all_mwh[j] += online * (mw_acc_rate + mw_cpu_rate) * rates.mwh_per_it_mw_quarter;
        let energy = online * (mw_acc_rate + mw_cpu_rate) * energy_price * escalation;
        let unit_hours = online * unit_hours_rate;
        // Mirror of the model's shortfall, scaled by the contract's premium over the market.
        let market_rent = t.market * market_factor;
        let premium = t.price.cmp_gt(s(0.0)).blend(clamp01(one - market_rent / t.price), s(0.0));
        let short = x.shortfall_share * clamp01(s(i as f64 + 1.0) - x.shortfall_year * 4.0) * premium;
        // The contract bills `billed` of the hours online; hours re-let at
        // the market are paid as delivered.
        let acc_revenue = (one - short) * unit_hours * t.price * billed + short * unit_hours * market_rent * x.availability;
        let revenue = acc_revenue + online * cpu_revenue_rate;
        q_acc_revenue[j] += acc_revenue;
        q_revenue[j] += revenue;
        q_unit_hours[j] += unit_hours;
        q_operating[j] += revenue - capex - opex - energy;
        q_taxable[j] += revenue - energy - opex - tax_dep;
        q_ebit[j] += revenue - book_dep - energy - opex;
        totals.acc_hours += unit_hours * x.availability;
        totals.gw_years += online * mw_acc_rate * 0.00025;

        if delivery {
            let market = match c.terminal {
                Terminal::Market => market_value(t, x, rates, leave_ages.it, market_factor, escalation),
                _ => zero,
            };
            let tv = leaving * end_value(c.terminal, x, inv_book_life, t, market, &leave_ages, it_acc, it_cpu, fac, one);
            q_terminal[j] += tv;
            q_taxable[j] += tv - leaving * leave_basis;
        }
        escalation *= esc_step;
        market_factor *= market_step;
    }
    if !delivery {
        // Step 4 at signing: cohort by cohort, landing at each lane's T.
        let years = (s(t.offset as f64 + 0.5) + t.t) * 0.25;
        let (escalation, market_factor) = ((rates.ln_escalation * years).exp(), (rates.ln_market * years).exp());
        let mut tv = zero;
        let cohorts = lanes_max(t.t.min(t.ramp)) as usize;
        for co in 0..cohorts {
            let cf = s(co as f64);
            let delta = (ramp_fraction(cf, t.inv_ramp, zero) - ramp_fraction(cf - 1.0, t.inv_ramp, zero)) & cf.cmp_lt(t.t);
            let m = if refresh { ((t.t - cf) / l - 1.0).ceil().max(zero) } else { zero };
            let in_service = (t.t - cf - dq).max(zero);
            let economic = t.t - cf - m * l;
            let ages = Ages {
                it: economic * 0.25,
                it_in_service: m.cmp_eq(zero).blend(in_service, economic) * 0.25,
                facility: (t.t - cf) * 0.25,
                facility_in_service: in_service * 0.25,
            };
            let pf = if refresh { (rates.ln_market * m * l * 0.25).exp() } else { one };
            // Mirror of the model's rule: with no end value, what a refresh bought is at the market.
            let refreshed_at_market = refresh && c.terminal == Terminal::None;
            let market = match c.terminal {
                Terminal::Market => market_value(t, x, rates, ages.it, market_factor, escalation),
                _ if refreshed_at_market => market_value(t, x, rates, ages.it, market_factor, escalation),
                _ => zero,
            };
            let value = end_value(c.terminal, x, inv_book_life, t, market, &ages, it_acc, it_cpu, fac, pf);
            let value = if refreshed_at_market { m.cmp_gt(zero).blend(it_at_market(x, inv_book_life, t, market, ages.it, it_cpu, pf), value) } else { value };
            tv += delta * value;
        }
        let basis = capex_in - tax_dep_sum;
        let t_min = t.t.to_array().into_iter().fold(f64::INFINITY, f64::min) as usize;
        let t_max = lanes_max(t.t) as usize;
        for k in t_min..=t_max {
            let here = s(k as f64).cmp_eq(t.t);
            sc.terminal[t.offset + k] += here.blend(tv, zero);
            sc.taxable[t.offset + k] += here.blend(tv - basis, zero);
        }
    }
}

/// Step 6 (mirror of `model::full_deployment`).
struct FullDeployment {
    tco_usd_per_year: V,
    tco_usd_per_accelerator_hour: V,
    tokens_per_second_per_accelerator: V,
    usd_per_million_tokens: V,
}

fn full_deployment(x: &InputsT<V>, ts: [&Tranche; 3], rates: &Rates) -> FullDeployment {
    let sum = |f: &dyn Fn(&Tranche) -> V| ts.iter().fold(s(0.0), |a, t| a + f(t));
    let n_total = sum(&|t| t.n);
    let it_mw_full = sum(&|t| t.n * t.kw) / 1000.0;
    let it_capex_full = sum(&|t| t.n * t.capex);
    let fac_capex_full = x.facility_capex_usd_per_mw * it_mw_full;
    let energy_mwh_per_year = it_mw_full * x.load_factor * x.pue * x.availability * HOURS_PER_YEAR;
    let tco_usd_per_year = it_capex_full * rates.it_charge
        + fac_capex_full * rates.facility_charge
        + x.opex_fraction_of_capex * (it_capex_full + fac_capex_full)
        + energy_mwh_per_year * x.electricity_usd_per_mwh;
    let tco_usd_per_accelerator_hour = tco_usd_per_year / (n_total * HOURS_PER_YEAR * x.availability);
    let flops_full = sum(&|t| t.n * t.tflops) / n_total;
    let tokens_per_second_per_accelerator = flops_full * 1e12 * x.mfu / (x.active_params_b * 2.0 * 1e9);
    let usd_per_million_tokens = tco_usd_per_accelerator_hour / (tokens_per_second_per_accelerator * 3600.0 / 1e6);
    FullDeployment { tco_usd_per_year, tco_usd_per_accelerator_hour, tokens_per_second_per_accelerator, usd_per_million_tokens }
}

/// Step 7 (mirror of `model::cpu_side`).
fn cpu_tco_usd_per_year(x: &InputsT<V>, rates: &Rates) -> V {
    let it_mw = x.vcpus * rates.kw_per_vcpu / 1000.0;
    let it_capex = x.vcpus * x.capex_usd_per_vcpu;
    let fac_capex = x.facility_capex_usd_per_mw * it_mw;
    let energy_mwh = it_mw * x.load_factor * x.pue * x.availability * HOURS_PER_YEAR;
    it_capex * rates.it_charge + fac_capex * rates.facility_charge + x.opex_fraction_of_capex * (it_capex + fac_capex) + energy_mwh * x.electricity_usd_per_mwh
}

/// Mirror of `model::evaluate` for `LANES` scenarios: writes every output
/// and, when given, the cumulative cash flow for quarters `0..cumulative.len()`.
pub fn evaluate(x: &InputsT<V>, c: &Shared, sc: &mut Scratch, out: &mut OutputsT<V>, cumulative: Option<&mut [V]>) {
    let zero = s(0.0);
    let one = s(1.0);
    let nan = s(f64::NAN);

    // 1: the plan (mirror of `model::Plan::new`).
    let delivery = c.from_delivery;
    let has_cpu = x.vcpus.cmp_gt(zero);
    let has_exp = x.expansion_accelerators.cmp_gt(zero);
    let has_exp2 = x.expansion2_accelerators.cmp_gt(zero);
    let dq = x.delay_months / 3.0;
    let t1 = term_quarters(x.term_years);
    let term2 = term_quarters(x.expansion_term_years);
    let t2 = has_exp.blend(term2, zero);
    // Mirror of `model::expansion2_term_quarters`.
    let t3 = has_exp2.blend((term2 - (c.expansion2_offset - c.expansion_offset) as f64).max(one), zero);
    let ramp1 = s(c.ramp_quarters1);
    let ramp2 = x.expansion_ramp_quarters.max(one);
    let n1 = x.accelerators;
    let n2 = has_exp.blend(x.expansion_accelerators, zero);
    let n3 = has_exp2.blend(x.expansion2_accelerators, zero);
    let value1 = has_cpu.blend(x.value_usd * (one - x.cpu_value_fraction), x.value_usd);
    let cpu_value = has_cpu.blend(x.value_usd * x.cpu_value_fraction, zero);
    // Planned hours per unit (mirror of `Tranche::planned_hours_per_unit`):
    // the whole term at delivery; at signing the scalar sums the ramp's
    // fractions, with whole T and R T(T + 1) / 2R while the ramp lasts,
    // then (R + 1) / 2 + (T − R).
    let planned = |t: V, ramp: V| {
        if delivery {
            return t * HOURS_PER_QUARTER;
        }
        let ramping = t * (t + 1.0) / (ramp * 2.0);
        let full = (ramp + 1.0) * 0.5 + (t - ramp);
        t.cmp_le(ramp).blend(ramping, full) * HOURS_PER_QUARTER
    };
    let (planned1, planned2, planned3) = (planned(t1, ramp1), planned(t2, ramp2), planned(t3, ramp2));
    // The expansion's value shared between its chips (mirror of
    // `model::Plan::new`): as planned hours × the catalogue's capex ratio.
    let (capex2, capex3) = (x.capex_usd_per_accelerator * c.capex_ratio, x.capex_usd_per_accelerator * c.capex_ratio3);
    let (w2, w3) = (n2 * planned2 * c.capex_ratio, n3 * planned3 * c.capex_ratio3);
    let total = w2 + w3;
    let value = x.expansion_value_usd;
    let value2 = has_exp.blend(w2.cmp_eq(total).blend(value, value * (w2 / total)), zero);
    let value3 = has_exp2.blend(w3.cmp_eq(total).blend(value, value * (w3 / total)), zero);
    let span = |t: V, ramp: V| if delivery { t + ramp - 1.0 + dq.ceil() } else { t };
    let first = Tranche {
        k: 0,
        offset: 0,
        t: t1,
        ramp: ramp1,
        inv_ramp: one / ramp1,
        span_max: lanes_max(span(t1, ramp1)) as usize,
        n: n1,
        capex: x.capex_usd_per_accelerator,
        kw: x.it_kw_per_accelerator,
        tflops: c.tflops1,
        per_rack: c.per_rack1,
        price: n1.cmp_gt(zero).blend(value1 / (n1 * planned1), zero),
        vcpus: x.vcpus,
        cpu_price: has_cpu.blend(cpu_value / (x.vcpus * planned1), zero),
        market: x.market_usd_per_accelerator_hour,
    };
    let expansion = Tranche {
        k: 1,
        offset: c.expansion_offset,
        t: t2,
        ramp: ramp2,
        inv_ramp: one / ramp2,
        span_max: if has_exp.any() { lanes_max(has_exp.blend(span(t2, ramp2), zero)) as usize } else { 0 },
        n: n2,
        capex: capex2,
        kw: x.it_kw_per_accelerator * c.kw_ratio,
        tflops: c.tflops2,
        per_rack: c.per_rack2,
        price: has_exp.blend(value2 / (n2 * planned2), zero),
        vcpus: zero,
        cpu_price: zero,
        market: x.market_usd_per_accelerator_hour * c.capex_ratio,
    };
    let expansion2 = Tranche {
        k: 2,
        offset: c.expansion2_offset,
        t: t3,
        ramp: ramp2,
        inv_ramp: one / ramp2,
        span_max: if has_exp2.any() { lanes_max(has_exp2.blend(span(t3, ramp2), zero)) as usize } else { 0 },
        n: n3,
        capex: capex3,
        kw: x.it_kw_per_accelerator * c.kw_ratio3,
        tflops: c.tflops3,
        per_rack: c.per_rack3,
        price: has_exp2.blend(value3 / (n3 * planned3), zero),
        vcpus: zero,
        cpu_price: zero,
        market: x.market_usd_per_accelerator_hour * c.capex_ratio3,
    };
    let horizon = first.span_max.max(if has_exp.any() { expansion.offset + expansion.span_max } else { 0 }).max(if has_exp2.any() {
        expansion2.offset + expansion2.span_max
    } else {
        0
    });

    // 2: the rates.
    let ln_1r = ln_1p(x.wacc);
    let rates = Rates::new(x, ln_1r);

    // 3, 4: the tranches' quarters and end values.
    for v in [
        &mut sc.operating,
        &mut sc.terminal,
        &mut sc.taxable,
        &mut sc.ebit,
        &mut sc.revenue,
        &mut sc.acc_revenue,
        &mut sc.unit_hours,
        &mut sc.acc_online,
        &mut sc.racks,
        &mut sc.acc_it_mw,
        &mut sc.cpu_it_mw,
        &mut sc.total_it_mw,
        &mut sc.pflops,
        &mut sc.acc_mwh,
        &mut sc.all_mwh,
    ] {
        v.clear();
        v.resize(horizon + 1, zero);
    }
    let mut totals = Totals::default();
    for t in [&first, &expansion, &expansion2] {
        if t.k == 0 || (t.k == 1 && has_exp.any()) || (t.k == 2 && has_exp2.any()) {
            tranche(t, x, c, &rates, dq, sc, &mut totals);
        }
    }

    // 5: the cash flows before and after tax, and what they give.
    sc.flows.clear();
    sc.flows.extend(sc.operating.iter().zip(sc.terminal.iter()).map(|(o, t)| *o + *t));
    sc.after_tax.clear();
    sc.after_tax.extend(sc.flows.iter().zip(sc.taxable.iter()).map(|(f, t)| *f - x.tax_rate * *t));
    let [npv, npv_after_tax, pv_revenue, pv_unit_hours, pv_terminal] =
        npvs_mid_quarter([&sc.flows, &sc.after_tax, &sc.acc_revenue, &sc.unit_hours, &sc.terminal], ln_1r);
    let irr = irr_quarterly(&sc.flows);
    // Not summarized by the Monte Carlo: skipped there.
    let irr_after_tax = if c.mc_only { nan } else { irr_quarterly(&sc.after_tax) };
    let payback = payback_years(&sc.operating, &mut sc.cumulative);
    let pv_hours = pv_unit_hours * billed_share(c, x);
    let price = pv_revenue / pv_hours;
    let delivered = pv_hours.cmp_gt(zero);
    let margin = npv / pv_revenue;
    let margin = (delivered & pv_revenue.cmp_gt(zero)).blend(margin, nan);

    // 6, 7: full deployment and the CPU side.
    let full = full_deployment(x, [&first, &expansion, &expansion2], &rates);
    let cpu_tco = cpu_tco_usd_per_year(x, &rates);

    // 8: the book P&L by calendar year: its worst year among those with at
    // least half the best year's revenue.
    let (year_revenue, year_ebit) = (&mut sc.year_revenue, &mut sc.year_ebit);
    year_revenue.clear();
    year_ebit.clear();
    for i in 0..=horizon {
        let y = (c.quarter_of_year + i) / 4;
        if y == year_revenue.len() {
            year_revenue.push(zero);
            year_ebit.push(zero);
        }
        year_revenue[y] += sc.revenue[i];
        year_ebit[y] += sc.ebit[i];
    }
    let best = year_revenue.iter().fold(zero, |m, v| max_ignoring_nan(m, *v));
    let mut worst = s(f64::INFINITY);
    for (r, e) in year_revenue.iter().zip(year_ebit.iter()) {
        let counted = r.cmp_ge(best * WORST_YEAR_MIN_REVENUE_SHARE) & r.cmp_gt(zero);
        worst = counted.blend(worst.min(*e / *r), worst);
    }
    let worst = best.cmp_ge(s(WORST_YEAR_MIN_REVENUE_USD)).blend(worst, nan);

    // 9: the outputs (mirror of the end of `model::evaluate`).
    // The quarters' physical sums (units, racks, MW, PFLOP/s, MWh) are
    // online shares times rates from bounded inputs, never NaN: one
    // `fast_max` per quarter gives `f64::max`'s result.
    let peak = |v: &[V]| v.iter().fold(zero, |m, v| v.fast_max(m));
    let it_mw_peak = peak(&sc.acc_it_mw);
    let total_it_mw_peak = peak(&sc.total_it_mw);
    let energy = peak(&sc.acc_mwh) * 0.004;
    let total_energy = peak(&sc.all_mwh) * 0.004;
    let revenue_total = sc.revenue.iter().fold(zero, |a, v| a + *v);
    let acc_revenue_total = sc.acc_revenue.iter().fold(zero, |a, v| a + *v);
    let cpu_price = cpu_value / (x.vcpus * planned1);
    let cpu_cost = cpu_tco / (x.vcpus * HOURS_PER_YEAR * x.availability);
    *out = OutputsT {
        price_usd_per_accelerator_hour: delivered.blend(price, nan),
        cost_usd_per_accelerator_hour: delivered.blend(price - npv / pv_hours, nan),
        margin,
        npv_usd: npv,
        npv_after_tax_usd: npv_after_tax,
        irr,
        irr_after_tax,
        payback_years: payback,
        terminal_value_usd: pv_terminal,
        terminal_value_share: npv.cmp_gt(zero).blend(pv_terminal / npv, nan),
        book_ebit_margin_worst_year: worst,
        it_mw_peak,
        facility_mw_peak: it_mw_peak * x.pue,
        energy_gwh_per_year: energy,
        co2_kt_per_year: energy * x.grid_kg_co2_per_mwh / 1000.0,
        capex_usd: totals.capex_total,
        usd_per_million_tokens: full.usd_per_million_tokens,
        revenue_usd: revenue_total,
        tco_usd_per_year: full.tco_usd_per_year,
        tco_usd_per_accelerator_hour: full.tco_usd_per_accelerator_hour,
        accelerators_peak: peak(&sc.acc_online),
        racks_peak: peak(&sc.racks),
        pflops_peak: peak(&sc.pflops),
        capex_it_usd: totals.capex_it_acc,
        capex_facility_usd: totals.capex_fac_acc,
        accelerator_hours: totals.acc_hours,
        tokens_per_second_per_accelerator: full.tokens_per_second_per_accelerator,
        usd_per_gw_year: totals.gw_years.cmp_gt(zero).blend(acc_revenue_total / totals.gw_years, nan),
        cpu_it_mw: peak(&sc.cpu_it_mw),
        cpu_capex_usd: totals.capex_cpu,
        cpu_tco_usd_per_year: cpu_tco,
        cpu_price_usd_per_vcpu_hour: has_cpu.blend(cpu_price, nan),
        cpu_cost_usd_per_vcpu_hour: has_cpu.blend(cpu_cost, nan),
        total_it_mw_peak,
        total_facility_mw_peak: total_it_mw_peak * x.pue,
        total_energy_gwh_per_year: total_energy,
        total_co2_kt_per_year: total_energy * x.grid_kg_co2_per_mwh / 1000.0,
    };
    // Anything not finite is undefined (NaN), as in the scalar model: v · 0
    // is ±0 for a finite v and NaN for ±∞ or NaN (`wide`'s `is_finite` works
    // on the bits, in 64-bit integer lanes that SSE2 lacks).
    for o in Output::ALL {
        let v = out.get_mut(o);
        *v = (*v * 0.0).cmp_eq(zero).blend(*v, nan);
    }

    if let Some(cum) = cumulative {
        let mut running = zero;
        for (q, slot) in cum.iter_mut().enumerate() {
            if let Some(f) = sc.flows.get(q) {
                running += *f;
            }
            *slot = running;
        }
    }
}

/// Evaluates a batch `LANES` at a time. The last group is padded with the
/// base scenario, whose outputs are dropped. The inputs that do not vary
/// are set once, not per group, and full groups move in fixed-size arrays
/// (a variable-length slice copy is a call to `memmove` per value).
pub fn evaluate_columns(shared: &Shared, cols: &Columns, batch: &mut Batch) {
    let mut scratch = Scratch::default();
    let mut out = OutputsT::from_fn(|_| s(0.0));
    let quarters = batch.cumulative.as_ref().map(|c| c.len()).unwrap_or(0);
    let mut cum = vec![s(0.0); quarters];
    let mut x = InputsT::<V>::from_fn(|p| s(shared.base.get(p)));
    let mut group = 0;
    while group < cols.len {
        let lanes = (cols.len - group).min(LANES);
        for (p, col) in cols.params.iter().zip(&cols.data) {
            let v = match <[f64; LANES]>::try_from(&col[group..group + lanes]) {
                Ok(full) => full,
                Err(_) => {
                    let mut v = [shared.base.get(*p); LANES];
                    v[..lanes].copy_from_slice(&col[group..group + lanes]);
                    v
                }
            };
            x.set(*p, V::from(v));
        }
        evaluate(&x, shared, &mut scratch, &mut out, batch.cumulative.as_ref().map(|_| &mut cum[..]));
        let put = |dst: &mut [f64], v: V| match <&mut [f64; LANES]>::try_from(&mut dst[group..group + lanes]) {
            Ok(full) => *full = v.to_array(),
            Err(_) => dst[group..group + lanes].copy_from_slice(&v.to_array()[..lanes]),
        };
        for o in Output::ALL {
            put(batch.out.get_mut(o), *out.get(o));
        }
        if let Some(dst) = batch.cumulative.as_mut() {
            for (q, v) in cum.iter().enumerate() {
                put(&mut dst[q], *v);
            }
        }
        group += lanes;
    }
}
