//! The Yew user interface (wasm32 only): the only module, with the web
//! entries in `src/bin/`, that knows about the DOM.

pub mod bench;
pub mod runner;
pub mod worker;

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::batch::{headline_index, Engine};
use crate::codec::decode_query;
use crate::model::evaluate;
use crate::params::P;
use crate::scenario::Scenario;
use runner::{McUpdate, Runner};

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

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub scenario: Scenario,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let scenario = use_state(|| props.scenario.clone());
    let mc = use_state(|| None::<McUpdate>);
    let canvas = use_node_ref();
    let runner = {
        let mc = mc.clone();
        use_mut_ref(move || None::<Rc<RefCell<Runner>>>).clone()
            .borrow_mut()
            .get_or_insert_with(|| Runner::new(Callback::from(move |u: McUpdate| mc.set(Some(u)))))
            .clone()
    };

    {
        let canvas = canvas.clone();
        let runner = runner.clone();
        let mc = mc.clone();
        use_effect_with((*scenario).clone(), move |s| {
            if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
                let css_w = el.client_width().max(300) as f64;
                let css_h = el.client_height().max(200) as f64;
                el.set_width((css_w * dpr) as u32);
                el.set_height((css_h * dpr) as u32);
                if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                    let area = backend.into_drawing_area();
                    if let Err(e) = crate::charts::draw_deployment(&area, &evaluate(&s.inputs)) {
                        web_sys::console::error_1(&format!("chart: {e:?}").into());
                    }
                }
            }
            set_root_attr("data-state", "ready");
            set_root_attr("data-mc", "running");
            // The last run's result is stale now.
            mc.set(None);
            Runner::start(&runner, s, Engine::Simd);
        });
    }
    if let Some(u) = mc.as_ref() {
        set_root_attr("data-mc", if u.finished { "done" } else { "running" });
    }

    let field = |label: &'static str, p: P| {
        let scenario = scenario.clone();
        let value = scenario.inputs.get(p);
        let oninput = Callback::from(move |e: InputEvent| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            if let Ok(v) = p.param().parse(&input.value()) {
                let mut next = (*scenario).clone();
                next.set_value(p, v);
                scenario.set(next);
            }
        });
        html! {
            <label class="field">
                <span>{ label }</span>
                <input type="number" name={p.key()} value={p.param().format(value)} {oninput} />
            </label>
        }
    };

    let outcome = evaluate(&scenario.inputs);
    let price = outcome.price_usd_per_accelerator_hour;
    let mc_view = match mc.as_ref() {
        None => html! {},
        Some(u) => {
            let npv = u.summary.as_ref().and_then(|s| s.outputs.get(headline_index("npv_usd").unwrap_or(3)).cloned());
            html! {
                <section class="mc" aria-live="polite">
                    <progress max={u.total.to_string()} value={u.done.to_string()} aria-label="Monte Carlo progress"></progress>
                    <span class="muted">{ format!(" {} of {} scenarios ({} workers)", u.done, u.total, u.workers) }</span>
                    if let (Some(npv), Some(s)) = (npv, u.summary.as_ref()) {
                        <p data-kpi="npv_usd_p50" data-value={npv.p(50).unwrap_or(0.0).to_string()}>
                            { format!("NPV P5 ${:.1}B · P50 ${:.1}B · P95 ${:.1}B", npv.p(5).unwrap_or(0.0) / 1e9, npv.p(50).unwrap_or(0.0) / 1e9, npv.p(95).unwrap_or(0.0) / 1e9) }
                        </p>
                        <p data-kpi="p_loss" data-value={s.p_loss.to_string()}>{ format!("Probability of loss: {:.1}%", s.p_loss * 100.0) }</p>
                    }
                </section>
            }
        }
    };
    html! {
        <div class="slice">
            <h1>{ "computedeal" }</h1>
            <p class="lede">{ "What does a giant AI-compute deal buy, cost and earn? The AWS–OpenAI deal of November 2025 is loaded." }</p>
            <div class="inputs">
                { field("Contract value (USD)", P::value_usd) }
                { field("Term (years)", P::term_years) }
                { field("Accelerators", P::accelerators) }
            </div>
            <p class="kpi" data-kpi="price_usd_per_accelerator_hour" data-value={price.to_string()}>
                { format!("Implied price: ${price:.2} per accelerator-hour") }
            </p>
            { mc_view }
            <canvas ref={canvas} class="chart" width="640" height="360"></canvas>
        </div>
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
    if search.split(['?', '&']).any(|kv| kv == "bench=1") {
        bench::run(root);
        return;
    }
    yew::Renderer::<App>::with_root_and_props(root, AppProps { scenario: decoded.scenario }).render();
}
