//! A scenario: a preset plus the inputs that override it, and the checks that
//! span more than one input.

use crate::catalogue;
use crate::dist::Dist;
use crate::notice::{Notice, Problem};
use crate::params::{format_number, Inputs, P};
use crate::presets::{self, Preset};

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub preset: &'static Preset,
    /// The point values: an input given a distribution holds its median;
    /// one with a preset's default distribution holds the preset's value.
    pub inputs: Inputs,
    /// Uncertain inputs and their distributions, in parameter order.
    pub dists: Vec<(P, Dist)>,
    /// Rank correlations between uncertain inputs (a < b, Spearman ρ).
    pub corrs: Vec<(P, P, f64)>,
    /// Whether the preset's default uncertainty applies (`uncertainty=off`
    /// in a URL turns it off; inputs given a distribution stay uncertain).
    pub uncertainty: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario::from_preset(presets::default_preset())
    }
}

impl Scenario {
    /// The preset with its default uncertainty.
    pub fn from_preset(preset: &'static Preset) -> Scenario {
        Scenario::base(preset, true)
    }

    /// The preset, with or without its default uncertainty. The point
    /// values stay the preset's: the deal as reported, while its default
    /// distributions (some one-sided, such as a delay) spread around them.
    pub fn base(preset: &'static Preset, uncertainty: bool) -> Scenario {
        let inputs = preset.inputs();
        let mut s = Scenario { preset, inputs, dists: Vec::new(), corrs: Vec::new(), uncertainty };
        if uncertainty {
            s.dists = preset.default_dists();
            crate::order::sort_by_key(&mut s.dists, |(q, _)| *q as u64);
            for (a, b, rho) in presets::DEFAULT_CORRELATIONS {
                if s.dist(*a).is_some() && s.dist(*b).is_some() {
                    s.set_corr(*a, *b, *rho);
                }
            }
        }
        s
    }

    /// Makes an input uncertain; its point value becomes the median, or
    /// the preset's value when the distribution is the preset's default.
    pub fn set_dist(&mut self, p: P, dist: Dist) {
        let point = if self.preset.default_dist(p).as_ref() == Some(&dist) { self.preset.inputs().get(p) } else { dist.median() };
        self.inputs.set(p, point);
        self.dists.retain(|(q, _)| *q != p);
        self.dists.push((p, dist));
        crate::order::sort_by_key(&mut self.dists, |(q, _)| *q as u64);
    }

    /// Moves an input's point value. An uncertain input keeps its
    /// uncertainty: the distribution moves with the point, scaled when the
    /// old and the new point are positive (a ±20% range stays ±20%) and
    /// shifted otherwise, kept inside the allowed range; the point is then
    /// the moved distribution's median, as a link to it would decode. Where
    /// the moved distribution would not spread or not centre on the value
    /// (clamped at a bound), the input becomes certain at the value: what
    /// the reader typed wins.
    pub fn move_point(&mut self, p: P, value: f64) {
        let param = p.param();
        let moved = self.dist(p).and_then(|d| {
            let old = d.median();
            let moved = if old > 0.0 && value > 0.0 { Some(d.scaled(param, value / old)) } else { d.shifted(param, value - old) };
            // The range must still spread and centre on the value typed.
            moved.filter(|d| d.spreads() && (d.median() - value).abs() <= 1e-9 * value.abs().max(1.0))
        });
        match moved {
            Some(d) => {
                self.inputs.set(p, d.median());
                for (q, old) in self.dists.iter_mut() {
                    if *q == p {
                        *old = d.clone();
                    }
                }
            }
            None => self.set_value(p, value),
        }
    }

    /// Makes an input certain again at the given value, dropping its correlations.
    pub fn set_value(&mut self, p: P, value: f64) {
        self.inputs.set(p, value);
        self.dists.retain(|(q, _)| *q != p);
        self.corrs.retain(|(a, b, _)| *a != p && *b != p);
    }

    pub fn dist(&self, p: P) -> Option<&Dist> {
        self.dists.iter().find(|(q, _)| *q == p).map(|(_, d)| d)
    }

    /// Sets the rank correlation of a pair (0 removes it).
    pub fn set_corr(&mut self, a: P, b: P, rho: f64) {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        self.corrs.retain(|(x, y, _)| !(*x == a && *y == b));
        if rho != 0.0 {
            self.corrs.push((a, b, rho));
            crate::order::sort_by_key(&mut self.corrs, pair_key);
        }
    }

    pub fn is_uncertain(&self) -> bool {
        !self.dists.is_empty()
    }

    /// The correlations to write so that decoding onto the preset's gives
    /// this scenario's: those that differ from the preset's defaults, and 0
    /// for a default pair that was removed.
    pub fn corrs_changed(&self) -> Vec<(P, P, f64)> {
        let base = Scenario::base(self.preset, self.uncertainty).corrs;
        let mut out: Vec<(P, P, f64)> = self.corrs.iter().copied().filter(|c| !base.contains(c)).collect();
        // A pair whose input is no longer uncertain is gone when decoded anyway.
        let removed = |(a, b, _): &&(P, P, f64)| self.dist(*a).is_some() && self.dist(*b).is_some() && !self.corrs.iter().any(|(x, y, _)| x == a && y == b);
        out.extend(base.iter().filter(removed).map(|(a, b, _)| (*a, *b, 0.0)));
        crate::order::sort_by_key(&mut out, pair_key);
        out
    }

    /// The correlations that differ from the preset's, as `corrs_changed`,
    /// plus every other one this scenario has (for a file holding them all).
    pub fn corrs_to_export(&self) -> Vec<(P, P, f64)> {
        let mut out = self.corrs.clone();
        out.extend(self.corrs_changed().into_iter().filter(|(_, _, r)| *r == 0.0));
        crate::order::sort_by_key(&mut out, pair_key);
        out
    }

    /// The parameters whose value or distribution differs from the preset's.
    pub fn changed(&self) -> Vec<P> {
        self.differences(&Scenario::base(self.preset, self.uncertainty))
    }

    /// The inputs whose value or distribution differs from `other`'s, in table order.
    pub fn differences(&self, other: &Scenario) -> Vec<P> {
        P::ALL.iter().copied().filter(|p| self.inputs.get(*p) != other.inputs.get(*p) || self.dist(*p) != other.dist(*p)).collect()
    }

    /// Sets the accelerator and, as the catalogue says, its capex and power:
    /// what picking a new chip in the UI or a URL without those keys means.
    /// An uncertain capex or power keeps its shape, moved to the new centre.
    pub fn set_accelerator(&mut self, index: f64) {
        let chip = catalogue::by_index(index);
        self.inputs.accelerator = index;
        for (p, value) in [(P::capex_usd_per_accelerator, chip.capex_usd), (P::it_kw_per_accelerator, chip.it_kw)] {
            match self.dist(p).cloned() {
                Some(d) => {
                    let factor = value / self.inputs.get(p);
                    self.set_dist(p, d.scaled(p.param(), factor));
                }
                None => self.set_value(p, value),
            }
        }
    }
}

/// The sort key of a correlation pair: first input, then second.
fn pair_key(c: &(P, P, f64)) -> u64 {
    (c.0 as u64) << 32 | c.1 as u64
}

/// Every check of a whole scenario: its inputs across each other
/// (`consistency_notices`) and its rank correlations, which are scaled when
/// they cannot all hold at once. Each is a repair, not a rejection.
pub fn scenario_notices(s: &Scenario) -> Vec<Notice> {
    let mut out = consistency_notices(&s.inputs);
    if let Some(c) = crate::copula::build(&s.corrs) {
        if c.scale < 1.0 {
            let text = encode_corrs(&s.corrs);
            out.push(Notice::repaired("corr", &text, Problem::CorrScaled { scale: c.scale }));
        }
    }
    out
}

/// Checks that span several inputs, each repaired in the model (as the
/// notice says), and values outside their typical range, used as given.
pub fn consistency_notices(x: &Inputs) -> Vec<Notice> {
    let mut out = Vec::new();
    let q = |p: P| p.param().format(x.get(p));
    if x.ramp_end < x.start {
        out.push(Notice::repaired("ramp_end", &q(P::ramp_end), Problem::RampBeforeStart { start: q(P::start) }));
    }
    let term_end = x.start + (x.term_years * 4.0).round();
    if !x.from_delivery() && x.ramp_end >= term_end {
        out.push(Notice::repaired("ramp_end", &q(P::ramp_end), Problem::RampAfterTerm));
    }
    if x.expansion_accelerators > 0.0 && x.expansion_start < x.start {
        out.push(Notice::repaired("expansion_start", &q(P::expansion_start), Problem::ExpansionBeforeStart { start: q(P::start) }));
    }
    if x.expansion2_accelerators > 0.0 && x.expansion2_start < x.expansion_start.max(x.start) {
        let start = if x.expansion_start > x.start { q(P::expansion_start) } else { q(P::start) };
        out.push(Notice::repaired("expansion2_start", &q(P::expansion2_start), Problem::Expansion2BeforeExpansion { start }));
    }
    if x.expansion_value_usd > 0.0 && x.expansion_accelerators == 0.0 && x.expansion2_accelerators == 0.0 {
        out.push(Notice::repaired("expansion_value_usd", &q(P::expansion_value_usd), Problem::ExpansionValueAlone));
    }
    if x.cpu_value_fraction > 0.0 && x.vcpus == 0.0 {
        out.push(Notice::repaired("cpu_value_fraction", &q(P::cpu_value_fraction), Problem::CpuValueAlone));
    }
    let accelerator_value = if x.vcpus > 0.0 { x.value_usd * (1.0 - x.cpu_value_fraction) } else { x.value_usd };
    if x.accelerators == 0.0 && accelerator_value > 0.0 {
        out.push(Notice::repaired("accelerators", &q(P::accelerators), Problem::AcceleratorValueAlone));
    }
    if x.refreshes() && x.from_delivery() {
        out.push(Notice::repaired("refresh", &q(P::refresh), Problem::RefreshNeedsSigning));
    }
    if x.refreshes() && !x.from_delivery() && x.terminal() == crate::params::Terminal::None {
        out.push(Notice::noted("terminal", &q(P::terminal), Problem::RefreshedAtMarket));
    }
    for p in P::ALL {
        let param = p.param();
        if param.is_unusual(x.get(*p)) {
            out.push(Notice::noted(p.key(), &q(*p), Problem::Unusual { typical: param.typical_range() }));
        }
    }
    out
}

/// The canonical text of the correlations: `a:b:rho` joined by commas.
pub fn encode_corrs(corrs: &[(P, P, f64)]) -> String {
    corrs.iter().map(|(a, b, r)| format!("{}:{}:{}", a.key(), b.key(), format_number(*r))).collect::<Vec<_>>().join(",")
}
