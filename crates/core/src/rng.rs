//! Counter-based random numbers: the uniform for (seed, stream, index) is a
//! pure function of the three, so Monte Carlo results do not depend on the
//! chunk size, the number of workers or the order of evaluation.
//!
//! Each (seed, stream) pair keys a SplitMix64 sequence (Steele, Lea and
//! Flood 2014), which is a counter run through a strong 64-bit mixer; the
//! sample index seeks straight to its position. No well-kept crate offers a
//! seekable generator this small and fast; `rand_chacha` can seek, but costs
//! a 64-byte block per draw here. Streams are the parameter indices.

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a bijective avalanche mixer.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The key of one stream (a parameter) under one seed.
pub fn stream_key(seed: u64, stream: u64) -> u64 {
    mix64(seed ^ mix64(stream.wrapping_add(1).wrapping_mul(GOLDEN)))
}

/// The uniform in (0, 1) at `index` of the stream with this key: 53 random
/// bits, centred in their interval so 0 and 1 never occur.
#[inline]
pub fn uniform(key: u64, index: u64) -> f64 {
    let z = mix64(key.wrapping_add(index.wrapping_add(1).wrapping_mul(GOLDEN)));
    ((z >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
}

/// Replicas of a run: sample `n` belongs to replica `n % REPLICAS`. Each
/// replica is an independent randomization (of the point set, or of plain
/// draws), so the spread of its estimates gives an honest standard error.
pub const REPLICAS: usize = 16;

/// The first 64 primes: the bases of a Halton sequence's first 64
/// dimensions.
pub const PRIMES: [u64; 64] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157,
    163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311,
];

/// Where the streams' shifts and scramblings are drawn: far past any
/// sample index, so they never coincide with a plain draw.
const SHIFT_INDEX: u64 = 1 << 62;

/// One dimension of a randomized quasi-Monte Carlo point set: a Halton
/// sequence in base `PRIMES[dimension]` with its digits scrambled by a
/// random multiplier (`digit → a·digit mod b`, Faure and Lemieux 2009),
/// and for each replica a random shift modulo 1 (Cranley and Patterson
/// 1976). Sample `n` is point `n / REPLICAS` of replica `n % REPLICAS`, so
/// a draw is still a pure function of (seed, stream, index). Past the
/// 64th dimension the stream falls back to plain draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Halton {
    base: u64,
    multiplier: u64,
    shifts: [f64; REPLICAS],
}

impl Halton {
    /// The dimension `dimension` of the point set of the stream with this key.
    pub fn new(key: u64, dimension: usize) -> Option<Halton> {
        let base = *PRIMES.get(dimension)?;
        // (In base 2 the only multiplier is 1.)
        let multiplier = 1 + mix64(key ^ SHIFT_INDEX) % (base - 1);
        let shifts = std::array::from_fn(|r| uniform(key, SHIFT_INDEX + r as u64));
        Some(Halton { base, multiplier, shifts })
    }

    /// The scrambled radical inverse of `j`, in [0, 1).
    pub fn radical_inverse(&self, mut j: u64) -> f64 {
        let b = self.base;
        let inv = 1.0 / b as f64;
        let (mut x, mut f) = (0.0, inv);
        while j > 0 {
            x += ((self.multiplier * (j % b)) % b) as f64 * f;
            j /= b;
            f *= inv;
        }
        x
    }

    /// The uniform in (0, 1) of sample `n`, given the radical inverse of
    /// its point (`radical_inverse(n / REPLICAS)`).
    #[inline]
    pub fn shifted(&self, point: f64, n: u64) -> f64 {
        let u = point + self.shifts[(n % REPLICAS as u64) as usize];
        let u = if u >= 1.0 { u - 1.0 } else { u };
        // Keep 0 and 1 out, as plain draws do.
        u.clamp(HALF_ULP_BELOW_ONE, 1.0 - HALF_ULP_BELOW_ONE)
    }

    /// The uniform of sample `n` (for one draw; `fill` amortizes the point).
    pub fn uniform(&self, n: u64) -> f64 {
        self.shifted(self.radical_inverse(n / REPLICAS as u64), n)
    }

    /// Fills `out` with the uniforms of samples `start..start + out.len()`,
    /// working out each point's radical inverse once for its replicas.
    pub fn fill(&self, start: u64, out: &mut [f64]) {
        let mut last = (u64::MAX, 0.0);
        for (i, o) in out.iter_mut().enumerate() {
            let n = start + i as u64;
            let j = n / REPLICAS as u64;
            if j != last.0 {
                last = (j, self.radical_inverse(j));
            }
            *o = self.shifted(last.1, n);
        }
    }
}

/// 2^-54: the smallest plain draw's distance from 0 and from 1.
const HALF_ULP_BELOW_ONE: f64 = 1.0 / (1u64 << 54) as f64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_are_the_first_64() {
        let mut expected = Vec::new();
        let mut k = 2u64;
        while expected.len() < 64 {
            if (2..k).take_while(|d| d * d <= k).all(|d| !k.is_multiple_of(d)) {
                expected.push(k);
            }
            k += 1;
        }
        assert_eq!(PRIMES.to_vec(), expected);
    }

    #[test]
    fn radical_inverse_by_hand() {
        // Base 2, multiplier 1: 6 = 110₂ → 0.011₂ = 0.375.
        let h = Halton { base: 2, multiplier: 1, shifts: [0.5; REPLICAS] };
        assert_eq!(h.radical_inverse(6), 0.375);
        // Base 3, multiplier 2: 5 = 12₃ → digits (2, 1) → (4 mod 3, 2) = (1, 2)
        // → 1/3 + 2/9 = 5/9.
        let h = Halton { base: 3, multiplier: 2, shifts: [0.5; REPLICAS] };
        assert!((h.radical_inverse(5) - 5.0 / 9.0).abs() < 1e-15);
        // The shift wraps: 5/9 + 0.5 − 1 = 1/18.
        assert!((h.shifted(5.0 / 9.0, 0) - 1.0 / 18.0).abs() < 1e-15);
    }

    #[test]
    fn each_replica_fills_its_strata() {
        // The first b^k points of a scrambled Halton dimension put one point
        // in each interval [i/b^k, (i+1)/b^k), whatever the shift: for
        // every dimension used, replica and seed tried, 3^4 = 81 points of
        // base 3 hit 81 distinct intervals (shifted, the count per interval
        // is still one, the intervals shifted by the same amount).
        for seed in [1u64, 2, 99] {
            let h = Halton::new(stream_key(seed, 5), 1).unwrap();
            assert_eq!(h.base, 3);
            for r in 0..REPLICAS as u64 {
                let mut hit = [0u32; 81];
                for j in 0..81u64 {
                    let u = h.uniform(j * REPLICAS as u64 + r);
                    let shifted_back = (u - h.shifts[r as usize]).rem_euclid(1.0);
                    hit[((shifted_back * 81.0 + 1e-9) as usize).min(80)] += 1;
                }
                assert!(hit.iter().all(|&c| c == 1), "seed {seed} replica {r}: {hit:?}");
            }
        }
    }

    #[test]
    fn halton_draws_are_pure_and_inside_the_unit_interval() {
        for d in [0, 1, 13, 63] {
            let h = Halton::new(stream_key(3, d as u64), d).unwrap();
            let mut out = vec![0.0; 1000];
            h.fill(12_345, &mut out);
            for (i, u) in out.iter().enumerate() {
                assert_eq!(*u, h.uniform(12_345 + i as u64));
                assert!(*u > 0.0 && *u < 1.0);
            }
        }
        assert!(Halton::new(1, 64).is_none());
        // A shift that puts a point exactly on 1 still gives a uniform below 1.
        let h = Halton { base: 2, multiplier: 1, shifts: [0.5; REPLICAS] };
        assert!(h.uniform(REPLICAS as u64) < 1.0 && h.uniform(0) > 0.0);
    }

    #[test]
    fn draws_are_a_pure_function_of_seed_stream_and_index() {
        let k = stream_key(42, 3);
        assert_eq!(uniform(k, 1_000_000), uniform(stream_key(42, 3), 1_000_000));
        assert_ne!(uniform(k, 0), uniform(k, 1));
        assert_ne!(uniform(stream_key(42, 3), 7), uniform(stream_key(42, 4), 7));
        assert_ne!(uniform(stream_key(42, 3), 7), uniform(stream_key(43, 3), 7));
    }

    #[test]
    fn draws_are_uniform_and_uncorrelated() {
        // Chi-square over 100 bins of 200,000 draws: 99 degrees of freedom,
        // the 99.9th percentile is 148.2.
        let k = stream_key(7, 0);
        let n = 200_000;
        let mut bins = [0u32; 100];
        for i in 0..n {
            let u = uniform(k, i);
            assert!(u > 0.0 && u < 1.0);
            bins[(u * 100.0) as usize] += 1;
        }
        let expected = n as f64 / 100.0;
        let chi2: f64 = bins.iter().map(|&b| (b as f64 - expected).powi(2) / expected).sum();
        assert!(chi2 < 148.2, "chi-square {chi2}");
        // Neighbouring indices and neighbouring streams are uncorrelated:
        // |r| < 4 / sqrt(n) = 0.009.
        let k2 = stream_key(7, 1);
        let (mut sxy, mut sxz) = (0.0, 0.0);
        for i in 0..n {
            let x = uniform(k, i) - 0.5;
            sxy += x * (uniform(k, i + 1) - 0.5);
            sxz += x * (uniform(k2, i) - 0.5);
        }
        let var = 1.0 / 12.0;
        assert!((sxy / n as f64 / var).abs() < 0.009);
        assert!((sxz / n as f64 / var).abs() < 0.009);
    }
}
