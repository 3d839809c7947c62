//! The fuzz layer over the whole input surface: links, JSON files, CLI
//! arguments (run in-process) and the input panel's fields, from generators
//! that favour edges: zero, values a few ulps from zero and from each bound,
//! subnormals, the largest finite values, duplicates, conflicting pairs and
//! wrong encodings. The invariants, for every case:
//!
//! - nothing panics;
//! - every output of the model is finite, or undefined with a reason;
//! - every rejection and every repair is reported, naming its key;
//! - nothing already computed is lost: a rejected value leaves the preset's.
//!
//! Deterministic (counter-based draws), so a failure names its case number.
#![cfg(not(target_arch = "wasm32"))]

use std::ffi::OsString;

use computedeal_core::codec::{decode_json, decode_query, percent_encode, VIEW_KEYS};
use computedeal_core::dist::Dist;
use computedeal_core::model::{evaluate, Outcome};
use computedeal_core::notice::Severity;
use computedeal_core::outputs::OUTPUTS;
use computedeal_core::params::{format_number, Kind, P};
use computedeal_core::rng;
use computedeal_core::scenario::Scenario;
use computedeal_present::i18n::Lang;
use computedeal_present::notices::notice_text;
use computedeal_present::view::decode_page;

#[path = "../../core/tests/common/edges.rs"]
mod edges;

/// Cases per surface (links and fields 100,000 each, files 50,000, command lines 5,000).
const LINKS: u64 = 100_000;
const FIELDS: u64 = 100_000;
const FILES: u64 = 50_000;
const COMMANDS: u64 = 5_000;

struct Gen {
    key: u64,
    i: u64,
}

impl Gen {
    fn new(surface: u64, case: u64) -> Gen {
        Gen { key: rng::stream_key(surface, case), i: 0 }
    }
    fn u(&mut self) -> f64 {
        self.i += 1;
        rng::uniform(self.key, self.i)
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.u() * n as f64) as usize).min(n.saturating_sub(1))
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn param(&mut self) -> P {
        *self.pick(P::ALL)
    }

    /// A number's text: an edge of the parameter's range, just outside it,
    /// one of the hostile numbers, or anything in between.
    fn number(&mut self, p: P) -> String {
        let param = p.param();
        match self.below(6) {
            0 | 1 => format_number(*self.pick(&edges::edges(param))),
            2 => format_number(match self.below(4) {
                0 => param.min.next_down(),
                1 => param.max.next_up(),
                2 => param.min - (param.max - param.min),
                _ => param.max * 10.0,
            }),
            3 => self
                .pick(&[
                    "0",
                    "-0",
                    "5e-324",
                    "-5e-324",
                    "2.2250738585072014e-308",
                    "1e-17",
                    "2e-16",
                    "1.7976931348623157e308",
                    "-1.7976931348623157e308",
                    "1e309",
                    "NaN",
                    "inf",
                    "-inf",
                    "",
                    " ",
                    "1,5",
                    "1_000",
                    "0x10",
                    "１",
                    "+1",
                    "1e",
                    "e5",
                    "--1",
                    "1.2.3",
                ])
                .to_string(),
            _ => format_number(param.min + (param.max - param.min) * self.u()),
        }
    }

    /// A parameter's value as a reader or a link might write it.
    fn value(&mut self, p: P) -> String {
        let param = p.param();
        match (param.kind, self.below(8)) {
            (Kind::Quarter, 0..=4) => self.pick(&["2025Q4", "2020Q1", "2040Q4", "2019Q4", "2041Q1", "2025Q5", "2025q1", "2025-Q2", "Q1", "2025"]).to_string(),
            (Kind::Choice(ids), 0..=4) => match self.below(3) {
                0 => self.pick(ids).to_string(),
                1 => self.pick(ids).to_uppercase(),
                _ => "tpu9".into(),
            },
            (_, 5) => {
                let (a, b) = (self.number(p), self.number(p));
                match self.below(5) {
                    0 => format!("{a}~{b}"),
                    1 => format!("tri:{a},{},{b}", self.number(p)),
                    2 => format!("pert:{a},{},{b}", self.number(p)),
                    3 => format!("norm:{a},{b}"),
                    _ => format!("lognorm:{a},{b}"),
                }
            }
            _ => self.number(p),
        }
    }

    /// A link: parameters (sometimes twice, sometimes conflicting), view
    /// keys, correlations, junk keys, and wrong encodings.
    fn link(&mut self) -> String {
        let n = self.below(9);
        let mut parts = Vec::new();
        for _ in 0..n {
            let part = match self.below(10) {
                0..=5 => {
                    let p = self.param();
                    let v = self.value(p);
                    let pair = format!("{}={}", p.key(), percent_encode(&v));
                    if self.below(4) == 0 {
                        // The same key again, with another value.
                        let w = self.value(p);
                        format!("{pair}&{}={}", p.key(), percent_encode(&w))
                    } else {
                        pair
                    }
                }
                6 => format!(
                    "{}={}",
                    self.pick(VIEW_KEYS),
                    self.pick(&["1", "0", "hi", "INR", "200", "cashflow", "npv_usd,irr", "dark", "%3Cb%3E", "pue%3D9", ""])
                ),
                7 => {
                    let (a, b) = (self.param().key(), self.param().key());
                    format!("corr={a}:{b}:{}", self.pick(&["0.5", "-1", "1", "0.99", "2", "x", "-0", "1e-300"]))
                }
                8 => format!("preset={}", self.pick(&["oracle-openai-2025", "india-1gw", "nope", "", "AWS-OPENAI-2025"])),
                _ => self.pick(&["%ZZ=1", "%=%", "a=%C3", "pue=%FF%FE", "&&", "=1", "__proto__=1", "pue", "x=1"]).to_string(),
            };
            parts.push(part);
        }
        parts.join("&")
    }
}

/// Every output finite, or NaN with its reason.
fn outputs_sound(o: &Outcome) -> Result<(), String> {
    for def in &OUTPUTS {
        let v = *o.out.get(def.output);
        if v.is_nan() {
            if !o.notes.contains_key(&def.output) {
                return Err(format!("{} is undefined without a reason", def.key));
            }
        } else if !v.is_finite() {
            return Err(format!("{} = {v}", def.key));
        }
    }
    for q in &o.quarters {
        if !(q.cash_flow_usd.is_finite() && q.cumulative_cash_flow_usd.is_finite() && q.it_mw.is_finite()) {
            return Err(format!("quarter {} is not finite", q.quarter));
        }
    }
    Ok(())
}

/// Every value the scenario holds is one its parameter allows.
fn scenario_valid(s: &Scenario) -> Result<(), String> {
    for p in P::ALL {
        let v = s.inputs.get(*p);
        p.param().check(v).map_err(|e| format!("{} = {v}: {e:?}", p.key()))?;
    }
    Ok(())
}

/// Every parameter given once, whose value is not what the scenario holds,
/// has a notice (a rejection keeps the preset's value, a repair says what is used).
fn changes_reported(link: &str, s: &Scenario, notices: &[computedeal_core::notice::Notice]) -> Result<(), String> {
    let pairs: Vec<(String, String)> = link
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (computedeal_core::codec::percent_decode(k).trim().to_string(), computedeal_core::codec::percent_decode(v))
        })
        .collect();
    let chip_given = pairs.iter().any(|(k, _)| k == "accelerator");
    for (k, v) in &pairs {
        let Some(p) = P::from_key(k) else { continue };
        if pairs.iter().filter(|(k2, _)| k2 == k).count() > 1 {
            if !notices.iter().any(|n| &n.key == k) {
                return Err(format!("{k} given twice without a notice"));
            }
            continue;
        }
        if chip_given && matches!(p, P::capex_usd_per_accelerator | P::it_kw_per_accelerator) {
            continue;
        }
        let named = notices.iter().any(|n| &n.key == k);
        let as_dist = computedeal_core::params::parse_number(v.trim()).is_none() && (v.contains('~') || v.contains(':'));
        if as_dist {
            match Dist::parse(p.param(), v) {
                Ok(d) if s.dist(p) == Some(&d) => {}
                _ if named => {}
                Ok(_) => return Err(format!("{k}={v} is a distribution the scenario does not hold, and nothing says why")),
                Err(_) => return Err(format!("{k}={v} was refused without a notice")),
            }
            continue;
        }
        match p.param().parse(v) {
            Ok(x) if s.inputs.get(p) == x && s.dist(p).is_none() => {}
            Ok(x) if !named => return Err(format!("{k}={v} parsed as {x} but the scenario holds {} and nothing says why", s.inputs.get(p))),
            Err(_) if !named => return Err(format!("{k}={v} was refused without a notice")),
            Err(_) => {
                // Nothing lost: a rejected value leaves the preset's.
                let preset = s.preset.inputs().get(p);
                if s.inputs.get(p) != preset && !matches!(p, P::accelerator) {
                    return Err(format!("{k}={v} was refused but the scenario holds {} rather than the preset's {preset}", s.inputs.get(p)));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[test]
fn links() {
    for case in 0..LINKS {
        let mut g = Gen::new(1, case);
        let link = g.link();
        let page = decode_page(&link);
        let fail = |why: String| panic!("link case {case}: {link}\n{why}");
        if let Err(e) = scenario_valid(&page.scenario) {
            fail(e);
        }
        if let Err(e) = outputs_sound(&evaluate(&page.scenario.inputs)) {
            fail(e);
        }
        if let Err(e) = changes_reported(&link, &page.scenario, &page.warnings) {
            fail(e);
        }
        for n in &page.warnings {
            for lang in Lang::ALL {
                if notice_text(lang, n).is_empty() {
                    fail(format!("an empty notice for {}", n.key));
                }
            }
        }
    }
}

#[test]
fn fields() {
    // What a reader types into a parameter's field or its distribution field.
    for case in 0..FIELDS {
        let mut g = Gen::new(2, case);
        let p = g.param();
        let text = g.value(p);
        match p.param().parse(&text) {
            Ok(v) => assert!(p.param().check(v).is_ok(), "field case {case}: {}={text} gave {v}", p.key()),
            Err(problem) => assert!(!computedeal_present::notices::problem_text(Lang::En, p.key(), &text, &problem).is_empty()),
        }
        if let Ok(d) = Dist::parse(p.param(), &text) {
            for u in [1e-16, 0.1, 0.5, 0.9, 1.0 - 1e-16] {
                let q = d.quantile(u);
                assert!(q.is_finite() && q >= p.param().min && q <= p.param().max, "field case {case}: {}={text} quantile({u}) = {q}", p.key());
            }
        }
    }
}

#[test]
fn files() {
    for case in 0..FILES {
        let mut g = Gen::new(3, case);
        let mut fields = Vec::new();
        for _ in 0..g.below(8) {
            let p = g.param();
            let value = match g.below(5) {
                0 => serde_json::Value::String(g.value(p)),
                1 => g.number(p).parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(serde_json::Value::Number).unwrap_or(serde_json::Value::Null),
                2 => serde_json::json!([1, "x"]),
                3 => serde_json::Value::Bool(true),
                _ => serde_json::Value::String(g.number(p)),
            };
            fields.push(format!("{}: {}", serde_json::Value::String(p.key().into()), value));
            if g.below(5) == 0 {
                // A key given twice.
                fields.push(format!("{}: {}", serde_json::Value::String(p.key().into()), serde_json::Value::String(g.value(p))));
            }
        }
        let object = format!("{{{}}}", fields.join(", "));
        let text = match g.below(4) {
            0 => format!("{{\"generator\": \"computedeal\", \"scenario\": {object}, \"outcome\": {{}}}}"),
            1 => object.chars().take(object.len() / 2).collect(),
            _ => object,
        };
        let d = decode_json(&text);
        let fail = |why: String| panic!("file case {case}: {text}\n{why}");
        if let Err(e) = scenario_valid(&d.scenario) {
            fail(e);
        }
        if let Err(e) = outputs_sound(&evaluate(&d.scenario.inputs)) {
            fail(e);
        }
        // Text that is not a JSON object is refused as a whole, and changes nothing.
        if serde_json::from_str::<serde_json::Value>(&text).map(|v| !v.is_object()).unwrap_or(true) {
            if !d.notices.iter().any(|n| n.severity == Severity::Rejected) {
                fail("not an object, yet not refused".into());
            }
            if d.scenario != Scenario::default() {
                fail("a refused file changed the scenario".into());
            }
        }
    }
}

#[test]
fn command_lines() {
    let commands = ["eval", "mc", "params", "presets", "--help", "--version", "frobnicate", ""];
    for case in 0..COMMANDS {
        let mut g = Gen::new(4, case);
        let mut args: Vec<OsString> = Vec::new();
        let command = *g.pick(&commands);
        if !command.is_empty() {
            args.push(command.into());
        }
        for _ in 0..g.below(4) {
            let arg: OsString = match g.below(8) {
                0 => "--samples".into(),
                1 => format!("--seed={}", g.number(P::seed)).into(),
                2 => "--threads".into(),
                3 => {
                    use std::os::unix::ffi::OsStringExt;
                    OsString::from_vec(vec![b'p', b'u', b'e', b'=', 0xff, 0xfe])
                }
                4 => "-".into(),
                5 => "/nonexistent/x.json".into(),
                _ => g.link().into(),
            };
            args.push(arg);
        }
        // Keep the Monte Carlo small: these runs test inputs, not the engine.
        if command == "mc" {
            args.push("--samples".into());
            args.push("1000".into());
        }
        let stdin_bytes: Vec<u8> = match g.below(3) {
            0 => b"{\"pue\": 1.3, \"pue\": 9}".to_vec(),
            1 => vec![0xff, 0x00, 0x7b],
            _ => Vec::new(),
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = computedeal_cli::run(&args, &mut &stdin_bytes[..], &mut out, &mut err);
        let said = format!("command case {case}: {args:?} → {code}\n{}", String::from_utf8_lossy(&err));
        assert!(code == 0 || code == 2, "{said}");
        if code == 0 && matches!(command, "eval" | "mc" | "params" | "presets") {
            assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok(), "{said}: stdout is not JSON");
        }
        if code == 2 {
            assert!(!err.is_empty(), "{said}: bad input without a reason");
            assert!(out.is_empty(), "{said}: output on bad input");
        }
    }
}

#[test]
fn an_eval_query_and_its_decoder_agree() {
    // The CLI's scenario is the decoder's: what the page and the CLI are given is the same.
    let mut g = Gen::new(5, 0);
    for case in 0..200 {
        let link = g.link();
        let d = decode_query(&link);
        let rejected = d.notices.iter().any(|n| n.severity == Severity::Rejected);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = computedeal_cli::run(&["eval".into(), link.clone().into()], &mut &b""[..], &mut out, &mut err);
        assert_eq!(code, if rejected { 2 } else { 0 }, "case {case}: {link}: {}", String::from_utf8_lossy(&err));
    }
}

#[test]
fn the_checks_catch_a_silent_change_and_an_unexplained_nan() {
    // The invariants above would fail a decoder that dropped its notices...
    let link = "pue=9&wacc=0.1";
    let d = decode_query(link);
    assert!(changes_reported(link, &d.scenario, &d.notices).is_ok());
    assert!(changes_reported(link, &d.scenario, &[]).is_err(), "a refused pue=9 without a notice");
    let mut s = d.scenario.clone();
    s.inputs.wacc = 0.2;
    assert!(changes_reported(link, &s, &d.notices).is_err(), "wacc=0.1 given, 0.2 held, nothing said");
    // ...or a model that let a NaN out without a reason.
    let mut o = evaluate(&d.scenario.inputs);
    assert!(outputs_sound(&o).is_ok());
    o.out.npv_usd = f64::NAN;
    assert!(outputs_sound(&o).is_err());
}
