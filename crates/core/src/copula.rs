//! Rank correlations between uncertain inputs through a Gaussian copula.
//!
//! A pair `corr=a:b:0.4` asks for a Spearman rank correlation of 0.4
//! between inputs a and b. In a Gaussian copula that is a Pearson
//! correlation of 2 sin(π ρ / 6) between their normal scores. Draws are
//! correlated by the Cholesky factor of that matrix; a matrix that is not
//! positive definite (the pairs contradict each other) is repaired by
//! scaling every correlation by the largest factor that makes it valid.

use crate::params::P;

#[derive(Clone, Debug, PartialEq)]
pub struct Copula {
    /// The correlated parameters, in order.
    pub params: Vec<P>,
    /// Lower-triangular Cholesky factor, row-major, k × k.
    pub chol: Vec<f64>,
    /// The factor the correlations were scaled by (1 when none was needed).
    pub scale: f64,
}

/// Pearson correlation of the normal scores that gives a Spearman rank
/// correlation `rho` in a Gaussian copula.
pub fn pearson_from_spearman(rho: f64) -> f64 {
    2.0 * libm::sin(std::f64::consts::PI * rho / 6.0)
}

/// Cholesky factor of a symmetric k × k matrix, or None when it is not
/// positive definite (with a margin, so the factor is well conditioned).
pub fn cholesky(m: &[f64], k: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..=i {
            let mut sum = m[i * k + j];
            for p in 0..j {
                sum -= l[i * k + p] * l[j * k + p];
            }
            if i == j {
                if sum <= 1e-9 {
                    return None;
                }
                l[i * k + i] = libm::sqrt(sum);
            } else {
                l[i * k + j] = sum / l[j * k + j];
            }
        }
    }
    Some(l)
}

/// Builds the copula for the given pairs (Spearman ρ). Returns None when
/// there are no pairs.
pub fn build(pairs: &[(P, P, f64)]) -> Option<Copula> {
    if pairs.is_empty() {
        return None;
    }
    let mut params: Vec<P> = pairs.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
    crate::order::sort_by_key(&mut params, |p| *p as u64);
    params.dedup();
    let k = params.len();
    let pos = |p: P| params.iter().position(|q| *q == p).unwrap_or(0);
    let matrix = |scale: f64| {
        let mut m = vec![0.0; k * k];
        for i in 0..k {
            m[i * k + i] = 1.0;
        }
        for (a, b, rho) in pairs {
            let r = scale * pearson_from_spearman(*rho);
            m[pos(*a) * k + pos(*b)] = r;
            m[pos(*b) * k + pos(*a)] = r;
        }
        m
    };
    if let Some(chol) = cholesky(&matrix(1.0), k) {
        return Some(Copula { params, chol, scale: 1.0 });
    }
    // Bisect for the largest scale in [0, 1] that keeps the matrix valid.
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = 0.5 * (lo + hi);
        if cholesky(&matrix(mid), k).is_some() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let scale = (lo * 1000.0).floor() / 1000.0;
    let chol = cholesky(&matrix(scale), k).unwrap_or_else(|| identity(k));
    Some(Copula { params, chol, scale })
}

fn identity(k: usize) -> Vec<f64> {
    let mut m = vec![0.0; k * k];
    for i in 0..k {
        m[i * k + i] = 1.0;
    }
    m
}

impl Copula {
    /// Correlates independent normal scores `z` in place: z ← L z.
    pub fn correlate(&self, z: &mut [f64]) {
        let k = self.params.len();
        for i in (0..k).rev() {
            let mut sum = 0.0;
            for j in 0..=i {
                sum += self.chol[i * k + j] * z[j];
            }
            z[i] = sum;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_to_pearson() {
        assert_eq!(pearson_from_spearman(0.0), 0.0);
        assert!((pearson_from_spearman(1.0) - 1.0).abs() < 1e-15);
        // 2 sin(π 0.5 / 6) = 2 sin(15°) = 0.517638
        assert!((pearson_from_spearman(0.5) - 0.517_638_090).abs() < 1e-9);
    }

    #[test]
    fn a_consistent_matrix_is_kept_and_factored() {
        let c = build(&[(P::pue, P::wacc, 0.4)]).expect("a copula");
        assert_eq!(c.scale, 1.0);
        let r = pearson_from_spearman(0.4);
        // L = [[1, 0], [r, sqrt(1 − r²)]]
        assert_eq!(c.chol[0], 1.0);
        assert!((c.chol[2] - r).abs() < 1e-15);
        assert!((c.chol[3] - (1.0 - r * r).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn an_impossible_matrix_is_scaled_until_valid() {
        // a~b and a~c strongly positive but b~c strongly negative cannot all hold.
        let c = build(&[(P::pue, P::wacc, 0.9), (P::pue, P::mfu, 0.9), (P::wacc, P::mfu, -0.9)]).expect("a copula");
        assert!(c.scale < 1.0 && c.scale > 0.0, "{}", c.scale);
        assert!(cholesky(&c.chol, 0).is_some());
    }

    #[test]
    fn correlate_multiplies_by_the_factor() {
        let c = build(&[(P::pue, P::wacc, 0.4)]).expect("a copula");
        let mut z = [1.0, 2.0];
        c.correlate(&mut z);
        let r = pearson_from_spearman(0.4);
        assert!((z[0] - 1.0).abs() < 1e-15);
        assert!((z[1] - (r + 2.0 * (1.0 - r * r).sqrt())).abs() < 1e-12);
    }
}
