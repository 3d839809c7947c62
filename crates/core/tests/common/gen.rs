//! A deterministic generator of scenarios for the tests that run natively
//! and in the browser alike (proptest does not build for wasm32 here). It
//! draws what `common::inputs` and `common::deal` draw: every parameter
//! within its allowed range, counts spread over orders of magnitude.
#![allow(dead_code)]

use computedeal_core::params::{Inputs, Kind, PARAMS};
use computedeal_core::rng;

#[path = "edges.rs"]
mod edges;

pub struct Gen {
    key: u64,
    index: u64,
}

impl Gen {
    /// The generator of case `case`: the same case gives the same draws everywhere.
    pub fn new(case: u64) -> Gen {
        Gen { key: rng::stream_key(0x5eed, case), index: 0 }
    }

    /// A uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        self.index += 1;
        rng::uniform(self.key, self.index)
    }

    /// A whole number from 0 to `n − 1`.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.uniform() * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// One value of parameter `i` within its allowed range: an edge of the
    /// range (`edges.rs`) one time in four, else spread over it.
    pub fn value(&mut self, i: usize) -> f64 {
        let p = &PARAMS[i];
        if self.uniform() < 0.25 {
            let e = edges::edges(p);
            return e[self.below(e.len())];
        }
        let u = self.uniform();
        match p.kind {
            Kind::Number => p.min + (p.max - p.min) * u,
            Kind::Count => (p.min + (p.max - p.min) * u.powi(4)).round(),
            Kind::Quarter => (p.min + ((p.max - p.min + 1.0) * u).floor()).min(p.max),
            Kind::Choice(ids) => self.below(ids.len()) as f64,
        }
    }

    /// Any inputs within the table's ranges.
    pub fn inputs(&mut self) -> Inputs {
        let values: Vec<f64> = (0..PARAMS.len()).map(|i| self.value(i)).collect();
        Inputs::from_fn(|p| values[p as usize])
    }

    /// Realistic schedules: the deal and its expansion start within two years of each other.
    pub fn deal(&mut self) -> Inputs {
        let mut x = self.inputs();
        x.ramp_end = x.start + (8.0 * self.uniform()).floor();
        x.expansion_start = x.start + (8.0 * self.uniform()).floor();
        x
    }
}
