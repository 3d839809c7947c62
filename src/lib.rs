//! computedeal core: everything that is not UI.
//!
//! The modules here are plain Rust. They compile and test natively and know
//! nothing of the DOM; only `ui` (compiled for wasm32 alone) and the entries
//! in `src/bin/` talk to the browser. `tests/layering.rs` enforces this.

pub mod batch;
pub mod catalogue;
pub mod charts;
pub mod codec;
pub mod copula;
pub mod dist;
pub mod export;
pub mod finance;
pub mod format;
pub mod i18n;
pub mod mc;
pub mod model;
pub mod outputs;
pub mod params;
pub mod presets;
pub mod quarter;
pub mod reading;
pub mod rng;
pub mod sample;
pub mod scenario;
pub mod sensitivity;
pub mod sources;
pub mod stats;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
