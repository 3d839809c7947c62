//! Browser tests (wasm-bindgen-test in headless Chromium): mount the app and
//! read what a user would see.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_implied_price() {
    let root = document().create_element("div").expect("a div");
    root.set_id("app");
    document().body().expect("a body").append_child(&root).expect("appended");
    let props = computedeal::ui::AppProps { scenario: computedeal::scenario::Scenario::default() };
    yew::Renderer::<computedeal::ui::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let kpi = root
        .query_selector("[data-kpi=price_usd_per_accelerator_hour]")
        .expect("a valid selector")
        .expect("the price is shown");
    let value: f64 = kpi.get_attribute("data-value").expect("data-value").parse().expect("a number");
    // The same model in the browser: 90% of $38B over 200,000 GPUs × 26
    // effective quarters × 2,190 h = $3.0032 per accelerator-hour.
    let want = computedeal::model::evaluate(&computedeal::scenario::Scenario::default().inputs).price_usd_per_accelerator_hour;
    assert!((value - want).abs() < 1e-12, "{value} vs {want}");
    assert!((value - 3.0032).abs() < 1e-4, "{value}");
    assert!(kpi.text_content().unwrap_or_default().contains("$3.00"));
}
