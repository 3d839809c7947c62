//! The native command-line front.
//!
//! `computedeal eval [QUERY | FILE.json]` prints one JSON object with the
//! outcome of a scenario; `params` prints the parameter table and `presets`
//! the presets. Bad input exits with status 2 and says why on stderr.

use std::io::Write;

use serde_json::{json, Map, Value};

use crate::codec::{self, Decoded};
use crate::model;
use crate::params::{Kind, P};
use crate::presets::PRESETS;
use crate::scenario::Severity;
use crate::sources;

const HELP: &str = "computedeal: what does a giant AI-compute deal buy, cost and earn?

Usage:
  computedeal eval [QUERY | FILE.json | -]
      Evaluate a scenario and print its outcome as JSON. QUERY is the
      calculator's URL query, e.g. 'preset=microsoft-iren-2025&pue=1.3';
      FILE.json (or - for stdin) is an exported scenario. No argument
      evaluates the default deal (AWS-OpenAI, Nov 2025).
  computedeal params       print the parameter table as JSON
  computedeal presets      print the presets as JSON
  computedeal --help       print this help
  computedeal --version    print the version

Exit status: 0 on success, 2 on bad input (the reasons go to stderr).
";

/// Runs the command line; returns the process exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        None | Some("--help") | Some("-h") | Some("help") => {
            let _ = out.write_all(HELP.as_bytes());
            0
        }
        Some("--version") | Some("-V") => {
            let _ = writeln!(out, "computedeal {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("eval") => match read_scenario(rest, err) {
            Some(decoded) => print_json(out, &eval_json(&decoded)),
            None => 2,
        },
        Some("params") => print_json(out, &params_json()),
        Some("presets") => print_json(out, &presets_json()),
        Some(other) => {
            let _ = writeln!(err, "computedeal: unknown command '{other}'; try computedeal --help");
            2
        }
    }
}

fn print_json(out: &mut dyn Write, value: &Value) -> i32 {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            let _ = writeln!(out, "{text}");
            0
        }
        Err(e) => {
            let _ = writeln!(out, "{{\"error\": \"{e}\"}}");
            1
        }
    }
}

/// Reads the scenario argument. Rejected values make it bad input (None);
/// repairs are reported on stderr and the evaluation goes on.
pub fn read_scenario(rest: &[String], err: &mut dyn Write) -> Option<Decoded> {
    if rest.len() > 1 {
        let _ = writeln!(err, "computedeal eval: expected one QUERY or FILE.json, got {} arguments (quote the query)", rest.len());
        return None;
    }
    let arg = rest.first().map(String::as_str).unwrap_or("");
    let decoded = if arg == "-" {
        let mut text = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
            let _ = writeln!(err, "computedeal eval: cannot read stdin: {e}");
            return None;
        }
        codec::decode_json(&text)
    } else if arg.ends_with(".json") {
        match std::fs::read_to_string(arg) {
            Ok(text) => codec::decode_json(&text),
            Err(e) => {
                let _ = writeln!(err, "computedeal eval: cannot read {arg}: {e}");
                return None;
            }
        }
    } else {
        codec::decode_query(arg)
    };
    let mut rejected = false;
    for w in &decoded.warnings {
        rejected |= w.severity == Severity::Rejected;
        let label = if w.severity == Severity::Rejected { "error" } else { "warning" };
        let _ = writeln!(err, "computedeal: {label}: {}", w.message);
    }
    (!rejected).then_some(decoded)
}

/// The outcome JSON: the outcome's keys at the top level, plus the scenario,
/// its canonical query and any warnings.
pub fn eval_json(decoded: &Decoded) -> Value {
    let outcome = model::evaluate(&decoded.scenario.inputs);
    let mut map = match serde_json::to_value(&outcome) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    map.insert("preset".into(), json!(decoded.scenario.preset.id));
    map.insert("query".into(), json!(codec::encode_query(&decoded.scenario)));
    map.insert("scenario".into(), codec::scenario_to_json(&decoded.scenario));
    map.insert("warnings".into(), json!(decoded.warnings));
    Value::Object(map)
}

fn params_json() -> Value {
    Value::Array(
        P::ALL
            .iter()
            .map(|p| {
                let param = p.param();
                let kind = match param.kind {
                    Kind::Number => json!("number"),
                    Kind::Count => json!("count"),
                    Kind::Quarter => json!("quarter"),
                    Kind::Choice(ids) => json!({ "choice": ids }),
                };
                json!({
                    "key": param.key,
                    "label": param.label,
                    "unit": param.unit,
                    "kind": kind,
                    "group": param.group.id(),
                    "default": param.format(param.default),
                    "min": param.format(param.min),
                    "max": param.format(param.max),
                    "step": param.step,
                    "estimate": param.estimate,
                    "source": sources::source(param.source),
                    "help": param.help,
                })
            })
            .collect(),
    )
}

fn presets_json() -> Value {
    Value::Array(
        PRESETS
            .iter()
            .map(|preset| {
                let values: Map<String, Value> = preset
                    .values
                    .iter()
                    .map(|v| (v.param.key().to_string(), json!({ "value": v.value, "source": v.source, "estimate": v.estimate })))
                    .collect();
                json!({ "id": preset.id, "name": preset.name, "summary": preset.summary, "values": values })
            })
            .collect(),
    )
}
