//! Every chart renders to SVG for a fixed scenario (the default deal, a
//! 20,000-sample Monte Carlo with seed 1). The SVGs are kept in
//! `tests/snapshots/` for review; a change fails the test until the new
//! pictures are looked at and accepted with `UPDATE_SNAPSHOTS=1 cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use computedeal_core::batch::Engine;
use computedeal_core::codec::decode_query;
use computedeal_core::mc;
use computedeal_core::model::evaluate;
use computedeal_core::outputs::{Output, Unit};
use computedeal_core::presets::PRESETS;
use computedeal_core::scenario::Scenario;
use computedeal_core::sensitivity;
use computedeal_present::charts::{self, presets::DealPoint, Meta, Theme};
use computedeal_present::i18n::{preset_text, Lang};
use plotters::prelude::*;

const W: u32 = 720;
const H: u32 = 380;

fn render(name: &str, draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Meta) -> (String, Meta) {
    let mut svg = String::new();
    let meta = {
        let backend = SVGBackend::with_string(&mut svg, (W, H));
        let area = backend.into_drawing_area();
        draw(&area)
    };
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.svg"));
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() || !path.exists() {
        std::fs::write(&path, &svg).expect("snapshot written");
    } else {
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(old == svg, "{name}.svg changed: look at the new picture and accept it with UPDATE_SNAPSHOTS=1");
    }
    (svg, meta)
}

fn scenario() -> Scenario {
    decode_query("samples=20000").scenario
}

#[test]
fn every_chart_renders_its_data() {
    let theme = Theme::light(1.0);
    let s = scenario();
    let o = evaluate(&s.inputs);
    let summary = mc::run_here(&mc::Setup::new(&s, Engine::Simd));

    let (svg, meta) = render("deployment", |a| charts::deployment::draw(a, &o, None, &theme).expect("drawn"));
    assert!(svg.contains("accelerators online") && svg.contains("facility MW"));
    assert_eq!(meta.rows, 28);
    // The 28 quarters of the deal, as bars; the ramp's first quarter at 20%.
    assert_eq!(charts::deployment::table(&o, &computedeal_present::en::EN).rows[0].1[0], 40_000.0);

    let (svg, meta) = render("pnl", |a| charts::pnl::draw(a, &o, None, &theme).expect("drawn"));
    assert!(svg.contains("depreciation") && svg.contains("revenue"));
    assert_eq!(meta.rows, o.years.len());
    // The table carries each year's EBIT margin, as the model's years do.
    let t = charts::pnl::table(&o, &computedeal_present::en::EN);
    for (row, y) in t.rows.iter().zip(&o.years) {
        assert_eq!(row.1[5].to_bits(), y.ebit_margin.to_bits());
        assert_eq!(row.1[4], y.revenue_usd - y.book_depreciation_usd - y.energy_usd - y.other_opex_usd);
    }

    let (svg, meta) = render("cost", |a| charts::cost_stack::draw(a, &o, None, &theme).expect("drawn"));
    assert!(svg.contains("capital: accelerators") && svg.contains("revenue"));
    assert_eq!(meta.rows, o.years.len());

    let (svg, _) = render("cashflow", |a| charts::cash_flow::draw(a, &o, &summary.bands, None, &theme).expect("drawn"));
    assert!(svg.contains("P10–P90") && svg.contains("payback 4.8 yr"), "{}", &svg[..200]);

    let npv = summary.get(Output::npv_usd).expect("summarized");
    let (svg, meta) = render("histogram", |a| charts::histogram::draw(a, npv, Unit::Usd, Some(0.0), &theme).expect("drawn"));
    assert!(svg.contains("P5") && svg.contains("P50") && svg.contains("P95"));
    assert_eq!(meta.rows, mc::HISTOGRAM_BINS);

    let tornado = sensitivity::tornado(&s);
    let (svg, meta) = render("tornado", |a| charts::tornado::draw(a, &tornado, Output::npv_usd, Unit::Usd, &theme).expect("drawn"));
    assert!(svg.contains("Accelerators") && svg.contains("input at its P10"));
    assert_eq!(meta.rows, 10);
    assert!(meta.vertical);

    let grid = sensitivity::price_availability(&s, 48, 26);
    let (svg, meta) = render("heatmap", |a| charts::heatmap::draw(a, &grid, &theme).expect("drawn"));
    assert!(svg.contains("break-even") && svg.contains("this scenario"));
    assert_eq!(meta.rows, 26);

    let points: Vec<DealPoint> = PRESETS
        .iter()
        .map(|p| {
            let o = evaluate(&p.inputs());
            let name = preset_text(Lang::En, p.id).name.into();
            DealPoint {
                name,
                label: preset_text(Lang::En, p.id).short.into(),
                price_usd_per_accelerator_hour: o.out.price_usd_per_accelerator_hour,
                usd_per_gw_year: o.get(Output::usd_per_gw_year).unwrap_or(0.0),
                current: p.id == s.preset.id,
            }
        })
        .collect();
    let (svg, meta) = render("presets", |a| charts::presets::draw(a, &points, &theme).expect("drawn"));
    assert!(svg.contains("price per accelerator-hour"));
    // Each bar is named (its short name), not numbered.
    for p in PRESETS {
        assert!(svg.contains(preset_text(Lang::En, p.id).short), "{} is named", p.id.key());
    }
    assert_eq!(meta.rows, PRESETS.len());
    assert!(meta.vertical, "the deals run down the y axis");
}

#[test]
fn dark_theme_and_high_dpi_render_too() {
    let theme = Theme::dark(2.0);
    let o = evaluate(&scenario().inputs);
    let (svg, _) = render("deployment-dark-2x", |a| charts::deployment::draw(a, &o, None, &theme).expect("drawn"));
    // Dark background, text scaled for a 2× screen.
    assert!(svg.contains("#0F1419") || svg.contains("#0f1419"), "{}", &svg[..300]);
    // Text at twice the 1× size (plotters writes an 11-point label as 8.87 px).
    assert!(svg.contains("font-size=\"17.74"), "{}", &svg[..300]);
}

#[test]
fn in_hindi_and_rupees_with_scenario_a_overlaid() {
    use computedeal_present::format::{Currency, Fmt};
    use computedeal_present::hi::HI;
    let theme = Theme::light(1.0).with_fmt(Fmt::new(Lang::Hi, Currency::Inr, 88.7));
    let o = evaluate(&scenario().inputs);
    let a = evaluate(&decode_query("value_usd=30e9").scenario.inputs);
    let (svg, _) = render("cashflow-hi-inr-compare", |area| charts::cash_flow::draw(area, &o, &[], Some(&a), &theme).expect("drawn"));
    assert!(svg.contains(HI.lg_scenario_a), "A is in the legend, in Hindi");
    assert!(svg.contains("₹") && svg.contains("करोड़"), "rupee axis in crore");
    let (svg, _) = render("cost-hi-inr-compare", |area| charts::cost_stack::draw(area, &o, Some(&a), &theme).expect("drawn"));
    assert!(svg.contains(HI.lg_revenue) && svg.contains(HI.lg_scenario_a));
    // Both of A's lines: its revenue and its cost.
    assert!(svg.contains(&format!("{}: {}", HI.lg_scenario_a, HI.lg_revenue)) && svg.contains(&format!("{}: {}", HI.lg_scenario_a, HI.lg_cost)));
    // The table's headers are in Hindi; its numbers stay in base units.
    let t = charts::cost_stack::table(&o, &HI);
    assert!(t.columns.iter().any(|c| c == HI.lg_energy));
    assert_eq!(t.rows.len(), o.years.len());
}

/// The charts whose legend sits over the top of their data keep the data
/// below it: at a desktop's, a phone's and a narrow phone's size, at 1× and
/// 2×, in English and in Hindi, with and without scenario A. The legend's
/// box is the one drawn (measured text); the room for it is an estimate.
#[test]
fn legends_never_cover_the_data() {
    use computedeal_present::format::{Currency, Fmt};
    let s = scenario();
    let o = evaluate(&s.inputs);
    // A with more revenue and more accelerators than B: its lines are the highest.
    let a = evaluate(&decode_query("value_usd=60e9&accelerators=260000").scenario.inputs);
    // With an expansion: a third entry in the deployment's legend.
    let e = evaluate(&decode_query("preset=aws-openai-2026-138b").scenario.inputs);
    let sizes = [(820u32, 300u32, 1.0), (360, 300, 1.0), (720, 600, 2.0), (640, 560, 2.0)];
    let fmts = [Fmt::default(), Fmt::new(Lang::Hi, Currency::Inr, 88.7)];
    let mut checked = 0;
    for (w, h, scale) in sizes {
        for fmt in fmts {
            let theme = Theme::light(scale).with_fmt(fmt);
            for (b, a) in [(&o, None), (&o, Some(&a)), (&e, None), (&e, Some(&o))] {
                let metas = [
                    ("deployment", draw_at(w, h, |area| charts::deployment::draw(area, b, a, &theme).expect("drawn"))),
                    ("cost", draw_at(w, h, |area| charts::cost_stack::draw(area, b, a, &theme).expect("drawn"))),
                    ("pnl", draw_at(w, h, |area| charts::pnl::draw(area, b, a, &theme).expect("drawn"))),
                ];
                for (name, meta) in metas {
                    let legend = meta.legend.expect("a legend");
                    let top = meta.data_top.expect("the data's top");
                    assert!(
                        legend[3] <= top,
                        "{name} at {w}×{h} ×{scale} {:?}, A {}: legend bottom {} below the data's top {top}",
                        fmt.lang,
                        a.is_some(),
                        legend[3]
                    );
                    assert!(top >= meta.y0 && legend[1] >= meta.y0, "{name}: both inside the plot");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 4 * 2 * 4 * 3);
}

fn draw_at(w: u32, h: u32, draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Meta) -> Meta {
    let mut svg = String::new();
    let backend = SVGBackend::with_string(&mut svg, (w, h));
    let area = backend.into_drawing_area();
    draw(&area)
}
