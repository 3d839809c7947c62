//! The GPU rental market: a dated snapshot of published rental prices per
//! accelerator-hour (`data/rental-market.json`, compiled in: no request at
//! run time), read and checked here. Refreshing it is a change to that file
//! only; its format is `docs/MARKET.md`. A snapshot that fails a check is a
//! `MarketError` (data: the row and the field), never a panic.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::json::{Record, ShapeError};

/// The snapshot shipped with the calculator.
pub const DATA: &str = include_str!("../data/rental-market.json");

/// The format this reader understands (the file's `format`).
pub const FORMAT: &str = "computedeal-rental-market/1";

/// A source of market rows: where a figure was published and on what terms
/// it is repeated here.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub title: String,
    pub url: String,
    pub date: String,
    pub grade: String,
    pub licence: String,
}

/// How a price is sold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A list price by the hour, no commitment.
    OnDemand,
    /// Reserved or committed for months or years.
    Committed,
    /// Interruptible or auctioned capacity.
    Spot,
    /// AWS's booked blocks of days.
    CapacityBlock,
    /// An index's level (a median or an average of many offers or trades).
    Index,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::OnDemand, Kind::Committed, Kind::Spot, Kind::CapacityBlock, Kind::Index];

    pub fn key(self) -> &'static str {
        match self {
            Kind::OnDemand => "on-demand",
            Kind::Committed => "committed",
            Kind::Spot => "spot",
            Kind::CapacityBlock => "capacity-block",
            Kind::Index => "index",
        }
    }
}

/// One published price.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Price {
    pub provider: String,
    /// A chip id of the accelerator catalogue.
    pub chip: String,
    pub kind: Kind,
    pub usd_per_hour: f64,
    /// When the price was published or read: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// A key of the snapshot's `sources`.
    pub source: String,
    pub note: String,
}

/// One price of the past, for a chip's history.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub chip: String,
    pub kind: Kind,
    pub usd_per_hour: f64,
    pub date: String,
    pub source: String,
    pub note: String,
}

/// A published fall (or rise) of a chip's rent or value over a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decline {
    pub chip: String,
    pub what: String,
    /// The change over the period: −0.22 is a fall of 22%.
    pub change: f64,
    pub from: String,
    pub to: String,
    pub source: String,
    pub note: String,
}

/// The snapshot.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Snapshot {
    pub format: String,
    /// The newest date the snapshot's rows were read.
    pub as_of: String,
    pub about: String,
    pub sources: BTreeMap<String, Source>,
    pub prices: Vec<Price>,
    pub history: Vec<Point>,
    pub declines: Vec<Decline>,
}

/// Which list of the snapshot a row is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Sources,
    Prices,
    History,
    Declines,
}

/// What is wrong with a snapshot: the row (its index, or for a source its
/// key), the field, and what was found.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum MarketError {
    /// Not JSON of the snapshot's shape (what and where, in serde's words: data).
    Shape { detail: String },
    /// Another format than `FORMAT`.
    Format { found: String },
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date { table: Table, row: String, field: &'static str, found: String },
    /// A row whose source is not among the snapshot's sources.
    UnknownSource { table: Table, row: String, found: String },
    /// A field that must say something and is empty (a source's licence, title or URL).
    Empty { table: Table, row: String, field: &'static str },
    /// A chip the catalogue lacks.
    UnknownChip { table: Table, row: String, found: String },
    /// A price that is not a positive finite number, or a change outside (−1, 1).
    Number { table: Table, row: String, field: &'static str, found: f64 },
    /// A decline whose period ends before it starts.
    Period { row: String, from: String, to: String },
}

/// A date as months since year 0 (`YYYY` is its middle, June), or None.
pub fn months(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let year: u32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: Option<u32> = match parts.next() {
        None => None,
        Some(m) if m.len() == 2 => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
    };
    let day: Option<u32> = match parts.next() {
        None => None,
        Some(d) if d.len() == 2 && month.is_some() => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
        Some(_) => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    let m = match month {
        None => 5.5,
        Some(m) => (m - 1) as f64 + day.map(|d| (d - 1) as f64 / 31.0).unwrap_or(0.0),
    };
    Some(year as f64 * 12.0 + m)
}

/// The shipped snapshot.
pub fn snapshot() -> Result<Snapshot, MarketError> {
    parse(DATA)
}

fn source_of(v: &Value, at: String) -> Result<Source, ShapeError> {
    let mut r = Record::of(v, at)?;
    let s = Source { title: r.string("title")?, url: r.string("url")?, date: r.string("date")?, grade: r.string("grade")?, licence: r.string("licence")? };
    r.done().map(|_| s)
}

fn kind_of(r: &mut Record) -> Result<Kind, ShapeError> {
    let k = r.string("kind")?;
    Kind::ALL.into_iter().find(|x| x.key() == k).ok_or_else(|| format!("unknown variant `{k}`, expected one of {}", Kind::ALL.map(Kind::key).join(", ")))
}

fn price_of(v: &Value, at: String) -> Result<Price, ShapeError> {
    let mut r = Record::of(v, at)?;
    let p = Price {
        provider: r.string("provider")?,
        chip: r.string("chip")?,
        kind: kind_of(&mut r)?,
        usd_per_hour: r.number("usd_per_hour")?,
        date: r.string("date")?,
        source: r.string("source")?,
        note: r.string("note")?,
    };
    r.done().map(|_| p)
}

fn point_of(v: &Value, at: String) -> Result<Point, ShapeError> {
    let mut r = Record::of(v, at)?;
    let p = Point {
        chip: r.string("chip")?,
        kind: kind_of(&mut r)?,
        usd_per_hour: r.number("usd_per_hour")?,
        date: r.string("date")?,
        source: r.string("source")?,
        note: r.string("note")?,
    };
    r.done().map(|_| p)
}

fn decline_of(v: &Value, at: String) -> Result<Decline, ShapeError> {
    let mut r = Record::of(v, at)?;
    let d = Decline {
        chip: r.string("chip")?,
        what: r.string("what")?,
        change: r.number("change")?,
        from: r.string("from")?,
        to: r.string("to")?,
        source: r.string("source")?,
        note: r.string("note")?,
    };
    r.done().map(|_| d)
}

/// The snapshot's records, every field as its type says (`crate::json`).
fn read(text: &str) -> Result<Snapshot, ShapeError> {
    crate::json::read(text, |mut r| {
        let s = Snapshot {
            format: r.string("format")?,
            as_of: r.string("as_of")?,
            about: r.string("about")?,
            sources: r.map("sources", source_of)?,
            prices: r.list("prices", price_of)?,
            history: r.list("history", point_of)?,
            declines: r.list("declines", decline_of)?,
        };
        r.done().map(|_| s)
    })
}

/// Reads and checks a snapshot.
pub fn parse(text: &str) -> Result<Snapshot, MarketError> {
    let s = read(text).map_err(|detail| MarketError::Shape { detail })?;
    if s.format != FORMAT {
        return Err(MarketError::Format { found: s.format });
    }
    let date = |table: Table, row: &str, field: &'static str, d: &str| match months(d) {
        Some(_) => Ok(()),
        None => Err(MarketError::Date { table, row: row.to_string(), field, found: d.to_string() }),
    };
    date(Table::Sources, "as_of", "as_of", &s.as_of)?;
    for (key, src) in &s.sources {
        date(Table::Sources, key, "date", &src.date)?;
        for (field, text) in [("title", &src.title), ("url", &src.url), ("licence", &src.licence), ("grade", &src.grade)] {
            if text.trim().is_empty() {
                return Err(MarketError::Empty { table: Table::Sources, row: key.clone(), field });
            }
        }
    }
    let source = |table: Table, row: &str, key: &str| {
        if s.sources.contains_key(key) {
            Ok(())
        } else {
            Err(MarketError::UnknownSource { table, row: row.to_string(), found: key.to_string() })
        }
    };
    let chip = |table: Table, row: &str, id: &str| {
        if crate::catalogue::CATALOGUE.iter().any(|a| a.id == id) {
            Ok(())
        } else {
            Err(MarketError::UnknownChip { table, row: row.to_string(), found: id.to_string() })
        }
    };
    let price = |table: Table, row: &str, v: f64| {
        if v.is_finite() && v > 0.0 {
            Ok(())
        } else {
            Err(MarketError::Number { table, row: row.to_string(), field: "usd_per_hour", found: v })
        }
    };
    for (i, p) in s.prices.iter().enumerate() {
        let row = i.to_string();
        date(Table::Prices, &row, "date", &p.date)?;
        source(Table::Prices, &row, &p.source)?;
        chip(Table::Prices, &row, &p.chip)?;
        price(Table::Prices, &row, p.usd_per_hour)?;
        if p.provider.trim().is_empty() {
            return Err(MarketError::Empty { table: Table::Prices, row, field: "provider" });
        }
    }
    for (i, p) in s.history.iter().enumerate() {
        let row = i.to_string();
        date(Table::History, &row, "date", &p.date)?;
        source(Table::History, &row, &p.source)?;
        chip(Table::History, &row, &p.chip)?;
        price(Table::History, &row, p.usd_per_hour)?;
    }
    for (i, d) in s.declines.iter().enumerate() {
        let row = i.to_string();
        date(Table::Declines, &row, "from", &d.from)?;
        date(Table::Declines, &row, "to", &d.to)?;
        source(Table::Declines, &row, &d.source)?;
        chip(Table::Declines, &row, &d.chip)?;
        if !(d.change.is_finite() && d.change > -1.0 && d.change < 1.0) {
            return Err(MarketError::Number { table: Table::Declines, row, field: "change", found: d.change });
        }
        if d.years().is_none() {
            return Err(MarketError::Period { row, from: d.from.clone(), to: d.to.clone() });
        }
    }
    Ok(s)
}

impl Decline {
    /// The period in years, when it ends after it starts.
    pub fn years(&self) -> Option<f64> {
        let (a, b) = (months(&self.from)?, months(&self.to)?);
        (b > a).then(|| (b - a) / 12.0)
    }

    /// The change as a yearly rate of decline: 1 − (1 + change)^(1 / years).
    pub fn annual(&self) -> Option<f64> {
        Some(-libm::expm1(libm::log1p(self.change) / self.years()?))
    }
}

impl Snapshot {
    /// The prices of one chip.
    pub fn prices_for<'a>(&'a self, chip: &'a str) -> impl Iterator<Item = &'a Price> + 'a {
        self.prices.iter().filter(move |p| p.chip == chip)
    }

    /// The yearly decline the market data imply: the median of the
    /// published declines, each as a yearly rate. None without any.
    pub fn implied_decline(&self) -> Option<f64> {
        median(self.declines.iter().filter_map(Decline::annual).collect())
    }

    /// The committed (reserved) price of a chip: the median of its rows of
    /// that kind. None without any.
    pub fn committed(&self, chip: &str) -> Option<f64> {
        median(self.prices_for(chip).filter(|p| p.kind == Kind::Committed).map(|p| p.usd_per_hour).collect())
    }
}

/// The median of some values (the mean of the middle two for an even
/// count); None without any.
fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    crate::order::sort_f64(&mut v);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}
