//! computedeal-core: what a giant AI-compute deal buys, costs and earns, as
//! numbers. The parameter table, the presets and their sources, the codecs
//! (which never fail: a value plus notices), the scalar model (the f64
//! specification), the SIMD batch engine, the Monte Carlo driver and its
//! statistics, the sensitivity sweeps and the JSON exports.
//!
//! Nothing here is a sentence in any language, nothing is thread-local and
//! nothing draws or touches a browser: problems are data (`notice`), words
//! and pictures come from `computedeal-present`.

pub mod batch;
pub mod catalogue;
pub mod codec;
pub mod copula;
pub mod dist;
pub mod export;
pub mod finance;
pub mod india;
pub mod json;
pub mod market;
pub mod mc;
pub mod model;
pub mod notice;
pub mod order;
pub mod outputs;
pub mod params;
pub mod portfolio;
pub mod presets;
pub mod quarter;
pub mod rng;
pub mod sample;
pub mod scenario;
pub mod sensitivity;
pub mod sources;
pub mod stats;
