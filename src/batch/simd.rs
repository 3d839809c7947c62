//! The SIMD engine: `model::evaluate` for `LANES` scenarios at once, with
//! the `wide` crate (wasm simd128 in the browser, SSE/AVX natively).
//!
//! It mirrors `src/model.rs` and `src/finance.rs` function by function, so a
//! reader can put them side by side: `ramp_fraction`, `term_quarters`,
//! `crf`, `sff`, `capital_charge`, `book_value`, `npv_quarterly`,
//! `irr_quarterly`, `payback_years` and `evaluate`. Branches become masks
//! (`blend`), loops over a tranche's quarters run to the longest term in the
//! group with the shorter lanes masked. Only the headline outputs and the
//! cumulative cash flow are computed.
//!
//! Tolerance against the scalar model: `wide`'s `pow`, `exp` and `ln` are
//! polynomial approximations (not `libm`), and the energy escalation is a
//! running product instead of a power, so results agree to a relative 1e-9
//! (absolute 1e-9 of the deal's value for NPV-like sums near zero); the IRR
//! to 1e-7 (tested in `tests/engines.rs`).

use wide::{f64x4, CmpEq, CmpGt, CmpLe, CmpLt, CmpNe};

use super::{Batch, Columns, Shared, N_HEADLINE};
use crate::finance::{IRR_GRID, IRR_TOLERANCE};
use crate::model::{HOURS_PER_QUARTER, HOURS_PER_YEAR};
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

/// Mirror of `finance::crf`, given ln(1 + r): one `exp` instead of a `pow`.
#[inline]
pub fn crf(r: V, ln_1r: V, n: V) -> V {
    let growth = (ln_1r * n).exp();
    let general = r * growth / (growth - 1.0);
    r.cmp_eq(s(0.0)).blend(s(1.0) / n, general)
}

/// Mirror of `finance::sff`, given ln(1 + r).
#[inline]
pub fn sff(r: V, ln_1r: V, n: V) -> V {
    let general = r / ((ln_1r * n).exp() - 1.0);
    r.cmp_eq(s(0.0)).blend(s(1.0) / n, general)
}

/// Mirror of `finance::capital_charge`, sharing one `exp` between the CRF and the SFF.
#[inline]
pub fn capital_charge(r: V, ln_1r: V, n: V, residual: V) -> V {
    let growth = (ln_1r * n).exp();
    let crf = r * growth / (growth - 1.0);
    let sff = r / (growth - 1.0);
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
    FACTORS.get_or_init(|| IRR_GRID.map(|r| libm::pow(1.0 + r, -0.25))).map(s)
}

/// Mirror of `finance::irr_quarterly`: NaN where the scalar returns an error.
pub fn irr_quarterly(flows: &[V]) -> V {
    let zero = s(0.0);
    let none = zero.cmp_ne(zero);
    let (mut has_pos, mut has_neg) = (none, none);
    for cf in flows {
        has_pos = has_pos | cf.cmp_gt(zero);
        has_neg = has_neg | cf.cmp_lt(zero);
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
        exact = exact | hit;
        found = found | hit;
        if k + 1 < IRR_GRID.len() {
            let change = !found & (fs[k].cmp_gt(zero) ^ fs[k + 1].cmp_gt(zero));
            lo = change.blend(xs[k + 1], lo);
            hi = change.blend(xs[k], hi);
            f_lo = change.blend(fs[k + 1], f_lo);
            f_hi = change.blend(fs[k], f_hi);
            found = found | change;
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
    let x2 = x * x;
    let rate = s(1.0) / (x2 * x2) - 1.0;
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

/// Scratch space reused across lane groups.
#[derive(Default)]
pub struct Scratch {
    operating: Vec<V>,
    terminal: Vec<V>,
    it_mw: Vec<V>,
    flows: Vec<V>,
}

/// Mirror of `model::evaluate` for `LANES` scenarios: writes the headline
/// outputs (in `HEADLINE` order) and, when given, cumulative cash flow for
/// quarters `0..cumulative.len()`.
pub fn evaluate(x: &InputsT<V>, c: &Shared, scratch: &mut Scratch, out: &mut [V; N_HEADLINE], cumulative: Option<&mut [V]>) {
    let zero = s(0.0);
    let one = s(1.0);
    let dq = x.delay_months / 3.0;
    let r = x.wacc;
    let ln_1r = (r + 1.0).ln();
    let it_charge = capital_charge(r, ln_1r, x.it_life_years, x.residual_fraction);
    let facility_charge = crf(r, ln_1r, x.facility_life_years);
    let usd_per_kw_facility = x.facility_capex_usd_per_mw / 1000.0;
    let mwh_per_it_mw_quarter = x.load_factor * x.pue * HOURS_PER_QUARTER;
    let kw_per_vcpu = x.w_per_vcpu / 1000.0;
    let has_cpu = x.vcpus.cmp_gt(zero);
    let has_exp = x.expansion_accelerators.cmp_gt(zero);

    // The tranches (mirror of `model::Plan::new`).
    let t1 = term_quarters(x.term_years);
    let t2 = has_exp.blend(term_quarters(x.expansion_term_years), zero);
    let ramp1 = s(c.ramp_quarters1);
    let ramp2 = x.expansion_ramp_quarters.max(one);
    let offset2 = c.expansion_offset;
    let n1 = x.accelerators;
    let n2 = has_exp.blend(x.expansion_accelerators, zero);
    let capex1 = x.capex_usd_per_accelerator;
    let capex2 = x.capex_usd_per_accelerator * c.capex_ratio;
    let kw1 = x.it_kw_per_accelerator;
    let kw2 = x.it_kw_per_accelerator * c.kw_ratio;
    let value1 = has_cpu.blend(x.value_usd * (one - x.cpu_value_fraction), x.value_usd);
    let cpu_value = has_cpu.blend(x.value_usd * x.cpu_value_fraction, zero);
    let value2 = has_exp.blend(x.expansion_value_usd, zero);
    let vcpus = x.vcpus;

    let lanes_max = |v: V| v.to_array().into_iter().fold(0.0, f64::max) as usize;
    let (t1_max, t2_max) = (lanes_max(t1), lanes_max(t2));
    let horizon = t1_max.max(if t2_max > 0 { offset2 + t2_max } else { 0 });

    // Planned hours per unit (mirror of `Tranche::planned_hours_per_unit`).
    let (inv_ramp1, inv_ramp2) = (one / ramp1, one / ramp2);
    // The scalar sums the ramp's fractions; with whole T and R that sum is
    // T(T + 1) / 2R while the ramp lasts, then (R + 1) / 2 + (T − R).
    let planned = |t: V, ramp: V| {
        let ramping = t * (t + 1.0) / (ramp * 2.0);
        let full = (ramp + 1.0) * 0.5 + (t - ramp);
        t.cmp_le(ramp).blend(ramping, full) * HOURS_PER_QUARTER
    };
    let planned1 = planned(t1, ramp1);
    let planned2 = planned(t2, ramp2);
    let (inv_it_life, inv_facility_life) = (one / x.it_life_years, one / x.facility_life_years);
    let price1 = value1 / (n1 * planned1);
    let cpu_price = has_cpu.blend(cpu_value / (vcpus * planned1), zero);
    let price2 = has_exp.blend(value2 / (n2 * planned2), zero);
    let planned_acc_hours = n1 * planned1 + has_exp.blend(n2 * planned2, zero);

    let Scratch { operating, terminal, it_mw, flows } = scratch;
    for v in [&mut *operating, &mut *terminal, &mut *it_mw] {
        v.clear();
        v.resize(horizon + 1, zero);
    }

    let mut acc_revenue = zero;
    let mut acc_hours = zero;
    let mut cpu_revenue = zero;
    let mut capex_total = zero;
    // The energy price's escalation, advanced one quarter at a time.
    let ln_escalation = (x.electricity_escalation + 1.0).ln();
    let escalation_step = (ln_escalation * 0.25).exp();
    let hours_per_online = s(HOURS_PER_QUARTER) * x.availability;

    // One tranche's quarters (mirror of the tranche loop in `model::evaluate`).
    // Everything a quarter adds is proportional to the share installed, the
    // share online or the newly installed share, so each tranche's rates
    // are worked out once and the loop only multiplies.
    let mut tranche = |offset: usize, t: V, t_max: usize, inv_ramp: V, n: V, capex: V, kw: V, price: V, vc: V, cpu_price: V| {
        let it_assets = n * capex + vc * x.capex_usd_per_vcpu;
        let fac = usd_per_kw_facility * (n * kw + vc * kw_per_vcpu);
        let all = it_assets + fac;
        let opex_rate = x.opex_fraction_of_capex * all * 0.25;
        let mw_acc_rate = n * kw * 0.001;
        let mw_all_rate = mw_acc_rate + vc * kw_per_vcpu * 0.001;
        let energy_rate = mw_all_rate * mwh_per_it_mw_quarter * x.electricity_usd_per_mwh;
        let acc_revenue_rate = price * n * hours_per_online;
        let cpu_revenue_rate = cpu_price * vc * hours_per_online;
        let revenue_rate = acc_revenue_rate + cpu_revenue_rate;
        let mut installed_prev = zero;
        let mut online_sum = zero;
        let mut tv = zero;
        let mut escalation = if offset == 0 { s(1.0) } else { (ln_escalation * (offset as f64 / 4.0)).exp() };
        let t_min = t.to_array().into_iter().fold(f64::INFINITY, f64::min) as usize;
        for j in 0..t_max {
            let i = offset + j;
            let jv = s(j as f64);
            let mut installed = ramp_fraction(jv, inv_ramp, zero);
            let mut online = ramp_fraction(jv, inv_ramp, dq);
            let mut running = installed;
            if j >= t_min {
                // Past the end of some lanes' terms: those lanes add nothing.
                let active = jv.cmp_lt(t);
                installed = active.blend(installed, installed_prev);
                online = active.blend(online, zero);
                running = active.blend(installed, zero);
            }
            let delta = installed - installed_prev;
            installed_prev = installed;
            online_sum += online;
            it_mw[i] += online * mw_acc_rate;
            let energy_q = online * energy_rate * escalation;
            escalation *= escalation_step;
            operating[i] += online * revenue_rate - delta * all - running * opex_rate - energy_q;
            let age_years = (t - jv) * 0.25;
            tv += delta * (it_assets * book_value(inv_it_life, x.residual_fraction, age_years) + fac * book_value(inv_facility_life, zero, age_years));
        }
        capex_total += all * installed_prev;
        acc_revenue += acc_revenue_rate * online_sum;
        acc_hours += n * hours_per_online * online_sum;
        cpu_revenue += cpu_revenue_rate * online_sum;
        // The tranche's assets land at the end of its term, which varies by lane.
        for k in t_min..=t_max {
            terminal[offset + k] += s(k as f64).cmp_eq(t).blend(tv, zero);
        }
    };
    tranche(0, t1, t1_max, inv_ramp1, n1, capex1, kw1, price1, vcpus, cpu_price);
    if t2_max > 0 {
        tranche(offset2, t2, t2_max, inv_ramp2, n2, capex2, kw2, price2, zero, zero);
    }

    flows.clear();
    flows.extend(operating.iter().zip(terminal.iter()).map(|(o, t)| *o + *t));
    let npv = npv_quarterly(flows, ln_1r);
    let irr = irr_quarterly(flows);
    let payback = payback_years(&operating[..horizon]);
    let it_mw_peak = it_mw.iter().fold(zero, |m, v| m.max(*v));

    // Full deployment (mirror of the end of `model::evaluate`).
    let n_total = n1 + n2;
    let it_mw_full = (n1 * kw1 + n2 * kw2) / 1000.0;
    let it_capex_full = n1 * capex1 + n2 * capex2;
    let fac_capex_full = x.facility_capex_usd_per_mw * it_mw_full;
    let energy_gwh_per_year = it_mw_full * x.load_factor * x.pue * HOURS_PER_YEAR / 1000.0;
    let tco = it_capex_full * it_charge
        + fac_capex_full * facility_charge
        + x.opex_fraction_of_capex * (it_capex_full + fac_capex_full)
        + energy_gwh_per_year * 1000.0 * x.electricity_usd_per_mwh;
    let cost = tco / (n_total * HOURS_PER_YEAR * x.availability);
    let price = acc_hours.cmp_gt(zero).blend(acc_revenue / acc_hours, (value1 + value2) / planned_acc_hours);
    let flops_full = (n1 * c.tflops1 + n2 * c.tflops2) / n_total;
    let tokens = flops_full * 1e12 * x.mfu / (x.active_params_b * 2.0 * 1e9);
    let usd_per_million_tokens = cost / (tokens * 3600.0 / 1e6);

    *out = [
        price,
        cost,
        one - cost / price,
        npv,
        irr,
        payback,
        it_mw_peak,
        it_mw_peak * x.pue,
        energy_gwh_per_year,
        energy_gwh_per_year * x.grid_kg_co2_per_mwh / 1000.0,
        capex_total,
        usd_per_million_tokens,
        acc_revenue + cpu_revenue,
        tco,
    ];

    if let Some(cum) = cumulative {
        let mut running = zero;
        for (q, slot) in cum.iter_mut().enumerate() {
            if let Some(f) = flows.get(q) {
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
    let mut out = [s(0.0); N_HEADLINE];
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
        for (k, o) in out.iter().enumerate() {
            batch.out[k][group..group + lanes].copy_from_slice(&o.to_array()[..lanes]);
        }
        if let Some(dst) = batch.cumulative.as_mut() {
            for (q, v) in cum.iter().enumerate() {
                dst[q][group..group + lanes].copy_from_slice(&v.to_array()[..lanes]);
            }
        }
        group += lanes;
    }
}
