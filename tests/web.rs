//! Browser tests (wasm-bindgen-test in headless Chromium): mount the app and
//! read what a user would see.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use computedeal_core::model::evaluate;
use computedeal_core::outputs::Output;
use computedeal_core::params::P;
use computedeal_core::scenario::Scenario;
use computedeal_present::i18n::Lang;
use computedeal_present::view::{decode_page, View};
use computedeal_web::state::{Action, State};
use computedeal_web::{App, AppProps};
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn mount(query: &str) -> web_sys::Element {
    let root = document().create_element("div").expect("a div");
    root.set_id("app");
    document().body().expect("a body").append_child(&root).expect("appended");
    let page = decode_page(query.trim_start_matches('?'));
    let lang = page.view.lang.unwrap_or(Lang::En);
    let props = AppProps { scenario: page.scenario, notices: page.warnings, view: page.view, lang };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Waits `ms` milliseconds (a timer's promise: the deferred drawing runs meanwhile).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("a window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn kpi(root: &web_sys::Element, key: &str) -> f64 {
    root.query_selector(&format!("[data-kpi={key}]"))
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-value"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_model_in_the_cards() {
    let root = mount("");
    yew::scheduler::flush().await;
    // The same model in the browser: 91% of $38B over 200,000 GPUs × 26
    // effective quarters × 2,190 h = $3.0365 per accelerator-hour.
    let want = evaluate(&Scenario::default().inputs);
    assert_eq!(kpi(&root, "price_usd_per_accelerator_hour"), want.out.price_usd_per_accelerator_hour);
    assert!((kpi(&root, "price_usd_per_accelerator_hour") - 3.0365).abs() < 1e-4);
    assert_eq!(kpi(&root, "npv_usd"), want.out.npv_usd);
    // Every group of the parameter table has its section, and every parameter its row.
    for group in computedeal_core::params::Group::ALL {
        assert!(root.query_selector(&format!("#group-{}", group.id())).ok().flatten().is_some(), "{}", group.id());
    }
    for p in P::ALL {
        assert!(root.query_selector(&format!("#param-{}", p.key())).ok().flatten().is_some(), "{}", p.key());
    }
    // One card per chart.
    assert_eq!(root.query_selector_all("figure.chart-card").map(|l| l.length()).unwrap_or(0), computedeal_present::charts::ChartId::ALL.len() as u32);
    root.remove();
}

#[wasm_bindgen_test]
async fn url_warnings_are_listed_in_a_notice() {
    let root = mount("?pue=9&frobnicate=1");
    yew::scheduler::flush().await;
    let notices = root.query_selector(".notices").ok().flatten().and_then(|n| n.text_content()).unwrap_or_default();
    assert!(notices.contains("pue=9 is out of range"), "{notices}");
    assert!(notices.contains("'frobnicate' is not a parameter"), "{notices}");
    root.remove();
}

#[wasm_bindgen_test]
async fn in_hindi_and_rupees_the_labels_change_and_the_numbers_do_not() {
    let root = mount("?lang=hi&currency=INR");
    yew::scheduler::flush().await;
    let want = evaluate(&Scenario::default().inputs);
    assert_eq!(kpi(&root, "npv_usd"), want.out.npv_usd, "data-value stays in USD");
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("एनपीवी") && text.contains("मान्यताएँ"), "Hindi labels");
    assert!(text.contains("करोड़"), "rupees in crore");
    assert!(!text.contains("Headline results") && !text.contains("Cost per year against revenue"), "no English left in the page's own text");
    root.remove();
}

#[wasm_bindgen_test]
fn the_reducer_keeps_only_what_the_reader_chose() {
    let reduce = |s: State, a: Action| (*Rc::new(s).reduce(a)).clone();
    let s = State::new(Scenario::default(), Vec::new(), View::default(), Lang::En);
    let s = reduce(s, Action::SetValue(P::pue, 1.3));
    assert_eq!(s.scenario.inputs.pue, 1.3);
    let s = reduce(s, Action::SelectOutput(Output::irr));
    assert_eq!(s.view.output, Some(Output::irr));
    let s = reduce(s, Action::Pin(true));
    assert_eq!(s.view.compare.as_ref().map(|a| a.inputs.pue), Some(1.3));
    // A language switch changes the language only: refusals and notices are data, written anew.
    let s = reduce(s, Action::SetLang(Lang::Hi));
    assert_eq!((s.lang, s.view.lang), (Lang::Hi, Some(Lang::Hi)));
    assert_eq!(s.revision, 4);
    // The same state and action give the same next state.
    assert_eq!(reduce(s.clone(), Action::Reset), reduce(s, Action::Reset));
}

#[wasm_bindgen_test]
async fn repairs_are_listed_and_the_correlation_field_says_when_it_scales() {
    // Regression: the page kept only rejected notices; a duplicate key, a
    // scaled correlation matrix and a repeated corr= were silent.
    let q = "?pue=1.3&pue=1.4&wacc=0.06~0.1&electricity_usd_per_mwh=60~110&capex_usd_per_accelerator=60000~90000\
             &corr=wacc:electricity_usd_per_mwh:0.9,wacc:capex_usd_per_accelerator:0.9&corr=electricity_usd_per_mwh:capex_usd_per_accelerator:-0.9";
    let root = mount(q);
    yew::scheduler::flush().await;
    let notices = root.query_selector(".notices").ok().flatten().and_then(|n| n.text_content()).unwrap_or_default();
    assert!(notices.contains("pue is given more than once; the last value, '1.4', is used"), "{notices}");
    assert!(notices.contains("cannot all hold at once"), "{notices}");
    assert!(notices.contains("corr is given more than once"), "{notices}");
    let field = root.query_selector("#corr-scaled").ok().flatten().and_then(|n| n.text_content()).unwrap_or_default();
    assert!(field.contains("cannot all hold at once"), "{field}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_cost_of_capital_of_1e_17_gives_numbers_not_nan() {
    // Regression: wacc=1e-17 made the capital recovery factor 0/0: three
    // cards carried data-value="NaN" and the reading said "it costs – to provide".
    let root = mount("?wacc=1e-17&uncertainty=off");
    yew::scheduler::flush().await;
    let cards = root.query_selector_all("[data-kpi]").expect("cards");
    for i in 0..cards.length() {
        let el: web_sys::Element = cards.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into(n).ok()).expect("an element");
        if let Some(v) = el.get_attribute("data-value") {
            assert!(v.parse::<f64>().is_ok_and(f64::is_finite), "{}: {v}", el.get_attribute("data-kpi").unwrap_or_default());
        }
    }
    // Close to the zero-rate figure: within the rate's own effect.
    let at_zero = evaluate(&decode_page("wacc=0").scenario.inputs);
    assert!((kpi(&root, "cost_usd_per_accelerator_hour") - at_zero.out.cost_usd_per_accelerator_hour).abs() < 1e-9);
    let reading = root.query_selector("#reading").ok().flatten().and_then(|n| n.text_content()).unwrap_or_default();
    assert!(!reading.contains('–') && !reading.contains("NaN"), "{reading}");
    root.remove();
}

#[wasm_bindgen_test]
async fn no_chips_or_no_availability_draw_every_chart_or_say_why() {
    // Regression (issue 27): with no hour delivered the heatmap's price axis
    // was NaN and plotters asserted on every render, so the page panicked.
    // A panic aborts this test; the heatmap's card must say why instead.
    for query in ["?accelerators=0&uncertainty=off", "?availability=0&uncertainty=off"] {
        let root = mount(query);
        yew::scheduler::flush().await;
        // The charts below the first screen are drawn after the frame.
        sleep(1500).await;
        yew::scheduler::flush().await;
        assert_eq!(
            root.query_selector_all("figure.chart-card canvas").map(|l| l.length()).unwrap_or(0),
            computedeal_present::charts::ChartId::ALL.len() as u32,
            "{query}"
        );
        assert_ne!(root.get_attribute("data-state").as_deref(), Some("crashed"), "{query}");
        root.remove();
    }
}
