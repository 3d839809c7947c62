//! Property tests over the whole allowed input domain.
#![cfg(not(target_arch = "wasm32"))]

use computedeal_core::codec::{decode_query, encode_query};
use computedeal_core::finance::npv_quarterly;
use computedeal_core::model::{evaluate, Outcome, Plan};
use computedeal_core::outputs::{Output, OUTPUTS};
use computedeal_core::params::P;
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
        prop_assert!(b.out.energy_gwh_per_year > a.out.energy_gwh_per_year);
        prop_assert!(b.out.capex_usd > a.out.capex_usd);
    }

    #[test]
    fn dearer_electricity_lowers_the_npv(x in deal(), extra in 1.0..100.0f64) {
        let mut dear = x;
        dear.electricity_usd_per_mwh = (x.electricity_usd_per_mwh + extra).min(P::electricity_usd_per_mwh.param().max);
        let (a, b) = (evaluate(&x), evaluate(&dear));
        prop_assert!(b.out.npv_usd <= a.out.npv_usd, "{} > {}", b.out.npv_usd, a.out.npv_usd);
    }

    /// A higher WACC lowers the NPV of conventional cash flows (outflows,
    /// then inflows) wherever the NPV is not negative: below the IRR, the
    /// NPV falls as the rate rises. Beyond the IRR discounting shrinks the
    /// later outflows too, so no ordering holds there.
    #[test]
    fn a_higher_wacc_lowers_the_npv(x in deal(), step in 0.001..0.1f64) {
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

    /// A delay loses revenue and saves energy for every online hour it
    /// removes; hardware is paid for on schedule either way. So the NPV
    /// falls whenever an hour earns more than it costs in energy.
    #[test]
    fn a_longer_delay_lowers_the_npv(x in deal(), extra in 1.0..24.0f64) {
        let mut late = x;
        late.delay_months = (x.delay_months + extra).min(P::delay_months.param().max);
        let a = evaluate(&x);
        let b = evaluate(&late);
        // Every online hour of every tranche must earn more than its energy
        // costs at the highest (escalated) price of the deal.
        let years = a.quarters.len() as f64 / 4.0;
        let top_price = x.electricity_usd_per_mwh * (1.0 + x.electricity_escalation.max(0.0)).powf(years);
        let energy_per_kw_hour = x.load_factor * x.pue * top_price / 1000.0;
        let plan = Plan::new(&x);
        let earns_more_than_energy = plan.tranches.iter().all(|t| {
            let hours = t.planned_hours_per_unit();
            let price = t.value_usd / (t.accelerators * hours);
            let cpu_price = if t.vcpus > 0.0 { t.cpu_value_usd / (t.vcpus * hours) } else { f64::INFINITY };
            price * x.availability > t.it_kw * energy_per_kw_hour
                && cpu_price * x.availability > x.w_per_vcpu / 1000.0 * energy_per_kw_hour
        });
        prop_assume!(earns_more_than_energy);
        prop_assert!(b.out.npv_usd <= a.out.npv_usd + 1e-6 * a.out.npv_usd.abs(), "{} > {}", b.out.npv_usd, a.out.npv_usd);
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
        prop_assert!(d.notices.iter().all(|w| w.key == "corr"), "{:?}", d.notices);
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
