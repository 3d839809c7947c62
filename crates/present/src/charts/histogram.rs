//! Chart 4: the Monte Carlo histogram of one output, with P5, P50 and P95
//! marked and the loss region shaded.

use plotters::prelude::*;

use super::common::{DrawResult, Meta, Table, Theme};
use crate::i18n::Messages;
use computedeal_core::outputs::Unit;
use computedeal_engine::mc::OutputSummary;

pub fn table(s: &OutputSummary, unit: Unit, m: &Messages) -> Table {
    let mut t = Table::new(m.tl_bin, &[(m.tc_from, unit), (m.tc_to, unit), (m.tc_samples, Unit::Count)]);
    let bins = s.histogram.len();
    let width = (s.hist_hi - s.hist_lo) / bins.max(1) as f64;
    for (k, count) in s.histogram.iter().enumerate() {
        let from = s.hist_lo + k as f64 * width;
        t.rows.push((format!("{} {}", m.tl_bin, k + 1), vec![from, from + width, *count as f64]));
    }
    t
}

/// `loss_below`: values under it are a loss (0 for NPV and margin, the WACC for the IRR).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    s: &OutputSummary,
    unit: Unit,
    loss_below: Option<f64>,
    theme: &Theme,
) -> DrawResult<DB> {
    let m = theme.m();
    let t = table(s, unit, m);
    if t.rows.is_empty() {
        return super::common::draw_message(area, theme, m.msg_no_distribution);
    }
    area.fill(&theme.background)?;
    // Money is drawn in the display currency, so the ticks are round in it.
    let f = if unit.is_money() { theme.fmt.fx } else { 1.0 };
    let t = t.in_currency(theme.fmt.fx);
    let (lo, hi) = (s.hist_lo * f, s.hist_hi.max(s.hist_lo + f64::EPSILON * s.hist_lo.abs().max(1.0)) * f);
    let y_max = t.rows.iter().map(|r| r.1[2]).fold(0.0, f64::max) * 1.15;
    let mut chart = ChartBuilder::on(area)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.y_label_area(&[y_max], Unit::Count))
        .build_cartesian_2d(lo..hi, 0.0..y_max.max(1.0))?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .y_desc(m.ax_samples)
        .x_labels(theme.label_count_for(
            area.dim_in_pixel().0.saturating_sub(theme.y_label_area(&[y_max], Unit::Count)),
            &[theme.fmt.axis(lo / f, unit), theme.fmt.axis(hi / f, unit)],
            6,
        ))
        .x_label_formatter(&|v| theme.fmt.axis(*v / f, unit))
        .y_label_formatter(&|v| theme.fmt.number(*v, 0))
        .draw()?;
    let bar = theme.series[0];
    let loss = theme.loss;
    let loss_below = loss_below.map(|l| l * f);
    chart.draw_series(t.rows.iter().map(|r| {
        let is_loss = loss_below.is_some_and(|l| r.1[1] <= l);
        let colour = if is_loss { loss } else { bar };
        Rectangle::new([(r.1[0], 0.0), (r.1[1], r.1[2])], colour.mix(0.85).filled())
    }))?;
    if let Some(l) = loss_below.filter(|l| *l > lo && *l < hi) {
        chart.draw_series(std::iter::once(Rectangle::new([(lo, 0.0), (l, y_max)], loss.mix(0.08).filled())))?;
    }
    let mark = theme.text;
    for (k, name) in [(5, "P5"), (50, "P50"), (95, "P95")] {
        if let Some(v) = s.p(k).map(|v| v * f).filter(|v| *v >= lo && *v <= hi) {
            chart.draw_series(std::iter::once(PathElement::new(vec![(v, 0.0), (v, y_max * 0.92)], mark.stroke_width(theme.px(1.5)))))?;
            chart.draw_series(std::iter::once(Text::new(name.to_string(), (v, y_max * 0.97), theme.font(11.0))))?;
        }
    }
    let meta = Meta::from_area(chart.plotting_area(), t.rows.len(), false);
    area.present()?;
    Ok(meta)
}
