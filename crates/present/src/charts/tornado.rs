//! Chart 5: the tornado: the inputs that move the chosen output most, each
//! swung from its P10 to its P90 with the others at their point values.

use plotters::prelude::*;

use super::common::{place_legend, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::Lang;
use computedeal_core::outputs::{Output, Unit};
use computedeal_engine::sensitivity::Tornado;

/// At most this many bars: the widest swings.
pub const BARS: usize = 10;

pub fn table(t: &Tornado, k: Output, unit: Unit, lang: Lang) -> Table {
    let m = crate::i18n::messages(lang);
    let mut table = Table::new(
        m.tl_input,
        &[(m.tc_input_p10, Unit::Plain), (m.tc_input_p90, Unit::Plain), (m.tc_output_p10, unit), (m.tc_output_p90, unit), (m.tc_swing, unit)],
    );
    for s in t.ranked(k).into_iter().take(BARS) {
        let label = crate::i18n::param_label(lang, s.param).to_string();
        let (low, high) = (*s.low.get(k), *s.high.get(k));
        table.rows.push((label, vec![s.low_value, s.high_value, low, high, (high - low).abs()]));
    }
    table
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, t: &Tornado, k: Output, unit: Unit, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    let table = table(t, k, unit, theme.fmt.lang);
    if table.rows.is_empty() {
        return super::common::draw_message(area, theme, m.msg_no_uncertain);
    }
    area.fill(&theme.background)?;
    // Money is drawn in the display currency, so the ticks are round in it.
    let f = if unit.is_money() { theme.fmt.fx } else { 1.0 };
    let table = table.in_currency(theme.fmt.fx);
    let base = *t.base.get(k) * f;
    let base = if base.is_finite() { base } else { 0.0 };
    let (mut lo, mut hi) = (base, base);
    for r in &table.rows {
        lo = lo.min(r.1[2]).min(r.1[3]);
        hi = hi.max(r.1[2]).max(r.1[3]);
    }
    let pad = (hi - lo).max(base.abs() * 0.01).max(1e-9) * 0.08;
    let n = table.rows.len();
    let labels: Vec<String> = table.rows.iter().map(|r| r.0.clone()).collect();
    let (low_colour, high_colour) = (theme.series[1], theme.series[0]);
    let mut legend = Legend::default();
    legend.add(m.lg_p10, Mark::Swatch(low_colour.to_rgba()));
    legend.add(m.lg_p90, Mark::Swatch(high_colour.to_rgba()));
    // Bars can reach any corner: the legend goes above the plot.
    let placed = place_legend(area, theme, &legend, false)?;
    let mut chart = ChartBuilder::on(&placed.plot)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.px(150.0))
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        // Ticks every half row; the label goes on each bar's middle.
        .y_labels(2 * n + 1)
        .y_label_formatter(&|y| {
            if ((y - 0.5).fract()).abs() > 1e-9 || *y < 0.0 {
                return String::new();
            }
            // Row 0 at the top: the widest swing.
            let row = n as f64 - 1.0 - y.floor();
            labels.get(row as usize).cloned().unwrap_or_default()
        })
        // Along the plot's width (the names take 150 px), as many as fit.
        .x_labels(theme.label_count_for(
            placed.plot.dim_in_pixel().0.saturating_sub(theme.px(150.0 + 16.0)),
            &[theme.fmt.axis((lo - pad) / f, unit), theme.fmt.axis((hi + pad) / f, unit), theme.fmt.axis((lo + hi) / 2.0 / f, unit)],
            5,
        ))
        .x_label_formatter(&|v| theme.fmt.axis(*v / f, unit))
        .draw()?;
    for (i, r) in table.rows.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        for (value, colour) in [(r.1[2], low_colour), (r.1[3], high_colour)] {
            let (a, b) = if value < base { (value, base) } else { (base, value) };
            chart.draw_series(std::iter::once(Rectangle::new([(a, y + 0.2), (b, y + 0.8)], colour.mix(0.9).filled())))?;
        }
    }
    chart.draw_series(std::iter::once(PathElement::new(vec![(base, 0.0), (base, n as f64)], theme.text.stroke_width(theme.px(1.5)))))?;
    let mut meta = Meta::from_area(chart.plotting_area(), n, true);
    meta.legend = placed.above;
    area.present()?;
    Ok(meta)
}
