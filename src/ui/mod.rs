//! The Yew user interface (wasm32 only): the only module, with the web
//! entries in `src/bin/`, that knows about the DOM.
//!
//! `App` holds the state (`state.rs`: a reducer as in yew's todomvc), the
//! Monte Carlo runner (`runner.rs`) and the page: the deal picker, the
//! headline cards and reading (`results.rs`), the input panel
//! (`inputs.rs`) and the seven charts (`chart.rs`).

pub mod bench;
pub mod chart;
pub mod inputs;
pub mod results;
pub mod runner;
pub mod state;
pub mod worker;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::batch::{headline_index, Engine, HEADLINE};
use crate::charts::ChartInput;
use crate::codec::decode_query;
use crate::format::value;
use crate::outputs::{self, Unit};
use crate::presets::PRESETS;
use crate::scenario::{Scenario, Warning};
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
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| State::new(props.scenario.clone(), props.notices.clone()));
    let mc = use_state(|| None::<McUpdate>);
    let dark = use_state(prefers_dark);
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
        let dark = dark.clone();
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
    let o = state.outcome.clone();
    let summary = mc.as_ref().and_then(|u| u.summary.clone());
    let out_key = HEADLINE.get(state.output).copied().unwrap_or("npv_usd");
    let out_def = outputs::by_key(out_key);
    let out_unit = out_def.map(|d| d.unit).unwrap_or(Unit::Usd);
    let out_label = out_def.map(|d| d.label).unwrap_or("NPV");
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
            if let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                if let Some(p) = PRESETS.iter().find(|p| p.id == sel.value()) {
                    dispatch.emit(Action::Preset(p.id));
                }
            }
        })
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reset))
    };
    let output_select = {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                if let Some(k) = headline_index(&sel.value()) {
                    dispatch.emit(Action::SelectOutput(k));
                }
            }
        });
        move |id: &str| {
            html! {
                <select class="output-select" id={id.to_string()} aria-label="Output shown" onchange={onchange.clone()}>
                    { for HEADLINE.iter().map(|k| html! {
                        <option value={*k} selected={*k == out_key}>{ outputs::by_key(k).map(|d| d.label).unwrap_or(k) }</option>
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
    let charts = vec![
        (
            ChartInput::Deployment(o.clone()),
            "Accelerators online",
            "Per quarter, both tranches, with facility power on the right axis.".to_string(),
            format!("{} accelerators at peak, fully online by {}; facility power peaks at {}.", value(o.accelerators_peak, Unit::Count), peak_quarter, value(o.total_facility_mw_peak, Unit::Mw)),
            html! {},
            html! {},
        ),
        (
            ChartInput::CostStack(o.clone()),
            "Cost per year against revenue",
            "Capital recovery by asset class, energy and other opex, stacked; the line is revenue.".to_string(),
            full_year.map(|y| format!("In {} costs come to {} against revenue of {}.", y.year, value(y.capital_accelerators_usd + y.capital_cpus_usd + y.capital_facility_usd + y.energy_usd + y.other_opex_usd, Unit::Usd), value(y.revenue_usd, Unit::Usd))).unwrap_or_default(),
            html! {},
            html! {},
        ),
        (
            ChartInput::CashFlow(o.clone(), bands.clone()),
            "Cumulative cash flow",
            "The point estimate, the P10–P90 range from the Monte Carlo and the payback point.".to_string(),
            format!(
                "Cash flow bottoms at {} in {}; {}; it ends at {} with the assets' book value.",
                value(low.map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0), Unit::Usd),
                low.map(|q| q.quarter.clone()).unwrap_or_default(),
                o.payback_years.map(|p| format!("it pays back after {} years", crate::format::fixed(p, 1))).unwrap_or_else(|| "it does not pay back within the deal".into()),
                value(o.quarters.last().map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0), Unit::Usd)
            ),
            html! {},
            html! {},
        ),
        (
            ChartInput::Histogram(out_summary.clone(), out_unit, loss_below),
            "Distribution",
            format!("{out_label} over the Monte Carlo; P5, P50 and P95 marked, the loss region shaded."),
            out_summary.as_ref().and_then(|os| Some(format!("{out_label}: P5 {}, P50 {}, P95 {}.", value(os.p(5)?, out_unit), value(os.p(50)?, out_unit), value(os.p(95)?, out_unit)))).unwrap_or_else(|| "The distribution appears when the Monte Carlo has run.".into()),
            output_select("output-histogram"),
            html! {},
        ),
        (
            ChartInput::Tornado(state.tornado.clone(), state.output, out_unit),
            "What moves it",
            format!("{out_label}: each uncertain input from its P10 to its P90, the others at their point values."),
            top_swing
                .map(|(p, lo, hi)| format!("The biggest swing comes from {}: {} to {}.", crate::params::P::from_key(&p).map(|p| p.param().label).unwrap_or(&p), value(lo, out_unit), value(hi, out_unit)))
                .unwrap_or_else(|| "No input is uncertain.".into()),
            output_select("output-tornado"),
            html! {},
        ),
        (
            ChartInput::Heatmap(state.grid.clone()),
            "Margin by price and availability",
            "Blue is a profit, orange a loss, deeper further from zero; the line is break-even, the circle this scenario.".to_string(),
            be.map(|(b, a)| format!("At {} availability the deal breaks even at {} per accelerator-hour.", value(a, Unit::Fraction), value(b, Unit::UsdPerHour))).unwrap_or_default(),
            html! {},
            html! {},
        ),
        (
            ChartInput::Presets(state.deals.clone()),
            "The deals compared",
            "Price per accelerator-hour and contract revenue per GW-year of IT load; the highlighted bar is the scenario on screen.".to_string(),
            state.deals.iter().map(|d| format!("{}: {} per accelerator-hour", d.name, value(d.price_usd_per_accelerator_hour, Unit::UsdPerHour))).collect::<Vec<_>>().join("; "),
            html! {},
            html! {
                <ol class="deal-list">{ for state.deals.iter().map(|d| html! { <li class={classes!(d.current.then_some("current"))}>{ d.name.clone() }</li> }) }</ol>
            },
        ),
    ];

    html! {
        <div class="page">
            <header class="top">
                <div class="brand">
                    <h1>{ "computedeal" }</h1>
                    <p class="tagline">{ "What does a giant AI-compute deal buy, cost and earn?" }</p>
                </div>
                <div class="deal-picker">
                    <label for="preset">{ "Deal" }</label>
                    <select id="preset" onchange={on_preset}>
                        { for PRESETS.iter().map(|p| html! { <option value={p.id} selected={p.id == s.preset.id}>{ p.name }</option> }) }
                    </select>
                    <button type="button" id="reset" onclick={on_reset}>{ "Reset" }</button>
                </div>
            </header>
            <p class="deal-summary">{ s.preset.summary }</p>
            if !state.notices.is_empty() {
                <div class="notices" role="status">
                    <p>{ "Some inputs were ignored or adjusted:" }</p>
                    <ul>{ for state.notices.iter().map(|w| html! { <li data-key={w.key.clone()}>{ w.message.clone() }</li> }) }</ul>
                    <button type="button" class="link" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <Cards state={(*state).clone().into_rc()} mc={(*mc).clone()} />
            <Reading state={(*state).clone().into_rc()} mc={(*mc).clone()} />
            <McStatus mc={(*mc).clone()} uncertain={s.dists.len()} />
            <div class="layout">
                <aside class="panel">
                    <h2>{ "Assumptions" }</h2>
                    <p class="legend"><abbr class="badge est" title="our estimate">{ "est." }</abbr>{ " our estimate · " }<span class="badge changed-badge">{ "changed" }</span>{ " differs from the deal's preset" }</p>
                    <InputPanel state={(*state).clone().into_rc()} dispatch={dispatch.clone()} />
                </aside>
                <section class="charts" aria-label="Charts">
                    { for charts.into_iter().map(|(input, title, description, summary, controls, footer)| html! {
                        <ChartCard input={input} title={title} description={description} summary={summary} dark={*dark} size={*size} controls={controls} footer={footer} />
                    }) }
                </section>
            </div>
            <footer class="foot">
                <p>{ "Every default cites its source (see each input's help); values marked est. are our estimates. The model, its conventions and simplifications: docs/MODEL.md; uncertainty: docs/UNCERTAINTY.md. Everything runs in your browser; nothing is sent anywhere." }</p>
            </footer>
        </div>
    }
}

trait IntoRc {
    fn into_rc(self) -> Rc<State>;
}
impl IntoRc for State {
    fn into_rc(self) -> Rc<State> {
        Rc::new(self)
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
    let decoded = decode_query(&search);
    if decoded.view.get("debug").map(String::as_str) == Some("panic") {
        panic!("debug=panic was requested in the URL");
    }
    let Some(root) = doc.get_element_by_id("app") else { return };
    if decoded.view.get("bench").map(String::as_str) == Some("1") {
        bench::run(root);
        return;
    }
    yew::Renderer::<App>::with_root_and_props(root, AppProps { scenario: decoded.scenario, notices: decoded.warnings }).render();
}
