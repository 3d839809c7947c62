//! The one output table: every figure the model gives, its key and unit,
//! and whether the Monte Carlo summarizes it. `define_outputs!` turns one
//! list into the `Output` enum, the table `OUTPUTS` and the struct
//! `OutputsT<T>` (one field per output: `f64` in the scalar model, a SIMD
//! vector in the batch engine, a column in a batch), so the scalar model, the
//! SIMD engine, the statistics, the CLI, the cards and the translations all
//! read the same rows and nothing is tied together by position.
//!
//! An output that is undefined for a scenario (an IRR without a sign change,
//! a payback never reached) holds NaN in `OutputsT<f64>`; readers go through
//! `Outcome::get`, which gives `None`, and the model says why in its notes.

use serde::{Deserialize, Serialize};

/// What a unit is, so numbers can be formatted in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

impl Unit {
    /// Whether values in this unit are money (converted for display).
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Usd | Unit::UsdPerHour | Unit::UsdPerYear)
    }
}

/// One row of the output table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutputDef {
    pub output: Output,
    pub key: &'static str,
    pub unit: Unit,
    /// Whether the Monte Carlo summarizes it (sketch and moments per sample).
    pub mc: bool,
}

macro_rules! mc_flag {
    () => {
        false
    };
    (mc) => {
        true
    };
}

macro_rules! define_outputs {
    ($($key:ident: $unit:ident $(, $flag:ident)?;)*) => {
        /// An output of the model: `Output::npv_usd.key()` is `"npv_usd"`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Output { $($key,)* }

        pub const N_OUTPUTS: usize = [$(stringify!($key),)*].len();

        const TABLE: [OutputDef; N_OUTPUTS] = [$(OutputDef { output: Output::$key, key: stringify!($key), unit: Unit::$unit, mc: mc_flag!($($flag)?) },)*];

        /// The table, in declaration order.
        pub static OUTPUTS: [OutputDef; N_OUTPUTS] = TABLE;

        impl Output {
            pub const ALL: [Output; N_OUTPUTS] = [$(Output::$key,)*];

            /// The outputs the Monte Carlo summarizes, in table order.
            pub const MC: [Output; N_MC] = {
                let mut out = [Output::ALL[0]; N_MC];
                let (mut i, mut k) = (0, 0);
                while k < N_OUTPUTS {
                    if TABLE[k].mc {
                        out[i] = TABLE[k].output;
                        i += 1;
                    }
                    k += 1;
                }
                out
            };

            pub fn def(self) -> &'static OutputDef {
                &OUTPUTS[self as usize]
            }
            pub fn key(self) -> &'static str {
                self.def().key
            }
            pub fn unit(self) -> Unit {
                self.def().unit
            }
            pub fn is_mc(self) -> bool {
                self.def().mc
            }
            pub fn from_key(key: &str) -> Option<Output> {
                OUTPUTS.iter().find(|d| d.key == key).map(|d| d.output)
            }
            /// Where the output stands in `Output::MC` (the Monte Carlo's own columns).
            pub fn mc_index(self) -> Option<usize> {
                Output::MC.iter().position(|o| *o == self)
            }
        }

        /// One value per output.
        #[derive(Clone, Copy, Debug, Default, PartialEq)]
        pub struct OutputsT<T> { $(pub $key: T,)* }

        impl<T> OutputsT<T> {
            pub fn get(&self, o: Output) -> &T { match o { $(Output::$key => &self.$key,)* } }
            pub fn get_mut(&mut self, o: Output) -> &mut T { match o { $(Output::$key => &mut self.$key,)* } }
            /// Builds the outputs one by one.
            pub fn from_fn(mut f: impl FnMut(Output) -> T) -> Self { OutputsT { $($key: f(Output::$key),)* } }
        }
    };
}

/// Counts the outputs the Monte Carlo summarizes.
const fn count_mc(table: &[OutputDef]) -> usize {
    let (mut n, mut k) = (0, 0);
    while k < table.len() {
        if table[k].mc {
            n += 1;
        }
        k += 1;
    }
    n
}

pub const N_MC: usize = count_mc(&TABLE);

// Unprefixed capacity and cost figures are the accelerator side; `cpu_`
// figures the CPU side; `total_` figures and the deal-level results
// (capex_usd, revenue_usd, npv_usd, irr, payback_years) include both.
// Price, cost and margin are levelized over the deal's own cash flows, so
// margin = NPV / PV(accelerator revenue) and has the NPV's sign; the
// `tco_` figures are the steady state at full deployment.
define_outputs! {
    price_usd_per_accelerator_hour: UsdPerHour, mc;
    cost_usd_per_accelerator_hour: UsdPerHour, mc;
    margin: Fraction, mc;
    npv_usd: Usd, mc;
    npv_after_tax_usd: Usd, mc;
    irr: Fraction, mc;
    irr_after_tax: Fraction;
    payback_years: Years, mc;
    terminal_value_usd: Usd;
    terminal_value_share: Fraction, mc;
    book_ebit_margin_worst_year: Fraction, mc;
    it_mw_peak: Mw, mc;
    facility_mw_peak: Mw, mc;
    energy_gwh_per_year: GwhPerYear, mc;
    co2_kt_per_year: KtPerYear, mc;
    capex_usd: Usd, mc;
    usd_per_million_tokens: Usd, mc;
    revenue_usd: Usd, mc;
    tco_usd_per_year: UsdPerYear, mc;
    tco_usd_per_accelerator_hour: UsdPerHour;
    accelerators_peak: Count;
    racks_peak: Count;
    pflops_peak: Pflops;
    capex_it_usd: Usd;
    capex_facility_usd: Usd;
    accelerator_hours: Hours;
    tokens_per_second_per_accelerator: TokensPerSecond;
    usd_per_gw_year: UsdPerYear;
    cpu_it_mw: Mw;
    cpu_capex_usd: Usd;
    cpu_tco_usd_per_year: UsdPerYear;
    cpu_price_usd_per_vcpu_hour: UsdPerHour;
    cpu_cost_usd_per_vcpu_hour: UsdPerHour;
    total_it_mw_peak: Mw;
    total_facility_mw_peak: Mw;
    total_energy_gwh_per_year: GwhPerYear;
    total_co2_kt_per_year: KtPerYear;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_match_the_enum() {
        for (i, o) in Output::ALL.iter().enumerate() {
            assert_eq!(*o as usize, i);
            assert_eq!(Output::from_key(o.key()), Some(*o));
        }
        assert_eq!(Output::from_key("nope"), None);
    }

    #[test]
    fn the_monte_carlo_list_is_the_flagged_rows_in_order() {
        let flagged: Vec<Output> = OUTPUTS.iter().filter(|d| d.mc).map(|d| d.output).collect();
        assert_eq!(Output::MC.to_vec(), flagged);
        assert_eq!(Output::npv_usd.mc_index(), Some(3));
        assert_eq!(Output::racks_peak.mc_index(), None);
        let mut x = OutputsT::<f64>::default();
        *x.get_mut(Output::irr) = 0.1;
        assert_eq!(x.irr, 0.1);
        assert_eq!(*OutputsT::from_fn(|o| o.key()).get(Output::margin), "margin");
    }
}
