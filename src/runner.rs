//! Runs the Monte Carlo off the main thread: deals chunks of a run to web
//! workers (one per core, at most four), merges their partial statistics as
//! they arrive and reports progress. A new run cancels the stale one: its
//! generation number changes, late replies are dropped, and no worker ever
//! holds more than `IN_FLIGHT` chunks, stale or not, so the time from the
//! last change to its result does not grow with the changes before it. Without workers
//! (a page opened from disk), chunks run on the main thread between frames.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use gloo::worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use computedeal_core::codec::encode_query;
use computedeal_core::scenario::Scenario;
use computedeal_engine::batch::Engine;
use computedeal_engine::mc::{self, Buffers, ChunkReply, ChunkRequest, Partial, Setup, Summary};

use crate::worker::McWorker;

/// Blocks per chunk: 16 × 4,096 samples, some 40 ms of a worker's time.
/// Larger chunks mean fewer messages to merge on the main thread; smaller
/// ones, finer progress and a faster switch to a new run.
pub const CHUNK_BLOCKS: u64 = 8;
/// Chunks in flight per worker, whatever their run: two, so none waits for
/// its next message, and so a new run waits for at most two stale chunks.
pub const IN_FLIGHT: usize = 2;
/// Least time between intermediate summaries.
const UPDATE_MS: f64 = 120.0;

#[derive(Clone, Debug, PartialEq)]
pub struct McUpdate {
    pub generation: u32,
    pub done: u64,
    pub total: u64,
    pub summary: Option<Rc<Summary>>,
    pub finished: bool,
    /// The previous run's result, kept while a new run for a changed
    /// scenario starts: never shown as this scenario's figures, only as the
    /// widths of their placeholders (`results::ranges`), so nothing jumps.
    pub stale: bool,
    pub seconds: f64,
    pub workers: usize,
    /// The largest wasm memory a worker reported, in bytes.
    pub worker_memory_bytes: u64,
    /// Seconds the workers spent computing this run's chunks, summed.
    pub worker_seconds: f64,
}

pub struct Runner {
    workers: Vec<WorkerBridge<McWorker>>,
    in_flight: Vec<usize>,
    generation: u32,
    query: String,
    setup: Option<Setup>,
    next_chunk: u64,
    chunks: u64,
    received: u64,
    partial: Partial,
    started_ms: f64,
    last_update_ms: f64,
    /// The last summary sent and its run's generation: an update between
    /// summaries repeats it (dimmed when it is an older run's), so ranges
    /// never vanish while a run starts or progresses.
    shown: Option<(u32, Rc<Summary>)>,
    on_update: Callback<McUpdate>,
    me: Weak<RefCell<Runner>>,
    fallback: Option<Timeout>,
    buffers: Buffers,
    worker_memory_bytes: u64,
    worker_seconds: f64,
}

pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}

/// The worker script for this page: `mc-worker.js`, told where the page's
/// own JS glue and wasm are (Trunk links them for preloading), so the
/// workers run the very module the page runs. None when workers cannot
/// start here: a page opened from disk (`file://`), no preload links (a
/// single-file build), or `?workers=0`.
fn worker_url() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let protocol = location.protocol().ok()?;
    if !(protocol == "http:" || protocol == "https:") || location.search().unwrap_or_default().contains("workers=0") {
        return None;
    }
    let doc = window.document()?;
    let href = |selector: &str| doc.query_selector(selector).ok().flatten().and_then(|e| e.get_attribute("href"));
    let js = href("link[rel=modulepreload]")?;
    let wasm = href("link[rel=preload][as=fetch]")?;
    let q = |s: &str| computedeal_core::codec::percent_encode(s);
    Some(format!("./mc-worker.js?js={}&wasm={}", q(&js), q(&wasm)))
}

impl Runner {
    /// A runner with one worker per core (at most four).
    pub fn new(on_update: Callback<McUpdate>) -> Rc<RefCell<Runner>> {
        let cores = web_sys::window().map(|w| w.navigator().hardware_concurrency()).unwrap_or(2.0);
        Runner::with_workers(on_update, (cores as usize).clamp(1, 4))
    }

    /// A runner with `n` workers (none when workers cannot start here).
    pub fn with_workers(on_update: Callback<McUpdate>, n: usize) -> Rc<RefCell<Runner>> {
        let runner = Rc::new(RefCell::new(Runner {
            workers: Vec::new(),
            in_flight: Vec::new(),
            generation: 0,
            query: String::new(),
            setup: None,
            next_chunk: 0,
            chunks: 0,
            received: 0,
            partial: Partial::default(),
            started_ms: 0.0,
            last_update_ms: 0.0,
            shown: None,
            on_update,
            me: Weak::new(),
            fallback: None,
            buffers: Buffers::default(),
            worker_memory_bytes: 0,
            worker_seconds: 0.0,
        }));
        let weak = Rc::downgrade(&runner);
        {
            let mut r = runner.borrow_mut();
            r.me = weak.clone();
            if let Some(url) = worker_url() {
                for i in 0..n {
                    let weak = weak.clone();
                    let bridge = McWorker::spawner()
                        .callback(move |reply: ChunkReply| {
                            if let Some(r) = weak.upgrade() {
                                Runner::on_reply(&r, i, reply);
                            }
                        })
                        .spawn_with_loader(&url);
                    r.workers.push(bridge);
                    r.in_flight.push(0);
                }
            }
        }
        runner
    }

    pub fn workers(&self) -> usize {
        self.workers.len()
    }

    /// Starts a run of the scenario, cancelling any run in progress.
    pub fn start(this: &Rc<RefCell<Runner>>, scenario: &Scenario, engine: Engine) {
        let mut r = this.borrow_mut();
        r.generation = r.generation.wrapping_add(1);
        let setup = Setup::new(scenario, engine);
        r.query = encode_query(scenario);
        r.chunks = setup.blocks().div_ceil(CHUNK_BLOCKS);
        r.setup = Some(setup);
        r.next_chunk = 0;
        r.received = 0;
        r.partial = Partial::default();
        r.worker_seconds = 0.0;
        r.started_ms = now_ms();
        r.last_update_ms = r.started_ms;
        r.fallback = None;
        if r.workers.is_empty() {
            drop(r);
            Runner::schedule_fallback(this);
            return;
        }
        for w in 0..r.workers.len() {
            // A worker still busy with the stale run's chunks gets the new
            // run's as they come back: at most IN_FLIGHT superseded chunks
            // per worker run after a change, however many changes came
            // before it (a worker runs its messages in order and cannot
            // skip one, so the page never queues more than that).
            while r.in_flight[w] < IN_FLIGHT && r.next_chunk < r.chunks {
                r.send_next(w);
            }
        }
        r.emit(false);
    }

    fn send_next(&mut self, w: usize) {
        if self.next_chunk >= self.chunks {
            return;
        }
        let req = ChunkRequest {
            generation: self.generation,
            query: self.query.clone(),
            first_block: self.next_chunk * CHUNK_BLOCKS,
            blocks: CHUNK_BLOCKS,
            simd: matches!(self.setup.as_ref().map(|s| s.engine), Some(Engine::Simd)),
        };
        self.next_chunk += 1;
        self.in_flight[w] += 1;
        self.workers[w].send(req);
    }

    fn on_reply(this: &Rc<RefCell<Runner>>, w: usize, reply: ChunkReply) {
        let mut r = this.borrow_mut();
        r.in_flight[w] = r.in_flight[w].saturating_sub(1);
        r.worker_memory_bytes = r.worker_memory_bytes.max(reply.memory_bytes);
        if reply.generation == r.generation {
            r.worker_seconds += reply.seconds;
            r.partial.merge(reply.partial);
            r.received += 1;
        }
        while r.in_flight[w] < IN_FLIGHT && r.next_chunk < r.chunks {
            r.send_next(w);
        }
        let finished = r.received == r.chunks;
        if reply.generation == r.generation {
            r.emit(finished);
        }
    }

    /// Without workers: one chunk per timer tick, so the page stays responsive.
    fn schedule_fallback(this: &Rc<RefCell<Runner>>) {
        let weak = Rc::downgrade(this);
        let generation = this.borrow().generation;
        let timeout = Timeout::new(0, move || {
            let Some(rc) = weak.upgrade() else { return };
            let finished = {
                let mut guard = rc.borrow_mut();
                let r = &mut *guard;
                if r.generation != generation || r.next_chunk >= r.chunks {
                    return;
                }
                let first = r.next_chunk * CHUNK_BLOCKS;
                r.next_chunk += 1;
                let part = match r.setup.as_ref() {
                    Some(setup) => mc::run_blocks(setup, first, CHUNK_BLOCKS, &mut r.buffers),
                    None => Partial::default(),
                };
                r.partial.merge(part);
                r.received += 1;
                let finished = r.received == r.chunks;
                r.emit(finished);
                finished
            };
            if !finished {
                Runner::schedule_fallback(&rc);
            }
        });
        this.borrow_mut().fallback = Some(timeout);
    }

    fn emit(&mut self, finished: bool) {
        let now = now_ms();
        let Some(setup) = self.setup.as_ref() else { return };
        let total = setup.samples;
        let done = self.partial.samples;
        let summary = if finished {
            Some(Rc::new(mc::finish(setup, self.partial.clone())))
        } else if now - self.last_update_ms >= UPDATE_MS && done > 0 {
            self.last_update_ms = now;
            Some(Rc::new(mc::finish_outputs(setup, &self.partial)))
        } else {
            None
        };
        if let Some(s) = &summary {
            self.shown = Some((self.generation, s.clone()));
        }
        let stale = summary.is_none() && self.shown.as_ref().is_some_and(|(g, _)| *g != self.generation);
        let summary = summary.or_else(|| self.shown.as_ref().map(|(_, s)| s.clone()));
        self.on_update.emit(McUpdate {
            generation: self.generation,
            done,
            total,
            summary,
            finished,
            stale,
            seconds: (now - self.started_ms) / 1000.0,
            workers: self.workers.len(),
            worker_memory_bytes: self.worker_memory_bytes,
            worker_seconds: self.worker_seconds,
        });
    }
}

fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) {
        let _ = root.set_attribute(name, value);
    }
}

/// How long a scenario must stay unchanged before its Monte Carlo starts:
/// while a reader drags a slider the workers stay idle, and the page's own
/// update (cards, charts) has the machine to itself.
pub const MC_SETTLE_MS: u32 = 120;

/// The Monte Carlo of the scenario on screen: a new scenario starts its run
/// once it has settled (cancelling the stale one); `data-mc` on the root
/// says `running` or `done`.
#[hook]
pub fn use_monte_carlo(scenario: &Scenario) -> Option<McUpdate> {
    let mc = use_state(|| None::<McUpdate>);
    let runner = {
        let mc = mc.clone();
        let holder = use_mut_ref(|| None::<Rc<RefCell<Runner>>>);
        let r = holder.borrow_mut().get_or_insert_with(|| Runner::new(Callback::from(move |u: McUpdate| mc.set(Some(u))))).clone();
        r
    };
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let mc = mc.clone();
        use_effect_with(scenario.clone(), move |s| {
            // The last result stays, dimmed and no longer "finished", until the new run reports.
            mc.set((*mc).clone().filter(|_| s.is_uncertain()).map(|u| McUpdate { stale: true, finished: false, done: 0, ..u }));
            set_root_attr("data-mc", if s.is_uncertain() { "running" } else { "done" });
            // A newer scenario replaces the one waiting to start.
            *pending.borrow_mut() = s.is_uncertain().then(|| {
                let s = s.clone();
                Timeout::new(MC_SETTLE_MS, move || Runner::start(&runner, &s, Engine::Simd))
            });
        });
    }
    let finished = mc.as_ref().is_some_and(|u| u.finished);
    use_effect_with(finished, move |finished| {
        if *finished {
            set_root_attr("data-mc", "done");
        }
    });
    (*mc).clone()
}

/// Scenario A's Monte Carlo summary, for the deltas of statistics (the chance
/// of a loss). When A is pinned from the scenario on screen, the run already
/// on screen is A's: it is kept, nothing runs again. When A comes from a link,
/// it runs once B's run has finished, on a runner of its own made only then
/// (so a page without A starts no extra workers), with the same seed and
/// sample count, so A and B share their random numbers and their difference
/// carries less noise than either.
#[hook]
pub fn use_pinned_summary(a: Option<&Scenario>, b: &Scenario, b_mc: &Option<McUpdate>) -> Option<Rc<Summary>> {
    let known = use_state(|| None::<(Scenario, Rc<Summary>)>);
    let holder = use_mut_ref(|| None::<Rc<RefCell<Runner>>>);
    // The scenario the runner is working on, read when it reports.
    let running = use_mut_ref(|| None::<Scenario>);
    let b_finished = b_mc.as_ref().filter(|u| u.finished && !u.stale).and_then(|u| u.summary.clone().map(|s| (u.generation, s)));
    let want = a.filter(|a| a.is_uncertain()).cloned();
    {
        let known = known.clone();
        let b = b.clone();
        // Keyed on B's finished run by its generation: comparing summaries by value on every render would cost more.
        let b_summary = b_finished.as_ref().map(|(_, s)| s.clone());
        use_effect_with((want.clone(), b_finished.map(|(g, _)| g)), move |(want, _)| {
            let Some(a) = want else { return };
            if known.as_ref().is_some_and(|(s, _)| s == a) {
                return;
            }
            match b_summary {
                // B's finished run is A's run.
                Some(summary) if b == *a => known.set(Some((a.clone(), summary.clone()))),
                // Once B's run is done, A runs on its own runner.
                Some(_) => {
                    let runner = holder
                        .borrow_mut()
                        .get_or_insert_with(|| {
                            let known = known.clone();
                            let running = running.clone();
                            Runner::new(Callback::from(move |u: McUpdate| {
                                if let (true, Some(s), Some(a)) = (u.finished && !u.stale, u.summary, running.borrow().clone()) {
                                    known.set(Some((a, s)));
                                }
                            }))
                        })
                        .clone();
                    *running.borrow_mut() = Some(a.clone());
                    Runner::start(&runner, a, Engine::Simd);
                }
                None => {}
            }
        });
    }
    known.as_ref().filter(|(s, _)| want.as_ref() == Some(s)).map(|(_, summary)| summary.clone())
}
