//! The presets: the AWS–OpenAI deal (the default) and comparable deals. Each
//! preset overrides the parameter table's defaults with values that cite
//! their source and say whether they are reported or estimated.

use crate::dist::{Dist, Shape};
use crate::params::{tidy, Inputs, P};

#[derive(Clone, Copy, Debug)]
pub struct PresetValue {
    pub param: P,
    /// The value as it would appear in a URL (a number, a quarter, an id).
    pub value: &'static str,
    pub source: &'static str,
    pub estimate: bool,
}

/// The presets, one variant each: the translations match on it, so a preset
/// without its name and summary in every language does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PresetId {
    AwsOpenai2025,
    AwsOpenai2026100b,
    AwsOpenai2026138b,
    OracleOpenai2025,
    MicrosoftIren2025,
    CoreweaveOpenai2025,
    MicrosoftNebius2025,
    GoogleAnthropicTpu2025,
    Reference1gw,
    India1gw,
}

impl PresetId {
    pub const ALL: [PresetId; 10] = [
        PresetId::AwsOpenai2025,
        PresetId::AwsOpenai2026100b,
        PresetId::AwsOpenai2026138b,
        PresetId::OracleOpenai2025,
        PresetId::MicrosoftIren2025,
        PresetId::CoreweaveOpenai2025,
        PresetId::MicrosoftNebius2025,
        PresetId::GoogleAnthropicTpu2025,
        PresetId::Reference1gw,
        PresetId::India1gw,
    ];

    /// The id used in URLs (`preset=`) and files.
    pub fn key(self) -> &'static str {
        match self {
            PresetId::AwsOpenai2025 => "aws-openai-2025",
            PresetId::AwsOpenai2026100b => "aws-openai-2026-100b",
            PresetId::AwsOpenai2026138b => "aws-openai-2026-138b",
            PresetId::OracleOpenai2025 => "oracle-openai-2025",
            PresetId::MicrosoftIren2025 => "microsoft-iren-2025",
            PresetId::CoreweaveOpenai2025 => "coreweave-openai-2025",
            PresetId::MicrosoftNebius2025 => "microsoft-nebius-2025",
            PresetId::GoogleAnthropicTpu2025 => "google-anthropic-tpu-2025",
            PresetId::Reference1gw => "reference-1gw",
            PresetId::India1gw => "india-1gw",
        }
    }

    pub fn from_key(key: &str) -> Option<PresetId> {
        PresetId::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn preset(self) -> &'static Preset {
        // Every id has its preset (a test checks), in `PRESETS` order.
        PRESETS.iter().find(|p| p.id == self).unwrap_or(&PRESETS[0])
    }
}

#[derive(Clone, Copy)]
pub struct Preset {
    pub id: PresetId,
    pub values: &'static [PresetValue],
}

const fn r(param: P, value: &'static str, source: &'static str) -> PresetValue {
    PresetValue { param, value, source, estimate: false }
}
const fn e(param: P, value: &'static str, source: &'static str) -> PresetValue {
    PresetValue { param, value, source, estimate: true }
}

pub const DEFAULT_PRESET: PresetId = PresetId::AwsOpenai2025;

pub static PRESETS: &[Preset] = &[
    Preset {
        id: PresetId::AwsOpenai2025,
        // The table's defaults are this deal; they cite their sources there.
        values: &[],
    },
    Preset {
        id: PresetId::AwsOpenai2026100b,
        values: &[
            e(P::expansion_value_usd, "62e9", "aws-openai-expansion"),
            r(P::expansion_term_years, "8", "aws-openai-expansion"),
            r(P::expansion_accelerator, "trn3", "aws-openai-expansion"),
            // ~2 GW of facility power, taken as half Trainium3 and half
            // Trainium4: 1,000,000 kW / (1.4 kW of IT × PUE 1.14) = 627k
            // Trainium3 from 2027, and / (2.8 kW × 1.14) = 313k Trainium4.
            e(P::expansion_accelerators, "627000", "aws-openai-expansion"),
            r(P::expansion_start, "2027Q1", "aws-openai-expansion"),
            // Fully online by the end of 2028 and 2029: OpenAI's >10 GW by 2029 includes Amazon's 2 GW.
            e(P::expansion_ramp_quarters, "8", "openai-10gw"),
            r(P::expansion2_accelerator, "trn4", "aws-openai-expansion"),
            e(P::expansion2_accelerators, "313000", "aws-openai-expansion"),
            // Trainium4 is expected late 2026 or in 2027 (The Next Platform); in volume a year after.
            e(P::expansion2_start, "2028Q1", "aws-trn4"),
        ],
    },
    Preset {
        id: PresetId::AwsOpenai2026138b,
        values: &[
            r(P::expansion_value_usd, "100e9", "aws-openai-expansion"),
            r(P::expansion_term_years, "8", "aws-openai-expansion"),
            r(P::expansion_accelerator, "trn3", "aws-openai-expansion"),
            // Sized as the other reading.
            e(P::expansion_accelerators, "627000", "aws-openai-expansion"),
            r(P::expansion_start, "2027Q1", "aws-openai-expansion"),
            e(P::expansion_ramp_quarters, "8", "openai-10gw"),
            r(P::expansion2_accelerator, "trn4", "aws-openai-expansion"),
            e(P::expansion2_accelerators, "313000", "aws-openai-expansion"),
            e(P::expansion2_start, "2028Q1", "aws-trn4"),
        ],
    },
    Preset {
        id: PresetId::OracleOpenai2025,
        values: &[
            r(P::value_usd, "300e9", "oracle-openai"),
            r(P::term_years, "5", "oracle-openai"),
            r(P::start, "2027Q1", "oracle-openai"),
            e(P::ramp_end, "2028Q4", "oracle-openai"),
            e(P::accelerator, "gb300", "oracle-openai"),
            // Reported as ~2 million accelerators for ~5 GW (4.2M kW of IT at 2.1 kW each).
            r(P::accelerators, "2000000", "oracle-openai-scope"),
            // Some sites reportedly slipped a year, 2027 → 2028 (Bloomberg); Oracle
            // says no site its commitments need is late: half the year on average.
            e(P::delay_months, "6", "delivery-slips"),
            // A cloud contract bills capacity as it is delivered, so the slip moves
            // the revenue later rather than losing it.
            e(P::term_basis, "delivery", "oracle-openai"),
            r(P::vcpus, "0", "oracle-openai"),
            r(P::cpu_value_fraction, "0", "oracle-openai"),
            e(P::wacc, "0.09", "hyperscaler-wacc"),
        ],
    },
    Preset {
        id: PresetId::MicrosoftIren2025,
        values: &[
            r(P::value_usd, "9.7e9", "microsoft-iren"),
            r(P::term_years, "5", "microsoft-iren"),
            r(P::start, "2025Q4", "microsoft-iren"),
            r(P::ramp_end, "2026Q4", "microsoft-iren"),
            r(P::accelerator, "gb300", "microsoft-iren"),
            r(P::accelerators, "76000", "microsoft-iren"),
            r(P::capex_usd_per_accelerator, "76300", "iren-capex"),
            r(P::it_kw_per_accelerator, "2.63", "iren-density"),
            // Billed for five years from the delivery of each phase.
            e(P::term_basis, "delivery", "microsoft-iren"),
            r(P::vcpus, "0", "microsoft-iren"),
            r(P::cpu_value_fraction, "0", "microsoft-iren"),
            // The deal's own financing: A-rated GPU debt at ~6% and Microsoft's prepayment cover 96% of the GPUs.
            e(P::wacc, "0.075", "iren-financing"),
        ],
    },
    Preset {
        id: PresetId::CoreweaveOpenai2025,
        values: &[
            r(P::value_usd, "22.4e9", "coreweave-openai"),
            r(P::term_years, "5", "coreweave-openai"),
            r(P::start, "2025Q2", "coreweave-openai"),
            e(P::ramp_end, "2026Q4", "coreweave-openai"),
            e(P::accelerator, "gb200", "coreweave-openai"),
            r(P::market_usd_per_accelerator_hour, "4.2", "gb200-committed-rent"),
            // At IREN's contract-implied $2.91 per GPU-hour: 22.4e9 / (2.91 × 8,760 × 5) = 176k, ~180k with the ramp.
            e(P::accelerators, "180000", "coreweave-openai"),
            e(P::capex_usd_per_accelerator, "70000", "gb200-capex"),
            e(P::it_kw_per_accelerator, "1.8", "nvidia-gb200"),
            // A neocloud bills each block of capacity from its delivery.
            e(P::term_basis, "delivery", "coreweave-openai"),
            r(P::vcpus, "0", "coreweave-openai"),
            r(P::cpu_value_fraction, "0", "coreweave-openai"),
            e(P::wacc, "0.11", "neocloud-wacc"),
        ],
    },
    Preset {
        id: PresetId::MicrosoftNebius2025,
        values: &[
            r(P::value_usd, "17.4e9", "microsoft-nebius"),
            e(P::term_years, "5.25", "microsoft-nebius"),
            r(P::start, "2025Q4", "microsoft-nebius"),
            e(P::ramp_end, "2026Q4", "microsoft-nebius"),
            e(P::accelerator, "gb300", "microsoft-nebius"),
            // "More than 100,000" GB300 for Microsoft (The Information, relayed); the
            // site's 300 MW / 2.3 kW per GPU = 130k would be its whole size.
            e(P::accelerators, "100000", "nebius-gpu-count"),
            e(P::it_kw_per_accelerator, "2.3", "nscale-density"),
            r(P::electricity_usd_per_mwh, "130", "eia-nj-industrial"),
            r(P::vcpus, "0", "microsoft-nebius"),
            r(P::cpu_value_fraction, "0", "microsoft-nebius"),
            e(P::wacc, "0.11", "neocloud-wacc"),
        ],
    },
    Preset {
        id: PresetId::GoogleAnthropicTpu2025,
        values: &[
            // Only the rented part: Anthropic bought most of its TPUs outright.
            e(P::value_usd, "29e9", "google-anthropic-rented"),
            e(P::term_years, "6", "google-anthropic"),
            r(P::start, "2026Q1", "google-anthropic"),
            r(P::ramp_end, "2026Q4", "google-anthropic"),
            r(P::accelerator, "tpu7", "google-anthropic"),
            e(P::accelerators, "300000", "google-anthropic-rented"),
            e(P::capex_usd_per_accelerator, "30000", "anthropic-broadcom"),
            // "Well over 1 GW" for 1M TPUs: about 1 kW per chip, all-in.
            e(P::it_kw_per_accelerator, "1.0", "google-anthropic"),
            // Rents track capital: $4.20 × $30k / $76k.
            e(P::market_usd_per_accelerator_hour, "1.66", "gb200-committed-rent"),
            r(P::vcpus, "0", "google-anthropic"),
            r(P::cpu_value_fraction, "0", "google-anthropic"),
        ],
    },
    Preset {
        id: PresetId::Reference1gw,
        values: &[
            e(P::value_usd, "57.5e9", "rental-per-gw"),
            e(P::term_years, "5", "rental-per-gw"),
            e(P::start, "2026Q1", "epoch-1gw"),
            e(P::ramp_end, "2026Q1", "epoch-1gw"),
            r(P::accelerator, "gb200", "epoch-1gw"),
            r(P::market_usd_per_accelerator_hour, "4.2", "gb200-committed-rent"),
            // 1,000,000 kW / 1.8 kW per GPU = 555k GPUs.
            e(P::accelerators, "555000", "epoch-1gw"),
            r(P::it_kw_per_accelerator, "1.8", "nvidia-gb200"),
            // ($38B − 1,000 MW × $10.7M facility) / 555k = $49k per GPU.
            e(P::capex_usd_per_accelerator, "49000", "epoch-1gw"),
            r(P::facility_capex_usd_per_mw, "10.7e6", "jll-facility"),
            r(P::opex_fraction_of_capex, "0.008", "epoch-1gw"),
            r(P::vcpus, "0", "epoch-1gw"),
            r(P::cpu_value_fraction, "0", "epoch-1gw"),
        ],
    },
    Preset {
        id: PresetId::India1gw,
        values: &[
            e(P::value_usd, "57.5e9", "rental-per-gw"),
            e(P::term_years, "5", "rental-per-gw"),
            e(P::start, "2026Q1", "epoch-1gw"),
            e(P::ramp_end, "2026Q1", "epoch-1gw"),
            r(P::accelerator, "gb200", "epoch-1gw"),
            r(P::market_usd_per_accelerator_hour, "4.2", "gb200-committed-rent"),
            e(P::accelerators, "555000", "epoch-1gw"),
            r(P::it_kw_per_accelerator, "1.8", "nvidia-gb200"),
            e(P::capex_usd_per_accelerator, "49000", "epoch-1gw"),
            r(P::opex_fraction_of_capex, "0.008", "epoch-1gw"),
            r(P::vcpus, "0", "epoch-1gw"),
            r(P::cpu_value_fraction, "0", "epoch-1gw"),
            // The India view of the data-centre inputs.
            r(P::facility_capex_usd_per_mw, "6.64e6", "tt-mumbai-cost"),
            r(P::electricity_usd_per_mwh, "67.1", "tt-mumbai-tariff"),
            r(P::grid_kg_co2_per_mwh, "712", "cea-co2-india"),
            e(P::pue, "1.4", "india-pue-estimate"),
            e(P::wacc, "0.095", "india-inr-wacc"),
        ],
    },
];

/// How far a default distribution reaches around a preset's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spread {
    /// A symmetric PERT of this relative half-width.
    Relative(f64),
    /// A PERT from the value up: its mode and its top this far above it
    /// (a risk that only goes one way, such as a delay).
    Above { mode: f64, high: f64 },
    /// A PERT between fixed ends, its mode the preset's value (held inside
    /// them): a range that must reach past zero whatever the value, such as
    /// the market's yearly decline (flat and rising years included).
    Between { lo: f64, hi: f64 },
}

/// Default uncertainty: for each input, how far its PERT reaches around
/// the preset's value (source `uncertainty-estimate`; the delay's and the
/// shortfall's cite what they rest on), and whether it applies only where
/// the preset's value is itself an estimate (counts and shares a deal may
/// report).
pub static DEFAULT_UNCERTAINTY: &[(P, Spread, bool)] = &[
    (P::accelerators, Spread::Relative(0.25), true),
    (P::cpu_value_fraction, Spread::Relative(0.5), true),
    (P::capex_usd_per_accelerator, Spread::Relative(0.2), false),
    (P::it_kw_per_accelerator, Spread::Relative(0.15), false),
    // delivery-slips
    (P::delay_months, Spread::Above { mode: 2.0, high: 12.0 }, false),
    (P::facility_capex_usd_per_mw, Spread::Relative(0.25), false),
    (P::pue, Spread::Relative(0.08), false),
    (P::electricity_usd_per_mwh, Spread::Relative(0.3), false),
    (P::load_factor, Spread::Relative(0.15), false),
    (P::availability, Spread::Relative(0.03), false),
    (P::market_usd_per_accelerator_hour, Spread::Relative(0.3), false),
    // rental-decline: from a 20% rise in a year (2026's H100 contracts rose
    // ~38% in five months) to a 40% fall (H200 over 2025, made yearly: 37%).
    (P::market_decline, Spread::Between { lo: -0.2, hi: 0.4 }, false),
    // openai-funding-gap
    (P::shortfall_share, Spread::Above { mode: 0.0, high: 0.3 }, false),
    (P::wacc, Spread::Relative(0.15), false),
    (P::it_life_years, Spread::Relative(0.2), false),
    (P::residual_fraction, Spread::Relative(1.0), false),
    (P::opex_fraction_of_capex, Spread::Relative(0.5), false),
    (P::rental_life_years, Spread::Relative(0.2), false),
];

/// Default rank correlations between inputs with a default distribution
/// (source `capex-delay-corr`).
pub static DEFAULT_CORRELATIONS: &[(P, P, f64)] = &[(P::capex_usd_per_accelerator, P::delay_months, 0.3)];

pub fn by_id(id: &str) -> Option<&'static Preset> {
    PresetId::from_key(id).map(PresetId::preset)
}

pub fn default_preset() -> &'static Preset {
    &PRESETS[0]
}

impl Preset {
    /// The preset's inputs: the table's defaults overridden by its values.
    pub fn inputs(&self) -> Inputs {
        let mut x = Inputs::default();
        for v in self.values {
            // Every preset value parses (a test checks); a bad one keeps the default.
            if let Ok(value) = v.param.param().parse(v.value) {
                x.set(v.param, value);
            }
        }
        x
    }

    /// The preset's default distributions (`DEFAULT_UNCERTAINTY` around its
    /// values, kept inside each parameter's range; the relative ones
    /// symmetric).
    pub fn default_dists(&self) -> Vec<(P, Dist)> {
        self.dists_where(|_| true)
    }

    /// The preset's default distribution of one input, if it has one.
    pub fn default_dist(&self, p: P) -> Option<Dist> {
        self.dists_where(|q| q == p).pop().map(|(_, d)| d)
    }

    fn dists_where(&self, wanted: impl Fn(P) -> bool) -> Vec<(P, Dist)> {
        let x = self.inputs();
        DEFAULT_UNCERTAINTY
            .iter()
            .filter(|(p, _, only_estimates)| wanted(*p) && (!only_estimates || self.provenance(*p).1))
            .filter_map(|(p, spread, _)| {
                let param = p.param();
                let v = x.get(*p);
                // Twelve significant digits keep the ends readable (1.104, not 1.1039999999999999).
                let shape = match *spread {
                    Spread::Relative(width) => {
                        let half = (v * width).min(v - param.min).min(param.max - v);
                        let half = if param.kind == crate::params::Kind::Count { half.floor() } else { half };
                        (half > 0.0).then(|| Shape::Pert { lo: tidy(v - half), mode: v, hi: tidy(v + half) })
                    }
                    Spread::Above { mode, high } => {
                        let hi = (v + high).min(param.max);
                        (hi > v).then(|| Shape::Pert { lo: v, mode: tidy((v + mode).min(hi)), hi: tidy(hi) })
                    }
                    Spread::Between { lo, hi } => {
                        let (lo, hi) = (lo.min(v).max(param.min), hi.max(v).min(param.max));
                        (hi > lo).then(|| Shape::Pert { lo: tidy(lo), mode: v, hi: tidy(hi) })
                    }
                };
                shape.map(|shape| (*p, Dist::new(param, shape)))
            })
            .collect()
    }

    /// The source and estimate flag of a parameter's value in this preset.
    /// The date of the newest source this preset's values cite (the
    /// parameter table's for the values it does not set): how recent the
    /// scenario's data is, for an embed's source line. `sources::UNDATED`
    /// when no cited source has a date.
    pub fn data_date(&self) -> &'static str {
        P::ALL
            .iter()
            .filter_map(|p| crate::sources::source(self.provenance(*p).0))
            .map(|s| s.date)
            .filter(|d| *d != crate::sources::UNDATED)
            .max()
            .unwrap_or(crate::sources::UNDATED)
    }

    pub fn provenance(&self, p: P) -> (&'static str, bool) {
        match self.values.iter().find(|v| v.param == p) {
            Some(v) => (v.source, v.estimate),
            None => (p.param().source, p.param().estimate),
        }
    }
}

impl std::fmt::Debug for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Preset({})", self.id.key())
    }
}

impl PartialEq for Preset {
    /// Presets are identified by their id.
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_presets_data_date_is_its_newest_cited_source() {
        for preset in PRESETS {
            let date = preset.data_date();
            // Every value's source is dated no later; one of them is this date.
            let dates: Vec<&str> = P::ALL
                .iter()
                .filter_map(|p| crate::sources::source(preset.provenance(*p).0))
                .map(|s| s.date)
                .filter(|d| *d != crate::sources::UNDATED)
                .collect();
            assert!(dates.iter().all(|d| *d <= date) && dates.contains(&date), "{}: {date}", preset.id.key());
            // An ISO date (YYYY-MM-DD), so the embed's line can say "data as of".
            assert!(date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-', "{}: {date}", preset.id.key());
        }
    }

    #[test]
    fn every_preset_value_parses_and_cites_a_source() {
        for preset in PRESETS {
            for v in preset.values {
                let parsed = v.param.param().parse(v.value);
                assert!(parsed.is_ok(), "{} {}: {parsed:?}", preset.id.key(), v.param.key());
                assert!(crate::sources::source(v.source).is_some(), "{} {} cites {}", preset.id.key(), v.param.key(), v.source);
            }
        }
    }

    #[test]
    fn ids_are_unique_and_the_default_comes_first() {
        assert_eq!(PRESETS[0].id, DEFAULT_PRESET);
        for (i, a) in PRESETS.iter().enumerate() {
            assert!(PRESETS[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id.key());
        }
        // Every id has its preset, and the keys read back.
        assert_eq!(PRESETS.len(), PresetId::ALL.len());
        for id in PresetId::ALL {
            assert_eq!(id.preset().id, id);
            assert_eq!(PresetId::from_key(id.key()), Some(id));
        }
    }
}
