//! `computedeal chart` and `computedeal site`: the images keep their
//! provenance, the PNG is the same bytes on every run, bad arguments are
//! named, and the per-preset pages, oEmbed documents and social cards are
//! written and point at files that exist.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use computedeal_core::presets::PRESETS;
use computedeal_present::charts::metrics;

fn computedeal(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_computedeal")).args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A PNG's width and height from its IHDR chunk (bytes 16..24).
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
fn a_chart_png_is_the_same_bytes_on_every_run_and_carries_its_frame() {
    let args = ["chart", "cashflow", "lang=hi&currency=inr&pue=1.3", "--format", "png", "--width", "600", "--height", "420"];
    let (code, first, err) = computedeal(&args);
    assert_eq!(code, 0, "{err}");
    let (_, second, _) = computedeal(&args);
    assert!(first == second, "two runs gave different PNGs");
    // 600 × 420 CSS pixels at the default 2×: the frame (120 px of title,
    // scenario, source line and address) is inside the height asked for.
    assert_eq!(png_size(&first), (1200, 840));
    let (code, one, _) = computedeal(&["chart", "deployment", "--format", "png", "--scale", "1"]);
    assert_eq!(code, 0);
    assert_eq!(png_size(&one), (820, 500));
}

#[test]
fn a_chart_svg_carries_title_scenario_source_line_and_address() {
    let (code, svg, err) = computedeal(&["chart", "deployment", "preset=microsoft-iren-2025&pue=1.3", "--url", "https://example.org/?x=1&y=<2>"]);
    assert_eq!(code, 0, "{err}");
    let svg = String::from_utf8(svg).expect("SVG is text");
    assert!(svg.starts_with("<svg width=\"820\" height=\"500\""), "{}", &svg[..80]);
    for text in ["Accelerators online", "Microsoft–IREN", "your changes", "computedeal · data as of", "figures CC BY 4.0"] {
        assert!(svg.contains(text), "the SVG lacks {text:?}");
    }
    // The address is text, escaped, never markup.
    assert!(svg.contains("https://example.org/?x=1&amp;y=&lt;2&gt;"), "the address is escaped");
    // Without --url the address is the view's own query.
    let (_, svg, _) = computedeal(&["chart", "tornado", "pue=1.3&lang=hi"]);
    let svg = String::from_utf8(svg).expect("text");
    assert!(svg.contains("index.html?pue=1.3&amp;lang=hi"), "{}", svg.lines().rev().take(4).collect::<Vec<_>>().join("\n"));
}

#[test]
fn bad_chart_arguments_are_named_with_what_is_allowed() {
    let cases: [(&[&str], &[&str]); 7] = [
        (&["chart"], &["name a chart", "deployment"]),
        (&["chart", "pie"], &["'pie' is not a chart", "heatmap"]),
        (&["chart", "pnl", "--width", "12"], &["--width '12'", "320 to 4000"]),
        (&["chart", "pnl", "--height", "1e9"], &["--height '1e9'", "280 to 4000"]),
        (&["chart", "pnl", "--format", "gif"], &["--format 'gif'", "png or svg"]),
        (&["chart", "pnl", "--scale", "NaN"], &["--scale 'NaN'", "0.5 to 4"]),
        (&["chart", "pnl", "pue=9"], &["pue=9", "allowed 1 to 3"]),
    ];
    for (args, says) in cases {
        let (code, out, err) = computedeal(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} wrote to stdout");
        for s in says {
            assert!(err.contains(s), "{args:?}: {err:?} lacks {s:?}");
        }
    }
    // A file that cannot be written is named; nothing half-written is left.
    let (code, _, err) = computedeal(&["chart", "pnl", "--out", "/nonexistent-dir/x.svg"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent-dir/x.svg"), "{err}");
}

#[test]
fn the_site_writes_a_page_an_oembed_document_images_and_a_card_for_every_preset() {
    let dir = std::env::temp_dir().join(format!("computedeal-site-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let template = "<!doctype html><html><head><meta charset=\"utf-8\"><title>computedeal</title><meta name=\"description\" content=\"x\">\n<script type=\"module\">init('./app.js')</script></head><body><noscript><p class=\"crash\">needs JavaScript</p></noscript><main id=\"app\"></main></body></html>";
    std::fs::write(dir.join("index.html"), template).expect("template");
    let d = dir.to_str().expect("a UTF-8 path");
    let (code, _, err) = computedeal(&["site", d, "--site-url", "https://example.org/cd"]);
    assert_eq!(code, 0, "{err}");
    for preset in PRESETS.iter() {
        let key = preset.id.key();
        let page = std::fs::read_to_string(dir.join(format!("deal-{key}.html"))).expect("the preset's page");
        // The page is the template: its start-up script unchanged (its CSP hash holds).
        assert!(page.contains("<script type=\"module\">init('./app.js')</script>"));
        assert!(page.contains(&format!("<meta name=\"computedeal-view\" content=\"preset={key}\">")));
        assert_eq!(page.matches("<title>").count(), 1);
        // og:image and the oEmbed link are absolute and name files that exist.
        let card = format!("https://example.org/cd/images/{key}/card.png");
        assert!(page.contains(&format!("<meta property=\"og:image\" content=\"{card}\">")), "{key}");
        assert!(page.contains(&format!("type=\"application/json+oembed\" href=\"https://example.org/cd/deal-{key}.oembed.json\"")), "{key}");
        assert_eq!(png_size(&std::fs::read(dir.join(format!("images/{key}/card.png"))).expect("the card")), (1200, 630));
        // The noscript: the headline sentence, the lead figures, every chart's image (which exists), the old message.
        let noscript = &page[page.find("<noscript>").expect("noscript")..page.find("</noscript>").expect("closed")];
        assert!(noscript.contains("in today's money") && noscript.contains("<table") && noscript.contains("needs JavaScript"), "{key}");
        for id in computedeal_present::charts::ChartId::ALL {
            let img = format!("images/{key}/{}.png", id.key());
            assert!(noscript.contains(&format!("src=\"{img}\"")), "{key}: {img}");
            assert!(dir.join(&img).exists() && dir.join(format!("images/{key}/{}.svg", id.key())).exists(), "{img}");
        }
        let oembed: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("deal-{key}.oembed.json"))).expect("oEmbed")).expect("JSON");
        assert_eq!(oembed["version"], "1.0");
        assert_eq!(oembed["type"], "rich");
        assert_eq!(oembed["thumbnail_url"], card.as_str());
        let html = oembed["html"].as_str().expect("html");
        assert!(html.starts_with(&format!("<iframe src=\"https://example.org/cd/index.html?preset={key}&amp;embed=1\"")), "{html}");
    }
    // Without a site address the tags are relative.
    let (code, _, err) = computedeal(&["site", d]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(dir.join("deal-india-1gw.html")).expect("page");
    assert!(page.contains("<meta property=\"og:image\" content=\"images/india-1gw/card.png\">"));
    assert!(!page.contains("og:url"), "no og:url without an address");
    // Bad arguments are named.
    let (code, _, err) = computedeal(&["site", d, "--site-url", "javascript:alert(1)"]);
    assert_eq!(code, 2);
    assert!(err.contains("javascript:alert(1)") && err.contains("http"), "{err}");
    let (code, _, err) = computedeal(&["site", "/nonexistent-dir"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent-dir/index.html"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The text tables the page's SVG download and the command line measure
/// with are the shipped fonts' own advances (`scripts/font-metrics.py`
/// writes them; this holds them to the files).
#[test]
fn the_measuring_tables_are_the_shipped_fonts_advances() {
    use skrifa::instance::{LocationRef, Size};
    use skrifa::raw::TableProvider;
    use skrifa::MetadataProvider;
    let check = |data: &[u8], chars: &mut dyn Iterator<Item = char>, devanagari: bool| {
        let font = skrifa::FontRef::new(data).expect("a font");
        let upem = font.head().expect("head").units_per_em() as f64;
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let mut checked = 0;
        for c in chars {
            let Some(gid) = font.charmap().map(c) else { continue };
            let advance = metrics.advance_width(gid).expect("an advance") as f64;
            assert_eq!(metrics::advance(c, devanagari), (advance * 1000.0 / upem).round() as u16, "{c:?} (U+{:04X})", c as u32);
            checked += 1;
        }
        checked
    };
    let latin = computedeal_cli::chart::LATIN_FONT;
    let deva = computedeal_cli::chart::DEVANAGARI_FONT;
    assert_eq!(check(latin, &mut (' '..='~'), false), 95);
    assert!(check(latin, &mut ('\u{a0}'..='\u{ff}'), false) >= 95);
    assert!(check(latin, &mut "–—−×≈≥→₂ρ…€".chars(), false) == 11);
    assert_eq!(check(deva, &mut (' '..='~'), true), 95);
    assert!(check(deva, &mut ('\u{900}'..='\u{97f}'), true) >= 80);
}
