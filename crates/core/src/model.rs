//! The capacity and economics model: the scalar f64 specification.
//!
//! `evaluate` turns one scenario's inputs into an `Outcome`: capacity, cost,
//! revenue and return, quarter by quarter and in total. The batch engine's
//! SIMD code mirrors this file function by function and is tested against it.
//! The equations, units and conventions are written out in `docs/MODEL.md`.
//!
//! Conventions, in short:
//! - Quarter `i` of the deal (0 = the first quarter) has its cash flows at
//!   `i / 4` years; a tranche's assets are counted at their straight-line
//!   book value at the end of its term.
//! - Unprefixed capacity and cost figures are the accelerator side; `cpu_`
//!   figures the CPU side; `total_` figures and the deal-level results
//!   (capex_usd, revenue_usd, npv_usd, irr, payback_years) include both.
//! - Revenue is earned per delivered hour at the contract's implied price:
//!   the value divided by the hours planned with full availability and no
//!   delay. Delay and unavailability therefore cost revenue.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue;
use crate::finance::{book_value, capital_charge, crf, growth, irr_quarterly, npv_quarterly, IrrError};
use crate::outputs::{Output, OutputsT, OUTPUTS};
use crate::params::Inputs;
use crate::quarter::Quarter;

/// Hours in a (non-leap) year and in a quarter of it.
pub const HOURS_PER_YEAR: f64 = 8760.0;
pub const HOURS_PER_QUARTER: f64 = HOURS_PER_YEAR / 4.0;

/// Online fraction of a tranche in its quarter `j` (0-based): a linear ramp
/// that reaches 1 at the end of quarter `ramp_quarters − 1`, shifted later
/// by `shift_quarters`. Zero before the tranche starts.
pub fn ramp_fraction(j: f64, ramp_quarters: f64, shift_quarters: f64) -> f64 {
    ((j + 1.0 - shift_quarters) / ramp_quarters).clamp(0.0, 1.0)
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
}

impl Tranche {
    /// Planned accelerator-hours at full availability and no delay, per accelerator.
    pub fn planned_hours_per_unit(&self) -> f64 {
        (0..self.term_quarters).map(|j| ramp_fraction(j as f64, self.ramp_quarters, 0.0)).sum::<f64>() * HOURS_PER_QUARTER
    }
}

/// The tranches and whole-scenario constants derived from the inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub tranches: Vec<Tranche>,
    /// Quarters from the deal's first quarter to the end of the last term.
    pub horizon_quarters: usize,
    pub delay_quarters: f64,
}

/// Whole quarters in a term given in years, rounded half up (at least one).
pub fn term_quarters(years: f64) -> usize {
    (libm::floor(years * 4.0 + 0.5) as usize).max(1)
}

impl Plan {
    pub fn new(x: &Inputs) -> Plan {
        let chip = catalogue::by_index(x.accelerator);
        let precision = x.precision as usize;
        let mut tranches = vec![Tranche {
            accelerators: x.accelerators,
            capex_usd: x.capex_usd_per_accelerator,
            it_kw: x.it_kw_per_accelerator,
            tflops: chip.tflops(precision),
            offset: 0,
            term_quarters: term_quarters(x.term_years),
            // A ramp end before the start means online at once.
            ramp_quarters: (x.ramp_end - x.start).max(0.0) + 1.0,
            // With no vCPUs the whole value is paid for the accelerators.
            value_usd: if x.vcpus > 0.0 { x.value_usd * (1.0 - x.cpu_value_fraction) } else { x.value_usd },
            cpu_value_usd: if x.vcpus > 0.0 { x.value_usd * x.cpu_value_fraction } else { 0.0 },
            vcpus: x.vcpus,
        }];
        if x.expansion_accelerators > 0.0 {
            // The expansion chip's capex and power scale from the first
            // tranche's by the catalogue's ratio.
            let exp = catalogue::by_index(x.expansion_accelerator);
            tranches.push(Tranche {
                accelerators: x.expansion_accelerators,
                capex_usd: x.capex_usd_per_accelerator * exp.capex_usd / chip.capex_usd,
                it_kw: x.it_kw_per_accelerator * exp.it_kw / chip.it_kw,
                tflops: exp.tflops(precision),
                offset: (x.expansion_start - x.start).max(0.0) as usize,
                term_quarters: term_quarters(x.expansion_term_years),
                ramp_quarters: x.expansion_ramp_quarters.max(1.0),
                value_usd: x.expansion_value_usd,
                cpu_value_usd: 0.0,
                vcpus: 0.0,
            });
        }
        let horizon_quarters = tranches.iter().map(|t| t.offset + t.term_quarters).max().unwrap_or(1);
        Plan { tranches, horizon_quarters, delay_quarters: x.delay_months / 3.0 }
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
    pub revenue_usd: f64,
    /// Assets' value at the end of a tranche's term (counted in the NPV).
    pub terminal_value_usd: f64,
    pub cash_flow_usd: f64,
    pub cumulative_cash_flow_usd: f64,
}

/// One year of the deal: the levelized cost stack against revenue.
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
}

/// Why an output is undefined for a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Undefined {
    /// The cash flows never change sign, so no rate makes the NPV zero.
    IrrNoSignChange,
    /// The NPV does not reach zero for any rate in the IRR search's range.
    IrrOutOfRange,
    /// The cumulative cash flow (before the assets' value at the end of the
    /// term) is still negative when the deal ends.
    NoPayback,
    /// There is no CPU side (vcpus = 0).
    NoCpuSide,
    /// No capacity comes online within the term.
    NothingOnline,
    /// The capacity delivered earns nothing (a tranche with no contract
    /// value), so there is no price to compare the cost with.
    NoRevenue,
}

impl From<IrrError> for Undefined {
    fn from(e: IrrError) -> Undefined {
        match e {
            IrrError::NoSignChange => Undefined::IrrNoSignChange,
            IrrError::OutOfRange => Undefined::IrrOutOfRange,
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

/// Whole-scenario rates: what the capital charges, the facility, the energy
/// and the CPUs cost per unit (mirrored by `batch::simd::Rates`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    /// Yearly capital charge per unit of IT capex and of facility capex.
    pub it_charge: f64,
    pub facility_charge: f64,
    pub usd_per_kw_facility: f64,
    /// Facility MWh drawn per MW of IT online for a quarter.
    pub mwh_per_it_mw_quarter: f64,
    pub kw_per_vcpu: f64,
}

impl Rates {
    pub fn new(x: &Inputs) -> Rates {
        let r = x.wacc;
        Rates {
            it_charge: capital_charge(r, x.it_life_years, x.residual_fraction),
            facility_charge: crf(r, x.facility_life_years),
            usd_per_kw_facility: x.facility_capex_usd_per_mw / 1000.0,
            mwh_per_it_mw_quarter: x.load_factor * x.pue * HOURS_PER_QUARTER,
            kw_per_vcpu: x.w_per_vcpu / 1000.0,
        }
    }
}

/// Quarterly accumulators over the horizon, filled tranche by tranche.
#[derive(Clone, Debug, Default, PartialEq)]
struct Quarterly {
    acc_online: Vec<f64>,
    exp_online: Vec<f64>,
    vcpu_online: Vec<f64>,
    acc_it_mw: Vec<f64>,
    cpu_it_mw: Vec<f64>,
    pflops: Vec<f64>,
    capex: Vec<f64>,
    opex: Vec<f64>,
    energy_usd: Vec<f64>,
    energy_mwh: Vec<f64>,
    revenue: Vec<f64>,
    /// Index h holds end-of-term values.
    terminal: Vec<f64>,
    cap_acc: Vec<f64>,
    cap_cpu: Vec<f64>,
    cap_fac: Vec<f64>,
}

impl Quarterly {
    fn new(h: usize) -> Quarterly {
        let z = || vec![0.0; h];
        Quarterly {
            acc_online: z(),
            exp_online: z(),
            vcpu_online: z(),
            acc_it_mw: z(),
            cpu_it_mw: z(),
            pflops: z(),
            capex: z(),
            opex: z(),
            energy_usd: z(),
            energy_mwh: z(),
            revenue: z(),
            terminal: vec![0.0; h + 1],
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
    acc_revenue: f64,
    acc_hours: f64,
    planned_acc_hours: f64,
    cpu_revenue: f64,
    cpu_hours: f64,
    gw_years: f64,
}

/// Step 3: one tranche's quarters (mirrored by `batch::simd`'s `tranche`):
/// what is installed (and paid for) on schedule, what is online after the
/// delay, and what that costs and earns.
fn tranche(k: usize, t: &Tranche, x: &Inputs, rates: &Rates, dq: f64, q: &mut Quarterly, totals: &mut Totals) {
    let planned_hours = t.planned_hours_per_unit();
    let price = t.value_usd / (t.accelerators * planned_hours);
    let cpu_price = if t.vcpus > 0.0 { t.cpu_value_usd / (t.vcpus * planned_hours) } else { 0.0 };
    totals.planned_acc_hours += t.accelerators * planned_hours;
    // Capex per unit of ramp: accelerators, CPUs, and the facility for both.
    let it_acc = t.accelerators * t.capex_usd;
    let it_cpu = t.vcpus * x.capex_usd_per_vcpu;
    let fac = rates.usd_per_kw_facility * (t.accelerators * t.it_kw + t.vcpus * rates.kw_per_vcpu);
    let fac_acc = rates.usd_per_kw_facility * t.accelerators * t.it_kw;
    let mut installed_prev = 0.0;
    for j in 0..t.term_quarters {
        let i = t.offset + j;
        let installed = ramp_fraction(j as f64, t.ramp_quarters, 0.0);
        let online = ramp_fraction(j as f64, t.ramp_quarters, dq);
        let delta = installed - installed_prev;
        installed_prev = installed;
        let years_from_start = i as f64 / 4.0;

        q.capex[i] += (it_acc + it_cpu + fac) * delta;
        totals.capex_it_acc += it_acc * delta;
        totals.capex_cpu += (it_cpu + (fac - fac_acc)) * delta;
        totals.capex_fac_acc += fac_acc * delta;
        q.opex[i] += x.opex_fraction_of_capex * (it_acc + it_cpu + fac) * installed / 4.0;
        q.cap_acc[i] += it_acc * installed * rates.it_charge / 4.0;
        q.cap_cpu[i] += it_cpu * installed * rates.it_charge / 4.0;
        q.cap_fac[i] += fac * installed * rates.facility_charge / 4.0;

        let units = t.accelerators * online;
        let vcpus = t.vcpus * online;
        let it_mw_acc = units * t.it_kw / 1000.0;
        let it_mw_cpu = vcpus * rates.kw_per_vcpu / 1000.0;
        q.acc_online[i] += units;
        if k > 0 {
            q.exp_online[i] += units;
        }
        q.vcpu_online[i] += vcpus;
        q.acc_it_mw[i] += it_mw_acc;
        q.cpu_it_mw[i] += it_mw_cpu;
        q.pflops[i] += units * t.tflops / 1000.0;
        let mwh = (it_mw_acc + it_mw_cpu) * rates.mwh_per_it_mw_quarter;
        q.energy_mwh[i] += mwh;
        q.energy_usd[i] += mwh * x.electricity_usd_per_mwh * growth(x.electricity_escalation, years_from_start);
        let hours = units * HOURS_PER_QUARTER * x.availability;
        let vcpu_hours = vcpus * HOURS_PER_QUARTER * x.availability;
        q.revenue[i] += price * hours + cpu_price * vcpu_hours;
        totals.acc_revenue += price * hours;
        totals.acc_hours += hours;
        totals.cpu_revenue += cpu_price * vcpu_hours;
        totals.cpu_hours += vcpu_hours;
        totals.gw_years += it_mw_acc / 1000.0 / 4.0;
    }
    q.terminal[t.offset + t.term_quarters] += terminal_value(t, x, it_acc + it_cpu, fac);
}

/// Step 4: a tranche's assets at the end of its term, cohort by cohort, at
/// their straight-line book value.
fn terminal_value(t: &Tranche, x: &Inputs, it_assets: f64, fac: f64) -> f64 {
    let end = t.term_quarters;
    let mut prev = 0.0;
    let mut tv = 0.0;
    for j in 0..end {
        let installed = ramp_fraction(j as f64, t.ramp_quarters, 0.0);
        let delta = installed - prev;
        prev = installed;
        let age_years = (end - j) as f64 / 4.0;
        tv += it_assets * delta * book_value(x.it_life_years, x.residual_fraction, age_years) + fac * delta * book_value(x.facility_life_years, 0.0, age_years);
    }
    tv
}

/// Step 6: full deployment (every tranche fully built, the first year's
/// energy price): the steady-state cost of ownership and what follows from it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct FullDeployment {
    energy_gwh_per_year: f64,
    tco_usd_per_year: f64,
    cost_usd_per_accelerator_hour: f64,
    tokens_per_second_per_accelerator: f64,
    usd_per_million_tokens: f64,
}

fn full_deployment(x: &Inputs, plan: &Plan, rates: &Rates) -> FullDeployment {
    let n_total: f64 = plan.tranches.iter().map(|t| t.accelerators).sum();
    let it_mw_full: f64 = plan.tranches.iter().map(|t| t.accelerators * t.it_kw / 1000.0).sum();
    let it_capex_full: f64 = plan.tranches.iter().map(|t| t.accelerators * t.capex_usd).sum();
    let fac_capex_full = x.facility_capex_usd_per_mw * it_mw_full;
    let energy_gwh_per_year = it_mw_full * x.load_factor * x.pue * HOURS_PER_YEAR / 1000.0;
    let tco_usd_per_year = it_capex_full * rates.it_charge
        + fac_capex_full * rates.facility_charge
        + x.opex_fraction_of_capex * (it_capex_full + fac_capex_full)
        + energy_gwh_per_year * 1000.0 * x.electricity_usd_per_mwh;
    let cost_usd_per_accelerator_hour = tco_usd_per_year / (n_total * HOURS_PER_YEAR * x.availability);
    let flops_full: f64 = plan.tranches.iter().map(|t| t.accelerators * t.tflops).sum::<f64>() / n_total;
    let tokens_per_second_per_accelerator = flops_full * 1e12 * x.mfu / (2.0 * x.active_params_b * 1e9);
    let usd_per_million_tokens = cost_usd_per_accelerator_hour / (tokens_per_second_per_accelerator * 3600.0 / 1e6);
    FullDeployment { energy_gwh_per_year, tco_usd_per_year, cost_usd_per_accelerator_hour, tokens_per_second_per_accelerator, usd_per_million_tokens }
}

/// Step 7: the CPU side at full deployment.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CpuSide {
    it_mw: f64,
    energy_gwh: f64,
    tco_usd_per_year: f64,
}

fn cpu_side(x: &Inputs, rates: &Rates) -> CpuSide {
    let it_mw = x.vcpus * rates.kw_per_vcpu / 1000.0;
    let it_capex = x.vcpus * x.capex_usd_per_vcpu;
    let fac_capex = x.facility_capex_usd_per_mw * it_mw;
    let energy_gwh = it_mw * x.load_factor * x.pue * HOURS_PER_YEAR / 1000.0;
    let tco_usd_per_year = it_capex * rates.it_charge
        + fac_capex * rates.facility_charge
        + x.opex_fraction_of_capex * (it_capex + fac_capex)
        + energy_gwh * 1000.0 * x.electricity_usd_per_mwh;
    CpuSide { it_mw, energy_gwh, tco_usd_per_year }
}

/// Evaluates one scenario, in the steps `batch::simd::evaluate` mirrors:
/// 1 the plan (tranches), 2 the rates, 3 each tranche's quarters, 4 its
/// terminal value, 5 the cash flows and what they give (NPV, IRR, payback),
/// 6 full deployment, 7 the CPU side, 8 the outputs.
pub fn evaluate(x: &Inputs) -> Outcome {
    // 1, 2: the plan and the rates.
    let plan = Plan::new(x);
    let h = plan.horizon_quarters;
    let rates = Rates::new(x);

    // 3, 4: the tranches' quarters and terminal values.
    let mut q = Quarterly::new(h);
    let mut totals = Totals::default();
    for (k, t) in plan.tranches.iter().enumerate() {
        tranche(k, t, x, &rates, plan.delay_quarters, &mut q, &mut totals);
    }

    // 5: cash flows: operating flows per quarter plus the end-of-term values.
    let mut flows = vec![0.0; h + 1];
    for i in 0..h {
        flows[i] = q.revenue[i] - q.capex[i] - q.opex[i] - q.energy_usd[i];
    }
    for i in 0..=h {
        flows[i] += q.terminal[i];
    }
    let mut notes = BTreeMap::new();
    let npv_usd = npv_quarterly(&flows, x.wacc);
    let irr = irr_quarterly(&flows).unwrap_or_else(|why| {
        notes.insert(Output::irr, Undefined::from(why));
        f64::NAN
    });
    let operating: Vec<f64> = (0..h).map(|i| q.revenue[i] - q.capex[i] - q.opex[i] - q.energy_usd[i]).collect();
    let payback = payback_years(&operating).unwrap_or_else(|| {
        notes.insert(Output::payback_years, Undefined::NoPayback);
        f64::NAN
    });

    // 6, 7: full deployment and the CPU side.
    let full = full_deployment(x, &plan, &rates);
    let cpu = cpu_side(x, &rates);

    // 8: the outputs.
    let price_usd_per_accelerator_hour = if totals.acc_hours > 0.0 {
        totals.acc_revenue / totals.acc_hours
    } else {
        // Nothing delivered within the term: report the contract's implied price.
        plan.tranches.iter().map(|t| t.value_usd).sum::<f64>() / totals.planned_acc_hours
    };
    let (cpu_price, cpu_cost) = if x.vcpus > 0.0 {
        let price = if totals.cpu_hours > 0.0 {
            totals.cpu_revenue / totals.cpu_hours
        } else {
            plan.tranches[0].cpu_value_usd / (x.vcpus * plan.tranches[0].planned_hours_per_unit())
        };
        (price, cpu.tco_usd_per_year / (x.vcpus * HOURS_PER_YEAR * x.availability))
    } else {
        notes.insert(Output::cpu_price_usd_per_vcpu_hour, Undefined::NoCpuSide);
        notes.insert(Output::cpu_cost_usd_per_vcpu_hour, Undefined::NoCpuSide);
        (f64::NAN, f64::NAN)
    };
    // A price of zero (or so close to it that cost / price overflows) has no margin.
    let margin = 1.0 - full.cost_usd_per_accelerator_hour / price_usd_per_accelerator_hour;
    let margin = if price_usd_per_accelerator_hour > 0.0 && margin.is_finite() {
        margin
    } else {
        notes.insert(Output::margin, Undefined::NoRevenue);
        f64::NAN
    };
    let usd_per_gw_year = if totals.gw_years > 0.0 {
        totals.acc_revenue / totals.gw_years
    } else {
        notes.insert(Output::usd_per_gw_year, Undefined::NothingOnline);
        f64::NAN
    };

    let first = Quarter::from_index(x.start as i32);
    let mut cumulative = 0.0;
    let quarters: Vec<QuarterRow> = (0..=h)
        .map(|i| {
            let get = |v: &Vec<f64>| v.get(i).copied().unwrap_or(0.0);
            cumulative += flows[i];
            let it = get(&q.acc_it_mw) + get(&q.cpu_it_mw);
            QuarterRow {
                quarter: Quarter::from_index(first.index() + i as i32).to_string(),
                accelerators_online: get(&q.acc_online),
                expansion_accelerators_online: get(&q.exp_online),
                vcpus_online: get(&q.vcpu_online),
                it_mw: get(&q.acc_it_mw),
                cpu_it_mw: get(&q.cpu_it_mw),
                facility_mw: it * x.pue,
                energy_gwh: get(&q.energy_mwh) / 1000.0,
                pflops: get(&q.pflops),
                capex_usd: get(&q.capex),
                opex_usd: get(&q.opex),
                energy_usd: get(&q.energy_usd),
                revenue_usd: get(&q.revenue),
                terminal_value_usd: q.terminal[i],
                cash_flow_usd: flows[i],
                cumulative_cash_flow_usd: cumulative,
            }
        })
        .collect();
    let years = year_rows(first, h, &q);

    let peak = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    let total_it: Vec<f64> = (0..h).map(|i| q.acc_it_mw[i] + q.cpu_it_mw[i]).collect();
    let accelerators_peak = peak(&q.acc_online);
    let per_rack = catalogue::by_index(x.accelerator).per_rack;
    let total_energy_gwh_per_year = full.energy_gwh_per_year + cpu.energy_gwh;
    let out = OutputsT {
        price_usd_per_accelerator_hour,
        cost_usd_per_accelerator_hour: full.cost_usd_per_accelerator_hour,
        margin,
        npv_usd,
        irr,
        payback_years: payback,
        it_mw_peak: peak(&q.acc_it_mw),
        facility_mw_peak: peak(&q.acc_it_mw) * x.pue,
        energy_gwh_per_year: full.energy_gwh_per_year,
        co2_kt_per_year: full.energy_gwh_per_year * x.grid_kg_co2_per_mwh / 1000.0,
        capex_usd: q.capex.iter().sum(),
        usd_per_million_tokens: full.usd_per_million_tokens,
        revenue_usd: totals.acc_revenue + totals.cpu_revenue,
        tco_usd_per_year: full.tco_usd_per_year,
        accelerators_peak,
        racks_peak: accelerators_peak / per_rack,
        pflops_peak: peak(&q.pflops),
        capex_it_usd: totals.capex_it_acc,
        capex_facility_usd: totals.capex_fac_acc,
        accelerator_hours: totals.acc_hours,
        tokens_per_second_per_accelerator: full.tokens_per_second_per_accelerator,
        usd_per_gw_year,
        cpu_it_mw: cpu.it_mw,
        cpu_capex_usd: totals.capex_cpu,
        cpu_tco_usd_per_year: cpu.tco_usd_per_year,
        cpu_price_usd_per_vcpu_hour: cpu_price,
        cpu_cost_usd_per_vcpu_hour: cpu_cost,
        total_it_mw_peak: peak(&total_it),
        total_facility_mw_peak: peak(&total_it) * x.pue,
        total_energy_gwh_per_year,
        total_co2_kt_per_year: total_energy_gwh_per_year * x.grid_kg_co2_per_mwh / 1000.0,
    };
    Outcome { out, notes, quarters, years }
}

/// Years from the start until the cumulative operating cash flow turns
/// non-negative for good (interpolated within the quarter); `None` when it
/// is still negative at the end.
pub fn payback_years(operating: &[f64]) -> Option<f64> {
    let mut cumulative = 0.0;
    let mut crossing = Some(0.0);
    for (i, cf) in operating.iter().enumerate() {
        let before = cumulative;
        cumulative += cf;
        if cumulative < 0.0 {
            crossing = None;
        } else if crossing.is_none() {
            // Flow i lands at i / 4 years; interpolate from the previous quarter.
            let share = if *cf > 0.0 { -before / cf } else { 1.0 };
            crossing = Some((i as f64 - 1.0 + share.clamp(0.0, 1.0)) / 4.0);
        }
    }
    crossing.map(|t| t.max(0.0))
}

fn year_rows(first: Quarter, h: usize, q: &Quarterly) -> Vec<YearRow> {
    let mut years: Vec<YearRow> = Vec::new();
    for i in 0..h {
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
            });
        }
        if let Some(y) = years.last_mut() {
            y.capital_accelerators_usd += q.cap_acc[i];
            y.capital_cpus_usd += q.cap_cpu[i];
            y.capital_facility_usd += q.cap_fac[i];
            y.energy_usd += q.energy_usd[i];
            y.other_opex_usd += q.opex[i];
            y.revenue_usd += q.revenue[i];
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::P;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-12)
    }

    /// A one-year deal, online at once, with round numbers to follow by hand.
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
        x.facility_life_years = 20.0;
        x.residual_fraction = 0.0;
        x.vcpus = 0.0;
        x.cpu_value_fraction = 0.0;
        x.grid_kg_co2_per_mwh = 400.0;
        x.precision = 1.0; // fp8: 5,000 TFLOPS dense for gb300
        x.mfu = 0.5;
        x.active_params_b = 100.0;
        x
    }

    #[test]
    fn flat_deal_by_hand() {
        let o = evaluate(&flat());
        // 1,000 × 1 kW = 1 MW of IT, 1.5 MW of facility.
        assert!(close(o.out.it_mw_peak, 1.0, 1e-12));
        assert!(close(o.out.facility_mw_peak, 1.5, 1e-12));
        // 1 MW × load 1 × PUE 1.5 × 8,760 h = 13,140 MWh = 13.14 GWh; × 400 kg = 5.256 kt.
        assert!(close(o.out.energy_gwh_per_year, 13.14, 1e-12));
        assert!(close(o.out.co2_kt_per_year, 5.256, 1e-12));
        // Capex: 1,000 × $50k = $50M of IT, 1 MW × $10M = $10M of facility.
        assert!(close(o.out.capex_it_usd, 50e6, 1e-12));
        assert!(close(o.out.capex_facility_usd, 10e6, 1e-12));
        assert!(close(o.out.capex_usd, 60e6, 1e-12));
        // TCO at r = 0: 50M / 5 + 10M / 20 + 2% × 60M + 13,140 MWh × $100
        //             = 10M + 0.5M + 1.2M + 1.314M = 13.014M a year.
        assert!(close(o.out.tco_usd_per_year, 13.014e6, 1e-12));
        // Cost: 13.014M / (1,000 × 8,760 × 1) = $1.485616 per accelerator-hour.
        assert!(close(o.out.cost_usd_per_accelerator_hour, 1.485_616_4, 1e-7));
        // Price: 20M / (1,000 × 8,760) = $2.283105.
        assert!(close(o.out.price_usd_per_accelerator_hour, 2.283_105, 1e-6));
        assert!(close(o.out.margin, 1.0 - 1.485_616_4 / 2.283_105, 1e-6));
        // Revenue: all 8.76M hours delivered at the price = the full $20M.
        assert!(close(o.out.revenue_usd, 20e6, 1e-12));
        assert!(close(o.out.accelerator_hours, 8.76e6, 1e-12));
        // Cash flows: q0 = 5M − 60M − 0.3M − 0.3285M = −55.6285M; q1–q3 = 4.3715M;
        // end of term: IT at 1 − 1/5 = 80% of 50M = 40M, facility at 95% of 10M = 9.5M.
        let flows: Vec<f64> = o.quarters.iter().map(|q| q.cash_flow_usd).collect();
        let want = [-55.6285e6, 4.3715e6, 4.3715e6, 4.3715e6, 49.5e6];
        assert_eq!(flows.len(), want.len());
        for (got, want) in flows.iter().zip(want) {
            assert!(close(*got, want, 1e-12), "{got} vs {want}");
        }
        // At r = 0 the NPV is their sum: 6.986M, which is also revenue − TCO.
        assert!(close(o.out.npv_usd, 6.986e6, 1e-9));
        // The operating cash flow never pays back within one year.
        assert_eq!(o.get(Output::payback_years), None);
        assert_eq!(o.notes.get(&Output::payback_years), Some(&Undefined::NoPayback));
        // IRR: NPV at the IRR is zero.
        let irr = o.get(Output::irr).expect("an IRR");
        assert!(finance::npv_quarterly(&flows, irr).abs() < 1e-3, "{irr}");
        // 5,000 TFLOPS × 0.5 / (2 × 100e9) = 12,500 tokens per second;
        // $1.485616 / (12,500 × 3,600 / 1e6) = $0.033014 per million tokens.
        assert!(close(o.out.tokens_per_second_per_accelerator, 12_500.0, 1e-12));
        assert!(close(o.out.usd_per_million_tokens, 1.485_616_4 / 45.0, 1e-7));
        assert!(close(o.out.pflops_peak, 5_000.0, 1e-12));
    }

    use crate::finance;

    #[test]
    fn ramp_and_delay_by_hand() {
        // Ramp over 4 quarters: 25%, 50%, 75%, 100% online.
        let fractions: Vec<f64> = (0..5).map(|j| ramp_fraction(j as f64, 4.0, 0.0)).collect();
        assert_eq!(fractions, vec![0.25, 0.5, 0.75, 1.0, 1.0]);
        // Six months of delay (2 quarters) shifts the ramp.
        let delayed: Vec<f64> = (0..6).map(|j| ramp_fraction(j as f64, 4.0, 2.0)).collect();
        assert_eq!(delayed, vec![0.0, 0.0, 0.25, 0.5, 0.75, 1.0]);
        // Online from the first quarter when the ramp is one quarter long.
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
        // The price is fixed by the plan: 20M / (1,000 × (0.5 + 1 + 1 + 1) × 2,190 h) = $2.6092;
        // delivered (0 + 0.5 + 1 + 1) × 2,190,000 h = 5.475M h earn 5.475M × $2.6092 = $14.286M.
        assert!(close(o.out.price_usd_per_accelerator_hour, 20e6 / (3.5 * 2.19e6), 1e-12));
        assert!(close(o.out.revenue_usd, 20e6 * 2.5 / 3.5, 1e-12));
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
        // The accelerator figures do not move.
        assert!(close(o.out.it_mw_peak, 1.0, 1e-12));

        let mut x = flat();
        x.expansion_accelerators = 2000.0;
        x.expansion_value_usd = 30e6;
        x.expansion_start = x.start + 2.0;
        x.expansion_term_years = 1.0;
        x.expansion_ramp_quarters = 1.0;
        x.expansion_accelerator = x.accelerator;
        let o = evaluate(&x);
        // Quarters 0–1: the first tranche alone; 2–3 both; 4–5 the expansion alone.
        let online: Vec<f64> = o.quarters.iter().map(|q| q.accelerators_online).collect();
        assert_eq!(online, vec![1000.0, 1000.0, 3000.0, 3000.0, 2000.0, 2000.0, 0.0]);
        assert!(close(o.out.accelerators_peak, 3000.0, 1e-12));
        assert!(close(o.out.capex_it_usd, 150e6, 1e-12));
        // Blended price: (20M + 30M) / (8.76M + 17.52M) hours.
        assert!(close(o.out.price_usd_per_accelerator_hour, 50e6 / 26.28e6, 1e-12));
        // Full deployment counts both tranches: 3 MW of IT.
        assert!(close(o.out.energy_gwh_per_year, 3.0 * 1.5 * 8.76, 1e-12));
    }

    #[test]
    fn payback_interpolates_within_the_quarter() {
        // −100 then +40 a quarter: cumulative −100, −60, −20, +20 → crosses half-way
        // between flow 2 (0.5 years) and flow 3 (0.75 years): 0.625 years.
        assert_eq!(payback_years(&[-100.0, 40.0, 40.0, 40.0]), Some(0.625));
        assert_eq!(payback_years(&[-100.0, 40.0]), None);
        // A later dip below zero moves payback to the last crossing.
        assert_eq!(payback_years(&[-10.0, 20.0, -30.0, 40.0]), Some(0.625));
        assert_eq!(payback_years(&[5.0, 5.0]), Some(0.0));
    }
}
