//! The batch engine: evaluates many scenarios at once, as structure-of-arrays
//! columns, with either the scalar model (the reference) or SIMD lanes.
//!
//! A batch is a base scenario plus columns: for each varying parameter, one
//! value per scenario (Monte Carlo draws or a sweep's grid). Quarters and
//! choices never vary, so the schedule's shape is shared by the whole batch.
//! Each engine writes the headline outputs (`HEADLINE`) per scenario and,
//! when asked, the cumulative cash flow per quarter.

pub mod scalar;
pub mod simd;

use crate::catalogue;
use crate::params::{Inputs, P};

/// The outputs every engine computes per scenario, in the order of
/// `outputs::headline()` (a test checks).
pub const HEADLINE: [&str; 14] = [
    "price_usd_per_accelerator_hour",
    "cost_usd_per_accelerator_hour",
    "margin",
    "npv_usd",
    "irr",
    "payback_years",
    "it_mw_peak",
    "facility_mw_peak",
    "energy_gwh_per_year",
    "co2_kt_per_year",
    "capex_usd",
    "usd_per_million_tokens",
    "revenue_usd",
    "tco_usd_per_year",
];
pub const N_HEADLINE: usize = HEADLINE.len();

/// Index of a headline output by key.
pub fn headline_index(key: &str) -> Option<usize> {
    HEADLINE.iter().position(|k| *k == key)
}

/// Values given per scenario, one column per varying parameter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    pub params: Vec<P>,
    pub data: Vec<Vec<f64>>,
    pub len: usize,
}

impl Columns {
    pub fn new(params: Vec<P>, len: usize) -> Columns {
        let data = params.iter().map(|_| vec![0.0; len]).collect();
        Columns { params, data, len }
    }

    /// The inputs of scenario `i`: the base with this row's values.
    pub fn row(&self, base: &Inputs, i: usize) -> Inputs {
        let mut x = *base;
        for (p, col) in self.params.iter().zip(&self.data) {
            x.set(*p, col[i]);
        }
        x
    }
}

/// What the engines write: headline outputs per scenario (NaN where the
/// model's output is undefined, such as an IRR without a sign change) and,
/// optionally, cumulative cash flow per quarter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub len: usize,
    /// `out[k][i]`: headline output k of scenario i.
    pub out: Vec<Vec<f64>>,
    /// `cumulative[q][i]`: cumulative cash flow at the end of quarter q,
    /// for quarters 0..=horizon (held flat after a scenario's own end).
    pub cumulative: Option<Vec<Vec<f64>>>,
}

impl Batch {
    pub fn new(len: usize, quarters: Option<usize>) -> Batch {
        Batch {
            len,
            out: (0..N_HEADLINE).map(|_| vec![0.0; len]).collect(),
            cumulative: quarters.map(|q| (0..q).map(|_| vec![0.0; len]).collect()),
        }
    }
}

/// Which engine evaluates a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// `model::evaluate` per scenario: the specification.
    Scalar,
    /// `simd::evaluate`, `simd::LANES` scenarios at a time.
    Simd,
}

/// The constants of a batch: what the schedule and the catalogue fix for
/// every scenario in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub base: Inputs,
    /// Expansion chip over first chip: capex and IT power ratios.
    pub capex_ratio: f64,
    pub kw_ratio: f64,
    /// Dense TFLOPS at the chosen precision, first chip and expansion chip.
    pub tflops1: f64,
    pub tflops2: f64,
    /// Ramp of the first tranche in quarters (≥ 1) and the expansion's offset.
    pub ramp_quarters1: f64,
    pub expansion_offset: usize,
    /// The most quarters any scenario of the batch can span (for the bands).
    pub horizon_max: usize,
}

impl Shared {
    /// `term_max` and `expansion_term_max` bound the varying terms (years).
    pub fn new(base: &Inputs, term_max: f64, expansion_term_max: f64, expansion_on: bool) -> Shared {
        let chip = catalogue::by_index(base.accelerator);
        let exp = catalogue::by_index(base.expansion_accelerator);
        let precision = base.precision as usize;
        let expansion_offset = (base.expansion_start - base.start).max(0.0) as usize;
        let t1 = crate::model::term_quarters(term_max);
        let t2 = if expansion_on { expansion_offset + crate::model::term_quarters(expansion_term_max) } else { 0 };
        Shared {
            base: *base,
            capex_ratio: exp.capex_usd / chip.capex_usd,
            kw_ratio: exp.it_kw / chip.it_kw,
            tflops1: chip.tflops(precision),
            tflops2: exp.tflops(precision),
            ramp_quarters1: (base.ramp_end - base.start).max(0.0) + 1.0,
            expansion_offset,
            horizon_max: t1.max(t2),
        }
    }

    /// A batch whose columns vary nothing that moves the horizon.
    pub fn for_inputs(base: &Inputs) -> Shared {
        Shared::new(base, base.term_years, base.expansion_term_years, base.expansion_accelerators > 0.0)
    }
}

/// Evaluates every scenario of `cols` with `engine` into `batch`.
pub fn evaluate(engine: Engine, shared: &Shared, cols: &Columns, batch: &mut Batch) {
    match engine {
        Engine::Scalar => scalar::evaluate(shared, cols, batch),
        Engine::Simd => simd::evaluate_columns(shared, cols, batch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_matches_the_outputs_table() {
        let keys: Vec<&str> = crate::outputs::headline().map(|o| o.key).collect();
        assert_eq!(keys, HEADLINE.to_vec());
    }
}
