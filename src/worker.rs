//! The Monte Carlo web worker (gloo-worker): receives `mc::ChunkRequest`s,
//! runs them with `mc::WorkerState` and replies with their partial statistics.

use gloo::worker::{HandlerId, Registrable, Worker, WorkerScope};
use wasm_bindgen::JsCast;

use computedeal_engine::mc::{ChunkReply, ChunkRequest, WorkerState};

pub struct McWorker {
    state: WorkerState,
}

impl Worker for McWorker {
    type Message = ();
    type Input = ChunkRequest;
    type Output = ChunkReply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        McWorker { state: WorkerState::default() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        let mut reply = self.state.handle(&msg, || js_sys::Date::now() / 1000.0);
        reply.memory_bytes = wasm_memory_bytes();
        scope.respond(id, reply);
    }
}

/// Called by the web entry (`src/bin/app.rs`) when it runs in a worker.
pub fn register() {
    McWorker::registrar().register();
}

/// Bytes of this module's wasm memory (it only grows, so this is the peak).
pub fn wasm_memory_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map(|b| b.byte_length() as u64)
        .unwrap_or(0)
}
