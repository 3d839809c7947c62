//! Drawing Monte Carlo inputs: for each uncertain parameter, a column of
//! values for a range of sample indices. Every draw is a pure function of
//! (seed, parameter, sample index) (`rng`), so any chunk of any run can be
//! drawn on its own and gives the same values.

use crate::batch::Columns;
use crate::copula::{self, Copula};
use crate::dist::{normal_cdf, normal_quantile, Dist};
use crate::params::P;
use crate::rng;
use crate::scenario::Scenario;

#[derive(Clone, Debug, PartialEq)]
pub struct Sampler {
    pub params: Vec<P>,
    dists: Vec<Dist>,
    keys: Vec<u64>,
    copula: Option<Copula>,
    /// For each correlated parameter of the copula, its column.
    copula_columns: Vec<usize>,
}

impl Sampler {
    pub fn new(s: &Scenario, seed: u64) -> Sampler {
        let params: Vec<P> = s.dists.iter().map(|(p, _)| *p).collect();
        let dists = s.dists.iter().map(|(_, d)| d.clone()).collect();
        let keys = params.iter().map(|p| rng::stream_key(seed, *p as u64)).collect();
        let copula = copula::build(&s.corrs);
        let copula_columns = copula.as_ref().map(|c| c.params.iter().filter_map(|p| params.iter().position(|q| q == p)).collect()).unwrap_or_default();
        Sampler { params, dists, keys, copula, copula_columns }
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
            if self.copula_columns.contains(&k) {
                continue;
            }
            self.dists[k].fill(self.keys[k], start, col);
        }
        // Correlated inputs: normal scores, correlated, back to uniforms.
        if let Some(c) = &self.copula {
            let mut z = vec![0.0; self.copula_columns.len()];
            for i in 0..cols.len {
                for (j, &k) in self.copula_columns.iter().enumerate() {
                    z[j] = normal_quantile(rng::uniform(self.keys[k], start + i as u64));
                }
                c.correlate(&mut z);
                for (j, &k) in self.copula_columns.iter().enumerate() {
                    cols.data[k][i] = self.dists[k].quantile(normal_cdf(z[j]).clamp(1e-16, 1.0 - 1e-16));
                }
            }
        }
    }

    pub fn dist(&self, k: usize) -> &Dist {
        &self.dists[k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode_query;
    use crate::stats::spearman;

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
            let d = crate::dist::Dist::parse(P::pue.param(), text).unwrap_or_else(|e| panic!("{e:?}"));
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
}
