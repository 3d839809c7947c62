//! Scenario codecs: the readable `key=value&...` query string that the web
//! app keeps in its URL (and the CLI takes), and JSON.
//!
//! Decoding never fails and never panics: it returns the scenario it could
//! build (the preset's value wherever a value was rejected) and a warning for
//! every input it ignored or repaired. Both decoders treat their input as
//! untrusted: lengths are capped and nothing is interpreted beyond the table.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::copula;
use crate::dist::Dist;
use crate::i18n::msg;
use crate::params::{format_number, parse_number, shorten, Kind, P};
use crate::presets::{self, DEFAULT_PRESET};
use crate::scenario::{consistency_warnings, Scenario, Warning};

/// Longest query string read; the rest is ignored with a warning.
pub const MAX_QUERY_CHARS: usize = 8192;
/// Longest value read for one key.
pub const MAX_VALUE_CHARS: usize = 256;
/// Keys that belong to the view (language, chart, embedding ...) rather than
/// the model. The codec passes them through for the UI to check.
pub const VIEW_KEYS: &[&str] = &["lang", "currency", "fx", "chart", "kpis", "embed", "sw", "debug", "compare", "output", "theme", "bench", "workers"];

/// What a decoder could build, and what it had to say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    pub warnings: Vec<Warning>,
    /// View keys and their raw values, in the order given.
    pub view: BTreeMap<String, String>,
}

/// Decodes `%XX` escapes and `+` (a space in a query string). Invalid
/// escapes are kept as text; invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes what cannot stand in a query value; keeps the characters of the
/// value syntax (`~ : , . - _`) readable.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':' | b',' | b'!' | b'*' | b'(' | b')') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Splits a query string (with or without its leading `?`) into decoded
/// key-value pairs, warning about what it cannot read.
fn split_query(query: &str, warnings: &mut Vec<Warning>) -> Vec<(String, String)> {
    let mut query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY_CHARS {
        let mut cut = MAX_QUERY_CHARS;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        warnings.push(Warning::new("", "", msg(|m| m.e_query_too_long, &[("n", &query.len().to_string()), ("max", &MAX_QUERY_CHARS.to_string())])));
        query = &query[..cut];
    }
    query
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (percent_decode(k).trim().to_string(), percent_decode(v))
        })
        .collect()
}

/// Decodes a query string such as `preset=microsoft-iren-2025&pue=1.3`.
#[inline(never)]
pub fn decode_query(query: &str) -> Decoded {
    let mut warnings = Vec::new();
    let pairs = split_query(query, &mut warnings);
    decode_pairs(pairs.into_iter().map(|(k, v)| (k, RawValue::Text(v))).collect(), &mut warnings)
}

enum RawValue {
    Text(String),
    Number(f64),
    Other(String),
}

impl RawValue {
    fn shown(&self) -> String {
        match self {
            RawValue::Text(t) => t.clone(),
            RawValue::Number(n) => format_number(*n),
            RawValue::Other(t) => t.clone(),
        }
    }
}

// One copy for both decoders (a generic iterator here cost 20 KB of wasm).
#[inline(never)]
fn decode_pairs(pairs: Vec<(String, RawValue)>, warnings: &mut Vec<Warning>) -> Decoded {
    // The preset comes first: the other keys override it, wherever they stand.
    let mut preset = presets::default_preset();
    for (key, value) in pairs.iter().filter(|(k, _)| k == "preset") {
        let text = value.shown();
        match presets::by_id(text.trim()) {
            Some(p) => preset = p,
            None => warnings.push(Warning::new(
                key,
                &text,
                msg(
                    |m| m.e_bad_preset,
                    &[("value", &shorten(&text)), ("preset", preset.id), ("list", &presets::PRESETS.iter().map(|p| p.id).collect::<Vec<_>>().join(", "))],
                ),
            )),
        }
    }
    let mut uncertainty = true;
    for (key, value) in pairs.iter().filter(|(k, _)| k == "uncertainty") {
        let text = value.shown();
        match text.trim().to_ascii_lowercase().as_str() {
            "on" | "1" | "true" => uncertainty = true,
            "off" | "0" | "false" => uncertainty = false,
            _ => warnings.push(Warning::new(key, &text, msg(|m| m.e_bad_uncertainty, &[("value", &shorten(&text))]))),
        }
    }
    let mut scenario = Scenario::base(preset, uncertainty);
    let mut given: BTreeSet<P> = BTreeSet::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut view = BTreeMap::new();
    let mut corr_texts: Vec<(String, bool)> = Vec::new();
    for (key, value) in pairs {
        let shown = value.shown();
        if key == "corr" {
            corr_texts.push((shown, value_is_text(&value)));
            continue;
        }
        if !seen.insert(key.clone()) && key != "preset" && key != "uncertainty" {
            warnings.push(Warning::repaired(&key, &shown, msg(|m| m.e_duplicate, &[("key", &key), ("value", &shorten(&shown))])));
        }
        if key == "preset" || key == "uncertainty" {
            continue;
        }
        if VIEW_KEYS.contains(&key.as_str()) {
            // A pinned scenario is a whole query of its own.
            let limit = if key == "compare" { MAX_QUERY_CHARS } else { MAX_VALUE_CHARS };
            if shown.chars().count() > limit {
                warnings.push(too_long_max(&key, &shown, limit));
            } else {
                view.insert(key, shown);
            }
            continue;
        }
        let Some(p) = P::from_key(&key) else {
            warnings.push(Warning::new(&key, &shown, msg(|m| m.e_unknown_param, &[("key", &shorten(&key))])));
            continue;
        };
        let param = p.param();
        if let RawValue::Text(t) = &value {
            if t.chars().count() <= MAX_VALUE_CHARS && looks_like_dist(t) {
                match Dist::parse(param, t) {
                    Ok(dist) => {
                        scenario.set_dist(p, dist);
                        given.insert(p);
                    }
                    Err(message) => warnings.push(Warning::new(
                        &key,
                        &shown,
                        msg(|m| m.e_preset_value_used, &[("message", &message), ("value", &param.format(scenario.preset.inputs().get(p)))]),
                    )),
                }
                continue;
            }
        }
        let parsed = match &value {
            RawValue::Text(t) if t.chars().count() > MAX_VALUE_CHARS => Err(too_long(&key, t).message),
            RawValue::Text(t) => param.parse(t),
            RawValue::Number(n) if param.is_numeric() => param.check(*n),
            RawValue::Number(n) => Err(msg(|m| m.e_as_text, &[("key", &key), ("value", &format_number(*n)), ("allowed", &param.range_text())])),
            RawValue::Other(t) => Err(msg(|m| m.e_not_number_or_text, &[("key", &key), ("value", &shorten(t)), ("allowed", &param.range_text())])),
        };
        match parsed {
            Ok(v) => {
                scenario.set_value(p, v);
                given.insert(p);
            }
            Err(message) => warnings.push(Warning::new(
                &key,
                &shown,
                msg(|m| m.e_preset_value_used, &[("message", &message), ("value", &param.format(scenario.preset.inputs().get(p)))]),
            )),
        }
    }
    // A new chip without its own capex or power takes the catalogue's.
    if given.contains(&P::accelerator) && scenario.inputs.accelerator != scenario.preset.inputs().accelerator {
        let (capex, kw) = (scenario.inputs.capex_usd_per_accelerator, scenario.inputs.it_kw_per_accelerator);
        scenario.set_accelerator(scenario.inputs.accelerator);
        if given.contains(&P::capex_usd_per_accelerator) {
            scenario.inputs.capex_usd_per_accelerator = capex;
        }
        if given.contains(&P::it_kw_per_accelerator) {
            scenario.inputs.it_kw_per_accelerator = kw;
        }
    }
    for (text, is_text) in corr_texts {
        decode_corrs(&text, is_text, &mut scenario, warnings);
    }
    if let Some(c) = copula::build(&scenario.corrs) {
        if c.scale < 1.0 {
            let text = encode_corrs(&scenario.corrs);
            warnings.push(Warning::repaired(
                "corr",
                &text,
                msg(|m| m.e_corr_scaled, &[("value", &shorten(&text)), ("scale", &c.scale.to_string())]),
            ));
        }
    }
    warnings.extend(consistency_warnings(&scenario.inputs));
    Decoded { scenario, warnings: std::mem::take(warnings), view }
}

fn value_is_text(v: &RawValue) -> bool {
    matches!(v, RawValue::Text(_))
}

/// Whether a value is written in the distribution syntax rather than as a number.
fn looks_like_dist(text: &str) -> bool {
    parse_number(text.trim()).is_none() && (text.contains('~') || text.contains(':'))
}

/// Parses correlation pairs (`a:b:0.4`, comma-separated) for a scenario:
/// the valid pairs and a warning for each one that is not.
pub fn parse_corrs(text: &str, scenario: &Scenario) -> (Vec<(P, P, f64)>, Vec<Warning>) {
    let mut s = scenario.clone();
    s.corrs.clear();
    let mut warnings = Vec::new();
    decode_corrs(text, true, &mut s, &mut warnings);
    (s.corrs, warnings)
}

/// Reads `a:b:0.4` pairs (comma-separated) into the scenario's correlations.
fn decode_corrs(text: &str, is_text: bool, scenario: &mut Scenario, warnings: &mut Vec<Warning>) {
    if !is_text || text.chars().count() > MAX_VALUE_CHARS {
        warnings.push(Warning::new("corr", &shorten(text), msg(|m| m.e_corr_text, &[("value", &shorten(text)), ("max", &MAX_VALUE_CHARS.to_string())])));
        return;
    }
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let bad = |why: &str| Warning::new("corr", item, msg(|m| m.e_corr_ignored, &[("value", &shorten(item)), ("why", why)]));
        let m = crate::i18n::t();
        let parts: Vec<&str> = item.split(':').collect();
        if parts.len() != 3 {
            warnings.push(bad(m.e_corr_form));
            continue;
        }
        let (a, b) = (P::from_key(parts[0].trim()), P::from_key(parts[1].trim()));
        let rho = parse_number(parts[2].trim());
        match (a, b, rho) {
            (None, _, _) => warnings.push(bad(&msg(|m| m.e_corr_not_param, &[("key", &shorten(parts[0]))]))),
            (_, None, _) => warnings.push(bad(&msg(|m| m.e_corr_not_param, &[("key", &shorten(parts[1]))]))),
            (_, _, None) => warnings.push(bad(m.e_corr_not_number)),
            (Some(a), Some(b), Some(rho)) => {
                if a == b {
                    warnings.push(bad(m.e_corr_self));
                } else if !(-1.0..=1.0).contains(&rho) {
                    warnings.push(bad(&msg(|m| m.e_corr_range, &[("value", &format_number(rho))])));
                } else if let Some(p) = [a, b].into_iter().find(|p| scenario.dist(*p).is_none()) {
                    warnings.push(Warning::repaired("corr", item, msg(|m| m.e_corr_not_uncertain, &[("value", &shorten(item)), ("key", p.key())])));
                } else {
                    scenario.set_corr(a, b, rho);
                }
            }
        }
    }
}

/// The canonical text of the correlations: `a:b:rho` joined by commas.
pub fn encode_corrs(corrs: &[(P, P, f64)]) -> String {
    corrs.iter().map(|(a, b, r)| format!("{}:{}:{}", a.key(), b.key(), format_number(*r))).collect::<Vec<_>>().join(",")
}

fn too_long(key: &str, value: &str) -> Warning {
    too_long_max(key, value, MAX_VALUE_CHARS)
}

fn too_long_max(key: &str, value: &str, max: usize) -> Warning {
    Warning::new(
        key,
        &shorten(value),
        msg(|m| m.e_too_long, &[("key", key), ("n", &value.chars().count().to_string()), ("max", &max.to_string())]),
    )
}

/// The parameters a query string must carry for `s`: those that differ
/// from the preset, plus capex and power whenever the chip differs (so
/// decoding does not replace them with the catalogue's).
fn keys_to_write(s: &Scenario) -> Vec<P> {
    let changed = s.changed();
    let chip_changed = changed.contains(&P::accelerator);
    P::ALL
        .iter()
        .copied()
        .filter(|p| changed.contains(p) || (chip_changed && matches!(p, P::capex_usd_per_accelerator | P::it_kw_per_accelerator)))
        .collect()
}

/// Encodes a scenario as a short query string (no leading `?`): the preset
/// when it is not the default, then every value that differs from it.
pub fn encode_query(s: &Scenario) -> String {
    let mut parts = Vec::new();
    if s.preset.id != DEFAULT_PRESET {
        parts.push(format!("preset={}", s.preset.id));
    }
    if !s.uncertainty {
        parts.push("uncertainty=off".to_string());
    }
    for p in keys_to_write(s) {
        let text = match s.dist(p) {
            Some(d) => d.format(),
            None => p.param().format(s.inputs.get(p)),
        };
        parts.push(format!("{}={}", p.key(), percent_encode(&text)));
    }
    if !s.corrs.is_empty() {
        parts.push(format!("corr={}", percent_encode(&encode_corrs(&s.corrs))));
    }
    parts.join("&")
}

/// A scenario as a JSON object holding every parameter (numbers as numbers,
/// quarters and ids as text) and the preset.
pub fn scenario_to_json(s: &Scenario) -> Value {
    let mut map = Map::new();
    map.insert("preset".into(), Value::String(s.preset.id.into()));
    for p in P::ALL {
        let param = p.param();
        let v = s.inputs.get(*p);
        let value = match param.kind {
            _ if s.dist(*p).is_some() => Value::String(s.dist(*p).map(Dist::format).unwrap_or_default()),
            Kind::Number => serde_json::Number::from_f64(v).map(Value::Number).unwrap_or(Value::Null),
            Kind::Count => Value::Number((v.round() as i64).into()),
            Kind::Quarter | Kind::Choice(_) => Value::String(param.format(v)),
        };
        map.insert(p.key().into(), value);
    }
    if !s.corrs.is_empty() {
        map.insert("corr".into(), Value::String(encode_corrs(&s.corrs)));
    }
    if !s.uncertainty {
        map.insert("uncertainty".into(), Value::String("off".into()));
    }
    Value::Object(map)
}

/// Longest JSON text read (an exported scenario is a few kB).
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// Decodes a scenario from JSON: either a scenario object or an export
/// holding one under `"scenario"`. Keys the export adds (`outcome`, ...)
/// are skipped; other unknown keys are warned about.
pub fn decode_json(text: &str) -> Decoded {
    let mut warnings = Vec::new();
    if text.len() > MAX_JSON_BYTES {
        warnings.push(Warning::new("", "", msg(|m| m.e_json_too_big, &[("n", &text.len().to_string()), ("max", &MAX_JSON_BYTES.to_string())])));
        return decode_pairs(Vec::new(), &mut warnings);
    }
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            warnings.push(Warning::new("", "", msg(|m| m.e_json_invalid, &[("error", &e.to_string())])));
            return decode_pairs(Vec::new(), &mut warnings);
        }
    };
    let object = match root.get("scenario").filter(|s| s.is_object()).or(Some(&root)) {
        Some(Value::Object(m)) => m.clone(),
        _ => {
            warnings.push(Warning::new("", "", crate::i18n::t().e_json_no_object));
            return decode_pairs(Vec::new(), &mut warnings);
        }
    };
    let export_keys = ["outcome", "warnings", "generator", "version", "query", "notes", "summary", "view"];
    let pairs = object.into_iter().filter(|(k, _)| !export_keys.contains(&k.as_str())).map(|(k, v)| {
        let raw = match v {
            Value::String(s) => RawValue::Text(s),
            Value::Array(items) if k == "corr" && items.iter().all(Value::is_string) => {
                RawValue::Text(items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","))
            }
            Value::Number(n) => n.as_f64().map(RawValue::Number).unwrap_or(RawValue::Other(n.to_string())),
            other => RawValue::Other(other.to_string()),
        };
        (k, raw)
    });
    decode_pairs(pairs.collect(), &mut warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Inputs;

    fn decode(q: &str) -> (Inputs, Vec<String>) {
        let d = decode_query(q);
        (d.scenario.inputs, d.warnings.into_iter().map(|w| w.message).collect())
    }

    #[test]
    fn empty_query_is_the_default_deal() {
        let d = decode_query("");
        assert_eq!(d.scenario, Scenario::default());
        assert!(d.warnings.is_empty());
        assert_eq!(encode_query(&d.scenario), "");
    }

    #[test]
    fn values_override_the_preset_in_any_order() {
        let (x, w) = decode("pue=1.35&preset=microsoft-iren-2025&start=2026q1");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(x.pue, 1.35);
        assert_eq!(x.value_usd, 9.7e9);
        assert_eq!(P::start.param().format(x.start), "2026Q1");
    }

    #[test]
    fn bad_values_name_the_key_the_value_and_what_is_allowed() {
        let cases = [
            ("pue=7", "pue=7 is out of range: allowed 1 to 2.5"),
            ("pue=abc", "pue='abc' is not a number"),
            ("start=2025Q7", "start='2025Q7': a quarter is written like 2025Q4"),
            ("accelerator=tpu9", "accelerator='tpu9' is not allowed: one of h100"),
            ("frobnicate=1", "'frobnicate' is not a parameter"),
            ("preset=nope", "preset='nope' is not a preset"),
            ("accelerators=12.5", "accelerators=12.5 must be a whole number"),
        ];
        for (q, want) in cases {
            let (x, w) = decode(q);
            assert!(w.iter().any(|m| m.contains(want)), "{q}: {w:?}");
            // The rejected value leaves the preset's in place.
            assert_eq!(x, Inputs::default(), "{q}");
        }
    }

    #[test]
    fn a_new_chip_takes_the_catalogue_capex_and_power_unless_given() {
        let (x, _) = decode("accelerator=h100");
        assert_eq!((x.capex_usd_per_accelerator, x.it_kw_per_accelerator), (50_000.0, 1.2));
        let (x, _) = decode("accelerator=h100&capex_usd_per_accelerator=40000");
        assert_eq!((x.capex_usd_per_accelerator, x.it_kw_per_accelerator), (40_000.0, 1.2));
    }

    #[test]
    fn encode_writes_only_what_differs_and_round_trips() {
        let mut s = Scenario::from_preset(presets::by_id("oracle-openai-2025").expect("preset"));
        s.set_value(P::pue, 1.31);
        s.set_value(P::delay_months, 6.0);
        let q = encode_query(&s);
        assert_eq!(q, "preset=oracle-openai-2025&delay_months=6&pue=1.31");
        assert_eq!(decode_query(&q).scenario, s);
        s.set_accelerator(0.0);
        assert_eq!(decode_query(&encode_query(&s)).scenario, s);
    }

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decode("a%20b+c%3D%zz%"), "a b c=%zz%");
        assert_eq!(percent_encode("a b&c=é"), "a%20b%26c%3D%C3%A9");
        let (x, w) = decode("value_usd=4%2E5e10");
        assert!(w.is_empty());
        assert_eq!(x.value_usd, 4.5e10);
    }

    #[test]
    fn limits_cap_long_input() {
        let long = "1".repeat(MAX_VALUE_CHARS + 1);
        let (_, w) = decode(&format!("pue={long}"));
        assert!(w.iter().any(|m| m.contains("at most 256")), "{w:?}");
        let (_, w) = decode(&"x=1&".repeat(MAX_QUERY_CHARS));
        assert!(w.iter().any(|m| m.contains("only the first 8192")), "{w:?}");
    }

    #[test]
    fn json_round_trips_and_reports_bad_files() {
        let mut s = Scenario::from_preset(presets::by_id("reference-1gw").expect("preset"));
        s.set_value(P::wacc, 0.095);
        s.set_dist(P::pue, Dist::parse(P::pue.param(), "tri:1.1,1.15,1.4").expect("a distribution"));
        s.set_corr(P::pue, P::accelerators, 0.3);
        let text = scenario_to_json(&s).to_string();
        let d = decode_json(&text);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.scenario, s);
        let wrapped = format!("{{\"scenario\": {text}, \"outcome\": {{}}}}");
        assert_eq!(decode_json(&wrapped).scenario, s);
        for bad in ["", "[1,2]", "{\"pue\": true}", "{\"pue\": 9}", "{\"start\": 8103}", "not json"] {
            let d = decode_json(bad);
            assert!(!d.warnings.is_empty(), "{bad}");
            assert_eq!(d.scenario, Scenario::default(), "{bad}");
        }
    }
}
