//! Every chart renders to SVG for a fixed scenario (the default deal, a
//! 20,000-sample Monte Carlo with seed 1). The SVGs are kept in
//! `tests/snapshots/` for review; a change fails the test until the new
//! pictures are looked at and accepted with `UPDATE_SNAPSHOTS=1 cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use computedeal_core::codec::decode_query;
use computedeal_core::model::evaluate;
use computedeal_core::outputs::{Output, Unit};
use computedeal_core::portfolio::Choices;
use computedeal_core::presets::PRESETS;
use computedeal_core::scenario::Scenario;
use computedeal_engine::batch::Engine;
use computedeal_engine::mc;
use computedeal_engine::sensitivity;
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
    assert!(svg.contains("P10–P90") && svg.contains("payback 4.6 yr"), "{}", &svg[..200]);

    let npv = summary.get(Output::npv_usd).expect("summarized");
    let (svg, meta) = render("histogram", |a| charts::histogram::draw(a, npv, Unit::Usd, Some(0.0), &theme).expect("drawn"));
    assert!(svg.contains("P5") && svg.contains("P50") && svg.contains("P95"));
    assert_eq!(meta.rows, mc::HISTOGRAM_BINS);

    let tornado = sensitivity::tornado(&s);
    let (svg, meta) = render("tornado", |a| charts::tornado::draw(a, &tornado, Output::npv_usd, Unit::Usd, &theme).expect("drawn"));
    assert!(svg.contains("Accelerators") && svg.contains("input at its P10"));
    // The ten widest swings, and the market's inputs together under them.
    assert!(svg.contains("The market, together") && svg.contains("the market&apos;s inputs together, worse to better"));
    assert_eq!(meta.rows, 11);
    let table = charts::tornado::table(&tornado, Output::npv_usd, Unit::Usd, Lang::En);
    let market = tornado.market.as_ref().expect("the market's inputs are uncertain");
    let last = table.rows.last().expect("rows");
    assert_eq!(last.0, "The market, together");
    assert!(last.1[0].is_nan() && last.1[1].is_nan());
    assert_eq!((last.1[2], last.1[3]), (*market.low.get(Output::npv_usd), *market.high.get(Output::npv_usd)));
    let sentence = charts::tornado::summary(
        &tornado,
        Output::npv_usd,
        Unit::Usd,
        &computedeal_present::format::Fmt::new(Lang::En, computedeal_present::format::Currency::Usd, 1.0),
    )
    .expect("a sentence");
    assert!(sentence.contains("The market's inputs together (") && sentence.contains("Market rent decline"), "{sentence}");
    assert!(meta.vertical);

    let grid = sensitivity::price_availability(&s, 48, 26);
    let (svg, meta) = render("heatmap", |a| charts::heatmap::draw(a, &grid, true, &theme).expect("drawn"));
    assert!(svg.contains("break-even") && svg.contains("this scenario"));
    // One deal's chart names its chip's hour; the deals compared keep "accelerator-hour".
    assert!(svg.contains("price per GPU-hour") && !svg.contains("accelerator-hour"));
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

/// No legend covers data. On a wide chart the deployment and P&L charts
/// keep their legend in the upper right and their data below it; on a
/// narrow one (a phone), and always for the cost chart (six to eight
/// entries) and the charts whose data can fill any corner (cash flow,
/// tornado, heatmap), the legend sits in rows above the plot. Checked at a desktop's, a phone's and a narrow phone's size, at 1×
/// and 2×, in English and in Hindi, with and without scenario A. The
/// legend's box is the one drawn (measured text); the room kept for it is
/// worked out before the chart is built.
#[test]
fn legends_never_cover_the_data() {
    use computedeal_present::format::{Currency, Fmt};
    let s = scenario();
    let o = evaluate(&s.inputs);
    // A with more revenue and more accelerators than B: its lines are the highest.
    let a = evaluate(&decode_query("value_usd=60e9&accelerators=260000").scenario.inputs);
    // With an expansion: a third entry in the deployment's legend.
    let e = evaluate(&decode_query("preset=aws-openai-2026-138b").scenario.inputs);
    let summary = mc::run_here(&mc::Setup::new(&s, Engine::Simd));
    let tornado = sensitivity::tornado(&s);
    let grid = sensitivity::price_availability(&s, 24, 13);
    // (width, height, scale): desktop 1×, phone 1×, phone 2×, narrow phone 2×, desktop 2×.
    let sizes = [(820u32, 300u32, 1.0), (360, 240, 1.0), (720, 480, 2.0), (640, 480, 2.0), (1640, 600, 2.0)];
    let fmts = [Fmt::default(), Fmt::new(Lang::Hi, Currency::Inr, 88.7)];
    let mut checked = 0;
    for (w, h, scale) in sizes {
        for fmt in fmts {
            let theme = Theme::light(scale).with_fmt(fmt);
            let narrow = theme.narrow(w);
            for (b, a) in [(&o, None), (&o, Some(&a)), (&e, None), (&e, Some(&o))] {
                let metas = [
                    ("deployment", true, draw_at(w, h, |area| charts::deployment::draw(area, b, a, &theme).expect("drawn"))),
                    ("cost", false, draw_at(w, h, |area| charts::cost_stack::draw(area, b, a, &theme).expect("drawn"))),
                    ("pnl", true, draw_at(w, h, |area| charts::pnl::draw(area, b, a, &theme).expect("drawn"))),
                    ("cashflow", false, draw_at(w, h, |area| charts::cash_flow::draw(area, b, &summary.bands, a, &theme).expect("drawn"))),
                    ("tornado", false, draw_at(w, h, |area| charts::tornado::draw(area, &tornado, Output::npv_usd, Unit::Usd, &theme).expect("drawn"))),
                    ("heatmap", false, draw_at(w, h, |area| charts::heatmap::draw(area, &grid, true, &theme).expect("drawn"))),
                ];
                for (name, inside_when_wide, meta) in metas {
                    let legend = meta.legend.expect("a legend");
                    let plot_top = meta.y0.min(meta.y1);
                    let what = format!("{name} at {w}×{h} ×{scale} {:?}, A {}", fmt.lang, a.is_some());
                    if inside_when_wide && !narrow {
                        // Inside the plot's upper right, the data below it.
                        let top = meta.data_top.expect("the data's top");
                        assert!(legend[1] >= plot_top && legend[2] <= meta.x1.max(meta.x0) + 1.0, "{what}: legend inside the plot");
                        assert!(legend[3] <= top, "{what}: legend bottom {} below the data's top {top}", legend[3]);
                    } else {
                        // Above the plot: it ends where the plot's area begins.
                        assert!(legend[3] <= plot_top, "{what}: legend bottom {} below the plot's top {plot_top}", legend[3]);
                        assert!(legend[2] <= w as f64 && legend[0] >= 0.0, "{what}: legend inside the chart");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 5 * 2 * 4 * 6);
}

fn draw_at(w: u32, h: u32, draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Meta) -> Meta {
    let mut svg = String::new();
    let backend = SVGBackend::with_string(&mut svg, (w, h));
    let area = backend.into_drawing_area();
    draw(&area)
}

/// The money ticks in the SVG: each `>₹…<` text as rupees.
fn rupee_ticks(svg: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for part in svg.split('>').skip(1) {
        let text = part.split('<').next().unwrap_or("").trim();
        let (negative, rest) = match text.strip_prefix('−') {
            Some(r) => (true, r),
            None => (false, text),
        };
        let Some(rest) = rest.strip_prefix('₹') else { continue };
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').filter(|c| *c != ',').collect();
        let scale = match rest[digits.len()..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.').trim() {
            "lakh crore" => 1e12,
            "crore" => 1e7,
            "lakh" => 1e5,
            "" => 1.0,
            other => panic!("unexpected scale {other:?} in {text:?}"),
        };
        let v: f64 = digits.parse::<f64>().expect("a number") * scale;
        out.push(if negative { -v } else { v });
    }
    out
}

/// In rupees, money axes tick at round rupee values (1, 2 or 5 × 10^k
/// apart, each a multiple of the step), not at converted dollar ticks
/// (₹17,740 crore apart for $2B at 88.7).
#[test]
fn rupee_axes_tick_at_round_rupees() {
    use computedeal_present::format::{Currency, Fmt};
    let s = scenario();
    let theme = Theme::light(1.0).with_fmt(Fmt::new(Lang::En, Currency::Inr, 88.7));
    let summary = mc::run_here(&mc::Setup::new(&s, Engine::Simd));
    let npv = summary.get(Output::npv_usd).expect("summarized");
    let tornado = sensitivity::tornado(&s);
    let grid = sensitivity::price_availability(&s, 24, 13);
    let svgs = [
        ("histogram", draw_svg(|a| charts::histogram::draw(a, npv, Unit::Usd, Some(0.0), &theme).expect("drawn"))),
        ("tornado", draw_svg(|a| charts::tornado::draw(a, &tornado, Output::npv_usd, Unit::Usd, &theme).expect("drawn"))),
        ("heatmap", draw_svg(|a| charts::heatmap::draw(a, &grid, true, &theme).expect("drawn"))),
        ("cost", draw_svg(|a| charts::cost_stack::draw(a, &evaluate(&s.inputs), None, &theme).expect("drawn"))),
    ];
    for (name, svg) in svgs {
        let mut ticks = rupee_ticks(&svg);
        ticks.sort_by(f64::total_cmp);
        ticks.dedup();
        assert!(ticks.len() >= 3, "{name}: {ticks:?}");
        let step = ticks.windows(2).map(|w| w[1] - w[0]).fold(f64::INFINITY, f64::min);
        let mantissa = step / 10f64.powf(step.log10().floor());
        assert!([1.0, 2.0, 2.5, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-6), "{name}: step {step} in {ticks:?}");
        for t in &ticks {
            assert!(((t / step) - (t / step).round()).abs() < 1e-6, "{name}: {t} is not a multiple of {step}");
        }
    }
}

fn draw_svg(draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Meta) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        draw(&area);
    }
    svg
}

/// A downloaded image keeps its provenance: the title and subtitle above
/// the chart, the source line and the view's address below it, wrapped to
/// the width (a long address breaks inside itself), and the chart's plot
/// between them. At a desktop's and a narrow phone's width.
#[test]
fn a_framed_chart_carries_its_title_source_and_address() {
    let s = scenario();
    let o = evaluate(&s.inputs);
    let url = "https://example.org/computedeal/?preset=aws-openai-2025&pue=1.3&electricity_usd_per_mwh=95&chart=cost&lang=en";
    let frame = charts::Frame {
        title: "Costs and revenue by year".into(),
        subtitle: Some("AWS–OpenAI (Nov 2025), your changes".into()),
        source: computedeal_present::reading::source_line(Lang::En, &s),
        url: url.into(),
    };
    assert!(frame.source.starts_with("computedeal · data as of 20") && frame.source.ends_with("· figures CC BY 4.0"), "{}", frame.source);
    for (w, h) in [(820u32, 420u32), (320, 360)] {
        let mut svg = String::new();
        let meta = {
            let area = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            charts::ChartInput::CostStack(std::rc::Rc::new(o.clone()), None).draw_framed(&area, &Theme::light(1.0), &frame).expect("drawn")
        };
        // Every text element's content, in order.
        let texts: Vec<String> =
            svg.split("<text").skip(1).map(|t| t.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("").trim().to_string()).collect();
        let all = texts.join(" ");
        for part in ["Costs and revenue by year", "AWS–OpenAI (Nov 2025), your changes"] {
            assert!(all.contains(part) || texts.iter().any(|t| part.starts_with(t.as_str()) && !t.is_empty()), "{w}: {part} in {texts:?}");
        }
        assert!(all.replace("&amp;", "&").contains("data as of"), "{w}: the source line");
        // The address, maybe over several lines, reads back whole.
        let joined: String = texts.iter().filter(|t| t.starts_with("https://") || t.contains("=")).cloned().collect::<Vec<_>>().join("").replace("&amp;", "&");
        assert!(joined.contains(url), "{w}: {joined}");
        // The plot lies between the title and the source line.
        let (top, bottom) = (meta.y0.min(meta.y1), meta.y0.max(meta.y1));
        assert!(top > 30.0 && bottom < h as f64 - 30.0, "{w}: plot {top}–{bottom} of {h}");
    }
}

/// The deal against the rental market: the default deal (GB200) against
/// its chip's published rents, through the same `ChartInput::of` the page
/// and `computedeal chart` use.
#[test]
fn the_market_chart_draws_the_deal_its_chips_rents_and_both_curves() {
    use computedeal_present::charts::{market, ChartData, ChartId, ChartInput};
    use computedeal_present::format::{Currency, Fmt};
    let s = scenario();
    let summary = mc::run_here(&mc::Setup::new(&s, Engine::Simd));
    let data = ChartData::compute(Lang::En, &s, None, Some(summary), Output::npv_usd, &Choices::default());
    let ChartInput::Market(view) = ChartInput::of(ChartId::Market, &data) else { panic!("the market chart's input") };
    // The model's horizon: from 2025Q4 (2025.75) to the end of 2032Q4, the
    // quarter the assets leave (the cash-flow chart's span).
    assert_eq!((view.start, view.end), (2025.75, 2033.0));
    assert_eq!(view.chip, "gb300");
    // GB300's published rents by date: Microsoft–IREN's contract (2025-11,
    // $2.91), a 5-year B300 reservation (2026, $3.25), Hyperstack's B300
    // (2026-08-26, $7.40), CoreWeave's B300 spot (2026-09-20, $4.48),
    // RunPod's B300 (2026-10-07, $7.89).
    let now: Vec<f64> = view.prices.iter().filter(|p| !p.4).map(|p| p.2).collect();
    assert_eq!(now, vec![2.91, 3.25, 7.40, 4.48, 7.89]);
    // The model's curve at its default decline of 22% a year: $3.08 (the
    // GB300's committed median) at the start, $3.08 × 0.78² = $1.873872
    // two years in.
    assert!((view.curve(view.decline, 2027.75) - 1.873872).abs() < 1e-12);
    let (lo, hi) = view.band.expect("the Monte Carlo's P5 and P95");
    assert!(lo < view.price && view.price < hi, "{lo} < {} < {hi}", view.price);
    let text = market::summary(&view, &Fmt::new(Lang::En, Currency::Usd, 1.0));
    assert!(text.contains("$3.04 per GPU-hour") && text.contains("from $2.91 to $7.89") && text.contains("snapshot of 2026-11-09"), "{text}");
    assert!(text.contains("fall 22.0% a year; the model assumes 22.0%"), "{text}");
    let theme = Theme::light(1.0);
    let (svg, meta) = render("market", |a| market::draw(a, &view, &theme).expect("drawn"));
    for label in [
        "the deal&apos;s price",
        "P5–P95",
        "the model&apos;s market rent (−22.0% a year)",
        "at the published declines (−22.0% a year)",
        "on demand",
        "committed",
    ] {
        assert!(svg.contains(label), "the legend lacks {label:?}");
    }
    assert!(meta.legend.is_some(), "the legend sits above the plot");
    // A chip with no published rent says so, and still draws the deal and the model's curve.
    let trn = decode_query("accelerator=trn3").scenario;
    let data = ChartData::compute(Lang::Hi, &trn, None, None, Output::npv_usd, &Choices::default());
    let ChartInput::Market(view) = ChartInput::of(ChartId::Market, &data) else { panic!("input") };
    assert!(view.prices.is_empty() && view.band.is_none());
    let text = market::summary(&view, &Fmt::new(Lang::Hi, Currency::Inr, 88.7));
    assert!(text.contains("AWS Trainium3") && text.contains("कोई प्रकाशित किराया नहीं"), "{text}");
    let (svg, _) = render("market-trn3-hi", |a| market::draw(a, &view, &Theme::light(1.0).with_fmt(Fmt::new(Lang::Hi, Currency::Inr, 88.7))).expect("drawn"));
    assert!(svg.contains("सौदे की कीमत") && svg.contains("₹"), "Hindi legend, rupee axis");
}

/// The buyer's whole portfolio, with the deal on screen's slice.
#[test]
fn the_portfolio_chart_shows_the_deals_slice_of_the_commitments() {
    use computedeal_present::charts::{portfolio, ChartData, ChartId, ChartInput};
    use computedeal_present::format::{Currency, Fmt};
    let s = scenario();
    let data = ChartData::compute(Lang::En, &s, None, None, Output::npv_usd, &Choices::default());
    let ChartInput::Portfolio(view) = ChartInput::of(ChartId::Portfolio, &data) else { panic!("the portfolio chart's input") };
    // The default deal is AWS's 2025 deal: $38B of the $702.4B committed, 5.41%.
    assert_eq!(view.this_deal.as_deref(), Some("aws-2025"));
    assert!((view.slice_share().expect("a slice") - 38.0 / 702.4).abs() < 1e-12);
    let text = portfolio::summary(&view, &Fmt::new(Lang::En, Currency::Usd, 1.0));
    assert!(text.contains("peak at 257.4% of its revenue in 2027") && text.contains("This deal is 5.4% of it."), "{text}");
    // The gigawatts ramp in: 23 GW on average in 2031 of the 23.75 contracted (NVIDIA's letter of intent off).
    assert!(text.contains("Its capacity ramps in to 23.0 GW on average in 2031, of 23.8 GW contracted."), "{text}");
    // OpenAI's own statements beside the records' figure for the same measure: 30 GW said, 23.75
    // contracted here; $1.4T said, the records' $702.4B in all; $600B through 2030, the records'
    // commitments falling due 2025-2030 (the table's first six rows).
    let en = Fmt::new(Lang::En, Currency::Usd, 1.0);
    let lines: Vec<String> = view.statements.iter().map(|st| portfolio::statement_line(&view, st, &en)).collect();
    assert_eq!(lines[0], "2025-10-28, OpenAI: 30 GW. These records: 23.75 GW contracted.");
    assert_eq!(lines[1], "2025-11-06, OpenAI: $1.40T. These records: $702B in total.");
    let through_2030: f64 = view.years.iter().filter(|y| y.year <= 2030).map(|y| y.commitments_usd).sum();
    assert_eq!(view.statements[2].ours, through_2030);
    assert_eq!(lines[2], format!("2026-02-20, OpenAI: $600B. These records: {} falling due through 2030.", en.money(through_2030)));
    assert_eq!(lines[3], "2026-04-29, OpenAI: 10 GW. These records: 23.75 GW contracted.");
    // Each has its words in every language, Hindi in Devanagari (a new one shows English, marked so).
    let devanagari = |t: &str| t.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
    for st in &view.statements {
        for lang in Lang::ALL {
            let ((what, note), translated) = st.words(lang);
            assert!(translated && !what.is_empty() && !note.is_empty(), "the statement of {} has no {} words", st.date, lang.code());
        }
        let ((what, note), _) = st.words(Lang::Hi);
        assert!(devanagari(what) && devanagari(note), "the statement of {}'s Hindi words are Devanagari", st.date);
    }
    let mut new = view.statements[0].clone();
    new.date = "2027-01-01".into();
    assert_eq!(new.words(Lang::Hi), ((new.what.as_str(), new.note.as_str()), false));
    let (svg, meta) = render("portfolio", |a| portfolio::draw(a, &view, &Theme::light(1.0)).expect("drawn"));
    assert!(svg.contains("this deal") && svg.contains("the other commitments") && svg.contains("revenue, between the plans"));
    assert_eq!(meta.rows, view.years.len());
    // A deal that is not OpenAI's has no slice, in Hindi too.
    let iren = decode_query("preset=microsoft-iren-2025").scenario;
    let data = ChartData::compute(Lang::Hi, &iren, None, None, Output::npv_usd, &Choices::default());
    let ChartInput::Portfolio(view) = ChartInput::of(ChartId::Portfolio, &data) else { panic!("input") };
    assert!(view.this_deal.is_none() && view.slice_share().is_none());
    let text = portfolio::summary(&view, &Fmt::new(Lang::Hi, Currency::Inr, 88.7));
    assert!(text.contains("2031 में औसतन 23.0 GW"), "{text}");
    let (svg, _) =
        render("portfolio-hi-inr", |a| portfolio::draw(a, &view, &Theme::light(1.0).with_fmt(Fmt::new(Lang::Hi, Currency::Inr, 88.7))).expect("drawn"));
    assert!(svg.contains("बाकी प्रतिबद्धताएँ") && !svg.contains("यह सौदा") && svg.contains("₹"));
}

/// What it means for India: the default deal built in India beside as it
/// is, and IndiaAI's rates converted from rupees.
#[test]
fn the_india_chart_compares_the_build_and_indiaais_rates() {
    use computedeal_present::charts::{india, ChartData, ChartId, ChartInput};
    use computedeal_present::format::{Currency, Fmt};
    let s = scenario();
    let mut data = ChartData::compute(Lang::En, &s, None, None, Output::npv_usd, &Choices::default());
    let ChartInput::India(view) = ChartInput::of(ChartId::India, &data) else { panic!("the India chart's input") };
    let t = india::table(&view, &computedeal_present::en::EN);
    assert_eq!(t.rows.len(), 5);
    // IndiaAI's rates at the dated ₹88.7: 115.85 / 88.7 = $1.306, 67 / 88.7 = $0.755.
    assert!((t.rows[3].1[0] - 115.85 / 88.7).abs() < 1e-12 && (t.rows[4].1[0] - 67.0 / 88.7).abs() < 1e-12);
    // The deal's price is the scenario's; the India build's cost differs from the US build's.
    assert_eq!(t.rows[0].1[0], evaluate(&s.inputs).out.price_usd_per_accelerator_hour);
    assert_ne!(t.rows[1].1[0], t.rows[2].1[0]);
    let text = india::summary(&view, &Fmt::new(Lang::En, Currency::Usd, 1.0));
    assert!(
        text.contains("Built in India the capacity would cost") && text.contains("$1.31 on average") && text.contains("subsidised rate is $0.76"),
        "{text}"
    );
    let (svg, meta) = render("india", |a| india::draw(a, &view, &Theme::light(1.0)).expect("drawn"));
    assert!(svg.contains("IndiaAI, subsidised rate") && svg.contains("cost, built in India"));
    assert_eq!(meta.rows, 5);
    // In rupees at the reader's rate, IndiaAI's rates are the published rupees.
    data.inr_per_usd = 90.0;
    let ChartInput::India(view) = ChartInput::of(ChartId::India, &data) else { panic!("input") };
    let text = india::summary(&view, &Fmt::new(Lang::Hi, Currency::Inr, 90.0));
    assert!(text.contains("₹115.85") && text.contains("₹67.00"), "{text}");
    let (svg, _) = render("india-hi-inr", |a| india::draw(a, &view, &Theme::light(1.0).with_fmt(Fmt::new(Lang::Hi, Currency::Inr, 90.0))).expect("drawn"));
    assert!(svg.contains("इंडियाAI, रियायती दर") && svg.contains("₹"));
}
