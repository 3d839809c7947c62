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
//! to 1e-7 (tested in `tests/engines.rs`).

use wide::{f64x4, CmpEq, CmpGt, CmpLe, CmpLt, CmpNe};

use super::columns::{Batch, Columns, Shared};
use crate::finance::{IRR_GRID, IRR_TOLERANCE};
use crate::model::{HOURS_PER_QUARTER, HOURS_PER_YEAR};
use crate::outputs::{Output, OutputsT};
use crate::params::InputsT;

pub type V = f64x4;
pub const LANES: usize = 4;

#[inline]
fn s(v: f64) -> V {
    V::splat(v)
}

/// Mirror of `model::ramp_fraction`, taking the reciprocal of the ramp's
/// length (a multiplication is much cheaper than a division in a loop).
#[inline]
pub fn ramp_fraction(j: V, inv_ramp_quarters: V, shift_quarters: V) -> V {
    ((j + 1.0 - shift_quarters) * inv_ramp_quarters).max(s(0.0)).min(s(1.0))
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

/// Mirror of `finance::crf`, given ln(1 + r): r / −((1 + r)^−n − 1).
#[inline]
pub fn crf(r: V, ln_1r: V, n: V) -> V {
    r.cmp_eq(s(0.0)).blend(s(1.0) / n, r / -exp_m1(-(ln_1r * n)))
}

/// Mirror of `finance::sff`, given ln(1 + r): r / ((1 + r)^n − 1).
#[inline]
pub fn sff(r: V, ln_1r: V, n: V) -> V {
    r.cmp_eq(s(0.0)).blend(s(1.0) / n, r / exp_m1(ln_1r * n))
}

/// Mirror of `finance::capital_charge`, sharing one `exp` between the CRF
/// and the SFF: with g = (1 + r)^n − 1, CRF = r(g + 1)/g and SFF = r/g.
#[inline]
pub fn capital_charge(r: V, ln_1r: V, n: V, residual: V) -> V {
    let g = exp_m1(ln_1r * n);
    let sff = r / g;
    let crf = sff * (g + 1.0);
    r.cmp_eq(s(0.0)).blend((s(1.0) - residual) / n, crf - residual * sff)
}

/// Mirror of `finance::book_value`, taking the reciprocal of the life.
#[inline]
pub fn book_value(inv_n: V, residual: V, a: V) -> V {
    residual + (s(1.0) - residual) * (s(1.0) - (a * inv_n).max(s(0.0)).min(s(1.0)))
}

/// Mirror of `finance::npv_quarterly`, given ln(1 + rate).
pub fn npv_quarterly(flows: &[V], ln_1r: V) -> V {
    let v = (ln_1r * -0.25).exp();
    flows.iter().rev().fold(s(0.0), |acc, cf| acc * v + *cf)
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

/// The discount factors of `IRR_GRID`, worked out once.
fn irr_grid_factors() -> [V; IRR_GRID.len()] {
    static FACTORS: std::sync::OnceLock<[f64; IRR_GRID.len()]> = std::sync::OnceLock::new();
    FACTORS.get_or_init(|| IRR_GRID.map(crate::finance::quarterly_discount)).map(s)
}

/// Mirror of `finance::irr_quarterly`: NaN where the scalar returns an error.
pub fn irr_quarterly(flows: &[V]) -> V {
    let zero = s(0.0);
    let none = zero.cmp_ne(zero);
    let (mut has_pos, mut has_neg) = (none, none);
    for cf in flows {
        has_pos |= cf.cmp_gt(zero);
        has_neg |= cf.cmp_lt(zero);
    }
    let defined = has_pos & has_neg;
    let xs = irr_grid_factors();
    // All grid points in one pass: independent Horner chains overlap in the pipeline.
    let mut fs = [zero; IRR_GRID.len()];
    for cf in flows.iter().rev() {
        for (f, x) in fs.iter_mut().zip(&xs) {
            *f = *f * *x + *cf;
        }
    }
    // The first grid point with a zero NPV, or the first interval with a sign change.
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
    let bracketed = found & !exact;
    let lo_positive = f_lo.cmp_gt(zero);
    let mut x = bracketed.blend(lo - f_lo * (hi - lo) / (f_hi - f_lo), s(1.0));
    let mut done = !(defined & bracketed);
    for _ in 0..60 {
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
        let converged = df.cmp_ne(zero) & (newton - x).abs().cmp_le(x.abs().max(s(1.0)) * IRR_TOLERANCE);
        let inside = df.cmp_ne(zero) & newton.cmp_gt(lo) & newton.cmp_lt(hi);
        let next = (converged | inside).blend(newton, (lo + hi) * 0.5);
        x = update.blend(next, x);
        done = done | root | converged;
    }
    // Mirror of `finance::rate_from_discount_factor`: x^−4 − 1 without cancellation near x = 1.
    let rate = exp_m1(ln_1p(x - 1.0) * -4.0);
    let rate = exact.blend(exact_rate, rate);
    (defined & found).blend(rate, s(f64::NAN))
}

/// Mirror of `model::payback_years`: NaN where the scalar returns None.
/// The crossing's quarter, cumulative before it and flow are kept, and the
/// interpolation done once at the end.
pub fn payback_years(operating: &[V]) -> V {
    let zero = s(0.0);
    let none = zero.cmp_ne(zero);
    let mut cumulative = zero;
    let (mut at, mut at_before, mut at_cf) = (zero, zero, s(1.0));
    // `valid`: non-negative now; `recorded`: it got there by crossing from below.
    let (mut valid, mut recorded) = (!none, none);
    for (i, cf) in operating.iter().enumerate() {
        let before = cumulative;
        cumulative += *cf;
        let negative = cumulative.cmp_lt(zero);
        let newly = !negative & !valid;
        at = newly.blend(s(i as f64), at);
        at_before = newly.blend(before, at_before);
        at_cf = newly.blend(*cf, at_cf);
        valid = !negative & (valid | newly);
        recorded = !negative & (recorded | newly);
    }
    let share = at_cf.cmp_gt(zero).blend(-at_before / at_cf, s(1.0)).max(zero).min(s(1.0));
    let crossing = recorded.blend((share + at - 1.0) * 0.25, zero);
    valid.blend(crossing.max(zero), s(f64::NAN))
}

/// Per-quarter sums over the horizon, reused across lane groups (mirror of
/// the model's `Quarterly`, keeping only what the outputs need).
#[derive(Default)]
pub struct Scratch {
    operating: Vec<V>,
    terminal: Vec<V>,
    acc_online: Vec<V>,
    acc_it_mw: Vec<V>,
    total_it_mw: Vec<V>,
    pflops: Vec<V>,
    flows: Vec<V>,
}

/// Mirror of `model::Rates`.
struct Rates {
    it_charge: V,
    facility_charge: V,
    usd_per_kw_facility: V,
    mwh_per_it_mw_quarter: V,
    kw_per_vcpu: V,
}

impl Rates {
    fn new(x: &InputsT<V>, ln_1r: V) -> Rates {
        Rates {
            it_charge: capital_charge(x.wacc, ln_1r, x.it_life_years, x.residual_fraction),
            facility_charge: crf(x.wacc, ln_1r, x.facility_life_years),
            usd_per_kw_facility: x.facility_capex_usd_per_mw / 1000.0,
            mwh_per_it_mw_quarter: x.load_factor * x.pue * HOURS_PER_QUARTER,
            kw_per_vcpu: x.w_per_vcpu / 1000.0,
        }
    }
}

/// Mirror of `model::Tranche`, one lane per scenario.
struct Tranche {
    offset: usize,
    /// Quarters of the term per lane, and the longest and shortest of them.
    t: V,
    t_max: usize,
    t_min: usize,
    inv_ramp: V,
    n: V,
    capex: V,
    kw: V,
    tflops: f64,
    /// Price per accelerator-hour and per vCPU-hour.
    price: V,
    vcpus: V,
    cpu_price: V,
}

/// Mirror of the model's `Totals`.
#[derive(Default)]
struct Totals {
    capex_total: V,
    capex_it_acc: V,
    capex_fac_acc: V,
    capex_cpu: V,
    acc_revenue: V,
    acc_hours: V,
    cpu_revenue: V,
    cpu_hours: V,
    gw_years: V,
}

fn lanes_max(v: V) -> usize {
    v.to_array().into_iter().fold(0.0, f64::max) as usize
}

fn lanes_min(v: V) -> usize {
    v.to_array().into_iter().fold(f64::INFINITY, f64::min) as usize
}

/// Step 3 (mirror of `model::tranche`), with step 4 (`terminal_value`) in
/// the same loop. Everything a quarter adds is proportional to the share
/// installed, the share online or the newly installed share, so the
/// tranche's rates are worked out once and the loop only multiplies.
fn tranche(t: &Tranche, x: &InputsT<V>, rates: &Rates, dq: V, ln_escalation: V, sc: &mut Scratch, totals: &mut Totals) {
    let zero = s(0.0);
    let it_acc = t.n * t.capex;
    let it_cpu = t.vcpus * x.capex_usd_per_vcpu;
    let it_assets = it_acc + it_cpu;
    let fac = rates.usd_per_kw_facility * (t.n * t.kw + t.vcpus * rates.kw_per_vcpu);
    let fac_acc = rates.usd_per_kw_facility * t.n * t.kw;
    let all = it_assets + fac;
    let opex_rate = x.opex_fraction_of_capex * all * 0.25;
    let mw_acc_rate = t.n * t.kw * 0.001;
    let mw_all_rate = mw_acc_rate + t.vcpus * rates.kw_per_vcpu * 0.001;
    let pflops_rate = t.n * (t.tflops / 1000.0);
    let energy_rate = mw_all_rate * rates.mwh_per_it_mw_quarter * x.electricity_usd_per_mwh;
    let hours_per_online = s(HOURS_PER_QUARTER) * x.availability;
    let acc_revenue_rate = t.price * t.n * hours_per_online;
    let cpu_revenue_rate = t.cpu_price * t.vcpus * hours_per_online;
    let revenue_rate = acc_revenue_rate + cpu_revenue_rate;
    let (inv_it_life, inv_facility_life) = (s(1.0) / x.it_life_years, s(1.0) / x.facility_life_years);
    // The energy price's escalation, advanced one quarter at a time.
    let escalation_step = (ln_escalation * 0.25).exp();
    let mut escalation = if t.offset == 0 { s(1.0) } else { (ln_escalation * (t.offset as f64 / 4.0)).exp() };
    let mut installed_prev = zero;
    let mut online_sum = zero;
    let mut tv = zero;
    for j in 0..t.t_max {
        let i = t.offset + j;
        let jv = s(j as f64);
        let mut installed = ramp_fraction(jv, t.inv_ramp, zero);
        let mut online = ramp_fraction(jv, t.inv_ramp, dq);
        let mut running = installed;
        if j >= t.t_min {
            // Past the end of some lanes' terms: those lanes add nothing.
            let active = jv.cmp_lt(t.t);
            installed = active.blend(installed, installed_prev);
            online = active.blend(online, zero);
            running = active.blend(installed, zero);
        }
        let delta = installed - installed_prev;
        installed_prev = installed;
        online_sum += online;
        sc.acc_online[i] += online * t.n;
        sc.acc_it_mw[i] += online * mw_acc_rate;
        sc.total_it_mw[i] += online * mw_all_rate;
        sc.pflops[i] += online * pflops_rate;
        let energy_q = online * energy_rate * escalation;
        escalation *= escalation_step;
        sc.operating[i] += online * revenue_rate - delta * all - running * opex_rate - energy_q;
        // Step 4: the cohort installed now, at its book value when the term ends.
        let age_years = (t.t - jv) * 0.25;
        tv += delta * (it_assets * book_value(inv_it_life, x.residual_fraction, age_years) + fac * book_value(inv_facility_life, zero, age_years));
    }
    totals.capex_total += all * installed_prev;
    totals.capex_it_acc += it_acc * installed_prev;
    totals.capex_fac_acc += fac_acc * installed_prev;
    totals.capex_cpu += (it_cpu + (fac - fac_acc)) * installed_prev;
    totals.acc_revenue += acc_revenue_rate * online_sum;
    totals.acc_hours += t.n * hours_per_online * online_sum;
    totals.cpu_revenue += cpu_revenue_rate * online_sum;
    totals.cpu_hours += t.vcpus * hours_per_online * online_sum;
    totals.gw_years += mw_acc_rate * online_sum * 0.00025;
    // The tranche's assets land at the end of its term, which varies by lane.
    for k in t.t_min..=t.t_max {
        sc.terminal[t.offset + k] += s(k as f64).cmp_eq(t.t).blend(tv, zero);
    }
}

/// Step 6 (mirror of `model::full_deployment`).
struct FullDeployment {
    energy_gwh_per_year: V,
    tco_usd_per_year: V,
    cost_usd_per_accelerator_hour: V,
    tokens_per_second_per_accelerator: V,
    usd_per_million_tokens: V,
}

fn full_deployment(x: &InputsT<V>, t1: &Tranche, t2: &Tranche, rates: &Rates) -> FullDeployment {
    let n_total = t1.n + t2.n;
    let it_mw_full = (t1.n * t1.kw + t2.n * t2.kw) / 1000.0;
    let it_capex_full = t1.n * t1.capex + t2.n * t2.capex;
    let fac_capex_full = x.facility_capex_usd_per_mw * it_mw_full;
    let energy_gwh_per_year = it_mw_full * x.load_factor * x.pue * HOURS_PER_YEAR / 1000.0;
    let tco_usd_per_year = it_capex_full * rates.it_charge
        + fac_capex_full * rates.facility_charge
        + x.opex_fraction_of_capex * (it_capex_full + fac_capex_full)
        + energy_gwh_per_year * 1000.0 * x.electricity_usd_per_mwh;
    let cost_usd_per_accelerator_hour = tco_usd_per_year / (n_total * HOURS_PER_YEAR * x.availability);
    let flops_full = (t1.n * t1.tflops + t2.n * t2.tflops) / n_total;
    let tokens_per_second_per_accelerator = flops_full * 1e12 * x.mfu / (x.active_params_b * 2.0 * 1e9);
    let usd_per_million_tokens = cost_usd_per_accelerator_hour / (tokens_per_second_per_accelerator * 3600.0 / 1e6);
    FullDeployment { energy_gwh_per_year, tco_usd_per_year, cost_usd_per_accelerator_hour, tokens_per_second_per_accelerator, usd_per_million_tokens }
}

/// Step 7 (mirror of `model::cpu_side`).
struct CpuSide {
    it_mw: V,
    energy_gwh: V,
    tco_usd_per_year: V,
}

fn cpu_side(x: &InputsT<V>, rates: &Rates) -> CpuSide {
    let it_mw = x.vcpus * rates.kw_per_vcpu / 1000.0;
    let it_capex = x.vcpus * x.capex_usd_per_vcpu;
    let fac_capex = x.facility_capex_usd_per_mw * it_mw;
    let energy_gwh = it_mw * x.load_factor * x.pue * HOURS_PER_YEAR / 1000.0;
    let tco_usd_per_year = it_capex * rates.it_charge
        + fac_capex * rates.facility_charge
        + x.opex_fraction_of_capex * (it_capex + fac_capex)
        + energy_gwh * 1000.0 * x.electricity_usd_per_mwh;
    CpuSide { it_mw, energy_gwh, tco_usd_per_year }
}

/// Mirror of `model::evaluate` for `LANES` scenarios: writes every output
/// and, when given, the cumulative cash flow for quarters `0..cumulative.len()`.
pub fn evaluate(x: &InputsT<V>, c: &Shared, sc: &mut Scratch, out: &mut OutputsT<V>, cumulative: Option<&mut [V]>) {
    let zero = s(0.0);
    let one = s(1.0);
    let nan = s(f64::NAN);

    // 1: the plan (mirror of `model::Plan::new`).
    let has_cpu = x.vcpus.cmp_gt(zero);
    let has_exp = x.expansion_accelerators.cmp_gt(zero);
    let t1 = term_quarters(x.term_years);
    let t2 = has_exp.blend(term_quarters(x.expansion_term_years), zero);
    let ramp1 = s(c.ramp_quarters1);
    let ramp2 = x.expansion_ramp_quarters.max(one);
    let n1 = x.accelerators;
    let n2 = has_exp.blend(x.expansion_accelerators, zero);
    let value1 = has_cpu.blend(x.value_usd * (one - x.cpu_value_fraction), x.value_usd);
    let cpu_value = has_cpu.blend(x.value_usd * x.cpu_value_fraction, zero);
    let value2 = has_exp.blend(x.expansion_value_usd, zero);
    // Planned hours per unit (mirror of `Tranche::planned_hours_per_unit`):
    // the scalar sums the ramp's fractions; with whole T and R that sum is
    // T(T + 1) / 2R while the ramp lasts, then (R + 1) / 2 + (T − R).
    let planned = |t: V, ramp: V| {
        let ramping = t * (t + 1.0) / (ramp * 2.0);
        let full = (ramp + 1.0) * 0.5 + (t - ramp);
        t.cmp_le(ramp).blend(ramping, full) * HOURS_PER_QUARTER
    };
    let (planned1, planned2) = (planned(t1, ramp1), planned(t2, ramp2));
    let planned_acc_hours = n1 * planned1 + has_exp.blend(n2 * planned2, zero);
    let first = Tranche {
        offset: 0,
        t: t1,
        t_max: lanes_max(t1),
        t_min: lanes_min(t1),
        inv_ramp: one / ramp1,
        n: n1,
        capex: x.capex_usd_per_accelerator,
        kw: x.it_kw_per_accelerator,
        tflops: c.tflops1,
        price: value1 / (n1 * planned1),
        vcpus: x.vcpus,
        cpu_price: has_cpu.blend(cpu_value / (x.vcpus * planned1), zero),
    };
    let expansion = Tranche {
        offset: c.expansion_offset,
        t: t2,
        t_max: lanes_max(t2),
        t_min: lanes_min(t2),
        inv_ramp: one / ramp2,
        n: n2,
        capex: x.capex_usd_per_accelerator * c.capex_ratio,
        kw: x.it_kw_per_accelerator * c.kw_ratio,
        tflops: c.tflops2,
        price: has_exp.blend(value2 / (n2 * planned2), zero),
        vcpus: zero,
        cpu_price: zero,
    };
    let horizon = first.t_max.max(if expansion.t_max > 0 { expansion.offset + expansion.t_max } else { 0 });

    // 2: the rates.
    let ln_1r = ln_1p(x.wacc);
    let rates = Rates::new(x, ln_1r);

    // 3, 4: the tranches' quarters and terminal values.
    for v in [&mut sc.operating, &mut sc.terminal, &mut sc.acc_online, &mut sc.acc_it_mw, &mut sc.total_it_mw, &mut sc.pflops] {
        v.clear();
        v.resize(horizon + 1, zero);
    }
    let mut totals = Totals::default();
    let dq = x.delay_months / 3.0;
    let ln_escalation = ln_1p(x.electricity_escalation);
    tranche(&first, x, &rates, dq, ln_escalation, sc, &mut totals);
    if expansion.t_max > 0 {
        tranche(&expansion, x, &rates, dq, ln_escalation, sc, &mut totals);
    }

    // 5: the cash flows and what they give.
    sc.flows.clear();
    sc.flows.extend(sc.operating.iter().zip(sc.terminal.iter()).map(|(o, t)| *o + *t));
    let npv = npv_quarterly(&sc.flows, ln_1r);
    let irr = irr_quarterly(&sc.flows);
    let payback = payback_years(&sc.operating[..horizon]);

    // 6, 7: full deployment and the CPU side.
    let full = full_deployment(x, &first, &expansion, &rates);
    let cpu = cpu_side(x, &rates);

    // 8: the outputs (mirror of the end of `model::evaluate`).
    let peak = |v: &[V]| v.iter().fold(zero, |m, v| m.max(*v));
    let it_mw_peak = peak(&sc.acc_it_mw);
    let total_it_mw_peak = peak(&sc.total_it_mw);
    let accelerators_peak = peak(&sc.acc_online);
    let price = totals.acc_hours.cmp_gt(zero).blend(totals.acc_revenue / totals.acc_hours, (value1 + value2) / planned_acc_hours);
    let cpu_price = totals.cpu_hours.cmp_gt(zero).blend(totals.cpu_revenue / totals.cpu_hours, cpu_value / (x.vcpus * planned1));
    let cpu_cost = cpu.tco_usd_per_year / (x.vcpus * HOURS_PER_YEAR * x.availability);
    let total_energy = full.energy_gwh_per_year + cpu.energy_gwh;
    *out = OutputsT {
        price_usd_per_accelerator_hour: price,
        cost_usd_per_accelerator_hour: full.cost_usd_per_accelerator_hour,
        margin: {
            let m = one - full.cost_usd_per_accelerator_hour / price;
            (price.cmp_gt(zero) & m.abs().cmp_lt(s(f64::INFINITY))).blend(m, nan)
        },
        npv_usd: npv,
        irr,
        payback_years: payback,
        it_mw_peak,
        facility_mw_peak: it_mw_peak * x.pue,
        energy_gwh_per_year: full.energy_gwh_per_year,
        co2_kt_per_year: full.energy_gwh_per_year * x.grid_kg_co2_per_mwh / 1000.0,
        capex_usd: totals.capex_total,
        usd_per_million_tokens: full.usd_per_million_tokens,
        revenue_usd: totals.acc_revenue + totals.cpu_revenue,
        tco_usd_per_year: full.tco_usd_per_year,
        accelerators_peak,
        racks_peak: accelerators_peak / c.per_rack1,
        pflops_peak: peak(&sc.pflops),
        capex_it_usd: totals.capex_it_acc,
        capex_facility_usd: totals.capex_fac_acc,
        accelerator_hours: totals.acc_hours,
        tokens_per_second_per_accelerator: full.tokens_per_second_per_accelerator,
        usd_per_gw_year: totals.gw_years.cmp_gt(zero).blend(totals.acc_revenue / totals.gw_years, nan),
        cpu_it_mw: cpu.it_mw,
        cpu_capex_usd: totals.capex_cpu,
        cpu_tco_usd_per_year: cpu.tco_usd_per_year,
        cpu_price_usd_per_vcpu_hour: has_cpu.blend(cpu_price, nan),
        cpu_cost_usd_per_vcpu_hour: has_cpu.blend(cpu_cost, nan),
        total_it_mw_peak,
        total_facility_mw_peak: total_it_mw_peak * x.pue,
        total_energy_gwh_per_year: total_energy,
        total_co2_kt_per_year: total_energy * x.grid_kg_co2_per_mwh / 1000.0,
    };

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
/// base scenario, whose outputs are dropped.
pub fn evaluate_columns(shared: &Shared, cols: &Columns, batch: &mut Batch) {
    let mut scratch = Scratch::default();
    let mut out = OutputsT::from_fn(|_| s(0.0));
    let quarters = batch.cumulative.as_ref().map(|c| c.len()).unwrap_or(0);
    let mut cum = vec![s(0.0); quarters];
    let base = InputsT::<V>::from_fn(|p| s(shared.base.get(p)));
    let mut group = 0;
    while group < cols.len {
        let lanes = (cols.len - group).min(LANES);
        let mut x = base;
        for (p, col) in cols.params.iter().zip(&cols.data) {
            let mut v = [shared.base.get(*p); LANES];
            v[..lanes].copy_from_slice(&col[group..group + lanes]);
            x.set(*p, V::from(v));
        }
        evaluate(&x, shared, &mut scratch, &mut out, batch.cumulative.as_ref().map(|_| &mut cum[..]));
        for o in Output::ALL {
            batch.out.get_mut(o)[group..group + lanes].copy_from_slice(&out.get(o).to_array()[..lanes]);
        }
        if let Some(dst) = batch.cumulative.as_mut() {
            for (q, v) in cum.iter().enumerate() {
                dst[q][group..group + lanes].copy_from_slice(&v.to_array()[..lanes]);
            }
        }
        group += lanes;
    }
}
