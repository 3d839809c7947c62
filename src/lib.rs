//! computedeal core: everything that is not UI.
//!
//! The modules here are plain Rust. They compile and test natively and know
//! nothing of the DOM; only `ui` (compiled for wasm32 alone) and the entry in
//! `src/bin/app.rs` talk to the browser. `tests/layering.rs` enforces this.

pub mod charts;
pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
