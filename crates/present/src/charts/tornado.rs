//! Chart 5: the tornado: the inputs that move the chosen output most, each
//! swung from its P10 to its P90 with the others at their point values,
//! and under them the market's inputs swung together (`Tornado::market`):
//! how much of the figure rides on the market.

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
    if let (Some(j), false) = (&t.market, table.rows.is_empty()) {
        // No single input value: the inputs' columns are empty.
        let (low, high) = (*j.low.get(k), *j.high.get(k));
        table.rows.push((m.tl_market_together.to_string(), vec![f64::NAN, f64::NAN, low, high, (high - low).abs()]));
    }
    table
}

/// The chart's sentence: the widest swing, and the market's inputs
/// together (None when no input is uncertain).
pub fn summary(t: &Tornado, k: Output, unit: Unit, fmt: &crate::format::Fmt) -> Option<String> {
    let m = crate::i18n::messages(fmt.lang);
    let fill = crate::i18n::fill;
    let top = t.ranked(k).into_iter().next()?;
    let mut s = fill(
        m.s_tornado,
        &[("input", crate::i18n::param_label(fmt.lang, top.param)), ("lo", &fmt.value(*top.low.get(k), unit)), ("hi", &fmt.value(*top.high.get(k), unit))],
    );
    if let Some(j) = &t.market {
        let inputs: Vec<&str> = j.params.iter().map(|p| crate::i18n::param_label(fmt.lang, *p)).collect();
        s.push(' ');
        s.push_str(&fill(
            m.s_tornado_market,
            &[("inputs", &inputs.join(", ")), ("lo", &fmt.value(*j.low.get(k), unit)), ("hi", &fmt.value(*j.high.get(k), unit))],
        ));
    }
    Some(s)
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
    // The last row is the market's inputs together, drawn as one bar from
    // their worse ends to their better ones.
    let joint = t.market.is_some();
    let joint_colour = theme.muted;
    let mut legend = Legend::default();
    legend.add(m.lg_p10, Mark::Swatch(low_colour.to_rgba()));
    legend.add(m.lg_p90, Mark::Swatch(high_colour.to_rgba()));
    if joint {
        legend.add(m.lg_market_together, Mark::Swatch(joint_colour.to_rgba()));
    }
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
        if joint && i == n - 1 {
            let (a, b) = (r.1[2].min(r.1[3]).min(base), r.1[2].max(r.1[3]).max(base));
            chart.draw_series(std::iter::once(Rectangle::new([(a, y + 0.2), (b, y + 0.8)], joint_colour.mix(0.9).filled())))?;
            continue;
        }
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
