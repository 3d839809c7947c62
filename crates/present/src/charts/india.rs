//! Chart 11: what it means for India. The deal's price per GPU-hour, the
//! cost of the same capacity built here and built in India (India's site
//! inputs: `computedeal_core::india`), and the IndiaAI Mission's market and
//! subsidised rates, converted from rupees at the view's rate; the summary
//! adds capex, energy and CO2 side by side.

use plotters::prelude::*;

use super::common::{DrawResult, Meta, Table, Theme};
use crate::i18n::{fill, Messages};
use computedeal_core::india::{Comparison, Rate, INDIAAI};
use computedeal_core::outputs::{Output, Unit};

/// What the chart draws: the comparison, and rupees per US dollar for
/// IndiaAI's rupee rates.
#[derive(Clone, Debug, PartialEq)]
pub struct IndiaView {
    pub comparison: std::rc::Rc<Comparison>,
    pub inr_per_usd: f64,
    /// The deal's chip is a GPU (prices per "GPU-hour").
    pub gpu: bool,
}

/// The rows, in US dollars per accelerator-hour: (label, value, which bar colour).
fn rows(v: &IndiaView, m: &Messages) -> Vec<(String, f64, usize)> {
    let get = |o: &computedeal_core::model::Outcome, k: Output| o.get(k).unwrap_or(f64::NAN);
    let mut r = vec![
        (m.in_deal_price.to_string(), get(&v.comparison.here, Output::price_usd_per_accelerator_hour), 0),
        (m.in_cost_here.to_string(), get(&v.comparison.here, Output::cost_usd_per_accelerator_hour), 5),
        (m.in_cost_india.to_string(), get(&v.comparison.india, Output::cost_usd_per_accelerator_hour), 1),
    ];
    for (rate, inr, _) in INDIAAI {
        let label = match rate {
            Rate::Market => m.in_indiaai_market,
            Rate::Subsidised => m.in_indiaai_subsidised,
        };
        r.push((label.to_string(), inr / v.inr_per_usd, 2));
    }
    r
}

pub fn table(v: &IndiaView, m: &Messages) -> Table {
    let price = fill(m.ax_price_hour, &[("unit", m.hour(v.gpu))]);
    let mut t = Table::new(m.tl_india, &[(&price, Unit::UsdPerHour)]);
    for (label, usd, _) in rows(v, m) {
        t.rows.push((label, vec![usd]));
    }
    t
}

/// The chart's sentences: the cost per GPU-hour here and in India, capex,
/// energy and CO2 side by side, and IndiaAI's rates.
pub fn summary(v: &IndiaView, fmt: &crate::format::Fmt) -> String {
    let m = crate::i18n::messages(fmt.lang);
    let (h, i) = (&v.comparison.here, &v.comparison.india);
    let val = |o: &computedeal_core::model::Outcome, k: Output| o.get(k).map(|x| fmt.value(x, k.unit())).unwrap_or_else(|| "—".into());
    let inr = |rate: Rate| INDIAAI.iter().find(|r| r.0 == rate).map(|r| fmt.value(r.1 / v.inr_per_usd, Unit::UsdPerHour)).unwrap_or_default();
    fill(
        m.s_india,
        &[
            ("cost_here", &val(h, Output::cost_usd_per_accelerator_hour)),
            ("cost_india", &val(i, Output::cost_usd_per_accelerator_hour)),
            ("capex_here", &val(h, Output::capex_usd)),
            ("capex_india", &val(i, Output::capex_usd)),
            ("energy_here", &val(h, Output::energy_gwh_per_year)),
            ("energy_india", &val(i, Output::energy_gwh_per_year)),
            ("co2_here", &val(h, Output::co2_kt_per_year)),
            ("co2_india", &val(i, Output::co2_kt_per_year)),
            ("price", &val(h, Output::price_usd_per_accelerator_hour)),
            ("market", &inr(Rate::Market)),
            ("subsidised", &inr(Rate::Subsidised)),
        ],
    )
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, v: &IndiaView, theme: &Theme) -> DrawResult<DB> {
    let m = theme.m();
    let fx = theme.fmt.fx;
    area.fill(&theme.background)?;
    let rows = rows(v, m);
    let n = rows.len();
    let hi = rows.iter().map(|r| r.1).filter(|x| x.is_finite()).fold(0.01f64, f64::max) * 1.25 * fx;
    let labels: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let widest = labels.iter().map(|l| area.estimate_text_size(l, &theme.font(11.0)).map(|s| s.0).unwrap_or(0)).max().unwrap_or(0);
    let label_area = (widest + theme.px(14.0)).min(area.dim_in_pixel().0 / 2);
    let mut chart = ChartBuilder::on(area)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(label_area)
        .build_cartesian_2d(0.0..hi, -0.5..(n as f64 - 0.5))?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.muted)
        .label_style(theme.font(11.0))
        .axis_desc_style(theme.font(11.0))
        .x_desc(theme.money_desc(&fill(m.ax_price_hour, &[("unit", m.hour(v.gpu))])))
        .x_labels(theme.label_count(area.dim_in_pixel().0, 6))
        .x_label_formatter(&|x| theme.fmt.axis(*x / fx, Unit::UsdPerHour))
        .y_labels(n)
        .y_label_formatter(&|y| {
            let i = (n as f64 - 1.0 - y).round();
            if (y - y.round()).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).map(|s| s.to_string()).unwrap_or_default()
            } else {
                String::new()
            }
        })
        .draw()?;
    // Top to bottom in the rows' order; each bar's value at its end.
    let h = 0.32;
    for (k, (_, usd, colour)) in rows.iter().enumerate() {
        if !usd.is_finite() {
            continue;
        }
        let y = n as f64 - 1.0 - k as f64;
        let c = theme.series[*colour];
        chart.draw_series(std::iter::once(Rectangle::new([(0.0, y - h), (usd * fx, y + h)], c.filled())))?;
        let text = theme.fmt.value(*usd, Unit::UsdPerHour);
        chart.draw_series(std::iter::once(Text::new(
            text,
            (usd * fx, y),
            theme.font(11.0).pos(plotters::style::text_anchor::Pos::new(plotters::style::text_anchor::HPos::Left, plotters::style::text_anchor::VPos::Center)),
        )))?;
    }
    let meta = Meta::from_area(chart.plotting_area(), n, true);
    area.present()?;
    Ok(meta)
}
