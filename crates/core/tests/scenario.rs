//! Moving an input's base case: an uncertain input keeps its range, moved
//! with it, and a link to the result decodes to the same scenario.

use computedeal_core::codec::{decode_query, encode_query};
use computedeal_core::dist::Dist;
use computedeal_core::params::P;

#[test]
fn moving_an_uncertain_point_moves_its_range() {
    // The default PUE is PERT(1.0488, 1.14, 1.2312) (±8%): moved to 1.3
    // it scales by 1.3 / 1.14, so ±8% of 1.3: PERT(1.196, 1.3, 1.404).
    let mut s = decode_query("").scenario;
    s.move_point(P::pue, 1.3);
    assert!((s.inputs.pue - 1.3).abs() < 1e-9, "{}", s.inputs.pue);
    let d = s.dist(P::pue).expect("still uncertain").format();
    assert_eq!(d, "pert:1.196,1.3,1.404");
    // A link to it decodes to the same point and range.
    let back = decode_query(&encode_query(&s)).scenario;
    assert_eq!(back.dist(P::pue).map(Dist::format), Some(d));
    assert!((back.inputs.pue - s.inputs.pue).abs() < 1e-12);
    // An asymmetric range scales too: the delay's PERT(0, 2, 12) moved
    // from its median m to 2m is PERT(0, 4, 24), median 2m.
    let m = s.dist(P::delay_months).map(Dist::median).unwrap_or(0.0);
    s.move_point(P::delay_months, 2.0 * m);
    assert_eq!(s.dist(P::delay_months).map(Dist::format).as_deref(), Some("pert:0,4,24"));
    assert!((s.inputs.delay_months - 2.0 * m).abs() < 1e-9);
    // Moved to 0 it would be shifted below the allowed minimum and
    // clamped, so it could not centre on 0: certain at 0, as typed.
    s.move_point(P::delay_months, 0.0);
    assert_eq!((s.inputs.delay_months, s.dist(P::delay_months).is_some()), (0.0, false));
    // Moved onto a bound (availability 1, range 0.9–1 scaled past 1 and
    // clamped): certain at the value.
    let mut s = decode_query("availability=0.9~1").scenario;
    s.move_point(P::availability, 1.0);
    assert_eq!((s.inputs.availability, s.dist(P::availability).is_some()), (1.0, false));
    // A certain input just takes the value.
    s.move_point(P::tax_rate, 0.25);
    assert_eq!((s.inputs.tax_rate, s.dist(P::tax_rate).is_some()), (0.25, false));
}
