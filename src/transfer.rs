//! Taking the scenario away and bringing it back: "Export JSON" (the
//! scenario, its outcome and the finished Monte Carlo), "Import JSON" (a bad
//! file changes nothing and says why), the import's status line, and
//! "Download this view": the single-file calculator (`make single-file`'s
//! `computedeal.html`, fetched from the page's own host) with this view's
//! query built in (`<meta name="computedeal-view">`), so it opens on the
//! view from disk.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use computedeal_core::codec::{decode_file, MAX_JSON_BYTES};
use computedeal_core::model::Outcome;
use computedeal_core::notice::{Notice, Problem, Severity};
use computedeal_engine::mc::Summary;
use computedeal_present::i18n::{fill, messages};
use computedeal_present::notices::problem_text;

use crate::download;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct TransferProps {
    pub state: Rc<State>,
    pub outcome: Rc<Outcome>,
    /// The Monte Carlo's summary once it has finished.
    pub summary: Option<Rc<Summary>>,
    pub dispatch: Callback<Action>,
}

/// The export and import buttons.
#[function_component(Transfer)]
pub fn transfer(props: &TransferProps) -> Html {
    let m = messages(props.state.lang);
    let on_export = {
        let (state, outcome, summary) = (props.state.clone(), props.outcome.clone(), props.summary.clone());
        Callback::from(move |_: MouseEvent| {
            let text = computedeal_engine::export::document(&state.scenario, &outcome, summary.as_deref());
            download::save_text(&download::file_name(&["computedeal", state.scenario.preset.id.key()], "json"), "application/json", &text);
        })
    };
    let import_input = use_node_ref();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_import_click = {
        let import_input = import_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = import_input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_import = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            if file.size() as usize > MAX_JSON_BYTES {
                let why = Notice::rejected("", "", Problem::FileTooBig { bytes: file.size() as usize, max: MAX_JSON_BYTES });
                dispatch.emit(Action::ImportFailed(name, vec![why]));
                return;
            }
            let dispatch = dispatch.clone();
            let file_name = name.clone();
            // The bytes, decoded as the command line decodes a file.
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(&file, move |bytes| match bytes {
                Ok(bytes) => {
                    let d = decode_file(&bytes);
                    let rejected: Vec<Notice> = d.notices.iter().filter(|w| w.severity == Severity::Rejected).cloned().collect();
                    if rejected.is_empty() {
                        dispatch.emit(Action::Imported(name, Box::new(d.scenario), d.notices));
                    } else {
                        dispatch.emit(Action::ImportFailed(file_name, rejected));
                    }
                }
                Err(e) => dispatch.emit(Action::ImportFailed(file_name, vec![Notice::rejected("", "", Problem::FileUnreadable { reason: e.to_string() })])),
            }));
        })
    };
    let view_missing = use_state(|| false);
    // From a file there is no host to fetch the single file from.
    let from_file = web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:");
    let on_download_view = {
        let (state, view_missing) = (props.state.clone(), view_missing.clone());
        Callback::from(move |_: MouseEvent| {
            let query = computedeal_present::view::encode_page(&state.scenario, &state.view);
            let name = download::file_name(&["computedeal", state.scenario.preset.id.key()], "html");
            fetch_single_file(query, name, view_missing.clone());
        })
    };
    html! {
        <>
            if !from_file {
                <button type="button" id="download-view" onclick={on_download_view}>{ m.download_view }</button>
                if *view_missing { <p class="import-status failed" role="alert" id="download-view-missing">{ m.download_view_missing }</p> }
            }
            <button type="button" id="export-json" onclick={on_export}>{ m.export_json }</button>
            <button type="button" id="import-json" onclick={on_import_click}>{ m.import_json }</button>
            <input type="file" id="import-file" ref={import_input} accept=".json,application/json" hidden=true onchange={on_import} aria-label={m.import_json} />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportStatusProps {
    pub state: Rc<State>,
}

/// What the last import did.
#[function_component(ImportStatus)]
pub fn import_status(props: &ImportStatusProps) -> Html {
    let lang = props.state.lang;
    let m = messages(lang);
    match &props.state.import {
        None => html! {},
        Some(Ok(name)) => html! { <p class="import-status ok" role="status">{ fill(m.imported, &[("name", name)]) }</p> },
        Some(Err((name, why))) => html! {
            <div class="import-status failed" role="alert" data-file={name.clone()}>
                <p>{ m.import_failed }</p>
                // Nothing changed, so nothing "is used" instead: the problems alone.
                <ul>{ for why.iter().map(|w| html! { <li>{ problem_text(lang, &w.key, &w.given, &w.problem) }</li> }) }</ul>
            </div>
        },
    }
}

/// Fetches `./computedeal.html` from the page's host, writes `query` into it
/// as `<meta name="computedeal-view">` and saves it as `name`; when the host
/// has no single file, sets `missing` (the page says how to add it).
fn fetch_single_file(query: String, name: String, missing: UseStateHandle<bool>) {
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::JsValue;
    let Some(window) = web_sys::window() else { return };
    let Ok(fetch) = js_sys::Reflect::get(&window, &JsValue::from_str("fetch")).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return };
    let Ok(promise) = fetch.call1(&window, &JsValue::from_str("./computedeal.html")).and_then(|p| p.dyn_into::<js_sys::Promise>()) else { return };
    let on_error = {
        let missing = missing.clone();
        Closure::once(move |_: JsValue| missing.set(true))
    };
    let on_text = {
        let missing = missing.clone();
        Closure::once(move |text: JsValue| {
            let html = text.as_string().unwrap_or_default();
            let meta = format!("<meta name=\"computedeal-view\" content=\"{}\">", computedeal_present::html::escape(&query));
            match html.find("<head>") {
                Some(at) => {
                    let (head, rest) = html.split_at(at + "<head>".len());
                    download::save_text(&name, "text/html;charset=utf-8", &format!("{head}\n  {meta}{rest}"));
                    missing.set(false);
                }
                None => missing.set(true),
            }
        })
    };
    let on_response = Closure::once(move |response: JsValue| {
        let ok = js_sys::Reflect::get(&response, &JsValue::from_str("ok")).ok().and_then(|v| v.as_bool()).unwrap_or(false);
        let text = js_sys::Reflect::get(&response, &JsValue::from_str("text")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match (ok, text.and_then(|f| f.call0(&response).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())) {
            (true, Some(p)) => {
                let _ = p.then(&on_text);
            }
            _ => missing.set(true),
        }
        // The callbacks live until the promises settle.
        on_text.forget();
    });
    let _ = promise.then(&on_response).catch(&on_error);
    on_response.forget();
    on_error.forget();
}
