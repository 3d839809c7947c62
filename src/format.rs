//! Numbers and units for people: one place that turns a value in base units
//! into text, so cards, charts, tables and the reading all agree.

use crate::outputs::Unit;

/// Groups the integer part of a non-negative number in threes: 1234567 → "1,234,567".
pub fn group_thousands(int: u64) -> String {
    let digits = int.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number with `decimals` decimals and thousands separators; "−" for
/// negatives (a real minus sign), and no "−0".
pub fn fixed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = group_thousands(int.parse().unwrap_or(0));
    let body = if frac.is_empty() { grouped } else { format!("{grouped}.{frac}") };
    let is_zero = body.chars().all(|c| matches!(c, '0' | '.' | ','));
    if v < 0.0 && !is_zero {
        format!("−{body}")
    } else {
        body
    }
}

/// Three significant figures, at least `min_decimals` decimals kept off.
pub fn sig3(v: f64) -> String {
    let a = v.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else if a == 0.0 {
        0
    } else {
        (2.0 - a.log10().floor()).min(12.0) as usize
    };
    fixed(v, decimals)
}

/// Dollars with a short scale: $38.0B, −$1.25M, $450k, $3.00.
pub fn usd(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let number = if suffix.is_empty() && a >= 1.0 { fixed(scaled, 2) } else { sig3(scaled) };
    match number.strip_prefix('−') {
        Some(rest) => format!("−${rest}{suffix}"),
        None => format!("${number}{suffix}"),
    }
}

/// Dollars on an axis: as `usd` without trailing zeros ($8B, $2.5B, −$500M).
pub fn usd_axis(v: f64) -> String {
    trim_zeros(&usd(v))
}

/// A value on an axis: as `value`, without trailing zeros.
pub fn axis(v: f64, unit: Unit) -> String {
    trim_zeros(&value(v, unit))
}

/// "$8.00B" → "$8B", "2.50%" → "2.5%"; leaves integers alone.
fn trim_zeros(text: &str) -> String {
    let Some(dot) = text.find('.') else { return text.to_string() };
    let digits_end = text[dot + 1..].find(|c: char| !c.is_ascii_digit()).map(|i| dot + 1 + i).unwrap_or(text.len());
    let frac = text[dot + 1..digits_end].trim_end_matches('0');
    let head = &text[..dot];
    let tail = &text[digits_end..];
    if frac.is_empty() {
        format!("{head}{tail}")
    } else {
        format!("{head}.{frac}{tail}")
    }
}

/// A value in its unit, as a card or a readout shows it.
pub fn value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Usd | Unit::UsdPerYear => {
            let s = usd(v);
            if unit == Unit::UsdPerYear {
                format!("{s}/yr")
            } else {
                s
            }
        }
        Unit::UsdPerHour => {
            let s = if v.abs() >= 0.1 { format!("${}", fixed(v.abs(), 2)) } else { format!("${}", sig3(v.abs())) };
            if v < 0.0 {
                format!("−{s}")
            } else {
                s
            }
        }
        Unit::Fraction => format!("{}%", fixed(v * 100.0, 1)),
        Unit::Years => format!("{} yr", fixed(v, 1)),
        Unit::Count => fixed(v, 0),
        Unit::Mw => {
            if v.abs() >= 10_000.0 {
                format!("{} GW", sig3(v / 1000.0))
            } else {
                format!("{} MW", fixed(v, 0))
            }
        }
        Unit::GwhPerYear => {
            if v.abs() >= 1000.0 {
                format!("{} TWh/yr", sig3(v / 1000.0))
            } else {
                format!("{} GWh/yr", sig3(v))
            }
        }
        Unit::KtPerYear => {
            if v.abs() >= 1000.0 {
                format!("{} Mt/yr", sig3(v / 1000.0))
            } else {
                format!("{} kt/yr", sig3(v))
            }
        }
        Unit::Pflops => format!("{} EFLOPS", sig3(v / 1000.0)),
        Unit::Hours => format!("{} h", usd(v).trim_start_matches('$')),
        Unit::TokensPerSecond => format!("{} tok/s", fixed(v, 0)),
        Unit::Plain => sig3(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formatting_table() {
        let cases: &[(f64, Unit, &str)] = &[
            (38e9, Unit::Usd, "$38.0B"),
            (5_284_370_500.0, Unit::Usd, "$5.28B"),
            (-1.25e6, Unit::Usd, "−$1.25M"),
            (450_000.0, Unit::Usd, "$450k"),
            (3_000_000_000_000.0, Unit::Usd, "$3.00T"),
            (1234.5, Unit::Usd, "$1,234.50"),
            (0.0, Unit::Usd, "$0"),
            (-0.000_4, Unit::Usd, "−$0.000400"),
            (4.78e9, Unit::UsdPerYear, "$4.78B/yr"),
            (3.003_161, Unit::UsdPerHour, "$3.00"),
            (0.104_267, Unit::UsdPerHour, "$0.10"),
            (0.006_67, Unit::UsdPerHour, "$0.00667"),
            (-2.5, Unit::UsdPerHour, "−$2.50"),
            (0.062_58, Unit::Fraction, "6.3%"),
            (-0.6, Unit::Fraction, "−60.0%"),
            (-0.000_01, Unit::Fraction, "0.0%"),
            (4.988, Unit::Years, "5.0 yr"),
            (200_000.0, Unit::Count, "200,000"),
            (460.0, Unit::Mw, "460 MW"),
            (4485.0, Unit::Mw, "4,485 MW"),
            (24_200.0, Unit::Mw, "24.2 GW"),
            (3868.4, Unit::GwhPerYear, "3.87 TWh/yr"),
            (168.1, Unit::GwhPerYear, "168 GWh/yr"),
            (1415.8, Unit::KtPerYear, "1.42 Mt/yr"),
            (5.256, Unit::KtPerYear, "5.26 kt/yr"),
            (1e6, Unit::Pflops, "1,000 EFLOPS"),
            (7500.0, Unit::TokensPerSecond, "7,500 tok/s"),
            (f64::NAN, Unit::Usd, "–"),
        ];
        for (v, unit, want) in cases {
            assert_eq!(value(*v, *unit), *want, "{v} {unit:?}");
        }
    }

    #[test]
    fn axis_labels_drop_trailing_zeros() {
        assert_eq!(usd_axis(8e9), "$8B");
        assert_eq!(usd_axis(2.5e9), "$2.5B");
        assert_eq!(usd_axis(-5e8), "−$500M");
        assert_eq!(usd_axis(0.0), "$0");
        assert_eq!(axis(0.025, Unit::Fraction), "2.5%");
        assert_eq!(axis(3.0, Unit::UsdPerHour), "$3");
        assert_eq!(axis(4485.0, Unit::Mw), "4,485 MW");
    }

    #[test]
    fn grouping_and_fixed() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(1_234_567_890), "1,234,567,890");
        assert_eq!(fixed(-1234.567, 1), "−1,234.6");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(sig3(0.000_123_45), "0.000123");
    }
}
