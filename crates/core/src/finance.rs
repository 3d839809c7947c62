//! Finance formulas: capital recovery, sinking fund, the economic value of an
//! asset at a given age, net present value and internal rate of return.
//!
//! These are the exact definitions the model and the batch engine share.
//! Transcendentals go through `libm`, the same code natively and in wasm, so
//! the CLI and the browser compute the same bits.
//!
//! Every formula that would divide by a small difference is written so it
//! stays accurate over the rates' whole range: (1 + r)^n − 1 is
//! `expm1(n·log1p(r))`, never `pow(1 + r, n) − 1`, which is 0 when 1 + r
//! rounds to 1 (a rate of 1e-17) and off by up to 8% just above that
//! (2e-16). Only r = 0 itself takes the limit; where n·log1p(r) is below
//! `SERIES_BELOW` (a subnormal rate, say) the two-term series does.

/// (1 + r)^t for a rate r > −1, accurate for tiny r: exp(t·log1p(r)).
pub fn growth(r: f64, t: f64) -> f64 {
    libm::exp(t * libm::log1p(r))
}

/// (1 + r)^t − 1, accurate for tiny r and t: expm1(t·log1p(r)).
pub fn growth_m1(r: f64, t: f64) -> f64 {
    libm::expm1(t * libm::log1p(r))
}

/// The yearly rate whose quarterly discount factor is `x`: x^−4 − 1,
/// accurate when x is close to 1.
pub fn rate_from_discount_factor(x: f64) -> f64 {
    // x − 1 is exact for x in [0.5, 2] (Sterbenz), so log1p sees no rounding.
    libm::expm1(-4.0 * libm::log1p(x - 1.0))
}

/// The quarterly discount factor at a yearly rate: (1 + r)^−1/4.
pub fn quarterly_discount(rate: f64) -> f64 {
    growth(rate, -0.25)
}

/// Below this |x|, e^x − 1 is x(1 + x/2) to within rounding (the next
/// term, x²/6, is under 2e-17 of it). The formulas that divide by e^x − 1
/// take that form there, divided through by the rate: with a subnormal rate
/// (5e-324) the product x = n·log1p(r) is itself rounded to a multiple of
/// 5e-324, which put CRF at 1/3 instead of 1/3.27 for a 3.27-year life;
/// r/λ stays exact (1 for any subnormal r, whose log1p is itself).
pub const SERIES_BELOW: f64 = 1e-8;

/// Capital recovery factor CRF(r, n) = r / (1 − (1 + r)^−n); 1/n when r = 0.
pub fn crf(r: f64, n: f64) -> f64 {
    if r == 0.0 {
        return 1.0 / n;
    }
    let lambda = libm::log1p(r);
    let x = n * lambda;
    if x.abs() < SERIES_BELOW {
        // 1 − e^−x = x(1 − x/2).
        (r / lambda) / (n * (1.0 - 0.5 * x))
    } else {
        r / -libm::expm1(-x)
    }
}

/// Sinking fund factor SFF(r, n) = r / ((1 + r)^n − 1); 1/n when r = 0.
pub fn sff(r: f64, n: f64) -> f64 {
    if r == 0.0 {
        return 1.0 / n;
    }
    let lambda = libm::log1p(r);
    let x = n * lambda;
    if x.abs() < SERIES_BELOW {
        // e^x − 1 = x(1 + x/2).
        (r / lambda) / (n * (1.0 + 0.5 * x))
    } else {
        r / libm::expm1(x)
    }
}

/// Yearly capital charge per unit of capex for an asset with life `n` and
/// resale value `residual` (a fraction of capex) at the end of it:
/// CRF(r, n) − residual × SFF(r, n).
pub fn capital_charge(r: f64, n: f64, residual: f64) -> f64 {
    crf(r, n) - residual * sff(r, n)
}

/// Straight-line book value, per unit of capex, of an asset of age `a`
/// years with life `n`: it falls linearly from 1 to `residual` over the life
/// and stays there. Assets still in use when a tranche's term ends are
/// counted at this value; it does not depend on the discount rate, so a
/// higher WACC only discounts, never revalues.
pub fn book_value(n: f64, residual: f64, a: f64) -> f64 {
    residual + (1.0 - residual) * (1.0 - (a / n).clamp(0.0, 1.0))
}

/// NPV of quarterly cash flows (flow `i` at `i / 4` years) at a yearly rate.
pub fn npv_quarterly(flows: &[f64], rate: f64) -> f64 {
    let v = quarterly_discount(rate);
    // Horner from the last flow back to the first.
    flows.iter().rev().fold(0.0, |acc, cf| acc * v + cf)
}

/// NPV of quarterly cash flows that land in the middle of their quarter
/// (flow `i` at `(i + 1/2) / 4` years): (1 + r)^−1/8 × `npv_quarterly`.
/// The IRR is the same either way (a common factor), so `irr_quarterly`
/// serves both.
pub fn npv_mid_quarter(flows: &[f64], rate: f64) -> f64 {
    growth(rate, -0.125) * npv_quarterly(flows, rate)
}

/// ∫₀ˡ e^{k·s} ds = (e^{k·l} − 1) / k, accurate as k → 0 (where it is l):
/// the present value of a continuous stream whose value grows at log-rate
/// k net of discounting, over l years.
pub fn stream_integral(k: f64, l: f64) -> f64 {
    let x = k * l;
    if x.abs() < SERIES_BELOW {
        // l(1 + kl/2): exact where k is subnormal and k·l is not (see `SERIES_BELOW`).
        l * (1.0 + 0.5 * x)
    } else {
        libm::expm1(x) / k
    }
}

/// 5-year MACRS (half-year convention), as shares of cost by tax year.
pub const MACRS5: [f64; 6] = [0.20, 0.32, 0.192, 0.1152, 0.1152, 0.0576];

/// The share of an asset's cost deducted for tax by the end of quarter `n`
/// after the quarter it is installed in (n = 0), for each method: 100%
/// bonus in the quarter of installation, 5-year MACRS with each tax year's
/// share spread evenly over its four quarters, or straight-line over the
/// 5-year class life. Piecewise linear in n, 0 for n ≤ −1.
pub fn tax_deducted(method: crate::params::TaxDepreciation, n: f64) -> f64 {
    use crate::params::TaxDepreciation::*;
    match method {
        Bonus => (n + 1.0).clamp(0.0, 1.0),
        StraightLine => straight_line_share(n, 20.0),
        Macrs5 => MACRS5.iter().enumerate().map(|(y, f)| f * ((n + 1.0 - 4.0 * y as f64) / 4.0).clamp(0.0, 1.0)).sum(),
    }
}

/// The share of cost depreciated straight-line over `life_quarters` by the
/// end of quarter `n` after installation (n = 0 is the first quarter).
pub fn straight_line_share(n: f64, life_quarters: f64) -> f64 {
    ((n + 1.0) / life_quarters).clamp(0.0, 1.0)
}

/// Why an IRR is undefined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrrError {
    /// The cash flows never change sign, so no rate makes the NPV zero.
    NoSignChange,
    /// The NPV does not reach zero for any yearly rate from `IRR_MIN` to `IRR_MAX`.
    OutOfRange,
    /// The cash flows change sign more than once and the NPV is zero at
    /// more than one yearly rate from `IRR_MIN` to `IRR_MAX`: no one rate
    /// describes the deal.
    MultipleRoots,
}

/// Bounds of the IRR search, as yearly rates.
pub const IRR_MIN: f64 = -0.99;
pub const IRR_MAX: f64 = 10.0;

/// Relative size of the last Newton step on the discount factor at which
/// the IRR search stops.
pub const IRR_TOLERANCE: f64 = 1e-13;

/// Most steps of the IRR search (bisection alone halves a bracket of width
/// 2 to below 1e-16 in 55).
pub const IRR_MAX_STEPS: usize = 100;

/// Yearly rates at which the NPV is evaluated first, to bracket the IRR.
pub const IRR_GRID: [f64; 5] = [IRR_MIN, -0.5, 0.0, 0.25, IRR_MAX];

/// Steps of the finer scan within each interval of `IRR_GRID`, evenly
/// spaced in the discount factor: a step is about 1.5 points of yearly rate
/// from 0% to 25%, 2 to 5 points from −50% to 0%, and coarser further out
/// (13 points just above 25%).
pub const IRR_SCAN_STEPS: usize = 16;

/// Points of the finer scan, from `IRR_MIN` to `IRR_MAX`: the grid's five
/// and 15 between each two of them.
pub const IRR_SCAN_POINTS: usize = (IRR_GRID.len() - 1) * IRR_SCAN_STEPS + 1;

/// The `i`-th point of the finer scan (0 is `IRR_MIN`, the last `IRR_MAX`):
/// its discount factor and yearly rate. Every `IRR_SCAN_STEPS`-th point is
/// a point of `IRR_GRID`, exactly; the rest divide the factor's interval
/// between two of them evenly.
pub fn irr_scan_point(i: usize) -> (f64, f64) {
    let (k, j) = (i / IRR_SCAN_STEPS, i % IRR_SCAN_STEPS);
    let a = quarterly_discount(IRR_GRID[k]);
    if j == 0 {
        return (a, IRR_GRID[k]);
    }
    let b = quarterly_discount(IRR_GRID[k + 1]);
    let x = a + (b - a) * (j as f64 / IRR_SCAN_STEPS as f64);
    (x, rate_from_discount_factor(x))
}

/// How many times the cash flows change sign, zeros skipped. By Descartes'
/// rule of signs the NPV is zero at no more positive discount factors
/// (rates above −100%) than this, counted with multiplicity, and at a
/// number of the same parity: one sign change, exactly one root.
pub fn sign_changes(flows: &[f64]) -> usize {
    let mut last_positive = None;
    let mut changes = 0;
    for &cf in flows {
        // Zeros (and a NaN, which no flow is) have no sign.
        let positive = match cf.partial_cmp(&0.0) {
            Some(std::cmp::Ordering::Greater) => true,
            Some(std::cmp::Ordering::Less) => false,
            _ => continue,
        };
        if last_positive.is_some_and(|p| p != positive) {
            changes += 1;
        }
        last_positive = Some(positive);
    }
    changes
}

/// The NPV of quarterly flows at discount factor x, and its derivative in x:
/// Σ cf_i x^i by Horner's rule.
fn npv_polynomial(flows: &[f64], x: f64) -> (f64, f64) {
    let mut p = 0.0;
    let mut dp = 0.0;
    for cf in flows.iter().rev() {
        dp = dp * x + p;
        p = p * x + cf;
    }
    (p, dp)
}

/// Where the IRR search looks: a rate at which the NPV is exactly zero, or
/// an interval of discount factors [lo, hi] over which it changes sign
/// (with the NPV at each end).
enum Bracket {
    Exact(f64),
    Between { lo: f64, hi: f64, f_lo: f64, f_hi: f64 },
}

/// For flows of one sign change: the first point of `IRR_GRID` (from the
/// lowest rate up) with a zero NPV, or the first interval where it changes
/// sign. Descartes' rule allows one root only.
fn grid_bracket(flows: &[f64]) -> Result<Bracket, IrrError> {
    let xs = IRR_GRID.map(quarterly_discount);
    let fs = xs.map(|x| npv_polynomial(flows, x).0);
    for k in 0..IRR_GRID.len() {
        if fs[k] == 0.0 {
            return Ok(Bracket::Exact(IRR_GRID[k]));
        }
        if k + 1 < IRR_GRID.len() && (fs[k] > 0.0) != (fs[k + 1] > 0.0) {
            // x falls as the rate rises: the bracket is [xs[k + 1], xs[k]].
            return Ok(Bracket::Between { lo: xs[k + 1], hi: xs[k], f_lo: fs[k + 1], f_hi: fs[k] });
        }
    }
    Err(IrrError::OutOfRange)
}

/// For flows of several sign changes: the NPV at every point of the finer
/// scan, where each zero, and each interval between two non-zero values of
/// opposite signs, is a root. Exactly one is the bracket; more than one is
/// `MultipleRoots`; none, `OutOfRange`.
fn scan_bracket(flows: &[f64]) -> Result<Bracket, IrrError> {
    let mut found = None;
    let mut before: Option<(f64, f64)> = None;
    for i in 0..IRR_SCAN_POINTS {
        let (x, rate) = irr_scan_point(i);
        let f = npv_polynomial(flows, x).0;
        let root = if f == 0.0 {
            Some(Bracket::Exact(rate))
        } else {
            match before {
                Some((x_before, f_before)) if f_before != 0.0 && (f_before > 0.0) != (f > 0.0) => {
                    Some(Bracket::Between { lo: x, hi: x_before, f_lo: f, f_hi: f_before })
                }
                _ => None,
            }
        };
        if let Some(root) = root {
            if found.is_some() {
                return Err(IrrError::MultipleRoots);
            }
            found = Some(root);
        }
        before = Some((x, f));
    }
    found.ok_or(IrrError::OutOfRange)
}

/// Yearly IRR of quarterly cash flows: the rate at which `npv_quarterly` is
/// zero. The NPV is a polynomial in the quarterly discount factor
/// x = (1 + r)^−1/4. With one sign change in the flows (Descartes: one
/// root at most) it is evaluated at the rates of `IRR_GRID`, and the first
/// interval (from the lowest rate up) where it changes sign brackets the
/// root. With more than one sign change there may be several roots, so it
/// is evaluated at the `IRR_SCAN_POINTS` of the finer scan (the grid's
/// points among them): one root seen there is bracketed and found as
/// before; more than one is `MultipleRoots`, since no single rate then
/// describes the deal. Roots closer together than the scan's spacing, or
/// a double root between two of its points, may go unseen. In the bracket,
/// safeguarded Newton iteration finds the root: a Newton step is taken
/// only when it stays inside the bracket and is less than half the step
/// before it, else the bracket is halved (Numerical Recipes' `rtsafe`), so
/// the search never does worse than bisection.
pub fn irr_quarterly(flows: &[f64]) -> Result<f64, IrrError> {
    let bracket = match sign_changes(flows) {
        0 => return Err(IrrError::NoSignChange),
        1 => grid_bracket(flows)?,
        _ => scan_bracket(flows)?,
    };
    let (mut lo, mut hi, f_lo, f_hi) = match bracket {
        Bracket::Exact(rate) => return Ok(rate),
        Bracket::Between { lo, hi, f_lo, f_hi } => (lo, hi, f_lo, f_hi),
    };
    let lo_positive = f_lo > 0.0;
    // Start at the secant point of the bracket.
    let mut x = lo - f_lo * (hi - lo) / (f_hi - f_lo);
    let mut step_before = hi - lo;
    for _ in 0..IRR_MAX_STEPS {
        let (f, df) = npv_polynomial(flows, x);
        if f == 0.0 {
            break;
        }
        if (f > 0.0) == lo_positive {
            lo = x;
        } else {
            hi = x;
        }
        let newton = x - f / df;
        // A Newton step this small is converged (the rate to about 1e-12),
        // even if rounding puts it on the bracket's edge.
        if df != 0.0 && (newton - x).abs() <= IRR_TOLERANCE * x.abs().max(1.0) {
            x = newton;
            break;
        }
        let next = if df != 0.0 && newton > lo && newton < hi && (newton - x).abs() < 0.5 * step_before { newton } else { 0.5 * (lo + hi) };
        step_before = (next - x).abs();
        x = next;
    }
    Ok(rate_from_discount_factor(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1.0)
    }

    #[test]
    fn crf_and_sff_by_hand() {
        // CRF(8%, 5) = 0.08 / (1 − 1.08^−5) = 0.08 / (1 − 0.680583) = 0.250456
        assert!(close(crf(0.08, 5.0), 0.250_456, 1e-6));
        // SFF(8%, 5) = 0.08 / (1.08^5 − 1) = 0.08 / 0.469328 = 0.170456
        assert!(close(sff(0.08, 5.0), 0.170_456, 1e-6));
        // CRF − SFF = r for any n.
        assert!(close(crf(0.08, 5.0) - sff(0.08, 5.0), 0.08, 1e-12));
        assert_eq!(crf(0.0, 4.0), 0.25);
        assert_eq!(sff(0.0, 4.0), 0.25);
        // CRF(10%, 20) = 0.117460
        assert!(close(crf(0.10, 20.0), 0.117_460, 1e-5));
    }

    #[test]
    fn tiny_rates_do_not_cancel() {
        // Regression: wacc = 1e-17 made CRF 0/0 (1 + r rounds to 1), and
        // 2e-16 gave a CRF 8% off. Near zero, CRF(r, n) = 1/n + r(n + 1)/(2n) + O(r²):
        // at n = 5 that is 0.2 + 0.6 r.
        for r in [5e-324, 1e-300, 1e-17, 2e-16, 1e-12, 1e-9] {
            let want = 0.2 + 0.6 * r;
            assert!(close(crf(r, 5.0), want, 1e-12), "CRF at {r}: {}", crf(r, 5.0));
            // SFF = CRF − r.
            assert!(close(sff(r, 5.0), want - r, 1e-12), "SFF at {r}: {}", sff(r, 5.0));
            assert!(close(capital_charge(r, 5.0, 0.1), 0.9 * 0.2, 1e-6), "charge at {r}");
        }
        // The discount factor and its inverse at tiny rates.
        for r in [1e-17, 2e-16, 1e-10] {
            let x = quarterly_discount(r);
            assert!(close(rate_from_discount_factor(x), r, 1e-6) || (rate_from_discount_factor(x) - r).abs() < 1e-22, "{r}");
        }
        assert_eq!(rate_from_discount_factor(1.0), 0.0);
        // (1 + r)^t − 1 ≈ t·r for tiny r.
        assert!(close(growth_m1(1e-17, 3.0), 3e-17, 1e-12));
        // Regression (found by the property that a delay lowers the NPV):
        // at a subnormal rate and a life that is not a whole number, n·r
        // is rounded to a multiple of 5e-324: CRF(5e-324, 3.27) was 1/3 and
        // the market value's ∫ over 2.74 years came out as 3.
        for r in [5e-324, 1.5e-323, 1e-310, 1e-300] {
            for n in [3.27, 2.74, 0.25, 7.741_493_989_756_925] {
                assert!(close(crf(r, n), 1.0 / n, 1e-12), "CRF({r}, {n}) = {}", crf(r, n));
                assert!(close(sff(r, n), 1.0 / n, 1e-12), "SFF({r}, {n}) = {}", sff(r, n));
                assert!(close(stream_integral(r, n), n, 1e-12), "∫ e^({r}s) over {n}: {}", stream_integral(r, n));
                assert!(close(stream_integral(-r, n), n, 1e-12), "∫ e^(−{r}s) over {n}: {}", stream_integral(-r, n));
            }
        }
        // Either side of the series' threshold: the same value to rounding.
        // ∫₀¹ e^{ks} ds = (e^k − 1)/k = 1 + k/2 + k²/6 + …
        for k in [0.999_999e-8, 1.000_001e-8, -0.999_999e-8, -1.000_001e-8] {
            assert!(close(stream_integral(k, 1.0), 1.0 + k / 2.0, 1e-15), "{k}");
        }
    }

    #[test]
    fn book_value_falls_linearly_to_the_residual() {
        assert_eq!(book_value(5.0, 0.1, 0.0), 1.0);
        // Half-way through a 5-year life with a 10% residual: 1 − 0.9 × 0.5 = 0.55.
        assert!(close(book_value(5.0, 0.1, 2.5), 0.55, 1e-12));
        assert!(close(book_value(5.0, 0.1, 5.0), 0.1, 1e-12));
        assert!(close(book_value(5.0, 0.1, 7.0), 0.1, 1e-15));
        // CRF(8%, 5) − 10% × SFF(8%, 5) = 0.250456 − 0.0170456 = 0.233411
        assert!(close(capital_charge(0.08, 5.0, 0.1), 0.233_411, 1e-6));
    }

    #[test]
    fn npv_by_hand() {
        // −100 now, +60 in a quarter, +60 in two quarters at 0%: 20.
        assert!(close(npv_quarterly(&[-100.0, 60.0, 60.0], 0.0), 20.0, 1e-12));
        // At 21% a year, the quarterly factor is 1.21^−0.25 = 0.953463.
        let v = 1.21_f64.powf(-0.25);
        assert!(close(npv_quarterly(&[-100.0, 0.0, 0.0, 0.0, 121.0], 0.21), 0.0, 1e-9));
        assert!(close(npv_quarterly(&[0.0, 10.0], 0.21), 10.0 * v, 1e-12));
    }

    #[test]
    fn mid_quarter_npv_and_streams_by_hand() {
        // +100 in the middle of the first quarter at 21%: 100 × 1.21^−1/8 = 97.6467.
        assert!(close(npv_mid_quarter(&[100.0], 0.21), 100.0 * 1.21_f64.powf(-0.125), 1e-12));
        assert!(close(npv_mid_quarter(&[1.0, 2.0], 0.0), 3.0, 1e-15));
        // ∫₀² e^{−0.1 s} ds = (1 − e^−0.2) / 0.1 = 1.812692.
        assert!(close(stream_integral(-0.1, 2.0), 1.812_692_469, 1e-9));
        assert_eq!(stream_integral(0.0, 2.5), 2.5);
        // A tiny k gives l, not 0/0.
        assert!(close(stream_integral(1e-300, 2.0), 2.0, 1e-15));
    }

    #[test]
    fn tax_schedules_by_hand() {
        use crate::params::TaxDepreciation::*;
        // Bonus: all in the quarter of installation.
        assert_eq!((tax_deducted(Bonus, -1.0), tax_deducted(Bonus, 0.0), tax_deducted(Bonus, 7.0)), (0.0, 1.0, 1.0));
        // MACRS: 20% over the first four quarters (5% each), then 32%: by the end
        // of quarter 5, 20% + 2 × 8% = 36%; all of it after six years.
        assert!(close(tax_deducted(Macrs5, 0.0), 0.05, 1e-15));
        assert!(close(tax_deducted(Macrs5, 5.0), 0.36, 1e-15));
        assert!(close(tax_deducted(Macrs5, 23.0), 1.0, 1e-15));
        // The first five years leave 5.76%.
        assert!(close(1.0 - tax_deducted(Macrs5, 19.0), 0.0576, 1e-12));
        // Straight-line over 20 quarters: 5% a quarter.
        assert!(close(tax_deducted(StraightLine, 9.0), 0.5, 1e-15));
        assert!(close(MACRS5.iter().sum::<f64>(), 1.0, 1e-15));
    }

    #[test]
    fn irr_by_hand() {
        // −100 now and +121 in a year (4 quarters): exactly 21% a year.
        let irr = irr_quarterly(&[-100.0, 0.0, 0.0, 0.0, 121.0]);
        assert!(irr.is_ok_and(|r| close(r, 0.21, 1e-12)), "{irr:?}");
        // −100 now and +50 in a year: −50% a year.
        assert!(irr_quarterly(&[-100.0, 0.0, 0.0, 0.0, 50.0]).is_ok_and(|r| close(r, -0.5, 1e-12)));
        assert_eq!(irr_quarterly(&[1.0, 2.0]), Err(IrrError::NoSignChange));
        assert_eq!(irr_quarterly(&[0.0, 0.0]), Err(IrrError::NoSignChange));
        assert_eq!(irr_quarterly(&[-100.0, 0.0, 0.0, 0.0, 0.5]), Err(IrrError::OutOfRange));
        // Regression: a century of quarters of costs and one large value at the
        // end, a steep polynomial in the discount factor on which plain
        // Newton steps crawl: the search must still end at a root.
        let mut flows = vec![-3.2e12];
        flows.extend((1..100).map(|i| -1.36e11 * 1.025f64.powi(i)));
        flows.push(1.22e12 * 40.0);
        let irr = irr_quarterly(&flows).expect("an IRR");
        let scale: f64 = npv_quarterly(&flows.iter().map(|c| c.abs()).collect::<Vec<_>>(), irr);
        assert!(npv_quarterly(&flows, irr).abs() <= 1e-10 * scale, "{irr}: {}", npv_quarterly(&flows, irr));
    }

    /// Flows of one sign change take the grid's path as before the finer
    /// scan existed: the same IRR, bit for bit (the bits the search gave
    /// before the scan was added).
    #[test]
    fn one_sign_change_irrs_are_as_before_bit_for_bit() {
        let mut century = vec![-3.2e12];
        century.extend((1..100).map(|i| -1.36e11 * 1.025f64.powi(i)));
        century.push(1.22e12 * 40.0);
        let cases: [(Vec<f64>, u64); 7] = [
            (vec![-100.0, 0.0, 0.0, 0.0, 121.0], 0x3fca_e147_ae14_7ada),
            (vec![-100.0, 30.0, 40.0, 50.0], 0x3fd9_ff80_327f_4abd),
            (vec![-55.6285e6, 4.3715e6, 4.3715e6, 4.3715e6, 49.5e6], 0x3fc2_27d7_080b_4635),
            (vec![-100.0, 0.0, 0.0, 0.0, 50.0], 0xbfdf_ffff_ffff_ffff),
            (vec![0.0, -1.0, -2.0, 0.0, 0.5, 0.7, 0.9, 1.1], 0x3fb0_7a2d_059d_f2d8),
            // Inflow first, outflows after (borrowing): one sign change too.
            (vec![50.0, -20.0, -20.0, -20.0], 0x3fdc_b015_cec5_63ae),
            (century, 0xbf9d_b11f_99ad_721b),
        ];
        for (flows, bits) in cases {
            assert_eq!(sign_changes(&flows), 1);
            let irr = irr_quarterly(&flows).expect("an IRR");
            assert_eq!(irr.to_bits(), bits, "{flows:?}: {irr} vs {}", f64::from_bits(bits));
        }
    }

    #[test]
    fn sign_changes_skip_zeros() {
        assert_eq!(sign_changes(&[]), 0);
        assert_eq!(sign_changes(&[0.0, -0.0, 0.0]), 0);
        assert_eq!(sign_changes(&[-1.0, 0.0, -2.0]), 0);
        assert_eq!(sign_changes(&[0.0, -1.0, 0.0, 2.0, 3.0, -1.0, 0.0]), 2);
        assert_eq!(sign_changes(&[-100.0, 110.0, -100.0, 110.0]), 3);
    }

    #[test]
    fn the_scan_holds_the_grid_and_runs_up_the_rates() {
        assert_eq!(IRR_SCAN_POINTS, 65);
        for (k, rate) in IRR_GRID.iter().enumerate() {
            assert_eq!(irr_scan_point(k * IRR_SCAN_STEPS), (quarterly_discount(*rate), *rate));
        }
        for i in 1..IRR_SCAN_POINTS {
            let ((x0, r0), (x1, r1)) = (irr_scan_point(i - 1), irr_scan_point(i));
            assert!(x1 < x0 && r1 > r0, "{i}");
            // Each point's rate is its factor's.
            assert!(close(quarterly_discount(r1), x1, 1e-14), "{i}");
        }
    }

    #[test]
    fn several_roots_have_no_irr() {
        // −100, +230, −132 in three successive quarters: the NPV is
        // −100 + 230x − 132x² = −(11x − 10)(12x − 10), zero at x = 10/11
        // (10% a quarter, 1.1⁴ − 1 = 46.41% a year) and at x = 10/12 (20% a
        // quarter, 1.2⁴ − 1 = 107.36% a year): both in range.
        let flows = [-100.0, 230.0, -132.0];
        for r in [1.1f64.powi(4) - 1.0, 1.2f64.powi(4) - 1.0] {
            assert!(npv_quarterly(&flows, r).abs() < 1e-12, "{r}");
        }
        assert_eq!(irr_quarterly(&flows), Err(IrrError::MultipleRoots));
        // (The grid alone saw no root at all: the NPV is negative at each of
        // its rates, e.g. −100 + 230 − 132 = −2 at 0% and, at 25%
        // (x = 0.945742), −100 + 217.52 − 118.06 = −0.54.)
        let grid = IRR_GRID.map(|r| npv_quarterly(&flows, r));
        assert!(grid.iter().all(|f| *f < 0.0), "{grid:?}");
        // The same flows a year apart: roots at 10% and 20% a year
        // (x = 0.976454 and 0.955443), both between the grid's 0% and 25%,
        // six steps of the scan apart.
        let yearly = [-100.0, 0.0, 0.0, 0.0, 230.0, 0.0, 0.0, 0.0, -132.0];
        assert!(npv_quarterly(&yearly, 0.1).abs() < 1e-12 && npv_quarterly(&yearly, 0.2).abs() < 1e-12);
        assert_eq!(irr_quarterly(&yearly), Err(IrrError::MultipleRoots));
        // Scaled to the size of a deal, the same.
        assert_eq!(irr_quarterly(&flows.map(|f| f * 1e8)), Err(IrrError::MultipleRoots));
        // A root exactly on a point of the scan counts once: −98 + 230x − 132x²
        // is zero at x = 1 (0%, a point of the grid: −98 + 230 − 132 = 0) and
        // at x = 98/132 = 0.742424 ((132/98)⁴ − 1 = 229.15% a year).
        assert_eq!(irr_quarterly(&[-98.0, 230.0, -132.0]), Err(IrrError::MultipleRoots));
    }

    #[test]
    fn several_sign_changes_and_one_root_in_range_have_an_irr() {
        // −100, +110, −100, +110: three sign changes, but the NPV is
        // (110x − 100)(x² + 1), zero only at x = 10/11: 1.1⁴ − 1 = 46.41% a year.
        let irr = irr_quarterly(&[-100.0, 110.0, -100.0, 110.0]);
        assert!(irr.is_ok_and(|r| close(r, 1.1f64.powi(4) - 1.0, 1e-12)), "{irr:?}");
        // −40 + 54x − 11x² = −(11x − 10)(x − 4): roots at x = 10/11 (46.41% a
        // year) and x = 4 (4⁻⁴ − 1 = −99.61% a year, below the range's −99%).
        let irr = irr_quarterly(&[-40.0, 54.0, -11.0]);
        assert!(irr.is_ok_and(|r| close(r, 1.1f64.powi(4) - 1.0, 1e-12)), "{irr:?}");
        // −4 + 5x − x² = −(x − 1)(x − 4): zero exactly at x = 1, 0% a year (a
        // point of the scan, so the grid's rate exactly), and at x = 4, below −99%.
        assert_eq!(irr_quarterly(&[-4.0, 5.0, -1.0]), Ok(0.0));
        // Two sign changes and no root at all: −1 + 3x − 3x² has no real root
        // (3² − 4·3·1 < 0).
        assert_eq!(irr_quarterly(&[-1.0, 3.0, -3.0]), Err(IrrError::OutOfRange));
    }
}
