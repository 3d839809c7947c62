//! Chart 9: the deal against the rental market. The deal's price per
//! accelerator-hour over its term (with the Monte Carlo's P5–P95), the
//! published rents of its chip from the market snapshot (by kind: on
//! demand, committed, spot, capacity blocks, indexes; past prices too), and
//! the model's rental-market curve from the deal's start beside the curve
//! at the yearly decline the market data imply.

use plotters::prelude::*;

use super::common::{place_legend, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::{fill, Messages};
use computedeal_core::market::{months, Kind, Snapshot};
use computedeal_core::outputs::Unit;

/// Everything the chart draws, in US dollars per accelerator-hour and in
/// calendar years (2026.5 is the middle of 2026).
#[derive(Clone, Debug, PartialEq)]
pub struct MarketView {
    /// The deal's chip (a catalogue id) and its name.
    pub chip: String,
    pub chip_name: String,
    /// The deal's first and last quarter, as years.
    pub start: f64,
    pub end: f64,
    /// The deal's price per accelerator-hour, and its P5 and P95.
    pub price: f64,
    pub band: Option<(f64, f64)>,
    /// The model's market rent at the start and its yearly decline.
    pub market: f64,
    pub decline: f64,
    /// The yearly decline the market data imply.
    pub implied_decline: Option<f64>,
    /// The snapshot's date.
    pub as_of: String,
    /// The chip's published prices: (label, kind, $/hour, year, past).
    pub prices: Vec<(String, Kind, f64, f64, bool)>,
    /// The chip is a GPU (prices per "GPU-hour").
    pub gpu: bool,
}

/// A quarter label ("2025Q4") as the year its quarter starts (2025.75).
pub fn quarter_year(q: &str) -> Option<f64> {
    let (y, n) = q.split_once('Q')?;
    Some(y.parse::<f64>().ok()? + (n.parse::<f64>().ok()? - 1.0) / 4.0)
}

impl MarketView {
    /// The view of a snapshot for a deal's chip (`gpu`: it is a GPU).
    pub fn new(
        snapshot: &Snapshot,
        chip: &str,
        chip_name: &str,
        span: (f64, f64),
        price: f64,
        band: Option<(f64, f64)>,
        market: (f64, f64),
        gpu: bool,
    ) -> MarketView {
        let year = |d: &str| months(d).map(|m| m / 12.0).unwrap_or(f64::NAN);
        let mut prices: Vec<(String, Kind, f64, f64, bool)> =
            snapshot.prices_for(chip).map(|p| (p.provider.clone(), p.kind, p.usd_per_hour, year(&p.date), false)).collect();
        prices.extend(snapshot.history.iter().filter(|p| p.chip == chip).map(|p| (p.date.clone(), p.kind, p.usd_per_hour, year(&p.date), true)));
        computedeal_core::order::sort_by_key(&mut prices, |p| computedeal_core::order::f64_key(p.3));
        MarketView {
            chip: chip.to_string(),
            chip_name: chip_name.to_string(),
            start: span.0,
            end: span.1,
            price,
            band,
            market: market.0,
            decline: market.1,
            implied_decline: snapshot.implied_decline(),
            as_of: snapshot.as_of.clone(),
            prices,
            gpu,
        }
    }

    /// The model's market rent `t` years after the start at a yearly decline.
    pub fn curve(&self, decline: f64, year: f64) -> f64 {
        self.market * (1.0 - decline).powf((year - self.start).max(0.0))
    }
}

/// The kind's words.
pub fn kind_label(m: &Messages, k: Kind) -> &'static str {
    match k {
        Kind::OnDemand => m.mk_on_demand,
        Kind::Committed => m.mk_committed,
        Kind::Spot => m.mk_spot,
        Kind::CapacityBlock => m.mk_capacity_block,
        Kind::Index => m.mk_index,
    }
}

/// The chart's one-sentence summary: the deal's price against its chip's
/// published rents (today's), the snapshot's date, and the decline the data
/// imply beside the model's.
pub fn summary(v: &MarketView, fmt: &crate::format::Fmt) -> String {
    let m = crate::i18n::messages(fmt.lang);
    let now: Vec<f64> = v.prices.iter().filter(|p| !p.4).map(|p| p.2).collect();
    let rate = |d: f64| fmt.value(d, Unit::Fraction);
    let model = rate(v.decline);
    match (now.iter().copied().reduce(f64::min), now.iter().copied().reduce(f64::max)) {
        (Some(lo), Some(hi)) => fill(
            m.s_market,
            &[
                ("price", &fmt.value(v.price, Unit::UsdPerHour)),
                ("unit", m.hour(v.gpu)),
                ("chip", &v.chip_name),
                ("lo", &fmt.value(lo, Unit::UsdPerHour)),
                ("hi", &fmt.value(hi, Unit::UsdPerHour)),
                ("date", &v.as_of),
                ("implied", &v.implied_decline.map(rate).unwrap_or_else(|| "—".into())),
                ("model", &model),
            ],
        ),
        _ => fill(m.s_market_none, &[("chip", &v.chip_name), ("date", &v.as_of), ("market", &fmt.value(v.market, Unit::UsdPerHour)), ("model", &model)]),
    }
}

pub fn table(v: &MarketView, m: &Messages) -> Table {
    let price = fill(m.ax_price_hour, &[("unit", m.hour(v.gpu))]);
    let mut t = Table::new(m.tl_market, &[(&price, Unit::UsdPerHour), (m.tc_year, Unit::Count)]);
    t.rows.push((m.lg_deal_price.to_string(), vec![v.price, v.start]));
    if let Some((lo, hi)) = v.band {
        t.rows.push(("P5".into(), vec![lo, v.start]));
        t.rows.push(("P95".into(), vec![hi, v.start]));
    }
    for (label, kind, usd, year, past) in &v.prices {
        let row = if *past { format!("{} · {label}", kind_label(m, *kind)) } else { format!("{label} · {}", kind_label(m, *kind)) };
        t.rows.push((row, vec![*usd, (year * 10.0).round() / 10.0]));
    }
    t.rows.push((m.lg_model_market.to_string(), vec![v.market, v.start]));
    t
}

/// The colour of a kind's points.
fn kind_colour(theme: &Theme, k: Kind) -> RGBColor {
    match k {
        Kind::OnDemand => theme.series[2],
        Kind::Committed => theme.series[1],
        Kind::Spot => theme.series[3],
        Kind::CapacityBlock => theme.series[4],
        Kind::Index => theme.series[6],
    }
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, v: &MarketView, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    let fx = theme.fmt.fx;
    area.fill(&theme.background)?;
    let first = v.prices.iter().map(|p| p.3).filter(|y| y.is_finite()).fold(v.start, f64::min);
    let (x0, x1) = (first.floor(), v.end.max(v.start + 1.0).ceil());
    let implied = v.implied_decline.filter(|d| d.is_finite());
    let ys = v.prices.iter().map(|p| p.2).chain([v.price, v.market]).chain(v.band.map(|b| b.1));
    let hi = ys.filter(|y| y.is_finite()).fold(0.0f64, f64::max).max(0.01) * 1.12 * fx;
    let deal = theme.series[0];
    let model = theme.series[5];
    let mut legend = Legend::default();
    legend.add(m.lg_deal_price, Mark::Line(deal.to_rgba(), 3.0));
    if v.band.is_some() {
        legend.add(m.lg_fan_p5_p95, Mark::Swatch(deal.mix(0.3)));
    }
    legend.add(fill(m.lg_model_market, &[("rate", &theme.fmt.value(v.decline, Unit::Fraction))]), Mark::Line(model.to_rgba(), 2.0));
    if let Some(d) = implied {
        legend.add(fill(m.lg_implied_market, &[("rate", &theme.fmt.value(d, Unit::Fraction))]), Mark::Line(model.mix(0.55), 2.0));
    }
    for k in Kind::ALL {
        if v.prices.iter().any(|p| p.1 == k) {
            legend.add(kind_label(m, k), Mark::Ring(kind_colour(theme, k).to_rgba()));
        }
    }
    // Points and lines reach every corner: the legend goes above the plot.
    let placed = place_legend(area, theme, &legend, false)?;
    let mut chart = ChartBuilder::on(&placed.plot)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.y_label_area(&[hi / fx, hi * 0.5 / fx], Unit::UsdPerHour))
        .build_cartesian_2d(x0..x1, 0.0..hi)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .y_desc(theme.money_desc(&fill(m.ax_price_hour, &[("unit", m.hour(v.gpu))])))
        .x_labels(((x1 - x0) as usize + 1).min(theme.label_count(area.dim_in_pixel().0, 12)))
        .x_label_formatter(&|x| format!("{:.0}", x))
        .y_label_formatter(&|y| theme.fmt.axis(*y / fx, Unit::UsdPerHour))
        .draw()?;
    // The deal's term: its price, flat, and the range around it.
    if let Some((lo, hi)) = v.band {
        chart.draw_series(std::iter::once(Rectangle::new([(v.start, lo * fx), (v.end, hi * fx)], deal.mix(0.22).filled())))?;
    }
    chart.draw_series(LineSeries::new([(v.start, v.price * fx), (v.end, v.price * fx)], deal.stroke_width(theme.px(3.0))))?;
    // The market curves over the term: the model's and the data's.
    let steps = 48;
    let curve = |d: f64| (0..=steps).map(move |i| v.start + (v.end - v.start) * i as f64 / steps as f64).map(move |x| (x, v.curve(d, x) * fx));
    chart.draw_series(LineSeries::new(curve(v.decline), model.stroke_width(theme.px(2.0))))?;
    if let Some(d) = implied {
        // Dashed: every other step of the curve.
        let points: Vec<(f64, f64)> = curve(d).collect();
        chart
            .draw_series(points.chunks(2).filter(|c| c.len() == 2).map(|c| PathElement::new(vec![c[0], c[1]], model.mix(0.55).stroke_width(theme.px(2.0)))))?;
    }
    // Published prices: filled rings now, hollow for past prices.
    let r = theme.px(4.0);
    for (_, kind, usd, year, past) in &v.prices {
        if !year.is_finite() {
            continue;
        }
        let c = kind_colour(theme, *kind);
        let style = if *past { c.stroke_width(theme.px(1.5)) } else { c.filled() };
        chart.draw_series(std::iter::once(Circle::new((*year, usd * fx), r, style)))?;
    }
    // The table's rows are not laid out along an axis (prices at their dates,
    // curves over the term): no row under the pointer, the table says them all.
    let mut meta = Meta::from_area(chart.plotting_area(), 0, false);
    meta.legend = placed.above;
    area.present()?;
    Ok(meta)
}
