//! Chart 10: the buyer's whole portfolio. OpenAI's commitments falling due
//! each year (each deal's value spread over its term), the deal on screen's
//! slice of them, against its revenue: reported, and between its two
//! published plans (a band from the lower to the higher, a line halfway).
//! The table and the sentence add the gigawatts, each deal ramped in.

use plotters::prelude::*;

use super::common::{place_legend, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::{fill, Messages};
use computedeal_core::outputs::Unit;
use computedeal_core::portfolio::{Choices, Portfolio, Risk, StatedUnit, Year};

/// What the chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioView {
    pub buyer: String,
    pub as_of: String,
    pub years: Vec<Year>,
    /// The deal on screen's record, if it is one of the portfolio's.
    pub this_deal: Option<String>,
    pub total_usd: f64,
    /// The gigawatts the deals that are on contract, and the year with the
    /// most on average (each deal ramped in) with that average.
    pub contracted_gw: f64,
    pub peak_gw: Option<(i32, f64)>,
    pub risk: Risk,
    /// The buyer's own dated statements, each beside the records' figure
    /// for the same measure under the reader's choices.
    pub statements: Vec<StatementView>,
}

/// One statement of the buyer's beside the records (`Portfolio::ours`).
#[derive(Clone, Debug, PartialEq)]
pub struct StatementView {
    pub date: String,
    pub stated: f64,
    pub unit: StatedUnit,
    /// None: all the dollars, or the gigawatts contracted; a year: the
    /// dollars falling due through it, or the gigawatts on average in it.
    pub through: Option<i32>,
    pub ours: f64,
    /// What was said and why the records differ, in the data's words (English).
    pub what: String,
    pub note: String,
    /// The source's public title and address (empty if the data names none).
    pub title: String,
    pub url: String,
}

impl PortfolioView {
    /// The view for a scenario's preset (its deal highlighted) and the reader's choices.
    pub fn new(p: &Portfolio, preset: &str, c: &Choices) -> PortfolioView {
        let this_deal = p.deals.iter().find(|d| d.presets.iter().any(|k| k == preset) && !c.off.contains(&d.id)).map(|d| d.id.clone());
        let years = p.yearly(c);
        let peak_gw = computedeal_core::portfolio::peak_gw(&years);
        PortfolioView {
            buyer: p.buyer.clone(),
            as_of: p.as_of().to_string(),
            years,
            this_deal,
            total_usd: p.total_usd(c),
            contracted_gw: p.contracted_gw(c),
            peak_gw,
            risk: p.risk(c),
            statements: p
                .statements
                .iter()
                .map(|st| {
                    let source = p.sources.get(&st.source);
                    StatementView {
                        date: st.date.clone(),
                        stated: st.value,
                        unit: st.unit,
                        through: st.through,
                        ours: p.ours(st, c),
                        what: st.what.clone(),
                        note: st.note.clone(),
                        title: source.map(|x| x.title.clone()).unwrap_or_default(),
                        url: source.map(|x| x.url.clone()).unwrap_or_default(),
                    }
                })
                .collect(),
        }
    }

    /// The shipped portfolio with the reader's choices, the scenario's deal
    /// highlighted (an empty portfolio if the file failed its checks).
    pub fn for_scenario(s: &computedeal_core::scenario::Scenario, c: &Choices) -> PortfolioView {
        match computedeal_core::portfolio::portfolio() {
            Ok(p) => PortfolioView::new(p, s.preset.id.key(), c),
            Err(_) => PortfolioView {
                buyer: String::new(),
                as_of: String::new(),
                years: Vec::new(),
                this_deal: None,
                total_usd: 0.0,
                contracted_gw: 0.0,
                peak_gw: None,
                risk: Risk {
                    samples: 0,
                    seed: 0,
                    threshold: 1.0,
                    p_exceed: 0.0,
                    p_exceed_se: 0.0,
                    peak_share_p5: 0.0,
                    peak_share_p50: 0.0,
                    peak_share_p95: 0.0,
                },
                statements: Vec::new(),
            },
        }
    }

    /// The deal on screen's part of a year's commitments.
    pub fn slice(&self, y: &Year) -> f64 {
        self.this_deal.as_ref().and_then(|id| y.by_deal.iter().find(|(d, _)| d == id)).map(|(_, v)| *v).unwrap_or(0.0)
    }

    /// The deal on screen's share of all the commitments.
    pub fn slice_share(&self) -> Option<f64> {
        self.this_deal.as_ref()?;
        let slice: f64 = self.years.iter().map(|y| self.slice(y)).sum();
        (self.total_usd > 0.0).then(|| slice / self.total_usd)
    }
}

pub fn table(v: &PortfolioView, m: &Messages) -> Table {
    let mut t = Table::new(
        m.tl_year,
        &[(m.lg_this_deal, Unit::Usd), (m.tc_commitments, Unit::Usd), (m.tc_gw, Unit::Count), (m.tc_revenue_mid, Unit::Usd), (m.tc_share, Unit::Fraction)],
    );
    for y in &v.years {
        t.rows.push((y.year.to_string(), vec![v.slice(y), y.commitments_usd, y.gw, y.revenue_mid_usd, y.share_mid]));
    }
    t
}

/// The chart's sentence: the peak share and its year, the chance of
/// exceeding the threshold, the deal on screen's slice, and the most
/// gigawatts in a year of those contracted.
pub fn summary(v: &PortfolioView, fmt: &crate::format::Fmt) -> String {
    let m = crate::i18n::messages(fmt.lang);
    let pct = |x: f64| fmt.value(x, Unit::Fraction);
    let peak = v.years.iter().max_by(|a, b| a.share_mid.total_cmp(&b.share_mid));
    let mut s = match peak {
        Some(y) => fill(
            m.s_portfolio,
            &[
                ("buyer", &v.buyer),
                ("peak", &pct(y.share_mid)),
                ("year", &y.year.to_string()),
                ("threshold", &pct(v.risk.threshold)),
                ("p", &pct(v.risk.p_exceed)),
                ("total", &fmt.money(v.total_usd)),
            ],
        ),
        None => String::new(),
    };
    if let Some(share) = v.slice_share() {
        s.push(' ');
        s.push_str(&fill(m.s_portfolio_slice, &[("share", &pct(share))]));
    }
    if let Some((year, gw)) = v.peak_gw.filter(|(_, gw)| *gw > 0.0) {
        s.push(' ');
        s.push_str(&fill(m.s_portfolio_gw, &[("gw", &fmt.number(gw, 1)), ("year", &year.to_string()), ("contracted", &fmt.number(v.contracted_gw, 1))]));
    }
    s
}

impl StatementView {
    /// What it said and why the records differ, and whether they are in
    /// `lang` (else the data's English).
    pub fn words(&self, lang: crate::i18n::Lang) -> ((&str, &str), bool) {
        match lang {
            crate::i18n::Lang::En => ((&self.what, &self.note), true),
            crate::i18n::Lang::Hi => crate::hi::statement(&self.date).map(|t| (t, true)).unwrap_or(((&self.what, &self.note), false)),
        }
    }
}

/// A statement of the buyer's in words: its date, what it stated, and the
/// records' figure for the same measure (dollars in the reader's currency).
pub fn statement_line(v: &PortfolioView, st: &StatementView, fmt: &crate::format::Fmt) -> String {
    let m = crate::i18n::messages(fmt.lang);
    let amount = |x: f64| match st.unit {
        StatedUnit::Usd => fmt.money(x),
        // As the data has it: 30 GW, 23.75 GW (no decimals that say nothing).
        StatedUnit::Gw => format!("{} GW", fmt.number(x, (0..2).find(|&d| (x * 10f64.powi(d)).fract().abs() < 1e-9).unwrap_or(2) as usize)),
    };
    let year = st.through.map(|y| y.to_string()).unwrap_or_default();
    let measure = match (st.unit, st.through) {
        (StatedUnit::Usd, None) => m.pf_in_total.to_string(),
        (StatedUnit::Usd, Some(_)) => fill(m.pf_through, &[("year", &year)]),
        (StatedUnit::Gw, None) => m.pf_contracted.to_string(),
        (StatedUnit::Gw, Some(_)) => fill(m.pf_in_year, &[("year", &year)]),
    };
    fill(m.s_statement, &[("date", &st.date), ("buyer", &v.buyer), ("stated", &amount(st.stated)), ("ours", &amount(st.ours)), ("measure", &measure)])
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, v: &PortfolioView, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    let fx = theme.fmt.fx;
    let t = table(v, m).in_currency(fx);
    area.fill(&theme.background)?;
    let n = v.years.len().max(1);
    let hi = v.years.iter().map(|y| y.commitments_usd.max(y.revenue_high_usd)).fold(1.0f64, f64::max) * 1.1 * fx;
    let (this, others, revenue) = (theme.series[1], theme.muted, theme.series[0]);
    let mut legend = Legend::default();
    if v.this_deal.is_some() {
        legend.add(m.lg_this_deal, Mark::Swatch(this.to_rgba()));
    }
    legend.add(m.lg_other_commitments, Mark::Swatch(others.mix(0.55)));
    legend.add(m.lg_revenue_mid, Mark::Line(revenue.to_rgba(), 2.5));
    legend.add(m.lg_revenue_range, Mark::Swatch(revenue.mix(0.22)));
    let placed = place_legend(area, theme, &legend, false)?;
    let labels: Vec<String> = v.years.iter().map(|y| y.year.to_string()).collect();
    let mut chart = ChartBuilder::on(&placed.plot)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.y_label_area(&[hi / fx, hi * 0.6 / fx], Unit::Usd))
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), 0.0..hi)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .y_desc(theme.money_desc(m.ax_usd_per_year))
        .x_labels(n.min(theme.label_count(area.dim_in_pixel().0, 12)))
        .x_label_formatter(&|x| labels.get(x.round().max(0.0) as usize).cloned().unwrap_or_default())
        .y_label_formatter(&|y| theme.fmt.axis(*y / fx, Unit::Usd))
        .draw()?;
    // The revenue band and line behind the bars' outlines.
    let band: Vec<(f64, f64)> = v
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| (i as f64, y.revenue_low_usd * fx))
        .chain(v.years.iter().enumerate().rev().map(|(i, y)| (i as f64, y.revenue_high_usd * fx)))
        .collect();
    chart.draw_series(std::iter::once(Polygon::new(band, revenue.mix(0.18).filled())))?;
    // Bars: the deal on screen's slice at the bottom, the rest above it.
    let w = 0.36;
    for (i, row) in t.rows.iter().enumerate() {
        let x = i as f64;
        let slice = row.1[0];
        let total = row.1[1];
        if slice > 0.0 {
            chart.draw_series(std::iter::once(Rectangle::new([(x - w, 0.0), (x + w, slice)], this.filled())))?;
        }
        chart.draw_series(std::iter::once(Rectangle::new([(x - w, slice), (x + w, total)], others.mix(0.55).filled())))?;
    }
    chart.draw_series(LineSeries::new(v.years.iter().enumerate().map(|(i, y)| (i as f64, y.revenue_mid_usd * fx)), revenue.stroke_width(theme.px(2.5))))?;
    let mut meta = Meta::from_area(chart.plotting_area(), t.rows.len(), false);
    meta.legend = placed.above;
    area.present()?;
    Ok(meta)
}
