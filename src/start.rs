//! Start-up: decode the address once (the scenario, the view and their
//! notices, as data), pick the language (the URL's, else the browser's),
//! and mount the app; or run the benchmarks (`?bench=1`). A panic hook
//! replaces the page with a plain message instead of a frozen page.

use computedeal_present::i18n::Lang;
use computedeal_present::view::decode_page;

use crate::app::{App, AppProps};

/// Shows a plain message in the page when the app panics, before or after
/// the app has mounted. The message is set as text, never as HTML. Set
/// through Yew: `Renderer::render` replaces any hook set with
/// `std::panic::set_hook` by its own unless one was set this way.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("computedeal panicked: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(crash) = doc.get_element_by_id("crash") {
            crash.set_text_content(Some("Sorry: the calculator stopped because of an internal error. Reload the page to start again."));
            let _ = crash.remove_attribute("hidden");
        }
        if let Some(root) = doc.get_element_by_id("app") {
            let _ = root.set_attribute("data-state", "crashed");
        }
    }));
}

/// Starts the app in `#app` with the scenario of the URL's query string.
/// `?debug=panic` makes it panic on purpose before it mounts, and
/// `?debug=panic-after-mount` once it has mounted and drawn (the end-to-end
/// tests check the crash message for both); `?bench=1` runs the browser
/// benchmarks instead.
pub fn start() {
    install_panic_hook();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    // A downloaded view ("Download this view") carries its query in the
    // file; an address with a query of its own wins.
    // A preset's own page (`deal-<preset>.html`) opens on its deal: its
    // file says so, and so does its address when the service worker answers
    // it offline with the calculator's page.
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let query = match search.trim_start_matches('?') {
        "" => built_in_view(&doc).or_else(|| computedeal_present::html::preset_of_page(&path).map(|p| format!("preset={}", p.key()))).unwrap_or_default(),
        q => q.to_string(),
    };
    let page = decode_page(&query);
    if page.raw.get("debug").map(String::as_str) == Some("panic") {
        panic!("debug=panic was requested in the URL");
    }
    let Some(root) = doc.get_element_by_id("app") else { return };
    if page.raw.get("bench").map(String::as_str) == Some("1") {
        crate::bench::run(root);
        return;
    }
    // The URL's language, else the first of the browser's that we have.
    let lang = page.view.lang.or_else(browser_lang).unwrap_or_default();
    let props = AppProps { scenario: page.scenario, notices: page.warnings, view: page.view, lang };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    if page.raw.get("debug").map(String::as_str) == Some("panic-after-mount") {
        // Once the app says it is ready (mounted, drawn), from a task of its own.
        gloo::timers::callback::Interval::new(100, || {
            let ready = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("app"))
                .and_then(|a| a.get_attribute("data-state"))
                .is_some_and(|s| s == "ready");
            if ready {
                panic!("debug=panic-after-mount was requested in the URL");
            }
        })
        .forget();
    }
}

/// The view a downloaded single file was saved with:
/// `<meta name="computedeal-view" content="…">` (data, read like a URL).
fn built_in_view(doc: &web_sys::Document) -> Option<String> {
    doc.query_selector("meta[name=\"computedeal-view\"]").ok().flatten()?.get_attribute("content")
}

/// The first of the browser's preferred languages that the page speaks.
fn browser_lang() -> Option<Lang> {
    let nav = web_sys::window()?.navigator();
    let langs = nav.languages();
    langs.iter().filter_map(|l| l.as_string()).chain(nav.language()).find_map(|l| Lang::from_code(&l))
}
