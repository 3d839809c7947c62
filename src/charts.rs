//! Charts drawn against any plotters backend, so the same function renders to
//! `<canvas>` in the browser and to SVG in native tests.

use plotters::prelude::*;

use crate::model::Outcome;

/// Accelerators online per quarter, with the peak marked.
pub fn draw_deployment<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    outcome: &Outcome,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let rows = &outcome.quarters;
    let n = rows.len().max(1);
    let y_max = (outcome.accelerators_peak * 1.1).max(1.0);
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..n as f64, 0.0..y_max)?;
    chart
        .configure_mesh()
        .x_desc("quarter")
        .y_desc("accelerators online")
        .x_label_formatter(&|i| rows.get(*i as usize).map(|r| r.quarter.clone()).unwrap_or_default())
        .y_label_formatter(&|v| format!("{:.0}k", v / 1000.0))
        .draw()?;
    chart.draw_series(AreaSeries::new(
        rows.iter().enumerate().map(|(i, r)| (i as f64, r.accelerators_online)),
        0.0,
        BLUE.mix(0.25),
    )
    .border_style(BLUE.stroke_width(2)))?;
    area.present()?;
    Ok(())
}
