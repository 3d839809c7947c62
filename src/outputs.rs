//! The outcome keys: label, unit and how to read each from an `Outcome`.
//! The CLI, the statistics, the headline cards and the sensitivity analysis
//! all go through this one table.

use crate::model::Outcome;

/// What a unit is, so numbers can be formatted in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Usd,
    UsdPerHour,
    UsdPerYear,
    Fraction,
    Years,
    Count,
    Mw,
    GwhPerYear,
    KtPerYear,
    Pflops,
    Hours,
    TokensPerSecond,
    /// A number in its input's own unit, three significant figures.
    Plain,
}

#[derive(Clone, Copy, Debug)]
pub struct OutputDef {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    pub get: fn(&Outcome) -> Option<f64>,
    /// Whether the Monte Carlo summarizes it (the batch engine computes it).
    pub headline: bool,
}

macro_rules! out {
    ($key:ident, $label:expr, $unit:ident, $headline:expr) => {
        OutputDef { key: stringify!($key), label: $label, unit: Unit::$unit, get: |o| Some(o.$key), headline: $headline }
    };
    ($key:ident?, $label:expr, $unit:ident, $headline:expr) => {
        OutputDef { key: stringify!($key), label: $label, unit: Unit::$unit, get: |o| o.$key, headline: $headline }
    };
}

pub static OUTPUTS: &[OutputDef] = &[
    out!(price_usd_per_accelerator_hour, "Price per accelerator-hour", UsdPerHour, true),
    out!(cost_usd_per_accelerator_hour, "Cost per accelerator-hour", UsdPerHour, true),
    out!(margin, "Margin", Fraction, true),
    out!(npv_usd, "NPV", Usd, true),
    out!(irr?, "IRR", Fraction, true),
    out!(payback_years?, "Payback", Years, true),
    out!(it_mw_peak, "Peak IT power", Mw, true),
    out!(facility_mw_peak, "Peak facility power", Mw, true),
    out!(energy_gwh_per_year, "Energy per year", GwhPerYear, true),
    out!(co2_kt_per_year, "CO2 per year", KtPerYear, true),
    out!(capex_usd, "Capex", Usd, true),
    out!(usd_per_million_tokens, "Cost per million tokens", Usd, true),
    out!(revenue_usd, "Revenue", Usd, true),
    out!(tco_usd_per_year, "TCO per year", UsdPerYear, true),
    out!(accelerators_peak, "Peak accelerators", Count, false),
    out!(racks_peak, "Peak racks", Count, false),
    out!(pflops_peak, "Peak dense PFLOPS", Pflops, false),
    out!(capex_it_usd, "Accelerator IT capex", Usd, false),
    out!(capex_facility_usd, "Facility capex", Usd, false),
    out!(accelerator_hours, "Delivered accelerator-hours", Hours, false),
    out!(tokens_per_second_per_accelerator, "Tokens per second per accelerator", TokensPerSecond, false),
    out!(usd_per_gw_year?, "Revenue per GW-year of IT", UsdPerYear, false),
    out!(cpu_it_mw, "CPU IT power", Mw, false),
    out!(cpu_capex_usd, "CPU capex", Usd, false),
    out!(cpu_tco_usd_per_year, "CPU TCO per year", UsdPerYear, false),
    out!(cpu_price_usd_per_vcpu_hour?, "Price per vCPU-hour", UsdPerHour, false),
    out!(cpu_cost_usd_per_vcpu_hour?, "Cost per vCPU-hour", UsdPerHour, false),
    out!(total_it_mw_peak, "Peak IT power incl. CPUs", Mw, false),
    out!(total_facility_mw_peak, "Peak facility power incl. CPUs", Mw, false),
    out!(total_energy_gwh_per_year, "Energy per year incl. CPUs", GwhPerYear, false),
    out!(total_co2_kt_per_year, "CO2 per year incl. CPUs", KtPerYear, false),
];

pub fn by_key(key: &str) -> Option<&'static OutputDef> {
    OUTPUTS.iter().find(|o| o.key == key)
}

/// The outputs the Monte Carlo summarizes, in table order.
pub fn headline() -> impl Iterator<Item = &'static OutputDef> {
    OUTPUTS.iter().filter(|o| o.headline)
}
