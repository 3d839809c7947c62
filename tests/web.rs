//! Browser tests (wasm-bindgen-test in headless Chromium): mount the app and
//! read what a user would see.
#![cfg(target_arch = "wasm32")]

use computedeal::i18n::Lang;
use computedeal::view::decode_page;
use computedeal::model::evaluate;
use computedeal::ui::{App, AppProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn mount(query: &str) -> web_sys::Element {
    let root = document().create_element("div").expect("a div");
    root.set_id("app");
    document().body().expect("a body").append_child(&root).expect("appended");
    let q = query.trim_start_matches('?');
    let page = decode_page(q);
    let lang = page.view.lang.unwrap_or(Lang::En);
    computedeal::i18n::set_lang(lang);
    let page = decode_page(q);
    let props = AppProps { scenario: page.scenario, notices: page.warnings, view: page.view, lang, opened_with: q.to_string() };
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
    let want = evaluate(&computedeal::scenario::Scenario::default().inputs);
    assert_eq!(kpi(&root, "price_usd_per_accelerator_hour"), want.price_usd_per_accelerator_hour);
    assert!((kpi(&root, "price_usd_per_accelerator_hour") - 3.0032).abs() < 1e-4);
    assert_eq!(kpi(&root, "npv_usd"), want.npv_usd);
    // Every group of the parameter table has its section, and every parameter its row.
    for group in computedeal::params::Group::ALL {
        assert!(root.query_selector(&format!("#group-{}", group.id())).ok().flatten().is_some(), "{}", group.id());
    }
    for p in computedeal::params::P::ALL {
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
    let want = evaluate(&computedeal::scenario::Scenario::default().inputs);
    assert_eq!(kpi(&root, "npv_usd"), want.npv_usd, "data-value stays in USD");
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("एनपीवी") && text.contains("मान्यताएँ"), "Hindi labels");
    assert!(text.contains("करोड़"), "rupees in crore");
    assert!(!text.contains("Headline results") && !text.contains("Cost per year against revenue"), "no English left in the page's own text");
    computedeal::i18n::set_lang(Lang::En);
    root.remove();
}
