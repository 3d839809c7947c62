//! Runs the SIMD model on `reps` blocks of the default deal's draws, for
//! instruction counts under `valgrind --tool=callgrind` (deterministic,
//! unlike timings on a shared machine): `cargo build --release --example
//! model_count`, then `valgrind --tool=callgrind --toggle-collect='*batch::evaluate*'
//! target/release/examples/model_count 10`.
use computedeal_core::codec::decode_query;
use computedeal_engine::batch::{self, Batch, Columns, Engine};
use computedeal_engine::mc;

fn main() {
    let reps: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let query = std::env::args().nth(2).unwrap_or_else(|| "samples=1000000".into());
    let scenario = decode_query(&query).scenario;
    let setup = mc::Setup::new(&scenario, Engine::Simd);
    let n = mc::BLOCK as usize;
    let mut cols = Columns { len: n, ..Default::default() };
    let mut b = Batch::new(n, None);
    let mut checksum = 0.0;
    for r in 0..reps {
        setup.sampler.fill((r * n) as u64, &mut cols);
        batch::evaluate(Engine::Simd, &setup.shared, &cols, &mut b);
        checksum += b.out.npv_usd.iter().sum::<f64>();
    }
    println!("{checksum}");
}
