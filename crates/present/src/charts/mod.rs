//! The eleven charts (`ChartId::ALL`), drawn against any plotters backend: `<canvas>` in the
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
pub mod india;
pub mod market;
pub mod metrics;
pub mod pnl;
pub mod portfolio;
pub mod presets;
pub mod tornado;

use plotters::prelude::*;

use computedeal_core::outputs::{Output, Unit};

pub use common::{draw_legend, draw_message, nice_ceiling, wrap, Corner, DrawResult, Legend, Mark, Meta, Table, Theme};

/// CSS pixels a downloaded image adds to the chart's height for its frame
/// (title, subtitle, source line and URL).
pub const FRAME_EXTRA: u32 = 120;

/// What a chart carries when it leaves the page (a downloaded PNG or SVG):
/// its title and subtitle above it and, below, the source line and the
/// address of the view it came from, laid out as the page's card. The words
/// come from the caller; this only places them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    pub title: String,
    pub subtitle: Option<String>,
    pub source: String,
    pub url: String,
}

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
    Market,
    Portfolio,
    India,
}

impl ChartId {
    pub const ALL: [ChartId; 11] = [
        ChartId::Deployment,
        ChartId::CostStack,
        ChartId::Pnl,
        ChartId::CashFlow,
        ChartId::Histogram,
        ChartId::Tornado,
        ChartId::Heatmap,
        ChartId::Presets,
        ChartId::Market,
        ChartId::Portfolio,
        ChartId::India,
    ];

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
            ChartId::Market => "market",
            ChartId::Portfolio => "portfolio",
            ChartId::India => "india",
        }
    }

    /// The chart's title in a language.
    pub fn title(self, lang: crate::i18n::Lang) -> &'static str {
        let m = crate::i18n::messages(lang);
        match self {
            ChartId::Deployment => m.t_deployment,
            ChartId::CostStack => m.t_cost,
            ChartId::Pnl => m.t_pnl,
            ChartId::CashFlow => m.t_cashflow,
            ChartId::Histogram => m.t_histogram,
            ChartId::Tornado => m.t_tornado,
            ChartId::Heatmap => m.t_heatmap,
            ChartId::Presets => m.t_presets,
            ChartId::Market => m.t_market,
            ChartId::Portfolio => m.t_portfolio,
            ChartId::India => m.t_india,
        }
    }

    pub fn from_key(key: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.key() == key)
    }
}

use std::rc::Rc;

use computedeal_core::model::Outcome;
use computedeal_core::presets::PresetId;
use computedeal_core::scenario::Scenario;
use computedeal_engine::mc::{Band, OutputSummary, Summary};
use computedeal_engine::sensitivity::{self, Grid, Tornado};

/// Points of the margin heatmap (price × availability).
pub const GRID_PRICES: usize = 48;
pub const GRID_AVAILABILITIES: usize = 26;

/// Everything the charts of one view are drawn from: the page derives it
/// (memoized, the tornado and the grid deferred) and `computedeal chart`
/// works it out at once (`ChartData::compute`); `ChartInput::of` picks
/// each chart's part, so both draw the same chart from the same numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub outcome: Rc<Outcome>,
    /// Scenario A's outcome, when one is pinned.
    pub pinned: Option<Rc<Outcome>>,
    /// The Monte Carlo's summary, and whether its run has finished (the
    /// cash flow's bands are drawn only from a finished run).
    pub summary: Option<Rc<Summary>>,
    pub finished: bool,
    /// The output the histogram and the tornado show.
    pub output: Output,
    /// The scenario's inputs (the IRR's histogram marks losses below its
    /// cost of capital; the market chart takes its chip and market curve).
    pub inputs: computedeal_core::params::Inputs,
    /// The rental-market snapshot (`market::snapshot`; empty if it failed its checks).
    pub snapshot: Rc<computedeal_core::market::Snapshot>,
    /// The buyer's portfolio with the deal on screen's slice (`PortfolioView::for_scenario`).
    pub portfolio: Rc<portfolio::PortfolioView>,
    /// The scenario built as it is and built in India.
    pub india: Rc<computedeal_core::india::Comparison>,
    /// Rupees per US dollar for IndiaAI's rupee rates: the view's rate when
    /// it shows rupees, the dated default otherwise.
    pub inr_per_usd: f64,
    pub tornado: Rc<Tornado>,
    pub grid: Rc<Grid>,
    pub deals: Rc<Vec<presets::DealPoint>>,
}

impl ChartData {
    /// The whole of it for a scenario, its pinned A and a finished Monte
    /// Carlo, at once (the command line; the page spreads the work).
    pub fn compute(
        lang: crate::i18n::Lang,
        s: &Scenario,
        pinned: Option<&Scenario>,
        summary: Option<Summary>,
        output: Output,
        portfolio: &computedeal_core::portfolio::Choices,
    ) -> ChartData {
        let outcome = Rc::new(computedeal_core::model::evaluate(&s.inputs));
        let preset_outcomes: Vec<(PresetId, Outcome)> =
            computedeal_core::presets::PRESETS.iter().map(|p| (p.id, computedeal_core::model::evaluate(&p.inputs()))).collect();
        ChartData {
            deals: Rc::new(presets::deal_points(lang, s, &outcome, &preset_outcomes)),
            outcome,
            pinned: pinned.map(|a| Rc::new(computedeal_core::model::evaluate(&a.inputs))),
            finished: summary.is_some(),
            summary: summary.map(Rc::new),
            output,
            inputs: s.inputs,
            snapshot: Rc::new(computedeal_core::market::snapshot().unwrap_or_default()),
            portfolio: Rc::new(portfolio::PortfolioView::for_scenario(s, portfolio)),
            india: Rc::new(computedeal_core::india::compare(&s.inputs)),
            inr_per_usd: crate::format::Currency::Inr.default_rate(),
            tornado: Rc::new(sensitivity::tornado(s)),
            grid: Rc::new(sensitivity::price_availability(s, GRID_PRICES, GRID_AVAILABILITIES)),
        }
    }

    /// The summary of the output shown, when the Monte Carlo defined it.
    pub fn output_summary(&self) -> Option<Rc<OutputSummary>> {
        self.summary.as_ref().and_then(|sm| sm.get(self.output).cloned()).filter(|o| o.defined > 0).map(Rc::new)
    }
}

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
    /// The grid, and whether the deal's chip is a GPU ("GPU-hour").
    Heatmap(Rc<Grid>, bool),
    Presets(Rc<Vec<presets::DealPoint>>),
    /// The deal against the rental market.
    Market(Rc<market::MarketView>),
    /// The buyer's whole portfolio, the deal on screen's slice in it.
    Portfolio(Rc<portfolio::PortfolioView>),
    /// The same capacity built in India, and India's own rates.
    India(Rc<india::IndiaView>),
}

impl ChartInput {
    /// One chart's input from the view's data.
    pub fn of(id: ChartId, d: &ChartData) -> ChartInput {
        let (o, a) = (d.outcome.clone(), d.pinned.clone());
        match id {
            ChartId::Deployment => ChartInput::Deployment(o, a),
            ChartId::CostStack => ChartInput::CostStack(o, a),
            ChartId::Pnl => ChartInput::Pnl(o, a),
            ChartId::CashFlow => {
                let bands = d.summary.as_ref().filter(|_| d.finished).map(|sm| sm.bands.clone()).unwrap_or_default();
                ChartInput::CashFlow(o, Rc::new(bands), a)
            }
            ChartId::Histogram => {
                let loss_below = match d.output {
                    Output::npv_usd | Output::margin => Some(0.0),
                    Output::irr => Some(d.inputs.wacc),
                    _ => None,
                };
                ChartInput::Histogram(d.output_summary(), d.output.unit(), loss_below)
            }
            ChartId::Tornado => ChartInput::Tornado(d.tornado.clone(), d.output),
            ChartId::Heatmap => ChartInput::Heatmap(d.grid.clone(), d.inputs.accelerator_is_gpu()),
            ChartId::Presets => ChartInput::Presets(d.deals.clone()),
            ChartId::Portfolio => ChartInput::Portfolio(d.portfolio.clone()),
            ChartId::India => {
                ChartInput::India(Rc::new(india::IndiaView { comparison: d.india.clone(), inr_per_usd: d.inr_per_usd, gpu: d.inputs.accelerator_is_gpu() }))
            }
            ChartId::Market => {
                let x = &d.inputs;
                let chip = computedeal_core::catalogue::by_index(x.accelerator);
                let year = |q: Option<&computedeal_core::model::QuarterRow>| q.and_then(|q| market::quarter_year(&q.quarter));
                let start = year(o.quarters.first()).unwrap_or(f64::NAN);
                let end = year(o.quarters.last()).map(|y| y + 0.25).unwrap_or(start + 1.0);
                let price = Output::price_usd_per_accelerator_hour;
                let band = d.summary.as_ref().filter(|_| d.finished).and_then(|sm| sm.get(price)).and_then(|p| Some((p.p(5)?, p.p(95)?)));
                let market = (x.market_usd_per_accelerator_hour, x.market_decline);
                ChartInput::Market(Rc::new(market::MarketView::new(
                    &d.snapshot,
                    chip.id,
                    chip.name,
                    (start, end),
                    o.out.price_usd_per_accelerator_hour,
                    band,
                    market,
                    x.accelerator_is_gpu(),
                )))
            }
        }
    }

    pub fn id(&self) -> ChartId {
        match self {
            ChartInput::Deployment(..) => ChartId::Deployment,
            ChartInput::CostStack(..) => ChartId::CostStack,
            ChartInput::Pnl(..) => ChartId::Pnl,
            ChartInput::CashFlow(..) => ChartId::CashFlow,
            ChartInput::Histogram(..) => ChartId::Histogram,
            ChartInput::Tornado(..) => ChartId::Tornado,
            ChartInput::Heatmap(..) => ChartId::Heatmap,
            ChartInput::Presets(_) => ChartId::Presets,
            ChartInput::Market(_) => ChartId::Market,
            ChartInput::Portfolio(_) => ChartId::Portfolio,
            ChartInput::India(_) => ChartId::India,
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
            ChartInput::Heatmap(g, gpu) => heatmap::table(g, *gpu, m),
            ChartInput::Presets(p) => presets::table(p, m),
            ChartInput::Market(v) => market::table(v, m),
            ChartInput::Portfolio(v) => portfolio::table(v, m),
            ChartInput::India(v) => india::table(v, m),
        }
    }

    /// `draw` inside a `Frame`: the title (and subtitle) wrapped to the width
    /// at the top, the source line and the URL at the bottom, the chart in
    /// what is left. Returns the chart's `Meta`.
    pub fn draw_framed<DB: DrawingBackend>(&self, area: &DrawingArea<DB, plotters::coord::Shift>, theme: &Theme, frame: &Frame) -> DrawResult<DB> {
        area.fill(&theme.background)?;
        let (w, h) = area.dim_in_pixel();
        let pad = theme.px(12.0);
        let width = w.saturating_sub(2 * pad).max(1);
        let title = theme.font(17.0);
        let sub = theme.muted_font(13.0);
        let small = theme.muted_font(11.0);
        let line_height = |css: f64| theme.px(css * 1.3) as i32;
        // The frame's words may come from a link or a flag: nothing
        // unprintable reaches the image, whatever the backend.
        let frame = &Frame {
            title: crate::html::printable(&frame.title).into_owned(),
            subtitle: frame.subtitle.as_deref().map(|s| crate::html::printable(s).into_owned()),
            source: crate::html::printable(&frame.source).into_owned(),
            url: crate::html::printable(&frame.url).into_owned(),
        };
        let mut head: Vec<(String, &TextStyle, i32)> = wrap(area, &frame.title, &title, width)?.into_iter().map(|l| (l, &title, line_height(17.0))).collect();
        if let Some(s) = frame.subtitle.as_deref().filter(|s| !s.is_empty()) {
            head.extend(wrap(area, s, &sub, width)?.into_iter().map(|l| (l, &sub, line_height(13.0))));
        }
        let mut foot: Vec<String> = wrap(area, &frame.source, &small, width)?;
        foot.extend(wrap(area, &frame.url, &small, width)?);
        let mut y = pad as i32;
        for (line, style, step) in &head {
            area.draw_text(line, style, (pad as i32, y))?;
            y += step;
        }
        let foot_height = foot.len() as i32 * line_height(11.0);
        let mut fy = h as i32 - pad as i32 - foot_height;
        for line in &foot {
            area.draw_text(line, &small, (pad as i32, fy))?;
            fy += line_height(11.0);
        }
        let top = (y + theme.px(6.0) as i32).max(0) as u32;
        let bottom = (foot_height + pad as i32 + theme.px(6.0) as i32).max(0) as u32;
        let inner = area.margin(top, bottom, 0, 0);
        self.draw(&inner, theme)
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
            ChartInput::Heatmap(g, gpu) => heatmap::draw(area, g, *gpu, theme),
            ChartInput::Presets(p) => presets::draw(area, p, theme),
            ChartInput::Market(v) => market::draw(area, v, theme),
            ChartInput::Portfolio(v) => portfolio::draw(area, v, theme),
            ChartInput::India(v) => india::draw(area, v, theme),
        }
    }
}
