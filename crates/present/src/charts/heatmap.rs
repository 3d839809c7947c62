//! Chart 6: margin over price per GPU-hour (or chip-hour) × availability, with the
//! break-even line and the current scenario marked.

use plotters::prelude::*;

use super::common::{place_legend, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::{fill, Messages};
use computedeal_core::outputs::Unit;
use computedeal_engine::sensitivity::Grid;

/// The break-even price at each availability (the chart's line); the full
/// grid is in the CSV download.
/// `gpu`: the deal's chip is a GPU (prices per "GPU-hour").
pub fn table(g: &Grid, gpu: bool, m: &Messages) -> Table {
    let break_even = fill(m.tc_break_even, &[("unit", m.hour(gpu))]);
    let mut t = Table::new(m.tl_availability, &[(&break_even, Unit::UsdPerHour), (m.tc_margin_here, Unit::Fraction)]);
    let (np, base) = (g.prices.len(), g.base_price);
    // The price column nearest the scenario's price.
    let pcol = g.prices.iter().enumerate().min_by(|a, b| (a.1 - base).abs().total_cmp(&(b.1 - base).abs())).map(|(i, _)| i).unwrap_or(0);
    for (a, avail) in g.availabilities.iter().enumerate() {
        t.rows.push((format!("{:.1}%", avail * 100.0), vec![g.break_even[a].unwrap_or(f64::NAN), g.margin[a * np + pcol]]));
    }
    t
}

/// Colour of a margin: vermillion for losses, blue for gains (colour-blind
/// safe), deeper the further from zero, up to ±50%.
fn colour(margin: f64, theme: &Theme) -> RGBColor {
    let f = (margin.abs() / 0.5).min(1.0);
    let target = if margin < 0.0 { theme.loss } else { theme.gain };
    let bg = theme.background;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * (0.15 + 0.85 * f)) as u8;
    RGBColor(mix(bg.0, target.0), mix(bg.1, target.1), mix(bg.2, target.2))
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, g: &Grid, gpu: bool, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    area.fill(&theme.background)?;
    let (np, na) = (g.prices.len(), g.availabilities.len());
    // Prices are drawn in the display currency, so the ticks are round in it.
    let f = theme.fmt.fx;
    let ends = |v: &[f64], scale: f64| match (v.first(), v.last()) {
        (Some(a), Some(b)) if np >= 2 && na >= 2 && (a * scale).is_finite() && (b * scale).is_finite() && a < b => Some((a * scale, b * scale)),
        _ => None,
    };
    // No hour delivered (no chips, or no availability): no price per hour,
    // so no axis to vary it along; the chart says why in its place.
    let (Some((p0, p1)), Some((a0, a1))) = (ends(&g.prices, f), ends(&g.availabilities, 1.0)) else {
        return super::common::draw_message(area, theme, &fill(m.msg_no_grid, &[("unit", m.hour(gpu))]));
    };
    let (dp, da) = ((p1 - p0) / (np - 1) as f64, (a1 - a0) / (na - 1) as f64);
    let mut legend = Legend::default();
    legend.add(m.lg_break_even, Mark::Line(theme.text.to_rgba(), 2.0));
    legend.add(m.lg_here, Mark::Ring(theme.text.to_rgba()));
    // Every cell is data: the legend goes above the plot.
    let placed = place_legend(area, theme, &legend, false)?;
    let mut chart = ChartBuilder::on(&placed.plot)
        .margin(theme.px(8.0))
        // Ticks and the axis title below them.
        .x_label_area_size(theme.px(44.0))
        .y_label_area_size(theme.px(48.0))
        .build_cartesian_2d((p0 - dp / 2.0)..(p1 + dp / 2.0), (a0 - da / 2.0)..(a1 + da / 2.0))?;
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .x_desc(fill(m.ax_price_hour, &[("unit", m.hour(gpu))]))
        .y_desc(m.ax_availability)
        .x_labels(theme.label_count_for(area.dim_in_pixel().0.saturating_sub(theme.px(48.0)), &[theme.fmt.axis(p1 / f, Unit::UsdPerHour)], 7))
        .x_label_formatter(&|v| theme.fmt.axis(*v / f, Unit::UsdPerHour))
        .y_label_formatter(&|v| format!("{}%", theme.fmt.number(v * 100.0, 0)))
        .draw()?;
    chart.draw_series((0..na).flat_map(|a| (0..np).map(move |p| (a, p))).map(|(a, p)| {
        let (x, y) = (g.prices[p] * f, g.availabilities[a]);
        Rectangle::new([(x - dp / 2.0, y - da / 2.0), (x + dp / 2.0, y + da / 2.0)], colour(g.margin[a * np + p], theme).filled())
    }))?;
    let line: Vec<(f64, f64)> = g.break_even.iter().zip(&g.availabilities).filter_map(|(b, a)| b.map(|b| (b * f, *a))).collect();
    chart.draw_series(LineSeries::new(line, theme.text.stroke_width(theme.px(2.0))))?;
    let here = (g.base_price * f, g.base_availability);
    chart.draw_series(std::iter::once(Circle::new(here, theme.px(6.0), theme.text.stroke_width(theme.px(2.5)))))?;
    // Hover rows: one per availability, bottom to top.
    let mut meta = Meta::from_area(chart.plotting_area(), na, true);
    std::mem::swap(&mut meta.y0, &mut meta.y1);
    meta.legend = placed.above;
    area.present()?;
    Ok(meta)
}
