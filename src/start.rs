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
    // The document's language before the first drawing, not in an effect
    // after it: style.css gives Hindi its font by `html[lang=hi]`, and set
    // late it redrew the whole page in that font (a layout shift of 0.29).
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    let panic_after_mount = page.raw.get("debug").map(String::as_str) == Some("panic-after-mount");
    let mount = move || {
        yew::Renderer::<App>::with_root_and_props(root, props).render();
        if panic_after_mount {
            debug_panic_after_mount();
        }
    };
    // In Hindi the page is drawn once its Devanagari font is ready, so that
    // no font swap moves it (issue 29.3). boot.js has already asked for the
    // font when the address says lang=hi; at most `FONT_WAIT_MS` is waited.
    if lang == computedeal_present::i18n::Lang::Hi {
        when_font_ready(&doc, mount);
    } else {
        mount();
    }
}

/// The longest the first drawing waits for the Hindi font.
const FONT_WAIT_MS: u32 = 1500;

/// Runs `then` once the Devanagari font has loaded, failed, or
/// `FONT_WAIT_MS` has passed, whichever is first.
fn when_font_ready(doc: &web_sys::Document, then: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    /// What is still to run: taken by whichever comes first.
    type Once = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;
    let once: Once = Rc::new(RefCell::new(Some(Box::new(then))));
    let fire = move |once: &Once| {
        let f = once.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    {
        let once = once.clone();
        gloo::timers::callback::Timeout::new(FONT_WAIT_MS, move || fire(&once)).forget();
    }
    let done = Closure::once(move |_: JsValue| fire(&once));
    // "क" is in the font's unicode-range (style.css), so the face is fetched.
    let _ = doc.fonts().load_with_text("1em cdDevanagari", "क").then2(&done, &done);
    done.forget();
}

/// debug=panic-after-mount: a panic once the app says it is ready.
fn debug_panic_after_mount() {
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
