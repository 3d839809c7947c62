//! The Monte Carlo driver: draws inputs, evaluates them with the batch
//! engine and summarizes the outputs, in blocks of `BLOCK` samples.
//!
//! A run is split into chunks of whole blocks; each chunk gives a `Partial`,
//! and partials merge exactly (integer sketch counts, moments merged block by
//! block in sample order, the subsample kept by sample index). So the final
//! `Summary` is the same for any chunk size and any number of workers.
//! Memory is bounded: a chunk's columns, the sketches, one `Moments` per
//! block and output, and the first `SUBSAMPLE` samples for the rank
//! correlations and the per-quarter bands.
//!
//! Standard errors come from replicas: sample `n` belongs to replica
//! `n % REPLICAS`, an independent randomization of the draws (`rng`). Each
//! block keeps every replica's sum and count per output, and each replica
//! a coarse sketch per output and its count of losses; the spread of the
//! replicas' estimates over sqrt(REPLICAS) is each statistic's standard
//! error, for quasi-random and plain draws alike.

use serde::{Deserialize, Serialize};

use crate::batch::{self, Batch, Bounds, Columns, Engine, Shared};
use crate::sample::Sampler;
use crate::stats::{add_block_column, rank_correlations, sorted_quantile, CoarseSketch, Moments, Sketch, SketchOf};
use computedeal_core::order;
use computedeal_core::outputs::{Output, OutputsT, N_MC};
use computedeal_core::params::P;
use computedeal_core::quarter::Quarter;
use computedeal_core::rng::REPLICAS;
use computedeal_core::scenario::Scenario;

/// Samples per block: the unit of merging (and of a chunk's alignment).
pub const BLOCK: u64 = 4096;
/// The first samples, kept whole for rank correlations and quarter bands.
/// With 16,384 samples a P10 or P90 is within ±0.5 percentile points (95%)
/// and a rank correlation within ±0.016.
pub const SUBSAMPLE: u64 = 4 * BLOCK;

/// Everything a run needs, built once from a scenario.
#[derive(Clone, Debug)]
pub struct Setup {
    pub shared: Shared,
    pub sampler: Sampler,
    pub samples: u64,
    pub seed: u64,
    pub engine: Engine,
    pub first_quarter: Quarter,
}

impl Setup {
    pub fn new(s: &Scenario, engine: Engine) -> Setup {
        let x = &s.inputs;
        let support_max = |p: P, v: f64| s.dist(p).map(|d| d.quantile(1.0 - 1e-12)).unwrap_or(v);
        let bounds = Bounds {
            term_years: support_max(P::term_years, x.term_years),
            expansion_term_years: support_max(P::expansion_term_years, x.expansion_term_years),
            expansion_on: support_max(P::expansion_accelerators, x.expansion_accelerators) > 0.0,
            expansion2_on: support_max(P::expansion2_accelerators, x.expansion2_accelerators) > 0.0,
            delay_months: support_max(P::delay_months, x.delay_months),
            expansion_ramp_quarters: support_max(P::expansion_ramp_quarters, x.expansion_ramp_quarters),
        };
        let shared = Shared { mc_only: true, ..Shared::new(x, bounds) };
        let seed = x.seed as u64;
        Setup { shared, sampler: Sampler::new(s, seed), samples: x.samples as u64, seed, engine, first_quarter: Quarter::from_index(x.start as i32) }
    }

    pub fn blocks(&self) -> u64 {
        self.samples.div_ceil(BLOCK)
    }

    /// Quarters with a cumulative cash flow band (0 to the horizon).
    pub fn quarters(&self) -> usize {
        self.shared.horizon_max + 1
    }
}

/// The statistics of part of a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    pub samples: u64,
    /// (block index, moments of each output in `Output::MC` order).
    pub blocks: Vec<(u64, Vec<Moments>)>,
    /// (block index, for each output in `Output::MC` order each replica's
    /// sum and count of defined values).
    pub replica_sums: Vec<(u64, Vec<ReplicaSums>)>,
    pub sketches: Vec<Sketch>,
    /// Per replica, a coarse sketch of each output (`Output::MC` order).
    pub replica_sketches: Vec<Vec<CoarseSketch>>,
    /// Samples with a negative NPV, in all and per replica.
    pub loss: u64,
    pub replica_loss: Vec<u64>,
    /// The subsample rows this part holds: sample index, varying inputs,
    /// the Monte Carlo's outputs, cumulative cash flow per quarter.
    pub sub_index: Vec<u64>,
    pub sub_inputs: Vec<Vec<f64>>,
    pub sub_outputs: Vec<Vec<f64>>,
    pub sub_cumulative: Vec<Vec<f64>>,
    /// The subsample's bands and rank correlations, when one chunk held the
    /// whole subsample and worked them out (then the rows above are empty).
    pub analysis: Option<SubAnalysis>,
}

/// What the subsample gives: per-quarter bands and rank correlations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubAnalysis {
    pub bands: Vec<Band>,
    pub rank_correlation: Vec<Vec<Option<f64>>>,
    pub subsample: u64,
}

impl Partial {
    /// An empty partial with room for every output's and replica's statistics.
    pub fn new() -> Partial {
        Partial {
            sketches: vec![Sketch::default(); N_MC],
            replica_sketches: vec![vec![CoarseSketch::default(); N_MC]; REPLICAS],
            replica_loss: vec![0; REPLICAS],
            ..Partial::default()
        }
    }

    /// Adds the statistics of block `b`'s outputs (every one but the count
    /// of samples and the subsample).
    pub fn add_block(&mut self, b: u64, out: &OutputsT<Vec<f64>>) {
        self.blocks.push((b, Output::MC.iter().map(|o| Moments::of(out.get(*o))).collect()));
        self.replica_sums.push((b, Output::MC.iter().map(|o| ReplicaSums::of(out.get(*o))).collect()));
        for (k, o) in Output::MC.iter().enumerate() {
            let mut replicas: Vec<&mut CoarseSketch> = self.replica_sketches.iter_mut().filter_map(|r| r.get_mut(k)).collect();
            add_block_column(&mut self.sketches[k], &mut replicas, out.get(*o));
        }
        for group in out.npv_usd.chunks(REPLICAS) {
            for (r, v) in group.iter().enumerate() {
                if *v < 0.0 {
                    self.replica_loss[r] += 1;
                }
            }
        }
        self.loss += out.npv_usd.iter().filter(|v| **v < 0.0).count() as u64;
    }

    pub fn merge(&mut self, other: Partial) {
        self.samples += other.samples;
        self.blocks.extend(other.blocks);
        self.replica_sums.extend(other.replica_sums);
        merge_sketches(&mut self.sketches, other.sketches);
        if self.replica_sketches.is_empty() {
            self.replica_sketches = other.replica_sketches;
        } else {
            for (a, b) in self.replica_sketches.iter_mut().zip(other.replica_sketches) {
                merge_sketches(a, b);
            }
        }
        self.loss += other.loss;
        if self.replica_loss.is_empty() {
            self.replica_loss = other.replica_loss;
        } else {
            for (a, b) in self.replica_loss.iter_mut().zip(&other.replica_loss) {
                *a += b;
            }
        }
        if self.analysis.is_none() {
            self.analysis = other.analysis;
        }
        self.sub_index.extend(other.sub_index);
        extend_columns(&mut self.sub_inputs, other.sub_inputs);
        extend_columns(&mut self.sub_outputs, other.sub_outputs);
        extend_columns(&mut self.sub_cumulative, other.sub_cumulative);
    }
}

/// Each replica's sum and count of an output's defined values in a block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplicaSums {
    pub sum: [f64; REPLICAS],
    pub count: [u32; REPLICAS],
}

impl ReplicaSums {
    /// The sums of a block's values; the block starts at a multiple of
    /// `REPLICAS`, so value `i` belongs to replica `i % REPLICAS`.
    fn of(values: &[f64]) -> ReplicaSums {
        let mut r = ReplicaSums::default();
        for group in values.chunks(REPLICAS) {
            for (k, v) in group.iter().enumerate() {
                if !v.is_nan() {
                    r.sum[k] += v;
                    r.count[k] += 1;
                }
            }
        }
        r
    }
}

fn merge_sketches<const B: u32>(a: &mut Vec<SketchOf<B>>, b: Vec<SketchOf<B>>) {
    if a.is_empty() {
        *a = b;
    } else {
        for (x, y) in a.iter_mut().zip(&b) {
            x.merge(y);
        }
    }
}

fn extend_columns(a: &mut Vec<Vec<f64>>, b: Vec<Vec<f64>>) {
    if a.is_empty() {
        *a = b;
    } else {
        for (x, y) in a.iter_mut().zip(b) {
            x.extend(y);
        }
    }
}

/// Reusable buffers for one worker.
#[derive(Default)]
pub struct Buffers {
    cols: Columns,
    batch: Batch,
}

/// Runs blocks `first..first + count` (clipped to the run).
pub fn run_blocks(setup: &Setup, first: u64, count: u64, buffers: &mut Buffers) -> Partial {
    let mut part = Partial::new();
    const _: () = assert!(BLOCK.is_multiple_of(REPLICAS as u64), "a block starts at replica 0");
    for b in first..(first + count).min(setup.blocks()) {
        let start = b * BLOCK;
        let len = (setup.samples - start).min(BLOCK) as usize;
        let with_sub = start < SUBSAMPLE;
        buffers.cols.len = len;
        setup.sampler.fill(start, &mut buffers.cols);
        if buffers.batch.len != len || buffers.batch.cumulative.is_some() != with_sub {
            buffers.batch = Batch::new(len, with_sub.then(|| setup.quarters()));
        }
        batch::evaluate(setup.engine, &setup.shared, &buffers.cols, &mut buffers.batch);
        part.add_block(b, &buffers.batch.out);
        let out = &buffers.batch.out;
        part.samples += len as u64;
        if with_sub {
            let keep = ((SUBSAMPLE - start) as usize).min(len);
            part.sub_index.extend((0..keep as u64).map(|i| start + i));
            extend_columns(&mut part.sub_inputs, buffers.cols.data.iter().map(|c| c[..keep].to_vec()).collect());
            extend_columns(&mut part.sub_outputs, Output::MC.iter().map(|o| out.get(*o)[..keep].to_vec()).collect());
            if let Some(cum) = &buffers.batch.cumulative {
                extend_columns(&mut part.sub_cumulative, cum.iter().map(|c| c[..keep].to_vec()).collect());
            }
        }
    }
    // A chunk that holds the whole subsample analyses it here, off the
    // thread that merges (in the browser, in a worker).
    let subsample_end = SUBSAMPLE.min(setup.samples);
    if first == 0 && (first + count) * BLOCK >= subsample_end && part.sub_index.len() as u64 == subsample_end {
        part.analysis = Some(analyze_subsample(setup, &part));
        part.sub_index.clear();
        part.sub_inputs.clear();
        part.sub_outputs.clear();
        part.sub_cumulative.clear();
    }
    part
}

/// Bands and rank correlations of the subsample rows of a partial.
pub fn analyze_subsample(setup: &Setup, all: &Partial) -> SubAnalysis {
    // Rows in sample order.
    let order = order::order_by_key(all.sub_index.len(), |i| all.sub_index[i]);
    let reorder = |cols: &[Vec<f64>]| -> Vec<Vec<f64>> { cols.iter().map(|c| order.iter().map(|&i| c[i]).collect()).collect() };
    let sub_inputs = reorder(&all.sub_inputs);
    let sub_outputs = reorder(&all.sub_outputs);
    let bands = all
        .sub_cumulative
        .iter()
        .enumerate()
        .map(|(q, col)| {
            let mut sorted: Vec<f64> = col.iter().copied().filter(|v| !v.is_nan()).collect();
            order::sort_f64(&mut sorted);
            Band {
                quarter: Quarter::from_index(setup.first_quarter.index() + q as i32).to_string(),
                p10: sorted_quantile(&sorted, 0.1),
                p50: sorted_quantile(&sorted, 0.5),
                p90: sorted_quantile(&sorted, 0.9),
            }
        })
        .collect();
    SubAnalysis { bands, rank_correlation: rank_correlations(&sub_inputs, &sub_outputs), subsample: order.len() as u64 }
}

/// Summary of one output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputSummary {
    pub output: Output,
    /// Samples where the output is defined, and where it is not (an IRR
    /// without a sign change, a payback never reached).
    pub defined: u64,
    pub undefined: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// P1 to P99: `percentiles[k]` is P(k + 1).
    pub percentiles: Vec<Option<f64>>,
    /// Equal-width bins from `hist_lo` to `hist_hi` (P0.5 to P99.5).
    pub hist_lo: f64,
    pub hist_hi: f64,
    pub histogram: Vec<u64>,
    /// The Monte Carlo standard errors of the mean, P5, P50 and P95.
    pub se: StandardErrors,
}

/// Monte Carlo standard errors: the spread of the replicas' estimates over
/// sqrt(replicas); None where fewer than two replicas hold a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardErrors {
    pub mean: Option<f64>,
    pub p5: Option<f64>,
    pub p50: Option<f64>,
    pub p95: Option<f64>,
}

/// The standard error of the mean of independent estimates: their sample
/// standard deviation over sqrt(n). None with fewer than two.
pub fn replica_se(estimates: &[f64]) -> Option<f64> {
    let n = estimates.len();
    if n < 2 {
        return None;
    }
    let mean = estimates.iter().sum::<f64>() / n as f64;
    let ss: f64 = estimates.iter().map(|x| (x - mean) * (x - mean)).sum();
    Some(libm::sqrt(ss / (n * (n - 1)) as f64))
}

impl OutputSummary {
    /// The k-th percentile (1 to 99).
    pub fn p(&self, k: usize) -> Option<f64> {
        self.percentiles.get(k.wrapping_sub(1)).copied().flatten()
    }
}

/// P10, P50 and P90 of the cumulative cash flow at the end of a quarter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub quarter: String,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// What a run found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub samples: u64,
    pub seed: u64,
    pub outputs: Vec<OutputSummary>,
    /// Probability of loss: the share of samples with NPV < 0.
    pub p_loss: f64,
    pub bands: Vec<Band>,
    /// The uncertain inputs, and for each output of `Output::MC` the
    /// Spearman rank correlation of each input with it over the subsample.
    pub inputs: Vec<String>,
    pub rank_correlation: Vec<Vec<Option<f64>>>,
    pub subsample: u64,
    /// The standard error of `p_loss`.
    pub p_loss_se: Option<f64>,
    /// Randomized quasi-Monte Carlo points (`sampling=rqmc`) or plain draws.
    pub quasi_random: bool,
    /// Independent replicas behind the standard errors.
    pub replicas: u64,
}

impl Summary {
    /// The summary of an output, when the Monte Carlo summarizes it.
    pub fn get(&self, o: Output) -> Option<&OutputSummary> {
        self.outputs.iter().find(|s| s.output == o)
    }
}

pub const HISTOGRAM_BINS: usize = 40;

/// Per-output summaries and the probability of loss of what has been merged
/// so far: cheap enough to show while a run converges.
pub fn finish_outputs(setup: &Setup, all: &Partial) -> Summary {
    let order = order::order_by_key(all.blocks.len(), |i| all.blocks[i].0);
    let mut moments = vec![Moments::default(); N_MC];
    for i in order {
        for (m, b) in moments.iter_mut().zip(&all.blocks[i].1) {
            m.merge(b);
        }
    }
    // Each replica's sum and count per output, added in block order.
    let order = order::order_by_key(all.replica_sums.len(), |i| all.replica_sums[i].0);
    let mut sums = vec![ReplicaSums::default(); N_MC];
    let mut counts = vec![[0u64; REPLICAS]; N_MC];
    for i in order {
        for (k, b) in all.replica_sums[i].1.iter().enumerate() {
            for r in 0..REPLICAS {
                sums[k].sum[r] += b.sum[r];
                counts[k][r] += u64::from(b.count[r]);
            }
        }
    }
    let outputs = Output::MC
        .iter()
        .enumerate()
        .map(|(k, output)| {
            let empty = Sketch::default();
            let sketch = all.sketches.get(k).unwrap_or(&empty);
            let m = moments[k];
            let defined = sketch.count > 0;
            let (lo, hi) = (sketch.quantile(0.005).unwrap_or(0.0), sketch.quantile(0.995).unwrap_or(0.0));
            OutputSummary {
                output: *output,
                defined: sketch.count,
                undefined: sketch.undefined,
                mean: defined.then_some(m.mean),
                sd: defined.then(|| m.sd()),
                min: defined.then_some(sketch.min),
                max: defined.then_some(sketch.max),
                percentiles: (1..=99).map(|p| sketch.quantile(p as f64 / 100.0)).collect(),
                hist_lo: lo,
                hist_hi: hi,
                histogram: if defined { sketch.histogram(lo, hi, HISTOGRAM_BINS) } else { Vec::new() },
                se: standard_errors(all, k, &sums[k], &counts[k]),
            }
        })
        .collect();
    let npv_defined = Output::npv_usd.mc_index().and_then(|k| all.sketches.get(k)).map(|s| s.count).unwrap_or(0);
    Summary {
        samples: all.samples,
        seed: setup.seed,
        outputs,
        p_loss: if npv_defined > 0 { all.loss as f64 / npv_defined as f64 } else { 0.0 },
        bands: Vec::new(),
        inputs: setup.sampler.params.iter().map(|p| p.key().to_string()).collect(),
        rank_correlation: Vec::new(),
        subsample: 0,
        p_loss_se: Output::npv_usd.mc_index().and_then(|k| {
            let shares: Vec<f64> =
                (0..REPLICAS).filter(|&r| counts[k][r] > 0).map(|r| all.replica_loss.get(r).copied().unwrap_or(0) as f64 / counts[k][r] as f64).collect();
            replica_se(&shares)
        }),
        quasi_random: setup.sampler.quasi_random(),
        replicas: REPLICAS as u64,
    }
}

/// The standard errors of output `k`'s mean and quantiles, from its replicas.
fn standard_errors(all: &Partial, k: usize, sums: &ReplicaSums, counts: &[u64; REPLICAS]) -> StandardErrors {
    let held: Vec<usize> = (0..REPLICAS).filter(|&r| counts[r] > 0).collect();
    let means: Vec<f64> = held.iter().map(|&r| sums.sum[r] / counts[r] as f64).collect();
    let quantile = |q: f64| -> Option<f64> {
        let estimates: Vec<f64> = held.iter().filter_map(|&r| all.replica_sketches.get(r)?.get(k)?.quantile(q)).collect();
        replica_se(&estimates)
    };
    StandardErrors { mean: replica_se(&means), p5: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95) }
}

/// Turns the merged partial of a whole run into its summary, with the
/// per-quarter bands and rank correlations from the subsample.
pub fn finish(setup: &Setup, all: Partial) -> Summary {
    let mut summary = finish_outputs(setup, &all);
    let analysis = match all.analysis {
        Some(a) => a,
        None => analyze_subsample(setup, &all),
    };
    summary.bands = analysis.bands;
    summary.rank_correlation = analysis.rank_correlation;
    summary.subsample = analysis.subsample;
    summary
}

/// Runs a whole Monte Carlo natively: `chunk_blocks` blocks per chunk,
/// chunks dealt round-robin to `threads` threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(setup: &Setup, chunk_blocks: u64, threads: usize) -> Summary {
    let chunk_blocks = chunk_blocks.max(1);
    let chunks = setup.blocks().div_ceil(chunk_blocks);
    let threads = threads.max(1);
    let partials: Vec<Partial> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut buffers = Buffers::default();
                    let mut part = Partial::default();
                    let mut c = t as u64;
                    while c < chunks {
                        part.merge(run_blocks(setup, c * chunk_blocks, chunk_blocks, &mut buffers));
                        c += threads as u64;
                    }
                    part
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut all = Partial::default();
    for p in partials {
        all.merge(p);
    }
    finish(setup, all)
}

/// Runs a whole Monte Carlo on this thread (the browser's worker does the
/// same chunk by chunk, reporting between chunks).
pub fn run_here(setup: &Setup) -> Summary {
    let mut buffers = Buffers::default();
    finish(setup, run_blocks(setup, 0, setup.blocks(), &mut buffers))
}

/// A worker's job: blocks of the run of one scenario (given as its query
/// string, so the message stays small and readable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChunkRequest {
    /// The run this chunk belongs to; replies for stale runs are dropped.
    pub generation: u32,
    pub query: String,
    pub first_block: u64,
    pub blocks: u64,
    pub simd: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChunkReply {
    pub generation: u32,
    pub first_block: u64,
    pub blocks: u64,
    pub partial: Partial,
    /// Seconds the worker spent on the chunk (for the benchmark).
    pub seconds: f64,
    /// The worker's wasm memory after the chunk, in bytes (0 when unknown).
    pub memory_bytes: u64,
}

/// What a worker keeps between chunks: the setup of the current run.
#[derive(Default)]
pub struct WorkerState {
    current: Option<(u32, String, bool, Setup)>,
    buffers: Buffers,
}

impl WorkerState {
    /// Runs one chunk (building the run's setup on its first chunk).
    pub fn handle(&mut self, req: &ChunkRequest, seconds: impl Fn() -> f64) -> ChunkReply {
        let fresh = !matches!(&self.current, Some((g, q, simd, _)) if *g == req.generation && *q == req.query && *simd == req.simd);
        if fresh {
            let scenario = computedeal_core::codec::decode_query(&req.query).scenario;
            let engine = if req.simd { Engine::Simd } else { Engine::Scalar };
            self.current = Some((req.generation, req.query.clone(), req.simd, Setup::new(&scenario, engine)));
        }
        let start = seconds();
        let partial = match &self.current {
            Some((_, _, _, setup)) => run_blocks(setup, req.first_block, req.blocks, &mut self.buffers),
            None => Partial::default(),
        };
        ChunkReply { generation: req.generation, first_block: req.first_block, blocks: req.blocks, partial, seconds: seconds() - start, memory_bytes: 0 }
    }
}
