//! A batch's data: `Columns` (the inputs that vary, structure of arrays),
//! `Batch` (every output per scenario, and optionally the cumulative cash
//! flow per quarter) and `Shared` (what the schedule and the catalogue fix
//! for the whole batch).

use computedeal_core::catalogue;
use computedeal_core::outputs::OutputsT;
use computedeal_core::params::{Inputs, TaxDepreciation, Terminal, P};

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

/// The constants of a batch: what the schedule, the choices and the
/// catalogue fix for every scenario in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub base: Inputs,
    /// Expansion chip over first chip: capex (and market rent) and IT power
    /// ratios; then the expansion's second chip's.
    pub capex_ratio: f64,
    pub kw_ratio: f64,
    pub capex_ratio3: f64,
    pub kw_ratio3: f64,
    /// Dense TFLOPS at the chosen precision: first chip, expansion chip, its second chip.
    pub tflops1: f64,
    pub tflops2: f64,
    pub tflops3: f64,
    /// Accelerators per rack of the first chip, the expansion chip and its second chip.
    pub per_rack1: f64,
    pub per_rack2: f64,
    pub per_rack3: f64,
    /// Ramp of the first tranche in quarters (≥ 1), the expansion's offset
    /// and its second chip's (`model::expansion2_offset`).
    pub ramp_quarters1: f64,
    pub expansion_offset: usize,
    pub expansion2_offset: usize,
    /// The choices: term from delivery, end value, refresh, tax depreciation.
    pub from_delivery: bool,
    pub terminal: Terminal,
    pub refresh: bool,
    pub tax_depreciation: TaxDepreciation,
    /// Billed on the capacity online (take-or-pay) rather than on delivery.
    pub take_or_pay: bool,
    /// The first quarter's place in its calendar year (0 for Q1), for the book P&L's years.
    pub quarter_of_year: usize,
    /// The most quarters any scenario of the batch can span (for the bands).
    pub horizon_max: usize,
    /// Whether only the Monte Carlo's outputs (`Output::MC`) are wanted: the
    /// SIMD engine then skips the work of the others (an IRR after tax) and
    /// leaves them NaN.
    pub mc_only: bool,
}

/// The largest values the batch's varying inputs can take, for the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub term_years: f64,
    pub expansion_term_years: f64,
    pub expansion_on: bool,
    pub expansion2_on: bool,
    pub delay_months: f64,
    pub expansion_ramp_quarters: f64,
}

impl Bounds {
    /// The inputs' own values: a batch that varies nothing moving the horizon.
    pub fn of(x: &Inputs) -> Bounds {
        Bounds {
            term_years: x.term_years,
            expansion_term_years: x.expansion_term_years,
            expansion_on: x.expansion_accelerators > 0.0,
            expansion2_on: x.expansion2_accelerators > 0.0,
            delay_months: x.delay_months,
            expansion_ramp_quarters: x.expansion_ramp_quarters,
        }
    }

    /// Every input at the top of its allowed range.
    pub fn widest() -> Bounds {
        Bounds {
            term_years: P::term_years.param().max,
            expansion_term_years: P::expansion_term_years.param().max,
            expansion_on: true,
            expansion2_on: true,
            delay_months: P::delay_months.param().max,
            expansion_ramp_quarters: P::expansion_ramp_quarters.param().max,
        }
    }
}

impl Shared {
    pub fn new(base: &Inputs, b: Bounds) -> Shared {
        let chip = catalogue::by_index(base.accelerator);
        let exp = catalogue::by_index(base.expansion_accelerator);
        let exp2 = catalogue::by_index(base.expansion2_accelerator);
        let precision = base.precision as usize;
        let expansion_offset = (base.expansion_start - base.start).max(0.0) as usize;
        let expansion2_offset = computedeal_core::model::expansion2_offset(base);
        let ramp_quarters1 = (base.ramp_end - base.start).max(0.0) + 1.0;
        let from_delivery = base.from_delivery();
        // Quarters a tranche can span (see `model::Tranche::online_quarters`).
        let span = |term_years: f64, ramp: f64| {
            let t = computedeal_core::model::term_quarters(term_years);
            if from_delivery {
                t + ramp.max(1.0) as usize - 1 + libm::ceil(b.delay_months / 3.0) as usize
            } else {
                t
            }
        };
        let t1 = span(b.term_years, ramp_quarters1);
        let t2 = if b.expansion_on { expansion_offset + span(b.expansion_term_years, b.expansion_ramp_quarters) } else { 0 };
        // The second chip ends with the expansion's term: never later than the first chip would.
        let t3 = if b.expansion2_on { expansion2_offset + span(b.expansion_term_years, b.expansion_ramp_quarters) } else { 0 };
        Shared {
            base: *base,
            capex_ratio: exp.capex_usd / chip.capex_usd,
            kw_ratio: exp.it_kw / chip.it_kw,
            capex_ratio3: exp2.capex_usd / chip.capex_usd,
            kw_ratio3: exp2.it_kw / chip.it_kw,
            tflops1: chip.tflops(precision),
            tflops2: exp.tflops(precision),
            tflops3: exp2.tflops(precision),
            per_rack1: chip.per_rack,
            per_rack2: exp.per_rack,
            per_rack3: exp2.per_rack,
            ramp_quarters1,
            expansion_offset,
            expansion2_offset,
            from_delivery,
            terminal: base.terminal(),
            refresh: base.refreshes(),
            tax_depreciation: base.tax_depreciation(),
            take_or_pay: base.take_or_pay(),
            quarter_of_year: (base.start as i64).rem_euclid(4) as usize,
            horizon_max: t1.max(t2).max(t3),
            mc_only: false,
        }
    }

    /// A batch whose columns vary nothing that moves the horizon.
    pub fn for_inputs(base: &Inputs) -> Shared {
        Shared::new(base, Bounds::of(base))
    }
}
