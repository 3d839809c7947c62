//! The values at the edges of a parameter's range, which generators favour:
//! each bound and a few ulps inside it, zero and a few ulps from it (and the
//! smallest subnormal), and the tiny values where arithmetic on 1 + x loses x
//! (1e-17, 2e-16, ε).
#![allow(dead_code)]

use computedeal_core::params::{Kind, Param};

fn ulps_up(v: f64, n: usize) -> f64 {
    (0..n).fold(v, |x, _| x.next_up())
}

fn ulps_down(v: f64, n: usize) -> f64 {
    (0..n).fold(v, |x, _| x.next_down())
}

/// Edge values of a parameter, all within its range (whole where it must be).
pub fn edges(p: &Param) -> Vec<f64> {
    let mut out = vec![p.min, p.max];
    match p.kind {
        Kind::Number => {
            out.extend([ulps_up(p.min, 1), ulps_up(p.min, 3), ulps_down(p.max, 1), ulps_down(p.max, 3)]);
            for tiny in [f64::from_bits(1), 1e-300, 1e-17, 2e-16, f64::EPSILON, 1e-9] {
                out.extend([tiny, -tiny].into_iter().map(|t| if p.min <= 0.0 { t } else { p.min + t }));
            }
            if p.min <= 0.0 && p.max >= 0.0 {
                out.push(0.0);
            }
        }
        Kind::Count | Kind::Quarter => {
            out.extend([p.min + 1.0, p.max - 1.0]);
            if p.min <= 0.0 && p.max >= 0.0 {
                out.push(0.0);
            }
        }
        Kind::Choice(ids) => out.extend((0..ids.len()).map(|i| i as f64)),
    }
    out.retain(|v| v.is_finite() && *v >= p.min && *v <= p.max);
    out.sort_by(f64::total_cmp);
    out.dedup();
    out
}
