use std::hint::black_box;
use std::time::Instant;
use computedeal::batch::{self, Batch, Columns, Engine};
use computedeal::codec::decode_query;
use computedeal::mc;
use computedeal::stats::{Moments, Sketch};

fn main() {
    let scenario = decode_query("samples=1000000").scenario;
    let setup = mc::Setup::new(&scenario, Engine::Simd);
    let n = 4096usize;
    let mut cols = Columns { len: n, ..Default::default() };
    let reps = 244;
    let t = Instant::now();
    for r in 0..reps { setup.sampler.fill((r * n) as u64, &mut cols); }
    println!("sample: {:.3} s per 1M", t.elapsed().as_secs_f64() * 1e6 / (reps * n) as f64);
    let mut b = Batch::new(n, None);
    let t = Instant::now();
    for _ in 0..reps { batch::evaluate(Engine::Simd, &setup.shared, &cols, &mut b); }
    println!("simd eval: {:.3} s per 1M", t.elapsed().as_secs_f64() * 1e6 / (reps * n) as f64);
    let t = Instant::now();
    for _ in 0..reps {
        let mut sk = vec![Sketch::default(); 14];
        for (s, col) in sk.iter_mut().zip(&b.out) { for v in col { s.add(*v); } }
        let m: Vec<Moments> = b.out.iter().map(|c| Moments::of(c)).collect();
        black_box((sk, m));
    }
    println!("stats: {:.3} s per 1M", t.elapsed().as_secs_f64() * 1e6 / (reps * n) as f64);
}
