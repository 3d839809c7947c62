//! Drawing Monte Carlo inputs: for each uncertain parameter, a column of
//! values for a range of sample indices. Every draw is a pure function of
//! (seed, parameter, sample index) (`rng`), so any chunk of any run can be
//! drawn on its own and gives the same values.
//!
//! With `sampling=rqmc` (the default) the uniforms come from a randomized
//! quasi-Monte Carlo point set instead (`rng::Halton`): the k-th uncertain
//! input is the point set's k-th dimension, and each sample's point is
//! still a pure function of (seed, input, index). Correlated inputs take
//! their normal scores from the same uniforms.

use crate::batch::Columns;
use computedeal_core::copula::{self, Copula};
use computedeal_core::dist::{normal_cdf, normal_quantile_approx, Dist};
use computedeal_core::params::P;
use computedeal_core::rng;
use computedeal_core::scenario::Scenario;

#[derive(Clone, Debug, PartialEq)]
pub struct Sampler {
    pub params: Vec<P>,
    dists: Vec<Dist>,
    keys: Vec<u64>,
    copula: Option<Copula>,
    /// For each correlated parameter of the copula, its column.
    copula_columns: Vec<usize>,
    /// Per column, its dimension of the quasi-random point set (None: plain
    /// draws, with `sampling=plain` or past the point set's dimensions).
    points: Vec<Option<rng::Halton>>,
}

impl Sampler {
    pub fn new(s: &Scenario, seed: u64) -> Sampler {
        let params: Vec<P> = s.dists.iter().map(|(p, _)| *p).collect();
        let dists = s.dists.iter().map(|(_, d)| d.clone()).collect();
        let keys: Vec<u64> = params.iter().map(|p| rng::stream_key(seed, *p as u64)).collect();
        let copula = copula::build(&s.corrs);
        let copula_columns = copula.as_ref().map(|c| c.params.iter().filter_map(|p| params.iter().position(|q| q == p)).collect()).unwrap_or_default();
        let points = keys.iter().enumerate().map(|(d, key)| if s.inputs.quasi_random() { rng::Halton::new(*key, d) } else { None }).collect();
        Sampler { params, dists, keys, copula, copula_columns, points }
    }

    /// Fills `cols` (already sized) with the draws for samples `start..start + cols.len`.
    pub fn fill(&self, start: u64, cols: &mut Columns) {
        cols.params.clone_from(&self.params);
        cols.data.resize_with(self.params.len(), Vec::new);
        for col in cols.data.iter_mut() {
            col.resize(cols.len, 0.0);
        }
        // Independent inputs: the uniform goes straight through the quantile.
        for (k, col) in cols.data.iter_mut().enumerate() {
            self.uniforms(k, start, col);
            if !self.copula_columns.contains(&k) {
                self.dists[k].transform(col);
            }
        }
        // Correlated inputs: normal scores, correlated, back to uniforms.
        // Each marginal's constants (a truncated normal's Φ at its bounds)
        // are worked out once for the block, not per draw.
        if let Some(c) = &self.copula {
            let inverses: Vec<_> = self.copula_columns.iter().map(|&k| self.dists[k].inverse()).collect();
            let mut z = vec![0.0; self.copula_columns.len()];
            for i in 0..cols.len {
                for (j, &k) in self.copula_columns.iter().enumerate() {
                    z[j] = normal_quantile_approx(cols.data[k][i]);
                }
                c.correlate(&mut z);
                for (j, &k) in self.copula_columns.iter().enumerate() {
                    cols.data[k][i] = inverses[j].at(normal_cdf(z[j]).clamp(1e-16, 1.0 - 1e-16));
                }
            }
        }
    }

    /// The uniforms of column `k` for samples `start..start + out.len()`.
    fn uniforms(&self, k: usize, start: u64, out: &mut [f64]) {
        match &self.points[k] {
            Some(h) => h.fill(start, out),
            None => {
                for (i, o) in out.iter_mut().enumerate() {
                    *o = rng::uniform(self.keys[k], start + i as u64);
                }
            }
        }
    }

    /// Whether the draws come from the quasi-random point set.
    pub fn quasi_random(&self) -> bool {
        self.points.iter().any(|p| p.is_some())
    }

    pub fn dist(&self, k: usize) -> &Dist {
        &self.dists[k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::spearman;
    use computedeal_core::codec::decode_query;

    fn draw(query: &str, start: u64, len: usize) -> Columns {
        let d = decode_query(query);
        let sampler = Sampler::new(&d.scenario, 7);
        let mut cols = Columns { len, ..Columns::default() };
        sampler.fill(start, &mut cols);
        cols
    }

    #[test]
    fn fill_is_quantile_of_the_uniform() {
        for text in ["1.1~1.4", "pert:1.05,1.2,1.5", "tri:1.05,1.2,1.5", "norm:1.2,0.1", "lognorm:1.1,1.4"] {
            let d = computedeal_core::dist::Dist::parse(P::pue.param(), text).unwrap_or_else(|e| panic!("{e:?}"));
            let mut out = vec![0.0; 100];
            d.fill(99, 1000, &mut out);
            for (i, v) in out.iter().enumerate() {
                assert_eq!(*v, d.quantile(rng::uniform(99, 1000 + i as u64)), "{text}");
            }
        }
    }

    #[test]
    fn draws_do_not_depend_on_the_chunking() {
        let q = "uncertainty=off&pue=1.1~1.4&wacc=tri:0.06,0.08,0.12&electricity_usd_per_mwh=lognorm:60,120&corr=pue:wacc:0.5";
        let whole = draw(q, 1000, 300);
        let part = draw(q, 1100, 50);
        for k in 0..whole.params.len() {
            assert_eq!(&whole.data[k][100..150], &part.data[k][..]);
        }
    }

    #[test]
    fn marginals_and_rank_correlation_come_out_as_asked() {
        let q = "uncertainty=off&pue=1.1~1.4&wacc=1e-3~0.3&corr=pue:wacc:0.6";
        let cols = draw(q, 0, 20_000);
        let (pue, wacc) = (&cols.data[0], &cols.data[1]);
        assert_eq!(cols.params, vec![P::pue, P::wacc]);
        // Uniform 1.1–1.4: mean 1.25 (standard error 0.0006).
        let mean = pue.iter().sum::<f64>() / pue.len() as f64;
        assert!((mean - 1.25).abs() < 0.003, "{mean}");
        assert!(pue.iter().all(|v| (1.1..=1.4).contains(v)));
        // Spearman 0.6 asked; the sample's standard error is about 0.005.
        let rho = spearman(pue, wacc).unwrap_or(0.0);
        assert!((rho - 0.6).abs() < 0.02, "{rho}");
        // Without the correlation: about 0.
        let cols = draw("uncertainty=off&pue=1.1~1.4&wacc=1e-3~0.3", 0, 20_000);
        let rho = spearman(&cols.data[0], &cols.data[1]).unwrap_or(1.0);
        assert!(rho.abs() < 0.02, "{rho}");
    }

    #[test]
    fn plain_sampling_draws_the_counter_based_uniforms() {
        // `sampling=plain`: each value is the quantile of `rng::uniform` at
        // its (stream, index), as before quasi-random points existed.
        let d = decode_query("uncertainty=off&pue=1.1~1.4&wacc=lognorm:0.06,0.1&sampling=plain");
        let sampler = Sampler::new(&d.scenario, 7);
        let mut cols = Columns { len: 64, ..Columns::default() };
        sampler.fill(500, &mut cols);
        for (k, p) in cols.params.iter().enumerate() {
            let key = rng::stream_key(7, *p as u64);
            for i in 0..64 {
                assert_eq!(cols.data[k][i], sampler.dist(k).quantile(rng::uniform(key, 500 + i as u64)));
            }
        }
    }

    #[test]
    fn quasi_random_draws_spread_evenly() {
        // 4,096 draws of a uniform 1.1–1.4 (the first input: base 2): the
        // mean's error is far below plain sampling's standard error
        // (0.3 / sqrt(12 × 4096) = 0.0014); each replica's 256 points fill
        // 256 equal strata, so the error is at most 0.3 / 256 / 2 per
        // replica and its mean over replicas is smaller still.
        let cols = draw("uncertainty=off&pue=1.1~1.4", 0, 4096);
        let mean = cols.data[0].iter().sum::<f64>() / 4096.0;
        assert!((mean - 1.25).abs() < 0.3 / 512.0, "{mean}");
        let plain = draw("uncertainty=off&pue=1.1~1.4&sampling=plain", 0, 4096);
        assert_ne!(plain.data[0], cols.data[0]);
    }
}
