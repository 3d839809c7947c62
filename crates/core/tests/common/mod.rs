//! Strategies shared by the property tests.
#![allow(dead_code)]

use computedeal_core::params::{Inputs, Kind, PARAMS};
use proptest::prelude::*;

pub mod edges;

/// One value of a parameter within its allowed range (counts and quarters
/// whole, choices valid; counts spread over orders of magnitude), at an edge
/// of the range (`edges.rs`) one time in four.
pub fn value(i: usize) -> BoxedStrategy<f64> {
    let p = &PARAMS[i];
    prop_oneof![1 => proptest::sample::select(edges::edges(p)), 3 => spread(i)].boxed()
}

fn spread(i: usize) -> BoxedStrategy<f64> {
    let p = &PARAMS[i];
    match p.kind {
        Kind::Number => (p.min..=p.max).boxed(),
        Kind::Count => (0.0..=1.0f64).prop_map(move |u| (p.min + (p.max - p.min) * u.powi(4)).round()).boxed(),
        Kind::Quarter => ((p.min as i64)..=(p.max as i64)).prop_map(|q| q as f64).boxed(),
        Kind::Choice(ids) => (0..ids.len()).prop_map(|i| i as f64).boxed(),
    }
}

/// Any inputs within the table's ranges.
pub fn inputs() -> impl Strategy<Value = Inputs> {
    let per_param: Vec<BoxedStrategy<f64>> = (0..PARAMS.len()).map(value).collect();
    per_param.prop_map(|values| Inputs::from_fn(|p| values[p as usize]))
}

/// Realistic schedules: the deal and its expansion start within two years of each other.
pub fn deal() -> impl Strategy<Value = Inputs> {
    (inputs(), 0.0..8.0f64, 0.0..8.0f64).prop_map(|(mut x, ramp, exp)| {
        x.ramp_end = x.start + ramp.floor();
        x.expansion_start = x.start + exp.floor();
        x
    })
}
