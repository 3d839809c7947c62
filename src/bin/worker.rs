//! The Monte Carlo web worker entry that Trunk builds: it runs chunks of a
//! run off the main thread (see `ui::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    computedeal::ui::worker::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker runs in a browser: build it with `make dist` or `make serve`");
}
