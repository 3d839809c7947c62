//! The Yew user interface (wasm32 only): the only module, with the web
//! entries in `src/bin/`, that knows about the DOM.
//!
//! `App` holds the state (`state.rs`: a reducer as in yew's todomvc), the
//! Monte Carlo runner (`runner.rs`) and the page: the deal picker, the
//! headline cards and reading (`results.rs`), the input panel
//! (`inputs.rs`) and the seven charts (`chart.rs`).

pub mod backend;
pub mod bench;
pub mod chart;
pub mod download;
pub mod embed;
pub mod inputs;
pub mod results;
pub mod runner;
pub mod share;
pub mod state;
pub mod worker;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::batch::{headline_index, Engine, HEADLINE};
use crate::charts::ChartInput;
use crate::codec::decode_json;
use crate::format::Currency;
use crate::i18n::{fill, output_label, Lang};
use crate::outputs::{self, Unit};
use crate::presets::PRESETS;
use crate::scenario::{Scenario, Severity, Warning};
use crate::view::{decode_page, encode_page, ThemeChoice, View};
use chart::ChartCard;
use inputs::InputPanel;
use results::{Cards, McStatus, Reading};
use runner::{now_ms, McUpdate, Runner};
use state::{Action, State};

/// Bytes of this module's wasm memory (it only grows, so this is the peak).
pub fn wasm_memory_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map(|b| b.byte_length() as u64)
        .unwrap_or(0)
}

fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) {
        let _ = root.set_attribute(name, value);
    }
}

thread_local! {
    /// When the last input change was dispatched (performance.now(), ms):
    /// the page reports how long the update took in `data-update-ms`.
    static CHANGE_STARTED: Cell<f64> = const { Cell::new(-1.0) };
}

fn prefers_dark() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).map(|m| m.matches()).unwrap_or(false)
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub scenario: Scenario,
    #[prop_or_default]
    pub notices: Vec<Warning>,
    #[prop_or_default]
    pub view: View,
    #[prop_or_default]
    pub lang: Lang,
    /// The query string the page was opened with.
    #[prop_or_default]
    pub opened_with: String,
}

fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value())
}

/// The text of each chart card: title, description and summary, in the page's language.
struct ChartText {
    input: ChartInput,
    title: &'static str,
    description: String,
    summary: String,
    controls: Html,
    footer: Html,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| State::new(props.scenario.clone(), props.notices.clone(), props.view.clone(), props.lang, props.opened_with.clone()));
    let mc = use_state(|| None::<McUpdate>);
    let system_dark = use_state(prefers_dark);
    let size = use_state(|| 0u32);
    let runner = {
        let mc = mc.clone();
        let holder = use_mut_ref(|| None::<Rc<RefCell<Runner>>>);
        let r = holder.borrow_mut().get_or_insert_with(|| Runner::new(Callback::from(move |u: McUpdate| mc.set(Some(u))))).clone();
        r
    };
    // One callback for the page's lifetime: children that take it do not
    // re-render (and reset a field being typed in) when the Monte Carlo reports.
    let dispatch = use_callback(state.dispatcher(), |a: Action, dispatcher| {
        CHANGE_STARTED.with(|c| c.set(now_ms()));
        dispatcher.dispatch(a);
    });

    // Window size and colour scheme: redraw the charts when they change.
    {
        let size = size.clone();
        let dark = system_dark.clone();
        use_effect_with((), move |_| {
            let resize = web_sys::window().map(|w| {
                let size = size.clone();
                EventListener::new(&w, "resize", move |_| size.set(*size + 1))
            });
            let scheme = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).map(|m| {
                let dark = dark.clone();
                EventListener::new(&m, "change", move |_| dark.set(prefers_dark()))
            });
            move || drop((resize, scheme))
        });
    }
    let dark = match state.view.theme {
        ThemeChoice::Auto => *system_dark,
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    };
    // The document's language and theme follow the page's.
    use_effect_with((state.lang, state.view.theme), |(lang, theme)| {
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", lang.code());
            match theme {
                ThemeChoice::Auto => drop(html.remove_attribute("data-theme")),
                ThemeChoice::Light => drop(html.set_attribute("data-theme", "light")),
                ThemeChoice::Dark => drop(html.set_attribute("data-theme", "dark")),
            }
        }
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("computedeal: {}", crate::i18n::messages(*lang).tagline));
        }
    });
    // The whole view in the address bar, at most once per 300 ms while a slider moves.
    {
        let sync = use_mut_ref(UrlSync::default);
        use_effect_with((state.scenario.clone(), state.view.clone()), move |(s, v)| {
            let query = encode_page(s, v);
            let mut me = sync.borrow_mut();
            if me.written.is_none() {
                // The link the page was opened with stays as it is until something changes.
                me.written = Some(query.clone());
            }
            me.query = query;
            drop(me);
            UrlSync::schedule(&sync);
        });
    }
    // An embed tells its host how tall it is; a link to a chart scrolls to it.
    {
        let embed = state.view.embed;
        let chart = state.view.chart;
        let watch = use_mut_ref(|| None);
        use_effect_with((), move |_| {
            if embed {
                *watch.borrow_mut() = embed::watch_height();
                embed::post_height();
            } else if let Some(c) = chart {
                if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("chart-{}", c.key()))) {
                    el.scroll_into_view();
                }
            }
        });
    }
    // A new scenario: start its Monte Carlo (the stale run is cancelled).
    {
        let runner = runner.clone();
        let mc = mc.clone();
        use_effect_with(state.scenario.clone(), move |s| {
            mc.set(None);
            set_root_attr("data-mc", if s.is_uncertain() { "running" } else { "done" });
            if s.is_uncertain() {
                Runner::start(&runner, s, Engine::Simd);
            }
        });
    }
    {
        let finished = mc.as_ref().is_some_and(|u| u.finished);
        use_effect_with(finished, move |finished| {
            if *finished {
                set_root_attr("data-mc", "done");
            }
        });
    }
    // After the cards and charts of a change are on the page: ready, and how long it took.
    use_effect_with(state.revision, move |_| {
        set_root_attr("data-state", "ready");
        let started = CHANGE_STARTED.with(|c| c.replace(-1.0));
        if started >= 0.0 {
            set_root_attr("data-update-ms", &format!("{:.3}", now_ms() - started));
        }
    });

    let s = &state.scenario;
    let lang = state.lang;
    let m = crate::i18n::messages(lang);
    let fmt = state.fmt();
    let o = state.outcome.clone();
    let a = state.pinned.clone();
    let summary = mc.as_ref().and_then(|u| u.summary.clone());
    let out_key = HEADLINE.get(state.output).copied().unwrap_or("npv_usd");
    let out_unit = outputs::by_key(out_key).map(|d| d.unit).unwrap_or(Unit::Usd);
    let out_label = output_label(lang, out_key);
    let loss_below = match out_key {
        "npv_usd" | "margin" => Some(0.0),
        "irr" => Some(s.inputs.wacc),
        _ => None,
    };
    let out_summary = summary.as_ref().and_then(|sm| sm.outputs.get(state.output).cloned()).filter(|o| o.defined > 0).map(Rc::new);
    let bands = Rc::new(summary.as_ref().filter(|_| mc.as_ref().is_some_and(|u| u.finished)).map(|sm| sm.bands.clone()).unwrap_or_default());

    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(p) = select_value(&e).and_then(|v| PRESETS.iter().find(|p| p.id == v)) {
                dispatch.emit(Action::Preset(p.id));
            }
        })
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reset))
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(l) = select_value(&e).and_then(|v| Lang::from_code(&v)) {
                dispatch.emit(Action::SetLang(l));
            }
        })
    };
    let on_currency = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(c) = select_value(&e).and_then(|v| Currency::from_code(&v)) {
                dispatch.emit(Action::SetCurrency(c));
            }
        })
    };
    let on_fx = use_callback(dispatch.clone(), |e: Event, dispatch| {
        if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            dispatch.emit(Action::SetFx(i.value()));
        }
    });
    let on_pin = {
        let dispatch = dispatch.clone();
        let pinned = a.is_some();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Pin(!pinned)))
    };
    let on_export = {
        let state = state.clone();
        let summary = summary.clone();
        let finished = mc.as_ref().is_some_and(|u| u.finished);
        Callback::from(move |_: MouseEvent| {
            let text = crate::export::document(&state.scenario, &state.outcome, summary.as_deref().filter(|_| finished));
            download::save_text(&download::file_name(&["computedeal", state.scenario.preset.id], "json"), "application/json", &text);
        })
    };
    let import_input = use_node_ref();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_import_click = {
        let import_input = import_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = import_input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            if file.size() as usize > crate::codec::MAX_JSON_BYTES {
                let why = crate::i18n::msg(|m| m.e_json_too_big, &[("n", &file.size().to_string()), ("max", &crate::codec::MAX_JSON_BYTES.to_string())]);
                dispatch.emit(Action::ImportFailed(name, vec![why]));
                return;
            }
            let dispatch = dispatch.clone();
            let file_name = name.clone();
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| match text {
                Ok(text) => {
                    let d = decode_json(&text);
                    let rejected: Vec<String> = d.warnings.iter().filter(|w| w.severity == Severity::Rejected).map(|w| w.message.clone()).collect();
                    if rejected.is_empty() {
                        dispatch.emit(Action::Imported(name, d.scenario, d.warnings));
                    } else {
                        dispatch.emit(Action::ImportFailed(file_name, rejected));
                    }
                }
                Err(e) => dispatch.emit(Action::ImportFailed(file_name, vec![e.to_string()])),
            }));
        })
    };
    let output_select = {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(k) = select_value(&e).and_then(|v| headline_index(&v)) {
                dispatch.emit(Action::SelectOutput(k));
            }
        });
        move |id: &str| {
            html! {
                <select class="output-select" id={id.to_string()} aria-label={m.output_shown} onchange={onchange.clone()}>
                    { for HEADLINE.iter().map(|k| html! {
                        <option value={*k} selected={*k == out_key}>{ output_label(lang, k) }</option>
                    }) }
                </select>
            }
        }
    };
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissNotices))
    };

    let peak_quarter = o.quarters.iter().find(|q| q.accelerators_online >= o.accelerators_peak * 0.999).map(|q| q.quarter.clone()).unwrap_or_default();
    let full_year = o.years.iter().max_by(|a, b| a.revenue_usd.total_cmp(&b.revenue_usd));
    let low = o.quarters.iter().min_by(|a, b| a.cumulative_cash_flow_usd.total_cmp(&b.cumulative_cash_flow_usd));
    let top_swing = state.tornado.ranked(state.output).first().map(|sw| (sw.param.clone(), sw.low[state.output], sw.high[state.output]));
    let be = state.grid.break_even.iter().zip(&state.grid.availabilities).rev().find_map(|(b, a)| b.map(|b| (b, *a)));
    let v = |x: f64, u: Unit| fmt.value(x, u);
    let charts = vec![
        ChartText {
            input: ChartInput::Deployment(o.clone(), a.clone()),
            title: m.t_deployment,
            description: m.d_deployment.to_string(),
            summary: fill(m.s_deployment, &[("n", &v(o.accelerators_peak, Unit::Count)), ("quarter", &peak_quarter), ("mw", &v(o.total_facility_mw_peak, Unit::Mw))]),
            controls: html! {},
            footer: html! {},
        },
        ChartText {
            input: ChartInput::CostStack(o.clone(), a.clone()),
            title: m.t_cost,
            description: m.d_cost.to_string(),
            summary: full_year
                .map(|y| {
                    let cost = y.capital_accelerators_usd + y.capital_cpus_usd + y.capital_facility_usd + y.energy_usd + y.other_opex_usd;
                    fill(m.s_cost, &[("year", &y.year.to_string()), ("cost", &v(cost, Unit::Usd)), ("revenue", &v(y.revenue_usd, Unit::Usd))])
                })
                .unwrap_or_default(),
            controls: html! {},
            footer: html! {},
        },
        ChartText {
            input: ChartInput::CashFlow(o.clone(), bands.clone(), a.clone()),
            title: m.t_cashflow,
            description: m.d_cashflow.to_string(),
            summary: {
                let low_v = v(low.map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0), Unit::Usd);
                let low_q = low.map(|q| q.quarter.clone()).unwrap_or_default();
                let end = v(o.quarters.last().map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0), Unit::Usd);
                match o.payback_years {
                    Some(p) => fill(m.s_cashflow, &[("low", &low_v), ("quarter", &low_q), ("years", &fmt.number(p, 1)), ("end", &end)]),
                    None => fill(m.s_cashflow_no_payback, &[("low", &low_v), ("quarter", &low_q), ("end", &end)]),
                }
            },
            controls: html! {},
            footer: html! {},
        },
        ChartText {
            input: ChartInput::Histogram(out_summary.clone(), out_unit, loss_below),
            title: m.t_histogram,
            description: fill(m.d_histogram, &[("output", out_label)]),
            summary: out_summary
                .as_ref()
                .and_then(|os| Some(fill(m.s_histogram, &[("output", out_label), ("p5", &v(os.p(5)?, out_unit)), ("p50", &v(os.p(50)?, out_unit)), ("p95", &v(os.p(95)?, out_unit))])))
                .unwrap_or_else(|| m.msg_no_distribution.into()),
            controls: output_select("output-histogram"),
            footer: html! {},
        },
        ChartText {
            input: ChartInput::Tornado(state.tornado.clone(), state.output, out_unit),
            title: m.t_tornado,
            description: fill(m.d_tornado, &[("output", out_label)]),
            summary: top_swing
                .map(|(p, lo, hi)| {
                    let input = crate::params::P::from_key(&p).map(|p| crate::i18n::param_label(lang, p)).unwrap_or(&p);
                    fill(m.s_tornado, &[("input", input), ("lo", &v(lo, out_unit)), ("hi", &v(hi, out_unit))])
                })
                .unwrap_or_else(|| m.msg_no_uncertain.into()),
            controls: output_select("output-tornado"),
            footer: html! {},
        },
        ChartText {
            input: ChartInput::Heatmap(state.grid.clone()),
            title: m.t_heatmap,
            description: m.d_heatmap.to_string(),
            summary: be.map(|(b, a)| fill(m.s_heatmap, &[("availability", &v(a, Unit::Fraction)), ("price", &v(b, Unit::UsdPerHour))])).unwrap_or_default(),
            controls: html! {},
            footer: html! {},
        },
        ChartText {
            input: ChartInput::Presets(state.deals.clone()),
            title: m.t_presets,
            description: m.d_presets.to_string(),
            summary: state.deals.iter().map(|d| format!("{}: {}", d.name, v(d.price_usd_per_accelerator_hour, Unit::UsdPerHour))).collect::<Vec<_>>().join("; "),
            controls: html! {},
            footer: html! {
                <ol class="deal-list">{ for state.deals.iter().map(|d| html! { <li class={classes!(d.current.then_some("current"))}>{ d.name.clone() }</li> }) }</ol>
            },
        },
    ];
    let fx_source = crate::sources::source(state.view.currency.rate_source());
    let fx_error = state.errors.get("fx").cloned();
    let rc = Rc::new((*state).clone());

    if state.view.embed {
        let chart = state.view.chart.unwrap_or(crate::charts::ChartId::CashFlow);
        let full = share::url_of(&state, &View { embed: false, kpis: Vec::new(), ..state.view.clone() });
        let kpis = state.view.embed_kpis();
        return html! {
            <div class="page embed" data-embed="1">
                <header class="embed-head">
                    <h1 class="embed-name">{ State::name_of(s) }</h1>
                    <a class="open-full" href={full} target="_blank" rel="noopener">{ m.open_full }{ " ↗" }</a>
                </header>
                if !state.notices.is_empty() {
                    <div class="notices" role="status">
                        <p>{ m.notices }</p>
                        <ul>{ for state.notices.iter().map(|w| html! { <li data-key={w.key.clone()}>{ w.message.clone() }</li> }) }</ul>
                        <button type="button" class="link" onclick={dismiss}>{ m.dismiss }</button>
                    </div>
                }
                <Cards state={rc.clone()} mc={(*mc).clone()} only={kpis} />
                { for charts.into_iter().filter(|c| c.input.id() == chart).map(|c| html! {
                    <ChartCard input={c.input} title={c.title} description={c.description} summary={c.summary} dark={dark} fmt={fmt} name={s.preset.id}
                        size={*size} controls={c.controls} footer={html! {}} />
                }) }
                <footer class="attribution"><p>{ m.attribution }</p></footer>
            </div>
        };
    }

    html! {
        <div class="page">
            <header class="top">
                <div class="brand">
                    <h1>{ "computedeal" }</h1>
                    <p class="tagline">{ m.tagline }</p>
                </div>
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
                        <FxField text={fx_error.as_ref().map(|e| e.0.clone()).unwrap_or_else(|| crate::params::format_number(state.view.rate()))}
                            invalid={fx_error.is_some()} label={m.fx_rate} onchange={on_fx} />
                    }
                </div>
            </header>
            if state.view.currency != Currency::Usd {
                <p class="help fx-help" id="fx-help">
                    { m.fx_help }{ " " }
                    if let Some(src) = fx_source {
                        { fill(m.fx_default, &[("rate", &crate::params::format_number(state.view.currency.default_rate())), ("source", src.title), ("date", src.date)]) }
                    }
                    if let Some((_, why)) = &fx_error { <span class="error" role="alert">{ format!(" {why}") }</span> }
                </p>
            }
            <div class="deal-bar">
                <div class="deal-picker">
                    <label for="preset">{ m.deal }</label>
                    <select id="preset" onchange={on_preset}>
                        { for PRESETS.iter().map(|p| html! { <option value={p.id} selected={p.id == s.preset.id}>{ p.name }</option> }) }
                    </select>
                    <button type="button" id="reset" onclick={on_reset}>{ m.reset }</button>
                </div>
                <div class="actions">
                    <button type="button" id="pin" aria-pressed={a.is_some().to_string()} onclick={on_pin}>{ if a.is_some() { m.unpin } else { m.pin } }</button>
                    <button type="button" id="export-json" onclick={on_export}>{ m.export_json }</button>
                    <button type="button" id="import-json" onclick={on_import_click}>{ m.import_json }</button>
                    <input type="file" id="import-file" ref={import_input} accept=".json,application/json" hidden=true onchange={on_import} aria-label={m.import_json} />
                </div>
            </div>
            <share::SharePanel state={rc.clone()} dispatch={dispatch.clone()} />
            <p class="deal-summary">{ crate::i18n::preset_summary(lang, s.preset) }</p>
            if let Some(import) = &state.import {
                { match import {
                    Ok(name) => html! { <p class="import-status ok" role="status">{ fill(m.imported, &[("name", name)]) }</p> },
                    Err((name, why)) => html! {
                        <div class="import-status failed" role="alert" data-file={name.clone()}>
                            <p>{ m.import_failed }</p>
                            <ul>{ for why.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                        </div>
                    },
                } }
            }
            if let Some(compare) = &state.view.compare {
                <p class="compare-status" role="status">{ fill(m.pinned, &[("name", &State::name_of(compare))]) }</p>
            }
            if !state.notices.is_empty() {
                <div class="notices" role="status">
                    <p>{ m.notices }</p>
                    <ul>{ for state.notices.iter().map(|w| html! { <li data-key={w.key.clone()}>{ w.message.clone() }</li> }) }</ul>
                    <button type="button" class="link" onclick={dismiss}>{ m.dismiss }</button>
                </div>
            }
            <Cards state={rc.clone()} mc={(*mc).clone()} />
            <Reading state={rc.clone()} mc={(*mc).clone()} />
            <McStatus mc={(*mc).clone()} uncertain={s.dists.len()} fmt={fmt} />
            <div class="layout">
                <aside class="panel">
                    <h2>{ m.assumptions }</h2>
                    <p class="legend"><abbr class="badge est" title={m.est_title}>{ m.est }</abbr>{ m.legend_est }<span class="badge changed-badge">{ m.changed }</span>{ m.legend_changed }</p>
                    <InputPanel state={rc.clone()} dispatch={dispatch.clone()} />
                </aside>
                <section class="charts" aria-label={m.charts}>
                    { for charts.into_iter().map(|c| html! {
                        <ChartCard input={c.input} title={c.title} description={c.description} summary={c.summary} dark={dark} fmt={fmt} name={s.preset.id}
                            size={*size} controls={c.controls} footer={c.footer} />
                    }) }
                </section>
            </div>
            <footer class="foot">
                <p>{ m.footer }</p>
            </footer>
        </div>
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

/// Writes the page's query string into the address bar with
/// `history.replaceState` (no new history entry), at most once per
/// `URL_INTERVAL_MS`: the first change is written at once, later ones when
/// the interval is up, always the latest.
#[derive(Default)]
struct UrlSync {
    query: String,
    written: Option<String>,
    last_ms: Option<f64>,
    pending: Option<gloo::timers::callback::Timeout>,
}

pub const URL_INTERVAL_MS: f64 = 300.0;

impl UrlSync {
    fn schedule(sync: &Rc<RefCell<UrlSync>>) {
        let mut me = sync.borrow_mut();
        if me.pending.is_some() {
            return;
        }
        let wait = me.last_ms.map(|t| (t + URL_INTERVAL_MS - now_ms()).max(0.0)).unwrap_or(0.0);
        if wait <= 0.0 {
            me.write();
        } else {
            let sync = sync.clone();
            me.pending = Some(gloo::timers::callback::Timeout::new(wait.ceil() as u32, move || {
                let mut me = sync.borrow_mut();
                me.pending = None;
                me.write();
            }));
        }
    }

    fn write(&mut self) {
        if self.written.as_deref() == Some(self.query.as_str()) {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let loc = w.location();
        let path = loc.pathname().unwrap_or_default();
        let hash = loc.hash().unwrap_or_default();
        let url = if self.query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{}{hash}", self.query) };
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        self.written = Some(self.query.clone());
        self.last_ms = Some(now_ms());
    }
}

/// Shows a plain message in the page when the app panics, instead of leaving
/// a blank or frozen page. The message is set as text, never as HTML.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("computedeal panicked: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(crash) = doc.get_element_by_id("crash") {
            crash.set_text_content(Some(
                "Sorry: the calculator stopped because of an internal error. Reload the page to start again.",
            ));
            let _ = crash.remove_attribute("hidden");
        }
        if let Some(root) = doc.get_element_by_id("app") {
            let _ = root.set_attribute("data-state", "crashed");
        }
    }));
}

/// Starts the app in `#app` with the scenario of the URL's query string.
/// `?debug=panic` makes it panic on purpose (the end-to-end tests check the
/// crash message); `?bench=1` runs the browser benchmarks instead.
pub fn start() {
    install_panic_hook();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let query = search.trim_start_matches('?').to_string();
    let mut page = decode_page(&query);
    if page.raw.get("debug").map(String::as_str) == Some("panic") {
        panic!("debug=panic was requested in the URL");
    }
    let Some(root) = doc.get_element_by_id("app") else { return };
    if page.raw.get("bench").map(String::as_str) == Some("1") {
        bench::run(root);
        return;
    }
    // The URL's language, else the first of the browser's that we have.
    let lang = page.view.lang.or_else(browser_lang).unwrap_or_default();
    if lang != Lang::En {
        // Notices in the reader's language.
        crate::i18n::set_lang(lang);
        page = decode_page(&query);
    }
    let props = AppProps { scenario: page.scenario, notices: page.warnings, view: page.view, lang, opened_with: query };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// The first of the browser's preferred languages that the page speaks.
fn browser_lang() -> Option<Lang> {
    let nav = web_sys::window()?.navigator();
    let langs = nav.languages();
    langs.iter().filter_map(|l| l.as_string()).chain(nav.language()).find_map(|l| Lang::from_code(&l))
}
