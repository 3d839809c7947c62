//! Chart 1: accelerators online per quarter (first tranche and expansion
//! stacked) and facility power (right axis).

use plotters::prelude::*;

use super::common::{draw_legend, place_legend, Corner, DrawResult, Legend, Mark, Meta, Table, Theme};
use crate::i18n::Messages;
use computedeal_core::model::Outcome;
use computedeal_core::outputs::Unit;

pub fn table(o: &Outcome, m: &Messages) -> Table {
    let mut t =
        Table::new(m.tl_quarter, &[(m.tc_online, Unit::Count), (m.tc_of_expansion, Unit::Count), (m.tc_it_power, Unit::Mw), (m.tc_facility_power, Unit::Mw)]);
    // The last row is the end-of-term instant, with nothing online.
    for q in o.quarters.iter().take(o.quarters.len().saturating_sub(1)) {
        t.rows.push((q.quarter.clone(), vec![q.accelerators_online, q.expansion_accelerators_online, q.it_mw + q.cpu_it_mw, q.facility_mw]));
    }
    t
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, o: &Outcome, a: Option<&Outcome>, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    let t = table(o, m);
    area.fill(&theme.background)?;
    let n = t.rows.len().max(1);
    // The legend: the bars (one or two entries), the MW line and A's line.
    let has_expansion = t.rows.iter().any(|r| r.1[1] > 0.0);
    let (first, expansion, mw, a_colour) = (theme.series[0], theme.series[2], theme.series[1], theme.text);
    let mut legend = Legend::default();
    legend.add(if has_expansion { m.lg_first_tranche } else { m.ax_accelerators_online }, Mark::Swatch(first.to_rgba()));
    if has_expansion {
        legend.add(m.lg_expansion, Mark::Swatch(expansion.to_rgba()));
    }
    legend.add(m.ax_facility_mw, Mark::Line(mw.to_rgba(), 3.0));
    if a.is_some() {
        legend.add(m.lg_scenario_a, Mark::Line(a_colour.to_rgba(), 2.0));
    }
    // On a wide chart the legend sits in the upper right with the data kept below it.
    let placed = place_legend(area, theme, &legend, true)?;
    let acc_top = t.rows.iter().map(|r| r.1[0]).fold(0.0, f64::max);
    let acc_top = a.map(|a| a.quarters.iter().map(|q| q.accelerators_online).fold(acc_top, f64::max)).unwrap_or(acc_top);
    let mw_top = t.rows.iter().map(|r| r.1[3]).fold(0.0, f64::max);
    let reserved = theme.px(28.0 + 16.0);
    let acc_max = theme.top_below_legend(acc_top, placed.rows_inside, placed.plot.dim_in_pixel(), reserved);
    let mw_max = theme.top_below_legend(mw_top, placed.rows_inside, placed.plot.dim_in_pixel(), reserved);
    let mut chart = ChartBuilder::on(&placed.plot)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        // Room for the widest tick label and the axis title beside it
        // ("3,00,000" in Hindi): a fixed 52 px put the title on the labels.
        .y_label_area_size(theme.y_label_area(&[acc_max, acc_max * 0.75], Unit::Count))
        .right_y_label_area_size(theme.y_label_area(&[mw_max], Unit::Mw))
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..acc_max)?
        .set_secondary_coord(-0.5..n as f64 - 0.5, 0.0..mw_max);
    let labels = t.rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .y_desc(m.ax_accelerators_online)
        .x_labels(theme.label_count(area.dim_in_pixel().0, 8))
        .x_label_formatter(&|x| if x.fract() == 0.0 && *x >= 0.0 { labels.get(*x as usize).cloned().unwrap_or_default() } else { String::new() })
        .y_label_formatter(&|v| theme.fmt.axis(*v, Unit::Count))
        .draw()?;
    chart
        .configure_secondary_axes()
        .axis_style(theme.muted)
        .label_style(theme.muted_font(11.0))
        .axis_desc_style(theme.font(11.0))
        .y_desc(m.ax_facility_mw)
        .y_label_formatter(&|v| theme.fmt.number(*v, 0))
        .draw()?;
    // Stacked bars: the first tranche below, the expansion above.
    chart.draw_series(t.rows.iter().enumerate().map(|(i, r)| {
        let base = r.1[0] - r.1[1];
        Rectangle::new([(i as f64 - 0.4, 0.0), (i as f64 + 0.4, base)], first.mix(0.85).filled())
    }))?;
    if has_expansion {
        chart.draw_series(
            t.rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.1[1] > 0.0)
                .map(|(i, r)| Rectangle::new([(i as f64 - 0.4, r.1[0] - r.1[1]), (i as f64 + 0.4, r.1[0])], expansion.mix(0.85).filled())),
        )?;
    }
    chart.draw_secondary_series(LineSeries::new(t.rows.iter().enumerate().map(|(i, r)| (i as f64, r.1[3])), mw.stroke_width(theme.px(2.5))))?;
    if let Some(a) = a {
        // Scenario A's accelerators online, as a thin line over the bars.
        let colour = a_colour;
        let first_a = a.quarters.first().map(|q| q.quarter.clone());
        let offset = first_a.and_then(|fq| t.rows.iter().position(|r| r.0 == fq)).unwrap_or(0) as f64;
        chart.draw_series(LineSeries::new(
            a.quarters.iter().take(a.quarters.len().saturating_sub(1)).enumerate().map(|(i, q)| (i as f64 + offset, q.accelerators_online)),
            colour.stroke_width(theme.px(1.5)),
        ))?;
    }
    let legend = match placed.above {
        Some(b) => Some(b),
        None => draw_legend(&chart.plotting_area().strip_coord_spec(), theme, &legend, Corner::UpperRight, area.dim_in_pixel().0)?,
    };
    let meta = Meta::from_area(chart.plotting_area(), t.rows.len(), false).with_legend(legend, (acc_top / acc_max).max(mw_top / mw_max));
    area.present()?;
    Ok(meta)
}
