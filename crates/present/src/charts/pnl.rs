//! Chart 3: the book P&L by year as the seller reports it: straight-line
//! depreciation over the booked life, energy and other opex, stacked,
//! against revenue, with each year's EBIT margin above its bar.

use plotters::prelude::*;

use super::common::{draw_legend, place_legend, Corner, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::Messages;
use computedeal_core::model::Outcome;
use computedeal_core::outputs::Unit;

pub fn table(o: &Outcome, m: &Messages) -> Table {
    let mut t = Table::new(
        m.tl_year,
        &[
            (m.lg_revenue, Unit::Usd),
            (m.lg_book_depreciation, Unit::Usd),
            (m.lg_energy, Unit::Usd),
            (m.lg_opex, Unit::Usd),
            (m.lg_ebit, Unit::Usd),
            (m.lg_ebit_margin, Unit::Fraction),
        ],
    );
    for y in &o.years {
        t.rows.push((y.year.to_string(), vec![y.revenue_usd, y.book_depreciation_usd, y.energy_usd, y.other_opex_usd, y.ebit_usd, y.ebit_margin]));
    }
    t
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, o: &Outcome, a: Option<&Outcome>, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    let fx = theme.fmt.fx;
    let t = table(o, m).in_currency(fx);
    area.fill(&theme.background)?;
    let n = t.rows.len().max(1);
    let top = t.rows.iter().map(|r| r.1[1..4].iter().sum::<f64>().max(r.1[0])).fold(0.0, f64::max);
    // A's revenue is drawn too.
    let top = a.map(|a| a.years.iter().map(|y| y.revenue_usd * fx).fold(top, f64::max)).unwrap_or(top);
    let colours = [theme.series[0], theme.series[1], theme.series[2]];
    let parts = [m.lg_book_depreciation, m.lg_energy, m.lg_opex];
    let (text, a_colour) = (theme.text, theme.series[5]);
    let mut legend = Legend::default();
    for (name, colour) in parts.iter().zip(colours) {
        legend.add(*name, Mark::Swatch(colour.to_rgba()));
    }
    legend.add(m.lg_revenue, Mark::Line(text.to_rgba(), 2.0));
    if a.is_some() {
        legend.add(format!("{}: {}", m.lg_scenario_a, m.lg_revenue), Mark::Line(a_colour.to_rgba(), 2.0));
    }
    // On a wide chart the legend sits in the upper right with the data kept
    // below it; one more row for the margins written above the bars.
    let placed = place_legend(area, theme, &legend, true)?;
    let y_max = theme.top_below_legend(top, placed.rows_inside + 1, placed.plot.dim_in_pixel(), theme.px(28.0 + 16.0));
    let labels: Vec<String> = t.rows.iter().map(|r| r.0.clone()).collect();
    let mut chart = ChartBuilder::on(&placed.plot)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.y_label_area(&[y_max / fx, y_max * 0.77 / fx, y_max * 0.33 / fx], Unit::Usd))
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..y_max)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .y_desc(theme.money_desc(m.ax_usd_per_year))
        .x_labels(theme.label_count(area.dim_in_pixel().0, n.min(12)))
        .x_label_formatter(&|x| if x.fract() == 0.0 && *x >= 0.0 { labels.get(*x as usize).cloned().unwrap_or_default() } else { String::new() })
        .y_label_formatter(&|v| theme.fmt.axis(*v / fx, Unit::Usd))
        .draw()?;
    for (k, colour) in colours.into_iter().enumerate() {
        chart.draw_series(t.rows.iter().enumerate().map(move |(i, r)| {
            let below: f64 = r.1[1..1 + k].iter().sum();
            Rectangle::new([(i as f64 - 0.35, below), (i as f64 + 0.35, below + r.1[1 + k])], colour.filled())
        }))?;
    }
    chart.draw_series(LineSeries::new(t.rows.iter().enumerate().map(|(i, r)| (i as f64, r.1[0])), text.stroke_width(theme.px(2.0))))?;
    // Each year's EBIT margin, above the taller of its bar and its revenue
    // (on a narrow chart, every other year).
    let plot_width = chart.plotting_area().dim_in_pixel().0 as f64;
    let every = if plot_width < f64::from(theme.px(42.0)) * n as f64 { 2 } else { 1 };
    let font = theme
        .muted_font(10.0)
        .pos(plotters::style::text_anchor::Pos::new(plotters::style::text_anchor::HPos::Center, plotters::style::text_anchor::VPos::Bottom));
    chart.draw_series(t.rows.iter().enumerate().filter(|(i, r)| i % every == 0 && r.1[5].is_finite()).map(|(i, r)| {
        let y = r.1[1..4].iter().sum::<f64>().max(r.1[0]) + y_max * 0.02;
        Text::new(theme.fmt.value(r.1[5], Unit::Fraction), (i as f64, y), font.clone())
    }))?;
    if let Some(a) = a {
        let points: Vec<(f64, f64)> =
            a.years.iter().filter_map(|y| t.rows.iter().position(|r| r.0 == y.year.to_string()).map(|i| (i as f64, y.revenue_usd * fx))).collect();
        chart.draw_series(LineSeries::new(points, a_colour.stroke_width(theme.px(2.0))))?;
    }
    let legend = match placed.above {
        Some(b) => Some(b),
        None => draw_legend(&chart.plotting_area().strip_coord_spec(), theme, &legend, Corner::UpperRight, area.dim_in_pixel().0)?,
    };
    let meta = Meta::from_area(chart.plotting_area(), t.rows.len(), false);
    // The margins are written above the data, 2% of the axis up, ~12 px tall.
    let label_px = theme.px(12.0) as f64 / (meta.y1 - meta.y0).max(1.0);
    let meta = meta.with_legend(legend, top / y_max + 0.02 + label_px);
    area.present()?;
    Ok(meta)
}
