//! The JSON a reader takes away: the scenario (which `codec::decode_json`
//! reads back), its outcome and, when it has run, the Monte Carlo summary.
//! The page's "Export JSON" and `computedeal eval` / `mc` write these.

use serde_json::{json, Map, Value};

use crate::mc::Summary;
use computedeal_core::codec::{self, Decoded};
use computedeal_core::model::{self, Outcome};
use computedeal_core::scenario::Scenario;

/// The outcome's keys at the top level, plus the scenario, its canonical
/// query and its notices as data under `warnings` (`computedeal eval`).
pub fn eval_json(decoded: &Decoded) -> Value {
    let outcome = model::evaluate(&decoded.scenario.inputs);
    let mut map = match serde_json::to_value(&outcome) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    map.insert("preset".into(), json!(decoded.scenario.preset.id.key()));
    map.insert("query".into(), json!(codec::encode_query(&decoded.scenario)));
    map.insert("scenario".into(), codec::scenario_to_json(&decoded.scenario));
    map.insert("warnings".into(), json!(decoded.notices));
    Value::Object(map)
}

/// Per output its moments, percentiles and their Monte Carlo standard
/// errors; the probability of loss and its standard error; how the run drew.
pub fn summary_json(s: &Summary) -> Value {
    let outputs: Map<String, Value> = s
        .outputs
        .iter()
        .map(|o| {
            let v = json!({
                "mean": o.mean, "sd": o.sd, "min": o.min, "max": o.max,
                "p1": o.p(1), "p5": o.p(5), "p10": o.p(10), "p50": o.p(50), "p90": o.p(90), "p95": o.p(95), "p99": o.p(99),
                "defined": o.defined, "undefined": o.undefined,
                "se": { "mean": o.se.mean, "p5": o.se.p5, "p50": o.se.p50, "p95": o.se.p95 },
            });
            (o.output.key().to_string(), v)
        })
        .collect();
    json!({
        "samples": s.samples, "seed": s.seed, "sampling": if s.quasi_random { "rqmc" } else { "plain" }, "replicas": s.replicas,
        "p_loss": s.p_loss, "p_loss_se": s.p_loss_se, "uncertain": s.inputs, "outputs": outputs,
    })
}

#[derive(serde::Serialize)]
struct Document<'a> {
    generator: &'static str,
    query: String,
    scenario: Value,
    outcome: &'a Outcome,
    monte_carlo: Option<Value>,
}

/// The page's export, as pretty JSON: a file `decode_json` imports back.
/// (Serialized straight from the outcome, not through a `Value`: less wasm.)
pub fn document(s: &Scenario, o: &Outcome, summary: Option<&Summary>) -> String {
    let doc = Document {
        generator: concat!("computedeal ", env!("CARGO_PKG_VERSION")),
        query: codec::encode_query(s),
        scenario: codec::scenario_to_json(s),
        outcome: o,
        monte_carlo: summary.map(summary_json),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use computedeal_core::codec::{decode_json, decode_query};

    #[test]
    fn an_export_imports_back_to_the_same_scenario() {
        for q in ["", "preset=india-1gw&pue=1.3&uncertainty=off", "pue=1.1~1.4&wacc=tri:0.07,0.09,0.12&corr=pue:wacc:0.3"] {
            let s = decode_query(q).scenario;
            let o = model::evaluate(&s.inputs);
            let text = document(&s, &o, None);
            let back = decode_json(&text);
            assert!(back.notices.is_empty(), "{q}: {:?}", back.notices);
            assert_eq!(back.scenario, s, "{q}");
            let v: Value = serde_json::from_str(&text).expect("valid JSON");
            assert_eq!(v["outcome"]["npv_usd"].as_f64(), Some(o.out.npv_usd), "{q}");
        }
    }
}
