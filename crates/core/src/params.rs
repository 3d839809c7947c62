//! The one parameter table: key, kind, default, allowed range, step, slider
//! scale, panel group, source and whether the default is an estimate. It
//! drives validation, the URL and JSON codecs, the CLI, the sliders and the
//! sensitivity sweep. Labels, units and help in each language live in the
//! presentation crate, by an exhaustive `match` on `P`.
//!
//! `define_params!` turns one list into the index enum `P`, the table
//! `PARAMS` and the struct `InputsT<T>` (one field per parameter, `f64` for a
//! scenario, a SIMD vector in the batch engine), so no parameter is listed
//! twice. Quarters are stored as quarter indices (`year * 4 + quarter - 1`)
//! and choices as their index in the choice list.

use serde::Serialize;

use crate::catalogue::ACCELERATOR_IDS;
use crate::notice::{Allowed, Problem, ValueResult};
use crate::quarter::Quarter;

/// The panel group a parameter belongs to (the UI shows them in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Deal,
    Accelerators,
    Deployment,
    Cpus,
    DataCentre,
    Market,
    Finance,
    Workload,
    Uncertainty,
}

impl Group {
    pub const ALL: [Group; 9] = [
        Group::Deal,
        Group::Accelerators,
        Group::Deployment,
        Group::Cpus,
        Group::DataCentre,
        Group::Market,
        Group::Finance,
        Group::Workload,
        Group::Uncertainty,
    ];
    pub fn id(self) -> &'static str {
        match self {
            Group::Deal => "deal",
            Group::Accelerators => "accelerators",
            Group::Deployment => "deployment",
            Group::Cpus => "cpus",
            Group::DataCentre => "data_centre",
            Group::Market => "market",
            Group::Finance => "finance",
            Group::Workload => "workload",
            Group::Uncertainty => "uncertainty",
        }
    }
}

/// What kind of value a parameter holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A real number.
    Number,
    /// A whole number (accelerators, vCPUs, samples).
    Count,
    /// A calendar quarter such as 2025Q4, stored as its quarter index.
    Quarter,
    /// One id of a fixed list, stored as its index.
    Choice(&'static [&'static str]),
}

/// How a slider maps its position to the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    /// For values spanning orders of magnitude (contract value, counts).
    Log,
}

/// One row of the parameter table.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub key: &'static str,
    pub kind: Kind,
    /// The default, which is the AWS–OpenAI 2025 preset's value.
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// The range most real deals fall in: a value outside it but allowed is
    /// used as given, with a note that it is unusual.
    pub typical_min: f64,
    pub typical_max: f64,
    pub step: f64,
    pub scale: Scale,
    pub group: Group,
    /// Id of the default's source in `sources::SOURCES`.
    pub source: &'static str,
    /// True when the default is our estimate rather than a reported figure.
    pub estimate: bool,
    /// One of the inputs a reader reaches for first: shown at the top of its
    /// group (the table's order stays the codec's and the engine's).
    pub lead: bool,
    /// A sum of US dollars (or dollars per unit): the page shows and reads
    /// it in the reader's currency (`in_units`), the URL and the model in dollars.
    pub money: bool,
    /// A share or a rate stored as a fraction (0.08): the page shows and
    /// reads it in percent (8% a year, `in_units` by 100), the URL and the
    /// model as the fraction.
    pub percent: bool,
}

impl Param {
    /// Whether the parameter can carry a distribution (numbers and counts).
    pub fn is_numeric(&self) -> bool {
        matches!(self.kind, Kind::Number | Kind::Count)
    }

    /// What the parameter allows: its range, or its list of ids.
    pub fn allowed(&self) -> Allowed {
        match self.kind {
            Kind::Choice(ids) => Allowed::OneOf(ids.iter().map(|s| s.to_string()).collect()),
            _ => Allowed::Range { min: self.format(self.min), max: self.format(self.max) },
        }
    }

    /// Whether an allowed value lies outside the typical range.
    pub fn is_unusual(&self, v: f64) -> bool {
        self.is_numeric() && (v < self.typical_min || v > self.typical_max)
    }

    /// The typical range, as text.
    pub fn typical_range(&self) -> Allowed {
        Allowed::Range { min: self.format(self.typical_min), max: self.format(self.typical_max) }
    }

    /// Checks a value against the parameter's kind and range.
    pub fn check(&self, v: f64) -> ValueResult<f64> {
        if !v.is_finite() {
            return Err(Problem::NotFinite);
        }
        match self.kind {
            Kind::Count | Kind::Quarter if v.fract() != 0.0 => return Err(Problem::NotWhole),
            Kind::Choice(ids) if v.fract() != 0.0 || v < 0.0 || v as usize >= ids.len() => return Err(Problem::NoSuchChoice),
            _ => {}
        }
        if v < self.min || v > self.max {
            return Err(Problem::OutOfRange { allowed: self.allowed() });
        }
        Ok(v)
    }

    /// The same parameter counted in a unit `factor` times smaller (rupees
    /// for dollars at 88.7 to the dollar): default, ranges and step scaled,
    /// so that `parse`, `check` and the notices they give speak that unit.
    /// A factor of 1 (or not positive and finite) leaves it as it is.
    pub fn in_units(&self, factor: f64) -> Param {
        if factor == 1.0 || !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let scaled = |v: f64| tidy(v * factor);
        Param {
            default: scaled(self.default),
            min: scaled(self.min),
            max: scaled(self.max),
            typical_min: scaled(self.typical_min),
            typical_max: scaled(self.typical_max),
            step: scaled(self.step),
            ..*self
        }
    }

    /// The span a slider covers: what a reader would explore around the
    /// preset's value (`anchor`), not all that is allowed (issue 29.1): the
    /// preset's uncertainty range (`spread`: its P1 and P99) widened by a
    /// tenth of its width on each side; else, for a positive value, from
    /// it ÷ `SLIDER_BAND` to it × `SLIDER_BAND`; else the typical range;
    /// three years either side for a quarter. It always holds the anchor
    /// and the value on screen (`current`, a typed value beyond it widens
    /// it), within the allowed range, and is logarithmic for a `Scale::Log`
    /// input that stays above 0. The field still takes the whole range.
    pub fn slider_span(&self, anchor: f64, spread: Option<(f64, f64)>, current: f64) -> Span {
        let (mut lo, mut hi) = match (self.kind, spread) {
            (Kind::Quarter, _) => (anchor - 12.0, anchor + 12.0),
            (_, Some((a, b))) if a.is_finite() && b.is_finite() && b > a => {
                let w = (b - a) * 0.1;
                (a - w, b + w)
            }
            (_, _) if anchor > 0.0 => (anchor / SLIDER_BAND, anchor * SLIDER_BAND),
            _ => (self.typical_min, self.typical_max),
        };
        for v in [anchor, current] {
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        let (lo, hi) = (lo.clamp(self.min, self.max), hi.clamp(self.min, self.max));
        if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) {
            return Span { lo: self.min, hi: self.max, log: self.scale == Scale::Log && self.min > 0.0 };
        }
        Span { lo, hi, log: self.scale == Scale::Log && lo > 0.0 }
    }

    /// The whole allowed range as a span (`Scale::Log` from one step when
    /// the range starts at 0, as before sliders had spans).
    pub fn allowed_span(&self) -> Span {
        Span { lo: self.min, hi: self.max, log: self.scale == Scale::Log }
    }

    /// The slider position of a value: the quarter index for quarters,
    /// else 0 to `SLIDER_STEPS` across `span` (logarithmic where it is).
    pub fn slider_position(&self, span: Span, v: f64) -> f64 {
        let lo = self.log_floor(span);
        let pos = match (self.kind, span.log) {
            (Kind::Quarter, _) => return v,
            // A logarithmic slider whose range starts at 0 keeps position 0 for 0.
            (_, true) if v < lo => 0.0,
            (_, true) => (v.ln() - lo.ln()) / (span.hi.ln() - lo.ln()) * SLIDER_STEPS,
            _ => (v - span.lo) / (span.hi - span.lo) * SLIDER_STEPS,
        };
        pos.clamp(0.0, SLIDER_STEPS)
    }

    /// The value at a slider position: on the step for linear sliders, at
    /// three significant figures for logarithmic ones, always in the span.
    pub fn from_slider(&self, span: Span, pos: f64) -> f64 {
        let lo = self.log_floor(span);
        let raw = match (self.kind, span.log) {
            (Kind::Quarter, _) => return pos.round().clamp(span.lo, span.hi),
            (_, true) if pos <= 0.0 => return span.lo,
            (_, true) => (lo.ln() + pos / SLIDER_STEPS * (span.hi.ln() - lo.ln())).exp(),
            _ => span.lo + pos / SLIDER_STEPS * (span.hi - span.lo),
        };
        let snapped = if span.log {
            let magnitude = 10f64.powf(raw.abs().log10().floor() - 2.0);
            ((raw / magnitude).round() * magnitude).max(self.step)
        } else {
            (raw / self.step).round() * self.step
        };
        let v = tidy(snapped).clamp(span.lo, span.hi);
        if matches!(self.kind, Kind::Count) {
            v.round()
        } else {
            v
        }
    }

    /// Where a logarithmic slider's scale starts: the minimum, or one step
    /// when the range starts at 0.
    fn log_floor(&self, span: Span) -> f64 {
        if span.lo > 0.0 {
            span.lo
        } else {
            self.step
        }
    }

    /// The canonical text of a value (what the URL and JSON carry).
    pub fn format(&self, v: f64) -> String {
        match self.kind {
            Kind::Quarter => Quarter::from_index(v as i32).to_string(),
            Kind::Choice(ids) => ids.get(v as usize).copied().unwrap_or("?").to_string(),
            Kind::Count => format!("{}", v.round() as i64),
            Kind::Number => format_number(v),
        }
    }

    /// Parses the text of a value (a number, a quarter or a choice id).
    /// Grouping commas and underscores in numbers are read ("38,000,000,000").
    pub fn parse(&self, text: &str) -> ValueResult<f64> {
        let text = text.trim();
        let v = match self.kind {
            Kind::Quarter => Quarter::parse(text).map(|q| q.index() as f64).ok_or(Problem::BadQuarter)?,
            Kind::Choice(ids) => {
                ids.iter().position(|id| id.eq_ignore_ascii_case(text)).map(|i| i as f64).ok_or_else(|| Problem::NotAllowed { allowed: self.allowed() })?
            }
            Kind::Number | Kind::Count => parse_number(text).ok_or_else(|| Problem::NotANumber { allowed: self.allowed() })?,
        };
        self.check(v)
    }
}

/// The shortest decimal text that reads back as the same f64 (plain digits
/// from 0.0001 to ten million).
pub fn format_number(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let plain = format!("{v}");
    let sci = format!("{v:e}");
    // Between 0.0001 and ten million the digits read better than an
    // exponent (pert:150000,200000,250000, not pert:150000,2e5,250000).
    let readable = (1e-4..1e7).contains(&v.abs());
    if !readable && sci.len() + 1 < plain.len() {
        sci
    } else {
        plain
    }
}

/// A value rounded to twelve significant digits, so arithmetic on inputs
/// (1.2 − 0.096, 76,000 × 50/76) reads back as people write it.
pub fn tidy(v: f64) -> f64 {
    format!("{v:.11e}").parse::<f64>().unwrap_or(v)
}

/// A number's text without its group separators: commas, Western or Indian
/// (1,000,000 or 10,00,000), and underscores.
pub fn without_grouping(text: &str) -> String {
    text.chars().filter(|c| *c != '_' && *c != ',').collect()
}

/// Parses a plain decimal or scientific number ("38e9", "0.08", "1_000").
/// Rejects "inf", "NaN" and friends that `f64::from_str` would accept.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned = without_grouping(text);
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')) {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub const PRECISIONS: &[&str] = &["bf16", "fp8", "fp4"];
/// When the term starts: at signing (the deal's first quarter, ramp
/// included) or at the delivery of each tranche's capacity.
pub const TERM_BASES: &[&str] = &["signing", "delivery"];
/// What the buyer pays for: the capacity online whatever it uses
/// (`take_or_pay`, a commitment billed in full; the hours the hardware is
/// down are the seller's loss in cost, not in revenue) or the hours
/// delivered (`delivered`: downtime is unbilled).
pub const REVENUE_BASES: &[&str] = &["take_or_pay", "delivered"];
/// What the assets are worth when they leave the deal.
pub const TERMINALS: &[&str] = &["market", "book", "none"];
/// What happens when hardware reaches the end of its life within the term.
pub const REFRESHES: &[&str] = &["run_on", "refresh"];
/// How the Monte Carlo draws its scenarios (`sampling`).
pub const SAMPLINGS: &[&str] = &["rqmc", "plain"];
/// How the seller depreciates IT for tax.
pub const TAX_DEPRECIATIONS: &[&str] = &["bonus", "macrs5", "straight_line"];

/// Positions of a number's slider (0 to this).
pub const SLIDER_STEPS: f64 = 1000.0;

/// A slider around a positive value with no uncertainty range runs from it
/// ÷ this to it × this: on a phone, where the thumb travels about 150
/// pixels, a 12-pixel drag moves the value by 8% of the span's ln(1.69) =
/// 0.52, about 4.3%.
pub const SLIDER_BAND: f64 = 1.3;

/// What a slider covers (`Param::slider_span`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub lo: f64,
    pub hi: f64,
    /// Positions spaced by ratio rather than by difference.
    pub log: bool,
}

const fn p(kind: Kind, default: f64, min: f64, max: f64, step: f64) -> Param {
    Param {
        key: "",
        kind,
        default,
        min,
        max,
        typical_min: min,
        typical_max: max,
        step,
        scale: Scale::Linear,
        group: Group::Deal,
        source: "model-default",
        estimate: false,
        lead: false,
        money: false,
        percent: false,
    }
}

/// The inputs of a group in the order a reader meets them: the ones a
/// reader reaches for first (`lead`), then the rest, each in table order.
pub fn in_group(g: Group) -> Vec<P> {
    let mut ps: Vec<P> = P::ALL.iter().copied().filter(|p| p.param().group == g).collect();
    crate::order::sort_by_key(&mut ps, |p| u64::from(!p.param().lead));
    ps
}

impl Param {
    const fn group(mut self, g: Group) -> Self {
        self.group = g;
        self
    }
    const fn src(mut self, id: &'static str) -> Self {
        self.source = id;
        self
    }
    const fn est(mut self, id: &'static str) -> Self {
        self.source = id;
        self.estimate = true;
        self
    }
    const fn log(mut self) -> Self {
        self.scale = Scale::Log;
        self
    }
    const fn lead(mut self) -> Self {
        self.lead = true;
        self
    }
    const fn money(mut self) -> Self {
        self.money = true;
        self
    }
    const fn percent(mut self) -> Self {
        self.percent = true;
        self
    }
    const fn typical(mut self, lo: f64, hi: f64) -> Self {
        self.typical_min = lo;
        self.typical_max = hi;
        self
    }
}

macro_rules! define_params {
    ($($(#[$meta:meta])* $field:ident => $def:expr,)*) => {
        /// Parameter index: `P::pue as usize` is the row of `pue` in `PARAMS`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum P { $($field,)* }

        impl P {
            pub const ALL: &'static [P] = &[$(P::$field,)*];
            pub fn param(self) -> &'static Param { &PARAMS[self as usize] }
            pub fn key(self) -> &'static str { PARAMS[self as usize].key }
            pub fn from_key(key: &str) -> Option<P> { P::ALL.iter().copied().find(|p| p.key() == key) }
        }

        pub const N_PARAMS: usize = [$(stringify!($field),)*].len();

        pub static PARAMS: [Param; N_PARAMS] = [$( { let mut d = $def; d.key = stringify!($field); d },)*];

        /// Every parameter's value: `f64` for one scenario, a SIMD vector
        /// (one lane per scenario) in the batch engine.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct InputsT<T> { $(pub $field: T,)* }

        impl<T: Copy> InputsT<T> {
            pub fn get(&self, p: P) -> T { match p { $(P::$field => self.$field,)* } }
            pub fn set(&mut self, p: P, v: T) { match p { $(P::$field => self.$field = v,)* } }
            /// Builds the inputs parameter by parameter.
            pub fn from_fn(mut f: impl FnMut(P) -> T) -> Self { InputsT { $($field: f(P::$field),)* } }
        }
    };
}

/// One scenario's inputs.
pub type Inputs = InputsT<f64>;

impl Default for Inputs {
    /// The table's defaults: the AWS–OpenAI 2025 deal.
    fn default() -> Self {
        Inputs::from_fn(|p| p.param().default)
    }
}

use Group::*;
use Kind::*;

const Q2020Q1: f64 = 2020.0 * 4.0;
const Q2040Q4: f64 = 2040.0 * 4.0 + 3.0;
const fn q(year: i32, quarter: i32) -> f64 {
    (year * 4 + quarter - 1) as f64
}

define_params! {
    // Deal
    value_usd => p(Number, 38e9, 1e8, 3e12, 1e8).group(Deal).src("aws-openai-release").log().lead().money(),
    term_years => p(Number, 7.0, 0.25, 20.0, 0.25).typical(1.0, 15.0).group(Deal).src("aws-openai-release"),
    term_basis => p(Choice(TERM_BASES), 0.0, 0.0, 1.0, 1.0).group(Deal).src("aws-openai-release"),
    start => p(Quarter, q(2025, 4), Q2020Q1, Q2040Q4, 1.0).group(Deal).src("aws-openai-release"),
    expansion_value_usd => p(Number, 0.0, 0.0, 3e12, 1e8).typical(0.0, 300e9).group(Deal).src("aws-openai-expansion").money(),
    expansion_term_years => p(Number, 7.0, 0.25, 20.0, 0.25).typical(1.0, 15.0).group(Deal).src("aws-openai-expansion"),
    // Accelerators
    accelerator => p(Choice(&ACCELERATOR_IDS), 4.0, 0.0, (ACCELERATOR_IDS.len() - 1) as f64, 1.0).group(Accelerators).src("aws-openai-release"),
    accelerators => p(Count, 200_000.0, 0.0, 10_000_000.0, 1_000.0).typical(1_000.0, 10_000_000.0).group(Accelerators).est("aws-openai-gpu-count").lead().log(),
    capex_usd_per_accelerator => p(Number, 76_000.0, 0.0, 500_000.0, 500.0).typical(5_000.0, 200_000.0).group(Accelerators).src("iren-capex").lead().money(),
    it_kw_per_accelerator => p(Number, 2.1, 0.05, 20.0, 0.01).typical(0.3, 5.0).group(Accelerators).src("gb300-rack-power"),
    expansion_accelerator => p(Choice(&ACCELERATOR_IDS), 4.0, 0.0, (ACCELERATOR_IDS.len() - 1) as f64, 1.0).group(Accelerators).src("aws-openai-expansion"),
    expansion_accelerators => p(Count, 0.0, 0.0, 10_000_000.0, 1_000.0).typical(0.0, 2_000_000.0).group(Accelerators).src("aws-openai-expansion"),
    // Deployment
    ramp_end => p(Quarter, q(2026, 4), Q2020Q1, Q2040Q4, 1.0).group(Deployment).src("aws-openai-release"),
    delay_months => p(Number, 0.0, 0.0, 60.0, 1.0).typical(0.0, 24.0).group(Deployment).src("model-default"),
    expansion_start => p(Quarter, q(2027, 1), Q2020Q1, Q2040Q4, 1.0).group(Deployment).src("aws-openai-release"),
    expansion_ramp_quarters => p(Count, 4.0, 1.0, 20.0, 1.0).group(Deployment).src("model-default"),
    // CPUs beyond the CPUs inside the accelerator systems
    vcpus => p(Count, 2_800_000.0, 0.0, 200_000_000.0, 100_000.0).group(Cpus).est("aws-openai-cpus"),
    capex_usd_per_vcpu => p(Number, 150.0, 0.0, 2_000.0, 5.0).typical(10.0, 1_000.0).group(Cpus).est("cpu-capex-estimate").money(),
    w_per_vcpu => p(Number, 10.0, 0.5, 60.0, 0.5).typical(1.0, 40.0).group(Cpus).est("cpu-capex-estimate"),
    cpu_value_fraction => p(Number, 0.09, 0.0, 0.95, 0.01).typical(0.0, 0.5).group(Cpus).est("cpu-value-estimate").percent(),
    // Data centre and energy
    facility_capex_usd_per_mw => p(Number, 12.5e6, 0.0, 60e6, 1e5).typical(2e6, 40e6).group(DataCentre).src("cw-facility-ai").money(),
    pue => p(Number, 1.14, 1.0, 3.0, 0.01).typical(1.03, 2.0).group(DataCentre).src("aws-pue-2025").lead(),
    electricity_usd_per_mwh => p(Number, 82.0, 0.0, 1_000.0, 1.0).typical(20.0, 300.0).group(DataCentre).src("eia-states-2023").lead().money(),
    electricity_escalation => p(Number, 0.02, -0.1, 0.3, 0.005).typical(-0.05, 0.15).group(DataCentre).est("eia-steo-2026").percent(),
    load_factor => p(Number, 0.8, 0.0, 1.0, 0.01).typical(0.3, 1.0).group(DataCentre).est("operations-estimate").percent(),
    availability => p(Number, 0.97, 0.0, 1.0, 0.005).typical(0.8, 1.0).group(DataCentre).est("operations-estimate").percent(),
    grid_kg_co2_per_mwh => p(Number, 366.0, 0.0, 1_500.0, 1.0).group(DataCentre).src("eia-co2-2023"),
    // Market and the buyer
    market_usd_per_accelerator_hour => p(Number, 3.08, 0.0, 100.0, 0.01).typical(0.5, 20.0).group(Market).src("gb300-committed-rent").money(),
    market_decline => p(Number, 0.22, -0.5, 0.95, 0.01).typical(-0.2, 0.5).group(Market).src("rental-decline").percent(),
    shortfall_share => p(Number, 0.0, 0.0, 1.0, 0.01).typical(0.0, 0.6).group(Market).src("model-default").percent(),
    shortfall_year => p(Number, 3.0, 0.0, 20.0, 0.25).group(Market).est("openai-funding-gap"),
    // Finance
    wacc => p(Number, 0.08, 0.0, 0.5, 0.0025).typical(0.03, 0.2).group(Finance).src("hyperscaler-wacc").lead().percent(),
    it_life_years => p(Number, 5.0, 0.5, 15.0, 0.25).typical(2.0, 8.0).group(Finance).src("amazon-server-life"),
    facility_life_years => p(Number, 20.0, 1.0, 60.0, 0.5).typical(10.0, 40.0).group(Finance).est("facility-life-estimate"),
    residual_fraction => p(Number, 0.10, 0.0, 1.0, 0.01).typical(0.0, 0.5).group(Finance).est("residual-estimate").percent(),
    opex_fraction_of_capex => p(Number, 0.02, 0.0, 0.5, 0.001).typical(0.0, 0.1).group(Finance).est("epoch-opex").percent(),
    terminal => p(Choice(TERMINALS), 0.0, 0.0, 2.0, 1.0).group(Finance).src("model-default"),
    refresh => p(Choice(REFRESHES), 0.0, 0.0, 1.0, 1.0).group(Finance).src("model-default"),
    book_life_years => p(Number, 5.0, 1.0, 20.0, 0.25).typical(3.0, 8.0).group(Finance).src("amazon-server-life"),
    tax_rate => p(Number, 0.21, 0.0, 0.6, 0.005).typical(0.0, 0.4).group(Finance).src("us-corporate-tax").percent(),
    tax_depreciation => p(Choice(TAX_DEPRECIATIONS), 0.0, 0.0, 2.0, 1.0).group(Finance).src("obbba-bonus"),
    // Workload
    precision => p(Choice(PRECISIONS), 1.0, 0.0, 2.0, 1.0).group(Workload).est("workload-estimate"),
    mfu => p(Number, 0.3, 0.01, 0.9, 0.01).group(Workload).est("workload-estimate").percent(),
    active_params_b => p(Number, 100.0, 1.0, 5_000.0, 1.0).group(Workload).est("workload-estimate").log(),
    // Uncertainty
    samples => p(Count, 100_000.0, 1_000.0, 1_000_000.0, 1_000.0).group(Uncertainty).src("model-default").log(),
    seed => p(Count, 1.0, 0.0, 4_294_967_295.0, 1.0).group(Uncertainty).src("model-default"),
    sampling => p(Choice(SAMPLINGS), 0.0, 0.0, 1.0, 1.0).group(Uncertainty).src("rqmc"),
    // Deal (last in the table, so the Monte Carlo's draws of the others keep their keys)
    revenue_basis => p(Choice(REVENUE_BASES), 0.0, 0.0, 1.0, 1.0).group(Deal).src("aws-openai-release"),
    // The expansion's second chip (after revenue_basis for the same reason): a
    // later generation within the expansion's contract and term.
    expansion2_accelerator => p(Choice(&ACCELERATOR_IDS), 9.0, 0.0, (ACCELERATOR_IDS.len() - 1) as f64, 1.0).group(Accelerators).src("aws-openai-expansion"),
    expansion2_accelerators => p(Count, 0.0, 0.0, 10_000_000.0, 1_000.0).typical(0.0, 2_000_000.0).group(Accelerators).src("aws-openai-expansion"),
    expansion2_start => p(Quarter, q(2028, 1), Q2020Q1, Q2040Q4, 1.0).group(Deployment).src("aws-openai-expansion"),
    // Finance (after the others, for the same reason)
    rental_life_years => p(Number, 8.0, 0.5, 20.0, 0.25).typical(3.0, 12.0).group(Market).est("rental-life-estimate"),
}

impl Inputs {
    pub fn accelerator_id(&self) -> &'static str {
        ACCELERATOR_IDS[(self.accelerator as usize).min(ACCELERATOR_IDS.len() - 1)]
    }
    /// Whether the (first) accelerator is a GPU, so a reader's "GPU-hour"
    /// fits; Trainium and TPUs are chips.
    pub fn accelerator_is_gpu(&self) -> bool {
        let name = crate::catalogue::by_index(self.accelerator).name;
        name.starts_with("NVIDIA") || name.starts_with("AMD")
    }
    pub fn precision_id(&self) -> &'static str {
        PRECISIONS[(self.precision as usize).min(PRECISIONS.len() - 1)]
    }
    /// True when each tranche's term runs from the delivery of its capacity.
    pub fn from_delivery(&self) -> bool {
        self.term_basis == 1.0
    }
    /// True when the contract is billed on the capacity online (a
    /// commitment), false when on the hours delivered.
    pub fn take_or_pay(&self) -> bool {
        self.revenue_basis == 0.0
    }
    /// The share of the hours online that is billed: all of them under
    /// take-or-pay, the available ones when billed on delivery.
    pub fn billed_share(&self) -> f64 {
        if self.take_or_pay() {
            1.0
        } else {
            self.availability
        }
    }
    pub fn terminal(&self) -> Terminal {
        match self.terminal as usize {
            1 => Terminal::Book,
            2 => Terminal::None,
            _ => Terminal::Market,
        }
    }
    /// True when the Monte Carlo uses randomized quasi-Monte Carlo points.
    pub fn quasi_random(&self) -> bool {
        self.sampling == 0.0
    }
    pub fn refreshes(&self) -> bool {
        self.refresh == 1.0
    }
    pub fn tax_depreciation(&self) -> TaxDepreciation {
        match self.tax_depreciation as usize {
            1 => TaxDepreciation::Macrs5,
            2 => TaxDepreciation::StraightLine,
            _ => TaxDepreciation::Bonus,
        }
    }
}

/// The value of the assets when they leave the deal (`terminal`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Terminal {
    /// IT at the market value of its remaining economic life; the facility
    /// and CPUs at book value.
    Market,
    /// Everything at its straight-line book value.
    Book,
    /// Nothing.
    None,
}

/// Tax depreciation of IT (`tax_depreciation`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaxDepreciation {
    /// 100% in the quarter of installation (OBBBA, property acquired after 19 January 2025).
    Bonus,
    /// 5-year MACRS, half-year convention: 20, 32, 19.2, 11.52, 11.52, 5.76%.
    Macrs5,
    /// Straight-line over the 5-year class life.
    StraightLine,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_inputs_are_the_dollar_keys_and_scale_to_other_units() {
        // Every input in dollars is marked, and only those: the page shows
        // them in the reader's currency.
        for p in P::ALL {
            assert_eq!(p.param().money, p.key().contains("usd"), "{}", p.key());
        }
        // Electricity at 88.7 rupees to the dollar: 0 to 88,700 ₹/MWh
        // (1,000 × 88.7), typical 1,774 to 26,610 (20 × 88.7, 300 × 88.7).
        let param = P::electricity_usd_per_mwh.param();
        let r = param.in_units(88.7);
        assert_eq!((r.min, r.max, r.typical_min, r.typical_max, r.step, r.default), (0.0, 88_700.0, 1_774.0, 26_610.0, 88.7, 7_273.4));
        assert_eq!(r.parse("8,000"), Ok(8_000.0));
        assert_eq!(r.parse("90000"), Err(Problem::OutOfRange { allowed: Allowed::Range { min: "0".into(), max: "88700".into() } }));
        // A factor of 1, or one that is not a rate, changes nothing.
        for f in [1.0, 0.0, -2.0, f64::NAN, f64::INFINITY] {
            assert_eq!(param.in_units(f).max, param.max);
        }
    }

    #[test]
    fn every_default_is_allowed_and_cites_a_source() {
        for p in P::ALL {
            let param = p.param();
            assert_eq!(param.check(param.default), Ok(param.default), "{}", param.key);
            assert!(crate::sources::source(param.source).is_some(), "{} cites unknown source {}", param.key, param.source);
            assert!(param.min <= param.max && param.step > 0.0, "{}", param.key);
        }
    }

    #[test]
    fn gb300_is_the_default_accelerator() {
        assert_eq!(crate::catalogue::by_index(P::accelerator.param().default).id, "gb300");
    }

    #[test]
    fn keys_are_unique_and_match_the_enum() {
        for (i, p) in P::ALL.iter().enumerate() {
            assert_eq!(*p as usize, i);
            assert_eq!(P::from_key(p.key()), Some(*p));
        }
    }

    #[test]
    fn parse_accepts_the_canonical_text_and_rejects_the_rest() {
        assert_eq!(P::value_usd.param().parse("38e9"), Ok(38e9));
        assert_eq!(P::value_usd.param().parse(" 38000000000 "), Ok(38e9));
        assert_eq!(P::start.param().parse("2025Q4"), Ok(q(2025, 4)));
        assert_eq!(P::accelerator.param().parse("GB300"), Ok(4.0));
        let range = Allowed::Range { min: "1".into(), max: "3".into() };
        assert_eq!(P::pue.param().parse("0.5"), Err(Problem::OutOfRange { allowed: range.clone() }));
        assert_eq!(P::pue.param().parse("NaN"), Err(Problem::NotANumber { allowed: range }));
        assert!(P::pue.param().parse("inf").is_err());
        let err = P::accelerator.param().parse("tpu9");
        assert!(matches!(&err, Err(Problem::NotAllowed { allowed: Allowed::OneOf(ids) }) if ids[0] == "h100"), "{err:?}");
        assert_eq!(P::accelerators.param().parse("1000.5"), Err(Problem::NotWhole));
        assert_eq!(P::start.param().parse("2025Q7"), Err(Problem::BadQuarter));
    }

    #[test]
    fn sliders_round_trip_every_default() {
        for p in P::ALL {
            let param = p.param();
            let v = param.default;
            if !matches!(param.kind, Kind::Choice(_)) {
                for span in [param.allowed_span(), param.slider_span(v, None, v)] {
                    let back = param.from_slider(span, param.slider_position(span, v));
                    assert!((back - v).abs() <= param.step.max(v.abs() * 0.005), "{}: {v} → {back} on {span:?}", param.key);
                }
            }
        }
        // The ends of a slider are the ends of its span.
        let pue = P::pue.param();
        let all = pue.allowed_span();
        assert_eq!((pue.from_slider(all, 0.0), pue.from_slider(all, SLIDER_STEPS)), (1.0, 3.0));
        let value = P::value_usd.param();
        let all = value.allowed_span();
        assert_eq!((value.from_slider(all, 0.0), value.from_slider(all, SLIDER_STEPS)), (1e8, 3e12));
        // A logarithmic slider whose range starts at 0 reaches 0 and its maximum.
        let n = P::accelerators.param();
        let all = n.allowed_span();
        assert_eq!((n.from_slider(all, 0.0), n.from_slider(all, SLIDER_STEPS)), (0.0, 1e7));
        assert_eq!(n.slider_position(all, 0.0), 0.0);
        assert!(n.slider_position(all, 200_000.0) > 0.0);
    }

    /// Issue 29.1: a slider spans what a reader would explore around the
    /// preset's value, and a small drag moves the value by a few percent.
    #[test]
    fn sliders_span_the_plausible_range() {
        // $38B with no uncertainty range: $38B ÷ 1.3 = $29.23B to × 1.3 = $49.4B, by ratio.
        let value = P::value_usd.param();
        let span = value.slider_span(38e9, None, 38e9);
        assert!((span.lo - 38e9 / 1.3).abs() < 1.0 && (span.hi - 49.4e9).abs() < 1.0 && span.log, "{span:?}");
        // 80 of the 1,000 positions (12 pixels of a phone's 150-pixel travel)
        // move it by e^(0.08 × ln 1.69) − 1 = 4.3%, give or take the snapping
        // to three figures ($33.3B → $34.8B is 4.5%): at most the 5% the
        // issue allows, whichever way and wherever on it.
        for start in [0.0, 250.0, 500.0, 920.0] {
            let (a, b) = (value.from_slider(span, start), value.from_slider(span, start + 80.0));
            assert!(b / a - 1.0 <= 0.05, "{a} → {b}");
        }
        // The preset's uncertainty range widened by a tenth of its width:
        // P1 160k and P99 240k give 152k to 248k.
        let n = P::accelerators.param();
        assert_eq!(n.slider_span(200_000.0, Some((160_000.0, 240_000.0)), 200_000.0), Span { lo: 152_000.0, hi: 248_000.0, log: true });
        // A decline from a 20% rise to a 40% fall: a 26% rise to a 46% fall, linear (it crosses 0).
        let d = P::market_decline.param();
        let span = d.slider_span(0.22, Some((-0.2, 0.4)), 0.22);
        assert!((span.lo + 0.26).abs() < 1e-12 && (span.hi - 0.46).abs() < 1e-12 && !span.log, "{span:?}");
        // A value typed beyond the span widens it to hold the value; the allowed range bounds it.
        assert_eq!(value.slider_span(38e9, None, 100e9).hi, 100e9);
        assert_eq!(value.slider_span(38e9, None, 1e12).hi, 1e12);
        let pue = P::pue.param();
        assert_eq!(pue.slider_span(1.14, None, 1.14).lo, 1.0);
        // Zero: the typical range (a delay of 0 to 24 months).
        let delay = P::delay_months.param();
        assert_eq!(delay.slider_span(0.0, None, 0.0), Span { lo: 0.0, hi: 24.0, log: false });
        // A quarter: three years either side.
        let start = P::start.param();
        assert_eq!(start.slider_span(q(2025, 4), None, q(2025, 4)), Span { lo: q(2022, 4), hi: q(2028, 4), log: false });
        // Edges: a non-finite value is ignored; a span of no width falls back to the allowed range.
        assert_eq!(value.slider_span(38e9, None, f64::NAN), value.slider_span(38e9, None, 38e9));
        assert_eq!(pue.slider_span(1.0, Some((1.0, 1.0)), 1.0).hi, 1.3);
        let tiny = P::wacc.param().slider_span(f64::MIN_POSITIVE, None, f64::MIN_POSITIVE);
        assert!(tiny.hi > tiny.lo, "{tiny:?}");
        // Beyond the allowed range (the largest finite value) the span is empty once bounded: the whole range.
        assert_eq!(P::value_usd.param().slider_span(f64::MAX, None, f64::MAX), value.allowed_span());
    }

    #[test]
    fn unusual_values_are_allowed_and_flagged() {
        let acc = P::accelerators.param();
        // Zero accelerators (a CPU-only deal) is allowed, and unusual.
        assert_eq!(acc.check(0.0), Ok(0.0));
        assert!(acc.is_unusual(0.0) && !acc.is_unusual(200_000.0));
        // Every default is typical.
        for p in P::ALL {
            assert!(!p.param().is_unusual(p.param().default), "{}", p.key());
            assert!(p.param().typical_min >= p.param().min && p.param().typical_max <= p.param().max, "{}", p.key());
        }
        // Choices and quarters are never unusual.
        assert!(!P::terminal.param().is_unusual(2.0));
    }

    #[test]
    fn format_round_trips_every_default() {
        for p in P::ALL {
            let param = p.param();
            let text = param.format(param.default);
            assert_eq!(param.parse(&text), Ok(param.default), "{} as '{text}'", param.key);
        }
    }

    #[test]
    fn a_readers_first_inputs_lead_their_groups() {
        let mut seen = Vec::new();
        for g in Group::ALL {
            let ps = in_group(g);
            // Every input of the group, once; the lead ones first, each part in table order.
            let lead = ps.iter().take_while(|p| p.param().lead).count();
            assert!(ps[lead..].iter().all(|p| !p.param().lead), "{g:?}: {ps:?}");
            assert!(ps[..lead].windows(2).all(|w| (w[0] as usize) < (w[1] as usize)) && ps[lead..].windows(2).all(|w| (w[0] as usize) < (w[1] as usize)));
            assert!(ps.iter().all(|p| p.param().group == g));
            seen.extend(ps);
        }
        seen.sort_by_key(|p| *p as usize);
        assert_eq!(seen, P::ALL.to_vec());
        // The list: accelerators, the contract's value, the power price, PUE, the cost of capital, capex per accelerator.
        assert_eq!(in_group(Group::DataCentre)[..2], [P::pue, P::electricity_usd_per_mwh]);
        assert_eq!(in_group(Group::Accelerators)[..2], [P::accelerators, P::capex_usd_per_accelerator]);
        assert_eq!(in_group(Group::Finance)[0], P::wacc);
        assert_eq!(in_group(Group::Deal)[0], P::value_usd);
    }
}
