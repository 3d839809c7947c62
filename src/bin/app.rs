//! The web app entry that Trunk builds: install the panic hook, then mount the UI.

#[cfg(target_arch = "wasm32")]
fn main() {
    computedeal::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the web app runs in a browser: build it with `make dist` or `make serve`");
}
