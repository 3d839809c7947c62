//! The eight charts, drawn against any plotters backend: `<canvas>` in the
//! browser, SVG in native tests and downloads. Each chart takes summaries
//! (quarters, years, histogram bins, swings, a grid), never raw samples, and
//! returns a `Meta` that tells the page where its plot area is, so a hover
//! can be mapped back to a row of the chart's `Table` (the same numbers the
//! "data" toggle shows).

pub mod cash_flow;
pub mod common;
pub mod cost_stack;
pub mod deployment;
pub mod heatmap;
pub mod histogram;
pub mod pnl;
pub mod presets;
pub mod tornado;

use plotters::prelude::*;

use computedeal_core::outputs::{Output, Unit};

pub use common::{draw_legend, draw_message, nice_ceiling, Corner, DrawResult, Legend, Mark, Meta, Table, Theme};

/// The charts, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    Deployment,
    CostStack,
    Pnl,
    CashFlow,
    Histogram,
    Tornado,
    Heatmap,
    Presets,
}

impl ChartId {
    pub const ALL: [ChartId; 8] =
        [ChartId::Deployment, ChartId::CostStack, ChartId::Pnl, ChartId::CashFlow, ChartId::Histogram, ChartId::Tornado, ChartId::Heatmap, ChartId::Presets];

    /// The id used in URLs (`chart=`) and element ids.
    pub fn key(self) -> &'static str {
        match self {
            ChartId::Deployment => "deployment",
            ChartId::CostStack => "cost",
            ChartId::Pnl => "pnl",
            ChartId::CashFlow => "cashflow",
            ChartId::Histogram => "histogram",
            ChartId::Tornado => "tornado",
            ChartId::Heatmap => "heatmap",
            ChartId::Presets => "presets",
        }
    }

    pub fn from_key(key: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.key() == key)
    }
}

use std::rc::Rc;

use computedeal_core::mc::{Band, OutputSummary};
use computedeal_core::model::Outcome;
use computedeal_core::sensitivity::{Grid, Tornado};

/// What one chart draws: the chart and its data, so the page, the SVG
/// download and the tests all go through one dispatch.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartInput {
    /// The outcome and, when comparing, scenario A's (drawn as a line).
    Deployment(Rc<Outcome>, Option<Rc<Outcome>>),
    CostStack(Rc<Outcome>, Option<Rc<Outcome>>),
    Pnl(Rc<Outcome>, Option<Rc<Outcome>>),
    CashFlow(Rc<Outcome>, Rc<Vec<Band>>, Option<Rc<Outcome>>),
    /// The output's summary (None until the Monte Carlo has run), its unit,
    /// and where losses begin.
    Histogram(Option<Rc<OutputSummary>>, Unit, Option<f64>),
    /// The tornado and the output it shows.
    Tornado(Rc<Tornado>, Output),
    Heatmap(Rc<Grid>),
    Presets(Rc<Vec<presets::DealPoint>>),
}

impl ChartInput {
    pub fn id(&self) -> ChartId {
        match self {
            ChartInput::Deployment(..) => ChartId::Deployment,
            ChartInput::CostStack(..) => ChartId::CostStack,
            ChartInput::Pnl(..) => ChartId::Pnl,
            ChartInput::CashFlow(..) => ChartId::CashFlow,
            ChartInput::Histogram(..) => ChartId::Histogram,
            ChartInput::Tornado(..) => ChartId::Tornado,
            ChartInput::Heatmap(_) => ChartId::Heatmap,
            ChartInput::Presets(_) => ChartId::Presets,
        }
    }

    /// The chart's numbers, with headers in a language.
    pub fn table(&self, lang: crate::i18n::Lang) -> Table {
        let m = crate::i18n::messages(lang);
        match self {
            ChartInput::Deployment(o, _) => deployment::table(o, m),
            ChartInput::CostStack(o, _) => cost_stack::table(o, m),
            ChartInput::Pnl(o, _) => pnl::table(o, m),
            ChartInput::CashFlow(o, b, _) => cash_flow::table(o, b, m),
            ChartInput::Histogram(s, unit, _) => s.as_ref().map(|s| histogram::table(s, *unit, m)).unwrap_or_default(),
            ChartInput::Tornado(t, k) => tornado::table(t, *k, k.unit(), lang),
            ChartInput::Heatmap(g) => heatmap::table(g, m),
            ChartInput::Presets(p) => presets::table(p, m),
        }
    }

    pub fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, plotters::coord::Shift>, theme: &Theme) -> DrawResult<DB> {
        match self {
            ChartInput::Deployment(o, a) => deployment::draw(area, o, a.as_deref(), theme),
            ChartInput::CostStack(o, a) => cost_stack::draw(area, o, a.as_deref(), theme),
            ChartInput::Pnl(o, a) => pnl::draw(area, o, a.as_deref(), theme),
            ChartInput::CashFlow(o, b, a) => cash_flow::draw(area, o, b, a.as_deref(), theme),
            ChartInput::Histogram(Some(s), unit, loss) => histogram::draw(area, s, *unit, *loss, theme),
            ChartInput::Histogram(None, ..) => draw_message(area, theme, theme.m().msg_no_distribution),
            ChartInput::Tornado(t, k) => tornado::draw(area, t, *k, k.unit(), theme),
            ChartInput::Heatmap(g) => heatmap::draw(area, g, theme),
            ChartInput::Presets(p) => presets::draw(area, p, theme),
        }
    }
}
