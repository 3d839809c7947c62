//! computedeal-engine: the core's model over many scenarios. The batch
//! engines (a scalar reference and the SIMD lanes that mirror it), the
//! Monte Carlo driver and its statistics, the sensitivity sweeps, and the
//! JSON exports of a scenario's outcome and its Monte Carlo summary.
//!
//! A crate of its own so that the web build optimizes this, the hot path,
//! for speed while everything else is optimized for size (Cargo.toml,
//! `profile.release-app`). Like the core, nothing here is a sentence in any
//! language, nothing is thread-local and nothing draws or touches a browser.

pub mod batch;
pub mod export;
pub mod mc;
pub mod sample;
pub mod sensitivity;
pub mod stats;
