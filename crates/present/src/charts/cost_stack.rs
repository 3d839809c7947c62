//! Chart 2: the yearly cost stack (capital recovery by asset class, energy,
//! other opex) against revenue.

use plotters::prelude::*;

use super::common::{place_legend, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::Messages;
use computedeal_core::model::Outcome;
use computedeal_core::outputs::Unit;

pub fn table(o: &Outcome, m: &Messages) -> Table {
    let mut t = Table::new(
        m.tl_year,
        &[
            (m.lg_capital_acc, Unit::Usd),
            (m.lg_capital_cpu, Unit::Usd),
            (m.lg_capital_fac, Unit::Usd),
            (m.lg_energy, Unit::Usd),
            (m.lg_opex, Unit::Usd),
            (m.lg_revenue, Unit::Usd),
        ],
    );
    for y in &o.years {
        t.rows.push((
            y.year.to_string(),
            vec![y.capital_accelerators_usd, y.capital_cpus_usd, y.capital_facility_usd, y.energy_usd, y.other_opex_usd, y.revenue_usd],
        ));
    }
    t
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, o: &Outcome, a: Option<&Outcome>, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    // Drawn in the display currency, so the axis ticks are round in it.
    let fx = theme.fmt.fx;
    let t = table(o, m).in_currency(fx);
    area.fill(&theme.background)?;
    let n = t.rows.len().max(1);
    let top = t.rows.iter().map(|r| r.1[..5].iter().sum::<f64>().max(r.1[5])).fold(0.0, f64::max);
    // Scenario A's revenue and cost, in the display currency, on this chart's years.
    let a_years: Vec<(f64, f64, f64)> = a
        .map(|a| {
            a.years
                .iter()
                .filter_map(|y| {
                    let i = t.rows.iter().position(|r| r.0 == y.year.to_string())?;
                    let cost = y.capital_accelerators_usd + y.capital_cpus_usd + y.capital_facility_usd + y.energy_usd + y.other_opex_usd;
                    Some((i as f64, y.revenue_usd * fx, cost * fx))
                })
                .collect()
        })
        .unwrap_or_default();
    let top = a_years.iter().map(|p| p.1.max(p.2)).fold(top, f64::max);
    let colours = [theme.series[0], theme.series[4], theme.series[3], theme.series[1], theme.series[2]];
    let parts = [m.lg_capital_acc, m.lg_capital_cpu, m.lg_capital_fac, m.lg_energy, m.lg_opex];
    let (text, a_colour) = (theme.text, theme.series[5]);
    let mut legend = Legend::default();
    for (name, colour) in parts.iter().zip(colours) {
        legend.add(*name, Mark::Swatch(colour.to_rgba()));
    }
    legend.add(m.lg_revenue, Mark::Line(text.to_rgba(), 2.0));
    if !a_years.is_empty() {
        legend.add(format!("{}: {}", m.lg_scenario_a, m.lg_revenue), Mark::Line(a_colour.to_rgba(), 2.0));
        legend.add(format!("{}: {}", m.lg_scenario_a, m.lg_cost), Mark::Ring(a_colour.to_rgba()));
    }
    // Six to eight entries: inside the plot they would push the bars into
    // its lower half, so the legend goes above it at every width.
    let placed = place_legend(area, theme, &legend, false)?;
    let y_max = theme.top_below_legend(top, placed.rows_inside, placed.plot.dim_in_pixel(), theme.px(28.0 + 16.0));
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
            let below: f64 = r.1[..k].iter().sum();
            Rectangle::new([(i as f64 - 0.35, below), (i as f64 + 0.35, below + r.1[k])], colour.filled())
        }))?;
    }
    chart.draw_series(LineSeries::new(t.rows.iter().enumerate().map(|(i, r)| (i as f64, r.1[5])), text.stroke_width(theme.px(2.0))))?;
    chart.draw_series(t.rows.iter().enumerate().map(|(i, r)| Circle::new((i as f64, r.1[5]), theme.px(3.0), text.filled())))?;
    if !a_years.is_empty() {
        // Scenario A: its revenue as a line, its cost (the five parts' sum) as rings.
        chart.draw_series(LineSeries::new(a_years.iter().map(|p| (p.0, p.1)), a_colour.stroke_width(theme.px(2.0))))?;
        chart.draw_series(LineSeries::new(a_years.iter().map(|p| (p.0, p.2)), a_colour.stroke_width(theme.px(1.0))))?;
        chart.draw_series(a_years.iter().map(|p| Circle::new((p.0, p.2), theme.px(3.5), a_colour.stroke_width(theme.px(1.5)))))?;
    }
    let meta = Meta::from_area(chart.plotting_area(), t.rows.len(), false).with_legend(placed.above, top / y_max);
    area.present()?;
    Ok(meta)
}
