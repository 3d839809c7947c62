//! The embed's side of the page: posting its height to the host page, so an
//! iframe that listens can fit it exactly. The message is
//! `{type: "computedeal:height", height}` (CSS pixels), sent whenever the
//! embedded page's height changes; nothing is read from the host.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts the height of `#app` to the parent window, if there is one.
pub fn post_height() {
    let Some(w) = web_sys::window() else { return };
    let Some(parent) = w.parent().ok().flatten() else { return };
    if Object::is(&parent, &w) {
        return;
    }
    let Some(app) = w.document().and_then(|d| d.get_element_by_id("app")) else { return };
    let height = app.get_bounding_client_rect().height().ceil();
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"type".into(), &"computedeal:height".into());
    let _ = Reflect::set(&msg, &"height".into(), &height.into());
    let _ = parent.post_message(&msg, "*");
}

/// Watches `#app` and posts its height whenever it changes. Keep the
/// returned pair alive as long as the page.
pub fn watch_height() -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)> {
    let app = web_sys::window()?.document()?.get_element_by_id("app")?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|_entries: js_sys::Array| post_height());
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&app);
    Some((observer, callback))
}
