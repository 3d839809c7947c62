//! Charts drawn against any plotters backend, so the same function renders to
//! `<canvas>` in the browser and to SVG in native tests.

use plotters::prelude::*;

/// Price per accelerator-hour as the accelerator count varies, with the
/// current scenario marked.
pub fn draw_price_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    value_usd: f64,
    term_years: f64,
    accelerators: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    use crate::model::price_usd_per_accelerator_hour as price;
    area.fill(&WHITE)?;
    let lo = (accelerators / 4.0).max(1.0);
    let hi = accelerators * 4.0;
    let points: Vec<(f64, f64)> = (0..=80)
        .map(|i| {
            let n = lo * (hi / lo).powf(i as f64 / 80.0);
            (n, price(value_usd, term_years, n))
        })
        .collect();
    let y_max = points.iter().map(|p| p.1).fold(0.0_f64, f64::max) * 1.05;
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(56)
        .build_cartesian_2d((lo..hi).log_scale(), 0.0..y_max)?;
    chart
        .configure_mesh()
        .x_desc("accelerators")
        .y_desc("USD per accelerator-hour")
        .x_label_formatter(&|n| format!("{:.0}k", n / 1000.0))
        .draw()?;
    chart.draw_series(LineSeries::new(points, BLUE.stroke_width(2)))?;
    let here = (accelerators, price(value_usd, term_years, accelerators));
    chart.draw_series(std::iter::once(Circle::new(here, 5, RED.filled())))?;
    area.present()?;
    Ok(())
}
