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
    yew::Renderer::<computedeal::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let kpi = root
        .query_selector("[data-kpi=price_usd_per_accelerator_hour]")
        .expect("a valid selector")
        .expect("the price is shown");
    let value: f64 = kpi.get_attribute("data-value").expect("data-value").parse().expect("a number");
    // 38e9 / (200,000 × 7 × 8,760) = 3.0985 USD per accelerator-hour
    assert!((value - 3.0985).abs() < 1e-3, "{value}");
    assert!(kpi.text_content().unwrap_or_default().contains("$3.10"));
}
