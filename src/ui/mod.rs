//! The Yew user interface (wasm32 only): the only module, with the app entry,
//! that knows about the DOM.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::evaluate;
use crate::scenario::Scenario;

#[derive(Clone, Copy, PartialEq)]
struct Slice {
    value_usd: f64,
    term_years: f64,
    accelerators: f64,
}

impl Default for Slice {
    /// The AWS–OpenAI deal of November 2025: $38B over seven years
    /// (facts.md §1); 200,000 GB300-class GPUs is an estimate for
    /// "hundreds of thousands".
    fn default() -> Self {
        Slice { value_usd: 38e9, term_years: 7.0, accelerators: 200_000.0 }
    }
}

impl Slice {
    fn scenario(&self) -> Scenario {
        let mut s = Scenario::default();
        s.inputs.value_usd = self.value_usd;
        s.inputs.term_years = self.term_years;
        s.inputs.accelerators = self.accelerators;
        s
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let slice = use_state(Slice::default);
    let canvas = use_node_ref();

    {
        let canvas = canvas.clone();
        use_effect_with(*slice, move |s| {
            if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
                let css_w = el.client_width().max(300) as f64;
                let css_h = el.client_height().max(200) as f64;
                el.set_width((css_w * dpr) as u32);
                el.set_height((css_h * dpr) as u32);
                if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                    let area = backend.into_drawing_area();
                    if let Err(e) = crate::charts::draw_deployment(&area, &evaluate(&s.scenario().inputs)) {
                        web_sys::console::error_1(&format!("chart: {e:?}").into());
                    }
                }
            }
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) {
                let _ = root.set_attribute("data-state", "ready");
            }
        });
    }

    let field = |label: &'static str, key: &'static str, value: f64, set: fn(&mut Slice, f64)| {
        let slice = slice.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            if let Ok(v) = input.value().trim().parse::<f64>() {
                if v.is_finite() && v > 0.0 {
                    let mut next = *slice;
                    set(&mut next, v);
                    slice.set(next);
                }
            }
        });
        html! {
            <label class="field">
                <span>{ label }</span>
                <input type="number" name={key} value={value.to_string()} {oninput} />
            </label>
        }
    };

    let price = evaluate(&slice.scenario().inputs).price_usd_per_accelerator_hour;
    html! {
        <div class="slice">
            <h1>{ "computedeal" }</h1>
            <p class="lede">{ "What does a giant AI-compute deal buy, cost and earn? The AWS–OpenAI deal of November 2025 is loaded." }</p>
            <div class="inputs">
                { field("Contract value (USD)", "value_usd", slice.value_usd, |s, v| s.value_usd = v) }
                { field("Term (years)", "term_years", slice.term_years, |s, v| s.term_years = v) }
                { field("Accelerators", "accelerators", slice.accelerators, |s, v| s.accelerators = v) }
            </div>
            <p class="kpi" data-kpi="price_usd_per_accelerator_hour" data-value={price.to_string()}>
                { format!("Implied price: ${price:.2} per accelerator-hour") }
            </p>
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

/// Starts the app in `#app`. `?debug=panic` makes it panic on purpose, so
/// the end-to-end tests can check the crash message.
pub fn start() {
    install_panic_hook();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if search.split(['?', '&']).any(|kv| kv == "debug=panic") {
        panic!("debug=panic was requested in the URL");
    }
    if let Some(root) = doc.get_element_by_id("app") {
        yew::Renderer::<App>::with_root(root).render();
    }
}
