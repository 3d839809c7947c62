//! The one parameter table: key, label, unit, default, allowed range, step,
//! source and whether the default is an estimate. It drives validation, the
//! URL and JSON codecs, the CLI, the sliders and the sensitivity sweep.
//!
//! `define_params!` turns one list into the index enum `P`, the table
//! `PARAMS` and the struct `InputsT<T>` (one field per parameter, `f64` for a
//! scenario, a SIMD vector in the batch engine), so no parameter is listed
//! twice. Quarters are stored as quarter indices (`year * 4 + quarter - 1`)
//! and choices as their index in the choice list.

use crate::catalogue::ACCELERATOR_IDS;
use crate::i18n::msg;
use crate::quarter::Quarter;

/// The panel group a parameter belongs to (the UI shows them in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Deal,
    Accelerators,
    Deployment,
    Cpus,
    DataCentre,
    Finance,
    Workload,
    Uncertainty,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Deal,
        Group::Accelerators,
        Group::Deployment,
        Group::Cpus,
        Group::DataCentre,
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
            Group::Finance => "finance",
            Group::Workload => "workload",
            Group::Uncertainty => "uncertainty",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Group::Deal => "Deal",
            Group::Accelerators => "Accelerators",
            Group::Deployment => "Deployment",
            Group::Cpus => "CPUs",
            Group::DataCentre => "Data centre and energy",
            Group::Finance => "Finance",
            Group::Workload => "Workload",
            Group::Uncertainty => "Uncertainty",
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
    pub label: &'static str,
    pub unit: &'static str,
    pub kind: Kind,
    /// The default, which is the AWS–OpenAI 2025 preset's value.
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub scale: Scale,
    pub group: Group,
    /// Id of the default's source in `sources::SOURCES`.
    pub source: &'static str,
    /// True when the default is our estimate rather than a reported figure.
    pub estimate: bool,
    pub help: &'static str,
}

impl Param {
    /// Whether the parameter can carry a distribution (numbers and counts).
    pub fn is_numeric(&self) -> bool {
        matches!(self.kind, Kind::Number | Kind::Count)
    }

    /// Checks a value against the parameter's kind and range.
    pub fn check(&self, v: f64) -> Result<f64, String> {
        if !v.is_finite() {
            return Err(msg(|m| m.e_not_finite, &[("key", self.key), ("value", &v.to_string())]));
        }
        match self.kind {
            Kind::Count | Kind::Quarter if v.fract() != 0.0 => {
                return Err(msg(|m| m.e_not_whole, &[("key", self.key), ("value", &format_number(v))]))
            }
            Kind::Choice(ids) if v.fract() != 0.0 || v < 0.0 || v as usize >= ids.len() => {
                return Err(msg(|m| m.e_no_choice, &[("key", self.key), ("value", &format_number(v))]))
            }
            _ => {}
        }
        if v < self.min || v > self.max {
            return Err(msg(|m| m.e_out_of_range, &[("key", self.key), ("value", &self.format(v)), ("allowed", &self.range_text())]));
        }
        Ok(v)
    }

    /// The slider position of a value: the quarter index for quarters,
    /// else 0 to `SLIDER_STEPS` (logarithmic for `Scale::Log`).
    pub fn slider_position(&self, v: f64) -> f64 {
        match (self.kind, self.scale) {
            (Kind::Quarter, _) => v,
            (_, Scale::Log) if self.min > 0.0 => (v.max(self.min).ln() - self.min.ln()) / (self.max.ln() - self.min.ln()) * SLIDER_STEPS,
            _ => (v - self.min) / (self.max - self.min) * SLIDER_STEPS,
        }
    }

    /// The value at a slider position: on the step for linear sliders, at
    /// three significant figures for logarithmic ones, always in range.
    pub fn from_slider(&self, pos: f64) -> f64 {
        let raw = match (self.kind, self.scale) {
            (Kind::Quarter, _) => return pos.round().clamp(self.min, self.max),
            (_, Scale::Log) if self.min > 0.0 => (self.min.ln() + pos / SLIDER_STEPS * (self.max.ln() - self.min.ln())).exp(),
            _ => self.min + pos / SLIDER_STEPS * (self.max - self.min),
        };
        let snapped = if self.scale == Scale::Log {
            let magnitude = 10f64.powf(raw.abs().log10().floor() - 2.0);
            ((raw / magnitude).round() * magnitude).max(self.step)
        } else {
            (raw / self.step).round() * self.step
        };
        let v = tidy(snapped).clamp(self.min, self.max);
        if matches!(self.kind, Kind::Count) {
            v.round()
        } else {
            v
        }
    }

    /// A value as an input field shows it: whole numbers grouped
    /// (38,000,000,000), which `parse` reads back.
    pub fn display(&self, v: f64) -> String {
        match self.kind {
            Kind::Number if v.fract() == 0.0 && v.abs() < 1e15 => crate::format::fixed(v, 0),
            Kind::Number => format_number(tidy(v)),
            Kind::Count => crate::format::fixed(v, 0),
            _ => self.format(v),
        }
    }

    /// The allowed values, in words, for messages and help.
    pub fn range_text(&self) -> String {
        match self.kind {
            Kind::Choice(ids) => msg(|m| m.range_one_of, &[("list", &ids.join(", "))]),
            _ => msg(|m| m.range_to, &[("min", &self.format(self.min)), ("max", &self.format(self.max))]),
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
    pub fn parse(&self, text: &str) -> Result<f64, String> {
        let text = text.trim();
        let v = match self.kind {
            Kind::Quarter => Quarter::parse(text)
                .map(|q| q.index() as f64)
                .map_err(|why| msg(|m| m.e_quarter_in, &[("key", self.key), ("value", &shorten(text)), ("why", &why)]))?,
            Kind::Choice(ids) => ids
                .iter()
                .position(|id| id.eq_ignore_ascii_case(text))
                .map(|i| i as f64)
                .ok_or_else(|| msg(|m| m.e_not_allowed, &[("key", self.key), ("value", &shorten(text)), ("allowed", &self.range_text())]))?,
            Kind::Number | Kind::Count => parse_number(text)
                .ok_or_else(|| msg(|m| m.e_not_a_number, &[("key", self.key), ("value", &shorten(text)), ("allowed", &self.range_text())]))?,
        };
        self.check(v)
    }
}

/// The shortest decimal text that reads back as the same f64.
pub fn format_number(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let plain = format!("{v}");
    let sci = format!("{v:e}");
    if sci.len() + 1 < plain.len() {
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

/// Parses a plain decimal or scientific number ("38e9", "0.08", "1_000").
/// Rejects "inf", "NaN" and friends that `f64::from_str` would accept.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| *c != '_' && *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')) {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A value quoted in a message, cut to a readable length.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        format!("'{text}'")
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("'{head}…' ({})", msg(|m| m.chars, &[("n", &text.chars().count().to_string())]))
    }
}

pub const PRECISIONS: &[&str] = &["bf16", "fp8", "fp4"];

/// Positions of a number's slider (0 to this).
pub const SLIDER_STEPS: f64 = 1000.0;

const fn p(key: &'static str, label: &'static str, unit: &'static str, kind: Kind, default: f64, min: f64, max: f64, step: f64) -> Param {
    Param {
        key,
        label,
        unit,
        kind,
        default,
        min,
        max,
        step,
        scale: Scale::Linear,
        group: Group::Deal,
        source: "model-default",
        estimate: false,
        help: "",
    }
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
    const fn help(mut self, text: &'static str) -> Self {
        self.help = text;
        self
    }
}

macro_rules! define_params {
    ($($field:ident => $def:expr,)*) => {
        /// Parameter index: `P::pue as usize` is the row of `pue` in `PARAMS`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    value_usd => p("", "Contract value", "USD", Number, 38e9, 1e8, 3e12, 1e8).group(Deal).src("aws-openai-release").log()
        .help("What the buyer commits to spend over the term. Deals like this are consumption commitments, not cash up front."),
    term_years => p("", "Term", "years", Number, 7.0, 1.0, 15.0, 0.25).group(Deal).src("aws-openai-release")
        .help("Length of the contract from its first quarter."),
    start => p("", "First quarter", "quarter", Quarter, q(2025, 4), Q2020Q1, Q2040Q4, 1.0).group(Deal).src("aws-openai-release")
        .help("The quarter the contract starts, written like 2025Q4."),
    expansion_value_usd => p("", "Expansion value", "USD", Number, 0.0, 0.0, 3e12, 1e8).group(Deal).src("aws-openai-expansion")
        .help("Contract value of a second tranche (an expansion). 0 switches the expansion off."),
    expansion_term_years => p("", "Expansion term", "years", Number, 7.0, 1.0, 15.0, 0.25).group(Deal).src("aws-openai-expansion")
        .help("Length of the expansion from its first quarter."),
    // Accelerators
    accelerator => p("", "Accelerator", "id", Choice(ACCELERATOR_IDS), 4.0, 0.0, (ACCELERATOR_IDS.len() - 1) as f64, 1.0).group(Accelerators).src("aws-openai-release")
        .help("The chip of the first tranche. Its FLOPS feed the compute and token figures; changing it also resets capex and power per accelerator to the catalogue's."),
    accelerators => p("", "Accelerators", "count", Count, 200_000.0, 1_000.0, 10_000_000.0, 1_000.0).group(Accelerators).est("aws-openai-gpu-count").log()
        .help("Accelerators in the first tranche once fully online."),
    capex_usd_per_accelerator => p("", "Capex per accelerator", "USD", Number, 76_000.0, 5_000.0, 500_000.0, 500.0).group(Accelerators).src("iren-capex")
        .help("All-in IT capex per accelerator: the chip's server, host CPUs, network and storage share."),
    it_kw_per_accelerator => p("", "IT power per accelerator", "kW", Number, 2.3, 0.2, 10.0, 0.01).group(Accelerators).src("nscale-density")
        .help("IT power per accelerator including its share of hosts and network (not cooling: that is the PUE)."),
    expansion_accelerator => p("", "Expansion accelerator", "id", Choice(ACCELERATOR_IDS), 4.0, 0.0, (ACCELERATOR_IDS.len() - 1) as f64, 1.0).group(Accelerators).src("aws-openai-expansion")
        .help("The chip of the expansion. Its capex and power scale from the first tranche's by the catalogue's ratio."),
    expansion_accelerators => p("", "Expansion accelerators", "count", Count, 0.0, 0.0, 10_000_000.0, 1_000.0).group(Accelerators).src("aws-openai-expansion")
        .help("Accelerators in the expansion once fully online. 0 switches the expansion off."),
    // Deployment
    ramp_end => p("", "Fully online by", "quarter", Quarter, q(2026, 4), Q2020Q1, Q2040Q4, 1.0).group(Deployment).src("aws-openai-release")
        .help("The quarter by which the first tranche is fully online; it ramps linearly from the first quarter. Equal to the first quarter means online at once."),
    delay_months => p("", "Delay", "months", Number, 0.0, 0.0, 36.0, 1.0).group(Deployment).src("model-default")
        .help("A slip in energizing: hardware and buildings are paid for on schedule, but capacity comes online (and earns) this much later."),
    expansion_start => p("", "Expansion first quarter", "quarter", Quarter, q(2027, 1), Q2020Q1, Q2040Q4, 1.0).group(Deployment).src("aws-openai-release")
        .help("The quarter the expansion starts (\"room to expand from 2027\")."),
    expansion_ramp_quarters => p("", "Expansion ramp", "quarters", Count, 4.0, 1.0, 20.0, 1.0).group(Deployment).src("model-default")
        .help("Quarters the expansion takes to come fully online."),
    // CPUs
    vcpus => p("", "vCPUs", "count", Count, 10_000_000.0, 0.0, 200_000_000.0, 100_000.0).group(Cpus).est("aws-openai-cpus")
        .help("CPU capacity beside the accelerators, in vCPUs (a Graviton vCPU is one core). 0 switches the CPU side off."),
    capex_usd_per_vcpu => p("", "Capex per vCPU", "USD", Number, 150.0, 10.0, 2_000.0, 5.0).group(Cpus).est("cpu-capex-estimate")
        .help("All-in IT capex per vCPU: server, memory, network and storage share."),
    w_per_vcpu => p("", "IT power per vCPU", "W", Number, 10.0, 1.0, 60.0, 0.5).group(Cpus).est("cpu-capex-estimate")
        .help("IT power per vCPU including memory, storage and network share."),
    cpu_value_fraction => p("", "CPU share of value", "fraction", Number, 0.10, 0.0, 0.9, 0.01).group(Cpus).est("cpu-value-estimate")
        .help("Share of the first tranche's contract value paid for the CPU side. 0 puts all of it on the accelerators."),
    // Data centre and energy
    facility_capex_usd_per_mw => p("", "Facility capex per MW", "USD/MW", Number, 10.7e6, 2e6, 40e6, 1e5).group(DataCentre).src("cbre-facility")
        .help("Shell, power and cooling per MW of IT load."),
    pue => p("", "PUE", "ratio", Number, 1.2, 1.0, 2.5, 0.01).group(DataCentre).est("pue-hyperscale")
        .help("Power usage effectiveness: facility power divided by IT power."),
    electricity_usd_per_mwh => p("", "Electricity price", "USD/MWh", Number, 86.0, 10.0, 400.0, 1.0).group(DataCentre).src("eia-industrial-2025")
        .help("Energy price in the first year."),
    electricity_escalation => p("", "Electricity escalation", "fraction per year", Number, 0.02, -0.05, 0.2, 0.005).group(DataCentre).est("eia-steo-2026")
        .help("Yearly change of the energy price. 0 keeps it flat."),
    load_factor => p("", "Load factor", "fraction", Number, 0.8, 0.1, 1.0, 0.01).group(DataCentre).est("operations-estimate")
        .help("Average IT draw as a fraction of IT nameplate."),
    availability => p("", "Availability", "fraction", Number, 0.97, 0.5, 1.0, 0.005).group(DataCentre).est("operations-estimate")
        .help("Fraction of hours the capacity can be delivered and billed."),
    grid_kg_co2_per_mwh => p("", "Grid carbon intensity", "kg/MWh", Number, 366.0, 0.0, 1_200.0, 1.0).group(DataCentre).src("eia-co2-2023")
        .help("CO2 emitted per MWh drawn from the grid (US average 2023)."),
    // Finance
    wacc => p("", "Cost of capital (WACC)", "fraction per year", Number, 0.08, 0.0, 0.3, 0.0025).group(Finance).src("hyperscaler-wacc")
        .help("The provider's cost of capital, used for NPV and for the yearly capital charge."),
    it_life_years => p("", "IT useful life", "years", Number, 5.0, 1.0, 10.0, 0.25).group(Finance).src("amazon-server-life")
        .help("Years over which the IT equipment is recovered."),
    facility_life_years => p("", "Facility useful life", "years", Number, 20.0, 5.0, 40.0, 0.5).group(Finance).est("facility-life-estimate")
        .help("Years over which the shell, power and cooling are recovered."),
    residual_fraction => p("", "IT residual value", "fraction of capex", Number, 0.10, 0.0, 0.6, 0.01).group(Finance).est("residual-estimate")
        .help("Resale value of IT equipment at the end of its useful life."),
    opex_fraction_of_capex => p("", "Other opex", "fraction of capex per year", Number, 0.02, 0.0, 0.2, 0.001).group(Finance).est("epoch-opex")
        .help("Non-energy operating cost per year (staff, maintenance, spares, software) as a fraction of capex."),
    // Workload
    precision => p("", "Precision", "id", Choice(PRECISIONS), 1.0, 0.0, 2.0, 1.0).group(Workload).est("workload-estimate")
        .help("Number format for the compute and token figures. Chips without FP4 use their FP8 rate."),
    mfu => p("", "Model FLOP utilization", "fraction", Number, 0.3, 0.01, 0.9, 0.01).group(Workload).est("workload-estimate")
        .help("Share of dense peak FLOP/s that does useful work when serving."),
    active_params_b => p("", "Active parameters", "billions", Number, 100.0, 1.0, 5_000.0, 1.0).group(Workload).est("workload-estimate").log()
        .help("Parameters used per token by the served model (for a mixture of experts, the active ones)."),
    // Uncertainty
    samples => p("", "Monte Carlo samples", "count", Count, 100_000.0, 1_000.0, 1_000_000.0, 1_000.0).group(Uncertainty).src("model-default").log()
        .help("Scenarios drawn for the uncertainty analysis."),
    seed => p("", "Random seed", "count", Count, 1.0, 0.0, 4_294_967_295.0, 1.0).group(Uncertainty).src("model-default")
        .help("The same seed gives the same Monte Carlo results, in the browser and the CLI."),
}

impl Inputs {
    pub fn accelerator_id(&self) -> &'static str {
        ACCELERATOR_IDS[(self.accelerator as usize).min(ACCELERATOR_IDS.len() - 1)]
    }
    pub fn precision_id(&self) -> &'static str {
        PRECISIONS[(self.precision as usize).min(PRECISIONS.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_allowed_and_cites_a_source() {
        for p in P::ALL {
            let param = p.param();
            assert_eq!(param.check(param.default), Ok(param.default), "{}", param.key);
            assert!(crate::sources::source(param.source).is_some(), "{} cites unknown source {}", param.key, param.source);
            assert!(!param.help.is_empty(), "{} has no help text", param.key);
            assert!(param.min <= param.max && param.step > 0.0, "{}", param.key);
        }
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
        let err = P::pue.param().parse("0.5").unwrap_err();
        assert!(err.contains("pue=0.5") && err.contains("1 to 2.5"), "{err}");
        let err = P::pue.param().parse("NaN").unwrap_err();
        assert!(err.contains("not a number"), "{err}");
        assert!(P::pue.param().parse("inf").is_err());
        let err = P::accelerator.param().parse("tpu9").unwrap_err();
        assert!(err.contains("one of h100"), "{err}");
        assert!(P::accelerators.param().parse("1000.5").unwrap_err().contains("whole number"));
    }

    #[test]
    fn sliders_and_displays_round_trip_every_default() {
        for p in P::ALL {
            let param = p.param();
            let v = param.default;
            if !matches!(param.kind, Kind::Choice(_)) {
                let back = param.from_slider(param.slider_position(v));
                assert!((back - v).abs() <= param.step.max(v.abs() * 0.005), "{}: {v} → {back}", param.key);
            }
            // What a field shows parses back to the value (grouping is read).
            assert_eq!(param.parse(&param.display(v)), Ok(v), "{}", param.key);
        }
        assert_eq!(P::value_usd.param().display(38e9), "38,000,000,000");
        // The ends of a slider are the ends of the range.
        let pue = P::pue.param();
        assert_eq!((pue.from_slider(0.0), pue.from_slider(SLIDER_STEPS)), (1.0, 2.5));
        let value = P::value_usd.param();
        assert_eq!((value.from_slider(0.0), value.from_slider(SLIDER_STEPS)), (1e8, 3e12));
    }

    #[test]
    fn format_round_trips_every_default() {
        for p in P::ALL {
            let param = p.param();
            let text = param.format(param.default);
            assert_eq!(param.parse(&text), Ok(param.default), "{} as '{text}'", param.key);
        }
    }
}
