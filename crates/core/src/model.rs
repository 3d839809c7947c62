//! The capacity and economics model: the scalar f64 specification.
//!
//! `evaluate` turns one scenario's inputs into an `Outcome`: capacity, cost,
//! revenue, return before and after tax, the book P&L, quarter by quarter
//! and in total. The batch engine's SIMD code mirrors this file step by step
//! and is tested against it. Every definition, with a worked example, is in
//! `docs/MODEL.md`.
//!
//! Conventions, in short:
//! - Timing: every flow of quarter `i` (0 = the deal's first quarter) lands
//!   in the middle of it, at `(i + 1/2) / 4` years, and so do the prices of
//!   energy and of the rental market; a tranche's assets leave the deal in
//!   the quarter after their last one online. Payback is interpolated within
//!   the quarter it falls in.
//! - Terms: at `signing`, a tranche's term runs from its first quarter, ramp
//!   included; at `delivery`, each share of capacity is billed for the term
//!   from the quarter it comes online, and leaves when its term ends.
//! - Unprefixed capacity and cost figures are the accelerator side; `cpu_`
//!   figures the CPU side; `total_` figures and the deal-level results
//!   (capex_usd, revenue_usd, npv_usd, irr, payback_years) include both.
//! - Price, cost and margin are levelized over the deal's own cash flows:
//!   price = PV(accelerator revenue) / PV(delivered accelerator-hours),
//!   cost = (PV(accelerator revenue) − NPV) / PV(hours), that is every cost
//!   less the end values and the CPU side's revenue, and margin = NPV /
//!   PV(accelerator revenue), so the margin always has the NPV's sign.
//! - Revenue is earned per hour online at the contract's implied price: the
//!   value divided by the hours planned with no delay. Under take-or-pay
//!   (`revenue_basis`, the default: a commitment) every hour online is
//!   billed; billed on delivery, only the available ones. Delay therefore
//!   costs revenue (at signing) or defers it (at delivery), and so does
//!   unavailability when billed on delivery. Hours the buyer stops paying
//!   for (the shortfall) are re-let at the market curve, paid as delivered.
//!   Energy follows the hours delivered.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue;
use crate::finance::{book_value, capital_charge, crf, irr_quarterly, npv_mid_quarter, straight_line_share, stream_integral, tax_deducted, IrrError};
use crate::outputs::{Output, OutputsT, OUTPUTS};
use crate::params::{Inputs, Terminal};
use crate::quarter::Quarter;

/// Hours in a (non-leap) year and in a quarter of it.
pub const HOURS_PER_YEAR: f64 = 8760.0;
pub const HOURS_PER_QUARTER: f64 = HOURS_PER_YEAR / 4.0;

/// A year whose revenue is below this share of the best year's is left out
/// of the worst-year book margin (the ramp's first months, the tail).
pub const WORST_YEAR_MIN_REVENUE_SHARE: f64 = 0.5;
/// A best year below a dollar of revenue is no revenue: a margin over a
/// vanishing revenue would only be rounding (and could overflow).
pub const WORST_YEAR_MIN_REVENUE_USD: f64 = 1.0;

/// Online fraction of a tranche in its quarter `j` (0-based): a linear ramp
/// that reaches 1 at the end of quarter `ramp_quarters − 1`, shifted later
/// by `shift_quarters`. Zero before the tranche starts. The ramp is the sum
/// of `ramp_quarters` equal cohorts, cohort c installed in quarter c.
pub fn ramp_fraction(j: f64, ramp_quarters: f64, shift_quarters: f64) -> f64 {
    ((j + 1.0 - shift_quarters) / ramp_quarters).clamp(0.0, 1.0)
}

/// Years from the deal's start to the middle of its quarter `i`.
pub fn mid_quarter_years(i: f64) -> f64 {
    (i + 0.5) / 4.0
}

/// Quarters between a cohort's installation and its replacement when
/// hardware is refreshed: the IT life in whole quarters, at least one.
pub fn refresh_quarters(it_life_years: f64) -> f64 {
    libm::floor(it_life_years * 4.0 + 0.5).max(1.0)
}

/// One tranche of the deal: the first, or the expansion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tranche {
    /// Accelerators once fully online.
    pub accelerators: f64,
    /// IT capex and IT power per accelerator.
    pub capex_usd: f64,
    pub it_kw: f64,
    /// Dense TFLOPS per accelerator at the chosen precision.
    pub tflops: f64,
    pub per_rack: f64,
    /// First quarter, as an offset from the deal's first quarter.
    pub offset: usize,
    /// Quarters of the term and of the ramp (≥ 1).
    pub term_quarters: usize,
    pub ramp_quarters: f64,
    /// Contract value for the accelerators and for the CPU side.
    pub value_usd: f64,
    pub cpu_value_usd: f64,
    /// vCPUs (the first tranche only).
    pub vcpus: f64,
    /// The rental market's price for this chip per accelerator-hour at the
    /// deal's start.
    pub market_usd_per_hour: f64,
}

impl Tranche {
    /// Planned accelerator-hours per accelerator at full availability and no
    /// delay: the ramp's share within the term at signing, the whole term at
    /// delivery.
    pub fn planned_hours_per_unit(&self, from_delivery: bool) -> f64 {
        let quarters = if from_delivery {
            self.term_quarters as f64
        } else {
            (0..self.term_quarters).map(|j| ramp_fraction(j as f64, self.ramp_quarters, 0.0)).sum::<f64>()
        };
        quarters * HOURS_PER_QUARTER
    }

    /// Quarters in which some of the tranche is online: the term at signing;
    /// at delivery, until the last cohort's term ends, T + R − 1 + ⌈delay⌉.
    /// Its assets leave by the quarter after.
    pub fn online_quarters(&self, from_delivery: bool, delay_quarters: f64) -> usize {
        if from_delivery {
            self.term_quarters + self.ramp_quarters as usize - 1 + libm::ceil(delay_quarters) as usize
        } else {
            self.term_quarters
        }
    }
}

/// The tranches and whole-scenario constants derived from the inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub tranches: Vec<Tranche>,
    /// Quarters from the deal's first quarter to the last one with capacity
    /// online; the cash flows have one more (the assets' end value).
    pub horizon_quarters: usize,
    pub delay_quarters: f64,
}

/// The expansion's second chip's first quarter, as an offset from the
/// deal's: never before the expansion's own start.
pub fn expansion2_offset(x: &Inputs) -> usize {
    ((x.expansion2_start - x.start).max(0.0) as usize).max((x.expansion_start - x.start).max(0.0) as usize)
}

/// The expansion's second chip's term: to the end of the expansion's term,
/// at least one quarter.
pub fn expansion2_term_quarters(term: usize, offset: usize, offset2: usize) -> usize {
    term.saturating_sub(offset2 - offset).max(1)
}

/// Whole quarters in a term given in years, rounded half up (at least one).
pub fn term_quarters(years: f64) -> usize {
    (libm::floor(years * 4.0 + 0.5) as usize).max(1)
}

impl Plan {
    pub fn new(x: &Inputs) -> Plan {
        let chip = catalogue::by_index(x.accelerator);
        let precision = x.precision as usize;
        let dq = x.delay_months / 3.0;
        let mut tranches = vec![Tranche {
            accelerators: x.accelerators,
            capex_usd: x.capex_usd_per_accelerator,
            it_kw: x.it_kw_per_accelerator,
            tflops: chip.tflops(precision),
            per_rack: chip.per_rack,
            offset: 0,
            term_quarters: term_quarters(x.term_years),
            // A ramp end before the start means online at once.
            ramp_quarters: (x.ramp_end - x.start).max(0.0) + 1.0,
            // With no vCPUs the whole value is paid for the accelerators.
            value_usd: if x.vcpus > 0.0 { x.value_usd * (1.0 - x.cpu_value_fraction) } else { x.value_usd },
            cpu_value_usd: if x.vcpus > 0.0 { x.value_usd * x.cpu_value_fraction } else { 0.0 },
            vcpus: x.vcpus,
            market_usd_per_hour: x.market_usd_per_accelerator_hour,
        }];
        // The expansion: its first chip, then its second (a later generation
        // within the same contract, online from its own quarter to the end of
        // the expansion's term). Each chip's capex, power and market rent
        // scale from the first tranche's by the catalogue's ratios (rents
        // track the capital they recover).
        let offset = (x.expansion_start - x.start).max(0.0) as usize;
        let term = term_quarters(x.expansion_term_years);
        let offset2 = expansion2_offset(x);
        let ramp_quarters = x.expansion_ramp_quarters.max(1.0);
        let parts = [
            (x.expansion_accelerators, x.expansion_accelerator, offset, term),
            (x.expansion2_accelerators, x.expansion2_accelerator, offset2, expansion2_term_quarters(term, offset, offset2)),
        ];
        let mut expansion: Vec<Tranche> = Vec::new();
        let mut ratios: Vec<f64> = Vec::new();
        for (accelerators, choice, offset, term_quarters) in parts {
            if accelerators > 0.0 {
                let exp = catalogue::by_index(choice);
                let capex_ratio = exp.capex_usd / chip.capex_usd;
                ratios.push(capex_ratio);
                expansion.push(Tranche {
                    accelerators,
                    capex_usd: x.capex_usd_per_accelerator * capex_ratio,
                    it_kw: x.it_kw_per_accelerator * exp.it_kw / chip.it_kw,
                    tflops: exp.tflops(precision),
                    per_rack: exp.per_rack,
                    offset,
                    term_quarters,
                    ramp_quarters,
                    value_usd: 0.0,
                    cpu_value_usd: 0.0,
                    vcpus: 0.0,
                    market_usd_per_hour: x.market_usd_per_accelerator_hour * capex_ratio,
                });
            }
        }
        // The expansion's value is shared between its chips as their planned
        // hours times their catalogue capex (relative to the first chip's):
        // one price per unit of capital-hour, whatever the capex input.
        let shares: Vec<f64> = expansion.iter().zip(&ratios).map(|(t, ratio)| t.accelerators * t.planned_hours_per_unit(x.from_delivery()) * ratio).collect();
        let total: f64 = shares.iter().sum();
        for (t, share) in expansion.iter_mut().zip(&shares) {
            t.value_usd = if *share == total { x.expansion_value_usd } else { x.expansion_value_usd * (share / total) };
        }
        tranches.extend(expansion);
        let horizon_quarters = tranches.iter().map(|t| t.offset + t.online_quarters(x.from_delivery(), dq)).max().unwrap_or(1);
        Plan { tranches, horizon_quarters, delay_quarters: dq }
    }
}

/// One quarter of the deal, for the charts and the CSV export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuarterRow {
    pub quarter: String,
    pub accelerators_online: f64,
    /// Of which in the expansion tranche.
    pub expansion_accelerators_online: f64,
    pub vcpus_online: f64,
    pub it_mw: f64,
    pub cpu_it_mw: f64,
    pub facility_mw: f64,
    pub energy_gwh: f64,
    pub pflops: f64,
    pub capex_usd: f64,
    pub opex_usd: f64,
    pub energy_usd: f64,
    /// All revenue: the contract's, capacity re-let at the market, the CPU side.
    pub revenue_usd: f64,
    /// Of which re-let at the market after the buyer's shortfall.
    pub relet_revenue_usd: f64,
    /// Assets' value when they leave the deal (counted in the NPV).
    pub terminal_value_usd: f64,
    pub cash_flow_usd: f64,
    pub cumulative_cash_flow_usd: f64,
    /// Income tax (negative: a credit against the seller's other profits).
    pub tax_usd: f64,
    pub cash_flow_after_tax_usd: f64,
}

/// One calendar year of the deal: the levelized cost stack against revenue,
/// and the book P&L as the seller reports it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    /// Capital recovery (capital charge on installed capex) by asset class.
    pub capital_accelerators_usd: f64,
    pub capital_cpus_usd: f64,
    pub capital_facility_usd: f64,
    pub energy_usd: f64,
    pub other_opex_usd: f64,
    pub revenue_usd: f64,
    /// Straight-line depreciation over the booked lives.
    pub book_depreciation_usd: f64,
    /// Revenue − depreciation − energy − other opex.
    pub ebit_usd: f64,
    /// EBIT / revenue (null without revenue).
    pub ebit_margin: f64,
}

/// Why an output is undefined for a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Undefined {
    /// The cash flows never change sign, so no rate makes the NPV zero.
    IrrNoSignChange,
    /// The NPV does not reach zero for any rate in the IRR search's range.
    IrrOutOfRange,
    /// The cash flows change sign more than once and the NPV is zero at more
    /// than one rate in the IRR search's range: no one rate describes the deal.
    IrrMultipleRoots,
    /// The cumulative cash flow (before the assets' value at the end of the
    /// term) is still negative when the deal ends.
    NoPayback,
    /// There is no CPU side (vcpus = 0).
    NoCpuSide,
    /// No accelerator-hours are delivered within the term: the delay
    /// outlasts it.
    NothingOnline,
    /// No accelerator-hours are delivered: the deal has no chips.
    NoAccelerators,
    /// No accelerator-hours are delivered: the availability is zero.
    NoAvailability,
    /// The capacity delivered earns nothing (a tranche with no contract
    /// value), so there is no price to compare the cost with.
    NoRevenue,
    /// The NPV is not positive, so no share of it can be the end value's.
    NpvNotPositive,
}

impl From<IrrError> for Undefined {
    fn from(e: IrrError) -> Undefined {
        match e {
            IrrError::NoSignChange => Undefined::IrrNoSignChange,
            IrrError::OutOfRange => Undefined::IrrOutOfRange,
            IrrError::MultipleRoots => Undefined::IrrMultipleRoots,
        }
    }
}

/// What a scenario buys, costs and earns: one value per row of the output
/// table. An undefined output holds NaN and its reason is in `notes`; read
/// outputs with `get`, which gives `None` for those. In JSON the outputs are
/// keys of the object (null when undefined), beside `notes`, `quarters` and
/// `years`.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub out: OutputsT<f64>,
    /// Why an output is undefined (null in JSON).
    pub notes: BTreeMap<Output, Undefined>,
    pub quarters: Vec<QuarterRow>,
    pub years: Vec<YearRow>,
}

impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(OUTPUTS.len() + 3))?;
        for def in &OUTPUTS {
            map.serialize_entry(def.key, &self.get(def.output))?;
        }
        map.serialize_entry("notes", &self.notes)?;
        map.serialize_entry("quarters", &self.quarters)?;
        map.serialize_entry("years", &self.years)?;
        map.end()
    }
}

impl Outcome {
    /// An output's value; `None` when it is undefined for this scenario.
    pub fn get(&self, o: Output) -> Option<f64> {
        let v = *self.out.get(o);
        v.is_finite().then_some(v)
    }
}

/// Whole-scenario rates (mirrored by `batch::simd::Rates`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    /// Yearly capital charge per unit of IT capex and of facility capex.
    pub it_charge: f64,
    pub facility_charge: f64,
    pub usd_per_kw_facility: f64,
    /// Facility MWh drawn per MW of IT online for a quarter.
    pub mwh_per_it_mw_quarter: f64,
    pub kw_per_vcpu: f64,
    /// ln(1 + WACC), ln(1 − market decline), ln(1 + energy escalation).
    pub ln_discount: f64,
    pub ln_market: f64,
    pub ln_escalation: f64,
    /// Quarters between refreshes, and booked lives in quarters.
    pub refresh_quarters: f64,
    pub book_quarters: f64,
    pub facility_quarters: f64,
}

impl Rates {
    pub fn new(x: &Inputs) -> Rates {
        let r = x.wacc;
        Rates {
            it_charge: capital_charge(r, x.it_life_years, x.residual_fraction),
            facility_charge: crf(r, x.facility_life_years),
            usd_per_kw_facility: x.facility_capex_usd_per_mw / 1000.0,
            // Energy follows the hours delivered: hardware that is down draws none.
            mwh_per_it_mw_quarter: x.load_factor * x.pue * x.availability * HOURS_PER_QUARTER,
            kw_per_vcpu: x.w_per_vcpu / 1000.0,
            ln_discount: libm::log1p(r),
            ln_market: libm::log1p(-x.market_decline),
            ln_escalation: libm::log1p(x.electricity_escalation),
            refresh_quarters: refresh_quarters(x.it_life_years),
            book_quarters: x.book_life_years * 4.0,
            facility_quarters: x.facility_life_years * 4.0,
        }
    }
}

/// The market value of one accelerator leaving the deal at `years` from its
/// start, `age_years` old: the present value, at the WACC, of what it would
/// earn renting at the market curve for as long as it earns more than it
/// costs to run (`earning_life`, within the rest of its rental life,
/// `rental_life_years` − age), less its energy, other opex and the
/// facility's capital charge (the facility is credited separately, at book
/// value), and never below zero. Closed form of ∫ (A·g^s − E·h^s − C)·e^{−δs} ds.
pub fn market_value(t: &Tranche, x: &Inputs, rates: &Rates, years: f64, age_years: f64) -> f64 {
    let cap = (x.rental_life_years - age_years).max(0.0);
    let rent = t.market_usd_per_hour * libm::exp(rates.ln_market * years) * HOURS_PER_YEAR * x.availability;
    let energy = t.it_kw / 1000.0 * rates.mwh_per_it_mw_quarter * 4.0 * x.electricity_usd_per_mwh * libm::exp(rates.ln_escalation * years);
    let fac = t.it_kw * rates.usd_per_kw_facility;
    let fixed = x.opex_fraction_of_capex * (t.capex_usd + fac) + fac * rates.facility_charge;
    let life = earning_life(rent, energy + fixed, rates.ln_market - rates.ln_escalation.max(0.0), cap);
    let d = rates.ln_discount;
    let v = rent * stream_integral(rates.ln_market - d, life) - energy * stream_integral(rates.ln_escalation - d, life) - fixed * stream_integral(-d, life);
    v.max(0.0)
}

/// The years a chip leaving the deal goes on earning more than it costs to
/// run, at most `cap`: none if its yearly rent does not cover its yearly
/// running cost as it leaves; else until the rent falls to that running
/// cost, ln(running / rent) / k, with `k` the rent's log-rate net of the
/// running cost's (the market's, less the energy's escalation where it
/// rises: all of the running cost is taken to escalate, so the cut comes no
/// later than the true one and every year kept earns), and to the cap where
/// the rent keeps up.
pub fn earning_life(rent: f64, running: f64, ln_market: f64, cap: f64) -> f64 {
    // (A NaN rent earns nothing: the comparison is false.)
    if rent > running {
        if ln_market < 0.0 {
            (libm::log1p(running / rent - 1.0) / ln_market).min(cap)
        } else {
            cap
        }
    } else {
        0.0
    }
}

/// Quarterly accumulators over the horizon, filled tranche by tranche.
#[derive(Clone, Debug, Default, PartialEq)]
struct Quarterly {
    acc_online: Vec<f64>,
    exp_online: Vec<f64>,
    vcpu_online: Vec<f64>,
    racks: Vec<f64>,
    acc_it_mw: Vec<f64>,
    cpu_it_mw: Vec<f64>,
    pflops: Vec<f64>,
    capex: Vec<f64>,
    opex: Vec<f64>,
    energy_usd: Vec<f64>,
    energy_mwh: Vec<f64>,
    acc_energy_mwh: Vec<f64>,
    revenue: Vec<f64>,
    acc_revenue: Vec<f64>,
    relet: Vec<f64>,
    /// Accelerator-hours online (of which `availability` are delivered).
    unit_hours: Vec<f64>,
    book_dep: Vec<f64>,
    tax_dep: Vec<f64>,
    /// End values and the tax basis they leave with, by quarter.
    terminal: Vec<f64>,
    basis_out: Vec<f64>,
    cap_acc: Vec<f64>,
    cap_cpu: Vec<f64>,
    cap_fac: Vec<f64>,
}

impl Quarterly {
    /// Quarters 0..=h: the last holds only end values.
    fn new(h: usize) -> Quarterly {
        let z = || vec![0.0; h + 1];
        Quarterly {
            acc_online: z(),
            exp_online: z(),
            vcpu_online: z(),
            racks: z(),
            acc_it_mw: z(),
            cpu_it_mw: z(),
            pflops: z(),
            capex: z(),
            opex: z(),
            energy_usd: z(),
            energy_mwh: z(),
            acc_energy_mwh: z(),
            revenue: z(),
            acc_revenue: z(),
            relet: z(),
            unit_hours: z(),
            book_dep: z(),
            tax_dep: z(),
            terminal: z(),
            basis_out: z(),
            cap_acc: z(),
            cap_cpu: z(),
            cap_fac: z(),
        }
    }
}

/// Deal-level sums the tranches add to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Totals {
    capex_it_acc: f64,
    capex_fac_acc: f64,
    capex_cpu: f64,
    acc_hours: f64,
    gw_years: f64,
}

/// The share of a cohort's capex written off (`f` of its quarters in
/// service, n) for a vintage replaced at `replaced` quarters in service and
/// stopped at `cap` (its last quarter at delivery): all of it once replaced.
fn vintage_share(f: impl Fn(f64) -> f64, n: f64, cap: f64, replaced: Option<f64>) -> f64 {
    match replaced {
        Some(l) if n >= l => 1.0,
        _ => f(n.min(cap)),
    }
}

/// Step 3: one tranche's quarters (mirrored by `batch::simd`'s `tranche`):
/// what is installed (and paid for) on schedule, what is online after the
/// delay, what that costs and earns, how it is depreciated for tax and in
/// the books, and (step 4) what the assets are worth when they leave.
fn tranche(k: usize, t: &Tranche, x: &Inputs, rates: &Rates, dq: f64, q: &mut Quarterly, totals: &mut Totals) {
    let delivery = x.from_delivery();
    let planned_hours = t.planned_hours_per_unit(delivery);
    // A tranche without accelerators (a CPU-only deal) has no accelerator price.
    let price = if t.accelerators > 0.0 { t.value_usd / (t.accelerators * planned_hours) } else { 0.0 };
    let cpu_price = if t.vcpus > 0.0 { t.cpu_value_usd / (t.vcpus * planned_hours) } else { 0.0 };
    let (tq, r) = (t.term_quarters as f64, t.ramp_quarters);
    // Capex per unit of ramp: accelerators, CPUs, and the facility for both.
    let it_acc = t.accelerators * t.capex_usd;
    let it_cpu = t.vcpus * x.capex_usd_per_vcpu;
    let it_assets = it_acc + it_cpu;
    let fac = rates.usd_per_kw_facility * (t.accelerators * t.it_kw + t.vcpus * rates.kw_per_vcpu);
    let fac_acc = rates.usd_per_kw_facility * t.accelerators * t.it_kw;
    // Hardware ages economically from its installation (obsolescence runs
    // by the calendar) and is depreciated from the quarter it comes online
    // (placed in service): cohort c, installed in quarter c, from c + delay.
    // Refresh (at signing only): vintage m of cohort c is installed in
    // quarter c + mL, while within the term, at the capex of then, (1 −
    // market decline)^{mL/4}, and is in service at once.
    let l = rates.refresh_quarters;
    let refresh = x.refreshes() && !delivery;
    let vintages = if refresh { libm::ceil(tq / l - 1.0).max(0.0) as usize } else { 0 };
    let price_factor = |m: usize| libm::exp(rates.ln_market * m as f64 * l / 4.0);
    // At delivery each cohort leaves after T quarters online: its book and
    // tax write-off stop at that age (the rest leaves with it).
    let cap = if delivery { tq - 1.0 } else { f64::INFINITY };
    let method = x.tax_depreciation();
    let book = |n: f64| straight_line_share(n, rates.book_quarters) * (1.0 - x.residual_fraction);
    let taxed = |n: f64| tax_deducted(method, n);
    let fac_sl = |n: f64| straight_line_share(n, rates.facility_quarters);
    // Written off by quarter j, summed over the cohorts of vintage m (a
    // telescoping sum: cohort c's first vintage is j − c − delay quarters in
    // service and replaced at L − delay; a later one j − c − mL, replaced at L).
    let written = |f: &dyn Fn(f64) -> f64, j: f64, m: usize| {
        let (n, replaced) = if m == 0 { (j - dq, refresh.then_some(l - dq)) } else { (j - m as f64 * l, Some(l)) };
        (vintage_share(f, n, cap, replaced) - vintage_share(f, n - r, cap, replaced)) / r
    };
    let span = t.online_quarters(delivery, dq);
    let mut installed_prev = 0.0;
    let mut capex_in = 0.0;
    let mut tax_dep_sum = 0.0;
    for j in 0..=span {
        let i = t.offset + j;
        let jf = j as f64;
        let years = mid_quarter_years(i as f64);
        let in_term = delivery || j < t.term_quarters;
        // Installed (and paid for), online, present (opex runs) and leaving.
        let (installed, online, present, leaving) = if delivery {
            let gone = ramp_fraction(jf - tq, r, dq);
            let gone_before = ramp_fraction(jf - tq - 1.0, r, dq);
            let installed = ramp_fraction(jf, r, 0.0);
            (installed, ramp_fraction(jf, r, dq) - gone, installed - gone, gone - gone_before)
        } else if in_term {
            let installed = ramp_fraction(jf, r, 0.0);
            (installed, ramp_fraction(jf, r, dq), installed, 0.0)
        } else {
            (installed_prev, 0.0, 0.0, installed_prev)
        };
        let delta = installed - installed_prev;
        installed_prev = installed;

        // Capex: the ramp's new cohorts, and the refreshed ones.
        let mut refreshed = 0.0;
        if in_term {
            for m in 1..=vintages {
                let n = jf - m as f64 * l;
                refreshed += (ramp_fraction(n, r, 0.0) - ramp_fraction(n - 1.0, r, 0.0)) * price_factor(m);
            }
        }
        let capex = (it_assets + fac) * delta + it_assets * refreshed;
        q.capex[i] += capex;
        capex_in += capex;
        totals.capex_it_acc += it_acc * (delta + refreshed);
        totals.capex_cpu += it_cpu * (delta + refreshed) + (fac - fac_acc) * delta;
        totals.capex_fac_acc += fac_acc * delta;
        q.opex[i] += x.opex_fraction_of_capex * (it_assets + fac) * present / 4.0;
        q.cap_acc[i] += it_acc * present * rates.it_charge / 4.0;
        q.cap_cpu[i] += it_cpu * present * rates.it_charge / 4.0;
        q.cap_fac[i] += fac * present * rates.facility_charge / 4.0;

        // Depreciation, in the books and for tax, vintage by vintage.
        if in_term {
            let fac_dep = fac * (vintage_share(fac_sl, jf - dq, cap, None) - vintage_share(fac_sl, jf - dq - r, cap, None)) / r;
            let (mut book_dep, mut tax_dep) = (fac_dep, fac_dep);
            for m in 0..=vintages {
                let pf = price_factor(m);
                book_dep += it_assets * pf * written(&book, jf, m);
                tax_dep += it_assets * pf * written(&taxed, jf, m);
            }
            q.book_dep[i] += book_dep;
            q.tax_dep[i] += tax_dep;
            tax_dep_sum += tax_dep;
        }

        // What is online: capacity, energy, hours and revenue.
        let units = t.accelerators * online;
        let vcpus = t.vcpus * online;
        let it_mw_acc = units * t.it_kw / 1000.0;
        let it_mw_cpu = vcpus * rates.kw_per_vcpu / 1000.0;
        q.acc_online[i] += units;
        if k > 0 {
            q.exp_online[i] += units;
        }
        q.racks[i] += units / t.per_rack;
        q.vcpu_online[i] += vcpus;
        q.acc_it_mw[i] += it_mw_acc;
        q.cpu_it_mw[i] += it_mw_cpu;
        q.pflops[i] += units * t.tflops / 1000.0;
        let acc_mwh = it_mw_acc * rates.mwh_per_it_mw_quarter;
        let mwh = (it_mw_acc + it_mw_cpu) * rates.mwh_per_it_mw_quarter;
        q.acc_energy_mwh[i] += acc_mwh;
        q.energy_mwh[i] += mwh;
        q.energy_usd[i] += mwh * x.electricity_usd_per_mwh * libm::exp(rates.ln_escalation * years);
        // Hours online, of which the available ones are delivered; the
        // contract bills `billed_share` of them (all under take-or-pay).
        let billed = x.billed_share();
        let unit_hours = units * HOURS_PER_QUARTER;
        let vcpu_hours = vcpus * HOURS_PER_QUARTER * billed;
        // The buyer's shortfall: from `shortfall_year`, up to that share of
        // the accelerator-hours is re-let at the market curve instead, in
        // proportion to the contract's premium over the market, 1 − market /
        // price: a buyer paying the market has nothing to gain by walking
        // away; one paying twice the market cuts half the share.
        let market = t.market_usd_per_hour * libm::exp(rates.ln_market * years);
        let premium = if price > 0.0 { (1.0 - market / price).clamp(0.0, 1.0) } else { 0.0 };
        let short = x.shortfall_share * (i as f64 + 1.0 - 4.0 * x.shortfall_year).clamp(0.0, 1.0) * premium;
        // Hours re-let at the market are paid as delivered.
        let unit_relet = short * unit_hours * market;
        let unit_contract = (1.0 - short) * unit_hours * price;
        let acc_revenue = unit_contract * billed + unit_relet * x.availability;
        q.acc_revenue[i] += acc_revenue;
        q.relet[i] += unit_relet * x.availability;
        q.revenue[i] += acc_revenue + cpu_price * vcpu_hours;
        q.unit_hours[i] += unit_hours;
        totals.acc_hours += unit_hours * x.availability;
        totals.gw_years += it_mw_acc / 1000.0 / 4.0;

        // Step 4: what leaves at delivery (each cohort after its term).
        if delivery && leaving > 0.0 {
            // T quarters in service, T + delay since installed.
            let ages = Ages { it: (tq + dq) / 4.0, it_in_service: tq / 4.0, facility: (tq + dq) / 4.0, facility_in_service: tq / 4.0 };
            q.terminal[i] += leaving * end_value(t, x, rates, years, ages, it_acc, it_cpu, fac, 1.0);
            q.basis_out[i] += leaving * (it_assets * (1.0 - taxed(cap)) + fac * (1.0 - fac_sl(cap)));
        }
    }
    if !delivery {
        // Step 4 at signing: everything leaves the quarter after the term,
        // cohort c T − c quarters after its installation and T − c − delay in
        // service (none if it never came online), or its last vintage
        // T − c − mL quarters old.
        let i = t.offset + t.term_quarters;
        let years = mid_quarter_years(i as f64);
        let mut tv = 0.0;
        for c in 0..t.term_quarters.min(r as usize) {
            let cf = c as f64;
            let delta = ramp_fraction(cf, r, 0.0) - ramp_fraction(cf - 1.0, r, 0.0);
            let m = if refresh { libm::ceil((tq - cf) / l - 1.0).max(0.0) } else { 0.0 };
            let in_service = (tq - cf - dq).max(0.0);
            let economic = tq - cf - m * l;
            let ages = Ages {
                it: economic / 4.0,
                it_in_service: if m == 0.0 { in_service } else { economic } / 4.0,
                facility: (tq - cf) / 4.0,
                facility_in_service: in_service / 4.0,
            };
            let pf = libm::exp(rates.ln_market * m * l / 4.0);
            tv += delta
                * match x.terminal() {
                    // Issue 28.3: a refresh buys only hardware that earns within the term or
                    // is valued at the market at its end. With no end value, hardware a refresh
                    // bought (young, bought for this deal, possibly in its last quarters) would
                    // be thrown away; it is valued at the market instead (its IT only: the
                    // facility is not refreshed and stays at no value).
                    Terminal::None if m > 0.0 => it_at_market(t, x, rates, years, ages.it, it_cpu, pf),
                    _ => end_value(t, x, rates, years, ages, it_acc, it_cpu, fac, pf),
                };
        }
        q.terminal[i] += tv;
        q.basis_out[i] += capex_in - tax_dep_sum;
    }
}

/// The ages, in years, of a cohort leaving the deal: its IT and its
/// facility since they were installed (the economic age: obsolescence runs
/// by the calendar) and since they came into service (the age in the books).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ages {
    pub it: f64,
    pub it_in_service: f64,
    pub facility: f64,
    pub facility_in_service: f64,
}

/// Step 4: one cohort's value (per unit of the tranche) when it leaves
/// `years` after the deal's start, its IT bought at `price_factor` of the
/// first capex.
#[allow(clippy::too_many_arguments)]
fn end_value(t: &Tranche, x: &Inputs, rates: &Rates, years: f64, ages: Ages, it_acc: f64, it_cpu: f64, fac: f64, price_factor: f64) -> f64 {
    let it_at = |assets: f64, age: f64| assets * price_factor * book_value(x.book_life_years, x.residual_fraction, age);
    let facility_at = |age: f64| fac * book_value(x.facility_life_years, 0.0, age);
    match x.terminal() {
        // The accelerators at the market; the CPUs and the facility, which
        // have no market curve here, at their straight-line value by age.
        Terminal::Market => it_at_market(t, x, rates, years, ages.it, it_cpu, price_factor) + facility_at(ages.facility),
        Terminal::Book => it_at(it_acc, ages.it_in_service) + it_at(it_cpu, ages.it_in_service) + facility_at(ages.facility_in_service),
        Terminal::None => 0.0,
    }
}

/// A cohort's IT (per unit of the tranche) at the market when it leaves:
/// the accelerators at their market value, the CPUs (no market curve here)
/// at their straight-line value by age, bought at `price_factor` of the
/// first capex.
fn it_at_market(t: &Tranche, x: &Inputs, rates: &Rates, years: f64, it_age: f64, it_cpu: f64, price_factor: f64) -> f64 {
    t.accelerators * market_value(t, x, rates, years, it_age) + it_cpu * price_factor * book_value(x.book_life_years, x.residual_fraction, it_age)
}

/// Step 6: full deployment (every tranche fully built, the first year's
/// energy price): the steady-state cost of ownership and what follows from it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct FullDeployment {
    tco_usd_per_year: f64,
    tco_usd_per_accelerator_hour: f64,
    tokens_per_second_per_accelerator: f64,
    usd_per_million_tokens: f64,
}

fn full_deployment(x: &Inputs, plan: &Plan, rates: &Rates) -> FullDeployment {
    let n_total: f64 = plan.tranches.iter().map(|t| t.accelerators).sum();
    let it_mw_full: f64 = plan.tranches.iter().map(|t| t.accelerators * t.it_kw / 1000.0).sum();
    let it_capex_full: f64 = plan.tranches.iter().map(|t| t.accelerators * t.capex_usd).sum();
    let fac_capex_full = x.facility_capex_usd_per_mw * it_mw_full;
    let energy_mwh_per_year = it_mw_full * x.load_factor * x.pue * x.availability * HOURS_PER_YEAR;
    let tco_usd_per_year = it_capex_full * rates.it_charge
        + fac_capex_full * rates.facility_charge
        + x.opex_fraction_of_capex * (it_capex_full + fac_capex_full)
        + energy_mwh_per_year * x.electricity_usd_per_mwh;
    let tco_usd_per_accelerator_hour = tco_usd_per_year / (n_total * HOURS_PER_YEAR * x.availability);
    let flops_full: f64 = plan.tranches.iter().map(|t| t.accelerators * t.tflops).sum::<f64>() / n_total;
    let tokens_per_second_per_accelerator = flops_full * 1e12 * x.mfu / (2.0 * x.active_params_b * 1e9);
    let usd_per_million_tokens = tco_usd_per_accelerator_hour / (tokens_per_second_per_accelerator * 3600.0 / 1e6);
    FullDeployment { tco_usd_per_year, tco_usd_per_accelerator_hour, tokens_per_second_per_accelerator, usd_per_million_tokens }
}

/// Step 7: the CPU side at full deployment.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CpuSide {
    tco_usd_per_year: f64,
}

fn cpu_side(x: &Inputs, rates: &Rates) -> CpuSide {
    let it_mw = x.vcpus * rates.kw_per_vcpu / 1000.0;
    let it_capex = x.vcpus * x.capex_usd_per_vcpu;
    let fac_capex = x.facility_capex_usd_per_mw * it_mw;
    let energy_mwh = it_mw * x.load_factor * x.pue * x.availability * HOURS_PER_YEAR;
    let tco_usd_per_year = it_capex * rates.it_charge
        + fac_capex * rates.facility_charge
        + x.opex_fraction_of_capex * (it_capex + fac_capex)
        + energy_mwh * x.electricity_usd_per_mwh;
    CpuSide { tco_usd_per_year }
}

/// Present value at yearly `rate` of a quarterly series, mid-quarter.
fn pv(series: &[f64], rate: f64) -> f64 {
    npv_mid_quarter(series, rate)
}

/// Why no hour is delivered, naming the cause: no chips, no availability,
/// else a delay that outlasts the term.
fn nothing_delivered(x: &Inputs) -> Undefined {
    if x.accelerators <= 0.0 && x.expansion_accelerators <= 0.0 {
        Undefined::NoAccelerators
    } else if x.availability <= 0.0 {
        Undefined::NoAvailability
    } else {
        Undefined::NothingOnline
    }
}

/// Evaluates one scenario, in the steps `batch::simd::evaluate` mirrors:
/// 1 the plan (tranches), 2 the rates, 3 each tranche's quarters, 4 its
/// end values, 5 the cash flows before and after tax and what they give
/// (NPV, IRR, payback, the levelized price and cost), 6 full deployment,
/// 7 the CPU side, 8 the book P&L by year, 9 the outputs.
pub fn evaluate(x: &Inputs) -> Outcome {
    // 1, 2: the plan and the rates.
    let plan = Plan::new(x);
    let h = plan.horizon_quarters;
    let rates = Rates::new(x);

    // 3, 4: the tranches' quarters and end values.
    let mut q = Quarterly::new(h);
    let mut totals = Totals::default();
    for (k, t) in plan.tranches.iter().enumerate() {
        tranche(k, t, x, &rates, plan.delay_quarters, &mut q, &mut totals);
    }

    // 5: cash flows before and after tax.
    let operating: Vec<f64> = (0..=h).map(|i| q.revenue[i] - q.capex[i] - q.opex[i] - q.energy_usd[i]).collect();
    let flows: Vec<f64> = (0..=h).map(|i| operating[i] + q.terminal[i]).collect();
    // Tax on operating profit after tax depreciation, and on the end value's
    // gain over the tax basis it leaves with; a negative tax is a credit.
    let tax: Vec<f64> = (0..=h).map(|i| x.tax_rate * (q.revenue[i] - q.energy_usd[i] - q.opex[i] - q.tax_dep[i] + q.terminal[i] - q.basis_out[i])).collect();
    let after_tax: Vec<f64> = (0..=h).map(|i| flows[i] - tax[i]).collect();
    let mut notes = BTreeMap::new();
    let npv_usd = npv_mid_quarter(&flows, x.wacc);
    let npv_after_tax_usd = npv_mid_quarter(&after_tax, x.wacc);
    let mut irr_of = |f: &[f64], o: Output| {
        irr_quarterly(f).unwrap_or_else(|why| {
            notes.insert(o, Undefined::from(why));
            f64::NAN
        })
    };
    let irr = irr_of(&flows, Output::irr);
    let irr_after_tax = irr_of(&after_tax, Output::irr_after_tax);
    let payback = payback_years(&operating).unwrap_or_else(|| {
        notes.insert(Output::payback_years, Undefined::NoPayback);
        f64::NAN
    });
    // The levelized price, cost and margin, and the end value's share: per
    // hour billed (every hour online under take-or-pay, the delivered ones
    // otherwise), so the price is the contract's at any availability, as a
    // rent is quoted; price = PV(revenue) / PV(hours billed), cost = price −
    // NPV / PV(hours billed).
    let pv_revenue = pv(&q.acc_revenue, x.wacc);
    let pv_hours = pv(&q.unit_hours, x.wacc) * x.billed_share();
    let pv_terminal = pv(&q.terminal, x.wacc);
    let (price, cost, margin) = if pv_hours > 0.0 {
        let margin = npv_usd / pv_revenue;
        let margin = if pv_revenue > 0.0 && margin.is_finite() {
            margin
        } else {
            notes.insert(Output::margin, Undefined::NoRevenue);
            f64::NAN
        };
        let price = pv_revenue / pv_hours;
        (price, price - npv_usd / pv_hours, margin)
    } else {
        for o in [Output::price_usd_per_accelerator_hour, Output::cost_usd_per_accelerator_hour, Output::margin] {
            notes.insert(o, nothing_delivered(x));
        }
        (f64::NAN, f64::NAN, f64::NAN)
    };
    let terminal_value_share = if npv_usd > 0.0 {
        pv_terminal / npv_usd
    } else {
        notes.insert(Output::terminal_value_share, Undefined::NpvNotPositive);
        f64::NAN
    };

    // 6, 7: full deployment and the CPU side.
    let full = full_deployment(x, &plan, &rates);
    let cpu = cpu_side(x, &rates);
    for (o, v) in [
        (Output::tco_usd_per_accelerator_hour, full.tco_usd_per_accelerator_hour),
        (Output::tokens_per_second_per_accelerator, full.tokens_per_second_per_accelerator),
        (Output::usd_per_million_tokens, full.usd_per_million_tokens),
    ] {
        if !v.is_finite() {
            notes.insert(o, nothing_delivered(x));
        }
    }
    let (cpu_price, cpu_cost) = if x.vcpus > 0.0 {
        // The contract's price (the shortfall leaves the CPU side as it is).
        let price = plan.tranches[0].cpu_value_usd / (x.vcpus * plan.tranches[0].planned_hours_per_unit(x.from_delivery()));
        (price, cpu.tco_usd_per_year / (x.vcpus * HOURS_PER_YEAR * x.availability))
    } else {
        notes.insert(Output::cpu_price_usd_per_vcpu_hour, Undefined::NoCpuSide);
        notes.insert(Output::cpu_cost_usd_per_vcpu_hour, Undefined::NoCpuSide);
        (f64::NAN, f64::NAN)
    };
    let acc_revenue_total: f64 = q.acc_revenue.iter().sum();
    let usd_per_gw_year = if totals.gw_years > 0.0 {
        acc_revenue_total / totals.gw_years
    } else {
        notes.insert(Output::usd_per_gw_year, nothing_delivered(x));
        f64::NAN
    };

    // 8: the book P&L by calendar year, and its worst year.
    let first = Quarter::from_index(x.start as i32);
    let years = year_rows(first, h, &q);
    let worst = worst_year_margin(&years).unwrap_or_else(|| {
        notes.insert(Output::book_ebit_margin_worst_year, Undefined::NoRevenue);
        f64::NAN
    });

    let mut cumulative = 0.0;
    let mut cumulative_after_tax = 0.0;
    let quarters: Vec<QuarterRow> = (0..=h)
        .map(|i| {
            cumulative += flows[i];
            cumulative_after_tax += after_tax[i];
            let it = q.acc_it_mw[i] + q.cpu_it_mw[i];
            QuarterRow {
                quarter: Quarter::from_index(first.index() + i as i32).to_string(),
                accelerators_online: q.acc_online[i],
                expansion_accelerators_online: q.exp_online[i],
                vcpus_online: q.vcpu_online[i],
                it_mw: q.acc_it_mw[i],
                cpu_it_mw: q.cpu_it_mw[i],
                facility_mw: it * x.pue,
                energy_gwh: q.energy_mwh[i] / 1000.0,
                pflops: q.pflops[i],
                capex_usd: q.capex[i],
                opex_usd: q.opex[i],
                energy_usd: q.energy_usd[i],
                revenue_usd: q.revenue[i],
                relet_revenue_usd: q.relet[i],
                terminal_value_usd: q.terminal[i],
                cash_flow_usd: flows[i],
                cumulative_cash_flow_usd: cumulative,
                tax_usd: tax[i],
                cash_flow_after_tax_usd: after_tax[i],
            }
        })
        .collect();
    let _ = cumulative_after_tax;

    // 9: the outputs. Capacity, energy and CO2 count what is online: the
    // peak quarter, and energy at the peak quarter's rate for a year.
    let peak = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    let total_it: Vec<f64> = (0..=h).map(|i| q.acc_it_mw[i] + q.cpu_it_mw[i]).collect();
    let energy_gwh_per_year = 4.0 * peak(&q.acc_energy_mwh) / 1000.0;
    let total_energy_gwh_per_year = 4.0 * peak(&q.energy_mwh) / 1000.0;
    let out = OutputsT {
        price_usd_per_accelerator_hour: price,
        cost_usd_per_accelerator_hour: cost,
        margin,
        npv_usd,
        npv_after_tax_usd,
        irr,
        irr_after_tax,
        payback_years: payback,
        terminal_value_usd: pv_terminal,
        terminal_value_share,
        book_ebit_margin_worst_year: worst,
        it_mw_peak: peak(&q.acc_it_mw),
        facility_mw_peak: peak(&q.acc_it_mw) * x.pue,
        energy_gwh_per_year,
        co2_kt_per_year: energy_gwh_per_year * x.grid_kg_co2_per_mwh / 1000.0,
        capex_usd: q.capex.iter().sum(),
        usd_per_million_tokens: full.usd_per_million_tokens,
        revenue_usd: q.revenue.iter().sum(),
        tco_usd_per_year: full.tco_usd_per_year,
        tco_usd_per_accelerator_hour: full.tco_usd_per_accelerator_hour,
        accelerators_peak: peak(&q.acc_online),
        racks_peak: peak(&q.racks),
        pflops_peak: peak(&q.pflops),
        capex_it_usd: totals.capex_it_acc,
        capex_facility_usd: totals.capex_fac_acc,
        accelerator_hours: totals.acc_hours,
        tokens_per_second_per_accelerator: full.tokens_per_second_per_accelerator,
        usd_per_gw_year,
        cpu_it_mw: peak(&q.cpu_it_mw),
        cpu_capex_usd: totals.capex_cpu,
        cpu_tco_usd_per_year: cpu.tco_usd_per_year,
        cpu_price_usd_per_vcpu_hour: cpu_price,
        cpu_cost_usd_per_vcpu_hour: cpu_cost,
        total_it_mw_peak: peak(&total_it),
        total_facility_mw_peak: peak(&total_it) * x.pue,
        total_energy_gwh_per_year,
        total_co2_kt_per_year: total_energy_gwh_per_year * x.grid_kg_co2_per_mwh / 1000.0,
    };
    let out = OutputsT::from_fn(|o| {
        let v = *out.get(o);
        // Anything not finite is undefined; most have their reason already.
        if !v.is_finite() && !notes.contains_key(&o) {
            notes.insert(o, nothing_delivered(x));
        }
        if v.is_finite() {
            v
        } else {
            f64::NAN
        }
    });
    Outcome { out, notes, quarters, years }
}

/// Years from the start until the cumulative operating cash flow turns
/// non-negative for good; `None` when it is still negative at the end.
/// Quarter i's flow accrues evenly through it, so a crossing within quarter
/// i at share s of its flow is at (i + s) / 4 years.
pub fn payback_years(operating: &[f64]) -> Option<f64> {
    let mut cumulative = 0.0;
    let mut crossing = Some(0.0);
    for (i, cf) in operating.iter().enumerate() {
        let before = cumulative;
        cumulative += cf;
        if cumulative < 0.0 {
            crossing = None;
        } else if crossing.is_none() {
            let share = if *cf > 0.0 { -before / cf } else { 1.0 };
            crossing = Some((i as f64 + share.clamp(0.0, 1.0)) / 4.0);
        }
    }
    crossing
}

fn year_rows(first: Quarter, h: usize, q: &Quarterly) -> Vec<YearRow> {
    let mut years: Vec<YearRow> = Vec::new();
    for i in 0..=h {
        let year = Quarter::from_index(first.index() + i as i32).year;
        if years.last().map(|y| y.year) != Some(year) {
            years.push(YearRow {
                year,
                capital_accelerators_usd: 0.0,
                capital_cpus_usd: 0.0,
                capital_facility_usd: 0.0,
                energy_usd: 0.0,
                other_opex_usd: 0.0,
                revenue_usd: 0.0,
                book_depreciation_usd: 0.0,
                ebit_usd: 0.0,
                ebit_margin: f64::NAN,
            });
        }
        if let Some(y) = years.last_mut() {
            y.capital_accelerators_usd += q.cap_acc[i];
            y.capital_cpus_usd += q.cap_cpu[i];
            y.capital_facility_usd += q.cap_fac[i];
            y.energy_usd += q.energy_usd[i];
            y.other_opex_usd += q.opex[i];
            y.revenue_usd += q.revenue[i];
            y.book_depreciation_usd += q.book_dep[i];
        }
    }
    // The last quarter holds only end values: drop a year with nothing else.
    if years.last().is_some_and(|y| y.revenue_usd == 0.0 && y.book_depreciation_usd == 0.0 && y.other_opex_usd == 0.0 && y.energy_usd == 0.0) {
        years.pop();
    }
    for y in &mut years {
        y.ebit_usd = y.revenue_usd - y.book_depreciation_usd - y.energy_usd - y.other_opex_usd;
        y.ebit_margin = if y.revenue_usd > 0.0 { y.ebit_usd / y.revenue_usd } else { f64::NAN };
    }
    years
}

/// The lowest book EBIT margin among the years whose revenue is at least
/// `WORST_YEAR_MIN_REVENUE_SHARE` of the best year's; `None` without revenue.
pub fn worst_year_margin(years: &[YearRow]) -> Option<f64> {
    let best = years.iter().map(|y| y.revenue_usd).fold(0.0, f64::max);
    if best.is_nan() || best < WORST_YEAR_MIN_REVENUE_USD {
        return None;
    }
    years.iter().filter(|y| y.revenue_usd >= WORST_YEAR_MIN_REVENUE_SHARE * best).map(|y| y.ebit_margin).filter(|m| m.is_finite()).reduce(f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance;
    use crate::params::P;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-12)
    }

    fn choose(p: P, id: &str) -> f64 {
        p.param().parse(id).expect("a choice")
    }

    /// A one-year deal, online at once, with round numbers to follow by
    /// hand: no discounting, no CPU side, assets at book value at the end.
    fn flat() -> Inputs {
        let mut x = Inputs::default();
        let q = |text: &str| P::start.param().parse(text).expect("quarter");
        x.start = q("2025Q1");
        x.ramp_end = q("2025Q1");
        x.term_years = 1.0;
        x.value_usd = 20e6;
        x.accelerators = 1000.0;
        x.capex_usd_per_accelerator = 50_000.0;
        x.it_kw_per_accelerator = 1.0;
        x.facility_capex_usd_per_mw = 10e6;
        x.pue = 1.5;
        x.electricity_usd_per_mwh = 100.0;
        x.electricity_escalation = 0.0;
        x.load_factor = 1.0;
        x.availability = 1.0;
        x.opex_fraction_of_capex = 0.02;
        x.wacc = 0.0;
        x.it_life_years = 5.0;
        x.book_life_years = 5.0;
        x.facility_life_years = 20.0;
        x.residual_fraction = 0.0;
        x.vcpus = 0.0;
        x.cpu_value_fraction = 0.0;
        x.grid_kg_co2_per_mwh = 400.0;
        x.precision = 1.0; // fp8: 5,000 TFLOPS dense for gb300
        x.mfu = 0.5;
        x.active_params_b = 100.0;
        x.terminal = choose(P::terminal, "book");
        x.tax_rate = 0.21;
        x.tax_depreciation = choose(P::tax_depreciation, "bonus");
        x
    }

    fn flows(o: &Outcome) -> Vec<f64> {
        o.quarters.iter().map(|q| q.cash_flow_usd).collect()
    }

    #[test]
    fn flat_deal_by_hand() {
        let o = evaluate(&flat());
        // 1,000 × 1 kW = 1 MW of IT, 1.5 MW of facility.
        assert!(close(o.out.it_mw_peak, 1.0, 1e-12));
        assert!(close(o.out.facility_mw_peak, 1.5, 1e-12));
        // A quarter online: 1 MW × load 1 × PUE 1.5 × 2,190 h = 3,285 MWh; a year
        // at that rate is 13.14 GWh; × 400 kg = 5.256 kt.
        assert!(close(o.out.energy_gwh_per_year, 13.14, 1e-12));
        assert!(close(o.out.co2_kt_per_year, 5.256, 1e-12));
        // Capex: 1,000 × $50k = $50M of IT, 1 MW × $10M = $10M of facility.
        assert!(close(o.out.capex_it_usd, 50e6, 1e-12));
        assert!(close(o.out.capex_facility_usd, 10e6, 1e-12));
        assert!(close(o.out.capex_usd, 60e6, 1e-12));
        // Steady-state TCO at r = 0: 50M / 5 + 10M / 20 + 2% × 60M + 13,140 MWh × $100
        //                          = 10M + 0.5M + 1.2M + 1.314M = 13.014M a year,
        // $1.485616 per accelerator-hour over 1,000 × 8,760 hours.
        assert!(close(o.out.tco_usd_per_year, 13.014e6, 1e-12));
        assert!(close(o.out.tco_usd_per_accelerator_hour, 1.485_616_4, 1e-7));
        // Revenue: all 8.76M hours delivered at 20M / 8.76M h = $2.283105.
        assert!(close(o.out.revenue_usd, 20e6, 1e-12));
        assert!(close(o.out.accelerator_hours, 8.76e6, 1e-12));
        // Cash flows: q0 = 5M − 60M − 0.3M opex − 0.3285M energy = −55.6285M;
        // q1–q3 = 4.3715M; the quarter after the term, the assets at book value:
        // IT one year into five, 80% of 50M = 40M; facility 95% of 10M = 9.5M.
        let want = [-55.6285e6, 4.3715e6, 4.3715e6, 4.3715e6, 49.5e6];
        let got = flows(&o);
        assert_eq!(got.len(), want.len());
        for (got, want) in got.iter().zip(want) {
            assert!(close(*got, want, 1e-12), "{got} vs {want}");
        }
        // At r = 0 the NPV is their sum: 6.986M.
        assert!(close(o.out.npv_usd, 6.986e6, 1e-9));
        // Levelized over the deal's own flows: price 20M / 8.76M h = $2.283105;
        // cost (20M − 6.986M) / 8.76M h = $1.485616 (here the steady state's, as
        // the book value credited is what five-year recovery leaves); margin
        // 6.986M / 20M = 34.93% = 1 − cost / price.
        assert!(close(o.out.price_usd_per_accelerator_hour, 20e6 / 8.76e6, 1e-12));
        assert!(close(o.out.cost_usd_per_accelerator_hour, 13.014e6 / 8.76e6, 1e-9));
        assert!(close(o.out.margin, 0.3493, 1e-9));
        // End value 49.5M, 7.0856 times the NPV.
        assert!(close(o.out.terminal_value_usd, 49.5e6, 1e-12));
        assert!(close(o.out.terminal_value_share, 49.5 / 6.986, 1e-9));
        // The operating cash flow never pays back within one year.
        assert_eq!(o.get(Output::payback_years), None);
        assert_eq!(o.notes.get(&Output::payback_years), Some(&Undefined::NoPayback));
        let irr = o.get(Output::irr).expect("an IRR");
        assert!(finance::npv_quarterly(&got, irr).abs() < 1e-3, "{irr}");
        // 5,000 TFLOPS × 0.5 / (2 × 100e9) = 12,500 tokens per second;
        // $1.485616 / (12,500 × 3,600 / 1e6) = $0.033014 per million tokens.
        assert!(close(o.out.tokens_per_second_per_accelerator, 12_500.0, 1e-12));
        assert!(close(o.out.usd_per_million_tokens, 1.485_616_4 / 45.0, 1e-7));
        assert!(close(o.out.pflops_peak, 5_000.0, 1e-12));
        // 1,000 GB300 in racks of 72.
        assert!(close(o.out.racks_peak, 1000.0 / 72.0, 1e-12));
    }

    /// Issue 28.3: a buyer that walks away from every hour in year 5, re-let
    /// at a market that has fallen below the running cost, with no end
    /// value: the flows go −, +, −, and the NPV is zero at two rates (between
    /// −80% and −79% and between 2% and 3% a year, bracketed on a grid of
    /// 1%). There is no IRR, and the note says why; the NPV at 8% stays.
    #[test]
    fn a_deal_with_two_irrs_has_none() {
        let d = crate::codec::decode_query(
            "shortfall_share=1&shortfall_year=5&market_usd_per_accelerator_hour=0.5&market_decline=0.4&terminal=none&electricity_usd_per_mwh=100&term_years=7",
        );
        let o = evaluate(&d.scenario.inputs);
        let cf = flows(&o);
        assert_eq!(finance::sign_changes(&cf), 2);
        // Both roots, bracketed by hand: the NPV's sign flips across each.
        assert!(finance::npv_quarterly(&cf, -0.80) < 0.0 && finance::npv_quarterly(&cf, -0.79) > 0.0);
        assert!(finance::npv_quarterly(&cf, 0.02) > 0.0 && finance::npv_quarterly(&cf, 0.03) < 0.0);
        assert_eq!(o.get(Output::irr), None);
        assert_eq!(o.notes.get(&Output::irr), Some(&Undefined::IrrMultipleRoots));
        // The NPV at the cost of capital stays: 8% is above both roots, and negative.
        assert!(o.out.npv_usd < 0.0);
    }

    /// Issue 28.3: a refresh buys only hardware that earns within the term
    /// or is valued at the market at its end. This deal (7 years, IT lasting
    /// 6.75, flat market, no end value) refreshes in the term's last quarter;
    /// it used to throw that hardware away, its flows went −, +, − and the
    /// IRR was undefined (before that, −86% in silence). Now what the refresh
    /// bought leaves at its market value, the facility and the first
    /// vintages at none: the end value is the refreshed cohorts' market
    /// value, by hand, and the IRR is a root.
    #[test]
    fn a_late_refresh_is_valued_at_the_market() {
        let d = crate::codec::decode_query("refresh=refresh&terminal=none&it_life_years=6.75&market_decline=0");
        let x = &d.scenario.inputs;
        let o = evaluate(x);
        let tv: f64 = o.quarters.iter().map(|q| q.terminal_value_usd).sum();
        // By hand: L = 27 quarters, T = 28, ramp r = 8: cohorts 0 (one eighth
        // of the units) is replaced in quarter 27 and leaves a quarter old;
        // cohorts 1–7 are never replaced within the term and leave at none.
        let plan = Plan::new(x);
        let rates = Rates::new(x);
        let t = &plan.tranches[0];
        let leave_years = mid_quarter_years((t.offset + t.term_quarters) as f64);
        let one_cohort = (t.accelerators * market_value(t, x, &rates, leave_years, 0.25)
            + t.vcpus * x.capex_usd_per_vcpu * book_value(x.book_life_years, x.residual_fraction, 0.25))
            / t.ramp_quarters;
        assert!(one_cohort > 0.0);
        assert!(close(tv, one_cohort, 1e-12), "{tv} vs {one_cohort}");
        let irr = o.get(Output::irr).expect("an IRR");
        let cf = flows(&o);
        assert!(finance::npv_quarterly(&cf, irr).abs() < 1e-6 * x.value_usd, "{irr}");
        // The reader is told, as a note; with an end value there is nothing to tell.
        let told = |x: &Inputs| crate::scenario::consistency_notices(x).iter().any(|n| n.problem == crate::notice::Problem::RefreshedAtMarket);
        assert!(told(x));
        assert!(!told(&crate::codec::decode_query("refresh=refresh&terminal=market").scenario.inputs));
        // Without a refresh, no end value is none.
        let none = evaluate(&crate::codec::decode_query("terminal=none&it_life_years=6.75&market_decline=0").scenario.inputs);
        assert_eq!(none.quarters.iter().map(|q| q.terminal_value_usd).sum::<f64>(), 0.0);
    }

    #[test]
    fn tax_by_hand() {
        // 100% bonus: q0 deducts the 50M of IT and 10M / 80 quarters = 0.125M
        // of facility: taxable 5M − 0.3285M − 0.3M − 50.125M = −45.7535M, a
        // credit of 21% = 9.608235M; q1–q3 taxable 5M − 0.6285M − 0.125M =
        // 4.2465M, tax 0.891765M. At the end the assets leave with a tax basis
        // of 60M − 50.5M = 9.5M against 49.5M: a gain of 40M, tax 8.4M.
        let o = evaluate(&flat());
        let tax: Vec<f64> = o.quarters.iter().map(|q| q.tax_usd).collect();
        let want = [-9.608_235e6, 0.891_765e6, 0.891_765e6, 0.891_765e6, 8.4e6];
        for (got, want) in tax.iter().zip(want) {
            assert!(close(*got, want, 1e-9), "{got} vs {want}");
        }
        // In all, 21% of the 6.986M profit: NPV after tax 6.986M × 0.79 = 5.51894M.
        assert!(close(o.out.npv_after_tax_usd, 5.518_94e6, 1e-9));
        let irr = o.get(Output::irr_after_tax).expect("an IRR after tax");
        let after: Vec<f64> = o.quarters.iter().map(|q| q.cash_flow_after_tax_usd).collect();
        assert!(finance::npv_quarterly(&after, irr).abs() < 1e-3);
        // 5-year MACRS: 20% in the first tax year, 5% a quarter: 2.5M of IT a
        // quarter. The IT leaves with 40M of basis, the facility 9.5M: no gain.
        let mut x = flat();
        x.tax_depreciation = choose(P::tax_depreciation, "macrs5");
        let o = evaluate(&x);
        // q0: 5M − 0.6285M − 2.625M = 1.7465M, tax 0.366765M.
        assert!(close(o.quarters[0].tax_usd, 0.366_765e6, 1e-9));
        assert!(o.quarters[4].tax_usd.abs() < 1e-6);
        // The same total: 21% of 6.986M (only its timing differs, and r = 0).
        assert!(close(o.out.npv_after_tax_usd, 5.518_94e6, 1e-9));
        // No tax: after tax is before tax.
        let mut x = flat();
        x.tax_rate = 0.0;
        let o = evaluate(&x);
        assert_eq!(o.out.npv_after_tax_usd, o.out.npv_usd);
    }

    #[test]
    fn book_pnl_by_hand() {
        // 2025: revenue 20M; depreciation 50M / 5 + 10M / 20 = 10.5M; energy
        // 1.314M; other opex 1.2M: EBIT 6.986M, 34.93% of revenue.
        let o = evaluate(&flat());
        assert_eq!(o.years.len(), 1);
        let y = &o.years[0];
        assert_eq!(y.year, 2025);
        assert!(close(y.book_depreciation_usd, 10.5e6, 1e-12));
        assert!(close(y.ebit_usd, 6.986e6, 1e-9));
        assert!(close(y.ebit_margin, 0.3493, 1e-9));
        assert!(close(o.out.book_ebit_margin_worst_year, 0.3493, 1e-9));
        // Books over 2 years: IT depreciation 25M, EBIT 20M − 25.5M − 2.514M = −8.014M.
        let mut x = flat();
        x.book_life_years = 2.0;
        let o = evaluate(&x);
        assert!(close(o.years[0].ebit_usd, -8.014e6, 1e-9));
        assert!(close(o.out.book_ebit_margin_worst_year, -8.014 / 20.0, 1e-9));
        // Worst year: only years with at least half the best year's revenue count.
        let row = |year, revenue_usd, ebit_margin| YearRow {
            year,
            capital_accelerators_usd: 0.0,
            capital_cpus_usd: 0.0,
            capital_facility_usd: 0.0,
            energy_usd: 0.0,
            other_opex_usd: 0.0,
            revenue_usd,
            book_depreciation_usd: 0.0,
            ebit_usd: revenue_usd * ebit_margin,
            ebit_margin,
        };
        assert_eq!(worst_year_margin(&[row(2025, 1.0, -3.0), row(2026, 10.0, 0.2), row(2027, 5.0, 0.1)]), Some(0.1));
        assert_eq!(worst_year_margin(&[row(2025, 0.0, f64::NAN)]), None);
        // Revenue below a dollar is none: no margin over a rounding residue
        // (−6.6e306 from a revenue of 1e-300, as a random batch once gave).
        assert_eq!(worst_year_margin(&[YearRow { ebit_usd: -6.6e6, ..row(2030, 1e-300, -6.6e306) }]), None);
        assert_eq!(worst_year_margin(&[row(2030, 1.0, -2.0)]), Some(-2.0));
    }

    #[test]
    fn market_value_by_hand() {
        // At the market: rent $3 an hour falling 20% a year, flat energy, r = 0.
        // The hardware leaves in the middle of quarter 4, τ = 1.125 years, one
        // year old; a rental life of five years leaves four. Its rent covers
        // its running cost (20,445.68 against 1,314 + 1,700 = 3,014 a year)
        // for ln(3,014 / 20,445.68) / ln 0.8 = 8.5797 years, past the four:
        //   rent   3 × 0.8^1.125 × 8,760 h × ∫₀⁴ 0.8^s ds = 20,445.68 × 2.645830 = 54,095.81
        //   energy 1 kW × 1.5 × 8,760 h × $100/MWh × 4 years     = 1,314 × 4      = 5,256
        //   fixed  (2% × ($50k + $10k of facility) + $10k / 20) × 4 = 1,700 × 4  = 6,800
        // 42,039.81 per accelerator: 42.04M, and the facility at book, 9.5M.
        let mut x = flat();
        x.terminal = choose(P::terminal, "market");
        x.market_usd_per_accelerator_hour = 3.0;
        x.market_decline = 0.2;
        x.rental_life_years = 5.0;
        let o = evaluate(&x);
        assert!(close(o.quarters[4].terminal_value_usd, 42_039.807_066e3 + 9.5e6, 1e-9));
        // A rental life of twenty years: it earns until its rent falls to its
        // running cost, 8.5797 years: 20,445.68 × (1 − 0.8^8.5797) / ln(1 / 0.8)
        // = 20,445.68 × 3.820792 = 78,118.75, less 3,014 × 8.5797 = 25,859.26:
        // 52,259.49 per accelerator, whatever its economic (IT) life.
        x.rental_life_years = 20.0;
        x.it_life_years = 1.0;
        assert!(close(evaluate(&x).quarters[4].terminal_value_usd, 52_259.488_690e3 + 9.5e6, 1e-9));
        // Past its rental life a GPU is worth nothing at the market.
        x.rental_life_years = 1.0;
        assert!(close(evaluate(&x).quarters[4].terminal_value_usd, 9.5e6, 1e-12));
        // Nor when its rent no longer covers its running cost: $0.30 an hour
        // is 0.3 × 0.8^1.125 × 8,760 = 2,044.57 a year, under 3,014.
        x.rental_life_years = 20.0;
        x.market_usd_per_accelerator_hour = 0.3;
        assert!(close(evaluate(&x).quarters[4].terminal_value_usd, 9.5e6, 1e-12));
        x.market_usd_per_accelerator_hour = 3.0;
        // Nothing at the end: no end value at all.
        x.terminal = choose(P::terminal, "none");
        let o = evaluate(&x);
        assert_eq!(o.quarters[4].terminal_value_usd, 0.0);
        // The NPV is now 6.986M − 49.5M: not positive, so the share has no meaning.
        assert_eq!(o.notes.get(&Output::terminal_value_share), Some(&Undefined::NpvNotPositive));
    }

    #[test]
    fn ramp_and_delay_by_hand() {
        // Ramp over 4 quarters: 25%, 50%, 75%, 100% online.
        let fractions: Vec<f64> = (0..5).map(|j| ramp_fraction(j as f64, 4.0, 0.0)).collect();
        assert_eq!(fractions, vec![0.25, 0.5, 0.75, 1.0, 1.0]);
        // Six months of delay (2 quarters) shifts the ramp.
        let delayed: Vec<f64> = (0..6).map(|j| ramp_fraction(j as f64, 4.0, 2.0)).collect();
        assert_eq!(delayed, vec![0.0, 0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(ramp_fraction(0.0, 1.0, 0.0), 1.0);

        let mut x = flat();
        x.ramp_end = x.start + 1.0; // 50% then 100%
        x.delay_months = 3.0; // one quarter late
        let o = evaluate(&x);
        let online: Vec<f64> = o.quarters.iter().map(|q| q.accelerators_online).collect();
        assert_eq!(online, vec![0.0, 500.0, 1000.0, 1000.0, 0.0]);
        // Capex follows the plan, not the delay: half in q0, half in q1.
        let capex: Vec<f64> = o.quarters.iter().map(|q| q.capex_usd).collect();
        assert_eq!(capex, vec![30e6, 30e6, 0.0, 0.0, 0.0]);
        // At signing the price is fixed by the plan: 20M / (1,000 × (0.5 + 1 + 1 + 1)
        // × 2,190 h) = $2.6092; delivered (0.5 + 1 + 1) × 2.19M h earn 14.286M.
        assert!(close(o.out.price_usd_per_accelerator_hour, 20e6 / (3.5 * 2.19e6), 1e-12));
        assert!(close(o.out.revenue_usd, 20e6 * 2.5 / 3.5, 1e-12));
        // Depreciation starts in service: the first cohort (half the IT, 25M)
        // from q1, the second from q2: 25M / 20 in q1 and 2 × 25M / 20 after.
        // The cohorts leave 3 and 2 quarters in service: IT at 85% and 90%.
        let tv = 25e6 * (1.0 - 3.0 / 20.0) + 25e6 * (1.0 - 2.0 / 20.0) + 5e6 * (1.0 - 3.0 / 80.0) + 5e6 * (1.0 - 2.0 / 80.0);
        assert!(close(o.quarters[4].terminal_value_usd, tv, 1e-12));
        let dep: f64 = o.years.iter().map(|y| y.book_depreciation_usd).sum();
        assert!(close(dep, 50e6 + 10e6 - tv, 1e-12));
    }

    #[test]
    fn a_term_from_delivery_by_hand() {
        // Two cohorts (50% in q0, 50% in q1), each billed four quarters from
        // its delivery: online 50%, 100%, 100%, 100%, 50%.
        let mut x = flat();
        x.ramp_end = x.start + 1.0;
        x.term_basis = choose(P::term_basis, "delivery");
        let o = evaluate(&x);
        let online: Vec<f64> = o.quarters.iter().map(|q| q.accelerators_online).collect();
        assert_eq!(online, vec![500.0, 1000.0, 1000.0, 1000.0, 500.0, 0.0]);
        // The price covers the whole term: 20M / (1,000 × 4 × 2,190 h) = $2.283105,
        // and every planned hour is delivered: the full 20M.
        assert!(close(o.out.price_usd_per_accelerator_hour, 20e6 / 8.76e6, 1e-12));
        assert!(close(o.out.revenue_usd, 20e6, 1e-12));
        // Each cohort leaves after four quarters in service, at 80% (IT) and 95%
        // (facility) of its 30M: 24.75M in q4 and in q5.
        let tv: Vec<f64> = o.quarters.iter().map(|q| q.terminal_value_usd).collect();
        assert_eq!(tv[..4], [0.0; 4]);
        assert!(close(tv[4], 24.75e6, 1e-12) && close(tv[5], 24.75e6, 1e-12));
        // A delay only defers revenue from delivery: 20M all the same.
        x.delay_months = 6.0;
        assert!(close(evaluate(&x).out.revenue_usd, 20e6, 1e-12));
    }

    #[test]
    fn the_revenue_basis_by_hand() {
        // The flat deal at 90% availability: $20M for 1,000 chips over a year.
        let mut x = flat();
        x.availability = 0.9;
        // Take-or-pay (the default): all 8,760,000 hours online are billed,
        // $20M of revenue at $20M / 8.76M h = $2.2831 per hour billed.
        let commit = evaluate(&x);
        assert!((commit.out.revenue_usd - 20e6).abs() < 1e-6, "{}", commit.out.revenue_usd);
        assert!((commit.out.price_usd_per_accelerator_hour - 20e6 / 8.76e6).abs() < 1e-12);
        // Energy follows the hours delivered: 1 MW × 1.5 × 8,760 h × 90% =
        // 11,826 MWh, $1,182,600 at $100.
        let energy: f64 = commit.quarters.iter().map(|q| q.energy_usd).sum();
        assert!((energy - 1_182_600.0).abs() < 1e-6, "{energy}");
        // Billed on delivery: 90% of the hours and of the $20M, the same price.
        x.revenue_basis = choose(P::revenue_basis, "delivered");
        let delivered = evaluate(&x);
        assert!((delivered.out.revenue_usd - 18e6).abs() < 1e-6, "{}", delivered.out.revenue_usd);
        assert!((delivered.out.price_usd_per_accelerator_hour - commit.out.price_usd_per_accelerator_hour).abs() < 1e-12);
        // The same costs: the NPVs differ by the $2M not billed.
        assert!((commit.out.npv_usd - delivered.out.npv_usd - 2e6).abs() < 1e-6);
    }

    #[test]
    fn a_shortfall_by_hand() {
        // From half a year in, the buyer may cut half its hours, in proportion
        // to the contract's premium over the market: $5M for 2.19M h is
        // $2.28311 an hour against the market's $1, flat, a premium of
        // 1 − 2.19 / 5 = 0.562, so 0.5 × 0.562 = 28.1% of the hours are
        // re-let: quarters 2 and 3 earn 0.719 × 5M + 0.281 × 2.19M h × $1
        // = 3.595M + 0.61539M = 4.21039M, of which 0.61539M re-let.
        let mut x = flat();
        x.shortfall_share = 0.5;
        x.shortfall_year = 0.5;
        x.market_usd_per_accelerator_hour = 1.0;
        x.market_decline = 0.0;
        let o = evaluate(&x);
        let revenue: Vec<f64> = o.quarters.iter().map(|q| q.revenue_usd).collect();
        let relet: Vec<f64> = o.quarters.iter().map(|q| q.relet_revenue_usd).collect();
        for (got, want) in revenue.iter().zip([5e6, 5e6, 4.21039e6, 4.21039e6, 0.0]) {
            assert!(close(*got, want, 1e-12), "{got} vs {want}");
        }
        for (got, want) in relet.iter().zip([0.0, 0.0, 0.61539e6, 0.61539e6, 0.0]) {
            assert!(close(*got, want, 1e-12), "{got} vs {want}");
        }
        // The levelized price is the blend: 18.42078M / 8.76M h = $2.102829.
        assert!(close(o.out.price_usd_per_accelerator_hour, 18.42078e6 / 8.76e6, 1e-12));
        // From three-eighths of a year, quarter 1 is half affected:
        // 0.5 × 0.5 × 0.562 = 14.05% short, 0.8595 × 5M + 0.1405 × 2.19M.
        x.shortfall_year = 0.375;
        let o = evaluate(&x);
        assert!(close(o.quarters[1].revenue_usd, 0.8595 * 5e6 + 0.1405 * 2.19e6, 1e-12));
        // A contract at or below the market has nothing to walk away from:
        // at $3 an hour the whole $20M is collected.
        x.market_usd_per_accelerator_hour = 3.0;
        let o = evaluate(&x);
        assert!(close(o.out.revenue_usd, 20e6, 1e-12), "{}", o.out.revenue_usd);
    }

    #[test]
    fn a_refresh_by_hand() {
        // Two years, hardware lasting one: at refresh the IT is bought again
        // after four quarters at 50M × (1 − 0.5)^1 = 25M.
        let mut x = flat();
        x.term_years = 2.0;
        x.it_life_years = 1.0;
        x.book_life_years = 1.0;
        x.market_decline = 0.5;
        x.refresh = choose(P::refresh, "refresh");
        let o = evaluate(&x);
        let capex: Vec<f64> = o.quarters.iter().map(|q| q.capex_usd).collect();
        assert_eq!(capex, vec![60e6, 0.0, 0.0, 0.0, 25e6, 0.0, 0.0, 0.0, 0.0]);
        assert!(close(o.out.capex_it_usd, 75e6, 1e-12));
        // The books: 12.5M a quarter for the first year, 6.25M for the second,
        // and the facility's 0.125M throughout.
        let dep: Vec<f64> = o.years.iter().map(|y| y.book_depreciation_usd).collect();
        assert!(close(dep[0], 50.5e6, 1e-12) && close(dep[1], 25.5e6, 1e-12), "{dep:?}");
        // At the end the refreshed IT is a year old (fully written off at a
        // one-year book life); the facility two years into twenty: 9M.
        assert!(close(o.quarters[8].terminal_value_usd, 9e6, 1e-12));
        // Running on instead: no new capex, and the old IT is as written off.
        x.refresh = choose(P::refresh, "run_on");
        let o = evaluate(&x);
        assert!(close(o.out.capex_usd, 60e6, 1e-12));
        assert!(close(o.quarters[8].terminal_value_usd, 9e6, 1e-12));
    }

    #[test]
    fn the_cpu_side_and_the_expansion_add_up() {
        let mut x = flat();
        x.vcpus = 1_000_000.0;
        x.capex_usd_per_vcpu = 100.0;
        x.w_per_vcpu = 10.0;
        x.cpu_value_fraction = 0.25;
        let o = evaluate(&x);
        // 1M vCPUs × 10 W = 10 MW of IT; capex $100M + 10 MW × $10M = $200M.
        assert!(close(o.out.cpu_it_mw, 10.0, 1e-12));
        assert!(close(o.out.cpu_capex_usd, 200e6, 1e-12));
        assert!(close(o.out.capex_usd, 260e6, 1e-12));
        // A quarter of the $20M pays for 1M × 8,760 vCPU-hours: $0.000571 each;
        // the accelerators get $15M for 8.76M hours: $1.712329.
        assert!(close(o.out.cpu_price_usd_per_vcpu_hour, 5e6 / 8.76e9, 1e-12));
        assert!(close(o.out.price_usd_per_accelerator_hour, 15e6 / 8.76e6, 1e-12));
        assert!(close(o.out.total_it_mw_peak, 11.0, 1e-12));
        assert!(close(o.out.it_mw_peak, 1.0, 1e-12));
        // The margin is the NPV over the accelerators' revenue; the CPU side's
        // revenue lowers the cost per accelerator-hour instead.
        assert!(close(o.out.margin, o.out.npv_usd / 15e6, 1e-12));

        let mut x = flat();
        x.expansion_accelerators = 2000.0;
        x.expansion_value_usd = 30e6;
        x.expansion_start = x.start + 2.0;
        x.expansion_term_years = 1.0;
        x.expansion_ramp_quarters = 1.0;
        x.expansion_accelerator = choose(P::expansion_accelerator, "trn3");
        let o = evaluate(&x);
        // Quarters 0–1: the first tranche alone; 2–3 both; 4–5 the expansion alone.
        let online: Vec<f64> = o.quarters.iter().map(|q| q.accelerators_online).collect();
        assert_eq!(online, vec![1000.0, 1000.0, 3000.0, 3000.0, 2000.0, 2000.0, 0.0]);
        assert!(close(o.out.accelerators_peak, 3000.0, 1e-12));
        // Racks by each chip's own rack: 1,000 / 72 + 2,000 / 144.
        assert!(close(o.out.racks_peak, 1000.0 / 72.0 + 2000.0 / 144.0, 1e-12));
        // Blended price: (20M + 30M) / (8.76M + 17.52M) hours.
        assert!(close(o.out.price_usd_per_accelerator_hour, 50e6 / 26.28e6, 1e-12));
    }

    #[test]
    fn nothing_delivered_has_no_price_and_counts_nothing_online() {
        // The delay outlasts the term: nothing comes online.
        let mut x = flat();
        x.delay_months = 15.0;
        let o = evaluate(&x);
        for out in [Output::price_usd_per_accelerator_hour, Output::cost_usd_per_accelerator_hour, Output::margin] {
            assert_eq!(o.get(out), None);
            assert_eq!(o.notes.get(&out), Some(&Undefined::NothingOnline));
        }
        assert_eq!((o.out.revenue_usd, o.out.energy_gwh_per_year, o.out.co2_kt_per_year, o.out.it_mw_peak), (0.0, 0.0, 0.0, 0.0));
        assert!(o.out.npv_usd < 0.0);
        // The reason names the cause: no chips, or no availability (billed
        // on delivery, so no hour is billed either).
        let mut x = flat();
        x.accelerators = 0.0;
        assert_eq!(evaluate(&x).notes.get(&Output::price_usd_per_accelerator_hour), Some(&Undefined::NoAccelerators));
        let mut x = flat();
        x.availability = 0.0;
        x.revenue_basis = choose(P::revenue_basis, "delivered");
        assert_eq!(evaluate(&x).notes.get(&Output::price_usd_per_accelerator_hour), Some(&Undefined::NoAvailability));
        // No contract value: a price of 0 and no margin.
        let mut x = flat();
        x.value_usd = 0.0;
        let o = evaluate(&x);
        assert_eq!(o.get(Output::price_usd_per_accelerator_hour), Some(0.0));
        assert_eq!(o.notes.get(&Output::margin), Some(&Undefined::NoRevenue));
    }

    #[test]
    fn mid_quarter_discounting_by_hand() {
        // At 21% a year every flow lands half a quarter later than at the
        // quarter's start: the NPV is 1.21^−1/8 of the start-of-quarter one.
        let mut x = flat();
        x.wacc = 0.21;
        let o = evaluate(&x);
        let start = finance::npv_quarterly(&flows(&o), 0.21);
        assert!(close(o.out.npv_usd, start * 1.21_f64.powf(-0.125), 1e-12));
    }

    #[test]
    fn payback_interpolates_within_the_quarter() {
        // −100 then +40 a quarter, each flow spread through its quarter:
        // cumulative −100, −60, −20, +20: the fourth quarter (from 0.75 years)
        // crosses half-way through: 0.875 years.
        assert_eq!(payback_years(&[-100.0, 40.0, 40.0, 40.0]), Some(0.875));
        assert_eq!(payback_years(&[-100.0, 40.0]), None);
        // A later dip below zero moves payback to the last crossing.
        assert_eq!(payback_years(&[-10.0, 20.0, -30.0, 40.0]), Some(0.875));
        assert_eq!(payback_years(&[5.0, 5.0]), Some(0.0));
    }
}
