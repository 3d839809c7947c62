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
