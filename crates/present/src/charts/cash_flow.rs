//! Chart 3: cumulative cash flow per quarter, the P10–P90 fan from the Monte
//! Carlo when it has run, and the payback point.

use plotters::prelude::*;

use super::common::{place_legend, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::Messages;
use computedeal_core::model::Outcome;
use computedeal_core::outputs::{Output, Unit};
use computedeal_engine::mc::Band;

pub fn table(o: &Outcome, bands: &[Band], m: &Messages) -> Table {
    let mut t = Table::new(m.tl_quarter, &[(m.tc_cumulative, Unit::Usd), ("P10", Unit::Usd), ("P50", Unit::Usd), ("P90", Unit::Usd)]);
    for (i, q) in o.quarters.iter().enumerate() {
        let b = bands.get(i).filter(|b| b.quarter == q.quarter);
        let (p10, p50, p90) = b.map(|b| (b.p10, b.p50, b.p90)).unwrap_or((f64::NAN, f64::NAN, f64::NAN));
        t.rows.push((q.quarter.clone(), vec![q.cumulative_cash_flow_usd, p10, p50, p90]));
    }
    t
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    o: &Outcome,
    bands: &[Band],
    a: Option<&Outcome>,
    theme: &Theme,
) -> DrawResult<DB> {
    let m = theme.m();
    // Drawn in the display currency, so the axis ticks are round in it.
    let fx = theme.fmt.fx;
    let t = table(o, bands, m).in_currency(fx);
    // Scenario A's cumulative cash flow, aligned by quarter.
    let a_points: Vec<(f64, f64)> = a
        .map(|a| a.quarters.iter().filter_map(|q| t.rows.iter().position(|r| r.0 == q.quarter).map(|i| (i as f64, q.cumulative_cash_flow_usd * fx))).collect())
        .unwrap_or_default();
    area.fill(&theme.background)?;
    let n = t.rows.len().max(1);
    let values = t.rows.iter().flat_map(|r| r.1.iter().copied()).chain(a_points.iter().map(|p| p.1)).filter(|v| v.is_finite());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let pad = (hi - lo).max(1.0) * 0.08;
    let labels: Vec<String> = t.rows.iter().map(|r| r.0.clone()).collect();
    let fan: Vec<(f64, f64, f64)> = t.rows.iter().enumerate().filter(|(_, r)| r.1[1].is_finite()).map(|(i, r)| (i as f64, r.1[1], r.1[3])).collect();
    let (line, payback_colour, a_colour) = (theme.series[0], theme.series[1], theme.series[5]);
    let payback = o.get(Output::payback_years);
    let mut legend = Legend::default();
    if fan.len() > 1 {
        legend.add(m.lg_fan, Mark::Swatch(line.mix(0.3)));
    }
    legend.add(m.lg_point, Mark::Line(line.to_rgba(), 3.0));
    if let Some(p) = payback {
        legend.add(crate::i18n::fill(m.lg_payback, &[("years", &theme.fmt.number(p, 1))]), Mark::Tick(payback_colour.to_rgba()));
    }
    if !a_points.is_empty() {
        legend.add(m.lg_scenario_a, Mark::Line(a_colour.to_rgba(), 2.0));
    }
    // The flows fill the plot from corner to corner: the legend goes above it.
    let placed = place_legend(area, theme, &legend, false)?;
    let mut chart = ChartBuilder::on(&placed.plot)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.y_label_area(&[(lo - pad) / fx, (hi + pad) / fx, (lo - pad) * 0.77 / fx, (hi + pad) * 0.77 / fx], Unit::Usd))
        .build_cartesian_2d(0.0..(n - 1).max(1) as f64, (lo - pad)..(hi + pad))?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .y_desc(theme.money_desc(m.ax_cumulative))
        .x_labels(theme.label_count(area.dim_in_pixel().0, 8))
        .x_label_formatter(&|x| labels.get(x.round() as usize).cloned().unwrap_or_default())
        .y_label_formatter(&|v| theme.fmt.axis(*v / fx, Unit::Usd))
        .draw()?;
    // The zero line.
    chart.draw_series(LineSeries::new([(0.0, 0.0), ((n - 1) as f64, 0.0)], theme.muted.stroke_width(theme.px(1.0))))?;
    if fan.len() > 1 {
        let mut polygon: Vec<(f64, f64)> = fan.iter().map(|(x, lo, _)| (*x, *lo)).collect();
        polygon.extend(fan.iter().rev().map(|(x, _, hi)| (*x, *hi)));
        chart.draw_series(std::iter::once(Polygon::new(polygon, line.mix(0.22).filled())))?;
    }
    chart.draw_series(LineSeries::new(t.rows.iter().enumerate().map(|(i, r)| (i as f64, r.1[0])), line.stroke_width(theme.px(2.5))))?;
    if let Some(p) = payback {
        // Flow i lands at i / 4 years: the payback is at quarter index 4p.
        let x = p * 4.0;
        chart.draw_series(std::iter::once(PathElement::new(vec![(x, lo - pad), (x, hi + pad)], payback_colour.stroke_width(theme.px(1.5)))))?;
    }
    if !a_points.is_empty() {
        chart.draw_series(LineSeries::new(a_points, a_colour.stroke_width(theme.px(2.0))))?;
    }
    let mut meta = Meta::from_area(chart.plotting_area(), t.rows.len(), false);
    meta.legend = placed.above;
    // Rows sit on points, not in bins: widen the bins by half a step each side.
    let step = (meta.x1 - meta.x0) / (n - 1).max(1) as f64;
    meta.x0 -= step / 2.0;
    meta.x1 += step / 2.0;
    area.present()?;
    Ok(meta)
}
