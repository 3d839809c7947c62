//! The model against independent published figures (facts.md), with the
//! arithmetic in the comments. Where a figure assumes a flat deal (all
//! capacity online from day one), the test sets the ramp to match it; each
//! preset keeps its own availability (97%): billed as a commitment, the
//! contract's price and revenue do not depend on it.
#![cfg(not(target_arch = "wasm32"))]

use computedeal_core::codec::decode_query;
use computedeal_core::model::{evaluate, Outcome};
use computedeal_core::outputs::Output;

fn eval(query: &str) -> Outcome {
    let d = decode_query(query);
    let rejected: Vec<_> = d.notices.iter().filter(|w| w.severity == computedeal_core::notice::Severity::Rejected).collect();
    assert!(rejected.is_empty(), "{query}: {rejected:?}");
    evaluate(&d.scenario.inputs)
}

fn within(got: f64, want: f64, rel: f64) {
    assert!((got - want).abs() <= rel * want.abs(), "got {got}, want {want} ± {}%", rel * 100.0);
}

#[test]
fn iren_microsoft_contract_price_per_gpu_hour() {
    // facts.md §2: $9.7B over 5 years for ~76k GB300 ≈ $2.91 per GPU-hour:
    // 9.7e9 / (76,000 × 5 × 8,760) = 9.7e9 / 3.3288e9 = 2.9140.
    let o = eval("preset=microsoft-iren-2025&ramp_end=2025Q4");
    within(o.out.price_usd_per_accelerator_hour, 2.9140, 1e-4);
    // ~$1.94B of revenue a year: 9.7 / 5.
    within(o.out.revenue_usd / 5.0, 1.94e9, 1e-9);
    // 200 MW of critical IT: 76,000 × 2.63 kW = 199.9 MW.
    within(o.out.it_mw_peak, 200.0, 0.001);
}

#[test]
fn aws_openai_flat_price_for_200k_gpus() {
    // facts.md §1a: 38e9 / (200,000 × 7 × 8,760) = $3.10 per GPU-hour, flat and fully used.
    let o = eval("ramp_end=2025Q4&vcpus=0&cpu_value_fraction=0");
    within(o.out.price_usd_per_accelerator_hour, 3.0985, 1e-4);
}

#[test]
fn aws_openai_price_with_a_one_year_ramp_for_300k_gpus() {
    // facts.md §1a: with a one-year linear ramp (6.5 effective years),
    // 38e9 / (300,000 × 6.5 × 8,760) = $2.22. The default ramp from 2025Q4 to
    // 2026Q4 brings 20%, 40%, ... 100% online: 3 of its 5 quarters' worth,
    // so 28 − 2 = 26 effective quarters = 6.5 years.
    let o = eval("accelerators=300000&vcpus=0&cpu_value_fraction=0");
    within(o.out.price_usd_per_accelerator_hour, 2.2245, 1e-4);
    // And the average annual spend, 38 / 7 = $5.43B, against Bloomberg's "~$5B a year".
    within(38e9 / 7.0, 5.43e9, 0.001);
}

#[test]
fn epoch_one_gigawatt_reference_capex_and_opex() {
    // facts.md §4a/§4c: Epoch's stylized 1 GW (IT) GB200 site costs $38B,
    // with ~$0.3B a year of non-energy opex (0.8%).
    // Ours: 555,000 × $49,000 = $27.2B of IT + 999 MW × $10.7M = $10.7B of facility.
    let o = eval("preset=reference-1gw");
    within(o.out.it_mw_peak, 1000.0, 0.002);
    within(o.out.capex_usd, 38e9, 0.005);
    let non_energy_opex = 0.008 * o.out.capex_usd;
    within(non_energy_opex, 0.3e9, 0.02);
}

#[test]
fn oracle_openai_dollars_per_gigawatt_year() {
    // facts.md §2: $300B / 5 years / 4.5 GW = $13.3B per GW-year; facts-v2.md
    // §1: ~2 million accelerators for ~5 GW. Online at once, 2M GPUs × 2.1 kW
    // = 4.2 GW of IT, × PUE 1.14 = 4.79 GW of facility, inside the reported
    // 4.5–5 GW: 300e9 / (4.2 × 5) = $14.29B per GW-year of IT.
    let o = eval("preset=oracle-openai-2025&ramp_end=2027Q1");
    within(o.get(Output::usd_per_gw_year).unwrap_or(0.0), 14.2857e9, 1e-4);
    within(o.out.it_mw_peak, 4200.0, 1e-9);
    within(o.out.facility_mw_peak, 4788.0, 1e-9);
}

#[test]
fn every_preset_evaluates_to_different_finite_headlines() {
    let mut prices = Vec::new();
    for preset in computedeal_core::presets::PRESETS {
        let o = eval(&format!("preset={}", preset.id.key()));
        for def in computedeal_core::outputs::OUTPUTS {
            if let Some(v) = o.get(def.output) {
                assert!(v.is_finite(), "{} {}", preset.id.key(), def.key);
            }
        }
        prices.push((o.out.price_usd_per_accelerator_hour, o.out.npv_usd));
    }
    for (i, a) in prices.iter().enumerate() {
        for b in &prices[i + 1..] {
            assert_ne!(a, b, "two presets give the same price and NPV");
        }
    }
}
