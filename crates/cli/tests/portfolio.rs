//! `computedeal portfolio` and `computedeal mc 'portfolio=1&…'` as a user runs them.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn computedeal(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_computedeal")).args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_table_and_summary_are_the_same_for_the_same_seed() {
    let (code, a, err) = computedeal(&["portfolio", "seed=5&samples=5000"]);
    assert_eq!(code, 0, "{err}");
    let (_, b, _) = computedeal(&["portfolio", "seed=5&samples=5000"]);
    assert_eq!(a, b, "deterministic per seed");
    // The years, the total of the records ($702.4B) and the chance, with its sample count and seed.
    assert!(a.contains("\n2027 ") && a.contains("$702B in total") && a.contains("(5000 samples, seed 5)"), "{a}");
    // Another seed gives the same table (no randomness in it) and may change the chance only.
    let (_, c, _) = computedeal(&["portfolio", "seed=6&samples=5000"]);
    let table = |s: &str| s.split("Chance").next().unwrap_or("").to_string();
    assert_eq!(table(&a), table(&c));
}

#[test]
fn switching_a_deal_off_shows_in_the_json() {
    let json = |q: &str| -> serde_json::Value {
        let (code, out, err) = computedeal(&["portfolio", q, "--json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).expect("JSON")
    };
    let all = json("");
    let without = json("off=oracle-stargate");
    let total = |v: &serde_json::Value| v["total_usd"].as_f64().expect("a total");
    assert!((total(&all) - total(&without) - 300e9).abs() < 1.0, "Oracle's $300B");
    assert_eq!(all["risk"]["samples"], 20000);
}

#[test]
fn mc_accepts_a_portfolio_query() {
    let (code, out, err) = computedeal(&["mc", "portfolio=1&threshold=2", "--samples", "2000", "--seed", "9"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["portfolio"], true);
    assert_eq!(v["risk"]["samples"], 2000);
    assert_eq!(v["risk"]["seed"], 9);
    assert_eq!(v["risk"]["threshold"], 2.0);
}

#[test]
fn a_bad_portfolio_query_is_named_and_exits_2() {
    let (code, out, err) = computedeal(&["portfolio", "off=nobody&threshold=-1"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("nobody") && err.contains("microsoft-azure"), "the deals allowed: {err}");
    assert!(err.contains("threshold") && err.contains("0.01"), "{err}");
    let (code, _, err) = computedeal(&["portfolio", "--csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("--csv"), "{err}");
    let (code, _, err) = computedeal(&["portfolio", "a=1", "b=2"]);
    assert_eq!(code, 2);
    assert!(err.contains("2 arguments"), "{err}");
}

#[test]
fn the_text_ramps_dates_the_data_by_its_newest_source_and_sets_openais_statements_beside_the_totals() {
    let (code, text, err) = computedeal(&["portfolio", "samples=1000"]);
    assert_eq!(code, 0, "{err}");
    // The data's date is its newest source's (OpenAI's statement of 2026-04-29).
    assert!(text.contains("portfolio data as of 2026-04-29"), "{text}");
    // NVIDIA's letter of intent is on the list but counts nothing by default, and says so.
    assert!(text.contains("NVIDIA's counts nothing under its reading 2026"), "{text}");
    // Capacity ramps in: about 1 GW in 2026, not the 14.2 GW of every deal at full size from its start.
    let row = |year: &str| text.lines().find(|l| l.starts_with(year)).unwrap_or_else(|| panic!("{year}: {text}")).to_string();
    let gw = |year: &str| row(year).split_whitespace().nth(2).and_then(|g| g.parse::<f64>().ok()).expect("a GW column");
    assert_eq!(gw("2026"), 1.0);
    assert_eq!(gw("2027"), 6.9);
    // Chips bought stay after their term: AMD's and Broadcom's 16 GW and AWS's Trainium lease still in 2034.
    assert_eq!(gw("2034"), 18.0);
    assert!(text.contains("Capacity contracted: 23.75 GW in the deals that are on, ramping in to a peak of 23 GW on average in 2031."), "{text}");
    // Each of OpenAI's statements, with the records' figure and the difference in one line.
    for line in [
        "our records have 23.75 GW contracted, against OpenAI's 30 GW; the difference: ",
        "our records have $702B in total, against OpenAI's $1.40T; the difference: ",
        "our records have $530B falling due through 2030, against OpenAI's $600B; the difference: ",
        "our records have 23.75 GW contracted, against OpenAI's 10 GW; the difference: ",
    ] {
        assert_eq!(text.lines().filter(|l| l.contains(line)).count(), 1, "{line}: {text}");
    }
    // 2026's events, and the sources by title, date, grade and address.
    assert!(text.contains("2026-03-06, Oracle and OpenAI drop the ~600 MW expansion at Abilene") && text.contains("Oracle's 4.5 GW deal stands"), "{text}");
    assert!(text.contains("2026-04-09, Stargate UK paused"), "{text}");
    assert!(text.contains("\nSources:\n[1] ") && text.contains("2026-02-23, grade B: https://the-decoder.com/"), "{text}");
}

#[test]
fn the_json_has_the_gigawatts_the_statements_and_nvidias_reading() {
    let json = |q: &str| -> serde_json::Value {
        let (code, out, err) = computedeal(&["portfolio", q, "--json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).expect("JSON")
    };
    let f = |v: &serde_json::Value| v.as_f64().expect("a number");
    let all = json("samples=1000");
    assert_eq!(all["as_of"], "2026-04-29");
    // total_gw is the peak of the years' average GW, each year's GW the sum of its deals'.
    let years = all["years"].as_array().expect("years");
    let peak = years.iter().map(|y| f(&y["gw"])).fold(0.0, f64::max);
    assert_eq!(f(&all["total_gw"]), peak);
    assert_eq!(all["total_gw_year"], 2031);
    assert_eq!(f(&all["contracted_gw"]), 23.75);
    for y in years {
        let sum: f64 = y["gw_by_deal"].as_array().expect("by deal").iter().map(|d| f(&d[1])).sum();
        assert!((f(&y["gw"]) - sum).abs() < 1e-12, "{y}");
    }
    // The statements with the records' figure beside each, and their sources.
    let statements = all["statements"].as_array().expect("statements");
    assert_eq!(statements.len(), 4);
    let spend = statements.iter().find(|s| s["date"] == "2026-02-20").expect("the $600B");
    assert_eq!((f(&spend["value"]), &spend["unit"], &spend["through"]), (600e9, &serde_json::json!("usd"), &serde_json::json!(2030)));
    let through_2030: f64 = years.iter().filter(|y| y["year"].as_i64() <= Some(2030)).map(|y| f(&y["commitments_usd"])).sum();
    assert!((f(&spend["ours"]) - through_2030).abs() < 1.0);
    assert!(spend["cited"]["source"]["url"].as_str().is_some_and(|u| u.starts_with("https://")));
    assert_eq!(all["events"].as_array().map(Vec::len), Some(3));
    // NVIDIA's letter of intent switched on: 10 GW more contracted, a higher peak, no dollars.
    let loi = json("samples=1000&reading=nvidia:loi");
    assert_eq!(f(&loi["contracted_gw"]) - f(&all["contracted_gw"]), 10.0);
    assert!(f(&loi["total_gw"]) > f(&all["total_gw"]) + 9.0, "{} against {}", loi["total_gw"], all["total_gw"]);
    assert_eq!(loi["total_usd"], all["total_usd"]);
}
