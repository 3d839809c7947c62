//! Chart 7: the deals side by side: price per accelerator-hour, and
//! contract revenue per GW-year of IT load.

use plotters::prelude::*;

use super::common::{nice_ceiling, DrawResult, Meta, Table, Theme};
use crate::i18n::Messages;
use computedeal_core::model::Outcome;
use computedeal_core::outputs::{Output, Unit};
use computedeal_core::presets::PresetId;
use computedeal_core::scenario::Scenario;

/// One deal's point on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct DealPoint {
    /// The deal's full name (the table and the chart's summary).
    pub name: String,
    /// Its short name, on the chart beside its bars.
    pub label: String,
    pub price_usd_per_accelerator_hour: f64,
    pub usd_per_gw_year: f64,
    /// The scenario on screen (highlighted).
    pub current: bool,
}

/// The deals side by side: every preset as published, except the one the
/// scenario starts from, which shows the scenario as it stands (named as
/// the reader made it, highlighted).
pub fn deal_points(lang: crate::i18n::Lang, s: &Scenario, o: &Outcome, preset_outcomes: &[(PresetId, Outcome)]) -> Vec<DealPoint> {
    let point = |name: String, id: PresetId, o: &Outcome, current: bool| DealPoint {
        name,
        label: crate::i18n::preset_text(lang, id).short.to_string(),
        price_usd_per_accelerator_hour: o.out.price_usd_per_accelerator_hour,
        usd_per_gw_year: o.get(Output::usd_per_gw_year).unwrap_or(0.0),
        current,
    };
    preset_outcomes
        .iter()
        .map(|(id, po)| {
            if *id == s.preset.id {
                point(crate::reading::scenario_name(lang, s), *id, o, true)
            } else {
                point(crate::i18n::preset_text(lang, *id).name.to_string(), *id, po, false)
            }
        })
        .collect()
}

pub fn table(points: &[DealPoint], m: &Messages) -> Table {
    let mut t = Table::new(m.tl_deal, &[(m.cap_price, Unit::UsdPerHour), (m.tc_gw_year, Unit::UsdPerYear)]);
    for p in points {
        t.rows.push((p.name.clone(), vec![p.price_usd_per_accelerator_hour, p.usd_per_gw_year]));
    }
    t
}

/// The width in backend pixels that `labels` need at `css` px, with room to spare.
fn label_width(theme: &Theme, labels: &[&str], css: f64) -> u32 {
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4) as f64;
    theme.px(widest * css * 0.58 + 14.0)
}

/// Both panels list the deals down the y axis, named once on the left (the
/// short names): a name is readable at any width, a number needs a key.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, points: &[DealPoint], theme: &Theme) -> DrawResult<DB> {
    area.fill(&theme.background)?;
    let n = points.len().max(1);
    let width = area.dim_in_pixel().0;
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    // Names take at most 40% of the width; the panels share the rest.
    let names = label_width(theme, &labels, 10.0).min(width * 2 / 5);
    let (left, right) = area.split_horizontally(names + (width - names) / 2);
    let mut metas = Vec::new();
    let m = theme.m();
    for (panel, k, title) in [(&left, 0usize, m.cap_price), (&right, 1usize, m.cap_gw_year)] {
        // Drawn in the display currency, so the axis ticks are round in it.
        let fx = theme.fmt.fx;
        let value = |p: &DealPoint| fx * if k == 0 { p.price_usd_per_accelerator_hour } else { p.usd_per_gw_year };
        let top = nice_ceiling(points.iter().map(value).fold(0.0, f64::max) * 1.1);
        let unit = if k == 0 { Unit::UsdPerHour } else { Unit::Usd };
        // The caption shrinks to fit a phone's half width (about 0.6 em a character).
        let css_width = panel.dim_in_pixel().0 as f64 / theme.scale - 16.0;
        let caption = (css_width / (title.chars().count() as f64 * 0.6)).clamp(9.0, 12.0);
        let mut chart = ChartBuilder::on(panel)
            .margin(theme.px(8.0))
            // Room for the last tick label, which is centred on the axis's end.
            .margin_right(theme.px((theme.fmt.axis(top / fx, unit).chars().count() as f64 * 3.3 + 4.0).max(18.0)))
            .caption(title, theme.font(caption))
            .x_label_area_size(theme.px(22.0))
            .y_label_area_size(if k == 0 { names } else { 0 })
            .build_cartesian_2d(0.0..top, 0.0..n as f64)?;
        let panel_width = panel.dim_in_pixel().0.saturating_sub(if k == 0 { names } else { 0 });
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(theme.grid)
            .axis_style(theme.muted)
            .label_style(theme.muted_font(10.0))
            // Ticks every half row; a name on each bar's middle, the first deal at the top.
            .y_labels(2 * n + 1)
            .y_label_formatter(&|y| {
                if k != 0 || ((y - 0.5).fract()).abs() > 1e-9 || *y < 0.0 {
                    return String::new();
                }
                let row = n as f64 - 1.0 - y.floor();
                labels.get(row as usize).map(|l| l.to_string()).unwrap_or_default()
            })
            .x_labels(theme.label_count(panel_width, 4).min(3))
            .x_label_formatter(&|v| theme.fmt.axis(*v / fx, unit))
            .draw()?;
        chart.draw_series(points.iter().enumerate().map(|(i, p)| {
            let y = (n - 1 - i) as f64;
            let colour = if p.current { theme.series[1] } else { theme.series[0] };
            Rectangle::new([(0.0, y + 0.18), (value(p).max(0.0), y + 0.82)], colour.filled())
        }))?;
        metas.push(Meta::from_area(chart.plotting_area(), n, true));
    }
    area.present()?;
    // Hover: the left panel's rows (both panels list the deals in the same order).
    Ok(metas[0])
}
