//! What the deal would mean built in India: the scenario on screen with
//! India's site inputs, which are the `india-1gw` preset's values for the
//! inputs in `SITE` (one table: the preset's), side by side with the
//! scenario as it is; and India's own GPU-hour rates (IndiaAI Mission), in
//! rupees as published.
//!
//! Customs and GST change nothing here: servers and GPUs enter at 0% basic
//! customs duty (ITA-1) and the 18% IGST is recoverable as input credit
//! (`india-customs`), so the capex per accelerator is the scenario's.

use crate::model::{evaluate, Outcome};
use crate::params::{Inputs, P};
use crate::presets::{PresetId, PRESETS};

/// The inputs that move with the site: facility cost, power price, grid
/// emissions, PUE and the cost of capital.
pub const SITE: [P; 5] = [P::facility_capex_usd_per_mw, P::electricity_usd_per_mwh, P::grid_kg_co2_per_mwh, P::pue, P::wacc];

/// One of the IndiaAI Mission's rates per GPU-hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rate {
    /// What an empanelled provider bids, on average (round 1's L1 average).
    Market,
    /// What a startup or a researcher pays after the Mission's subsidy.
    Subsidised,
}

/// IndiaAI's rates in rupees per GPU-hour, with their source id.
pub const INDIAAI: [(Rate, f64, &str); 2] = [(Rate::Market, 115.85, "indiaai-rates"), (Rate::Subsidised, 67.0, "indiaai-rates")];

/// The scenario's inputs with India's site inputs.
pub fn india_inputs(x: &Inputs) -> Inputs {
    let mut y = *x;
    if let Some(india) = PRESETS.iter().find(|p| p.id == PresetId::India1gw) {
        let site = india.inputs();
        for p in SITE {
            y.set(p, site.get(p));
        }
    }
    y
}

/// The scenario and the same capacity built in India.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub here: Outcome,
    pub india: Outcome,
    pub india_inputs: Inputs,
}

pub fn compare(x: &Inputs) -> Comparison {
    let india_inputs = india_inputs(x);
    Comparison { here: evaluate(x), india: evaluate(&india_inputs), india_inputs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outputs::Output;

    #[test]
    fn india_changes_only_the_site_inputs() {
        let x = PRESETS[0].inputs();
        let y = india_inputs(&x);
        for p in P::ALL {
            if SITE.contains(p) {
                continue;
            }
            assert_eq!(x.get(*p).to_bits(), y.get(*p).to_bits(), "{}", p.key());
        }
        // The india-1gw preset's site: $6.64M per MW, $67.1 per MWh, 712 kg CO2 per MWh, PUE 1.4, 9.5%.
        assert_eq!((y.facility_capex_usd_per_mw, y.electricity_usd_per_mwh, y.grid_kg_co2_per_mwh, y.pue, y.wacc), (6.64e6, 67.1, 712.0, 1.4, 0.095));
        // Applied to the India preset itself, nothing changes.
        let i = PRESETS.iter().find(|p| p.id == PresetId::India1gw).expect("india-1gw").inputs();
        assert_eq!(india_inputs(&i), i);
        // Energy scales with PUE: the default deal's IT power × 1.4 / its PUE.
        let c = compare(&x);
        let e = |o: &Outcome| o.get(Output::energy_gwh_per_year).expect("energy");
        assert!((e(&c.india) / e(&c.here) - 1.4 / x.pue).abs() < 1e-9, "{} {}", e(&c.india), e(&c.here));
    }
}
