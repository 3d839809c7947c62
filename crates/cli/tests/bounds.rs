//! Every chart is drawn, or says in its place why it cannot be, for any
//! scenario the decoder accepts: every chart × every parameter at its
//! minimum, its maximum and zero (where zero is allowed), and random
//! scenarios over the whole allowed domain. Each image must parse as SVG
//! (nothing unprintable in it) and no case may panic. Before issue 27,
//! `accelerators=0` and `availability=0` aborted the heatmap (plotters
//! asserts on a NaN axis: no hour delivered, no price per hour).

use std::panic::{catch_unwind, AssertUnwindSafe};

use computedeal_cli::chart;
use computedeal_core::notice::Severity;
use computedeal_core::params::{Kind, P, PARAMS};
use computedeal_present::charts::{ChartId, ChartInput};
use computedeal_present::view::decode_page;
use resvg::usvg;

#[path = "../../core/tests/common/gen.rs"]
mod gen;

/// What went wrong drawing the view of `query` at `width` × `height`: one
/// line per chart that panicked, failed or wrote an SVG that does not parse.
fn failures(query: &str, width: u32, height: u32) -> Vec<String> {
    let page = decode_page(query);
    let rejected: Vec<_> = page.warnings.iter().filter(|w| w.severity == Severity::Rejected).collect();
    if !rejected.is_empty() {
        return vec![format!("{query}: the decoder refused a value the test meant to be allowed: {rejected:?}")];
    }
    let data = match catch_unwind(AssertUnwindSafe(|| chart::data_of(&page, Some(chart::summary_for(&page.scenario, 1))))) {
        Ok(d) => d,
        Err(_) => return vec![format!("{query}: the charts' data panicked")],
    };
    let lang = chart::lang_of(&page.view);
    let theme = chart::theme_of(&page.view, lang, 1.0);
    let mut out = Vec::new();
    for id in ChartId::ALL {
        let drawn = catch_unwind(AssertUnwindSafe(|| chart::svg(&ChartInput::of(id, &data), &theme, &chart::frame_of(&page, id, "index.html"), width, height)));
        match drawn {
            Err(_) => out.push(format!("{} {query}: panicked", id.key())),
            Ok(Err(e)) => out.push(format!("{} {query}: {e}", id.key())),
            Ok(Ok(svg)) => {
                if let Err(e) = usvg::Tree::from_str(&svg, &usvg::Options::default()) {
                    out.push(format!("{} {query}: the SVG does not parse: {e}", id.key()));
                }
            }
        }
    }
    out
}

/// A quiet panic hook while a test catches panics on purpose (the
/// failures are listed by the test itself).
fn quietly<T>(f: impl FnOnce() -> T) -> T {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let out = f();
    std::panic::set_hook(hook);
    out
}

#[test]
fn every_chart_at_every_parameters_bounds_and_zero() {
    let mut cases = 0;
    let failed: Vec<String> = quietly(|| {
        let mut failed = Vec::new();
        for p in PARAMS.iter() {
            let mut values = vec![p.min, p.max];
            if p.min < 0.0 && p.max > 0.0 {
                values.push(0.0);
            }
            if let Kind::Choice(ids) = p.kind {
                values = (0..ids.len()).map(|i| i as f64).collect();
            }
            for v in values {
                // The Monte Carlo at its fewest samples, unless that is the
                // parameter at its bound.
                let samples = if p.key == "samples" { String::new() } else { "samples=1000&".to_string() };
                let query = format!("{samples}{}={}", p.key, p.format(v));
                cases += 1;
                failed.extend(failures(&query, chart::DEFAULT_WIDTH, chart::DEFAULT_HEIGHT));
            }
        }
        failed
    });
    // 47 parameters, two bounds each and zero where it lies inside, each
    // choice's every value: well over a hundred scenarios of eleven charts.
    assert!(cases > 100, "only {cases} cases");
    assert!(failed.is_empty(), "{} of {} chart drawings failed:\n{}", failed.len(), cases * ChartId::ALL.len(), failed.join("\n"));
}

#[test]
fn every_chart_at_random_accepted_scenarios_and_at_a_phones_width() {
    let failed: Vec<String> = quietly(|| {
        let mut failed = Vec::new();
        for case in 0..96 {
            let mut g = gen::Gen::new(27_000 + case);
            // A deal's schedule can run past the last quarter allowed: held to it.
            let x = if case % 2 == 0 { g.inputs() } else { g.deal() };
            let query: Vec<String> = P::ALL
                .iter()
                .filter(|p| p.key() != "samples")
                .map(|p| format!("{}={}", p.key(), p.param().format(x.get(*p).clamp(p.param().min, p.param().max))))
                .collect();
            let query = format!("{}&samples=1000", query.join("&"));
            let lang = if case % 3 == 0 { "&lang=hi&currency=inr" } else { "" };
            failed.extend(failures(&format!("{query}{lang}"), 320, chart::DEFAULT_HEIGHT));
        }
        failed
    });
    assert!(failed.is_empty(), "{} chart drawings failed:\n{}", failed.len(), failed.join("\n"));
}
