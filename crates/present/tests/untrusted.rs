//! Untrusted input: the query-string and JSON decoders (URL parameters,
//! embed parameters, imported files) over 100,000 generated inputs each.
//! Never a panic; always a scenario whose every value is inside its allowed
//! range, plus a warning (naming the key) for whatever was ignored.
#![cfg(not(target_arch = "wasm32"))]

use computedeal_core::codec::{decode_json, MAX_QUERY_CHARS, VIEW_KEYS};
use computedeal_core::notice::{Problem, Severity};
use computedeal_core::params::{Kind, P, PARAMS};
use computedeal_core::scenario::Scenario;
use computedeal_present::i18n::Lang;
use computedeal_present::notices::notice_text;
use computedeal_present::view::decode_page;
use proptest::prelude::*;

const CASES: u32 = 100_000;

/// Every value the scenario holds is one its parameter allows.
fn valid(s: &Scenario) -> Result<(), String> {
    for p in P::ALL {
        let param = p.param();
        let v = s.inputs.get(*p);
        if !v.is_finite() || v < param.min || v > param.max {
            return Err(format!("{}={v} outside {}..{}", p.key(), param.min, param.max));
        }
        if matches!(param.kind, Kind::Count | Kind::Quarter | Kind::Choice(_)) && v.fract() != 0.0 {
            return Err(format!("{}={v} is not whole", p.key()));
        }
    }
    for (p, d) in &s.dists {
        let m = d.median();
        if !m.is_finite() || m < p.param().min || m > p.param().max {
            return Err(format!("{}'s distribution has median {m}", p.key()));
        }
    }
    for (_, _, rho) in &s.corrs {
        if !rho.is_finite() || rho.abs() > 1.0 {
            return Err(format!("correlation {rho}"));
        }
    }
    Ok(())
}

/// Keys a link might carry: the parameters, the view's, near misses and junk.
fn key() -> impl Strategy<Value = String> {
    let params: Vec<String> = PARAMS.iter().map(|p| p.key.to_string()).collect();
    let view: Vec<String> = VIEW_KEYS.iter().map(|k| k.to_string()).collect();
    prop_oneof![
        4 => proptest::sample::select(params),
        2 => proptest::sample::select(view),
        1 => proptest::sample::select(vec!["preset".to_string(), "corr".into(), "uncertainty".into(), "__proto__".into(), "constructor".into(), "".into()]),
        1 => "[a-z_]{0,12}",
        1 => "\\PC{0,8}",
    ]
}

/// Values: numbers of every kind, the distribution syntax (well and badly
/// formed), quarters, ids, percent escapes, markup and long text.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<f64>().prop_map(|v| v.to_string()),
        2 => (-1e4f64..1e4).prop_map(|v| format!("{v}")),
        1 => proptest::sample::select(vec![
            "NaN".to_string(), "inf".into(), "-inf".into(), "-1e308".into(), "1e308".into(), "1e-320".into(), "0x10".into(), "1,5".into(),
            "<script>alert(1)</script>".into(), "%3Cscript%3E".into(), "%ZZ".into(), "%".into(), "a~".into(), "~b".into(), "tri:1,2".into(),
            "pert:3,2,1".into(), "norm:1,-1".into(), "lognorm:-1,2".into(), "2025Q5".into(), "9999Q1".into(), "gb300".into(), "on".into(),
            "pue:wacc:2".into(), "pue:pue:0.5".into(), "pue:wacc:0.9,pue:electricity_usd_per_mwh:0.9,wacc:electricity_usd_per_mwh:-0.9".into(),
            "compare%3Dpue%253D9".into(), "pue%3D1.2%26lang%3Dhi".into(),
        ]),
        1 => (0.0f64..10.0, 0.0f64..10.0, 0.0f64..10.0).prop_map(|(a, b, c)| format!("tri:{a},{b},{c}")),
        1 => (-5.0f64..5.0, -5.0f64..5.0).prop_map(|(a, b)| format!("{a}~{b}")),
        1 => "\\PC{0,40}",
        1 => "[0-9eE.+\\-~:,a-z%]{0,30}",
        1 => proptest::collection::vec(any::<char>(), 250..300).prop_map(|c| c.into_iter().collect::<String>()),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec((key(), value()), 0..8)
            .prop_map(|pairs| pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")),
        1 => "\\PC{0,200}",
        1 => "[=&?%a-z0-9_.~:,]{0,120}",
    ]
}

/// JSON a reader might import: objects of parameters with values of any
/// JSON type, exports wrapping them, and text that is not JSON at all.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_filter_map("finite", |v| serde_json::Number::from_f64(v).map(Value::Number)),
        any::<i64>().prop_map(|v| Value::Number(v.into())),
        value().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((key(), inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn json_text() -> impl Strategy<Value = String> {
    use serde_json::{json, Value};
    prop_oneof![
        4 => proptest::collection::vec((key(), json_value()), 0..10)
            .prop_map(|kv| Value::Object(kv.into_iter().collect()).to_string()),
        2 => proptest::collection::vec((key(), json_value()), 0..10)
            .prop_map(|kv| json!({ "generator": "computedeal", "scenario": Value::Object(kv.into_iter().collect()), "outcome": {} }).to_string()),
        1 => json_value().prop_map(|v| v.to_string()),
        1 => "\\PC{0,200}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_link_gives_a_valid_scenario_and_says_what_it_ignored(q in query()) {
        let page = decode_page(&q);
        prop_assert!(valid(&page.scenario).is_ok(), "{q}: {:?}", valid(&page.scenario));
        if let Some(a) = &page.view.compare {
            prop_assert!(valid(a).is_ok(), "{q}: A: {:?}", valid(a));
        }
        prop_assert!(page.view.kpis.len() <= 4);
        for w in &page.warnings {
            prop_assert!(!notice_text(Lang::En, w).is_empty(), "{q}: an empty warning for {}", w.key);
        }
        // A key the page does not know is always reported.
        for pair in q.strip_prefix('?').unwrap_or(&q).split('&') {
            let k = computedeal_core::codec::percent_decode(pair.split('=').next().unwrap_or("")).trim().to_string();
            let known = P::from_key(&k).is_some() || VIEW_KEYS.contains(&k.as_str()) || ["preset", "corr", "uncertainty", ""].contains(&k.as_str());
            if !known && q.len() <= MAX_QUERY_CHARS && !k.is_empty() {
                // Named on its own, or among many unknown keys (one notice, a count and the first eight).
                let grouped = page.warnings.iter().any(|w| matches!(&w.problem, Problem::UnknownParams { keys, count } if keys.contains(&k) || *count > keys.len()));
                prop_assert!(grouped || page.warnings.iter().any(|w| w.key == k || notice_text(Lang::En, w).contains("characters")), "{q}: {k} ignored silently");
            }
        }
    }

    #[test]
    fn any_file_gives_a_valid_scenario_or_says_why_not(text in json_text()) {
        let d = decode_json(&text);
        prop_assert!(valid(&d.scenario).is_ok(), "{text}: {:?}", valid(&d.scenario));
        for w in &d.notices {
            prop_assert!(!notice_text(Lang::En, w).is_empty());
        }
        // Text that is not a JSON object is refused as a whole.
        if serde_json::from_str::<serde_json::Value>(&text).map(|v| !v.is_object()).unwrap_or(true) {
            prop_assert!(d.notices.iter().any(|w| w.severity == Severity::Rejected), "{text}");
            prop_assert_eq!(&d.scenario, &Scenario::default());
        }
    }
}

#[test]
fn hostile_links_are_refused_with_their_keys_named() {
    let huge = "x".repeat(1 << 20);
    let cases = [
        (format!("pue={huge}"), "characters long; only the first 8192 were read"),
        ("lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(), "lang='<script>alert(1)</script>' is not a language"),
        ("pue=NaN".to_string(), "pue"),
        ("wacc=-1e308".to_string(), "wacc=-1e308 is out of range"),
        ("__proto__=1".to_string(), "'__proto__' is not a parameter"),
        ("constructor=1&prototype=2".to_string(), "'constructor' is not a parameter"),
        ("kpis=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E".to_string(), "kpis='<img src=x onerror=alert(1)>' is not allowed"),
    ];
    for (q, want) in cases {
        let page = decode_page(&q);
        let messages: Vec<String> = page.warnings.iter().map(|w| notice_text(Lang::En, w)).collect();
        assert!(messages.iter().any(|m| m.contains(want)), "{}: {messages:?}", &q[..q.len().min(80)]);
        assert_eq!(page.scenario, Scenario::default(), "{}", &q[..q.len().min(80)]);
    }
}
