//! The scalar engine: `model::evaluate` for each scenario of a batch. It is
//! the reference every other engine is tested against.

use super::columns::{Batch, Columns, Shared};
use computedeal_core::model::evaluate as evaluate_one;
use computedeal_core::outputs::Output;

pub fn evaluate(shared: &Shared, cols: &Columns, batch: &mut Batch) {
    for i in 0..cols.len {
        let o = evaluate_one(&cols.row(&shared.base, i));
        for k in Output::ALL {
            batch.out.get_mut(k)[i] = *o.out.get(k);
        }
        if let Some(cum) = batch.cumulative.as_mut() {
            let last = o.quarters.last().map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0);
            for (q, column) in cum.iter_mut().enumerate() {
                column[i] = o.quarters.get(q).map(|r| r.cumulative_cash_flow_usd).unwrap_or(last);
            }
        }
    }
}
