//! Chart 7: the deals side by side: price per accelerator-hour, and
//! contract revenue per GW-year of IT load.

use plotters::prelude::*;

use super::common::{nice_ceiling, DrawResult, Meta, Table, Theme};
use crate::i18n::Messages;
use computedeal_core::outputs::Unit;

/// One deal's point on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct DealPoint {
    pub name: String,
    pub price_usd_per_accelerator_hour: f64,
    pub usd_per_gw_year: f64,
    /// The scenario on screen (highlighted).
    pub current: bool,
}

pub fn table(points: &[DealPoint], m: &Messages) -> Table {
    let mut t = Table::new(m.tl_deal, &[(m.cap_price, Unit::UsdPerHour), (m.tc_gw_year, Unit::UsdPerYear)]);
    for p in points {
        t.rows.push((p.name.clone(), vec![p.price_usd_per_accelerator_hour, p.usd_per_gw_year]));
    }
    t
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, points: &[DealPoint], theme: &Theme) -> DrawResult<DB> {
    area.fill(&theme.background)?;
    let n = points.len().max(1);
    let (left, right) = area.split_horizontally(area.dim_in_pixel().0 / 2);
    let mut metas = Vec::new();
    let m = theme.m();
    for (panel, k, title) in [(&left, 0usize, m.cap_price), (&right, 1usize, m.cap_gw_year)] {
        // Drawn in the display currency, so the axis ticks are round in it.
        let fx = theme.fmt.fx;
        let value = |p: &DealPoint| fx * if k == 0 { p.price_usd_per_accelerator_hour } else { p.usd_per_gw_year };
        let top = nice_ceiling(points.iter().map(value).fold(0.0, f64::max) * 1.1);
        let mut chart = ChartBuilder::on(panel)
            .margin(theme.px(8.0))
            .caption(title, theme.font(12.0))
            .x_label_area_size(theme.px(22.0))
            .y_label_area_size({
                let unit = if k == 0 { Unit::UsdPerHour } else { Unit::Usd };
                // No axis title here: less room than `y_label_area` keeps for one.
                theme.y_label_area(&[top / fx, top * 0.77 / fx, top * 0.33 / fx], unit).saturating_sub(theme.px(16.0)).max(theme.px(40.0))
            })
            .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(theme.grid)
            .axis_style(theme.muted)
            .label_style(theme.muted_font(10.0))
            .x_labels(n)
            .x_label_formatter(&|x| if x.fract() == 0.0 && *x >= 0.0 { format!("{}", *x as usize + 1) } else { String::new() })
            .y_label_formatter(&|v| if k == 0 { theme.fmt.axis(*v / fx, Unit::UsdPerHour) } else { theme.fmt.axis(*v / fx, Unit::Usd) })
            .draw()?;
        chart.draw_series(points.iter().enumerate().map(|(i, p)| {
            let v = value(p);
            let colour = if p.current { theme.series[1] } else { theme.series[0] };
            Rectangle::new([(i as f64 - 0.35, 0.0), (i as f64 + 0.35, v.max(0.0))], colour.filled())
        }))?;
        metas.push(Meta::from_area(chart.plotting_area(), n, false));
    }
    area.present()?;
    // Hover: the left panel's bars (both panels list the deals in the same order).
    Ok(metas[0])
}
