//! Distributions for uncertain inputs: their compact syntax (the same in the
//! URL, the JSON and the CLI) and sampling by inverse CDF, so a Gaussian
//! copula can correlate them.
//!
//! | syntax | distribution |
//! |---|---|
//! | `1.1~1.35` or `unif:1.1,1.35` | uniform between the two |
//! | `tri:45,70,110` | triangular: low, mode, high |
//! | `pert:45,70,110` | PERT (beta with λ = 4): low, mode, high |
//! | `norm:1.2,0.05` | normal: mean, standard deviation |
//! | `lognorm:60,120` | lognormal with that 90% interval (P5, P95) |
//!
//! Normal and lognormal draws are truncated to the parameter's allowed range
//! (sampled within it, not clipped). Transcendental functions come from
//! `libm`, so a seed gives the same draws natively and in the browser.

use crate::notice::{DistFamily, DistPart, Problem, ValueResult};
use crate::params::{format_number, parse_number, Kind, Param};

/// z-score of the 95th percentile of a standard normal.
const Z95: f64 = 1.644_853_626_951_472_2;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    Uniform { lo: f64, hi: f64 },
    Triangular { lo: f64, mode: f64, hi: f64 },
    Pert { lo: f64, mode: f64, hi: f64 },
    Normal { mean: f64, sd: f64 },
    LogNormal { p5: f64, p95: f64 },
}

/// A distribution for one parameter, ready to sample: its shape plus the
/// truncation bounds (the parameter's range) and, for PERT, a quantile table.
#[derive(Clone)]
pub struct Dist {
    pub shape: Shape,
    lo_bound: f64,
    hi_bound: f64,
    /// Count parameters draw whole numbers.
    round: bool,
    /// Quantiles at u = k / (len − 1) (PERT only), built on first use so
    /// that decoding a scenario stays cheap, and shared by the clones of a
    /// distribution (the page clones its scenario on every change).
    table: std::sync::Arc<std::sync::OnceLock<Vec<f64>>>,
}

impl PartialEq for Dist {
    fn eq(&self, other: &Self) -> bool {
        self.shape == other.shape && self.lo_bound == other.lo_bound && self.hi_bound == other.hi_bound && self.round == other.round
    }
}

/// The points of the PERT quantile table; linear interpolation between them
/// keeps the quantile error below 1e-4 of the range (tested).
const PERT_TABLE: usize = 2049;

impl std::fmt::Debug for Dist {
    /// The syntax, not the quantile table.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dist({})", self.format())
    }
}

impl Dist {
    /// Parses the distribution syntax for a parameter, or says what is wrong.
    pub fn parse(param: &Param, text: &str) -> ValueResult<Dist> {
        if !param.is_numeric() || matches!(param.key, "samples" | "seed") {
            return Err(Problem::CannotBeUncertain);
        }
        let t = text.trim();
        let (name, args) = if let Some((a, b)) = t.split_once('~') {
            ("unif", vec![a, b])
        } else if let Some((name, rest)) = t.split_once(':') {
            (name.trim(), rest.split(',').collect())
        } else {
            return Err(Problem::NotNumberOrDist);
        };
        let numbers: Vec<f64> =
            args.iter().map(|a| parse_number(a.trim()).ok_or_else(|| Problem::DistArg { arg: a.trim().to_string() })).collect::<Result<_, _>>()?;
        let want = |family: DistFamily, n: usize| -> ValueResult<()> {
            if numbers.len() == n {
                Ok(())
            } else {
                Err(Problem::DistArity { family, want: n, got: numbers.len() })
            }
        };
        let in_range = |v: f64, part: DistPart| -> ValueResult<()> {
            if v < param.min || v > param.max {
                Err(Problem::DistEnd { part, number: v, allowed: param.allowed() })
            } else {
                Ok(())
            }
        };
        let shape = match name.to_ascii_lowercase().as_str() {
            "unif" | "uniform" => {
                want(DistFamily::Uniform, 2)?;
                let (lo, hi) = (numbers[0], numbers[1]);
                in_range(lo, DistPart::Low)?;
                in_range(hi, DistPart::High)?;
                if lo >= hi {
                    return Err(Problem::DistOrder);
                }
                Shape::Uniform { lo, hi }
            }
            family @ ("tri" | "triangular" | "pert") => {
                let family = if family == "pert" { DistFamily::Pert } else { DistFamily::Triangular };
                want(family, 3)?;
                let (lo, mode, hi) = (numbers[0], numbers[1], numbers[2]);
                in_range(lo, DistPart::Low)?;
                in_range(hi, DistPart::High)?;
                if lo >= hi {
                    return Err(Problem::DistOrder);
                }
                if mode < lo || mode > hi {
                    return Err(Problem::DistMode { mode });
                }
                if family == DistFamily::Pert {
                    Shape::Pert { lo, mode, hi }
                } else {
                    Shape::Triangular { lo, mode, hi }
                }
            }
            "norm" | "normal" => {
                want(DistFamily::Normal, 2)?;
                let (mean, sd) = (numbers[0], numbers[1]);
                in_range(mean, DistPart::Mean)?;
                if sd <= 0.0 {
                    return Err(Problem::DistSd { sd });
                }
                Shape::Normal { mean, sd }
            }
            "lognorm" | "lognormal" => {
                want(DistFamily::LogNormal, 2)?;
                let (p5, p95) = (numbers[0], numbers[1]);
                if p5 <= 0.0 {
                    return Err(Problem::DistP5 { p5 });
                }
                in_range(p5, DistPart::P5)?;
                in_range(p95, DistPart::P95)?;
                if p5 >= p95 {
                    return Err(Problem::DistP5P95);
                }
                Shape::LogNormal { p5, p95 }
            }
            other => return Err(Problem::DistUnknown { name: other.to_string() }),
        };
        Ok(Dist::new(param, shape))
    }

    pub fn new(param: &Param, shape: Shape) -> Dist {
        Dist { shape, lo_bound: param.min, hi_bound: param.max, round: param.kind == Kind::Count, table: Default::default() }
    }

    /// The same distribution for `param`, its values multiplied by `factor`
    /// (every shape here scales with its values): with `Param::in_units`,
    /// a distribution shown and typed in rupees is drawn in dollars.
    pub fn in_units(&self, param: &Param, factor: f64) -> Dist {
        let f = |v: f64| crate::params::tidy(v * factor);
        let shape = match self.shape {
            Shape::Uniform { lo, hi } => Shape::Uniform { lo: f(lo), hi: f(hi) },
            Shape::Triangular { lo, mode, hi } => Shape::Triangular { lo: f(lo), mode: f(mode), hi: f(hi) },
            Shape::Pert { lo, mode, hi } => Shape::Pert { lo: f(lo), mode: f(mode), hi: f(hi) },
            Shape::Normal { mean, sd } => Shape::Normal { mean: f(mean), sd: f(sd) },
            Shape::LogNormal { p5, p95 } => Shape::LogNormal { p5: f(p5), p95: f(p95) },
        };
        Dist::new(param, shape)
    }

    /// The same shape with every value multiplied by `factor` (> 0), for an
    /// input whose centre moves (a new chip's capex), kept in range.
    pub fn scaled(&self, param: &Param, factor: f64) -> Dist {
        self.mapped(param, |v| v * factor, |sd| crate::params::tidy(sd * factor))
    }

    /// The same shape moved by `delta`, kept in range (a log-normal cannot
    /// move below zero: None then).
    pub fn shifted(&self, param: &Param, delta: f64) -> Option<Dist> {
        match self.shape {
            Shape::LogNormal { p5, .. } if p5 + delta <= 0.0 => None,
            _ => Some(self.mapped(param, |v| v + delta, |sd| sd)),
        }
    }

    /// The shape with each of its points mapped by `at` (tidied and kept in
    /// range) and a normal's spread by `spread`.
    fn mapped(&self, param: &Param, at: impl Fn(f64) -> f64, spread: impl Fn(f64) -> f64) -> Dist {
        let f = |v: f64| crate::params::tidy(at(v)).clamp(param.min, param.max);
        let shape = match self.shape {
            Shape::Uniform { lo, hi } => Shape::Uniform { lo: f(lo), hi: f(hi) },
            Shape::Triangular { lo, mode, hi } => Shape::Triangular { lo: f(lo), mode: f(mode), hi: f(hi) },
            Shape::Pert { lo, mode, hi } => Shape::Pert { lo: f(lo), mode: f(mode), hi: f(hi) },
            Shape::Normal { mean, sd } => Shape::Normal { mean: f(mean), sd: spread(sd) },
            Shape::LogNormal { p5, p95 } => Shape::LogNormal { p5: f(p5), p95: f(p95) },
        };
        Dist::new(param, shape)
    }

    /// Whether the distribution still spreads (clamping into the allowed
    /// range can collapse a moved one to a point).
    pub fn spreads(&self) -> bool {
        match self.shape {
            Shape::Uniform { lo, hi } | Shape::Triangular { lo, hi, .. } | Shape::Pert { lo, hi, .. } => lo < hi,
            Shape::Normal { sd, .. } => sd > 0.0,
            Shape::LogNormal { p5, p95 } => 0.0 < p5 && p5 < p95,
        }
    }

    /// The value at cumulative probability `u` in (0, 1).
    pub fn quantile(&self, u: f64) -> f64 {
        self.inverse().at(u)
    }

    /// Fills `out` with the draws for samples `start..start + out.len()` of
    /// the stream with this key: `quantile(rng::uniform(key, i))`.
    pub fn fill(&self, key: u64, start: u64, out: &mut [f64]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = crate::rng::uniform(key, start + i as u64);
        }
        self.transform(out);
    }

    /// Turns uniforms in (0, 1) into draws, in place: `quantile(u)`, with
    /// the shape's constants (a truncation's probabilities, a log-normal's
    /// parameters, the PERT table) worked out once for the column.
    pub fn transform(&self, values: &mut [f64]) {
        let inverse = self.inverse();
        // A PERT (most of the defaults) gets a loop of its own: the form and
        // the rounding are the column's, not each draw's. The same
        // arithmetic as `Inverse::at`, so the same bits.
        match (&inverse.form, inverse.round) {
            (Form::Table(table), false) => values.iter_mut().for_each(|o| *o = inverse.finish::<false>(table_at(table, *o))),
            (Form::Table(table), true) => values.iter_mut().for_each(|o| *o = inverse.finish::<true>(table_at(table, *o))),
            _ => values.iter_mut().for_each(|o| *o = inverse.at(*o)),
        }
    }

    /// The inverse CDF with its constants worked out.
    pub fn inverse(&self) -> Inverse<'_> {
        let form = match self.shape {
            Shape::Uniform { lo, hi } => Form::Uniform { lo, hi },
            Shape::Triangular { lo, mode, hi } => Form::Triangular { lo, mode, hi },
            Shape::Pert { lo, mode, hi } => Form::Table(self.table.get_or_init(|| pert_table(lo, mode, hi))),
            // A spread so narrow that the range holds no probability mass at
            // float precision (or none at all) is a point mass at the centre.
            Shape::Normal { mean, sd } => {
                let (a, b) = (normal_cdf((self.lo_bound - mean) / sd), normal_cdf((self.hi_bound - mean) / sd));
                if b > a {
                    Form::Normal { mean, sd, a, b }
                } else {
                    Form::Point(mean)
                }
            }
            Shape::LogNormal { p5, p95 } => {
                let mu = 0.5 * (libm::log(p5) + libm::log(p95));
                let sigma = (libm::log(p95) - libm::log(p5)) / (2.0 * Z95);
                let lo = if self.lo_bound > 0.0 { (libm::log(self.lo_bound) - mu) / sigma } else { f64::NEG_INFINITY };
                let hi = (libm::log(self.hi_bound) - mu) / sigma;
                let (a, b) = (normal_cdf(lo), normal_cdf(hi));
                if sigma > 0.0 && b > a {
                    Form::LogNormal { mu, sigma, a, b }
                } else {
                    Form::Point(libm::exp(mu))
                }
            }
        };
        Inverse { form, lo_bound: self.lo_bound, hi_bound: self.hi_bound, round: self.round }
    }

    /// The median: the point estimate an uncertain input takes. Exact for
    /// symmetric shapes (the centre), so a preset's symmetric default
    /// uncertainty keeps its point value to the last digit.
    pub fn median(&self) -> f64 {
        let centre = match self.shape {
            Shape::Uniform { lo, hi } => Some(0.5 * (lo + hi)),
            Shape::Triangular { lo, mode, hi } | Shape::Pert { lo, mode, hi } if ((mode - lo) - (hi - mode)).abs() <= 1e-12 * (hi - lo) => Some(mode),
            _ => None,
        };
        match centre {
            Some(c) if self.round => libm::round(c),
            Some(c) => c,
            None => self.quantile(0.5),
        }
    }

    /// The canonical text of the distribution (what the URL carries).
    pub fn format(&self) -> String {
        let f = format_number;
        match self.shape {
            Shape::Uniform { lo, hi } => format!("{}~{}", f(lo), f(hi)),
            Shape::Triangular { lo, mode, hi } => format!("tri:{},{},{}", f(lo), f(mode), f(hi)),
            Shape::Pert { lo, mode, hi } => format!("pert:{},{},{}", f(lo), f(mode), f(hi)),
            Shape::Normal { mean, sd } => format!("norm:{},{}", f(mean), f(sd)),
            Shape::LogNormal { p5, p95 } => format!("lognorm:{},{}", f(p5), f(p95)),
        }
    }
}

/// A distribution's inverse CDF, its constants worked out once (`Dist::inverse`).
pub struct Inverse<'a> {
    form: Form<'a>,
    lo_bound: f64,
    hi_bound: f64,
    round: bool,
}

enum Form<'a> {
    Uniform {
        lo: f64,
        hi: f64,
    },
    Triangular {
        lo: f64,
        mode: f64,
        hi: f64,
    },
    /// A PERT's quantile table.
    Table(&'a [f64]),
    /// A truncated normal: Φ at the bounds are `a` and `b`.
    Normal {
        mean: f64,
        sd: f64,
        a: f64,
        b: f64,
    },
    LogNormal {
        mu: f64,
        sigma: f64,
        a: f64,
        b: f64,
    },
    Point(f64),
}

impl Inverse<'_> {
    /// The value at cumulative probability `u`, in range and rounded for counts.
    #[inline]
    pub fn at(&self, u: f64) -> f64 {
        let v = match self.form {
            Form::Uniform { lo, hi } => lo + u * (hi - lo),
            Form::Triangular { lo, mode, hi } => {
                let split = (mode - lo) / (hi - lo);
                if u < split {
                    lo + libm::sqrt(u * (hi - lo) * (mode - lo))
                } else {
                    hi - libm::sqrt((1.0 - u) * (hi - lo) * (hi - mode))
                }
            }
            Form::Table(table) => table_at(table, u),
            Form::Normal { mean, sd, a, b } => mean + sd * normal_quantile_approx(a + u * (b - a)),
            Form::LogNormal { mu, sigma, a, b } => libm::exp(mu + sigma * normal_quantile_approx(a + u * (b - a))),
            Form::Point(v) => v,
        };
        if self.round {
            self.finish::<true>(v)
        } else {
            self.finish::<false>(v)
        }
    }

    /// A value of the form put in range, and rounded for counts.
    #[inline(always)]
    fn finish<const ROUND: bool>(&self, v: f64) -> f64 {
        let v = v.clamp(self.lo_bound, self.hi_bound);
        if ROUND {
            libm::round(v)
        } else {
            v
        }
    }
}

/// A PERT's quantile at `u`: linear between the table's points.
#[inline(always)]
fn table_at(table: &[f64], u: f64) -> f64 {
    let pos = u * (table.len() - 1) as f64;
    // (Through u32: pos lies in [0, len − 1], and the saturating conversion
    // to u32 is cheaper than to u64 on x86-64.)
    let k = (pos as u32 as usize).min(table.len() - 2);
    let f = pos - k as f64;
    let [lo, hi] = [table[k], table[k + 1]];
    lo + f * (hi - lo)
}

/// Quantiles of a PERT distribution at evenly spaced probabilities, by
/// integrating the beta density on a fine grid and inverting the CDF.
fn pert_table(lo: f64, mode: f64, hi: f64) -> Vec<f64> {
    let alpha = 1.0 + 4.0 * (mode - lo) / (hi - lo);
    let beta = 1.0 + 4.0 * (hi - mode) / (hi - lo);
    const GRID: usize = 4096;
    // The density's integral by the midpoint rule, robust to the
    // integrable singularity at an end when alpha or beta is below 2.
    let mut cdf = Vec::with_capacity(GRID + 1);
    cdf.push(0.0);
    let mut total = 0.0;
    for i in 0..GRID {
        let t = (i as f64 + 0.5) / GRID as f64;
        total += libm::pow(t, alpha - 1.0) * libm::pow(1.0 - t, beta - 1.0);
        cdf.push(total);
    }
    let mut table = Vec::with_capacity(PERT_TABLE);
    let mut i = 0;
    for k in 0..PERT_TABLE {
        let u = k as f64 / (PERT_TABLE - 1) as f64 * total;
        while i + 1 < GRID && cdf[i + 1] < u {
            i += 1;
        }
        let (c0, c1) = (cdf[i], cdf[i + 1]);
        let f = if c1 > c0 { ((u - c0) / (c1 - c0)).clamp(0.0, 1.0) } else { 0.0 };
        let t = (i as f64 + f) / GRID as f64;
        table.push(lo + t * (hi - lo));
    }
    table
}

/// The standard normal CDF Φ(z) = erfc(−z / √2) / 2.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z * std::f64::consts::FRAC_1_SQRT_2)
}

/// The standard normal quantile Φ⁻¹(p): Acklam's rational approximation
/// (relative error below 1.2e-9) refined by one Halley step (then about 1e-15).
pub fn normal_quantile(p: f64) -> f64 {
    let x = normal_quantile_approx(p);
    if !x.is_finite() {
        return x;
    }
    // One Halley step on Φ(x) − p.
    let e = normal_cdf(x) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * libm::exp(0.5 * x * x);
    x - u / (1.0 + 0.5 * x * u)
}

/// Φ⁻¹(p) by Acklam's rational approximation alone, relative error below
/// 1.2e-9 (a test checks it against `normal_quantile`). The Monte Carlo's
/// draws use it (normal and log-normal inputs, the copula's normal scores):
/// an input off by about a billionth of itself moves no statistic the run
/// reports by more than a ten-thousandth of its standard error, and the
/// Halley step (an `erfc` and an `exp`) cost more than the rest of a draw.
pub fn normal_quantile_approx(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    const A: [f64; 6] = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.383577518672690e2, -3.066479806614716e1, 2.506628277459239];
    const B: [f64; 5] = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const C: [f64; 6] = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const D: [f64; 4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const LOW: f64 = 0.02425;
    if p < LOW {
        let q = libm::sqrt(-2.0 * libm::log(p));
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = libm::sqrt(-2.0 * libm::log(1.0 - p));
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::Allowed;
    use crate::params::P;

    fn parse(p: P, text: &str) -> Result<Dist, Problem> {
        Dist::parse(p.param(), text)
    }

    #[test]
    fn syntax_round_trips() {
        for (p, text) in [
            (P::pue, "1.1~1.35"),
            (P::electricity_usd_per_mwh, "tri:45,70,110"),
            (P::electricity_usd_per_mwh, "pert:45,70,110"),
            (P::pue, "norm:1.2,0.05"),
            (P::electricity_usd_per_mwh, "lognorm:60,120"),
            (P::value_usd, "3e10~5e10"),
        ] {
            let d = parse(p, text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(d.format(), text);
            assert_eq!(parse(p, &d.format()), Ok(d));
        }
        assert_eq!(parse(P::pue, "unif:1.1,1.3").map(|d| d.format()), Ok("1.1~1.3".to_string()));
    }

    #[test]
    fn malformed_distributions_say_what_is_wrong() {
        let pue = Allowed::Range { min: "1".into(), max: "3".into() };
        let cases = [
            (P::pue, "1.35~1.1", Problem::DistOrder),
            (P::pue, "1.1~3.5", Problem::DistEnd { part: DistPart::High, number: 3.5, allowed: pue }),
            (P::pue, "norm:1.2,-0.1", Problem::DistSd { sd: -0.1 }),
            (P::electricity_usd_per_mwh, "tri:45,200,110", Problem::DistMode { mode: 200.0 }),
            (P::electricity_usd_per_mwh, "beta:1,2", Problem::DistUnknown { name: "beta".into() }),
            (P::electricity_usd_per_mwh, "tri:45,70", Problem::DistArity { family: DistFamily::Triangular, want: 3, got: 2 }),
            (P::electricity_usd_per_mwh, "tri:45,x,70", Problem::DistArg { arg: "x".into() }),
            (P::pue, "1.3", Problem::NotNumberOrDist),
            (P::electricity_escalation, "lognorm:-0.01,0.05", Problem::DistP5 { p5: -0.01 }),
            (P::accelerator, "1~2", Problem::CannotBeUncertain),
            (P::samples, "1000~2000", Problem::CannotBeUncertain),
        ];
        for (p, text, want) in cases {
            assert_eq!(parse(p, text).err(), Some(want), "{text}");
        }
    }

    #[test]
    fn quantiles_by_hand() {
        let d = parse(P::pue, "1.1~1.3").unwrap_or_else(|e| panic!("{e:?}"));
        assert!((d.quantile(0.25) - 1.15).abs() < 1e-12);
        // Triangular 45, 70, 110: P(x < 70) = 25 / 65; its median solves
        // 110 − sqrt(0.5 × 65 × 40) = 110 − 36.0555 = 73.9445.
        let t = parse(P::electricity_usd_per_mwh, "tri:45,70,110").unwrap_or_else(|e| panic!("{e:?}"));
        assert!((t.median() - 73.944_487).abs() < 1e-5, "{}", t.median());
        assert!((t.quantile(25.0 / 65.0) - 70.0).abs() < 1e-9);
        // Lognormal with P5 60 and P95 120: median sqrt(60 × 120) = 84.853.
        let l = parse(P::electricity_usd_per_mwh, "lognorm:60,120").unwrap_or_else(|e| panic!("{e:?}"));
        assert!((l.median() - 84.852_814).abs() < 1e-5);
        assert!((l.quantile(0.05) - 60.0).abs() < 1e-6 && (l.quantile(0.95) - 120.0).abs() < 1e-6);
        // A normal truncated to PUE ≥ 1: mean 1.05, sd 0.1 keeps every draw ≥ 1.
        let n = parse(P::pue, "norm:1.05,0.1").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(n.quantile(1e-9) >= 1.0 && n.quantile(0.5) > 1.05);
        // Counts draw whole numbers.
        let c = parse(P::accelerators, "150000~250000").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(c.quantile(0.3333), 183_330.0);
    }

    #[test]
    fn pert_matches_its_mean_and_mode() {
        // PERT(45, 70, 110) has mean (45 + 4 × 70 + 110) / 6 = 72.5.
        let d = parse(P::electricity_usd_per_mwh, "pert:45,70,110").unwrap_or_else(|e| panic!("{e:?}"));
        let n = 100_000;
        let mean = (0..n).map(|i| d.quantile((i as f64 + 0.5) / n as f64)).sum::<f64>() / n as f64;
        assert!((mean - 72.5).abs() < 0.01, "{mean}");
        assert_eq!(d.quantile(1e-12).max(45.0), 45.0_f64.max(d.quantile(1e-12)));
        assert!((d.quantile(1.0 - 1e-12) - 110.0).abs() < 0.1);
    }

    #[test]
    fn normal_quantile_inverts_the_cdf() {
        for p in [1e-12, 1e-6, 0.01, 0.02425, 0.1, 0.5, 0.9, 0.975, 0.999_999] {
            let z = normal_quantile(p);
            assert!((normal_cdf(z) - p).abs() <= 1e-14_f64.max(1e-12 * p), "{p}: {}", normal_cdf(z));
        }
        assert!((normal_quantile(0.975) - 1.959_963_984_540_054).abs() < 1e-12);
    }

    #[test]
    fn a_distribution_in_other_units_round_trips() {
        // PERT 60,000–90,000 dollars of capex is 53,22,000–79,83,000 rupees
        // at 88.7 (60,000 × 88.7 = 5,322,000); typed in rupees and brought
        // back it is the same distribution, and its median scales with it.
        let param = P::capex_usd_per_accelerator.param();
        let rupees = param.in_units(88.7);
        assert_eq!((rupees.min, rupees.max, rupees.step), (0.0, 44_350_000.0, 44_350.0));
        for text in ["pert:60000,76000,90000", "60000~90000", "tri:60000,76000,90000", "norm:76000,5000", "lognorm:60000,90000"] {
            let d = parse(P::capex_usd_per_accelerator, text).unwrap_or_else(|e| panic!("{e:?}"));
            let shown = d.in_units(&rupees, 88.7);
            let typed = Dist::parse(&rupees, &shown.format()).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            let back = typed.in_units(param, 1.0 / 88.7);
            assert_eq!(back, d, "{text} → {}", shown.format());
            assert!((shown.median() - 88.7 * d.median()).abs() <= 1e-9 * shown.median(), "{text}");
        }
        assert_eq!(parse(P::capex_usd_per_accelerator, "60000~90000").map(|d| d.in_units(&rupees, 88.7).format()), Ok("5322000~7983000".to_string()));
    }

    #[test]
    fn the_draws_quantile_is_within_its_stated_error() {
        // Acklam's approximation against the refined quantile: relative
        // error below 1.2e-9 (absolute 1e-15 at the centre, where Φ⁻¹ is 0),
        // over a fine grid, each region's edges (0.02425 and 1 − 0.02425), a
        // few ulps from 0 and 1, and the smallest positive probability.
        let mut ps: Vec<f64> = (1..100_000).map(|i| i as f64 / 100_000.0).collect();
        ps.extend([f64::MIN_POSITIVE, 1e-300, 1e-100, 1e-16, 0.024_249_999, 0.02425, 0.024_250_001, 0.975_75, 0.5, 1.0 - f64::EPSILON, 1.0 - 1e-12]);
        let mut worst = 0.0f64;
        for p in ps {
            let (exact, approx) = (normal_quantile(p), normal_quantile_approx(p));
            let err = (approx - exact).abs() / exact.abs().max(1e-6);
            assert!(err <= 1.2e-9, "{p}: {approx} vs {exact}");
            worst = worst.max(err);
        }
        // Not the refined value itself: the approximation's error is there.
        assert!(worst > 1e-10, "{worst}");
        assert_eq!(normal_quantile_approx(0.0), f64::NEG_INFINITY);
        assert_eq!(normal_quantile_approx(1.0), f64::INFINITY);
    }
}
