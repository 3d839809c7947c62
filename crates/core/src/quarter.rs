//! Calendar quarters such as `2025Q4`: parsing, formatting and arithmetic.

use std::fmt;

/// A calendar quarter. Its index (`year * 4 + quarter - 1`) orders quarters
/// and makes differences a plain subtraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    pub fn new(year: i32, quarter: u8) -> Option<Quarter> {
        (1..=4).contains(&quarter).then_some(Quarter { year, quarter })
    }

    pub fn index(self) -> i32 {
        self.year * 4 + i32::from(self.quarter) - 1
    }

    pub fn from_index(index: i32) -> Quarter {
        Quarter { year: index.div_euclid(4), quarter: (index.rem_euclid(4) + 1) as u8 }
    }

    /// Parses `2025Q4`; also accepts `2025q4`, `2025-Q4` and `2025 Q4`.
    pub fn parse(text: &str) -> Option<Quarter> {
        let upper = text.trim().to_ascii_uppercase();
        let (year, q) = upper.split_once('Q')?;
        let year = year.trim_end_matches(['-', ' ']);
        if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) || q.len() != 1 {
            return None;
        }
        Quarter::new(year.parse().ok()?, q.parse().ok()?)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.quarter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_format() {
        let cases = [("2025Q4", Some((2025, 4))), ("2025q1", Some((2025, 1))), ("2027-Q2", Some((2027, 2))), ("2030 Q3", Some((2030, 3)))];
        for (text, want) in cases {
            let got = Quarter::parse(text).map(|q| (q.year, q.quarter));
            assert_eq!(got, want, "{text}");
        }
        for bad in ["2025Q5", "2025Q0", "25Q4", "2025", "Q4", "2025Q44", "abcdQ1", ""] {
            assert!(Quarter::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(Quarter::parse("2025Q4").map(|q| q.to_string()), Some("2025Q4".to_string()));
    }

    #[test]
    fn index_round_trips_and_orders() {
        for i in 8000..8200 {
            assert_eq!(Quarter::from_index(i).index(), i);
        }
        let a = Quarter::parse("2025Q4").map(Quarter::index).unwrap_or(0);
        let b = Quarter::parse("2026Q4").map(Quarter::index).unwrap_or(0);
        assert_eq!(b - a, 4);
        assert!(a > 0);
    }
}
