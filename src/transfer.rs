//! Taking the scenario away and bringing it back: "Export JSON" (the
//! scenario, its outcome and the finished Monte Carlo), "Import JSON" (a bad
//! file changes nothing and says why), and the import's status line.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use computedeal_core::codec::{decode_json, MAX_JSON_BYTES};
use computedeal_core::mc::Summary;
use computedeal_core::model::Outcome;
use computedeal_core::notice::{Notice, Problem, Severity};
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
            let text = computedeal_core::export::document(&state.scenario, &outcome, summary.as_deref());
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
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| match text {
                Ok(text) => {
                    let d = decode_json(&text);
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
    html! {
        <>
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
