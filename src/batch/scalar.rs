//! The scalar engine: `model::evaluate` for each scenario of a batch. It is
//! the reference every other engine is tested against.

use super::{Batch, Columns, Shared, HEADLINE};
use crate::model::evaluate as evaluate_one;
use crate::outputs;

pub fn evaluate(shared: &Shared, cols: &Columns, batch: &mut Batch) {
    let getters: Vec<_> = HEADLINE.iter().map(|k| outputs::by_key(k).map(|o| o.get)).collect();
    for i in 0..cols.len {
        let o = evaluate_one(&cols.row(&shared.base, i));
        for (k, get) in getters.iter().enumerate() {
            batch.out[k][i] = get.and_then(|g| g(&o)).unwrap_or(f64::NAN);
        }
        if let Some(cum) = batch.cumulative.as_mut() {
            let last = o.quarters.last().map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0);
            for (q, column) in cum.iter_mut().enumerate() {
                column[i] = o.quarters.get(q).map(|r| r.cumulative_cash_flow_usd).unwrap_or(last);
            }
        }
    }
}
