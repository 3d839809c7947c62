//! A batch's data: `Columns` (the inputs that vary, structure of arrays),
//! `Batch` (every output per scenario, and optionally the cumulative cash
//! flow per quarter) and `Shared` (what the schedule and the catalogue fix
//! for the whole batch).

use crate::catalogue;
use crate::outputs::OutputsT;
use crate::params::{Inputs, P};

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

/// What the engines write: every output per scenario (NaN where the
/// model's output is undefined, such as an IRR without a sign change) and,
/// optionally, cumulative cash flow per quarter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub len: usize,
    /// One column per output: `out.npv_usd[i]` is scenario i's NPV.
    pub out: OutputsT<Vec<f64>>,
    /// `cumulative[q][i]`: cumulative cash flow at the end of quarter q,
    /// for quarters 0..=horizon (held flat after a scenario's own end).
    pub cumulative: Option<Vec<Vec<f64>>>,
}

impl Batch {
    pub fn new(len: usize, quarters: Option<usize>) -> Batch {
        Batch { len, out: OutputsT::from_fn(|_| vec![0.0; len]), cumulative: quarters.map(|q| (0..q).map(|_| vec![0.0; len]).collect()) }
    }
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
    /// Accelerators per rack of the first chip.
    pub per_rack1: f64,
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
            per_rack1: chip.per_rack,
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
