//! Sorting through two instances of the standard library's sort for the
//! whole program. Each `sort_by` on a new element type or comparator builds
//! a full driftsort (3–7 KB of wasm apiece; the page's twenty callers made
//! 90 KB of its download before wasm-opt): here every sort is a sort of
//! `(key, index)` pairs, or of plain keys, followed by a permutation.
//!
//! Keys are `u64`s. `f64_key` maps an `f64` to one whose order is
//! `f64::total_cmp`'s, and back with `from_f64_key`, so sorting numbers
//! loses no bit (`-0` before `+0`, NaNs at the ends by sign).

/// A key whose unsigned order is `f64::total_cmp`'s order (a bijection).
pub fn f64_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | 1 << 63
    }
}

/// The `f64` whose key is `k`: `from_f64_key(f64_key(x))` has `x`'s bits.
pub fn from_f64_key(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

/// The indices `0..n` ordered by `key`, ties in index order: what a stable
/// sort of the items would produce.
pub fn order_by_key(n: usize, key: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = (0..n).map(|i| (key(i), i)).collect();
    // Pairs are distinct, so the unstable sort's result is the stable one.
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Sorts `v` by `key`, stably (equal keys keep their order).
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let order = order_by_key(v.len(), |i| key(&v[i]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts numbers in `f64::total_cmp` order.
pub fn sort_f64(v: &mut [f64]) {
    let mut keys: Vec<u64> = v.iter().map(|&x| f64_key(x)).collect();
    keys.sort_unstable();
    for (x, k) in v.iter_mut().zip(keys) {
        *x = from_f64_key(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_total_order_at_the_edges() {
        // Every neighbour pair in total_cmp order, NaNs of both signs included.
        let xs = [
            f64::from_bits(!0),
            f64::NEG_INFINITY,
            f64::MIN,
            -1.0,
            -f64::MIN_POSITIVE,
            -f64::from_bits(1),
            -0.0,
            0.0,
            f64::from_bits(1),
            f64::MIN_POSITIVE,
            1.0,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
        ];
        for w in xs.windows(2) {
            assert_eq!(w[0].total_cmp(&w[1]), std::cmp::Ordering::Less, "{w:?}");
            assert!(f64_key(w[0]) < f64_key(w[1]), "{w:?}");
        }
        for x in xs {
            assert_eq!(from_f64_key(f64_key(x)).to_bits(), x.to_bits());
        }
    }

    #[test]
    fn a_stable_sort_by_hand() {
        // Keys 2, 1, 2, 0, 1: stable order is index 3 (key 0), 1 and 4 (key 1), 0 and 2 (key 2).
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut f = vec![3.0, -0.0, f64::NAN, 0.0, -2.5];
        sort_f64(&mut f);
        assert_eq!(f.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), [-2.5f64, -0.0, 0.0, 3.0, f64::NAN].map(f64::to_bits));
    }
}
