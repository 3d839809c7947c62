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
    // The same model in the browser: 90% of $38B over 200,000 GPUs × 26
    // effective quarters × 2,190 h = $3.0032 per accelerator-hour.
    let want = evaluate(&Scenario::default().inputs);
    assert_eq!(kpi(&root, "price_usd_per_accelerator_hour"), want.out.price_usd_per_accelerator_hour);
    assert!((kpi(&root, "price_usd_per_accelerator_hour") - 3.0032).abs() < 1e-4);
    assert_eq!(kpi(&root, "npv_usd"), want.out.npv_usd);
    // Every group of the parameter table has its section, and every parameter its row.
    for group in computedeal_core::params::Group::ALL {
        assert!(root.query_selector(&format!("#group-{}", group.id())).ok().flatten().is_some(), "{}", group.id());
    }
    for p in P::ALL {
        assert!(root.query_selector(&format!("#param-{}", p.key())).ok().flatten().is_some(), "{}", p.key());
    }
    // Seven charts.
    assert_eq!(root.query_selector_all("figure.chart-card").map(|l| l.length()).unwrap_or(0), 7);
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
