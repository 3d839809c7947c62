//! OpenAI's portfolio of compute commitments (`data/openai-portfolio.json`,
//! compiled in; format in `docs/PORTFOLIO.md`): every announced deal as a
//! record, the commitments falling due each year in dollars and gigawatts,
//! against the buyer's revenue (reported actuals, and its published plans as
//! a low and a high path), the share of revenue they take, and a Monte
//! Carlo chance that they exceed a share the reader sets in some year.
//!
//! Assumptions, each stated in the data file and the docs: a deal's value
//! falls due evenly over its term from its start; a deal without a
//! published value counts in gigawatts only; a deal's gigawatts ramp in
//! linearly over its `ramp_years` (a published schedule, or our estimate of
//! two years) and a lease's end with its term where chips bought stay;
//! revenue's uncertainty is one factor per scenario, the position between
//! the two plans in logarithms, triangular from half the gap below the
//! lower plan to the higher plan (mode halfway between them).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::json::{Record, ShapeError};

use crate::notice::{Allowed, Notice, Problem};

/// The portfolio shipped with the calculator.
pub const DATA: &str = include_str!("../data/openai-portfolio.json");
pub const FORMAT: &str = "computedeal-portfolio/2";

/// The ramp of a deal whose record gives none, in years: our estimate.
pub const RAMP_YEARS: f64 = 2.0;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub title: String,
    pub url: String,
    pub date: String,
    pub grade: String,
}

/// One reading of a deal's value (reports that disagree give two).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    pub label: Option<String>,
    /// None: no value was published.
    pub value_usd: Option<f64>,
    /// This reading's gigawatts, where they differ from the deal's `gw`.
    pub gw: Option<f64>,
    pub note: Option<String>,
}

/// Whether a deal's capacity outlasts its term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Capacity rented (a cloud contract): it ends with the term.
    Lease,
    /// Chips bought: the payments end with the term, the capacity stays.
    Purchase,
}

impl Kind {
    pub const KEYS: [&'static str; 2] = ["lease", "purchase"];

    fn of_key(k: &str) -> Kind {
        if k == "purchase" {
            Kind::Purchase
        } else {
            Kind::Lease
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deal {
    pub id: String,
    pub seller: String,
    pub what: String,
    /// A lease (its capacity ends with its term) or a purchase (it stays).
    pub kind: Kind,
    pub readings: Vec<Reading>,
    /// The start, as a year (2027.0 is 1 January 2027).
    pub start: f64,
    pub term_years: f64,
    /// The years its gigawatts take to ramp in from its start, linearly
    /// (None: `RAMP_YEARS`, our estimate).
    pub ramp_years: Option<f64>,
    /// Contracted gigawatts, when published (a reading may give its own).
    pub gw: Option<f64>,
    pub chip: String,
    pub announced: String,
    pub sources: Vec<String>,
    pub note: String,
    /// The calculator's presets for this deal (one per reading where they differ).
    pub presets: Vec<String>,
    /// The reading used unless the reader picks another (the first otherwise).
    pub default_reading: Option<String>,
}

impl Deal {
    /// Whether the records disagree on its value.
    pub fn ambiguous(&self) -> bool {
        self.readings.len() > 1
    }

    /// The index of the default reading.
    pub fn default_reading(&self) -> usize {
        self.default_reading.as_ref().and_then(|l| self.readings.iter().position(|r| r.label.as_ref() == Some(l))).unwrap_or(0)
    }

    /// The years its gigawatts take to ramp in.
    pub fn ramp(&self) -> f64 {
        self.ramp_years.unwrap_or(RAMP_YEARS)
    }
}

/// What a statement of the buyer's counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatedUnit {
    /// US dollars.
    Usd,
    /// Gigawatts.
    Gw,
}

impl StatedUnit {
    pub const KEYS: [&'static str; 2] = ["usd", "gw"];

    fn of_key(k: &str) -> StatedUnit {
        if k == "gw" {
            StatedUnit::Gw
        } else {
            StatedUnit::Usd
        }
    }
}

/// The buyer's own dated statement of its commitments, to set beside the
/// records' totals (`Portfolio::ours`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    pub date: String,
    /// What was said, in the data's words.
    pub what: String,
    pub value: f64,
    pub unit: StatedUnit,
    /// Dollars falling due through the end of this year, or the gigawatts on
    /// average in this year; None: all the dollars, or the gigawatts contracted.
    pub through: Option<i32>,
    pub source: String,
    /// Why the records' figure differs.
    pub note: String,
}

/// Something that happened after a deal was announced, and what it changes
/// in the records (`deals`: the records it touches, maybe none).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub date: String,
    pub what: String,
    pub deals: Vec<String>,
    pub sources: Vec<String>,
    pub effect: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actual {
    pub year: i32,
    pub usd: f64,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Path {
    pub source: String,
    /// (year, revenue in that year), by year.
    pub points: Vec<(f64, f64)>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Revenue {
    pub actual: Vec<Actual>,
    pub low: Path,
    pub high: Path,
    /// Growth a year after a path's last point (an estimate).
    pub after_last_growth: f64,
    pub after_last_note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Backlog {
    pub seller: String,
    pub backlog_usd: f64,
    pub openai_usd: f64,
    pub date: String,
    pub source: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Portfolio {
    pub format: String,
    pub buyer: String,
    pub about: String,
    pub sources: BTreeMap<String, Source>,
    pub deals: Vec<Deal>,
    pub revenue: Revenue,
    pub backlogs: Vec<Backlog>,
    pub statements: Vec<Statement>,
    pub events: Vec<Event>,
}

/// What is wrong with a portfolio file (data; words come from the presentation).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum PortfolioError {
    Shape {
        detail: String,
    },
    Format {
        found: String,
    },
    /// A deal, path or backlog citing a source the file lacks.
    UnknownSource {
        row: String,
        found: String,
    },
    /// A value, term, start, GW or revenue that is not a positive finite
    /// number, or a ramp that is negative.
    Number {
        row: String,
        field: &'static str,
        found: f64,
    },
    /// A deal without readings or sources, two deals with one id, or a
    /// default reading that names none of its readings.
    Deal {
        row: String,
    },
    /// An event naming a deal the file lacks.
    UnknownDeal {
        row: String,
        found: String,
    },
    /// A revenue path without points or out of year order.
    Path {
        which: &'static str,
    },
}

/// The shipped portfolio, parsed once: the page reads it on every render
/// that writes a link with the reader's choices (`portfolio=`).
pub fn portfolio() -> Result<&'static Portfolio, &'static PortfolioError> {
    static SHIPPED: std::sync::OnceLock<Result<Portfolio, PortfolioError>> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| parse(DATA)).as_ref()
}

fn source_of(v: &Value, at: String) -> Result<Source, ShapeError> {
    let mut r = Record::of(v, at)?;
    let s = Source { title: r.string("title")?, url: r.string("url")?, date: r.string("date")?, grade: r.string("grade")? };
    r.done().map(|_| s)
}

fn reading_of(v: &Value, at: String) -> Result<Reading, ShapeError> {
    let mut r = Record::of(v, at)?;
    let x = Reading { label: r.opt_string("label")?, value_usd: r.opt_number("value_usd")?, gw: r.opt_number("gw")?, note: r.opt_string("note")? };
    r.done().map(|_| x)
}

fn deal_of(v: &Value, at: String) -> Result<Deal, ShapeError> {
    let mut r = Record::of(v, at)?;
    let d = Deal {
        id: r.string("id")?,
        seller: r.string("seller")?,
        what: r.string("what")?,
        kind: Kind::of_key(r.one_of("kind", &Kind::KEYS)?),
        readings: r.list("readings", reading_of)?,
        start: r.number("start")?,
        term_years: r.number("term_years")?,
        ramp_years: r.opt_number("ramp_years")?,
        gw: r.opt_number("gw")?,
        chip: r.string("chip")?,
        announced: r.string("announced")?,
        sources: r.strings("sources", false)?,
        note: r.string("note")?,
        presets: r.strings("presets", true)?,
        default_reading: r.opt_string("default_reading")?,
    };
    r.done().map(|_| d)
}

fn actual_of(v: &Value, at: String) -> Result<Actual, ShapeError> {
    let mut r = Record::of(v, at)?;
    let a = Actual { year: r.int("year")?, usd: r.number("usd")?, source: r.string("source")? };
    r.done().map(|_| a)
}

fn path_of(mut r: Record) -> Result<Path, ShapeError> {
    let p = Path { source: r.string("source")?, points: r.pairs("points")?, note: r.string("note")? };
    r.done().map(|_| p)
}

fn backlog_of(v: &Value, at: String) -> Result<Backlog, ShapeError> {
    let mut r = Record::of(v, at)?;
    let b = Backlog {
        seller: r.string("seller")?,
        backlog_usd: r.number("backlog_usd")?,
        openai_usd: r.number("openai_usd")?,
        date: r.string("date")?,
        source: r.string("source")?,
        note: r.string("note")?,
    };
    r.done().map(|_| b)
}

fn statement_of(v: &Value, at: String) -> Result<Statement, ShapeError> {
    let mut r = Record::of(v, at)?;
    let s = Statement {
        date: r.string("date")?,
        what: r.string("what")?,
        value: r.number("value")?,
        unit: StatedUnit::of_key(r.one_of("unit", &StatedUnit::KEYS)?),
        through: r.opt_int("through")?,
        source: r.string("source")?,
        note: r.string("note")?,
    };
    r.done().map(|_| s)
}

fn event_of(v: &Value, at: String) -> Result<Event, ShapeError> {
    let mut r = Record::of(v, at)?;
    let e = Event {
        date: r.string("date")?,
        what: r.string("what")?,
        deals: r.strings("deals", false)?,
        sources: r.strings("sources", false)?,
        effect: r.string("effect")?,
    };
    r.done().map(|_| e)
}

/// The file's records, every field as its type says (`crate::json`; a
/// `label`, `note`, a reading's `gw`, `ramp_years`, `through`, `presets` or
/// `default_reading` may be left out).
fn read(text: &str) -> Result<Portfolio, ShapeError> {
    crate::json::read(text, |mut r| {
        let mut rev = r.record("revenue")?;
        let revenue = Revenue {
            actual: rev.list("actual", actual_of)?,
            low: path_of(rev.record("low")?)?,
            high: path_of(rev.record("high")?)?,
            after_last_growth: rev.number("after_last_growth")?,
            after_last_note: rev.string("after_last_note")?,
        };
        rev.done()?;
        let p = Portfolio {
            format: r.string("format")?,
            buyer: r.string("buyer")?,
            about: r.string("about")?,
            sources: r.map("sources", source_of)?,
            deals: r.list("deals", deal_of)?,
            revenue,
            backlogs: r.list("backlogs", backlog_of)?,
            statements: r.list("statements", statement_of)?,
            events: r.list("events", event_of)?,
        };
        r.done().map(|_| p)
    })
}

pub fn parse(text: &str) -> Result<Portfolio, PortfolioError> {
    let p = read(text).map_err(|detail| PortfolioError::Shape { detail })?;
    if p.format != FORMAT {
        return Err(PortfolioError::Format { found: p.format });
    }
    let source = |row: &str, key: &str| {
        if p.sources.contains_key(key) {
            Ok(())
        } else {
            Err(PortfolioError::UnknownSource { row: row.to_string(), found: key.to_string() })
        }
    };
    let positive = |row: &str, field: &'static str, v: f64| {
        if v.is_finite() && v > 0.0 {
            Ok(())
        } else {
            Err(PortfolioError::Number { row: row.to_string(), field, found: v })
        }
    };
    let mut ids = BTreeSet::new();
    for d in &p.deals {
        let unknown_default = d.default_reading.as_ref().is_some_and(|l| !d.readings.iter().any(|r| r.label.as_ref() == Some(l)));
        if d.readings.is_empty() || !ids.insert(d.id.clone()) || d.sources.is_empty() || unknown_default {
            return Err(PortfolioError::Deal { row: d.id.clone() });
        }
        for s in &d.sources {
            source(&d.id, s)?;
        }
        for r in &d.readings {
            if let Some(v) = r.value_usd {
                positive(&d.id, "value_usd", v)?;
            }
            if let Some(gw) = r.gw {
                positive(&d.id, "gw", gw)?;
            }
        }
        positive(&d.id, "term_years", d.term_years)?;
        positive(&d.id, "start", d.start)?;
        if let Some(gw) = d.gw {
            positive(&d.id, "gw", gw)?;
        }
        // A ramp of 0 is all at once.
        if let Some(ramp) = d.ramp_years {
            if !(ramp.is_finite() && ramp >= 0.0) {
                return Err(PortfolioError::Number { row: d.id.clone(), field: "ramp_years", found: ramp });
            }
        }
    }
    for (which, path) in [("low", &p.revenue.low), ("high", &p.revenue.high)] {
        source(which, &path.source)?;
        if path.points.is_empty() || path.points.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err(PortfolioError::Path { which });
        }
        for (_, usd) in &path.points {
            positive(which, "usd", *usd)?;
        }
    }
    for a in &p.revenue.actual {
        source("actual", &a.source)?;
        positive("actual", "usd", a.usd)?;
    }
    for b in &p.backlogs {
        source(&b.seller, &b.source)?;
        positive(&b.seller, "backlog_usd", b.backlog_usd)?;
    }
    for s in &p.statements {
        let row = format!("statement of {}", s.date);
        source(&row, &s.source)?;
        positive(&row, "value", s.value)?;
    }
    for e in &p.events {
        let row = format!("event of {}", e.date);
        for s in &e.sources {
            source(&row, s)?;
        }
        if let Some(id) = e.deals.iter().find(|id| !ids.contains(*id)) {
            return Err(PortfolioError::UnknownDeal { row, found: id.clone() });
        }
    }
    Ok(p)
}

/// What the reader chose: deals switched off, readings, changed terms, the
/// share of revenue that counts as too much, and the Monte Carlo's size.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    pub off: BTreeSet<String>,
    /// A deal's reading, by index.
    pub reading: BTreeMap<String, usize>,
    pub value_usd: BTreeMap<String, f64>,
    pub term_years: BTreeMap<String, f64>,
    pub start: BTreeMap<String, f64>,
    /// A year's commitments over this share of its revenue count as too much.
    pub threshold: f64,
    pub samples: u64,
    pub seed: u64,
}

impl Default for Choices {
    fn default() -> Self {
        Choices {
            off: BTreeSet::new(),
            reading: BTreeMap::new(),
            value_usd: BTreeMap::new(),
            term_years: BTreeMap::new(),
            start: BTreeMap::new(),
            threshold: 1.0,
            samples: 20_000,
            seed: 1,
        }
    }
}

/// The allowed ranges of the reader's numbers.
pub const THRESHOLD: (f64, f64) = (0.01, 10.0);
pub const VALUE: (f64, f64) = (0.0, 5e12);
pub const TERM: (f64, f64) = (0.25, 30.0);
pub const START: (f64, f64) = (2020.0, 2040.0);
pub const SAMPLES: (u64, u64) = (1_000, 1_000_000);

/// One year of the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Year {
    pub year: i32,
    /// Commitments falling due in the year, and by deal (ids of deals that are on).
    pub commitments_usd: f64,
    pub by_deal: Vec<(String, f64)>,
    /// Average contracted gigawatts over the year, each deal ramped in
    /// (`ramped_gw`), and by deal (ids of deals that are on and count GW).
    pub gw: f64,
    pub gw_by_deal: Vec<(String, f64)>,
    /// Revenue: reported, or the low and high plans and halfway between them (in logarithms).
    pub revenue_low_usd: f64,
    pub revenue_mid_usd: f64,
    pub revenue_high_usd: f64,
    /// Commitments over the middle revenue.
    pub share_mid: f64,
}

/// A portfolio's Monte Carlo: the chance that some year's commitments
/// exceed the threshold share of its revenue, and the peak share's spread.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Risk {
    pub samples: u64,
    pub seed: u64,
    pub threshold: f64,
    pub p_exceed: f64,
    /// Its standard error, √(p(1 − p)/n).
    pub p_exceed_se: f64,
    pub peak_share_p5: f64,
    pub peak_share_p50: f64,
    pub peak_share_p95: f64,
}

/// The revenue uncertainty's factor: triangular from −0.5 (half the plans'
/// gap below the lower plan) through 0.5 (halfway) to 1 (the higher plan).
pub const FACTOR: (f64, f64, f64) = (-0.5, 0.5, 1.0);

/// The inverse CDF of a triangular distribution (lo, mode, hi).
pub fn triangular(u: f64, (a, c, b): (f64, f64, f64)) -> f64 {
    let f = (c - a) / (b - a);
    if u < f {
        a + (u * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
    }
}

impl Path {
    /// Revenue in a year: log-linear between points, the growth after the
    /// last point beyond it, the first point's value before it.
    pub fn at(&self, year: f64, after_growth: f64) -> f64 {
        let first = self.points[0];
        let last = self.points[self.points.len() - 1];
        if year <= first.0 {
            return first.1;
        }
        if year >= last.0 {
            return last.1 * (1.0 + after_growth).powf(year - last.0);
        }
        let i = self.points.windows(2).position(|w| year <= w[1].0).unwrap_or(0);
        let (a, b) = (self.points[i], self.points[i + 1]);
        let t = (year - a.0) / (b.0 - a.0);
        (a.1.ln() + t * (b.1.ln() - a.1.ln())).exp()
    }
}

/// A deal's capacity averaged over the years `[y0, y1)`, in GW: it ramps
/// linearly from nothing at `start` to `gw` at `start + ramp`; a lease's
/// ends with its term (`start + term`), a purchase's stays.
///
/// Over `[a, b)` while ramping the capacity's integral is
/// `gw · (x_b² − x_a²)/(2·ramp)`, with `x` the years since the start; once
/// ramped in it is `gw · (b − a)`, so a whole year at full capacity is
/// exactly `gw`.
pub fn ramped_gw(gw: f64, start: f64, term: f64, ramp: f64, kind: Kind, (y0, y1): (f64, f64)) -> f64 {
    let end = match kind {
        Kind::Lease => start + term,
        Kind::Purchase => f64::INFINITY,
    };
    let (a, b) = (y0.max(start), y1.min(end));
    if b <= a || y1 <= y0 {
        return 0.0;
    }
    let ramped = start + ramp;
    let mut years = 0.0;
    // A ramp of 0 never takes this branch (a ≥ start), so nothing divides by it.
    if a < ramped {
        let (xa, xb) = (a - start, b.min(ramped) - start);
        years += (xb * xb - xa * xa) / (2.0 * ramp);
    }
    if b > ramped {
        years += b - a.max(ramped);
    }
    gw * years / (y1 - y0)
}

/// The year with the most gigawatts on average, and those gigawatts (the
/// earliest such year; None for no years).
pub fn peak_gw(years: &[Year]) -> Option<(i32, f64)> {
    years.iter().fold(None, |best: Option<(i32, f64)>, y| match best {
        Some((_, g)) if g >= y.gw => best,
        _ => Some((y.year, y.gw)),
    })
}

impl Portfolio {
    /// The data's date: the newest date among its sources, so it moves
    /// with the newest source and cannot go stale (`2026-04` reads as the
    /// month's start: it sorts before `2026-04-29`).
    pub fn as_of(&self) -> &str {
        self.sources.values().map(|s| s.date.as_str()).max().unwrap_or("")
    }

    /// The reading used for a deal (the reader's, else its default).
    pub fn reading<'a>(&self, d: &'a Deal, c: &Choices) -> Option<&'a Reading> {
        let r = c.reading.get(&d.id).copied().unwrap_or_else(|| d.default_reading());
        d.readings.get(r)
    }

    /// A deal's value under the reader's choices (None: not counted in dollars).
    pub fn value(&self, d: &Deal, c: &Choices) -> Option<f64> {
        if let Some(v) = c.value_usd.get(&d.id) {
            return Some(*v);
        }
        self.reading(d, c).and_then(|r| r.value_usd)
    }

    /// A deal's contracted gigawatts under the reader's reading (None: not
    /// counted in gigawatts).
    pub fn gw(&self, d: &Deal, c: &Choices) -> Option<f64> {
        self.reading(d, c).and_then(|r| r.gw).or(d.gw)
    }

    /// The gigawatts contracted by the deals that are on: each deal's full
    /// `gw`, reached or not.
    pub fn contracted_gw(&self, c: &Choices) -> f64 {
        self.active(c).filter_map(|(d, ..)| self.gw(d, c)).sum()
    }

    /// Each deal's gigawatts on average over a year, ramped in (`ramped_gw`).
    pub fn gw_by_deal(&self, c: &Choices, year: i32) -> Vec<(String, f64)> {
        let span = (year as f64, year as f64 + 1.0);
        self.active(c).filter_map(|(d, _, start, term)| Some((d.id.clone(), ramped_gw(self.gw(d, c)?, start, term, d.ramp(), d.kind, span)))).collect()
    }

    /// The records' figure to set beside a statement of the buyer's: all
    /// the dollars, those falling due through a year, the gigawatts
    /// contracted, or those on average in a year.
    pub fn ours(&self, s: &Statement, c: &Choices) -> f64 {
        match (s.unit, s.through) {
            (StatedUnit::Usd, None) => self.total_usd(c),
            (StatedUnit::Usd, Some(y)) => self.yearly(c).iter().filter(|x| x.year <= y).map(|x| x.commitments_usd).sum(),
            (StatedUnit::Gw, None) => self.contracted_gw(c),
            (StatedUnit::Gw, Some(y)) => self.gw_by_deal(c, y).iter().map(|(_, g)| g).sum(),
        }
    }

    /// The deals that are on, with their value, start and term.
    pub fn active<'a>(&'a self, c: &'a Choices) -> impl Iterator<Item = (&'a Deal, Option<f64>, f64, f64)> + 'a {
        self.deals.iter().filter(|d| !c.off.contains(&d.id)).map(|d| {
            let start = c.start.get(&d.id).copied().unwrap_or(d.start);
            let term = c.term_years.get(&d.id).copied().unwrap_or(d.term_years);
            (d, self.value(d, c), start, term)
        })
    }

    /// Revenue in a year at factor `w` (0 the low plan, 1 the high), the
    /// reported figure for a year that has one.
    pub fn revenue(&self, year: i32, w: f64) -> f64 {
        if let Some(a) = self.revenue.actual.iter().find(|a| a.year == year) {
            return a.usd;
        }
        let g = self.revenue.after_last_growth;
        let (lo, hi) = (self.revenue.low.at(year as f64, g), self.revenue.high.at(year as f64, g));
        (lo.ln() + w * (hi.ln() - lo.ln())).exp()
    }

    /// The years the deals that are on run through.
    pub fn years(&self, c: &Choices) -> std::ops::RangeInclusive<i32> {
        let (mut a, mut b) = (i32::MAX, i32::MIN);
        for (_, _, start, term) in self.active(c) {
            a = a.min(start.floor() as i32);
            b = b.max((start + term).ceil() as i32 - 1);
        }
        if a > b {
            return 2026..=2026;
        }
        a..=b
    }

    /// The yearly table.
    pub fn yearly(&self, c: &Choices) -> Vec<Year> {
        self.years(c)
            .map(|y| {
                let (y0, y1) = (y as f64, y as f64 + 1.0);
                let mut by_deal = Vec::new();
                let mut usd = 0.0;
                for (d, value, start, term) in self.active(c) {
                    let overlap = (y1.min(start + term) - y0.max(start)).max(0.0);
                    if let Some(v) = value {
                        let due = v * overlap / term;
                        usd += due;
                        by_deal.push((d.id.clone(), due));
                    }
                }
                let gw_by_deal = self.gw_by_deal(c, y);
                let gw = gw_by_deal.iter().map(|(_, g)| g).sum();
                let (lo, hi) = (self.revenue(y, 0.0), self.revenue(y, 1.0));
                let mid = self.revenue(y, 0.5);
                Year {
                    year: y,
                    commitments_usd: usd,
                    by_deal,
                    gw,
                    gw_by_deal,
                    revenue_low_usd: lo,
                    revenue_mid_usd: mid,
                    revenue_high_usd: hi,
                    share_mid: usd / mid,
                }
            })
            .collect()
    }

    /// The total of the dollar commitments that are on.
    pub fn total_usd(&self, c: &Choices) -> f64 {
        self.active(c).filter_map(|(_, v, _, _)| v).sum()
    }

    /// The Monte Carlo: for each sample, one revenue factor; the peak share
    /// of revenue over the years; whether it exceeds the threshold.
    /// Depends only on the choices and the seed.
    pub fn risk(&self, c: &Choices) -> Risk {
        let years = self.yearly(c);
        let key = crate::rng::stream_key(c.seed, 0x504f_5254);
        let n = c.samples.max(1);
        let mut peaks: Vec<f64> = Vec::with_capacity(n as usize);
        let mut exceed = 0u64;
        for i in 0..n {
            let w = triangular(crate::rng::uniform(key, i), FACTOR);
            let peak = years.iter().map(|y| y.commitments_usd / self.revenue(y.year, w)).fold(0.0f64, f64::max);
            exceed += (peak > c.threshold) as u64;
            peaks.push(peak);
        }
        crate::order::sort_f64(&mut peaks);
        let q = |p: f64| peaks[((p * (n - 1) as f64).round() as usize).min(peaks.len() - 1)];
        let p = exceed as f64 / n as f64;
        Risk {
            samples: n,
            seed: c.seed,
            threshold: c.threshold,
            p_exceed: p,
            p_exceed_se: (p * (1.0 - p) / n as f64).sqrt(),
            peak_share_p5: q(0.05),
            peak_share_p50: q(0.5),
            peak_share_p95: q(0.95),
        }
    }
}

/// A number the reader gave for `key` (a query's value or a field's text),
/// within `range`, its digits grouped or not as `Param::parse` reads them
/// (`1,10,875`); or the notice that names it, what was given and what is
/// allowed.
pub fn check_number(key: &str, text: &str, (lo, hi): (f64, f64)) -> Result<f64, Notice> {
    let range = || Allowed::Range { min: crate::params::tidy(lo).to_string(), max: crate::params::tidy(hi).to_string() };
    match crate::params::without_grouping(text.trim()).parse::<f64>() {
        Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => Ok(v),
        Ok(v) if v.is_finite() => Err(Notice::rejected(key, text, Problem::OutOfRange { allowed: range() })),
        Ok(_) => Err(Notice::rejected(key, text, Problem::NotFinite)),
        Err(_) => Err(Notice::rejected(key, text, Problem::NotANumber { allowed: range() })),
    }
}

/// Reads the reader's choices from a query (`off=oracle-stargate,amd`,
/// `reading=aws-2026:b`, `value.<id>=`, `term.<id>=`, `start.<id>=`,
/// `threshold=`, `samples=`, `seed=`; `portfolio=1` names the view, and
/// `portfolio=<query>`, percent-encoded, is the page's form of the same
/// query, read as if its pairs stood here).
/// Never fails: a bad value is a notice naming it, and the default stays.
pub fn decode(p: &Portfolio, query: &str) -> (Choices, Vec<Notice>) {
    decode_onto(p, Choices::default(), query, true)
}

/// The choices `c` with a query's pairs applied over them, in order (a
/// later pair for the same key wins; `off=` adds to the deals off).
pub fn apply(p: &Portfolio, c: &Choices, query: &str) -> (Choices, Vec<Notice>) {
    decode_onto(p, c.clone(), query, false)
}

fn decode_onto(p: &Portfolio, mut c: Choices, query: &str, nested: bool) -> (Choices, Vec<Notice>) {
    let mut notices = Vec::new();
    let ids: Vec<String> = p.deals.iter().map(|d| d.id.clone()).collect();
    let deal = |id: &str| p.deals.iter().find(|d| d.id == id);
    let number = |key: &str, text: &str, range: (f64, f64), notices: &mut Vec<Notice>| -> Option<f64> {
        check_number(key, text, range).map_err(|n| notices.push(n)).ok()
    };
    // The main query's rules (`codec`): the whole query and each value
    // capped, a key given twice said (the last wins; `off` and `reading`
    // are lists that add up), many unknown keys said in one notice.
    let query = crate::codec::capped_query(query, &mut notices);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut unknown: Vec<Notice> = Vec::new();
    for pair in query.split('&').filter(|s| !s.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let text = crate::codec::percent_decode(raw);
        let text = text.as_str();
        if text.chars().count() > crate::codec::MAX_VALUE_CHARS && !(nested && key == "portfolio") {
            notices.push(Notice::rejected(key, text, Problem::TooLong { chars: text.chars().count(), max: crate::codec::MAX_VALUE_CHARS }));
            continue;
        }
        if !matches!(key, "off" | "reading") && !seen.insert(key.to_string()) {
            notices.push(Notice::repaired(key, text, Problem::Duplicate).using(text));
        }
        let known_deal = |id: &str, notices: &mut Vec<Notice>| {
            let ok = deal(id).is_some();
            if !ok {
                notices.push(Notice::rejected(key, id, Problem::NotAllowed { allowed: Allowed::OneOf(ids.clone()) }));
            }
            ok
        };
        match key {
            "portfolio" if nested && !matches!(text.trim(), "" | "1") => {
                let (inner, inner_notices) = decode_onto(p, c, text, false);
                c = inner;
                notices.extend(inner_notices);
            }
            "portfolio" if nested => {}
            "portfolio" => notices.push(Notice::rejected(key, text, Problem::NestedPortfolio)),
            "off" => {
                for id in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if known_deal(id, &mut notices) {
                        c.off.insert(id.to_string());
                    }
                }
            }
            "reading" => {
                for item in text.split(',').filter(|s| !s.is_empty()) {
                    let (id, label) = item.split_once(':').unwrap_or((item, ""));
                    if !known_deal(id, &mut notices) {
                        continue;
                    }
                    let d = deal(id).expect("known");
                    match d.readings.iter().position(|r| r.label.as_deref() == Some(label)) {
                        Some(i) => {
                            c.reading.insert(id.to_string(), i);
                        }
                        None => notices.push(Notice::rejected(
                            key,
                            item,
                            Problem::NotAllowed {
                                allowed: Allowed::OneOf(d.readings.iter().filter_map(|r| r.label.as_ref().map(|l| format!("{id}:{l}"))).collect()),
                            },
                        )),
                    }
                }
            }
            "threshold" => c.threshold = number(key, text, THRESHOLD, &mut notices).unwrap_or(c.threshold),
            "samples" => {
                if let Some(v) = number(key, text, (SAMPLES.0 as f64, SAMPLES.1 as f64), &mut notices) {
                    c.samples = v.round() as u64;
                }
            }
            "seed" => match text.trim().parse::<u64>() {
                Ok(s) => c.seed = s,
                Err(_) => notices.push(Notice::rejected(key, text, Problem::NotWhole)),
            },
            _ => {
                let field = key.split_once('.').filter(|(f, _)| ["value", "term", "start"].contains(f));
                match field {
                    Some((f, id)) if known_deal(id, &mut notices) => {
                        let range = match f {
                            "value" => VALUE,
                            "term" => TERM,
                            _ => START,
                        };
                        if let Some(v) = number(key, text, range, &mut notices) {
                            let map = match f {
                                "value" => &mut c.value_usd,
                                "term" => &mut c.term_years,
                                _ => &mut c.start,
                            };
                            map.insert(id.to_string(), v);
                        }
                    }
                    Some(_) => {}
                    None => unknown.push(Notice::rejected(key, text, Problem::UnknownParam)),
                }
            }
        }
    }
    if unknown.len() > crate::codec::MAX_UNKNOWN_LISTED {
        let keys = unknown.iter().take(crate::codec::MAX_UNKNOWN_LISTED).map(|n| n.key.clone()).collect();
        notices.push(Notice::rejected("", "", Problem::UnknownParams { count: unknown.len(), keys }));
    } else {
        notices.append(&mut unknown);
    }
    (c, notices)
}

/// A number as the link writes it: its digits (`12500000000`), or its
/// exponent form where the digits would run past a value's length cap
/// (5e-324 is 327 characters written out); both read back bit for bit.
fn link_number(v: f64) -> String {
    let plain = format!("{v}");
    if plain.len() > 24 {
        format!("{v:e}")
    } else {
        plain
    }
}

/// The query `decode` reads back as these choices: only what differs from
/// the defaults, deals in the file's order, numbers in their shortest exact
/// form (`decode(p, &encode(p, &c)).0 == c` for choices `decode` gave).
pub fn encode(p: &Portfolio, c: &Choices) -> String {
    let d = Choices::default();
    let mut parts = Vec::new();
    let off: Vec<&str> = p.deals.iter().filter(|x| c.off.contains(&x.id)).map(|x| x.id.as_str()).collect();
    if !off.is_empty() {
        parts.push(format!("off={}", off.join(",")));
    }
    let readings: Vec<String> = p
        .deals
        .iter()
        .filter_map(|x| {
            let label = x.readings.get(*c.reading.get(&x.id)?)?.label.as_ref()?;
            Some(format!("{}:{label}", x.id))
        })
        .collect();
    if !readings.is_empty() {
        parts.push(format!("reading={}", readings.join(",")));
    }
    if c.threshold != d.threshold {
        parts.push(format!("threshold={}", link_number(c.threshold)));
    }
    for (field, map) in [("value", &c.value_usd), ("term", &c.term_years), ("start", &c.start)] {
        for x in &p.deals {
            if let Some(v) = map.get(&x.id) {
                parts.push(format!("{field}.{}={}", x.id, link_number(*v)));
            }
        }
    }
    if c.samples != d.samples {
        parts.push(format!("samples={}", c.samples));
    }
    if c.seed != d.seed {
        parts.push(format!("seed={}", c.seed));
    }
    parts.join("&")
}
