//! The settings bar: the language, the display currency and its rate, with
//! the rate's source and any refusal of a typed rate.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use computedeal_core::params::format_number;
use computedeal_present::format::Currency;
use computedeal_present::i18n::{fill, messages, Lang};
use computedeal_present::notices::notice_text;

use crate::state::{Action, State};

pub fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value())
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

/// The language and currency pickers and the rate field (in the header).
#[function_component(Settings)]
pub fn settings(props: &SettingsProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let m = messages(lang);
    let on_lang = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(l) = select_value(&e).and_then(|v| Lang::from_code(&v)) {
                dispatch.emit(Action::SetLang(l));
            }
        })
    };
    let on_currency = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(c) = select_value(&e).and_then(|v| Currency::from_code(&v)) {
                dispatch.emit(Action::SetCurrency(c));
            }
        })
    };
    let on_fx = use_callback(props.dispatch.clone(), |e: Event, dispatch| {
        if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            dispatch.emit(Action::SetFx(i.value()));
        }
    });
    let fx_error = state.errors.get("fx");
    html! {
        <div class="settings">
            <label for="lang">{ m.language }</label>
            <select id="lang" onchange={on_lang}>
                { for Lang::ALL.iter().map(|l| html! { <option value={l.code()} lang={l.code()} selected={*l == lang}>{ l.name() }</option> }) }
            </select>
            <label for="currency">{ m.currency }</label>
            <select id="currency" onchange={on_currency}>
                { for Currency::ALL.iter().map(|c| html! { <option value={c.code()} selected={*c == state.view.currency}>{ format!("{} {}", c.symbol(), c.code()) }</option> }) }
            </select>
            if state.view.currency != Currency::Usd {
                <FxField text={fx_error.map(|e| e.text.clone()).unwrap_or_else(|| format_number(state.view.rate()))}
                    invalid={fx_error.is_some()} label={m.fx_rate} onchange={on_fx} />
            }
        </div>
    }
}

/// The line under the header that says the rate converts for display only,
/// where the default comes from, and why a typed rate was refused.
#[function_component(FxHelp)]
pub fn fx_help(props: &SettingsProps) -> Html {
    let state = &props.state;
    if state.view.currency == Currency::Usd {
        return html! {};
    }
    let m = messages(state.lang);
    let source = computedeal_core::sources::source(state.view.currency.rate_source());
    let error = state.errors.get("fx");
    html! {
        <p class="help fx-help" id="fx-help">
            { m.fx_help }{ " " }
            if let Some(src) = source {
                { fill(m.fx_default, &[("rate", &format_number(state.view.currency.default_rate())), ("date", src.date)]) }{ " " }{ m.source }{ " " }
                // The rate's source, quoted as published (in English).
                <a href={src.url} target="_blank" rel="noopener noreferrer" lang="en">{ src.title }</a>
            }
            if let Some(r) = error { <span class="error" role="alert">{ format!(" {}", notice_text(state.lang, &r.notice)) }</span> }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct FxProps {
    text: String,
    invalid: bool,
    label: &'static str,
    onchange: Callback<Event>,
}

/// The exchange-rate field: its own component, so a Monte Carlo report that
/// re-renders the page does not reset what the reader is typing.
#[function_component(FxField)]
fn fx_field(props: &FxProps) -> Html {
    html! {
        <>
            <label for="fx">{ props.label }</label>
            <input type="text" inputmode="decimal" id="fx" class="field fx" aria-describedby="fx-help" aria-invalid={props.invalid.to_string()}
                value={props.text.clone()} onchange={props.onchange.clone()} />
        </>
    }
}
