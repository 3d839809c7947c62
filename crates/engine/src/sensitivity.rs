//! Sensitivity: the tornado (each uncertain input swung between its P10 and
//! P90 with the others at their point values) and the price × availability
//! sweep behind the margin heatmap. Both go through the batch engine.

use crate::batch::{self, Batch, Columns, Engine, Shared};
use computedeal_core::model::evaluate;
use computedeal_core::outputs::{Output, OutputsT};
use computedeal_core::params::{Group, P};
use computedeal_core::scenario::Scenario;

/// One input's swing and what it does to each output.
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    pub param: P,
    pub low_value: f64,
    pub high_value: f64,
    /// The outputs with the input at its P10 and at its P90.
    pub low: OutputsT<f64>,
    pub high: OutputsT<f64>,
}

/// Several inputs swung together: each to whichever of its P10 and P90
/// gives the lower NPV (`low`), then the higher (`high`).
#[derive(Clone, Debug, PartialEq)]
pub struct Joint {
    pub params: Vec<P>,
    pub low: OutputsT<f64>,
    pub high: OutputsT<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tornado {
    pub base: OutputsT<f64>,
    pub swings: Vec<Swing>,
    /// The market's uncertain inputs (the parameter table's `Group::Market`:
    /// its rent, decline, rental life and the buyer's shortfall) together,
    /// when two or more are uncertain: how much of the NPV rides on the
    /// market.
    pub market: Option<Joint>,
}

impl Tornado {
    /// The swings ordered by how far they move output `o`, widest first.
    pub fn ranked(&self, o: Output) -> Vec<&Swing> {
        let width = |s: &Swing| {
            let w = (s.high.get(o) - s.low.get(o)).abs();
            if w.is_nan() {
                -1.0
            } else {
                w
            }
        };
        let mut v: Vec<&Swing> = self.swings.iter().collect();
        // Widest first: the complement of the total-order key reverses it, ties keep their order.
        computedeal_core::order::sort_by_key(&mut v, |s| !computedeal_core::order::f64_key(width(s)));
        v
    }
}

/// The tornado of a scenario's uncertain inputs (empty when none is).
pub fn tornado(s: &Scenario) -> Tornado {
    let base = s.inputs;
    let shared = Shared::for_inputs(&base);
    let params: Vec<P> = s.dists.iter().map(|(p, _)| *p).collect();
    // Row 0 is the base; then each input at its P10, then at its P90.
    let rows = 1 + 2 * params.len();
    let mut cols = Columns::new(params.clone(), rows);
    for (k, (p, dist)) in s.dists.iter().enumerate() {
        cols.data[k].fill(base.get(*p));
        cols.data[k][1 + 2 * k] = dist.quantile(0.1);
        cols.data[k][2 + 2 * k] = dist.quantile(0.9);
    }
    let mut out = Batch::new(rows, None);
    batch::evaluate(Engine::Scalar, &shared, &cols, &mut out);
    let row = |r: usize| OutputsT::from_fn(|o| out.out.get(o)[r]);
    let swings: Vec<Swing> = params
        .iter()
        .enumerate()
        .map(|(k, p)| Swing { param: *p, low_value: cols.data[k][1 + 2 * k], high_value: cols.data[k][2 + 2 * k], low: row(1 + 2 * k), high: row(2 + 2 * k) })
        .collect();
    let market = joint(&shared, &swings, |p| p.param().group == Group::Market);
    Tornado { base: row(0), swings, market }
}

/// The swings of the inputs `pick` selects, taken together (None for fewer
/// than two): each at the end of its own swing with the lower NPV, then at
/// the other end; the rest at their point values.
fn joint(shared: &Shared, swings: &[Swing], pick: impl Fn(P) -> bool) -> Option<Joint> {
    let chosen: Vec<&Swing> = swings.iter().filter(|s| pick(s.param)).collect();
    if chosen.len() < 2 {
        return None;
    }
    let params: Vec<P> = chosen.iter().map(|s| s.param).collect();
    let mut cols = Columns::new(params.clone(), 2);
    for (k, s) in chosen.iter().enumerate() {
        let (worse, better) = if s.low.get(Output::npv_usd) <= s.high.get(Output::npv_usd) { (s.low_value, s.high_value) } else { (s.high_value, s.low_value) };
        cols.data[k][0] = worse;
        cols.data[k][1] = better;
    }
    let mut out = Batch::new(2, None);
    batch::evaluate(Engine::Scalar, shared, &cols, &mut out);
    let row = |r: usize| OutputsT::from_fn(|o| out.out.get(o)[r]);
    Some(Joint { params, low: row(0), high: row(1) })
}

/// Margin over a grid of price per accelerator-hour × availability.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub prices: Vec<f64>,
    pub availabilities: Vec<f64>,
    /// `margin[a * prices.len() + p]`, and the NPV likewise.
    pub margin: Vec<f64>,
    pub npv: Vec<f64>,
    /// For each availability, the price at which the margin is zero (None
    /// when the grid does not cross zero on that row).
    pub break_even: Vec<Option<f64>>,
    pub base_price: f64,
    pub base_availability: f64,
}

/// The lowest availability of the price × availability grid.
pub const GRID_AVAILABILITY_MIN: f64 = 0.5;

/// Evaluates the margin over `n_price × n_avail` points (each up to 256)
/// with the SIMD engine. Price is set by scaling the contract values (the
/// price is proportional to them); availability ranges over its allowed values.
pub fn price_availability(s: &Scenario, n_price: usize, n_avail: usize) -> Grid {
    let (n_price, n_avail) = (n_price.clamp(2, 256), n_avail.clamp(2, 256));
    let x = s.inputs;
    let o = evaluate(&x);
    let base_price = o.out.price_usd_per_accelerator_hour;
    // Cost per hour scales about as 1 / availability; keep both ends of the
    // break-even line (availability 0.5 to 1) and the scenario in view.
    let cost_full = o.out.cost_usd_per_accelerator_hour * x.availability;
    let (a_min, a_max) = (GRID_AVAILABILITY_MIN, P::availability.param().max);
    let lo = 0.5 * base_price.min(cost_full);
    let hi = 1.25 * base_price.max(cost_full / a_min);
    let prices: Vec<f64> = (0..n_price).map(|i| lo + (hi - lo) * i as f64 / (n_price - 1) as f64).collect();
    let availabilities: Vec<f64> = (0..n_avail).map(|i| a_min + (a_max - a_min) * i as f64 / (n_avail - 1) as f64).collect();
    // The accelerators' part of the value scales with the price; the CPU
    // side's stays as it is.
    let cpu_value = if x.vcpus > 0.0 { x.value_usd * x.cpu_value_fraction } else { 0.0 };
    let mut cols = Columns::new(vec![P::value_usd, P::cpu_value_fraction, P::expansion_value_usd, P::availability], n_price * n_avail);
    for (a, avail) in availabilities.iter().enumerate() {
        for (p, price) in prices.iter().enumerate() {
            let i = a * n_price + p;
            let scale = price / base_price;
            let value = (x.value_usd - cpu_value) * scale + cpu_value;
            cols.data[0][i] = value;
            cols.data[1][i] = if value > 0.0 { cpu_value / value } else { x.cpu_value_fraction };
            cols.data[2][i] = x.expansion_value_usd * scale;
            cols.data[3][i] = *avail;
        }
    }
    let mut out = Batch::new(cols.len, None);
    batch::evaluate(Engine::Simd, &Shared::for_inputs(&x), &cols, &mut out);
    let margin = out.out.margin;
    let npv = out.out.npv_usd;
    let break_even = (0..n_avail)
        .map(|a| {
            let row = &margin[a * n_price..(a + 1) * n_price];
            // The margin, 1 − cost / price, is linear in 1 / price (the cost
            // does not depend on the price): interpolate there.
            row.windows(2).enumerate().find(|(_, w)| (w[0] < 0.0) != (w[1] < 0.0)).map(|(p, w)| {
                let f = w[0] / (w[0] - w[1]);
                1.0 / (1.0 / prices[p] + f * (1.0 / prices[p + 1] - 1.0 / prices[p]))
            })
        })
        .collect();
    Grid { prices, availabilities, margin, npv, break_even, base_price, base_availability: x.availability }
}

#[cfg(test)]
mod tests {
    use super::*;
    use computedeal_core::codec::decode_query;

    #[test]
    fn the_tornado_swings_each_input_between_its_p10_and_p90() {
        let s = decode_query("uncertainty=off&pue=1.1~1.3&accelerators=150000~250000").scenario;
        let t = tornado(&s);
        assert_eq!(t.swings.len(), 2);
        let npv = Output::npv_usd;
        let pue = &t.swings[0];
        assert_eq!(pue.param, P::accelerators);
        // Uniform 150k–250k: P10 160k, P90 240k.
        assert_eq!((pue.low_value, pue.high_value), (160_000.0, 240_000.0));
        let pue_swing = &t.swings[1];
        assert!((pue_swing.low_value - 1.12).abs() < 1e-12 && (pue_swing.high_value - 1.28).abs() < 1e-12);
        // A higher PUE costs energy: NPV falls.
        assert!(pue_swing.high.get(npv) < t.base.get(npv) && t.base.get(npv) < pue_swing.low.get(npv));
        // The accelerator count moves the NPV more than the PUE does.
        assert_eq!(t.ranked(npv)[0].param, P::accelerators);
        // The base is the point estimate.
        assert_eq!(t.base.npv_usd, evaluate(&s.inputs).out.npv_usd);
    }

    /// The market's inputs together (issue 28.2): each at the end of its own
    /// swing with the lower NPV, then the higher, the rest at their point
    /// values; the row is the model's at exactly those inputs, and, the
    /// channels all moving the NPV one way, it reaches at least as far as
    /// any one of them does alone. With fewer than two uncertain market
    /// inputs there is no row.
    #[test]
    fn the_market_inputs_swing_together() {
        let npv = Output::npv_usd;
        for query in ["", "preset=coreweave-openai-2025", "preset=oracle-openai-2025", "shortfall_share=0~0.3"] {
            let s = decode_query(query).scenario;
            let t = tornado(&s);
            let j = t.market.as_ref().expect("the default deal's market is uncertain");
            let market: Vec<P> = s.dists.iter().map(|(p, _)| *p).filter(|p| p.param().group == Group::Market).collect();
            assert_eq!(j.params, market, "{query}");
            assert!(j.params.contains(&P::market_decline) && j.params.contains(&P::market_usd_per_accelerator_hour));
            let mut worse = s.inputs;
            let mut better = s.inputs;
            for sw in t.swings.iter().filter(|sw| market.contains(&sw.param)) {
                let low_first = sw.low.get(npv) <= sw.high.get(npv);
                worse.set(sw.param, if low_first { sw.low_value } else { sw.high_value });
                better.set(sw.param, if low_first { sw.high_value } else { sw.low_value });
                let (a, b) = (*sw.low.get(npv), *sw.high.get(npv));
                assert!(*j.low.get(npv) <= a.min(b) + 1e-6 * a.abs().max(1.0), "{query}: {:?}", sw.param);
                assert!(*j.high.get(npv) >= a.max(b) - 1e-6 * a.abs().max(1.0), "{query}: {:?}", sw.param);
            }
            assert_eq!(*j.low.get(npv), evaluate(&worse).out.npv_usd, "{query}");
            assert_eq!(*j.high.get(npv), evaluate(&better).out.npv_usd, "{query}");
        }
        let one = decode_query("uncertainty=off&market_decline=0.1~0.3").scenario;
        assert!(tornado(&one).market.is_none());
    }

    #[test]
    fn the_break_even_price_is_the_cost_at_each_availability() {
        let s = decode_query("").scenario;
        let g = price_availability(&s, 64, 11);
        for (a, be) in g.availabilities.iter().zip(&g.break_even) {
            // Margin = 1 − cost / price is zero where the price is the
            // levelized cost at that availability.
            let mut x = s.inputs;
            x.availability = *a;
            let want = evaluate(&x).out.cost_usd_per_accelerator_hour;
            let got = be.unwrap_or(f64::NAN);
            assert!((got - want).abs() < 1e-6 * want, "availability {a}: {got} vs {want}");
        }
        assert!(g.prices.first().is_some_and(|p| *p < g.base_price) && g.prices.last().is_some_and(|p| *p > g.base_price));
    }
}
