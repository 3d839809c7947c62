//! Property tests over the whole allowed input domain.
#![cfg(not(target_arch = "wasm32"))]

use computedeal_core::codec::{decode_query, encode_query};
use computedeal_core::finance::{npv_quarterly, sign_changes};
use computedeal_core::model::{evaluate, Outcome, Plan, Undefined};
use computedeal_core::outputs::{Output, OUTPUTS};
use computedeal_core::params::{Inputs, P};
use computedeal_core::presets::PRESETS;
use computedeal_core::scenario::Scenario;
use proptest::prelude::*;

mod common;
use common::{deal, inputs};

fn all_finite(o: &Outcome) -> Result<(), String> {
    for def in OUTPUTS {
        let v = *o.out.get(def.output);
        if v.is_nan() {
            if !o.notes.contains_key(&def.output) {
                return Err(format!("{} is null without a reason", def.key));
            }
        } else if !v.is_finite() {
            return Err(format!("{} = {v}", def.key));
        }
    }
    for q in &o.quarters {
        for v in [q.accelerators_online, q.it_mw, q.capex_usd, q.energy_usd, q.revenue_usd, q.cash_flow_usd, q.cumulative_cash_flow_usd] {
            if !v.is_finite() {
                return Err(format!("quarter {} has {v}", q.quarter));
            }
        }
    }
    Ok(())
}

fn flows(o: &Outcome) -> Vec<f64> {
    o.quarters.iter().map(|q| q.cash_flow_usd).collect()
}

/// The rounding allowed when two NPVs are compared: a relative 1e-9 of the
/// NPV, and 1e-9 of the deal's value where the NPV is near zero (a sum of
/// flows of the deal's size cancels there: a proptest case had NPVs of
/// +5.6e-9 and −3.7e-9 dollars on a $100M deal, both zero to rounding).
fn npv_rounding(x: &Inputs, npv: f64) -> f64 {
    1e-9 * npv.abs().max(x.value_usd + x.expansion_value_usd)
}

proptest! {
    // Some properties hold only for part of the domain (prop_assume!), so allow many rejects.
    #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 50_000, ..ProptestConfig::default() })]

    #[test]
    fn no_output_is_nan_or_infinite(x in inputs()) {
        let o = evaluate(&x);
        prop_assert_eq!(all_finite(&o), Ok(()));
    }

    #[test]
    fn more_accelerators_need_more_power_and_capex(x in deal(), factor in 1.01..3.0f64) {
        let mut more = x;
        more.accelerators = (x.accelerators * factor).round().min(P::accelerators.param().max);
        prop_assume!(more.accelerators > x.accelerators);
        let (a, b) = (evaluate(&x), evaluate(&more));
        prop_assert!(b.out.it_mw_peak >= a.out.it_mw_peak);
        prop_assert!(b.out.facility_mw_peak >= a.out.facility_mw_peak);
        prop_assert!(b.out.energy_gwh_per_year >= a.out.energy_gwh_per_year);
        // Energy counts what is online at the peak: more of it whenever the
        // first tranche is all there is and draws a normal amount.
        prop_assert!(x.expansion_accelerators > 0.0 || x.expansion2_accelerators > 0.0 || a.out.energy_gwh_per_year < 1e-200 || b.out.energy_gwh_per_year > a.out.energy_gwh_per_year);
        prop_assert!(b.out.capex_usd >= a.out.capex_usd);
        // Strictly more wherever the added accelerators' capex shows in the sum.
        let added = (more.accelerators - x.accelerators) * x.capex_usd_per_accelerator;
        prop_assert!(added <= 1e-12 * a.out.capex_usd || added < 1e-290 || b.out.capex_usd > a.out.capex_usd);
    }

    /// The margin is NPV / PV(accelerator revenue), and 1 − cost / price:
    /// it has the NPV's sign in every scenario, and price − cost does too.
    #[test]
    fn margin_and_npv_have_the_same_sign(x in inputs()) {
        let o = evaluate(&x);
        if let (Some(m), Some(price), Some(cost)) = (o.get(Output::margin), o.get(Output::price_usd_per_accelerator_hour), o.get(Output::cost_usd_per_accelerator_hour)) {
            let npv = o.out.npv_usd;
            prop_assert_eq!(m > 0.0, npv > 0.0, "margin {} NPV {}", m, npv);
            prop_assert_eq!(m < 0.0, npv < 0.0, "margin {} NPV {}", m, npv);
            // price − cost = NPV / PV(hours): the same sign, to rounding.
            let tol = 1e-9 * price.abs().max(cost.abs());
            prop_assert!(npv <= 0.0 || price - cost > -tol, "price {} cost {} NPV {}", price, cost, npv);
            prop_assert!(npv >= 0.0 || price - cost < tol, "price {} cost {} NPV {}", price, cost, npv);
            // And 1 − cost / price is the margin.
            prop_assert!((1.0 - cost / price - m).abs() <= 1e-9 * m.abs().max(1.0) * (1.0 + cost.abs() / price.abs()), "{} vs {}", 1.0 - cost / price, m);
        }
    }

    #[test]
    fn dearer_electricity_lowers_the_npv(x in deal(), extra in 1.0..100.0f64) {
        let mut dear = x;
        dear.electricity_usd_per_mwh = (x.electricity_usd_per_mwh + extra).min(P::electricity_usd_per_mwh.param().max);
        let (a, b) = (evaluate(&x), evaluate(&dear));
        prop_assert!(b.out.npv_usd <= a.out.npv_usd, "{} > {}", b.out.npv_usd, a.out.npv_usd);
    }

    /// The market reaches the deal through two channels (docs/MODEL.md): the
    /// end value of what still earns more than it costs to run, and the
    /// buyer's shortfall, which grows with the contract's premium over the
    /// market and re-lets hours at the market. A dearer market rent raises
    /// both, so it never lowers the NPV; nor does a slower decline where no
    /// refresh buys hardware at the market's falling price. (Up to rounding.)
    #[test]
    fn a_dearer_market_never_lowers_the_npv(x in deal(), factor in 1.01..3.0f64, slower in 0.01..0.5f64) {
        let mut dear = x;
        dear.market_usd_per_accelerator_hour = (x.market_usd_per_accelerator_hour * factor).min(P::market_usd_per_accelerator_hour.param().max);
        let (a, b) = (evaluate(&x), evaluate(&dear));
        prop_assert!(b.out.npv_usd >= a.out.npv_usd - npv_rounding(&x, a.out.npv_usd), "{} < {}", b.out.npv_usd, a.out.npv_usd);
        prop_assume!(!x.refreshes());
        let mut flatter = x;
        flatter.market_decline = (x.market_decline - slower).max(P::market_decline.param().min);
        let c = evaluate(&flatter);
        prop_assert!(c.out.npv_usd >= a.out.npv_usd - npv_rounding(&x, a.out.npv_usd), "{} < {}", c.out.npv_usd, a.out.npv_usd);
    }

    /// Dearer hardware costs more than the book or market value it adds at
    /// the end (at most its cost, later). (Up to rounding: `npv_rounding`.)
    #[test]
    fn dearer_capex_lowers_the_npv(x in deal(), factor in 1.01..2.0f64) {
        let mut dear = x;
        dear.capex_usd_per_accelerator = (x.capex_usd_per_accelerator * factor).min(P::capex_usd_per_accelerator.param().max);
        let (a, b) = (evaluate(&x), evaluate(&dear));
        prop_assert!(b.out.npv_usd <= a.out.npv_usd + npv_rounding(&x, a.out.npv_usd), "{} > {}", b.out.npv_usd, a.out.npv_usd);
    }

    /// The buyer's shortfall swaps the contract's price for the market's on
    /// the hours it stops paying for: the NPV falls wherever the market pays
    /// no more than the contract (a market rent that never exceeds the
    /// contract's price and does not rise).
    #[test]
    fn a_larger_shortfall_lowers_the_npv(x in deal(), extra in 0.01..1.0f64) {
        let mut short = x;
        short.shortfall_share = (x.shortfall_share + extra).min(1.0);
        let plan = Plan::new(&x);
        let market_below_contract = x.market_decline >= 0.0 && plan.tranches.iter().all(|t| {
            let price = if t.accelerators > 0.0 { t.value_usd / (t.accelerators * t.planned_hours_per_unit(x.from_delivery())) } else { 0.0 };
            t.market_usd_per_hour <= price
        });
        prop_assume!(market_below_contract);
        let (a, b) = (evaluate(&x), evaluate(&short));
        prop_assert!(b.out.npv_usd <= a.out.npv_usd + npv_rounding(&x, a.out.npv_usd), "{} > {}", b.out.npv_usd, a.out.npv_usd);
    }

    /// With no tax, after tax is before tax, exactly.
    #[test]
    fn after_tax_is_pre_tax_at_a_zero_rate(x in inputs()) {
        let mut x = x;
        x.tax_rate = 0.0;
        let o = evaluate(&x);
        prop_assert_eq!(o.out.npv_after_tax_usd, o.out.npv_usd);
        prop_assert_eq!(o.get(Output::irr_after_tax), o.get(Output::irr));
    }

    /// With no end value, no refresh (what a refresh buys leaves at the
    /// market even then) and no shortfall, the levelized cost is every
    /// outflow less the CPU side's revenue, over the hours billed, both
    /// discounted to the middle of each quarter; summed here by hand from
    /// the quarterly rows.
    #[test]
    fn the_levelized_cost_is_the_plain_pv_ratio(x in deal()) {
        let mut x = x;
        x.terminal = P::terminal.param().parse("none").unwrap_or(2.0);
        x.refresh = P::refresh.param().parse("run_on").unwrap_or(0.0);
        x.shortfall_share = 0.0;
        let o = evaluate(&x);
        let Some(cost) = o.get(Output::cost_usd_per_accelerator_hour) else { return Ok(()) };
        let v = (1.0 + x.wacc).powf(-0.25);
        let cpu_price = o.get(Output::cpu_price_usd_per_vcpu_hour).unwrap_or(0.0);
        let (mut costs, mut hours, mut scale) = (0.0, 0.0, 0.0);
        for (i, q) in o.quarters.iter().enumerate() {
            let d = v.powf(i as f64 + 0.5);
            // The CPU side is billed as the contract is (all hours online under take-or-pay).
            let cpu_revenue = q.vcpus_online * 2190.0 * x.billed_share() * cpu_price;
            costs += (q.capex_usd + q.opex_usd + q.energy_usd - cpu_revenue) * d;
            scale += (q.capex_usd + q.opex_usd + q.energy_usd + cpu_revenue) * d;
            // Per hour billed: every hour online under take-or-pay.
            hours += q.accelerators_online * 2190.0 * x.billed_share() * d;
        }
        prop_assume!(hours > 1e-300);
        let want = costs / hours;
        let price = o.get(Output::price_usd_per_accelerator_hour).unwrap_or(0.0);
        prop_assert!((cost - want).abs() <= 1e-9 * (scale / hours).max(cost.abs()).max(price.abs()), "{} vs {}", cost, want);
    }

    /// A higher WACC lowers the NPV of conventional cash flows (outflows,
    /// then inflows) wherever the NPV is not negative: below the IRR, the
    /// NPV falls as the rate rises. Beyond the IRR discounting shrinks the
    /// later outflows too, so no ordering holds there. The end value is
    /// taken at book (or none): at the market it is itself a present value
    /// at the WACC, which a negative tail of earnings can raise.
    #[test]
    fn a_higher_wacc_lowers_the_npv(x in deal(), step in 0.001..0.1f64, terminal in 1..3usize) {
        let mut x = x;
        x.terminal = terminal as f64;
        let mut high = x;
        high.wacc = (x.wacc + step).min(P::wacc.param().max);
        // A step of a few ulps (at the range's top edge) moves the NPV by less than its rounding.
        prop_assume!(high.wacc - x.wacc >= 1e-6);
        let (a, b) = (evaluate(&x), evaluate(&high));
        let cf = flows(&a);
        let sign_changes = cf.iter().filter(|c| **c != 0.0).collect::<Vec<_>>().windows(2).filter(|w| (*w[0] < 0.0) != (*w[1] < 0.0)).count();
        prop_assume!(sign_changes == 1 && cf.iter().find(|c| **c != 0.0).is_some_and(|c| *c < 0.0));
        prop_assume!(b.out.npv_usd >= 0.0);
        prop_assert!(b.out.npv_usd < a.out.npv_usd, "{} >= {}", b.out.npv_usd, a.out.npv_usd);
    }

    /// A delay loses revenue (term at signing) or defers it (term from
    /// delivery), and saves or defers energy; hardware is paid for on
    /// schedule either way. So the NPV falls wherever an hour earns more
    /// than its energy, energy does not get cheaper over time, and the
    /// market (for the end value and re-let hours) pays no more than the
    /// contract; the end value is taken as none or at the market (hardware
    /// ages by the calendar there; at book value, a delay defers its
    /// depreciation and can raise it by more than the revenue lost).
    #[test]
    fn a_longer_delay_lowers_the_npv(x in deal(), extra in 1.0..24.0f64, terminal in prop_oneof![Just(0.0), Just(2.0)], short in any::<bool>()) {
        let mut x = x;
        x.terminal = terminal;
        // Energy not getting cheaper, the market not rising; a shortfall half the time.
        x.electricity_escalation = x.electricity_escalation.abs();
        x.market_decline = x.market_decline.abs();
        if !short {
            x.shortfall_share = 0.0;
        }
        let mut late = x;
        late.delay_months = (x.delay_months + extra).min(P::delay_months.param().max);
        let a = evaluate(&x);
        let b = evaluate(&late);
        // Every online hour of every tranche must earn more than its energy
        // costs at the highest (escalated) price of the deal.
        let years = b.quarters.len() as f64 / 4.0;
        let top_price = x.electricity_usd_per_mwh * (1.0 + x.electricity_escalation).powf(years);
        let energy_per_kw_hour = x.load_factor * x.pue * top_price / 1000.0;
        let plan = Plan::new(&x);
        let earns_more_than_energy = plan.tranches.iter().all(|t| {
            let hours = t.planned_hours_per_unit(x.from_delivery());
            let price = t.value_usd / (t.accelerators * hours);
            let cpu_price = if t.vcpus > 0.0 { t.cpu_value_usd / (t.vcpus * hours) } else { f64::INFINITY };
            // With a shortfall some hours earn the market's rent (lowest at the
            // end), and a delay moves hours past its start: that rent must not
            // be the better one.
            let market_low = t.market_usd_per_hour * (1.0 - x.market_decline).powf(years);
            let earns = if x.shortfall_share > 0.0 { price.min(market_low) } else { price };
            earns * x.availability > t.it_kw * energy_per_kw_hour
                && cpu_price * x.availability > x.w_per_vcpu / 1000.0 * energy_per_kw_hour
                && (x.shortfall_share == 0.0 || t.market_usd_per_hour <= price)
        });
        prop_assume!(earns_more_than_energy);
        let tol = 1e-6 * a.out.npv_usd.abs() + 1e-9 * (x.value_usd + x.expansion_value_usd);
        prop_assert!(b.out.npv_usd <= a.out.npv_usd + tol, "{} > {}", b.out.npv_usd, a.out.npv_usd);
    }

    #[test]
    fn the_npv_at_the_irr_is_zero(x in deal()) {
        let o = evaluate(&x);
        if let Some(irr) = o.get(Output::irr) {
            let cf = flows(&o);
            // Relative to the size of the discounted flows (huge at rates near −100%).
            let abs: Vec<f64> = cf.iter().map(|c| c.abs()).collect();
            let scale = npv_quarterly(&abs, irr);
            prop_assert!(npv_quarterly(&cf, irr).abs() <= 1e-8 * scale, "NPV at {irr} is {} of {scale}", npv_quarterly(&cf, irr));
        } else {
            prop_assert!(o.notes.contains_key(&Output::irr));
        }
    }

    /// An IRR, when given, is a root: the NPV at it is zero to within a
    /// millionth of the deal's size (valued at the start, or at the end
    /// below 0%). Where the flows change sign once it is
    /// the only root (Descartes), so it sits on the side of the cost of
    /// capital the NPV there says: with outflows first, IRR > WACC ⇔ NPV > 0
    /// (the other way round when inflows come first), but for an NPV within
    /// rounding of zero or an IRR within 1e-9 of the WACC. And several
    /// roots are said only of flows that change sign more than once.
    #[test]
    fn an_irr_is_a_root_on_the_npvs_side_of_the_wacc(x in deal()) {
        let o = evaluate(&x);
        let size = x.value_usd + x.expansion_value_usd;
        for (output, npv, after_tax) in [(Output::irr, o.out.npv_usd, false), (Output::irr_after_tax, o.out.npv_after_tax_usd, true)] {
            let cf: Vec<f64> = o.quarters.iter().map(|q| if after_tax { q.cash_flow_after_tax_usd } else { q.cash_flow_usd }).collect();
            let changes = sign_changes(&cf);
            let Some(irr) = o.get(output) else {
                let why = o.notes.get(&output);
                prop_assert!(why.is_some(), "{:?} is null without a reason", output);
                prop_assert!(why != Some(&Undefined::IrrMultipleRoots) || changes > 1, "{:?}: several roots with {} sign changes", output, changes);
                continue;
            };
            // A root of the NPV valued at the start is a root of it valued at
            // any date. Valued at the start, a negative rate multiplies the last
            // flows by up to 100^years (10^18 at −90% over 18 years): so below
            // 0% the flows are valued at the deal's end instead, where no flow
            // weighs more than its own size (the reversed flows at the rate
            // whose discount factor is the inverse, 1/(1 + r) − 1).
            let at_irr = if irr >= 0.0 {
                npv_quarterly(&cf, irr)
            } else {
                let reversed: Vec<f64> = cf.iter().rev().copied().collect();
                npv_quarterly(&reversed, 1.0 / (1.0 + irr) - 1.0)
            };
            prop_assert!(at_irr.abs() <= 1e-6 * size, "{:?} {}: NPV there {} on a deal of {}", output, irr, at_irr, size);
            if changes == 1 {
                // +1 when the outflows come first (lending), −1 when the inflows do (borrowing).
                let lender = if cf.iter().find(|c| **c != 0.0).is_some_and(|c| *c < 0.0) { 1.0 } else { -1.0 };
                let s = lender * npv;
                // Either side of equality to rounding, both sides are allowed.
                if s.abs() > npv_rounding(&x, npv) && (irr - x.wacc).abs() > 1e-9 {
                    prop_assert_eq!(irr > x.wacc, s > 0.0, "{:?} {} at a WACC of {}, NPV {}", output, irr, x.wacc, npv);
                }
            }
        }
    }

    #[test]
    fn query_round_trips(x in inputs(), preset in 0..PRESETS.len()) {
        let mut s = Scenario::from_preset(&PRESETS[preset]);
        for p in P::ALL {
            s.set_value(*p, x.get(*p));
        }
        let q = encode_query(&s);
        prop_assert_eq!(decode_query(&q).scenario, s, "{}", q);
    }

    #[test]
    fn queries_with_distributions_and_correlations_round_trip(lo in 1.0..1.5f64, width in 0.01..0.9f64, mode in 0.0..1.0f64, shape in 0..5usize, rho in -0.95..0.95f64) {
        use computedeal_core::dist::{Dist, Shape};
        let hi = lo + width;
        let m = lo + mode * width;
        let shape = match shape {
            0 => Shape::Uniform { lo, hi },
            1 => Shape::Triangular { lo, mode: m, hi },
            2 => Shape::Pert { lo, mode: m, hi },
            3 => Shape::Normal { mean: m, sd: width / 4.0 },
            _ => Shape::LogNormal { p5: lo, p95: hi },
        };
        let mut s = Scenario::default();
        s.set_dist(P::pue, Dist::new(P::pue.param(), shape));
        s.set_corr(P::pue, P::electricity_usd_per_mwh, (rho * 1000.0).round() / 1000.0);
        let q = encode_query(&s);
        let d = decode_query(&q);
        prop_assert_eq!(&d.scenario, &s, "{}", q);
        // Only the correlations' own notices, and notes on unusual values.
        prop_assert!(d.notices.iter().all(|w| w.key == "corr" || w.severity == computedeal_core::notice::Severity::Noted), "{:?}", d.notices);
    }

    #[test]
    fn decoding_any_text_never_panics(text in ".{0,300}") {
        let d = decode_query(&text);
        for p in P::ALL {
            let v = d.scenario.inputs.get(*p);
            prop_assert!(p.param().check(v).is_ok(), "{} = {v}", p.key());
        }
        let _ = computedeal_core::codec::decode_json(&text);
    }
}

/// Any f64, NaNs of either sign and every class of value, from its bits.
fn any_bits() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<u64>().prop_map(f64::from_bits),
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(-f64::NAN),
        Just(f64::INFINITY),
        Just(f64::MIN_POSITIVE),
        -3.0..3.0f64
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// The program's one sort (`order`) gives what the standard library's
    /// stable sort gives: numbers in total order, bit for bit, and records
    /// by key with ties in their first order.
    #[test]
    fn order_sorts_as_the_standard_library(xs in proptest::collection::vec(any_bits(), 0..200), keys in proptest::collection::vec(0u64..8, 0..200)) {
        use computedeal_core::order;
        let mut ours = xs.clone();
        order::sort_f64(&mut ours);
        let mut std_sorted = xs.clone();
        std_sorted.sort_by(f64::total_cmp);
        prop_assert_eq!(ours.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), std_sorted.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        let by_key = order::order_by_key(xs.len(), |i| order::f64_key(xs[i]));
        let mut std_order: Vec<usize> = (0..xs.len()).collect();
        std_order.sort_by(|&i, &j| xs[i].total_cmp(&xs[j]));
        prop_assert_eq!(by_key, std_order);
        let mut records: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        let mut std_records = records.clone();
        order::sort_by_key(&mut records, |r| r.0);
        std_records.sort_by_key(|r| r.0);
        prop_assert_eq!(records, std_records);
    }
}

/// The default deal feels its market (it did not before December 2026: its
/// GPUs left past their economic life, worth nothing, and nothing else read
/// the market). Numbers from `computedeal eval`, to the dollar's rounding:
/// a flat market values the GB300s that still earn at the term's end, and a
/// shortfall costs more when the market falls faster (a larger premium).
#[test]
fn the_default_deal_feels_its_market() {
    let npv = |q: &str| evaluate(&decode_query(q).scenario.inputs).out.npv_usd;
    let base = npv("");
    assert!(npv("market_decline=0") > base + 1e9, "a flat market adds the end value: {} against {base}", npv("market_decline=0"));
    assert!(npv("market_decline=-0.2") > npv("market_decline=0"));
    // At the default 22% a year the rent ($3.08 × 0.78^6.9 ≈ $0.56) is under
    // the running cost (~$0.72 an hour) when the GPUs leave: no end value,
    // so a faster fall changes nothing without a shortfall.
    assert_eq!(npv("market_decline=0.4"), base);
    let short = npv("shortfall_share=0.3");
    assert!(short < base);
    assert!(npv("shortfall_share=0.3&market_decline=0.4") < short);
    let above = "market_usd_per_accelerator_hour=10&market_decline=0";
    assert_eq!(npv(&format!("shortfall_share=0.3&{above}")), npv(above), "above the contract's price, no shortfall");
}
