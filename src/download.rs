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
    let Some(bytes) = png_bytes(canvas) else { return };
    let url = ObjectUrl::from(Blob::new_with_options(bytes.as_slice(), Some("image/png")));
    save_url(name, &url);
    LAST.with(|l| *l.borrow_mut() = Some(url));
}

/// A canvas's pixels as PNG bytes.
fn png_bytes(canvas: &web_sys::HtmlCanvasElement) -> Option<Vec<u8>> {
    let data_url = canvas.to_data_url().ok()?;
    let (_, b64) = data_url.split_once(',')?;
    let binary = web_sys::window()?.atob(b64).ok()?;
    // atob gives one char per byte (U+0000 to U+00FF).
    Some(binary.chars().map(|c| c as u32 as u8).collect())
}

/// Puts a canvas's pixels on the clipboard as a PNG image, then calls
/// `done` with whether the browser took it (it may refuse: no permission,
/// no image support in its clipboard, or the page not in focus). The
/// clipboard item is made within the click, as Safari requires.
pub fn copy_canvas(canvas: &web_sys::HtmlCanvasElement, done: impl FnOnce(bool) + 'static) {
    let promise = (|| {
        let bytes = png_bytes(canvas)?;
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("image/png");
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
        let record = js_sys::Object::new();
        js_sys::Reflect::set(&record, &"image/png".into(), &js_sys::Promise::resolve(&blob)).ok()?;
        let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record).ok()?;
        Some(web_sys::window()?.navigator().clipboard().write(&js_sys::Array::of1(&item)))
    })();
    let Some(promise) = promise else {
        done(false);
        return;
    };
    // One of the two callbacks runs; each frees itself when it does (the
    // other, a few bytes, stays with the settled promise).
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (ok, err) = (done.clone(), done);
    let ok = wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = ok.take() {
            f(true)
        }
    });
    let err = wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = err.take() {
            f(false)
        }
    });
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// A file name: letters, digits and dashes only.
pub fn file_name(parts: &[&str], ext: &str) -> String {
    let stem: String = parts.join("-").chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("{stem}.{ext}")
}
