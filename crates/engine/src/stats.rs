//! Streaming statistics with bounded memory and exact merges, so a Monte
//! Carlo run can be split into chunks and across workers and still give
//! the same numbers.
//!
//! - `Sketch`: a log-linear histogram (like HdrHistogram, for signed f64).
//!   Each power of two is split into 128 equal buckets (each at most 1/128
//!   = 0.78% wide relative to its values), and a quantile is interpolated
//!   within its bucket, so it is within 0.78% of the value of that rank
//!   (tests check 1/256 on smooth data); values
//!   with |x| < 2^-40 share a zero bucket (absolute error ≤ 1e-12). Counts
//!   are integers, so merging is exact and order-free. Minimum and maximum
//!   are exact.
//! - `Moments`: count, mean and M2 (Welford), merged with Chan's formula.
//!   Merging is done block by block in sample order, so the result does not
//!   depend on how the run was split.

use serde::{Deserialize, Serialize};

/// Bits of the mantissa that pick a bucket within a power of two: 7 for
/// the run's quantiles (128 buckets per octave); 4 for the coarse sketches
/// of the replicas (16 per octave), whose quantiles only feed standard
/// errors: their interpolation error is the same in every replica and
/// cancels from the spread.
pub const SUB_BITS: u32 = 7;
pub const COARSE_SUB_BITS: u32 = 4;
/// Smallest binary exponent kept; smaller magnitudes count as zero.
#[cfg_attr(not(test), allow(dead_code))]
const MIN_EXP: i32 = -40;
/// 2^MIN_EXP.
const MIN_MAGNITUDE: f64 = 9.094_947_017_729_282e-13;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Store {
    /// Bucket index of `counts[0]`.
    offset: i32,
    /// u32 keeps worker messages small; a bucket never holds 4 billion values.
    counts: Vec<u32>,
}

impl Store {
    fn add(&mut self, index: i32, n: u32) {
        if self.counts.is_empty() {
            self.offset = index;
            self.counts.push(0);
        } else if index < self.offset {
            let grow = (self.offset - index) as usize;
            self.counts.splice(0..0, std::iter::repeat_n(0, grow));
            self.offset = index;
        } else if index >= self.offset + self.counts.len() as i32 {
            self.counts.resize((index - self.offset + 1) as usize, 0);
        }
        self.counts[(index - self.offset) as usize] += n;
    }

    fn merge(&mut self, other: &Store) {
        for (k, &n) in other.counts.iter().enumerate() {
            if n > 0 {
                self.add(other.offset + k as i32, n);
            }
        }
    }
}

/// Bucket index of a positive magnitude ≥ 2^MIN_EXP, with `B` sub-bits.
#[inline]
fn bucket<const B: u32>(magnitude: f64) -> i32 {
    let bits = magnitude.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let sub = ((bits >> (52 - B)) & ((1u64 << B) - 1)) as i32;
    exponent * (1 << B) + sub
}

/// The lower and upper edge of a bucket of magnitudes.
fn bucket_edges<const B: u32>(index: i32) -> (f64, f64) {
    let n = 1i32 << B;
    let exponent = index.div_euclid(n);
    let sub = index.rem_euclid(n);
    (libm::ldexp(1.0 + sub as f64 / n as f64, exponent), libm::ldexp(1.0 + (sub + 1) as f64 / n as f64, exponent))
}

/// The run's sketch: 128 buckets per power of two.
pub type Sketch = SketchOf<SUB_BITS>;
/// A replica's sketch: 16 buckets per power of two (see `COARSE_SUB_BITS`).
pub type CoarseSketch = SketchOf<COARSE_SUB_BITS>;

/// A mergeable quantile sketch for signed values, `B` bits of mantissa per
/// bucket; see the module docs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SketchOf<const B: u32> {
    positive: Store,
    negative: Store,
    zero: u64,
    /// Values that were NaN (undefined outputs), not in the quantiles.
    pub undefined: u64,
    pub count: u64,
    pub min: f64,
    pub max: f64,
}

impl<const B: u32> Default for SketchOf<B> {
    fn default() -> Self {
        SketchOf { positive: Store::default(), negative: Store::default(), zero: 0, undefined: 0, count: 0, min: f64::INFINITY, max: f64::NEG_INFINITY }
    }
}

impl<const B: u32> SketchOf<B> {
    #[inline]
    pub fn add(&mut self, v: f64) {
        if v.is_nan() {
            self.undefined += 1;
            return;
        }
        self.count += 1;
        self.min = self.min.min(v);
        self.max = self.max.max(v);
        let m = v.abs();
        if m < MIN_MAGNITUDE {
            self.zero += 1;
        } else if v > 0.0 {
            self.positive.add(bucket::<B>(m), 1);
        } else {
            self.negative.add(bucket::<B>(m), 1);
        }
    }

    /// Adds every `step`-th value of a column from `first`: the same sketch
    /// as `add` value by value (a test checks), with each store grown once
    /// to the column's range instead of checked per value.
    pub fn add_column(&mut self, values: &[f64], first: usize, step: usize) {
        // Pass 1: counts, extremes, and each sign's range of magnitudes;
        // each store grows once to it.
        let mut range = ColumnRange::default();
        for &v in values.iter().skip(first).step_by(step.max(1)) {
            range.take(v);
        }
        self.reserve(&range);
        // Pass 2: every bucket is now inside its store.
        let (pos_off, neg_off) = (self.positive.offset, self.negative.offset);
        let mut zero = 0u64;
        for &v in values.iter().skip(first).step_by(step.max(1)) {
            let m = v.abs();
            if v.is_nan() {
                continue;
            }
            if m < MIN_MAGNITUDE {
                zero += 1;
            } else if v > 0.0 {
                self.positive.counts[(bucket::<B>(m) - pos_off) as usize] += 1;
            } else {
                self.negative.counts[(bucket::<B>(m) - neg_off) as usize] += 1;
            }
        }
        self.zero += zero;
    }

    /// The range of a column's values per replica (pass 1 of
    /// `add_block_column`, as of `add_column`): value i belongs to replica i % R.
    fn ranges(values: &[f64], replicas: usize) -> Vec<ColumnRange> {
        let mut r = vec![ColumnRange::default(); replicas];
        for group in values.chunks(replicas) {
            for (k, &v) in group.iter().enumerate() {
                r[k].take(v);
            }
        }
        r
    }

    /// Grows both stores to a column's range, counts and extremes aside.
    fn reserve(&mut self, r: &ColumnRange) {
        if r.hi_pos > 0.0 {
            self.positive.add(bucket::<B>(r.lo_pos), 0);
            self.positive.add(bucket::<B>(r.hi_pos), 0);
        }
        if r.hi_neg > 0.0 {
            self.negative.add(bucket::<B>(r.lo_neg), 0);
            self.negative.add(bucket::<B>(r.hi_neg), 0);
        }
        self.count += r.n;
        self.undefined += r.nan;
        self.min = self.min.min(r.min);
        self.max = self.max.max(r.max);
    }

    pub fn merge(&mut self, other: &SketchOf<B>) {
        self.positive.merge(&other.positive);
        self.negative.merge(&other.negative);
        self.zero += other.zero;
        self.undefined += other.undefined;
        self.count += other.count;
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
    }

    /// Non-empty buckets in increasing value order: (low edge, high edge, count).
    fn buckets(&self) -> impl Iterator<Item = (f64, f64, u64)> + '_ {
        let neg = self.negative.counts.iter().enumerate().rev().map(move |(k, &n)| {
            let (lo, hi) = bucket_edges::<B>(self.negative.offset + k as i32);
            (-hi, -lo, u64::from(n))
        });
        let zero = std::iter::once((0.0, 0.0, self.zero));
        let pos = self.positive.counts.iter().enumerate().map(move |(k, &n)| {
            let (lo, hi) = bucket_edges::<B>(self.positive.offset + k as i32);
            (lo, hi, u64::from(n))
        });
        neg.chain(zero).chain(pos).filter(|(_, _, n)| *n > 0)
    }

    /// The value at probability `q` (0 to 1), within the stated error;
    /// None when the sketch is empty.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        if self.count == 0 {
            return None;
        }
        if q <= 0.0 {
            return Some(self.min);
        }
        if q >= 1.0 {
            return Some(self.max);
        }
        // Interpolate the rank within its bucket, as if its values were spread evenly.
        let rank = q * (self.count - 1) as f64;
        let mut seen = 0u64;
        for (lo, hi, n) in self.buckets() {
            if (seen + n) as f64 > rank {
                let within = (rank - seen as f64 + 0.5) / n as f64;
                return Some((lo + within.clamp(0.0, 1.0) * (hi - lo)).clamp(self.min, self.max));
            }
            seen += n;
        }
        Some(self.max)
    }

    /// Share of values below `x` (by bucket, so within the stated error).
    pub fn share_below(&self, x: f64) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let below: u64 = self.buckets().filter(|(lo, hi, _)| 0.5 * (lo + hi) < x).map(|(_, _, n)| n).sum();
        below as f64 / self.count as f64
    }

    /// Counts in `bins` equal-width bins from `lo` to `hi` (values outside
    /// go to the end bins), each bucket counted at its middle.
    pub fn histogram(&self, lo: f64, hi: f64, bins: usize) -> Vec<u64> {
        let mut out = vec![0; bins.max(1)];
        let width = (hi - lo) / bins.max(1) as f64;
        for (a, b, n) in self.buckets() {
            let v = 0.5 * (a + b);
            let k = if width > 0.0 { ((v - lo) / width).floor() } else { 0.0 };
            let k = (k.max(0.0) as usize).min(out.len() - 1);
            out[k] += n;
        }
        out
    }
}

/// Count, mean and sum of squared deviations, mergeable (Chan et al.).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Moments {
    pub n: u64,
    pub mean: f64,
    pub m2: f64,
}

impl Moments {
    /// Two-pass moments of the defined (non-NaN) values of a slice.
    pub fn of(values: &[f64]) -> Moments {
        let (n, sum) = values.iter().filter(|v| !v.is_nan()).fold((0u64, 0.0), |(n, s), v| (n + 1, s + v));
        if n == 0 {
            return Moments::default();
        }
        let mean = sum / n as f64;
        let m2 = values.iter().filter(|v| !v.is_nan()).map(|v| (v - mean) * (v - mean)).sum();
        Moments { n, mean, m2 }
    }

    pub fn merge(&mut self, other: &Moments) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = *other;
            return;
        }
        let n = self.n + other.n;
        let delta = other.mean - self.mean;
        self.mean += delta * other.n as f64 / n as f64;
        self.m2 += other.m2 + delta * delta * self.n as f64 * other.n as f64 / n as f64;
        self.n = n;
    }

    /// Sample standard deviation.
    pub fn sd(&self) -> f64 {
        if self.n < 2 {
            0.0
        } else {
            libm::sqrt(self.m2 / (self.n - 1) as f64)
        }
    }
}

/// Spearman rank correlation of two equally long slices (rows where either
/// is NaN are dropped); None with fewer than three rows or no spread.
pub fn spearman(a: &[f64], b: &[f64]) -> Option<f64> {
    let rows: Vec<(f64, f64)> = a.iter().zip(b).filter(|(x, y)| !x.is_nan() && !y.is_nan()).map(|(x, y)| (*x, *y)).collect();
    if rows.len() < 3 {
        return None;
    }
    let ra = ranks(&rows.iter().map(|r| r.0).collect::<Vec<_>>());
    let rb = ranks(&rows.iter().map(|r| r.1).collect::<Vec<_>>());
    pearson(&ra, &rb)
}

/// Spearman rank correlation of each input column with each output column
/// (`result[output][input]`). Inputs are ranked once; an output with
/// undefined (NaN) values drops those rows and ranks its subset afresh.
pub fn rank_correlations(inputs: &[Vec<f64>], outputs: &[Vec<f64>]) -> Vec<Vec<Option<f64>>> {
    let input_ranks: Vec<Vec<f64>> = inputs.iter().map(|c| ranks(c)).collect();
    outputs
        .iter()
        .map(|out| {
            if out.iter().any(|v| v.is_nan()) {
                inputs.iter().map(|inp| spearman(inp, out)).collect()
            } else if out.len() < 3 {
                vec![None; inputs.len()]
            } else {
                let out_ranks = ranks(out);
                input_ranks.iter().map(|r| pearson(r, &out_ranks)).collect()
            }
        })
        .collect()
}

/// Pearson correlation; None when either side has no spread.
pub fn pearson(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    (saa > 0.0 && sbb > 0.0).then(|| sab / libm::sqrt(saa * sbb))
}

/// Ranks from 1, ties sharing their average rank.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let order = computedeal_core::order::order_by_key(values.len(), |i| computedeal_core::order::f64_key(values[i]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            out[order[k]] = rank;
        }
        i = j + 1;
    }
    out
}

/// The value at probability `q` of a sorted slice (linear interpolation).
pub fn sorted_quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let pos = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let k = pos.floor() as usize;
    let f = pos - k as f64;
    if k + 1 < sorted.len() {
        sorted[k] + f * (sorted[k + 1] - sorted[k])
    } else {
        sorted[k]
    }
}

/// A column's count, undefined values, extremes and each sign's range of
/// magnitudes (those ≥ 2^MIN_EXP).
#[derive(Clone, Copy, Debug)]
struct ColumnRange {
    n: u64,
    nan: u64,
    min: f64,
    max: f64,
    lo_pos: f64,
    hi_pos: f64,
    lo_neg: f64,
    hi_neg: f64,
}

impl Default for ColumnRange {
    fn default() -> Self {
        ColumnRange { n: 0, nan: 0, min: f64::INFINITY, max: f64::NEG_INFINITY, lo_pos: f64::INFINITY, hi_pos: 0.0, lo_neg: f64::INFINITY, hi_neg: 0.0 }
    }
}

impl ColumnRange {
    #[inline]
    fn take(&mut self, v: f64) {
        if v.is_nan() {
            self.nan += 1;
            return;
        }
        self.n += 1;
        self.min = self.min.min(v);
        self.max = self.max.max(v);
        let m = v.abs();
        if m >= MIN_MAGNITUDE {
            if v > 0.0 {
                self.lo_pos = self.lo_pos.min(m);
                self.hi_pos = self.hi_pos.max(m);
            } else {
                self.lo_neg = self.lo_neg.min(m);
                self.hi_neg = self.hi_neg.max(m);
            }
        }
    }

    fn join(mut self, o: &ColumnRange) -> ColumnRange {
        self.n += o.n;
        self.nan += o.nan;
        self.min = self.min.min(o.min);
        self.max = self.max.max(o.max);
        self.lo_pos = self.lo_pos.min(o.lo_pos);
        self.hi_pos = self.hi_pos.max(o.hi_pos);
        self.lo_neg = self.lo_neg.min(o.lo_neg);
        self.hi_neg = self.hi_neg.max(o.hi_neg);
        self
    }
}

/// Adds a block's column to the run's sketch and value i to replica
/// i % R's coarse sketch (R = `replicas.len()`), in two passes over the column instead of two per
/// sketch, each value's bucket found once (a coarse bucket is the fine one
/// shifted right by SUB_BITS − COARSE_SUB_BITS, as both split the same
/// powers of two): the same sketches as `add_column` on each (a test checks).
pub fn add_block_column(main: &mut Sketch, replicas: &mut [&mut CoarseSketch], values: &[f64]) {
    const SHIFT: u32 = SUB_BITS - COARSE_SUB_BITS;
    if replicas.is_empty() {
        main.add_column(values, 0, 1);
        return;
    }
    let r = replicas.len();
    // Pass 1: each replica's range, the run's is their union; every store grows once.
    let ranges = Sketch::ranges(values, r);
    main.reserve(&ranges.iter().fold(ColumnRange::default(), |a, r| a.join(r)));
    for (sketch, range) in replicas.iter_mut().zip(&ranges) {
        sketch.reserve(range);
    }
    // Pass 2: every bucket is now inside its store.
    let (pos_off, neg_off) = (main.positive.offset, main.negative.offset);
    let offsets: Vec<(i32, i32)> = replicas.iter().map(|s| (s.positive.offset, s.negative.offset)).collect();
    let mut zero = vec![0u64; r];
    for group in values.chunks(r) {
        for (k, &v) in group.iter().enumerate() {
            let m = v.abs();
            if v.is_nan() {
                continue;
            }
            if m < MIN_MAGNITUDE {
                zero[k] += 1;
            } else {
                let fine = bucket::<SUB_BITS>(m);
                let coarse = fine >> SHIFT;
                if v > 0.0 {
                    main.positive.counts[(fine - pos_off) as usize] += 1;
                    replicas[k].positive.counts[(coarse - offsets[k].0) as usize] += 1;
                } else {
                    main.negative.counts[(fine - neg_off) as usize] += 1;
                    replicas[k].negative.counts[(coarse - offsets[k].1) as usize] += 1;
                }
            }
        }
    }
    for (sketch, z) in replicas.iter_mut().zip(zero) {
        sketch.zero += z;
        main.zero += z;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sketch_quantiles_are_within_the_stated_error() {
        // Values −5000 … 94999: exact quantile at q is −5000 + q × 99999.
        let mut s = Sketch::default();
        for i in 0..100_000 {
            s.add(i as f64 - 5000.0);
        }
        for q in [0.01, 0.05, 0.1, 0.5, 0.9, 0.99] {
            let exact = -5000.0 + (q * 99_999.0_f64).floor();
            let got = s.quantile(q).unwrap_or(f64::NAN);
            assert!((got - exact).abs() <= exact.abs() / 256.0 + 1.0, "q {q}: {got} vs {exact}");
            assert!((got - exact).abs() <= exact.abs() / 1000.0 + 1.0, "interpolated, q {q}: {got} vs {exact}");
        }
        assert_eq!(s.quantile(0.0), Some(-5000.0));
        assert_eq!(s.quantile(1.0), Some(94_999.0));
        // 5,000 of 100,000 are negative.
        assert!((s.share_below(0.0) - 0.05).abs() < 1e-4, "{}", s.share_below(0.0));
    }

    #[test]
    fn merging_is_exact_and_order_free() {
        let values: Vec<f64> = (0..10_000).map(|i| ((i * 7919) % 10_007) as f64 * 1.37 - 3000.0).collect();
        let mut whole = Sketch::default();
        values.iter().for_each(|v| whole.add(*v));
        let (mut a, mut b) = (Sketch::default(), Sketch::default());
        values[..3333].iter().for_each(|v| a.add(*v));
        values[3333..].iter().for_each(|v| b.add(*v));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        for q in [0.05, 0.5, 0.95] {
            assert_eq!(ab.quantile(q), whole.quantile(q));
            assert_eq!(ba.quantile(q), whole.quantile(q));
        }
    }

    #[test]
    fn the_zero_threshold_is_two_to_the_min_exponent() {
        assert_eq!(MIN_MAGNITUDE, libm::ldexp(1.0, MIN_EXP));
    }

    #[test]
    fn a_column_gives_the_same_sketch_as_its_values_one_by_one() {
        // Signs, zeros, tiny values, NaN, the extremes of f64, and a sketch
        // that already holds values; every stride a run uses.
        let values: Vec<f64> = (0..4096)
            .map(|i| match i % 11 {
                0 => f64::NAN,
                1 => 0.0,
                2 => 1e-300,
                3 => -f64::MAX,
                4 => f64::MAX,
                5 => -(i as f64) * 1.7e6,
                _ => (i as f64 - 2000.0) * 3.1e5 + 0.5,
            })
            .collect();
        for (first, step) in [(0, 1), (0, 16), (7, 16), (15, 16)] {
            let mut one = Sketch::default();
            let mut col = Sketch::default();
            for s in [&mut one, &mut col] {
                s.add(42.0);
                s.add(-1e9);
            }
            for v in values.iter().skip(first).step_by(step) {
                one.add(*v);
            }
            col.add_column(&values, first, step);
            assert_eq!(col, one, "first {first}, step {step}");
            let mut coarse_one = CoarseSketch::default();
            let mut coarse_col = CoarseSketch::default();
            for v in values.iter().skip(first).step_by(step) {
                coarse_one.add(*v);
            }
            coarse_col.add_column(&values, first, step);
            assert_eq!(coarse_col, coarse_one);
        }
        // An empty column changes nothing.
        let mut s = Sketch::default();
        s.add_column(&[], 0, 1);
        assert_eq!(s, Sketch::default());
    }

    #[test]
    fn a_block_column_gives_the_sketches_of_each_column_pass() {
        // Values of both signs over many octaves, zeros, magnitudes just
        // under and over 2^-40, NaN, the largest and smallest finite
        // values, and lengths that are and are not multiples of the
        // replicas; into sketches that already hold values outside the
        // column's range (so stores grow on both sides).
        const R: usize = 16;
        let special =
            [0.0, -0.0, f64::NAN, MIN_MAGNITUDE, MIN_MAGNITUDE * (1.0 - f64::EPSILON), -MIN_MAGNITUDE, f64::MAX, -f64::MAX, f64::MIN_POSITIVE, 1.0, -1.0];
        for len in [0usize, 1, 15, 16, 17, 4096, 4099] {
            let values: Vec<f64> = (0..len)
                .map(|i| match i % 23 {
                    k if k < special.len() => special[k],
                    k => (if i % 2 == 0 { 1.0 } else { -1.0 }) * (1.37f64).powi((i % 97) as i32 - 48) * (1.0 + k as f64 / 31.0),
                })
                .collect();
            let seed = |s: &mut Sketch| {
                s.add(1e-3);
                s.add(-7e12);
            };
            let (mut fused, mut apart) = (Sketch::default(), Sketch::default());
            seed(&mut fused);
            seed(&mut apart);
            let mut fused_r: [CoarseSketch; R] = std::array::from_fn(|_| CoarseSketch::default());
            let mut apart_r = fused_r.clone();
            for (k, (a, b)) in fused_r.iter_mut().zip(apart_r.iter_mut()).enumerate() {
                a.add(k as f64 * 1e6);
                b.add(k as f64 * 1e6);
            }
            let mut refs: Vec<&mut CoarseSketch> = fused_r.iter_mut().collect();
            add_block_column(&mut fused, &mut refs, &values);
            apart.add_column(&values, 0, 1);
            for (k, b) in apart_r.iter_mut().enumerate() {
                b.add_column(&values, k, R);
            }
            assert_eq!(fused, apart, "len {len}");
            assert_eq!(fused_r, apart_r, "len {len}");
        }
    }

    #[test]
    fn nan_is_counted_as_undefined_and_zero_has_its_bucket() {
        let mut s = Sketch::default();
        s.add(f64::NAN);
        s.add(0.0);
        s.add(1e-300);
        assert_eq!((s.undefined, s.count), (1, 2));
        assert_eq!(s.quantile(0.5), Some(0.0));
    }

    #[test]
    fn moments_merge_like_one_pass() {
        let v: Vec<f64> = (0..1000).map(|i| (i as f64).sqrt() * 1e9).collect();
        let all = Moments::of(&v);
        let mut m = Moments::of(&v[..400]);
        m.merge(&Moments::of(&v[400..]));
        assert!((m.mean - all.mean).abs() <= 1e-12 * all.mean.abs());
        assert!((m.sd() - all.sd()).abs() <= 1e-9 * all.sd());
        // Mean of 1, 2, 3, 4 is 2.5; sample variance 5/3.
        let small = Moments::of(&[1.0, 2.0, 3.0, 4.0, f64::NAN]);
        assert_eq!(small.n, 4);
        assert!((small.sd() - (5.0f64 / 3.0).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn spearman_by_hand() {
        assert_eq!(ranks(&[10.0, 30.0, 20.0, 20.0]), vec![1.0, 4.0, 2.5, 2.5]);
        // A monotone but nonlinear relation has rank correlation 1.
        let a: Vec<f64> = (1..50).map(f64::from).collect();
        let b: Vec<f64> = a.iter().map(|x| x * x * x).collect();
        assert!((spearman(&a, &b).unwrap_or(0.0) - 1.0).abs() < 1e-12);
        let c: Vec<f64> = a.iter().map(|x| -x).collect();
        assert!((spearman(&a, &c).unwrap_or(0.0) + 1.0).abs() < 1e-12);
        assert_eq!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        // The batched form agrees with one pair at a time, with and without NaNs.
        let out = vec![b.clone(), c.iter().enumerate().map(|(i, v)| if i % 7 == 0 { f64::NAN } else { *v }).collect()];
        let all = rank_correlations(&[a.clone(), b.clone()], &out);
        for (o, row) in out.iter().zip(&all) {
            for (inp, r) in [&a, &b].iter().zip(row) {
                assert_eq!(*r, spearman(inp, o));
            }
        }
    }
}
