//! What the page shows that follows from the state, worked out once per
//! change and memoized (`use_memo`): the outcome of the scenario and of the
//! pinned scenario A, the tornado, the price × availability grid, the deals
//! chart and the notices on screen. Nothing here is stored in the state.

use std::rc::Rc;

use yew::prelude::*;

use computedeal_core::model::{evaluate, Outcome};
use computedeal_core::notice::Notice;
use computedeal_core::presets::PRESETS;
use computedeal_core::scenario::scenario_notices;
use computedeal_engine::sensitivity::{self, Grid, Tornado};
use computedeal_present::charts::presets::{deal_points, DealPoint};
use computedeal_present::charts::{GRID_AVAILABILITIES, GRID_PRICES};

use crate::state::State;

/// Everything the page derives from the state for one render.
#[derive(Clone, PartialEq)]
pub struct Derived {
    pub outcome: Rc<Outcome>,
    /// Scenario A's outcome, when one is pinned.
    pub pinned: Option<Rc<Outcome>>,
    pub tornado: Rc<Tornado>,
    pub grid: Rc<Grid>,
    pub deals: Rc<Vec<DealPoint>>,
    /// The rental-market snapshot, read once.
    pub snapshot: Rc<computedeal_core::market::Snapshot>,
    /// The buyer's portfolio, the scenario's deal in it (worked out per preset).
    pub portfolio: Rc<computedeal_present::charts::portfolio::PortfolioView>,
    /// The scenario built as it is and built in India.
    pub india: Rc<computedeal_core::india::Comparison>,
    /// The notices on screen: the link's or the import's rejections and
    /// repairs, and the scenario's own checks, unless dismissed.
    pub notices: Rc<Vec<Notice>>,
}

#[hook]
pub fn use_derived(state: &State) -> Derived {
    let outcome = use_memo(state.scenario.inputs, |x| Rc::new(evaluate(x)));
    let pinned = use_memo(state.view.compare.as_ref().map(|a| a.inputs), |a| a.as_ref().map(|x| Rc::new(evaluate(x))));
    // The tornado and the heatmap's grid sit below the first screen: a
    // change works them out in the task after the one that draws what the
    // reader sees (as charts below the fold are drawn).
    let tornado = use_deferred(state.scenario.clone(), sensitivity::tornado);
    let grid = use_deferred(state.scenario.clone(), |s| sensitivity::price_availability(s, GRID_PRICES, GRID_AVAILABILITIES));
    // The presets never change: they are evaluated once.
    let preset_outcomes = use_memo((), |_| PRESETS.iter().map(|p| (p.id, evaluate(&p.inputs()))).collect::<Vec<_>>());
    let deals = use_memo((state.scenario.clone(), state.lang, outcome.clone()), |(s, lang, o)| Rc::new(deal_points(*lang, s, o, &preset_outcomes)));
    let snapshot = use_memo((), |_| Rc::new(computedeal_core::market::snapshot().unwrap_or_default()));
    let portfolio = use_memo((state.scenario.preset.id, state.view.portfolio.clone()), |(_, c)| {
        Rc::new(computedeal_present::charts::portfolio::PortfolioView::for_scenario(&state.scenario, c))
    });
    let india = use_memo(state.scenario.inputs, |x| Rc::new(computedeal_core::india::compare(x)));
    let notices = use_memo((state.notices.clone(), state.dismissed, state.scenario.clone()), |(notices, dismissed, s)| {
        if *dismissed {
            return Rc::new(Vec::new());
        }
        // Every rejection and every repair of the link or the import, then the
        // scenario's own checks, as they stand now.
        let mut shown: Vec<Notice> = notices.to_vec();
        shown.extend(scenario_notices(s));
        Rc::new(shown)
    });
    Derived {
        outcome: (*outcome).clone(),
        pinned: (*pinned).clone(),
        tornado,
        grid,
        deals: (*deals).clone(),
        snapshot: (*snapshot).clone(),
        portfolio: (*portfolio).clone(),
        india: (*india).clone(),
        notices: (*notices).clone(),
    }
}

/// A value derived from `deps` for what the first screen does not show:
/// worked out at once when the page mounts, then, after a change, in a task
/// of its own just after the one that updates the cards and the charts on
/// screen, so an input change does not wait for it. Quick changes replace
/// the pending work (only the last is done).
#[hook]
fn use_deferred<D, T>(deps: D, f: fn(&D) -> T) -> Rc<T>
where
    D: PartialEq + Clone + 'static,
    T: 'static,
{
    let value = {
        let deps = deps.clone();
        use_state(move || Rc::new(f(&deps)))
    };
    // The deps the value on screen was worked out for.
    let done_for = {
        let deps = deps.clone();
        use_mut_ref(move || deps)
    };
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let value = value.clone();
        use_effect_with(deps, move |d| {
            if *done_for.borrow() != *d {
                let d = d.clone();
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, move || {
                    value.set(Rc::new(f(&d)));
                    *done_for.borrow_mut() = d;
                }));
            } else {
                // Back to what is on screen before the work ran: nothing to do.
                *pending.borrow_mut() = None;
            }
        });
    }
    (*value).clone()
}
