//! The headline cards, the plain-language reading and the Monte Carlo status.

use std::rc::Rc;

use yew::prelude::*;

use super::runner::McUpdate;
use super::state::State;
use crate::batch::headline_index;
use crate::format::value;
use crate::outputs::{self, Unit};

/// The cards, in order: an outcome key and its card label.
pub const CARDS: [(&str, &str); 12] = [
    ("price_usd_per_accelerator_hour", "Price per accelerator-hour"),
    ("cost_usd_per_accelerator_hour", "Cost per accelerator-hour"),
    ("margin", "Margin"),
    ("npv_usd", "NPV"),
    ("irr", "IRR"),
    ("payback_years", "Payback"),
    ("it_mw_peak", "Peak IT power"),
    ("facility_mw_peak", "Peak facility power"),
    ("energy_gwh_per_year", "Energy per year"),
    ("co2_kt_per_year", "CO₂ per year"),
    ("capex_usd", "Capex"),
    ("usd_per_million_tokens", "Cost per million tokens"),
];

#[derive(Properties, PartialEq)]
pub struct CardsProps {
    pub state: Rc<State>,
    pub mc: Option<McUpdate>,
}

#[function_component(Cards)]
pub fn cards(props: &CardsProps) -> Html {
    let o = &props.state.outcome;
    let x = &props.state.scenario.inputs;
    let summary = props.mc.as_ref().and_then(|u| u.summary.clone());
    let uncertain = props.state.scenario.is_uncertain();
    html! {
        <section class="cards" aria-label="Headline results">
            { for CARDS.iter().map(|(key, label)| {
                let def = outputs::by_key(key);
                let unit = def.map(|d| d.unit).unwrap_or(Unit::Usd);
                let v = def.and_then(|d| (d.get)(o));
                let dist = summary.as_ref().zip(headline_index(key)).and_then(|(s, k)| s.outputs.get(k));
                let range = dist.and_then(|out| Some((out.p(5)?, out.p(95)?)));
                let p = |k: usize| dist.and_then(|out| out.p(k)).map(|v| v.to_string());
                let note = match *key {
                    "npv_usd" => Some(format!("at a {} cost of capital", value(x.wacc, Unit::Fraction))),
                    "price_usd_per_accelerator_hour" => Some("the contract's implied price".to_string()),
                    "cost_usd_per_accelerator_hour" => Some("capital, energy and opex, levelized".to_string()),
                    "it_mw_peak" if x.vcpus > 0.0 => Some(format!("accelerators; {} with the CPUs", value(o.total_it_mw_peak, Unit::Mw))),
                    "usd_per_million_tokens" => Some(format!("{} at {} MFU", x.precision_id().to_uppercase(), value(x.mfu, Unit::Fraction))),
                    _ => None,
                };
                let why = o.notes.get(*key).cloned();
                html! {
                    <div class="card" data-kpi={*key} data-value={v.map(|v| v.to_string())} data-p5={p(5)} data-p50={p(50)} data-p95={p(95)}>
                        <div class="card-label">{ *label }</div>
                        <div class="card-value">{ v.map(|v| value(v, unit)).unwrap_or_else(|| "none".to_string()) }</div>
                        if let Some((lo, hi)) = range.filter(|_| uncertain) {
                            <div class="card-range" title="5th to 95th percentile over the Monte Carlo">{ format!("P5–P95: {} to {}", value(lo, unit), value(hi, unit)) }</div>
                        }
                        if let Some(why) = why { <div class="card-note">{ why }</div> }
                        else if let Some(note) = note { <div class="card-note">{ note }</div> }
                    </div>
                }
            }) }
            <div class="card loss" data-kpi="p_loss" data-value={summary.as_ref().filter(|_| props.mc.as_ref().is_some_and(|u| u.finished)).map(|s| s.p_loss.to_string())}>
                <div class="card-label">{ "Chance of a loss" }</div>
                <div class="card-value">{
                    match (&summary, uncertain) {
                        (_, false) => "no uncertainty".to_string(),
                        (Some(s), true) => value(s.p_loss, Unit::Fraction),
                        (None, true) => "…".to_string(),
                    }
                }</div>
                <div class="card-note">{ "share of scenarios with a negative NPV" }</div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReadingProps {
    pub state: Rc<State>,
    pub mc: Option<McUpdate>,
}

#[function_component(Reading)]
pub fn reading(props: &ReadingProps) -> Html {
    let p_loss = props.mc.as_ref().filter(|u| u.finished && props.state.scenario.is_uncertain()).and_then(|u| u.summary.as_ref()).map(|s| s.p_loss);
    let text = crate::reading::reading(&props.state.scenario, &props.state.outcome, p_loss);
    html! { <p class="reading" id="reading">{ text }</p> }
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub mc: Option<McUpdate>,
    pub uncertain: usize,
}

#[function_component(McStatus)]
pub fn mc_status(props: &StatusProps) -> Html {
    if props.uncertain == 0 {
        return html! { <p class="mc-status muted">{ "No input is uncertain: make one uncertain to see ranges." }</p> };
    }
    let Some(u) = &props.mc else { return html! { <p class="mc-status muted">{ "Monte Carlo: starting…" }</p> } };
    let text = if u.finished {
        format!("Monte Carlo: {} scenarios over {} uncertain inputs, done in {} s.", crate::format::fixed(u.done as f64, 0), props.uncertain, crate::format::fixed(u.seconds, 2))
    } else {
        format!("Monte Carlo: {} of {} scenarios…", crate::format::fixed(u.done as f64, 0), crate::format::fixed(u.total as f64, 0))
    };
    html! {
        <div class="mc-status" aria-live="polite">
            <progress max={u.total.to_string()} value={u.done.to_string()} aria-label="Monte Carlo progress"></progress>
            <span>{ text }</span>
        </div>
    }
}
