//! The machine's f64 peak with the SIMD engine's vectors, for `make bench`'s
//! share of peak: a multiply and an add per round on independent
//! accumulators, so the adds and multiplies of one round overlap (natively
//! two SSE2 registers per `V`, in wasm two simd128 registers). Run with 6
//! and with 12 accumulators, the best counts: twelve hide more latency, six
//! fit x86-64's 16 vector registers where V8 would otherwise spill.

use super::simd::{LANES, V};

/// Runs `rounds` rounds; returns the flops done (a multiply and an add per
/// lane, chain and round) and a value to keep from being optimized away.
/// Every accumulator stays at 1 (1 · m + (1 − m)), far from denormals.
pub fn kernel<const CHAINS: usize>(rounds: u64) -> (u64, f64) {
    // Opaque to the optimizer, which would otherwise see the fixed point.
    let m = std::hint::black_box(V::splat(1.0 - 1.0 / 1024.0));
    let c = std::hint::black_box(V::splat(1.0 / 1024.0));
    let mut acc = std::hint::black_box([V::splat(1.0); CHAINS]);
    for _ in 0..rounds {
        for a in acc.iter_mut() {
            *a = *a * m + c;
        }
    }
    let kept = acc.iter().map(|a| a.reduce_add()).sum();
    (rounds * (CHAINS * LANES * 2) as u64, kept)
}

/// The best flops per second of the two kernels over `runs` runs each of
/// `rounds` rounds, timed by `now` (seconds, on the target's own clock).
pub fn best_flops_per_second(rounds: u64, runs: usize, now: impl Fn() -> f64) -> f64 {
    let mut best: f64 = 0.0;
    let mut time = |kernel: fn(u64) -> (u64, f64)| {
        let start = now();
        let (flops, kept) = kernel(std::hint::black_box(rounds));
        std::hint::black_box(kept);
        best = best.max(flops as f64 / (now() - start));
    };
    for _ in 0..runs {
        time(kernel::<6>);
        time(kernel::<12>);
    }
    best
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_two_flops_per_lane_chain_and_round() {
        // 3 rounds × 12 chains × 4 lanes × 2 = 288 flops; every lane stays 1,
        // so the kept sum is 12 × 4 = 48.
        let (flops, kept) = super::kernel::<12>(3);
        assert_eq!(flops, 288);
        assert_eq!(kept, 48.0);
        // 6 chains: 3 × 6 × 4 × 2 = 144.
        assert_eq!(super::kernel::<6>(3), (144, 24.0));
    }
}
