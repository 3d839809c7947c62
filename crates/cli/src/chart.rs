//! `computedeal chart`: one chart of a view as SVG or PNG, drawn by the
//! page's own chart code (`computedeal_present::charts`) and framed as the
//! page's downloads are (title, scenario, source line, address). The SVG is
//! laid out with the fonts' own widths (`charts::metrics`), as the page's
//! SVG download is, so the two are the same file for the same view; the PNG
//! is that SVG rasterized by resvg with the fonts in `fonts/` compiled in
//! and no system font read, so it is the same bytes on every machine.

use std::io::Write;
use std::sync::OnceLock;

use plotters::prelude::*;
use resvg::{tiny_skia, usvg};

use computedeal_core::scenario::Scenario;
use computedeal_engine::mc::{self, Summary};
use computedeal_present::charts::metrics::Measured;
use computedeal_present::charts::{ChartData, ChartId, ChartInput, Frame, Theme, FRAME_EXTRA};
use computedeal_present::i18n::Lang;
use computedeal_present::view::{self, Page, ThemeChoice, View, DEFAULT_OUTPUT};

/// DejaVu Sans (Latin, Greek, punctuation, arrows, maths), subset: every
/// chart but the Hindi ones.
pub const LATIN_FONT: &[u8] = include_bytes!("../fonts/DejaVuSans-subset.ttf");
/// Noto Sans Devanagari with its Latin letters: the Hindi charts, whose
/// family ("cdDevanagari", the page's name for the same font) names it.
pub const DEVANAGARI_FONT: &[u8] = include_bytes!("../fonts/NotoSansDevanagari-Regular.ttf");
/// The family the page's Hindi charts name, and the font it is here.
const PAGE_DEVANAGARI: &str = "cdDevanagari";
const DEVANAGARI_FAMILY: &str = "Noto Sans Devanagari";

/// The image's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

/// Sizes a reader may ask for, in CSS pixels (the whole image, frame included).
pub const WIDTH: (u32, u32) = (320, 4000);
pub const HEIGHT: (u32, u32) = (FRAME_EXTRA + 160, 4000);
/// PNG pixels per CSS pixel.
pub const SCALE: (f64, f64) = (0.5, 4.0);
/// Defaults: the page's chart at a desktop width, with its frame.
pub const DEFAULT_WIDTH: u32 = 820;
pub const DEFAULT_HEIGHT: u32 = 380 + FRAME_EXTRA;

/// What the charts of a view are drawn in: language, currency, theme.
pub fn theme_of(view: &View, lang: Lang, scale: f64) -> Theme {
    let theme = match view.theme {
        ThemeChoice::Dark => Theme::dark(scale),
        _ => Theme::light(scale),
    };
    theme.with_fmt(view.fmt(lang))
}

/// The language a view is written in (English unless the link says).
pub fn lang_of(view: &View) -> Lang {
    view.lang.unwrap_or(Lang::En)
}

/// The Monte Carlo the charts need, when they need one: the scenario's own
/// samples and seed, so the numbers are the page's.
pub fn summary_for(s: &Scenario, threads: usize) -> Summary {
    mc::run(&mc::Setup::new(s, computedeal_engine::batch::Engine::Simd), 16, threads)
}

/// Whether a chart draws from the Monte Carlo.
pub fn needs_mc(id: ChartId) -> bool {
    matches!(id, ChartId::CashFlow | ChartId::Histogram | ChartId::Market)
}

/// The data of a page's charts (`summary`: a finished Monte Carlo, if any).
pub fn data_of(page: &Page, summary: Option<Summary>) -> ChartData {
    let lang = lang_of(&page.view);
    let mut data =
        ChartData::compute(lang, &page.scenario, page.view.compare.as_ref(), summary, page.view.output.unwrap_or(DEFAULT_OUTPUT), &page.view.portfolio);
    data.inr_per_usd = page.view.fmt(lang).inr_per_usd();
    data
}

/// A downloaded chart's frame, as the page's chart card writes it.
pub fn frame_of(page: &Page, id: ChartId, url: &str) -> Frame {
    let lang = lang_of(&page.view);
    let caption = page.view.title.clone().unwrap_or_else(|| computedeal_present::reading::scenario_name(lang, &page.scenario));
    Frame {
        title: id.title(lang).to_string(),
        subtitle: Some(caption).filter(|c| !c.is_empty()),
        source: computedeal_present::reading::source_line(lang, &page.scenario),
        url: url.to_string(),
    }
}

/// The chart, framed, as SVG of `width` × `height` CSS pixels.
pub fn svg(input: &ChartInput, theme: &Theme, frame: &Frame, width: u32, height: u32) -> Result<String, String> {
    let mut svg = String::new();
    {
        let area = Measured(SVGBackend::with_string(&mut svg, (width, height))).into_drawing_area();
        input.draw_framed(&area, theme, frame).map_err(|e| format!("{e:?}"))?;
        area.present().map_err(|e| format!("{e:?}"))?;
    }
    Ok(svg)
}

/// The options resvg renders with: only the fonts compiled in.
fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut opt = usvg::Options::default();
        let db = opt.fontdb_mut();
        db.load_font_data(LATIN_FONT.to_vec());
        db.load_font_data(DEVANAGARI_FONT.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        opt.font_family = "DejaVu Sans".into();
        // A Hindi chart's text is set in the Devanagari font whole (Latin
        // digits included): resvg's fallback swaps glyphs one for one, which
        // cannot mix two fonts in a line of Devanagari, whose conjuncts
        // shape to fewer glyphs than characters.
        let default = usvg::FontResolver::default_font_selector();
        opt.font_resolver.select_font = Box::new(move |font, db| {
            let hindi = font.families().iter().any(|f| matches!(f, usvg::FontFamily::Named(n) if n == PAGE_DEVANAGARI));
            if hindi {
                let query = usvg::fontdb::Query { families: &[usvg::fontdb::Family::Name(DEVANAGARI_FAMILY)], ..Default::default() };
                if let Some(id) = db.query(&query) {
                    return Some(id);
                }
            }
            default(font, db)
        });
        opt
    })
}

/// An SVG rasterized at `scale` pixels per CSS pixel, as PNG bytes.
pub fn png(svg: &str, scale: f64) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = ((size.width() as f64 * scale).round() as u32, (size.height() as f64 * scale).round() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or("image too large")?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale as f32, scale as f32), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// `computedeal chart CHART [QUERY] [--format png|svg] [--width N]
/// [--height N] [--scale S] [--url URL] [--out FILE] [--threads T]`.
pub fn run_chart(rest: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let bad = |err: &mut dyn Write, why: String| {
        let _ = writeln!(err, "computedeal chart: {why}; try computedeal --help");
        2
    };
    let mut positional: Vec<&String> = Vec::new();
    let (mut format, mut width, mut height, mut scale, mut url, mut file, mut threads) = (None, DEFAULT_WIDTH, DEFAULT_HEIGHT, 2.0, None, None, 2usize);
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let Some(name) = arg.strip_prefix("--") else {
            positional.push(arg);
            continue;
        };
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (name, None),
        };
        let Some(value) = inline.or_else(|| args.next().cloned()) else {
            return bad(err, format!("--{name} needs a value"));
        };
        // Addresses and file names may hold & and =; every other value may not.
        if !matches!(name, "url" | "out") {
            if let Err(why) = crate::flag_value(&format!("--{name}"), &value) {
                return bad(err, why);
            }
        }
        let whole = |range: (u32, u32)| value.parse::<u32>().ok().filter(|v| (range.0..=range.1).contains(v));
        match name {
            "format" => match value.as_str() {
                "png" => format = Some(Format::Png),
                "svg" => format = Some(Format::Svg),
                _ => return bad(err, format!("--format '{value}' is not a format: use png or svg")),
            },
            "width" => match whole(WIDTH) {
                Some(v) => width = v,
                None => return bad(err, format!("--width '{value}' is not a whole number of pixels from {} to {}", WIDTH.0, WIDTH.1)),
            },
            "height" => match whole(HEIGHT) {
                Some(v) => height = v,
                None => {
                    return bad(
                        err,
                        format!("--height '{value}' is not a whole number of pixels from {} to {} (the frame takes {FRAME_EXTRA})", HEIGHT.0, HEIGHT.1),
                    )
                }
            },
            "scale" => match value.parse::<f64>().ok().filter(|v| (SCALE.0..=SCALE.1).contains(v)) {
                Some(v) => scale = v,
                None => return bad(err, format!("--scale '{value}' is not a number from {} to {}", SCALE.0, SCALE.1)),
            },
            "threads" => match value.parse::<usize>().ok().filter(|t| (1..=64).contains(t)) {
                Some(t) => threads = t,
                None => return bad(err, format!("--threads '{value}' is not a whole number from 1 to 64")),
            },
            "url" => match value.chars().position(computedeal_present::html::unprintable) {
                None => url = Some(value),
                Some(i) => {
                    return bad(
                        err,
                        format!("--url holds a control character or non-character at character {} ({:?}); give the address as plain text", i + 1, value),
                    )
                }
            },
            "out" => file = Some(value),
            _ => return bad(err, format!("unknown option --{name}")),
        }
    }
    let keys = || ChartId::ALL.map(|c| c.key()).join(", ");
    let id = match positional.first() {
        Some(key) => match ChartId::from_key(key) {
            Some(id) => id,
            None => return bad(err, format!("'{key}' is not a chart: use one of {}", keys())),
        },
        None => return bad(err, format!("name a chart: one of {}", keys())),
    };
    if positional.len() > 2 {
        return bad(err, format!("expected a chart and one QUERY, got {} arguments (quote the query)", positional.len()));
    }
    let query = positional.get(1).map(|q| q.trim_start_matches('?')).unwrap_or("");
    let page = view::decode_page(query);
    if !crate::report_notices(&page.warnings, err) {
        return 2;
    }
    // The format: as asked, else the output file's extension, else SVG.
    let format = format.unwrap_or(match file.as_deref() {
        Some(f) if f.to_ascii_lowercase().ends_with(".png") => Format::Png,
        _ => Format::Svg,
    });
    let url = url.unwrap_or_else(|| match view::encode_page(&page.scenario, &page.view) {
        q if q.is_empty() => "index.html".to_string(),
        q => format!("index.html?{q}"),
    });
    let summary = needs_mc(id).then(|| summary_for(&page.scenario, threads));
    let data = data_of(&page, summary);
    let lang = lang_of(&page.view);
    let drawn = svg(&ChartInput::of(id, &data), &theme_of(&page.view, lang, 1.0), &frame_of(&page, id, &url), width, height);
    let bytes = match (drawn, format) {
        (Ok(s), Format::Svg) => Ok(s.into_bytes()),
        (Ok(s), Format::Png) => png(&s, scale),
        (Err(e), _) => Err(e),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "computedeal chart: cannot draw {}: {e}", id.key());
            return 1;
        }
    };
    match file {
        Some(path) => match std::fs::write(&path, &bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "computedeal chart: cannot write {path}: {e}");
                2
            }
        },
        None => match out.write_all(&bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "computedeal chart: cannot write to stdout: {e}");
                1
            }
        },
    }
}
