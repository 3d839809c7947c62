//! Scenario codecs: the readable `key=value&...` query string that the web
//! app keeps in its URL (and the CLI takes), and JSON.
//!
//! Decoding never fails and never panics: it returns the scenario it could
//! build (the preset's value wherever a value was rejected) and a notice for
//! every input it ignored or repaired (`notice::Notice`: data, not sentences). Both decoders treat their input as
//! untrusted: lengths are capped and nothing is interpreted beyond the table.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::dist::Dist;
use crate::notice::{Allowed, Notice, Problem};
use crate::params::{format_number, parse_number, Kind, P};
use crate::presets::{self, DEFAULT_PRESET};
pub use crate::scenario::encode_corrs;
use crate::scenario::{scenario_notices, Scenario};

/// Longest query string read; the rest is ignored with a warning.
pub const MAX_QUERY_CHARS: usize = 8192;
/// Longest value read for one key.
pub const MAX_VALUE_CHARS: usize = 256;
/// More unknown keys than this are reported in one notice, naming this many.
pub const MAX_UNKNOWN_LISTED: usize = 8;
/// Keys that belong to the view (language, chart, embedding ...) rather than
/// the model. The codec passes them through for the UI to check.
pub const VIEW_KEYS: &[&str] = &[
    "lang",
    "currency",
    "fx",
    "chart",
    "kpis",
    "embed",
    "sw",
    "debug",
    "compare",
    "output",
    "theme",
    "bench",
    "workers",
    "title",
    "subtitle",
    "static",
    "plain",
    "transparent",
    "portfolio",
];

/// What a decoder could build, and what it had to say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    pub notices: Vec<Notice>,
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

/// A query string without its leading `?`, cut at `MAX_QUERY_CHARS` (on a
/// character's boundary) with a notice when longer: the rule every query
/// decoder follows (the scenario's, the portfolio's).
pub fn capped_query<'a>(query: &'a str, notices: &mut Vec<Notice>) -> &'a str {
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() <= MAX_QUERY_CHARS {
        return query;
    }
    let mut cut = MAX_QUERY_CHARS;
    while !query.is_char_boundary(cut) {
        cut -= 1;
    }
    notices.push(Notice::rejected("", "", Problem::QueryTooLong { chars: query.len(), max: MAX_QUERY_CHARS }));
    &query[..cut]
}

/// Splits a query string (with or without its leading `?`) into decoded
/// key-value pairs, warning about what it cannot read.
fn split_query(query: &str, notices: &mut Vec<Notice>) -> Vec<(String, String)> {
    capped_query(query, notices)
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
    let mut notices = Vec::new();
    let pairs = split_query(query, &mut notices);
    decode_pairs(pairs.into_iter().map(|(k, v)| (k, RawValue::Text(v))).collect(), &mut notices)
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
fn decode_pairs(pairs: Vec<(String, RawValue)>, notices: &mut Vec<Notice>) -> Decoded {
    // The preset comes first: the other keys override it, wherever they stand.
    let mut preset = presets::default_preset();
    // Keys given more than once: the last value is used, and said so.
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (key, value) in &pairs {
        if key != "corr" && !seen.insert(key.as_str()) {
            let shown = value.shown();
            notices.push(Notice::repaired(key, &shown, Problem::Duplicate).using(shown.clone()));
        }
    }
    for (key, value) in pairs.iter().filter(|(k, _)| k == "preset") {
        let text = value.shown();
        match presets::by_id(text.trim()) {
            Some(p) => preset = p,
            None => notices.push(
                Notice::rejected(
                    key,
                    &text,
                    Problem::BadPreset {
                        allowed: Allowed::OneOf(presets::PRESETS.iter().map(|p| p.id.key().to_string()).collect()),
                        used: preset.id.key().to_string(),
                    },
                )
                .using(preset.id.key()),
            ),
        }
    }
    let mut uncertainty = true;
    for (key, value) in pairs.iter().filter(|(k, _)| k == "uncertainty") {
        let text = value.shown();
        match text.trim().to_ascii_lowercase().as_str() {
            "on" | "1" | "true" => uncertainty = true,
            "off" | "0" | "false" => uncertainty = false,
            _ => notices.push(Notice::rejected(key, &text, Problem::BadUncertainty)),
        }
    }
    let mut scenario = Scenario::base(preset, uncertainty);
    let mut given: BTreeSet<P> = BTreeSet::new();
    let mut view = BTreeMap::new();
    let mut unknown: Vec<Notice> = Vec::new();
    let mut corr_texts: Vec<(String, bool)> = Vec::new();
    for (key, value) in pairs {
        let shown = value.shown();
        if key == "corr" {
            corr_texts.push((shown, value_is_text(&value)));
            continue;
        }
        if key == "preset" || key == "uncertainty" {
            continue;
        }
        if VIEW_KEYS.contains(&key.as_str()) {
            // A pinned scenario and the portfolio's choices are whole queries
            // of their own, capped by their own decoders; an embed's title
            // and subtitle are cut to their length, with a notice, by the view.
            let limit = if matches!(key.as_str(), "compare" | "portfolio" | "title" | "subtitle") { MAX_QUERY_CHARS } else { MAX_VALUE_CHARS };
            if shown.chars().count() > limit {
                notices.push(too_long(&key, &shown, limit));
            } else {
                view.insert(key, shown);
            }
            continue;
        }
        let Some(p) = P::from_key(&key) else {
            unknown.push(Notice::rejected(&key, &shown, Problem::UnknownParam));
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
                    Err(problem) => notices.push(Notice::rejected(&key, &shown, problem).using(param.format(scenario.preset.inputs().get(p)))),
                }
                continue;
            }
        }
        let parsed = match &value {
            RawValue::Text(t) if t.chars().count() > MAX_VALUE_CHARS => Err(Problem::TooLong { chars: t.chars().count(), max: MAX_VALUE_CHARS }),
            RawValue::Text(t) => param.parse(t),
            RawValue::Number(n) if param.is_numeric() => param.check(*n),
            RawValue::Number(_) => Err(Problem::NumberNotText { allowed: param.allowed() }),
            RawValue::Other(_) => Err(Problem::NotNumberOrText { allowed: param.allowed() }),
        };
        match parsed {
            Ok(v) => {
                scenario.set_value(p, v);
                given.insert(p);
            }
            Err(problem) => notices.push(Notice::rejected(&key, &shown, problem).using(param.format(scenario.preset.inputs().get(p)))),
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
    // Many unknown keys are said in one notice, naming the first few.
    if unknown.len() > MAX_UNKNOWN_LISTED {
        let keys = unknown.iter().take(MAX_UNKNOWN_LISTED).map(|n| n.key.clone()).collect();
        notices.push(Notice::rejected("", "", Problem::UnknownParams { count: unknown.len(), keys }));
    } else {
        notices.append(&mut unknown);
    }
    let mut pairs_seen = BTreeSet::new();
    for (k, (text, is_text)) in corr_texts.iter().enumerate() {
        if k > 0 {
            notices.push(Notice::repaired("corr", text, Problem::CorrRepeated));
        }
        decode_corrs(text, *is_text, &mut scenario, &mut pairs_seen, notices);
    }
    notices.extend(scenario_notices(&scenario));
    Decoded { scenario, notices: std::mem::take(notices), view }
}

fn value_is_text(v: &RawValue) -> bool {
    matches!(v, RawValue::Text(_))
}

/// Whether a value is written in the distribution syntax rather than as a number.
fn looks_like_dist(text: &str) -> bool {
    parse_number(text.trim()).is_none() && (text.contains('~') || text.contains(':'))
}

/// Parses correlation pairs (`a:b:0.4`, comma-separated) for a scenario:
/// the valid pairs and a notice for each one that is not.
pub fn parse_corrs(text: &str, scenario: &Scenario) -> (Vec<(P, P, f64)>, Vec<Notice>) {
    let mut s = scenario.clone();
    s.corrs.clear();
    let mut notices = Vec::new();
    decode_corrs(text, true, &mut s, &mut BTreeSet::new(), &mut notices);
    (s.corrs, notices)
}

/// Reads `a:b:0.4` pairs (comma-separated) into the scenario's correlations.
fn decode_corrs(text: &str, is_text: bool, scenario: &mut Scenario, pairs_seen: &mut BTreeSet<(P, P)>, notices: &mut Vec<Notice>) {
    if !is_text || text.chars().count() > MAX_VALUE_CHARS {
        notices.push(Notice::rejected("corr", text, Problem::CorrNotText { max: MAX_VALUE_CHARS }));
        return;
    }
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let bad = |problem: Problem| Notice::rejected("corr", item, problem);
        let parts: Vec<&str> = item.split(':').collect();
        if parts.len() != 3 {
            notices.push(bad(Problem::CorrForm));
            continue;
        }
        let (a, b) = (P::from_key(parts[0].trim()), P::from_key(parts[1].trim()));
        let rho = parse_number(parts[2].trim());
        match (a, b, rho) {
            (None, _, _) => notices.push(bad(Problem::CorrNotParam { key: parts[0].to_string() })),
            (_, None, _) => notices.push(bad(Problem::CorrNotParam { key: parts[1].to_string() })),
            (_, _, None) => notices.push(bad(Problem::CorrNotNumber)),
            (Some(a), Some(b), Some(rho)) => {
                if a == b {
                    notices.push(bad(Problem::CorrSelf));
                } else if !(-1.0..=1.0).contains(&rho) {
                    notices.push(bad(Problem::CorrRange { rho }));
                } else if let Some(p) = [a, b].into_iter().find(|p| scenario.dist(*p).is_none()) {
                    notices.push(Notice::repaired("corr", item, Problem::CorrNotUncertain { key: p.key().to_string() }));
                } else {
                    // The same pair again: the later value is used, and said so.
                    if !pairs_seen.insert(if a < b { (a, b) } else { (b, a) }) {
                        notices.push(Notice::repaired("corr", item, Problem::CorrPairRepeated).using(format_number(rho)));
                    }
                    scenario.set_corr(a, b, rho);
                }
            }
        }
    }
}

fn too_long(key: &str, value: &str, max: usize) -> Notice {
    Notice::rejected(key, value, Problem::TooLong { chars: value.chars().count(), max })
}

/// The parameters a query string must carry for `s`: those that differ
/// from the preset, plus capex and power whenever the chip differs (so
/// decoding does not replace them with the catalogue's).
fn keys_to_write(s: &Scenario) -> Vec<P> {
    let changed = s.changed();
    let chip_changed = changed.contains(&P::accelerator);
    P::ALL.iter().copied().filter(|p| changed.contains(p) || (chip_changed && matches!(p, P::capex_usd_per_accelerator | P::it_kw_per_accelerator))).collect()
}

/// Encodes a scenario as a short query string (no leading `?`): the preset
/// when it is not the default, then every value that differs from it.
pub fn encode_query(s: &Scenario) -> String {
    let mut parts = Vec::new();
    if s.preset.id != DEFAULT_PRESET {
        parts.push(format!("preset={}", s.preset.id.key()));
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
    let corrs = s.corrs_changed();
    if !corrs.is_empty() {
        parts.push(format!("corr={}", percent_encode(&encode_corrs(&corrs))));
    }
    parts.join("&")
}

/// A scenario as a JSON object holding every parameter (numbers as numbers,
/// quarters and ids as text) and the preset.
pub fn scenario_to_json(s: &Scenario) -> Value {
    let mut map = Map::new();
    map.insert("preset".into(), Value::String(s.preset.id.key().into()));
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
    let corrs = s.corrs_to_export();
    if !corrs.is_empty() {
        map.insert("corr".into(), Value::String(encode_corrs(&corrs)));
    }
    if !s.uncertainty {
        map.insert("uncertainty".into(), Value::String("off".into()));
    }
    Value::Object(map)
}

/// Longest JSON text read (an exported scenario is a few kB).
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// What a decoder gives for a file refused as a whole: the default
/// scenario and the reason.
pub fn refused_file(problem: Problem) -> Decoded {
    decode_pairs(Vec::new(), &mut vec![Notice::rejected("", "", problem)])
}

/// Decodes a scenario file's bytes, as the page's import and the command
/// line both read them: UTF-8 (with or without a byte-order mark) or UTF-16
/// with its byte-order mark (little- or big-endian), then `decode_json`.
/// Bytes over `MAX_JSON_BYTES` are refused whole, and so is text in no
/// accepted encoding (the first byte that is not, counting from 1).
pub fn decode_file(bytes: &[u8]) -> Decoded {
    if bytes.len() > MAX_JSON_BYTES {
        return refused_file(Problem::FileTooBig { bytes: bytes.len(), max: MAX_JSON_BYTES });
    }
    match file_text(bytes) {
        Ok(text) => decode_json(&text),
        Err(byte) => refused_file(Problem::NotUtf8 { byte }),
    }
}

/// A file's text in the accepted encodings, or the first byte (from 1)
/// that is not text in its encoding.
pub fn file_text(bytes: &[u8]) -> Result<String, usize> {
    let utf16 = |body: &[u8], unit: fn([u8; 2]) -> u16| -> Result<String, usize> {
        if body.len() % 2 == 1 {
            return Err(2 + body.len());
        }
        let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        let mut text = String::with_capacity(body.len() / 2);
        let mut at = 0;
        for c in char::decode_utf16(units) {
            match c {
                Ok(c) => {
                    text.push(c);
                    at += c.len_utf16();
                }
                Err(_) => return Err(3 + 2 * at),
            }
        }
        Ok(text)
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, body @ ..] => std::str::from_utf8(body).map(str::to_string).map_err(|e| 4 + e.valid_up_to()),
        [0xFF, 0xFE, body @ ..] => utf16(body, u16::from_le_bytes),
        [0xFE, 0xFF, body @ ..] => utf16(body, u16::from_be_bytes),
        _ => std::str::from_utf8(bytes).map(str::to_string).map_err(|e| 1 + e.valid_up_to()),
    }
}

/// Decodes a scenario from JSON: either a scenario object or an export
/// holding one under `"scenario"`. Keys the export adds (`outcome`, ...)
/// are skipped; other unknown keys are warned about.
pub fn decode_json(text: &str) -> Decoded {
    let mut notices = Vec::new();
    if text.len() > MAX_JSON_BYTES {
        notices.push(Notice::rejected("", "", Problem::FileTooBig { bytes: text.len(), max: MAX_JSON_BYTES }));
        return decode_pairs(Vec::new(), &mut notices);
    }
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            notices.push(Notice::rejected("", "", Problem::NotJson { line: e.line(), column: e.column() }));
            return decode_pairs(Vec::new(), &mut notices);
        }
    };
    let nested = root.get("scenario").is_some_and(Value::is_object);
    let object = match root.get("scenario").filter(|s| s.is_object()).or(Some(&root)) {
        Some(Value::Object(m)) => m.clone(),
        _ => {
            notices.push(Notice::rejected("", "", Problem::NoScenarioObject));
            return decode_pairs(Vec::new(), &mut notices);
        }
    };
    // A key given twice in the object: JSON keeps the last, and it is said.
    let (root_dups, scenario_dups) = duplicate_keys(text);
    let shown = |v: &Value| v.as_str().map(String::from).unwrap_or_else(|| v.to_string());
    if nested && root_dups.iter().any(|k| k == "scenario") {
        notices.push(Notice::repaired("scenario", "{…}", Problem::Duplicate).using("{…}"));
    }
    for key in if nested { scenario_dups } else { root_dups } {
        let shown = object.get(&key).map(shown).unwrap_or_default();
        notices.push(Notice::repaired(&key, &shown, Problem::Duplicate).using(shown.clone()));
    }
    // What a file holds that is not read is said: the parts the page's export
    // and `computedeal eval` add (`outcome`, `monte_carlo`, each output, …)
    // are skipped quietly; anything else beside `scenario`, and the page's
    // own settings (`lang`, `title`, …), which belong to an address, not to
    // a scenario.
    let export_keys = ["outcome", "warnings", "generator", "version", "query", "notes", "summary", "view"];
    let export_root = ["monte_carlo", "quarters", "years", "preset"];
    if nested {
        if let Value::Object(root) = &root {
            let added = |k: &str| export_keys.contains(&k) || export_root.contains(&k) || crate::outputs::Output::from_key(k).is_some();
            for (k, v) in root.iter().filter(|(k, _)| *k != "scenario" && !added(k)) {
                notices.push(Notice::repaired(k, &shown(v), Problem::BesideScenario));
            }
        }
    }
    let object: serde_json::Map<String, Value> = object
        .into_iter()
        .filter(|(k, v)| {
            let view = VIEW_KEYS.contains(&k.as_str());
            if view {
                notices.push(Notice::repaired(k, &shown(v), Problem::ViewKeyInFile));
            }
            !view
        })
        .collect();
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
    decode_pairs(pairs.collect(), &mut notices)
}

/// The keys given more than once in a JSON text's root object and in its
/// `scenario` object (serde_json keeps only the last of them).
fn duplicate_keys(text: &str) -> (Vec<String>, Vec<String>) {
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

    #[derive(Clone, Copy, PartialEq)]
    enum Level {
        Root,
        Scenario,
        Other,
    }
    struct Scan<'a> {
        level: Level,
        dups: &'a mut (Vec<String>, Vec<String>),
    }
    impl<'de> DeserializeSeed<'de> for Scan<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Scan<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut seen = BTreeSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    match self.level {
                        Level::Root => self.dups.0.push(key.clone()),
                        Level::Scenario => self.dups.1.push(key.clone()),
                        Level::Other => {}
                    }
                }
                let level = if self.level == Level::Root && key == "scenario" { Level::Scenario } else { Level::Other };
                map.next_value_seed(Scan { level, dups: &mut *self.dups })?;
            }
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(Scan { level: Level::Other, dups: &mut *self.dups })?.is_some() {}
            Ok(())
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
    }
    let mut dups = (Vec::new(), Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let _ = Scan { level: Level::Root, dups: &mut dups }.deserialize(&mut de);
    dups.0.dedup();
    dups.1.dedup();
    dups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::Severity;
    use crate::params::Inputs;

    fn decode(q: &str) -> (Inputs, Vec<Notice>) {
        let d = decode_query(q);
        (d.scenario.inputs, d.notices)
    }

    #[test]
    fn empty_query_is_the_default_deal() {
        let d = decode_query("");
        assert_eq!(d.scenario, Scenario::default());
        assert!(d.notices.is_empty());
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
        // (The sentences these become are tested in computedeal-present.)
        let pue = Allowed::Range { min: "1".into(), max: "3".into() };
        let cases = [
            ("pue=7", "pue", "7", Problem::OutOfRange { allowed: pue.clone() }, Some("1.14")),
            ("pue=abc", "pue", "abc", Problem::NotANumber { allowed: pue }, Some("1.14")),
            ("start=2025Q7", "start", "2025Q7", Problem::BadQuarter, Some("2025Q4")),
            ("frobnicate=1", "frobnicate", "1", Problem::UnknownParam, None),
            ("accelerators=12.5", "accelerators", "12.5", Problem::NotWhole, Some("200000")),
        ];
        for (q, key, given, problem, used) in cases {
            let (x, w) = decode(q);
            assert_eq!(w, vec![Notice { key: key.into(), given: given.into(), problem, severity: Severity::Rejected, used: used.map(String::from) }], "{q}");
            // The rejected value leaves the preset's in place.
            assert_eq!(x, Inputs::default(), "{q}");
        }
        let (_, w) = decode("accelerator=tpu9");
        assert!(matches!(&w[0].problem, Problem::NotAllowed { allowed: Allowed::OneOf(ids) } if ids[0] == "h100"), "{w:?}");
        let (_, w) = decode("preset=nope");
        assert!(matches!(&w[0].problem, Problem::BadPreset { .. }) && w[0].used.as_deref() == Some("aws-openai-2025"), "{w:?}");
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
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(x.value_usd, 4.5e10);
    }

    #[test]
    fn limits_cap_long_input() {
        let long = "1".repeat(MAX_VALUE_CHARS + 1);
        let (_, w) = decode(&format!("pue={long}"));
        assert!(w.iter().any(|n| n.problem == Problem::TooLong { chars: 257, max: 256 }), "{w:?}");
        let (_, w) = decode(&"x=1&".repeat(MAX_QUERY_CHARS));
        assert!(w.iter().any(|n| n.problem == Problem::QueryTooLong { chars: 4 * MAX_QUERY_CHARS, max: 8192 }), "{w:?}");
    }

    #[test]
    fn json_round_trips_and_reports_bad_files() {
        let mut s = Scenario::from_preset(presets::by_id("reference-1gw").expect("preset"));
        s.set_value(P::wacc, 0.095);
        s.set_dist(P::pue, Dist::parse(P::pue.param(), "tri:1.1,1.15,1.4").expect("a distribution"));
        s.set_corr(P::pue, P::accelerators, 0.3);
        let text = scenario_to_json(&s).to_string();
        let d = decode_json(&text);
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!(d.scenario, s);
        let wrapped = format!("{{\"scenario\": {text}, \"outcome\": {{}}}}");
        assert_eq!(decode_json(&wrapped).scenario, s);
        for bad in ["", "[1,2]", "{\"pue\": true}", "{\"pue\": 9}", "{\"start\": 8103}", "not json"] {
            let d = decode_json(bad);
            assert!(!d.notices.is_empty(), "{bad}");
            assert_eq!(d.scenario, Scenario::default(), "{bad}");
        }
    }
}

#[cfg(test)]
mod file_tests {
    use super::*;

    #[test]
    fn a_file_is_read_in_utf8_with_or_without_its_mark_and_in_utf16_with_its_mark() {
        let text = r#"{"pue": 1.3, "preset": "microsoft-iren-2025"}"#;
        let want = decode_json(text);
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].iter().chain(text.as_bytes()).copied().collect();
        for bytes in [text.as_bytes().to_vec(), bom, le.clone(), be] {
            assert_eq!(decode_file(&bytes), want);
        }
        // Not text in its encoding: the first byte that is not, from 1.
        // `{"pue": ` is 8 bytes: 0xFE is byte 9 of the plain file.
        assert_eq!(file_text(b"{\"pue\": \xfe}"), Err(9));
        // After a UTF-8 mark, the same byte is 3 further on.
        assert_eq!(file_text(b"\xef\xbb\xbf{\"pue\": \xfe}"), Err(12));
        // UTF-16 with an odd byte count (the dangling last byte), and with a
        // lone surrogate (its first byte: mark 2 + two units of 2 = byte 7).
        assert_eq!(file_text(&le[..le.len() - 1]), Err(le.len() - 1));
        let lone: Vec<u8> = [0xFF, 0xFE, b'{', 0, b'"', 0, 0x00, 0xD8, b'"', 0].to_vec();
        assert_eq!(file_text(&lone), Err(7));
        assert!(matches!(decode_file(&lone).notices[0].problem, Problem::NotUtf8 { byte: 7 }));
        // Without its mark UTF-16 is not read as text.
        assert!(matches!(decode_file(&le[2..]).notices[0].problem, Problem::NotUtf8 { .. } | Problem::NotJson { .. }));
        // Over the cap, refused whole.
        let big = vec![b' '; MAX_JSON_BYTES + 1];
        assert!(matches!(decode_file(&big).notices[0].problem, Problem::FileTooBig { bytes, .. } if bytes == MAX_JSON_BYTES + 1));
    }

    #[test]
    fn what_a_file_holds_that_is_not_read_is_said() {
        let d = decode_json(r#"{"scenario": {"pue": 1.3, "lang": "hi", "title": "x"}, "outcome": {}, "mine": 1}"#);
        let said: Vec<(&str, &Problem)> = d.notices.iter().map(|n| (n.key.as_str(), &n.problem)).collect();
        assert!(said.contains(&("mine", &Problem::BesideScenario)), "{said:?}");
        assert!(said.contains(&("lang", &Problem::ViewKeyInFile)) && said.contains(&("title", &Problem::ViewKeyInFile)), "{said:?}");
        // What an export adds is skipped quietly.
        assert!(!said.iter().any(|(k, _)| *k == "outcome"), "{said:?}");
        assert_eq!(d.scenario.inputs.pue, 1.3);
        // A view key at the root of a flat scenario file is said too.
        let d = decode_json(r#"{"pue": 1.3, "currency": "inr"}"#);
        assert!(d.notices.iter().any(|n| n.key == "currency" && n.problem == Problem::ViewKeyInFile), "{:?}", d.notices);
        // Two "scenario" objects: the last is used, and it is said.
        let d = decode_json(r#"{"scenario": {"pue": 1.3}, "scenario": {"pue": 1.2}}"#);
        assert_eq!(d.scenario.inputs.pue, 1.2);
        assert!(d.notices.iter().any(|n| n.key == "scenario" && n.problem == Problem::Duplicate), "{:?}", d.notices);
        // None of these refuse the file.
        assert!(d.notices.iter().all(|n| n.severity != crate::notice::Severity::Rejected));
    }
}
