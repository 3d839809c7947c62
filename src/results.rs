//! The headline cards (with deltas against a pinned scenario A), the
//! plain-language reading and the Monte Carlo status.

use std::rc::Rc;

use yew::prelude::*;

use computedeal_core::model::Outcome;
use computedeal_core::outputs::{Output, Unit};
use computedeal_present::format::Fmt;
use computedeal_present::i18n::{fill, fill_parts, messages, output_label, Lang, Part};
use computedeal_present::notices::undefined_text;
use computedeal_present::view::Figure;

use crate::runner::McUpdate;
use crate::state::State;
use computedeal_engine::mc::Summary;

/// The cards, in page order.
pub const CARDS: [Figure; 13] = [
    Figure::Output(Output::price_usd_per_accelerator_hour),
    Figure::Output(Output::cost_usd_per_accelerator_hour),
    Figure::Output(Output::margin),
    Figure::Output(Output::npv_usd),
    Figure::Output(Output::irr),
    Figure::Output(Output::payback_years),
    Figure::Output(Output::it_mw_peak),
    Figure::Output(Output::facility_mw_peak),
    Figure::Output(Output::energy_gwh_per_year),
    Figure::Output(Output::co2_kt_per_year),
    Figure::Output(Output::capex_usd),
    Figure::Output(Output::usd_per_million_tokens),
    Figure::PLoss,
];

/// The lead figures, shown large under the headline; the other cards follow
/// the first chart.
pub const LEAD: [Figure; 4] = [
    Figure::Output(Output::npv_usd),
    Figure::Output(Output::price_usd_per_accelerator_hour),
    Figure::Output(Output::cost_usd_per_accelerator_hour),
    Figure::PLoss,
];

/// The cards after the lead figures, in page order.
pub fn rest_of_cards() -> Vec<Figure> {
    CARDS.iter().copied().filter(|f| !LEAD.contains(f)).collect()
}

/// A card's label.
/// A card's label: price and cost name the chip's hour ("per GPU-hour").
pub fn card_label(lang: Lang, f: Figure, gpu: bool) -> String {
    let m = messages(lang);
    let unit = m.hour(gpu);
    match f {
        Figure::Output(Output::price_usd_per_accelerator_hour) => fill(m.card_price_per, &[("unit", unit)]),
        Figure::Output(Output::cost_usd_per_accelerator_hour) => fill(m.card_cost_per, &[("unit", unit)]),
        Figure::Output(o) => output_label(lang, o).to_string(),
        Figure::PLoss => m.card_p_loss.to_string(),
    }
}

/// B − A with its sign, in the scale of the card it sits under (`like`, B's
/// value): "+$0.12B", "−1.2 pp", "+0.012 Mt/yr".
pub fn delta_text(fmt: &Fmt, d: f64, unit: Unit, like: f64) -> String {
    let m = messages(fmt.lang);
    let body = if unit == Unit::Fraction { format!("{}{}", fmt.number(d.abs() * 100.0, 1), m.pp) } else { fmt.difference(d, unit, like) };
    let zero = !body.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if zero {
        "±"
    } else if d < 0.0 {
        "−"
    } else {
        "+"
    };
    // A word joiner keeps the sign on the number's line.
    format!("{sign}\u{2060}{body}")
}

#[derive(Properties, PartialEq)]
pub struct CardsProps {
    pub state: Rc<State>,
    pub outcome: Rc<Outcome>,
    /// Scenario A's outcome, when one is pinned.
    pub pinned: Option<Rc<Outcome>>,
    /// Scenario A's Monte Carlo summary, once known (`use_pinned_summary`).
    #[prop_or_default]
    pub pinned_summary: Option<Rc<Summary>>,
    pub mc: Option<McUpdate>,
    /// Only these cards (the embed's), in this order; all when empty.
    #[prop_or_default]
    pub only: Vec<Figure>,
    /// Extra class of the section (`lead` for the lead figures).
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(Cards)]
pub fn cards(props: &CardsProps) -> Html {
    let state = &props.state;
    let fmt = state.fmt();
    let lang = state.lang;
    let m = messages(lang);
    let o = &props.outcome;
    let x = &state.scenario.inputs;
    let uncertain = state.scenario.is_uncertain();
    // This scenario's summary only; the previous one's gives a placeholder its width.
    let (summary, previous) = ranges(props.mc.as_ref(), uncertain);
    let shown: Vec<Figure> = if props.only.is_empty() { CARDS.to_vec() } else { props.only.clone() };
    let card = |f: Figure| -> Html {
        let output = match f {
            Figure::Output(output) => output,
            Figure::PLoss => {
                let finished = props.mc.as_ref().is_some_and(|u| u.finished);
                let b = summary.as_ref().filter(|_| finished && uncertain).map(|s| s.p_loss);
                let a = props.pinned_summary.as_ref().map(|s| s.p_loss);
                let delta = b.zip(a).map(|(b, a)| b - a);
                // Its Monte Carlo standard error, in the figure's tooltip (the glossary says so).
                let se = summary.as_ref().and_then(|s| s.p_loss_se).map(|se| fill(m.p_loss_se, &[("se", &format!("{}{}", fmt.number(se * 100.0, 2), m.pp))]));
                return html! {
                    <div class="card loss" data-kpi="p_loss" data-value={summary.as_ref().filter(|_| finished).map(|s| s.p_loss.to_string())}
                        data-a={a.map(|a| a.to_string())} data-delta={delta.map(|d| d.to_string())}>
                        <div class="card-label">{ m.card_p_loss }</div>
                        <div class="card-value" title={se.map(|se| format!("{}{se}", m.card_p_loss))}>{
                            match (&summary, uncertain) {
                                (_, false) => html! { m.no_uncertainty },
                                (Some(s), true) => html! { fmt.value(s.p_loss, Unit::Fraction) },
                                (None, true) => {
                                    let shape = previous.as_ref().map(|s| fmt.value(s.p_loss, Unit::Fraction)).unwrap_or_else(|| fmt.value(0.0, Unit::Fraction));
                                    html! { <><span class="skeleton" aria-hidden="true" data-shape={shape}></span><span class="sr-only">{ m.h_range_running }</span></> }
                                }
                            }
                        }</div>
                        if props.pinned.is_some() {
                            <div class={classes!("card-delta", delta.map(|d| if d > 0.0 { "up" } else if d < 0.0 { "down" } else { "same" }))}>{
                                match (delta, a) {
                                    (Some(d), _) => fill(m.versus_a, &[("delta", &delta_text(&fmt, d, Unit::Fraction, b.unwrap_or(d)))]),
                                    (None, Some(a)) => format!("{}: {}", m.scenario_a, fmt.value(a, Unit::Fraction)),
                                    (None, None) if state.view.compare.as_ref().is_some_and(|a| !a.is_uncertain()) => format!("{}: {}", m.scenario_a, m.no_uncertainty),
                                    (None, None) => format!("{}: …", m.scenario_a),
                                }
                            }</div>
                        }
                        <div class="card-note">{ m.note_p_loss }</div>
                    </div>
                };
            }
        };
        let key = output.key();
        let unit = output.unit();
        let v = o.get(output);
        let a = props.pinned.as_ref().and_then(|a| a.get(output));
        let dist = summary.as_ref().and_then(|s| s.get(output));
        let range = dist.and_then(|out| Some((out.p(5)?, out.p(95)?)));
        let p = |k: usize| dist.and_then(|out| out.p(k)).map(|v| v.to_string());
        let range_title = match dist.and_then(|d| Some((d.se.p5?, d.se.p95?))) {
            Some((a, b)) => format!("{}{}", m.range_title, fill(m.range_se, &[("p5", &fmt.value(a, unit)), ("p95", &fmt.value(b, unit))])),
            None => m.range_title.to_string(),
        };
        let note = match output {
            Output::npv_usd => Some(fill(m.note_npv, &[("wacc", &fmt.value(x.wacc, Unit::Fraction))])),
            Output::price_usd_per_accelerator_hour => Some(m.note_price.to_string()),
            Output::cost_usd_per_accelerator_hour => Some(m.note_cost.to_string()),
            Output::it_mw_peak if x.vcpus > 0.0 => Some(fill(m.note_it_mw, &[("mw", &fmt.value(o.out.total_it_mw_peak, Unit::Mw))])),
            // The deployment chart draws the facility with the CPUs: the card says both.
            Output::facility_mw_peak if x.vcpus > 0.0 => Some(fill(m.note_it_mw, &[("mw", &fmt.value(o.out.total_facility_mw_peak, Unit::Mw))])),
            Output::usd_per_million_tokens => {
                Some(fill(m.note_tokens, &[("precision", &x.precision_id().to_ascii_uppercase()), ("mfu", &fmt.value(x.mfu, Unit::Fraction))]))
            }
            _ => None,
        };
        // Its place kept while the range is worked out: the previous range's width, else the point value's.
        let pending = v.filter(|_| uncertain && range.is_none()).map(|v| {
            let (lo, hi) = previous.as_ref().and_then(|s| s.get(output)).and_then(|d| Some((d.p(5)?, d.p(95)?))).unwrap_or((v, v));
            fill_parts(m.range, &[("lo", &fmt.value(lo, unit)), ("hi", &fmt.value(hi, unit))])
        });
        let why = o.notes.get(&output).map(|u| undefined_text(lang, *u));
        let delta = v.zip(a).map(|(b, a)| b - a);
        html! {
            <div class="card" data-kpi={key} data-value={v.map(|v| v.to_string())} data-p5={p(5)} data-p50={p(50)} data-p95={p(95)}
                data-a={a.map(|a| a.to_string())} data-delta={delta.map(|d| d.to_string())}>
                <div class="card-label">{ card_label(lang, f, x.accelerator_is_gpu()) }</div>
                <div class="card-value">{ v.map(|v| fmt.value(v, unit)).unwrap_or_else(|| m.none.to_string()) }</div>
                if let Some((lo, hi)) = range.filter(|_| uncertain) {
                    <div class="card-range" title={range_title.clone()}>{ fill(m.range, &[("lo", &fmt.value(lo, unit)), ("hi", &fmt.value(hi, unit))]) }</div>
                } else if let Some(parts) = &pending {
                    <div class="card-range">{ placeholder(parts) }</div>
                }
                if props.pinned.is_some() {
                    <div class={classes!("card-delta", delta.map(|d| if d > 0.0 { "up" } else if d < 0.0 { "down" } else { "same" }))}>{
                        match (delta, a) {
                            (Some(d), _) => fill(m.versus_a, &[("delta", &delta_text(&fmt, d, unit, v.unwrap_or(d)))]),
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
        <section class={classes!("cards", props.class.clone())} aria-label={m.headline_results}>
            { for shown.into_iter().map(card) }
        </section>
    }
}

/// The answer in one sentence (`reading::headline`, which the page's title
/// follows), then the Monte Carlo's range (`reading::headline_range`).
#[function_component(Headline)]
pub fn headline(props: &ReadingProps) -> Html {
    let s = &props.state.scenario;
    let range_of = |sm: &Summary| {
        let npv = sm.get(Output::npv_usd)?;
        Some(computedeal_present::reading::Range { npv_p5: npv.p(5)?, npv_p95: npv.p(95)?, p_loss: sm.p_loss })
    };
    // This scenario's range (its run's first chunks', then the whole run's);
    // never the previous scenario's beside a new point value (issue 29.2).
    let (current, previous) = ranges(props.mc.as_ref(), s.is_uncertain());
    let range = current.as_deref().and_then(range_of);
    let fmt = props.state.fmt();
    let title = computedeal_present::reading::headline(s, &props.outcome, &fmt);
    use_effect_with(title.clone(), |title| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("{title} · computedeal"));
        }
    });
    let body = match (range, s.is_uncertain()) {
        (Some(r), _) => html! { { computedeal_present::reading::headline_range(Some(r), false, &fmt) } },
        // While it is worked out, the sentence with a placeholder the width
        // of each figure (the previous range's, else the point value's), so
        // that nothing moves when the figures arrive (issue 29.3).
        (None, true) => {
            let npv = props.outcome.out.npv_usd;
            let shape = previous.as_deref().and_then(range_of).unwrap_or(computedeal_present::reading::Range { npv_p5: npv, npv_p95: npv, p_loss: 0.0 });
            let m = messages(fmt.lang);
            let parts =
                fill_parts(m.h_range, &[("lo", &fmt.money(shape.npv_p5)), ("hi", &fmt.money(shape.npv_p95)), ("p", &fmt.value(shape.p_loss, Unit::Fraction))]);
            html! { <>{ placeholder(&parts) }<span class="sr-only">{ m.h_range_running }</span></> }
        }
        (None, false) => html! {},
    };
    html! { <h1 class="answer" id="answer">{ title }<span class="answer-range" aria-busy={(range.is_none() && s.is_uncertain()).to_string()}>{ body }</span></h1> }
}

/// The Monte Carlo summary of the scenario on screen, if any yet, and the
/// previous scenario's while a run for a changed one starts (its figures
/// give the placeholders their widths). Neither when nothing is uncertain.
fn ranges(mc: Option<&McUpdate>, uncertain: bool) -> (Option<Rc<Summary>>, Option<Rc<Summary>>) {
    match mc.filter(|_| uncertain) {
        Some(u) if u.stale => (None, u.summary.clone()),
        Some(u) => (u.summary.clone(), None),
        None => (None, None),
    }
}

/// A filled sentence whose figures are not known yet: its words, and in
/// place of each figure a bar the width of `Part::Value`'s text (drawn by
/// style.css from `data-shape`, so the page holds no invisible text), hidden
/// from screen readers (the caller says it is being worked out).
fn placeholder(parts: &[Part]) -> Html {
    html! {
        { for parts.iter().map(|p| match p {
            Part::Text(t) => html! { <span aria-hidden="true">{ t.clone() }</span> },
            Part::Value(v) => html! { <span class="skeleton" aria-hidden="true" data-shape={v.clone()}></span> },
        }) }
    }
}

#[derive(Properties, PartialEq)]
pub struct ReadingProps {
    pub state: Rc<State>,
    pub outcome: Rc<Outcome>,
    pub mc: Option<McUpdate>,
}

#[function_component(Reading)]
pub fn reading(props: &ReadingProps) -> Html {
    let p_loss = props.mc.as_ref().filter(|u| u.finished && props.state.scenario.is_uncertain()).and_then(|u| u.summary.as_ref()).map(|s| s.p_loss);
    let text = computedeal_present::reading::reading(&props.state.scenario, &props.outcome, p_loss, &props.state.fmt());
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
    // Starting: the same box as a running run's, so nothing below moves.
    let Some(u) = props.mc.as_ref() else {
        return html! {
            <div class="mc-status" aria-live="polite">
                <progress max="1" value="0" aria-label={m.mc_progress}></progress>
                <span>{ m.mc_starting }</span>
            </div>
        };
    };
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

/// The lead figures in one compact row, kept in view at the top of the
/// inputs while a reader edits them, with the change the last edit made.
#[function_component(MiniSummary)]
pub fn mini_summary(props: &ReadingProps) -> Html {
    let state = &props.state;
    let fmt = state.fmt();
    let m = messages(fmt.lang);
    // The outcome before the last change and the one now: a new outcome
    // (a new `Rc`, made only when the inputs change) moves "now" to "before".
    let history = use_mut_ref(|| (props.outcome.clone(), props.outcome.clone()));
    let before = {
        let mut h = history.borrow_mut();
        if !Rc::ptr_eq(&h.1, &props.outcome) {
            h.0 = std::mem::replace(&mut h.1, props.outcome.clone());
        }
        h.0.clone()
    };
    let gpu = state.scenario.inputs.accelerator_is_gpu();
    // This scenario's chance of a loss, never the previous one's.
    let summary = ranges(props.mc.as_ref(), state.scenario.is_uncertain()).0;
    let item = |f: Figure| -> Html {
        let label = card_label(fmt.lang, f, gpu);
        let (key, value, delta) = match f {
            Figure::Output(o) => {
                let v = props.outcome.get(o);
                let d = v.zip(before.get(o)).map(|(v, b)| v - b).filter(|d| *d != 0.0);
                (
                    o.key(),
                    v.map(|v| fmt.value(v, o.unit())).unwrap_or_else(|| m.none.to_string()),
                    d.map(|d| (d, delta_text(&fmt, d, o.unit(), v.unwrap_or(d)))),
                )
            }
            Figure::PLoss => {
                let v = summary.as_ref().map(|s| fmt.value(s.p_loss, Unit::Fraction));
                ("p_loss", v.unwrap_or_else(|| if state.scenario.is_uncertain() { "…".into() } else { m.no_uncertainty.into() }), None)
            }
        };
        let class = delta.as_ref().map(|(d, _)| if *d < 0.0 { "down" } else { "up" });
        let delta = delta.map(|(_, text)| text);
        html! {
            <div class="mini-item" data-mini={key}
                title={delta.as_ref().map(|d| format!("{label}: {value}, {}", fill(m.mini_change, &[("delta", d)]))).unwrap_or_else(|| format!("{label}: {value}"))}>
                <span class="mini-label">{ label.clone() }</span>
                <span class="mini-value">{ value.clone() }</span>
                // The last edit's change, signed, under the figure; always
                // present, so the row keeps its height when a change appears.
                <span class={classes!("mini-delta", class)}>{ delta.clone().unwrap_or_else(|| "\u{a0}".into()) }</span>
            </div>
        }
    };
    html! {
        <div class="mini-summary" role="group" aria-label={m.mini_label}>
            { for LEAD.iter().copied().map(item) }
        </div>
    }
}

/// Short explanations of NPV, IRR and the ranges, under the lead figures.
#[function_component(Glossary)]
pub fn glossary(props: &GlossaryProps) -> Html {
    let m = messages(props.lang);
    html! {
        <details class="glossary">
            <summary>{ m.gloss_title }</summary>
            <p>{ m.gloss_npv }</p>
            <p>{ m.gloss_irr }</p>
            <p>{ m.gloss_range }</p>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    pub lang: Lang,
}
