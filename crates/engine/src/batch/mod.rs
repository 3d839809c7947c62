//! The batch engine: evaluates many scenarios at once, as structure-of-arrays
//! columns, with either the scalar model (the reference) or SIMD lanes.
//!
//! A batch is a base scenario plus columns: for each varying parameter, one
//! value per scenario (Monte Carlo draws or a sweep's grid). Quarters and
//! choices never vary, so the schedule's shape is shared by the whole batch.
//! Each engine writes every output of the table (`outputs::Output`) per
//! scenario and, when asked, the cumulative cash flow per quarter.

pub mod columns;
pub mod peak;
pub mod scalar;
pub mod simd;

pub use columns::{Batch, Bounds, Columns, Shared};

/// Which engine evaluates a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// `model::evaluate` per scenario: the specification.
    Scalar,
    /// `simd::evaluate`, `simd::LANES` scenarios at a time.
    Simd,
}

/// Evaluates every scenario of `cols` with `engine` into `batch`.
pub fn evaluate(engine: Engine, shared: &Shared, cols: &Columns, batch: &mut Batch) {
    match engine {
        Engine::Scalar => scalar::evaluate(shared, cols, batch),
        Engine::Simd => simd::evaluate_columns(shared, cols, batch),
    }
}
