//! The headline cards (with deltas against a pinned scenario A), the
//! plain-language reading and the Monte Carlo status.

use std::rc::Rc;

use yew::prelude::*;

use super::runner::McUpdate;
use super::state::State;
use crate::batch::headline_index;
use crate::format::Fmt;
use crate::i18n::{fill, messages, Lang, Messages};
use crate::outputs::{self, Unit};

/// The cards, in order: an outcome key and its card label.
pub const CARDS: [(&str, fn(&Messages) -> &'static str); 12] = [
    ("price_usd_per_accelerator_hour", |m| m.card_price),
    ("cost_usd_per_accelerator_hour", |m| m.card_cost),
    ("margin", |m| m.card_margin),
    ("npv_usd", |m| m.card_npv),
    ("irr", |m| m.card_irr),
    ("payback_years", |m| m.card_payback),
    ("it_mw_peak", |m| m.card_it_mw),
    ("facility_mw_peak", |m| m.card_facility_mw),
    ("energy_gwh_per_year", |m| m.card_energy),
    ("co2_kt_per_year", |m| m.card_co2),
    ("capex_usd", |m| m.card_capex),
    ("usd_per_million_tokens", |m| m.card_tokens),
];

/// A card's label by outcome key (the cards' and `p_loss`).
pub fn card_label(m: &Messages, key: &str) -> &'static str {
    if key == "p_loss" {
        return m.card_p_loss;
    }
    CARDS.iter().find(|(k, _)| *k == key).map(|(_, l)| l(m)).unwrap_or_else(|| outputs::by_key(key).map(|d| d.label).unwrap_or(""))
}

/// B − A with its sign: "+$0.12", "−1.2 pp".
pub fn delta_text(fmt: &Fmt, d: f64, unit: Unit) -> String {
    let m = messages(fmt.lang);
    let body = if unit == Unit::Fraction { format!("{}{}", fmt.number(d.abs() * 100.0, 1), m.pp) } else { fmt.value(d.abs(), unit) };
    let zero = !body.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if zero { "±" } else if d < 0.0 { "−" } else { "+" };
    // A word joiner keeps the sign on the number's line.
    format!("{sign}\u{2060}{body}")
}

#[derive(Properties, PartialEq)]
pub struct CardsProps {
    pub state: Rc<State>,
    pub mc: Option<McUpdate>,
    /// Only these cards (the embed's), in this order; all when empty.
    #[prop_or_default]
    pub only: Vec<&'static str>,
}

#[function_component(Cards)]
pub fn cards(props: &CardsProps) -> Html {
    let state = &props.state;
    let fmt = state.fmt();
    let m = messages(state.lang);
    let o = &state.outcome;
    let x = &state.scenario.inputs;
    let summary = props.mc.as_ref().and_then(|u| u.summary.clone());
    let uncertain = state.scenario.is_uncertain();
    let shown: Vec<&'static str> = if props.only.is_empty() { CARDS.iter().map(|c| c.0).chain(["p_loss"]).collect() } else { props.only.clone() };
    let card = |key: &'static str| -> Html {
        if key == "p_loss" {
            let finished = props.mc.as_ref().is_some_and(|u| u.finished);
            return html! {
                <div class="card loss" data-kpi="p_loss" data-value={summary.as_ref().filter(|_| finished).map(|s| s.p_loss.to_string())}>
                    <div class="card-label">{ m.card_p_loss }</div>
                    <div class="card-value">{
                        match (&summary, uncertain) {
                            (_, false) => m.no_uncertainty.to_string(),
                            (Some(s), true) => fmt.value(s.p_loss, Unit::Fraction),
                            (None, true) => "…".to_string(),
                        }
                    }</div>
                    <div class="card-note">{ m.note_p_loss }</div>
                </div>
            };
        }
        let def = outputs::by_key(key);
        let unit = def.map(|d| d.unit).unwrap_or(Unit::Usd);
        let v = def.and_then(|d| (d.get)(o));
        let a = state.pinned.as_ref().and_then(|a| def.and_then(|d| (d.get)(a)));
        let dist = summary.as_ref().zip(headline_index(key)).and_then(|(s, k)| s.outputs.get(k));
        let range = dist.and_then(|out| Some((out.p(5)?, out.p(95)?)));
        let p = |k: usize| dist.and_then(|out| out.p(k)).map(|v| v.to_string());
        let note = match key {
            "npv_usd" => Some(fill(m.note_npv, &[("wacc", &fmt.value(x.wacc, Unit::Fraction))])),
            "price_usd_per_accelerator_hour" => Some(m.note_price.to_string()),
            "cost_usd_per_accelerator_hour" => Some(m.note_cost.to_string()),
            "it_mw_peak" if x.vcpus > 0.0 => Some(fill(m.note_it_mw, &[("mw", &fmt.value(o.total_it_mw_peak, Unit::Mw))])),
            "usd_per_million_tokens" => {
                Some(fill(m.note_tokens, &[("precision", &x.precision_id().to_uppercase()), ("mfu", &fmt.value(x.mfu, Unit::Fraction))]))
            }
            _ => None,
        };
        let why = match (key, state.lang) {
            (_, Lang::En) => o.notes.get(key).cloned(),
            ("irr", _) => o.notes.get(key).map(|_| m.why_irr.to_string()),
            ("payback_years", _) => o.notes.get(key).map(|_| m.why_payback.to_string()),
            _ => None,
        };
        let delta = v.zip(a).map(|(b, a)| b - a);
        html! {
            <div class="card" data-kpi={key} data-value={v.map(|v| v.to_string())} data-p5={p(5)} data-p50={p(50)} data-p95={p(95)}
                data-a={a.map(|a| a.to_string())} data-delta={delta.map(|d| d.to_string())}>
                <div class="card-label">{ card_label(m, key) }</div>
                <div class="card-value">{ v.map(|v| fmt.value(v, unit)).unwrap_or_else(|| m.none.to_string()) }</div>
                if let Some((lo, hi)) = range.filter(|_| uncertain) {
                    <div class="card-range" title={m.range_title}>{ fill(m.range, &[("lo", &fmt.value(lo, unit)), ("hi", &fmt.value(hi, unit))]) }</div>
                }
                if state.pinned.is_some() {
                    <div class={classes!("card-delta", delta.map(|d| if d > 0.0 { "up" } else if d < 0.0 { "down" } else { "same" }))}>{
                        match (delta, a) {
                            (Some(d), _) => fill(m.versus_a, &[("delta", &delta_text(&fmt, d, unit))]),
                            (None, Some(a)) => format!("{}: {}", m.scenario_a, fmt.value(a, unit)),
                            (None, None) => format!("{}: {}", m.scenario_a, m.none),
                        }
                    }</div>
                }
                if let Some(why) = why { <div class="card-note">{ why }</div> }
                else if let Some(note) = note { <div class="card-note">{ note }</div> }
            </div>
        }
    };
    html! {
        <section class="cards" aria-label={m.headline_results}>
            { for shown.into_iter().map(card) }
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
    let text = crate::reading::reading(&props.state.scenario, &props.state.outcome, p_loss, &props.state.fmt());
    html! { <p class="reading" id="reading">{ text }</p> }
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub mc: Option<McUpdate>,
    pub uncertain: usize,
    pub fmt: Fmt,
}

#[function_component(McStatus)]
pub fn mc_status(props: &StatusProps) -> Html {
    let fmt = &props.fmt;
    let m = messages(fmt.lang);
    if props.uncertain == 0 {
        return html! { <p class="mc-status muted">{ m.mc_none }</p> };
    }
    let Some(u) = &props.mc else { return html! { <p class="mc-status muted">{ m.mc_starting }</p> } };
    let text = if u.finished {
        fill(m.mc_done, &[("n", &fmt.number(u.done as f64, 0)), ("k", &props.uncertain.to_string()), ("s", &fmt.number(u.seconds, 2))])
    } else {
        fill(m.mc_running, &[("done", &fmt.number(u.done as f64, 0)), ("total", &fmt.number(u.total as f64, 0))])
    };
    html! {
        <div class="mc-status" aria-live="polite">
            <progress max={u.total.to_string()} value={u.done.to_string()} aria-label={m.mc_progress}></progress>
            <span>{ text }</span>
        </div>
    }
}
