//! Runs `count` blocks of the Monte Carlo of a scenario (draws, model and
//! statistics, as a worker runs them) with one engine, for
//! `scripts/flops.mjs`, which counts the floating-point operations executed
//! under `valgrind --tool=callgrind` at two block counts and divides the
//! difference by the samples between them (so setup cancels out):
//! `flop_count simd 4 'samples=1000000'`.
use computedeal_core::codec::decode_query;
use computedeal_engine::batch::Engine;
use computedeal_engine::mc;

fn main() {
    let mut args = std::env::args().skip(1);
    let engine = match args.next().as_deref() {
        Some("scalar") => Engine::Scalar,
        Some("simd") | None => Engine::Simd,
        Some(other) => {
            eprintln!("engine: '{other}' is not an engine: allowed simd, scalar");
            std::process::exit(2);
        }
    };
    let count: u64 = match args.next().map(|a| a.parse()) {
        None => 4,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("count: not a whole number of blocks");
            std::process::exit(2);
        }
    };
    let query = args.next().unwrap_or_else(|| "samples=1000000".into());
    let setup = mc::Setup::new(&decode_query(&query).scenario, engine);
    // Past the subsample (its first blocks also keep rows for the bands).
    let first = mc::SUBSAMPLE.div_ceil(mc::BLOCK);
    let part = mc::run_blocks(&setup, first, count, &mut mc::Buffers::default());
    println!("{}", part.samples);
}
