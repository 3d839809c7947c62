//! The view in the address bar: `use_url_sync` writes the page's query
//! string with `history.replaceState` (no new history entry), at most once
//! per `URL_INTERVAL_MS`: the first change at once, later ones when the
//! interval is up, always the latest. The link the page was opened with
//! stays as it is until something changes.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use computedeal_core::scenario::Scenario;
use computedeal_present::view::{encode_page, View};

use crate::runner::now_ms;

pub const URL_INTERVAL_MS: f64 = 300.0;

#[derive(Default)]
struct UrlSync {
    query: String,
    written: Option<String>,
    last_ms: Option<f64>,
    pending: Option<gloo::timers::callback::Timeout>,
}

impl UrlSync {
    fn schedule(sync: &Rc<RefCell<UrlSync>>) {
        let mut me = sync.borrow_mut();
        if me.pending.is_some() {
            return;
        }
        let wait = me.last_ms.map(|t| (t + URL_INTERVAL_MS - now_ms()).max(0.0)).unwrap_or(0.0);
        if wait <= 0.0 {
            me.write();
        } else {
            let sync = sync.clone();
            me.pending = Some(gloo::timers::callback::Timeout::new(wait.ceil() as u32, move || {
                let mut me = sync.borrow_mut();
                me.pending = None;
                me.write();
            }));
        }
    }

    fn write(&mut self) {
        if self.written.as_deref() == Some(self.query.as_str()) {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let loc = w.location();
        let path = loc.pathname().unwrap_or_default();
        let hash = loc.hash().unwrap_or_default();
        let url = if self.query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{}{hash}", self.query) };
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        self.written = Some(self.query.clone());
        self.last_ms = Some(now_ms());
    }
}

#[hook]
pub fn use_url_sync(scenario: &Scenario, view: &View) {
    let sync = use_mut_ref(UrlSync::default);
    use_effect_with((scenario.clone(), view.clone()), move |(s, v)| {
        let query = encode_page(s, v);
        let mut me = sync.borrow_mut();
        if me.written.is_none() {
            me.written = Some(query.clone());
        }
        me.query = query;
        drop(me);
        UrlSync::schedule(&sync);
    });
}
