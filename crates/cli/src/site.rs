//! `computedeal site DIST [--site-url URL]`: what `make dist` adds to the
//! built page for every preset, for readers without JavaScript, newsletters
//! and link previews:
//!
//! - `images/<preset>/<chart>.svg` and `.png` (each chart, framed as the
//!   page's downloads, `chart::DEFAULT_WIDTH` × `chart::DEFAULT_HEIGHT`, the
//!   PNG at 1×) and `images/<preset>/card.png`, a 1200 × 630 social card
//!   (the headline over the cash-flow chart with its range);
//! - `deal-<preset>.html`: the page itself (`DIST/index.html`) opening on
//!   the preset, with its own `<title>`, description, `og:` and Twitter card
//!   tags, the oEmbed link and a `<noscript>` that carries the headline,
//!   the lead figures and the chart images. It sits beside `index.html` so
//!   every relative address in the page (scripts, the worker, the service
//!   worker, the font) and the start-up script's CSP hash stay as built;
//! - `deal-<preset>.oembed.json`: a static oEmbed document (type `rich`).
//!
//! With `--site-url`, the tags carry absolute addresses, as link previews
//! need; without it they are relative and README says what that means.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use computedeal_core::outputs::Output;
use computedeal_core::presets::PRESETS;
use computedeal_present::charts::{ChartId, ChartInput, Frame};
use computedeal_present::html::{embed_snippet, escape, EMBED_HEIGHT};
use computedeal_present::i18n::{messages, output_label, preset_text, Lang};
use computedeal_present::reading::{headline, headline_range, source_line, Range};
use computedeal_present::view::{self, DEFAULT_KPIS};

use crate::chart::{self, DEFAULT_HEIGHT, DEFAULT_WIDTH};

/// The social card's size (what link previews show at 1.91:1).
pub const CARD: (u32, u32) = (1200, 630);
/// The embed's width in the oEmbed document.
pub const EMBED_WIDTH: u32 = 600;

/// Everything written for one preset, by file name under DIST.
pub struct PresetFiles {
    pub files: Vec<(String, Vec<u8>)>,
}

/// `base`: the site's address ending in '/', or "" for relative addresses.
fn absolute(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The page, its oEmbed document and its images for one preset.
pub fn preset_files(template: &str, key: &str, base: &str, threads: usize) -> Result<PresetFiles, String> {
    let lang = Lang::En;
    let m = messages(lang);
    let page = view::decode_page(&format!("preset={key}"));
    let s = &page.scenario;
    let text = preset_text(lang, s.preset.id);
    let summary = chart::summary_for(s, threads);
    let data = chart::data_of(&page, Some(summary.clone()));
    let fmt = page.view.fmt(lang);
    let o = &data.outcome;
    let view_url = absolute(base, &computedeal_present::html::deal_page(s.preset.id));
    let range = summary.get(Output::npv_usd).and_then(|n| Some(Range { npv_p5: n.p(5)?, npv_p95: n.p(95)?, p_loss: summary.p_loss }));
    let answer = headline(s, o, &fmt);
    let answer_range = headline_range(range, false, &fmt);
    let mut files = Vec::new();

    // Each chart as SVG and PNG, framed with this page's address.
    let theme = chart::theme_of(&page.view, lang, 1.0);
    let mut images = Vec::new();
    for id in ChartId::ALL {
        let svg = chart::svg(&ChartInput::of(id, &data), &theme, &chart::frame_of(&page, id, &view_url), DEFAULT_WIDTH, DEFAULT_HEIGHT)?;
        let png = chart::png(&svg, 1.0)?;
        images.push((id, format!("images/{key}/{}.png", id.key())));
        files.push((format!("images/{key}/{}.svg", id.key()), svg.into_bytes()));
        files.push((format!("images/{key}/{}.png", id.key()), png));
    }
    // The social card: the answer over the cash flow and its range, at 1.5×
    // the page's type so it reads at a preview's size.
    let card_path = format!("images/{key}/card.png");
    let card_frame = Frame {
        title: answer.clone(),
        subtitle: Some(if answer_range.is_empty() { text.name.to_string() } else { format!("{} · {answer_range}", text.name) }),
        source: source_line(lang, s),
        url: view_url.clone(),
    };
    let card_svg = chart::svg(&ChartInput::of(ChartId::CashFlow, &data), &chart::theme_of(&page.view, lang, 1.5), &card_frame, CARD.0, CARD.1)?;
    files.push((card_path.clone(), chart::png(&card_svg, 1.0)?));

    // The oEmbed document: the embed of this preset's first chart.
    let embed_src = absolute(base, &format!("index.html?preset={key}&embed=1"));
    let oembed = json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "computedeal",
        "provider_url": if base.is_empty() { "./".to_string() } else { base.to_string() },
        "title": text.name,
        "html": embed_snippet(&embed_src, text.name, true),
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
        "thumbnail_url": absolute(base, &card_path),
        "thumbnail_width": CARD.0,
        "thumbnail_height": CARD.1,
    });
    let oembed_path = computedeal_present::html::deal_oembed(s.preset.id);
    files.push((oembed_path.clone(), serde_json::to_vec_pretty(&oembed).map_err(|e| e.to_string())?));

    // The page: the template with this preset's head and noscript.
    let title = format!("{} · computedeal", text.name);
    let description = format!("{answer} {answer_range}").split_whitespace().collect::<Vec<_>>().join(" ");
    let card_url = absolute(base, &card_path);
    let mut head = vec![
        format!("<meta name=\"computedeal-view\" content=\"preset={}\">", escape(key)),
        format!("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">", escape(&absolute(base, &oembed_path)), escape(text.name)),
        "<meta property=\"og:type\" content=\"website\">".to_string(),
        "<meta property=\"og:site_name\" content=\"computedeal\">".to_string(),
        format!("<meta property=\"og:title\" content=\"{}\">", escape(text.name)),
        format!("<meta property=\"og:description\" content=\"{}\">", escape(&description)),
        format!("<meta property=\"og:image\" content=\"{}\">", escape(&card_url)),
        format!("<meta property=\"og:image:width\" content=\"{}\">", CARD.0),
        format!("<meta property=\"og:image:height\" content=\"{}\">", CARD.1),
        format!("<meta property=\"og:image:alt\" content=\"{}\">", escape(&answer)),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{}\">", escape(text.name)),
        format!("<meta name=\"twitter:description\" content=\"{}\">", escape(&description)),
        format!("<meta name=\"twitter:image\" content=\"{}\">", escape(&card_url)),
    ];
    if !base.is_empty() {
        head.push(format!("<meta property=\"og:url\" content=\"{}\">", escape(&view_url)));
        head.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(&view_url)));
    }
    let mut rows = String::new();
    for f in DEFAULT_KPIS {
        let view::Figure::Output(k) = f else { continue };
        let value = o.get(k).map(|v| fmt.value(v, k.unit())).unwrap_or_else(|| "—".into());
        let band = summary.get(k).and_then(|x| Some(format!("{} – {}", fmt.value(x.p(5)?, k.unit()), fmt.value(x.p(95)?, k.unit())))).unwrap_or_default();
        rows.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>", escape(output_label(lang, k)), escape(&value), escape(&band)));
    }
    let figures: String = images
        .iter()
        .map(|(id, path)| {
            format!(
                "<figure><img src=\"{}\" alt=\"{}\" width=\"{DEFAULT_WIDTH}\" height=\"{DEFAULT_HEIGHT}\" loading=\"lazy\"><figcaption>{}</figcaption></figure>",
                escape(path),
                escape(&format!("{}: {}", id.title(lang), text.name)),
                escape(id.title(lang))
            )
        })
        .collect();
    let noscript = format!(
        "<noscript><div class=\"static-page\"><h1>{}</h1><p class=\"static-answer\">{}</p><table class=\"static-figures\"><thead><tr><th scope=\"col\"></th><th scope=\"col\">{}</th><th scope=\"col\">P5 – P95</th></tr></thead><tbody>{rows}</tbody></table>{figures}<p class=\"static-source\">{}</p>{}</div></noscript>",
        escape(text.name),
        escape(&description),
        escape(m.lg_point),
        escape(&source_line(lang, s)),
        noscript_message(template),
    );
    let html = fill_template(template, &title, &description, &head.join("\n  "), &noscript)?;
    files.push((computedeal_present::html::deal_page(s.preset.id), html.into_bytes()));
    Ok(PresetFiles { files })
}

/// What the built page says without JavaScript (kept under the static
/// content: the calculator itself still needs it).
fn noscript_message(template: &str) -> &str {
    let start = template.find("<noscript>").map(|i| i + "<noscript>".len());
    let end = start.and_then(|st| template[st..].find("</noscript>").map(|e| st + e));
    match (start, end) {
        (Some(st), Some(e)) => &template[st..e],
        _ => "",
    }
}

/// The template with a new title and description, `head` added before
/// `</head>` and the first `<noscript>…</noscript>` of the body replaced.
pub fn fill_template(template: &str, title: &str, description: &str, head: &str, noscript: &str) -> Result<String, String> {
    let replace_between = |s: &str, open: &str, close: &str, with: &str| -> Result<String, String> {
        let start = s.find(open).ok_or_else(|| format!("the page has no {open}"))?;
        let end = s[start..].find(close).map(|e| start + e + close.len()).ok_or_else(|| format!("the page's {open} is not closed"))?;
        Ok(format!("{}{with}{}", &s[..start], &s[end..]))
    };
    let s = replace_between(template, "<title>", "</title>", &format!("<title>{}</title>", escape(title)))?;
    let s = replace_between(&s, "<meta name=\"description\"", ">", &format!("<meta name=\"description\" content=\"{}\">", escape(description)))?;
    let s = replace_between(&s, "<noscript>", "</noscript>", noscript)?;
    let at = s.find("</head>").ok_or("the page has no </head>")?;
    Ok(format!("{}\n  {head}\n{}", s[..at].trim_end(), &s[at..]))
}

/// The `--site-url` the pages' tags are made absolute with, ending in '/':
/// an absolute http(s) address with a host, no space, control character,
/// quote or angle bracket, no query and no fragment; empty for relative
/// tags. A refusal names the flag, what was given and what is allowed.
pub fn site_url(u: &str) -> Result<String, String> {
    if u.is_empty() {
        return Ok(String::new());
    }
    let refuse = |why: &str| {
        Err(format!(
            "--site-url {:?} {why}; give the absolute http(s) address the site is served from, without query or fragment, e.g. https://example.org/computedeal/",
            u
        ))
    };
    let rest = match u.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") => rest,
        _ => return refuse("is not an http or https address"),
    };
    if let Some(c) = u.chars().find(|c| computedeal_present::html::unprintable(*c) || c.is_whitespace()) {
        return refuse(&format!("holds {c:?}, a space or control character"));
    }
    if let Some(c) = u.chars().find(|c| matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')) {
        return refuse(&format!("holds {c:?}, which an address in a tag may not"));
    }
    if u.contains(['?', '#']) {
        return refuse("has a query or fragment (? or #), which every page's address would repeat");
    }
    let host = rest.split('/').next().unwrap_or("");
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let name = host.strip_prefix('[').and_then(|h| h.split_once(']').map(|(n, _)| n)).unwrap_or_else(|| host.split(':').next().unwrap_or(""));
    if name.is_empty() || name.starts_with('.') || name.ends_with("..") {
        return refuse("has no host name");
    }
    Ok(if u.ends_with('/') { u.to_string() } else { format!("{u}/") })
}

/// `computedeal site DIST [--site-url URL] [--threads T]`.
pub fn run_site(rest: &[String], err: &mut dyn Write) -> i32 {
    let bad = |err: &mut dyn Write, why: String| {
        let _ = writeln!(err, "computedeal site: {why}; try computedeal --help");
        2
    };
    let (mut dist, mut base, mut threads) = (None, String::new(), 2usize);
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site-url" => match args.next().map(|u| site_url(u)) {
                Some(Ok(u)) => base = u,
                Some(Err(why)) => return bad(err, why),
                None => return bad(err, "--site-url needs an address".into()),
            },
            "--threads" => match args.next().map(|t| crate::flag_value("--threads", t)) {
                Some(Ok(t)) => match t.parse::<usize>().ok().filter(|t| (1..=64).contains(t)) {
                    Some(t) => threads = t,
                    None => return bad(err, format!("--threads '{t}' is not a whole number from 1 to 64")),
                },
                Some(Err(why)) => return bad(err, why),
                None => return bad(err, "--threads needs a whole number from 1 to 64".into()),
            },
            a if a.starts_with("--") => return bad(err, format!("unknown option {a}")),
            _ if dist.is_some() => return bad(err, format!("expected one DIST folder, got another: '{arg}'")),
            _ => dist = Some(arg.clone()),
        }
    }
    let Some(dist) = dist else { return bad(err, "name the built page's folder (DIST, with index.html)".into()) };
    let dist = Path::new(&dist);
    let template = match std::fs::read_to_string(dist.join("index.html")) {
        Ok(t) => t,
        Err(e) => return bad(err, format!("cannot read {}: {e} (run trunk build first)", dist.join("index.html").display())),
    };
    for preset in PRESETS.iter() {
        let key = preset.id.key();
        let files = match preset_files(&template, key, &base, threads) {
            Ok(f) => f,
            Err(e) => {
                let _ = writeln!(err, "computedeal site: {key}: {e}");
                return 1;
            }
        };
        for (name, bytes) in files.files {
            let path = dist.join(&name);
            let written = path.parent().map(std::fs::create_dir_all).unwrap_or(Ok(())).and_then(|_| std::fs::write(&path, &bytes));
            if let Err(e) = written {
                let _ = writeln!(err, "computedeal site: cannot write {}: {e}", path.display());
                return 1;
            }
        }
    }
    0
}
