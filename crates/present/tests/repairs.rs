//! Every repair is said aloud: each input the decoders change or ignore has
//! a notice that names it, what was given and what is used, in English and
//! Hindi alike. Regression tests for the repairs that were silent or that
//! only the CLI reported (issue 11), named after what broke.
#![cfg(not(target_arch = "wasm32"))]

use computedeal_core::codec::{decode_json, decode_query};
use computedeal_core::notice::{Problem, Severity};
use computedeal_present::i18n::Lang;
use computedeal_present::notices::{notice_text, problem_text};
use computedeal_present::view::decode_page;

fn english(q: &str) -> Vec<String> {
    decode_page(q).warnings.iter().map(|n| notice_text(Lang::En, n)).collect()
}

fn says(q: &str, want: &str) {
    let all = english(q);
    assert!(all.iter().any(|m| m.contains(want)), "{q}: {all:?}");
}

#[test]
fn a_duplicate_key_is_a_repair_that_names_the_value_used() {
    says("pue=1.3&pue=1.4", "pue is given more than once; the last value, '1.4', is used");
    says("preset=oracle-openai-2025&preset=india-1gw", "preset is given more than once; the last value, 'india-1gw', is used");
    assert_eq!(decode_query("pue=1.3&pue=1.4").scenario.inputs.pue, 1.4);
}

#[test]
fn correlations_scaled_repeated_or_given_twice_are_said() {
    let q = "uncertainty=off&pue=1.1~1.3&wacc=0.06~0.1&electricity_usd_per_mwh=60~110";
    says(&format!("{q}&corr=pue:wacc:0.9,pue:electricity_usd_per_mwh:0.9,wacc:electricity_usd_per_mwh:-0.9"), "cannot all hold at once");
    says(&format!("{q}&corr=pue:wacc:0.3,pue:wacc:0.5"), "this pair was given before; the later value is used");
    let d = decode_query(&format!("{q}&corr=pue:wacc:0.3,wacc:pue:0.5"));
    assert_eq!(d.scenario.corrs.len(), 1);
    assert_eq!(d.scenario.corrs[0].2, 0.5);
    says(&format!("{q}&corr=pue:wacc:0.3&corr=wacc:electricity_usd_per_mwh:0.2"), "corr is given more than once");
    // Both lists are read.
    assert_eq!(decode_query(&format!("{q}&corr=pue:wacc:0.3&corr=wacc:electricity_usd_per_mwh:0.2")).scenario.corrs.len(), 2);
}

#[test]
fn a_json_key_given_twice_is_said() {
    let d = decode_json(r#"{"pue": 1.3, "wacc": 0.09, "pue": 1.4}"#);
    assert_eq!(d.scenario.inputs.pue, 1.4);
    let all: Vec<String> = d.notices.iter().map(|n| notice_text(Lang::En, n)).collect();
    assert!(all.iter().any(|m| m.contains("pue is given more than once; the last value, '1.4', is used")), "{all:?}");
    // In an export, the scenario object's keys count, not the export's.
    let d = decode_json(r#"{"generator": "computedeal", "scenario": {"pue": 1.3, "pue": 1.35}, "outcome": {}}"#);
    assert!(d.notices.iter().any(|n| n.problem == Problem::Duplicate && n.key == "pue"), "{:?}", d.notices);
}

#[test]
fn a_pinned_scenario_that_pins_another_is_said() {
    says("compare=pue%3D1.2%26compare%3Dpue%253D1.3", "compare: the pinned scenario A has its own compare=, which was ignored");
}

#[test]
fn many_unknown_parameters_are_one_notice() {
    // Regression: a link with 10,000 unknown parameters gave 936 notices. The
    // link is read up to 8,192 characters: 1,163 of the keys.
    let q: String = (0..10_000).map(|i| format!("x{i}=1")).collect::<Vec<_>>().join("&");
    let page = decode_page(&q);
    let unknown: Vec<_> = page.warnings.iter().filter(|n| matches!(n.problem, Problem::UnknownParam | Problem::UnknownParams { .. })).collect();
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    let text = notice_text(Lang::En, unknown[0]);
    assert!(text.starts_with("1,163 keys are not parameters of this calculator and were ignored: 'x0', 'x1'"), "{text}");
    assert!(text.ends_with(", …"), "{text}");
    // Hindi groups the count the Indian way.
    let hi = notice_text(Lang::Hi, unknown[0]);
    assert!(hi.starts_with("1,163 कुंजियाँ"), "{hi}");
    // A few unknown keys are each named.
    assert_eq!(english("a=1&b=2").len(), 2);
}

#[test]
fn an_overflowing_value_is_reported_as_written() {
    // Regression: accelerators=1e308 was reported as the clamped 9223372036854775807.
    says("accelerators=1e308", "accelerators=1e308 is out of range: allowed 0 to 10000000");
    says("seed=1e30", "seed=1e30 is out of range");
}

#[test]
fn a_failed_import_lists_problems_without_values_used() {
    // Regression: "nothing changed" was followed by "…; the preset's value 1.2 is used".
    let d = decode_json(r#"{"pue": 9}"#);
    let rejected: Vec<_> = d.notices.iter().filter(|n| n.severity == Severity::Rejected).collect();
    let text = problem_text(Lang::En, &rejected[0].key, &rejected[0].given, &rejected[0].problem);
    assert_eq!(text, "pue=9 is out of range: allowed 1 to 3");
}
