//! Files the reader takes away: a chart as PNG or SVG, its data as CSV,
//! the scenario as JSON. Built in the page and handed to the browser as a
//! download; nothing leaves the machine.

use std::cell::RefCell;

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

thread_local! {
    /// The last download's object URL: kept until the next one replaces it,
    /// so the browser can finish reading it.
    static LAST: RefCell<Option<ObjectUrl>> = const { RefCell::new(None) };
}

/// Starts the download of `url` as `name`.
pub fn save_url(name: &str, url: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(a) = doc.create_element("a") else { return };
    let _ = a.set_attribute("href", url);
    let _ = a.set_attribute("download", name);
    if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
}

/// Starts the download of `text` as a file `name` of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) {
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    save_url(name, &url);
    LAST.with(|l| *l.borrow_mut() = Some(url));
}

/// Starts the download of a canvas's pixels as a PNG file `name`. Done
/// synchronously (toDataURL, not the async toBlob), so the download keeps
/// the click's user activation and the browser does not hold it back.
pub fn save_canvas(canvas: &web_sys::HtmlCanvasElement, name: &str) {
    let Ok(data_url) = canvas.to_data_url() else { return };
    let Some(b64) = data_url.split_once(',').map(|(_, b)| b.to_string()) else { return };
    let Some(binary) = web_sys::window().and_then(|w| w.atob(&b64).ok()) else { return };
    // atob gives one char per byte (U+0000 to U+00FF).
    let bytes: Vec<u8> = binary.chars().map(|c| c as u32 as u8).collect();
    let url = ObjectUrl::from(Blob::new_with_options(bytes.as_slice(), Some("image/png")));
    save_url(name, &url);
    LAST.with(|l| *l.borrow_mut() = Some(url));
}

/// A file name: letters, digits and dashes only.
pub fn file_name(parts: &[&str], ext: &str) -> String {
    let stem: String = parts.join("-").chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("{stem}.{ext}")
}
