//! Under the portfolio chart: the reader switches the buyer's deals off or
//! on, picks a reading where reports disagree, changes a deal's value,
//! start or term, and sets the share of revenue that counts as too much;
//! and, for each seller that publishes it, the share of its backlog that is
//! OpenAI's. A number is checked by the core's decoder (`portfolio::apply`,
//! as the link's `portfolio=` query is); a refused entry stays in its field
//! with the reason, and the last valid choices stay in force.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use computedeal_core::outputs::Unit;
use computedeal_core::params::{format_number, tidy};
use computedeal_core::portfolio::{self, check_number, Choices, Portfolio, THRESHOLD, VALUE};
use computedeal_present::charts::portfolio::{statement_line, PortfolioView};
use computedeal_present::format::{number_field_text, Currency};
use computedeal_present::i18n::{backlog_note, deal_what, fill, messages};
use computedeal_present::notices::notice_text;

use crate::state::{Action, State};

/// Errors of these fields are kept under keys with this prefix.
pub const ERROR_PREFIX: &str = "portfolio:";

#[derive(Properties, PartialEq)]
pub struct PortfolioControlsProps {
    pub state: Rc<State>,
    /// What the choices give (the chart's view).
    pub view: Rc<PortfolioView>,
    pub dispatch: Callback<Action>,
}

fn input_text(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value())
}

/// How a field's number becomes the query's (`value` in US dollars,
/// `threshold` a fraction): times ten to `exp`, written in decimal
/// (`22.4e9`), so the query holds the value the reader typed exactly
/// (22,400,000,000, not 22.4 × 10⁹ rounded twice); or, for a sum typed in
/// another currency, divided by `per_usd` (the field's number for one US
/// dollar) and kept within the query's range.
#[derive(Clone, Copy)]
enum Scale {
    Exp(i32),
    PerUsd(f64, (f64, f64)),
}

/// A field's change as one pair of the portfolio query, in the query's own
/// units: the field's text is checked in the units the reader sees (Indian
/// or Western grouping allowed), then applied over the choices.
fn on_number(p: &'static Portfolio, c: Choices, dispatch: Callback<Action>, key: String, range: (f64, f64), scale: Scale) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(text) = input_text(&e) else { return };
        let error_key = format!("{ERROR_PREFIX}{key}");
        // An empty field goes back to the record's (or the default) value.
        if text.trim().is_empty() {
            let mut next = c.clone();
            match key.split_once('.') {
                Some(("value", id)) => next.value_usd.remove(id),
                Some(("term", id)) => next.term_years.remove(id),
                Some(("start", id)) => next.start.remove(id),
                _ => {
                    next.threshold = Choices::default().threshold;
                    None
                }
            };
            dispatch.emit(Action::SetPortfolio(next, error_key));
            return;
        }
        match check_number(&key, &text, range) {
            Ok(v) => {
                let value = match scale {
                    Scale::Exp(exp) => format!("{v}e{exp}"),
                    Scale::PerUsd(per_usd, (lo, hi)) => format_number(tidy(v / per_usd).clamp(lo, hi)),
                };
                let (next, notices) = portfolio::apply(p, &c, &format!("{key}={value}"));
                match notices.into_iter().next() {
                    None => dispatch.emit(Action::SetPortfolio(next, error_key)),
                    Some(n) => dispatch.emit(Action::Reject(error_key, text, n)),
                }
            }
            Err(n) => dispatch.emit(Action::Reject(error_key, text, n)),
        }
    })
}

#[function_component(PortfolioControls)]
pub fn portfolio_controls(props: &PortfolioControlsProps) -> Html {
    let Ok(p) = portfolio::portfolio() else { return html! {} };
    let state = &props.state;
    let lang = state.lang;
    let m = messages(lang);
    let fmt = state.fmt();
    let c = &state.view.portfolio;
    let error = |key: &str| state.errors.get(&format!("{ERROR_PREFIX}{key}")).cloned();
    // A field shows the text the reader typed while it is refused.
    let field = |key: &str, shown: String| error(key).map(|r| r.text).unwrap_or(shown);
    let error_line = |key: &str| {
        error(key)
            .map(|r| html! { <p class="error" role="alert" id={format!("pf-error-{}", key.replace('.', "-"))}>{ notice_text(lang, &r.notice) }</p> })
            .unwrap_or_default()
    };
    let number = |key: &str, range: (f64, f64), scale: Scale| on_number(p, c.clone(), props.dispatch.clone(), key.to_string(), range, scale);
    // A deal's value in the reader's currency: billions of dollars or euros, crores of rupees.
    let (currency, per_usd) = fmt.large_sum_unit();
    let cur = if currency == Currency::Usd { "US$" } else { currency.symbol() };
    let value_unit = fill(if currency == Currency::Inr { m.pf_crore } else { m.pf_bn }, &[("cur", cur)]);
    let value_scale = if currency == Currency::Usd { Scale::Exp(9) } else { Scale::PerUsd(per_usd, VALUE) };
    let threshold_key = "threshold";
    let on_reset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetPortfolio(Choices::default(), ERROR_PREFIX.to_string())))
    };
    let changed = *c != Choices::default();
    let view = &props.view;
    html! {
        <>
        if !view.statements.is_empty() {
            <h4 class="pf-statements-head">{ fill(m.h_statements, &[("buyer", &view.buyer)]) }</h4>
            <ul class="pf-statements" data-statements="">
                { for view.statements.iter().map(|st| {
                    let ((what, note), in_lang) = st.words(lang);
                    html! {
                        <li data-date={st.date.clone()} data-stated={st.stated.to_string()} data-ours={st.ours.to_string()}>
                            { statement_line(view, st, &fmt) }
                            if !st.url.is_empty() {
                                { " " }<a href={st.url.clone()} target="_blank" rel="noopener noreferrer" lang={(lang != computedeal_present::i18n::Lang::En).then_some("en")}>{ st.title.clone() }</a>
                            }
                            <details>
                                <summary>{ m.pf_why }</summary>
                                <p lang={(!in_lang).then_some("en")}>{ format!("{what}: {note}.") }</p>
                            </details>
                        </li>
                    }
                }) }
            </ul>
        }
        <details class="pf-controls" id="portfolio-controls">
            <summary>{ m.pf_change }</summary>
            <p class="help">{ m.pf_help }</p>
            <p class="pf-total" role="status" data-total-usd={props.view.total_usd.to_string()} data-p-exceed={props.view.risk.p_exceed.to_string()}>{ fill(m.pf_total, &[
                ("total", &fmt.money(props.view.total_usd)),
                ("on", &(p.deals.len() - c.off.len()).to_string()),
                ("n", &p.deals.len().to_string()),
                ("threshold", &fmt.value(props.view.risk.threshold, Unit::Fraction)),
                ("p", &fmt.value(props.view.risk.p_exceed, Unit::Fraction)),
            ]) }</p>
            <div class="pf-threshold">
                <label for="pf-threshold">{ m.pf_threshold }</label>
                <input type="text" inputmode="decimal" id="pf-threshold" class="field" value={field(threshold_key, format_number(c.threshold * 100.0))}
                    onchange={number(threshold_key, (THRESHOLD.0 * 100.0, THRESHOLD.1 * 100.0), Scale::Exp(-2))} aria-invalid={error(threshold_key).is_some().to_string()} />
                <span class="unit">{ "%" }</span>
            </div>
            { error_line(threshold_key) }
            <ul class="pf-deals">
                { for p.deals.iter().map(|d| {
                    let id = d.id.clone();
                    let on = !c.off.contains(&id);
                    let on_toggle = {
                        let (c, dispatch, id) = (c.clone(), props.dispatch.clone(), id.clone());
                        Callback::from(move |e: Event| {
                            let checked = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
                            let mut next = c.clone();
                            if checked { next.off.remove(&id); } else { next.off.insert(id.clone()); }
                            dispatch.emit(Action::SetPortfolio(next, format!("{ERROR_PREFIX}off")));
                        })
                    };
                    let reading = c.reading.get(&id).copied().unwrap_or_else(|| d.default_reading());
                    let on_reading = {
                        let (c, dispatch, id) = (c.clone(), props.dispatch.clone(), id.clone());
                        Callback::from(move |e: Event| {
                            let k = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).and_then(|s| s.value().parse::<usize>().ok());
                            if let Some(k) = k {
                                let mut next = c.clone();
                                next.reading.insert(id.clone(), k);
                                dispatch.emit(Action::SetPortfolio(next, format!("{ERROR_PREFIX}reading")));
                            }
                        })
                    };
                    let (vk, sk, tk) = (format!("value.{id}"), format!("start.{id}"), format!("term.{id}"));
                    let value = p.value(d, c).map(|v| number_field_text(tidy(v * per_usd), fmt.indian())).unwrap_or_default();
                    let start = format_number(c.start.get(&id).copied().unwrap_or(d.start));
                    let term = format_number(c.term_years.get(&id).copied().unwrap_or(d.term_years));
                    let (what, in_lang) = deal_what(lang, d);
                    let name = format!("{}: {what}", d.seller);
                    html! {
                        <li class={classes!("pf-deal", (!on).then_some("off"))} data-deal={id.clone()}>
                            <label class="check" lang={(!in_lang).then_some("en")}><input type="checkbox" id={format!("pf-on-{id}")} checked={on} onchange={on_toggle} />{ " " }{ name.clone() }</label>
                            <div class="pf-terms">
                                if d.ambiguous() {
                                    <label>{ m.pf_reading }{ " " }
                                        <select id={format!("pf-reading-{id}")} onchange={on_reading} aria-label={fill(m.pf_reading_of, &[("deal", &name)])}>
                                            { for d.readings.iter().enumerate().map(|(k, r)| html! {
                                                <option value={k.to_string()} selected={k == reading}>
                                                    { format!("{}: {}", r.label.clone().unwrap_or_default(), r.value_usd.map(|v| fmt.money(v)).unwrap_or_else(|| m.pf_unpublished.to_string())) }
                                                </option>
                                            }) }
                                        </select>
                                    </label>
                                }
                                <label>{ fill(m.pf_value, &[("unit", &value_unit)]) }{ " " }
                                    <input type="text" inputmode="decimal" class="field pf-value" id={format!("pf-value-{id}")} placeholder={m.pf_unpublished} value={field(&vk, value)}
                                        aria-label={fill(m.pf_value_of, &[("deal", &name), ("unit", &value_unit)])} aria-invalid={error(&vk).is_some().to_string()}
                                        onchange={number(&vk, (VALUE.0 * per_usd, VALUE.1 * per_usd), value_scale)} />
                                </label>
                                <label>{ m.pf_start }{ " " }
                                    <input type="text" inputmode="decimal" class="field" id={format!("pf-start-{id}")} value={field(&sk, start)}
                                        aria-label={fill(m.pf_start_of, &[("deal", &name)])} aria-invalid={error(&sk).is_some().to_string()} onchange={number(&sk, portfolio::START, Scale::Exp(0))} />
                                </label>
                                <label>{ m.pf_term }{ " " }
                                    <input type="text" inputmode="decimal" class="field" id={format!("pf-term-{id}")} value={field(&tk, term)}
                                        aria-label={fill(m.pf_term_of, &[("deal", &name)])} aria-invalid={error(&tk).is_some().to_string()} onchange={number(&tk, portfolio::TERM, Scale::Exp(0))} />
                                </label>
                            </div>
                            { error_line(&vk) }{ error_line(&sk) }{ error_line(&tk) }
                        </li>
                    }
                }) }
            </ul>
            if changed {
                <button type="button" id="pf-reset" onclick={on_reset}>{ m.pf_reset }</button>
            }
            <h4>{ m.pf_backlogs }</h4>
            <ul class="pf-backlogs">
                { for p.backlogs.iter().map(|b| {
                    let (note, in_lang) = backlog_note(lang, b);
                    html! {
                    <li data-seller={b.seller.clone()}>{ fill(m.pf_backlog_row, &[
                        ("seller", &b.seller),
                        ("openai", &fmt.money(b.openai_usd)),
                        ("backlog", &fmt.money(b.backlog_usd)),
                        ("share", &fmt.value(b.openai_usd / b.backlog_usd, Unit::Fraction)),
                        ("date", &b.date),
                    ]) }
                    { " " }<span class="help" lang={(!in_lang).then_some("en")}>{ note.to_string() }</span>
                    </li>
                    }
                }) }
            </ul>
        </details>
        </>
    }
}
