//! computedeal-core: what a giant AI-compute deal buys, costs and earns, as
//! numbers. The parameter table, the presets and their sources, the codecs
//! (which never fail: a value plus notices), the distributions and their
//! correlation, the scalar model (the f64 specification), the rental market
//! and the portfolio. The engine over many scenarios (SIMD batches, Monte
//! Carlo, sensitivity, exports) is `computedeal-engine`, built on this.
//!
//! Nothing here is a sentence in any language, nothing is thread-local and
//! nothing draws or touches a browser: problems are data (`notice`), words
//! and pictures come from `computedeal-present`.

pub mod catalogue;
pub mod codec;
pub mod copula;
pub mod dist;
pub mod finance;
pub mod india;
pub mod json;
pub mod market;
pub mod model;
pub mod notice;
pub mod order;
pub mod outputs;
pub mod params;
pub mod portfolio;
pub mod presets;
pub mod quarter;
pub mod rng;
pub mod scenario;
pub mod sources;
