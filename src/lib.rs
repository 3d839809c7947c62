//! The computedeal web app: a Yew page compiled to WebAssembly, and the
//! Monte Carlo web workers that run the same wasm. The numbers come from
//! `computedeal-core`, the words and charts from `computedeal-present`;
//! this crate is the only one that knows about the DOM. It compiles to
//! nothing natively.
//!
//! One component or hook per file: `app` (layout), `state` (the pure
//! reducer), `derived` (memoized values), `settings`, `notices`,
//! `transfer` (export and import), `inputs`, `results` (cards, reading,
//! Monte Carlo status), `chart_list` and `chart`, `share`, `embed`,
//! `url_sync`, `runner` and `worker` (the Monte Carlo), `start`.
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod backend;
pub mod bench;
pub mod chart;
pub mod chart_list;
pub mod derived;
pub mod download;
pub mod embed;
pub mod inputs;
pub mod notices;
pub mod portfolio;
pub mod results;
pub mod runner;
pub mod settings;
pub mod share;
pub mod start;
pub mod state;
pub mod transfer;
pub mod url_sync;
pub mod worker;

pub use app::{App, AppProps};
pub use start::start;
