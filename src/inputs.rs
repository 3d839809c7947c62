//! The input panel, driven by the parameter table: one row per parameter,
//! grouped as the table groups them, each with a label, its unit, a slider
//! and a field kept in step, the allowed range, help with the default's
//! source, an "estimate" mark, a "changed" mark with a reset, and a switch
//! to make it uncertain.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use computedeal_core::codec::{encode_corrs, parse_corrs};
use computedeal_core::dist::{Dist, Shape};
use computedeal_core::notice::{Notice, Problem};
use computedeal_core::params::{tidy, Group, Kind, Param, Span, P, SLIDER_STEPS as STEPS};
use computedeal_core::presets::PresetId;
use computedeal_core::scenario::scenario_notices;
use computedeal_core::sources::{self, Confidence};
use computedeal_present::format::{field_text_grouped, Fmt};
use computedeal_present::i18n::{self, fill, messages, Lang, Messages};
use computedeal_present::notices::{allowed_text, notice_text};

use crate::state::{Action, Refused, State};

fn input_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// A symmetric range around a value for a newly uncertain input: ±20%, inside the allowed range.
fn default_dist(param: &Param, v: f64) -> Dist {
    let half = (v.abs() * 0.2).max(param.step).min(v - param.min).min(param.max - v);
    if half <= 0.0 {
        let (lo, hi) = if v <= param.min {
            (param.min, (param.min + param.step * 10.0).min(param.max))
        } else {
            ((param.max - param.step * 10.0).max(param.min), param.max)
        };
        return Dist::new(param, Shape::Uniform { lo, hi });
    }
    Dist::new(param, Shape::Pert { lo: tidy(v - half), mode: v, hi: tidy(v + half) })
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

#[function_component(InputPanel)]
pub fn input_panel(props: &PanelProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let m = messages(lang);
    let changed = state.scenario.changed();
    // Each slider spans what a reader would explore around the preset's
    // value and its uncertainty range (`Param::slider_span`), whether or not
    // ranges are on, so the scale never moves under a drag.
    let base = computedeal_core::scenario::Scenario::base(state.scenario.preset, true);
    let span = |p: P| {
        let spread = base.dist(p).map(|d| (d.quantile(0.01), d.quantile(0.99)));
        p.param().slider_span(base.inputs.get(p), spread, state.scenario.inputs.get(p))
    };
    html! {
        <section class="inputs" aria-label={m.assumptions}>
            { for Group::ALL.iter().map(|group| {
                let params: Vec<P> = computedeal_core::params::in_group(*group);
                let n_changed = params.iter().filter(|p| changed.contains(p)).count();
                html! {
                    <details class="group" id={format!("group-{}", group.id())} open={matches!(group, Group::Deal | Group::Accelerators | Group::DataCentre)}>
                        <summary>
                            { i18n::group_label(lang, *group) }
                            if n_changed > 0 { <span class="badge changed-badge">{ fill(m.n_changed, &[("n", &n_changed.to_string())]) }</span> }
                        </summary>
                        { for params.iter().map(|p| {
                            let s = &state.scenario;
                            html! {
                                <ParamRow key={p.key()} param={*p} value={s.inputs.get(*p)} span={span(*p)} dist={s.dist(*p).cloned()} error={state.errors.get(p.key()).cloned()}
                                    preset={s.preset.id} dispatch={props.dispatch.clone()} changed={changed.contains(p)} lang={lang} fmt={state.fmt()} />
                            }
                        }) }
                        if *group == Group::Uncertainty {
                            <UncertaintyExtras state={state.clone()} dispatch={props.dispatch.clone()} />
                        }
                    </details>
                }
            }) }
        </section>
    }
}

/// Only what one row shows, so a row re-renders only when it changes.
#[derive(Properties, PartialEq)]
struct RowProps {
    param: P,
    value: f64,
    /// What its slider covers.
    span: Span,
    dist: Option<Dist>,
    error: Option<Refused>,
    /// The preset: it decides the source shown.
    preset: PresetId,
    dispatch: Callback<Action>,
    changed: bool,
    lang: Lang,
    /// How the reader reads numbers: sums of dollars are shown and typed in
    /// the display currency, whole numbers grouped the Indian way in Hindi
    /// and rupees.
    fmt: Fmt,
}

#[function_component(ParamRow)]
fn param_row(props: &RowProps) -> Html {
    let p = props.param;
    let param = p.param();
    let lang = props.lang;
    let m = messages(lang);
    let label = i18n::param_label(lang, p);
    let key = p.key();
    let value = props.value;
    let span = props.span;
    let dist = props.dist.clone();
    let error = props.error.clone();
    let (source_id, estimate) = props.preset.preset().provenance(p);
    let source = sources::source(source_id);
    let (title, title_in_lang) = source.map(|s| i18n::source_title(lang, s)).unwrap_or(("", true));
    let title_lang = if title_in_lang { lang.code() } else { "en" };
    let dispatch = props.dispatch.clone();
    let fmt = props.fmt;
    // A refusal names the input as the reader sees it: its key, or, for a
    // sum typed in rupees or euros, its label and unit (the key says USD).
    let notice_key = if fmt.input_factor(param) != 1.0 { format!("{label} ({})", fmt.param_unit(p)) } else { key.to_string() };

    let on_field = {
        let dispatch = dispatch.clone();
        let notice_key = notice_key.clone();
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match fmt.parse_field(param, &text) {
                Ok(v) => dispatch.emit(Action::MovePoint(p, v)),
                Err(problem) => dispatch.emit(Action::Reject(p.key().to_string(), text.clone(), Notice::rejected(&notice_key, &text, problem))),
            }
        })
    };
    let on_slider = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
            if let Ok(pos) = text.parse::<f64>() {
                dispatch.emit(Action::MovePoint(p, param.from_slider(span, pos)));
            }
        })
    };
    let on_select = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                if let Ok(v) = param.parse(&sel.value()) {
                    dispatch.emit(Action::SetValue(p, v));
                }
            }
        })
    };
    let on_uncertain = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.checked()).unwrap_or(false);
            if on {
                dispatch.emit(Action::SetDist(p, default_dist(param, value)));
            } else {
                dispatch.emit(Action::MakeCertain(p));
            }
        })
    };
    let on_dist = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match fmt.parse_dist(param, &text) {
                Ok(d) => dispatch.emit(Action::SetDist(p, d)),
                Err(problem) => dispatch.emit(Action::Reject(p.key().to_string(), text.clone(), Notice::rejected(&notice_key, &text, problem))),
            }
        })
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ResetParam(p)))
    };

    let field_id = format!("f-{key}");
    let help_id = format!("h-{key}");
    let error_id = format!("e-{key}");
    let can_be_uncertain = param.is_numeric() && !matches!(p, P::samples | P::seed);
    let (field, invalid) = match &error {
        Some(r) if dist.is_none() => (r.text.clone(), true),
        _ => (fmt.field(param, value), error.is_some()),
    };
    let dist_text = match (&error, &dist) {
        (Some(r), Some(_)) => r.text.clone(),
        (_, Some(d)) => fmt.dist_text(param, d),
        _ => String::new(),
    };
    let described_by = if invalid { format!("{help_id} {error_id}") } else { help_id.clone() };
    let control = match param.kind {
        Kind::Choice(ids) => html! {
            <select id={field_id.clone()} name={key} onchange={on_select} aria-describedby={described_by.clone()}>
                { for ids.iter().enumerate().map(|(i, id)| html! {
                    <option value={*id} selected={i as f64 == value}>{ choice_label(lang, p, id) }</option>
                }) }
            </select>
        },
        _ => {
            let (min, max, step) = if param.kind == Kind::Quarter { (span.lo, span.hi, 1.0) } else { (0.0, STEPS, 1.0) };
            html! {
                <>
                    <input type="range" class="slider" aria-label={fill(m.slider_of, &[("label", label)])} min={min.to_string()} max={max.to_string()} step={step.to_string()}
                        value={param.slider_position(span, value).round().to_string()} oninput={on_slider} />
                    <input type="text" inputmode={if param.kind == Kind::Quarter { "text" } else { "decimal" }} id={field_id.clone()} name={key} class="field"
                        value={field} onchange={on_field} aria-invalid={invalid.to_string()} aria-describedby={described_by.clone()} />
                </>
            }
        }
    };
    let class = classes!("param", props.changed.then_some("changed"), error.is_some().then_some("invalid"), dist.is_some().then_some("uncertain"));
    html! {
        <div class={class} id={format!("param-{key}")} data-param={key}>
            <div class="param-head">
                <label for={field_id.clone()}>{ label }</label>
                <span class="unit">{ fmt.param_unit(p) }</span>
                if estimate { <abbr class="badge est" title={m.est_title}>{ m.est }</abbr> }
            </div>
            <div class="param-controls">{ control }</div>
            // Under the control, never above it: the mark a first edit adds
            // moves nothing under the reader's finger (issue 29.3).
            if can_be_uncertain || props.changed {
                <div class="uncertain-row">
                    if can_be_uncertain {
                        <label class="check">
                            <input type="checkbox" checked={dist.is_some()} onchange={on_uncertain} />
                            { m.uncertain }
                        </label>
                        if dist.is_some() {
                            <input type="text" class="dist" id={format!("d-{key}")} aria-label={fill(m.distribution_of, &[("label", label)])} value={dist_text}
                                onchange={on_dist} aria-describedby={described_by.clone()} />
                        }
                    }
                    if props.changed {
                        <span class="param-state">
                            <span class="badge changed-badge">{ m.changed }</span>
                            <button type="button" class="link reset" onclick={on_reset} aria-label={fill(m.reset_input, &[("label", label)])}>{ m.reset }</button>
                        </span>
                    }
                </div>
            }
            if let Some(r) = &error {
                <p class="error" id={error_id} role="alert">{ notice_text(lang, &r.notice) }</p>
            }
            <p class="help" id={help_id}>
                { i18n::param_help(lang, p) }
                { " " }{ m.allowed }{ " " }{ range_text(lang, m, &fmt, param) }{ if lang == Lang::Hi { "।" } else { "." } }
                if let Some(s) = source {
                    { " " }{ m.source }{ " " }
                    // Published sources' titles are quoted as published, in English;
                    // ours are written in the page's language. Notes are in English:
                    // in Hindi they open on request, marked so.
                    if s.url.is_empty() { <span lang={title_lang}>{ title }</span> } else { <a href={s.url} target="_blank" rel="noopener noreferrer" lang={title_lang}>{ title }</a> }
                    { format!(" ({}, {})", if s.date == sources::UNDATED { m.no_date } else { s.date }, confidence_text(m, s.confidence)) }
                    if !s.note.is_empty() {
                        if lang == Lang::En { <span class="note" lang="en">{ format!(": {}", s.note) }</span> }
                        else { <details class="note-other"><summary>{ m.source_note_other }</summary><span class="note" lang="en">{ s.note }</span></details> }
                    }
                }
            </p>
        </div>
    }
}

fn choice_label(lang: Lang, p: P, id: &str) -> String {
    if matches!(p, P::accelerator | P::expansion_accelerator | P::expansion2_accelerator) {
        computedeal_core::catalogue::by_id(id).map(|a| a.name.to_string()).unwrap_or_else(|| id.to_string())
    } else {
        computedeal_present::notices::choice_text(lang, id).map(str::to_string).unwrap_or_else(|| id.to_ascii_uppercase())
    }
}

/// The allowed range in the figure's own format (issue 29.5): large sums
/// with their scale ("$100M to $3.00T", in the reader's currency), other
/// sums and shares with their sign ("$0 to $500,000", "0% to 50%").
fn range_text(lang: Lang, m: &Messages, fmt: &Fmt, param: &Param) -> String {
    let shown = fmt.input_param(param);
    let grouped = |v: f64| field_text_grouped(&shown, v, fmt.indian());
    let (min, max) = match param.kind {
        Kind::Choice(_) => return m.a_choice.into(),
        Kind::Quarter => return allowed_text(lang, &param.allowed()),
        _ if param.money && param.max >= 1e6 => (fmt.money(param.min), fmt.money(param.max)),
        _ if param.money => {
            let sym = fmt.currency.symbol();
            (format!("{sym}{}", grouped(shown.min)), format!("{sym}{}", grouped(shown.max)))
        }
        _ if param.percent => (format!("{}%", grouped(shown.min)), format!("{}%", grouped(shown.max))),
        _ => (grouped(shown.min), grouped(shown.max)),
    };
    fill(m.range_to, &[("min", &min), ("max", &max)])
}

fn confidence_text(m: &Messages, c: Confidence) -> &'static str {
    match c {
        Confidence::A => m.conf_a,
        Confidence::B => m.conf_b,
        Confidence::C => m.conf_c,
        Confidence::Derived => m.conf_derived,
        Confidence::Estimate => m.conf_estimate,
    }
}

#[derive(Properties, PartialEq)]
struct ExtrasProps {
    state: Rc<State>,
    dispatch: Callback<Action>,
}

/// The preset's default ranges switch and the correlations.
#[function_component(UncertaintyExtras)]
fn uncertainty_extras(props: &ExtrasProps) -> Html {
    let scenario = props.state.scenario.clone();
    let m = messages(props.state.lang);
    let on_defaults = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.checked()).unwrap_or(true);
            dispatch.emit(Action::SetUncertainty(on));
        })
    };
    let on_corr = {
        let dispatch = props.dispatch.clone();
        let scenario = scenario.clone();
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            let (corrs, notices) = parse_corrs(&text, &scenario);
            match notices.into_iter().next() {
                Some(w) => dispatch.emit(Action::Reject("corr".into(), text, w)),
                None => dispatch.emit(Action::SetCorrs(corrs)),
            }
        })
    };
    let error = props.state.errors.get("corr").cloned();
    let lang = props.state.lang;
    let text = error.as_ref().map(|e| e.text.clone()).unwrap_or_else(|| encode_corrs(&scenario.corrs));
    // Pairs that cannot all hold at once are scaled, as the decoder does, and the field says so.
    let scaled = scenario_notices(&scenario).into_iter().find(|n| matches!(n.problem, Problem::CorrScaled { .. }));
    html! {
        <div class="param extras">
            <label class="check">
                <input type="checkbox" id="f-uncertainty" checked={scenario.uncertainty} onchange={on_defaults} />
                { m.defaults_label }
            </label>
            <p class="help">{ m.defaults_help }</p>
            <label for="f-corr">{ m.corr_label }</label>
            <input type="text" class="field wide" id="f-corr" name="corr" value={text} placeholder="capex_usd_per_accelerator:electricity_usd_per_mwh:0.4" onchange={on_corr}
                aria-describedby="h-corr" aria-invalid={error.is_some().to_string()} />
            if let Some(r) = &error { <p class="error" role="alert">{ notice_text(lang, &r.notice) }</p> }
            if let Some(n) = &scaled { <p class="repaired" id="corr-scaled" role="status">{ notice_text(lang, n) }</p> }
            <p class="help" id="h-corr">{ m.corr_help }</p>
        </div>
    }
}
