//! The web entry that Trunk builds. The same wasm runs the page and its
//! Monte Carlo workers: in a window it mounts the UI, in a worker (loaded by
//! `static/mc-worker.js`) it serves Monte Carlo chunks.

#[cfg(target_arch = "wasm32")]
fn main() {
    if web_sys::window().is_some() {
        computedeal_web::start();
    } else {
        computedeal_web::worker::register();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the web app runs in a browser: build it with `make dist` or `make serve`");
}
