//! The view: everything in the URL that is not the model. Language,
//! currency and rate, the chart and output shown, the scenario pinned as A
//! for a comparison, and the embed layout. Like the scenario codec it never
//! fails: a bad value is replaced by its default with a warning that names
//! the key, the value and what is allowed.
//!
//! `encode_page` writes the whole page (scenario and view) as the query
//! string the app keeps in its address bar; `decode_page` reads it back.

use std::collections::BTreeMap;

use computedeal_core::codec::{decode_query, encode_query, percent_encode, Decoded};
use computedeal_core::notice::{Allowed, Notice, Problem};
use computedeal_core::outputs::Output;
use computedeal_core::params::{format_number, parse_number};
use computedeal_core::portfolio::Choices;
use computedeal_core::scenario::Scenario;

use crate::charts::ChartId;
use crate::format::{Currency, Fmt};
use crate::i18n::Lang;

/// A headline figure: an output the Monte Carlo summarizes, or the chance
/// of a loss (the cards, and an embed's `kpis=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    Output(Output),
    /// The share of scenarios with a negative NPV.
    PLoss,
}

impl Figure {
    /// Every figure an embed may show: the Monte Carlo's outputs, then the chance of a loss.
    pub fn all() -> impl Iterator<Item = Figure> {
        Output::MC.into_iter().map(Figure::Output).chain([Figure::PLoss])
    }

    pub fn key(self) -> &'static str {
        match self {
            Figure::Output(o) => o.key(),
            Figure::PLoss => "p_loss",
        }
    }

    pub fn from_key(key: &str) -> Option<Figure> {
        Figure::all().find(|f| f.key() == key)
    }
}

/// At most this many figures in an embed.
pub const MAX_KPIS: usize = 4;
/// The embed's figures when `kpis=` is not given.
pub const DEFAULT_KPIS: [Figure; 4] =
    [Figure::Output(Output::price_usd_per_accelerator_hour), Figure::Output(Output::margin), Figure::Output(Output::npv_usd), Figure::Output(Output::irr)];

/// The output the histogram and the tornado show when the URL does not say.
pub const DEFAULT_OUTPUT: Output = Output::npv_usd;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow the reader's system (prefers-color-scheme).
    Auto,
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// None: follow the browser's language.
    pub lang: Option<Lang>,
    pub currency: Currency,
    /// Units of the currency per USD; None: the dated default.
    pub fx: Option<f64>,
    /// The chart an embed shows (and the page scrolls to).
    pub chart: Option<ChartId>,
    /// The output of the histogram and the tornado (one the Monte Carlo summarizes).
    pub output: Option<Output>,
    /// The scenario pinned as A.
    pub compare: Option<Scenario>,
    pub embed: bool,
    /// The embed's figures, at most four.
    pub kpis: Vec<Figure>,
    pub theme: ThemeChoice,
    /// An embed's own headline and subline (`title=`, `subtitle=`), as the
    /// writer typed them: plain text, never markup (the page sets it as
    /// text), control characters and runs of spaces folded, at most
    /// `TITLE_MAX` and `SUBTITLE_MAX` characters.
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// `static=1`: an embed without interaction (for print and AMP): no
    /// hover, tap, downloads or table switch.
    pub still: bool,
    /// `plain=1`: an embed without its header and link (for hosts that add
    /// their own); its source line stays.
    pub plain: bool,
    /// `transparent=1`: an embed without a background of its own.
    pub transparent: bool,
    /// The reader's choices for the buyer's portfolio (deals off, readings,
    /// terms, threshold): `portfolio=<query>`, the query `computedeal
    /// portfolio` reads, percent-encoded.
    pub portfolio: Choices,
}

/// The longest embed title and subtitle, in characters.
pub const TITLE_MAX: usize = 100;
pub const SUBTITLE_MAX: usize = 200;

/// A writer's text with control characters dropped and whitespace folded,
/// at most `max` characters; None when nothing is left (the share panel's
/// title field, and `plain_text`).
pub fn fold_text(text: &str, max: usize) -> Option<String> {
    let folded = fold(text);
    (!folded.is_empty()).then(|| folded.chars().take(max).collect())
}

/// Control characters as spaces, non-characters (U+FFFF…) dropped, runs of
/// whitespace as one space, trimmed.
fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            c if c.is_control() => Some(' '),
            c if crate::html::unprintable(c) => None,
            c => Some(c),
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A writer's text as an embed shows it: control characters dropped,
/// whitespace folded, cut at `max` characters (with a notice). None when
/// nothing is left. Characters no image can carry (besides the line breaks
/// and tabs folded to spaces) are said in a notice.
fn plain_text(key: &str, text: &str, max: usize, warnings: &mut Vec<Notice>) -> Option<String> {
    let dropped = text.chars().filter(|c| crate::html::unprintable(*c) && !c.is_whitespace()).count();
    let folded = fold(text);
    if dropped > 0 {
        warnings.push(Notice { used: Some(folded.chars().take(max).collect()), ..Notice::repaired(key, text, Problem::Unprintable { count: dropped }) });
    }
    if folded.is_empty() {
        return None;
    }
    if folded.chars().count() > max {
        let cut: String = folded.chars().take(max).collect();
        warnings.push(Notice { used: Some(cut.clone()), ..Notice::repaired(key, text, Problem::TextTooLong { max }) });
        return Some(cut);
    }
    Some(folded)
}

impl Default for View {
    fn default() -> Self {
        View {
            lang: None,
            currency: Currency::Usd,
            fx: None,
            chart: None,
            output: None,
            compare: None,
            embed: false,
            kpis: Vec::new(),
            theme: ThemeChoice::Auto,
            title: None,
            subtitle: None,
            still: false,
            plain: false,
            transparent: false,
            portfolio: Choices::default(),
        }
    }
}

impl View {
    /// The rate in use: the reader's, or the currency's default.
    pub fn rate(&self) -> f64 {
        self.fx.unwrap_or_else(|| self.currency.default_rate())
    }

    pub fn fmt(&self, lang: Lang) -> Fmt {
        Fmt::new(lang, self.currency, self.rate())
    }

    /// The figures an embed shows.
    pub fn embed_kpis(&self) -> Vec<Figure> {
        if self.kpis.is_empty() {
            DEFAULT_KPIS.to_vec()
        } else {
            self.kpis.clone()
        }
    }

    /// Reads the view keys a decoder passed through. Keys it does not own
    /// (`debug`, `bench`, `workers`, `sw`) are left for the page.
    pub fn parse(keys: &BTreeMap<String, String>) -> (View, Vec<Notice>) {
        let mut v = View::default();
        let mut warnings = Vec::new();
        let one_of = |list: &[&str]| Allowed::OneOf(list.iter().map(|s| s.to_string()).collect());
        let bad = |key: &str, value: &str, allowed: Allowed| Notice::rejected(key, value, Problem::NotAllowed { allowed });
        if let Some(text) = keys.get("lang") {
            match Lang::from_code(text) {
                Some(l) => v.lang = Some(l),
                None => warnings.push(Notice::rejected("lang", text, Problem::BadLang { allowed: one_of(&Lang::ALL.map(Lang::code)) })),
            }
        }
        if let Some(text) = keys.get("currency") {
            match Currency::from_code(text) {
                Some(c) => v.currency = c,
                None => warnings.push(Notice::rejected("currency", text, Problem::BadCurrency { allowed: one_of(&Currency::ALL.map(Currency::code)) })),
            }
        }
        if let Some(text) = keys.get("fx") {
            match check_rate(v.currency, text) {
                Ok(r) => v.fx = (r != v.currency.default_rate()).then_some(r),
                Err(w) => warnings.push(w),
            }
        }
        if let Some(text) = keys.get("chart") {
            match ChartId::from_key(text.trim()) {
                Some(c) => v.chart = Some(c),
                None => warnings.push(Notice::rejected("chart", text, Problem::BadChart { allowed: one_of(&ChartId::ALL.map(ChartId::key)) })),
            }
        }
        if let Some(text) = keys.get("output") {
            match Output::from_key(text.trim()).filter(|o| o.is_mc()) {
                Some(o) => v.output = Some(o),
                None => warnings.push(bad("output", text, Allowed::OneOf(Output::MC.iter().map(|o| o.key().to_string()).collect()))),
            }
        }
        for (key, flag) in [("embed", &mut v.embed), ("static", &mut v.still), ("plain", &mut v.plain), ("transparent", &mut v.transparent)] {
            if let Some(text) = keys.get(key) {
                match text.trim() {
                    "1" | "true" | "on" => *flag = true,
                    "0" | "false" | "off" => *flag = false,
                    _ => warnings.push(bad(key, text, one_of(&["1", "0"]))),
                }
            }
        }
        if let Some(text) = keys.get("title") {
            v.title = plain_text("title", text, TITLE_MAX, &mut warnings);
        }
        if let Some(text) = keys.get("subtitle") {
            v.subtitle = plain_text("subtitle", text, SUBTITLE_MAX, &mut warnings);
        }
        if let Some(text) = keys.get("kpis") {
            let allowed = || Allowed::UpTo { n: MAX_KPIS, of: Figure::all().map(|f| f.key().to_string()).collect() };
            for k in text.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                match Figure::from_key(k) {
                    Some(f) if v.kpis.len() < MAX_KPIS && !v.kpis.contains(&f) => v.kpis.push(f),
                    Some(f) if v.kpis.contains(&f) => {}
                    _ => warnings.push(bad("kpis", k, allowed())),
                }
            }
        }
        if let Some(text) = keys.get("theme") {
            match text.trim() {
                "light" => v.theme = ThemeChoice::Light,
                "dark" => v.theme = ThemeChoice::Dark,
                "auto" => v.theme = ThemeChoice::Auto,
                _ => warnings.push(bad("theme", text, one_of(&["light", "dark", "auto"]))),
            }
        }
        if let Some(text) = keys.get("portfolio").filter(|t| !matches!(t.trim(), "" | "1")) {
            // Its own query; its notices are named as the portfolio's.
            if let Ok(p) = computedeal_core::portfolio::portfolio() {
                // The value is the choices' query itself: a `portfolio=` in it is nested.
                let (c, notices) = computedeal_core::portfolio::apply(p, &Choices::default(), text);
                v.portfolio = c;
                warnings.extend(notices.into_iter().map(|w| Notice { key: format!("portfolio.{}", w.key), ..w }));
            }
        }
        if let Some(text) = keys.get("compare") {
            // A's own query; its warnings are shown as A's.
            let d = decode_query(text);
            for w in d.notices {
                warnings.push(Notice { key: format!("compare.{}", w.key), ..w });
            }
            if let Some(inner) = d.view.get("compare") {
                warnings.push(Notice::repaired("compare.compare", inner, Problem::NestedCompare));
            }
            v.compare = Some(d.scenario);
        }
        (v, warnings)
    }

    /// The view's part of the query string: only what differs from the default.
    pub fn encode(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if self.currency != Currency::Usd {
            parts.push(format!("currency={}", self.currency.code()));
        }
        if let Some(r) = self.fx.filter(|r| *r != self.currency.default_rate()) {
            parts.push(format!("fx={}", format_number(r)));
        }
        if let Some(o) = self.output.filter(|o| *o != DEFAULT_OUTPUT) {
            parts.push(format!("output={}", o.key()));
        }
        if let Some(c) = self.chart {
            parts.push(format!("chart={}", c.key()));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if let Some(t) = &self.title {
            parts.push(format!("title={}", percent_encode(t)));
        }
        if let Some(t) = &self.subtitle {
            parts.push(format!("subtitle={}", percent_encode(t)));
        }
        for (key, on) in [("static", self.still), ("plain", self.plain), ("transparent", self.transparent)] {
            if on {
                parts.push(format!("{key}=1"));
            }
        }
        if !self.kpis.is_empty() {
            parts.push(format!("kpis={}", self.kpis.iter().map(|f| f.key()).collect::<Vec<_>>().join(",")));
        }
        match self.theme {
            ThemeChoice::Auto => {}
            ThemeChoice::Light => parts.push("theme=light".into()),
            ThemeChoice::Dark => parts.push("theme=dark".into()),
        }
        if self.portfolio != Choices::default() {
            if let Ok(p) = computedeal_core::portfolio::portfolio() {
                parts.push(format!("portfolio={}", percent_encode(&computedeal_core::portfolio::encode(p, &self.portfolio))));
            }
        }
        if let Some(a) = &self.compare {
            // An empty query is the default deal: written as `compare=` so A stays pinned.
            parts.push(format!("compare={}", percent_encode(&encode_query(a))));
        }
        parts
    }
}

/// Checks an exchange rate typed or linked for a currency.
pub fn check_rate(currency: Currency, text: &str) -> Result<f64, Notice> {
    let (lo, hi) = currency.rate_range();
    match parse_number(text.trim()) {
        Some(r) if r.is_finite() && r >= lo && r <= hi => Ok(r),
        _ => Err(Notice::rejected(
            "fx",
            text,
            Problem::BadFx {
                currency: currency.code().to_string(),
                allowed: Allowed::Range { min: format_number(lo), max: format_number(hi) },
                default: currency.default_rate(),
            },
        )
        .using(format_number(currency.default_rate()))),
    }
}

/// A page decoded from its query string: the scenario, the view and every warning.
pub struct Page {
    pub scenario: Scenario,
    pub view: View,
    pub warnings: Vec<Notice>,
    /// The view keys the page reads itself (`debug`, `bench`, `workers`, `sw`).
    pub raw: BTreeMap<String, String>,
}

pub fn decode_page(query: &str) -> Page {
    let Decoded { scenario, notices: mut warnings, view } = decode_query(query);
    let (v, w) = View::parse(&view);
    warnings.extend(w);
    Page { scenario, view: v, warnings, raw: view }
}

/// The query string of a page (no leading `?`): the scenario's keys, then the view's.
pub fn encode_page(s: &Scenario, v: &View) -> String {
    let mut parts: Vec<String> = encode_query(s).split('&').filter(|p| !p.is_empty()).map(str::to_string).collect();
    parts.extend(v.encode());
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portfolio_choices_ride_in_the_link() {
        let q = "preset=india-1gw&portfolio=off%3Doracle-stargate%26threshold%3D0.5%26term.coreweave%3D6";
        let p = decode_page(q);
        assert_eq!(p.warnings, vec![]);
        assert!(p.view.portfolio.off.contains("oracle-stargate"));
        assert_eq!(p.view.portfolio.threshold, 0.5);
        assert_eq!(p.view.portfolio.term_years.get("coreweave"), Some(&6.0));
        let again = decode_page(&encode_page(&p.scenario, &p.view));
        assert_eq!(again.view, p.view);
        // `portfolio=1` (the command line's flag) is the default choices.
        let flag = decode_page("portfolio=1");
        assert_eq!((&flag.warnings, &flag.view.portfolio), (&vec![], &Choices::default()));
        assert_eq!(encode_page(&flag.scenario, &flag.view), "");
        // A bad choice is named as the portfolio's; the others stand.
        let bad = decode_page("portfolio=off%3Damd%26term.coreweave%3D99");
        assert_eq!(bad.warnings.len(), 1);
        assert_eq!(bad.warnings[0].key, "portfolio.term.coreweave");
        assert!(bad.view.portfolio.off.contains("amd"));
    }

    #[test]
    fn a_page_round_trips_through_its_query() {
        let q = "preset=india-1gw&pue=1.3&lang=hi&currency=INR&fx=90&output=irr&chart=cashflow&compare=pue%3D1.2";
        let p = decode_page(q);
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(p.view.lang, Some(Lang::Hi));
        assert_eq!(p.view.currency, Currency::Inr);
        assert_eq!(p.view.rate(), 90.0);
        assert_eq!(p.view.output, Some(Output::irr));
        assert_eq!(p.view.chart, Some(ChartId::CashFlow));
        let a = p.view.compare.clone().expect("A is pinned");
        assert_eq!(a.inputs.pue, 1.2);
        assert_eq!(a.preset.id, computedeal_core::presets::DEFAULT_PRESET);
        let again = decode_page(&encode_page(&p.scenario, &p.view));
        assert_eq!(again.scenario, p.scenario);
        assert_eq!(again.view, p.view);
    }

    #[test]
    fn embed_options_are_plain_text_and_round_trip() {
        // Markup stays text (the page never parses it); control characters
        // and runs of spaces fold; an empty title is no title.
        let hostile = "<img src=x onerror=alert(1)> & \u{7}\n  “quoted”";
        let q = format!("embed=1&title={}&subtitle=%20%20&static=1&plain=1&transparent=1&theme=dark", percent_encode(hostile));
        let p = decode_page(&q);
        // The bell (a control character that is not white space) is said.
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
        assert_eq!((p.warnings[0].key.as_str(), &p.warnings[0].problem), ("title", &Problem::Unprintable { count: 1 }));
        assert_eq!(p.view.title.as_deref(), Some("<img src=x onerror=alert(1)> & “quoted”"));
        assert_eq!(p.view.subtitle, None);
        assert!(p.view.still && p.view.plain && p.view.transparent && p.view.embed);
        assert_eq!(p.view.theme, ThemeChoice::Dark);
        let again = decode_page(&encode_page(&p.scenario, &p.view));
        assert_eq!(again.view, p.view);
        // Too long: cut at 100 characters (Devanagari counts characters,
        // not bytes), with a notice that says what is used.
        let long = "द".repeat(150);
        let p = decode_page(&format!("title={}", percent_encode(&long)));
        assert_eq!(p.view.title.as_ref().map(|t| t.chars().count()), Some(TITLE_MAX));
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].problem, Problem::TextTooLong { max: TITLE_MAX });
        assert_eq!(p.warnings[0].used.as_deref(), Some("द".repeat(100).as_str()));
        // Longer than a plain value may be (256 characters): cut, not ignored.
        let p = decode_page(&format!("title={}", "a".repeat(300)));
        assert_eq!(p.view.title.as_ref().map(|t| t.len()), Some(TITLE_MAX));
        assert_eq!(p.warnings[0].problem, Problem::TextTooLong { max: TITLE_MAX });
        // Non-characters (U+FFFE, U+FFFF, U+FDD0) and a control character
        // are removed and counted; no image carries them (issue 27).
        let p = decode_page(&format!("title={}", percent_encode("A\u{FFFE}B\u{FFFF}C\u{FDD0}\u{1}D")));
        assert_eq!(p.view.title.as_deref(), Some("ABC D"));
        assert_eq!(p.warnings[0].problem, Problem::Unprintable { count: 4 });
        // A flag that is not one.
        let p = decode_page("static=yes");
        assert!(!p.view.still);
        assert_eq!(p.warnings[0].key, "static");
    }

    #[test]
    fn the_default_page_has_an_empty_query() {
        assert_eq!(encode_page(&Scenario::default(), &View::default()), "");
        // A pinned default deal still says so.
        let v = View { compare: Some(Scenario::default()), ..View::default() };
        assert_eq!(encode_page(&Scenario::default(), &v), "compare=");
        assert_eq!(decode_page("compare=").view.compare, Some(Scenario::default()));
    }

    #[test]
    fn bad_view_values_name_the_key_and_what_is_allowed() {
        let cases = [
            ("lang=fr", "lang='fr' is not a language of this calculator: allowed en or hi"),
            ("currency=GBP", "currency='GBP' is not allowed: USD, INR or EUR"),
            ("currency=INR&fx=5", "fx='5' is not a rate for INR: allowed 40 – 200; the default 88.7 is used"),
            ("fx=NaN", "fx='NaN' is not a rate for USD"),
            ("chart=pie", "chart='pie' is not a chart: allowed deployment, cost"),
            ("output=joy", "output='joy' is not allowed: one of price_usd_per_accelerator_hour"),
            ("embed=yes", "embed='yes' is not allowed: 1 or 0"),
            ("kpis=npv_usd,nope", "kpis='nope' is not allowed: up to 4 of"),
            ("theme=pink", "theme='pink' is not allowed: light, dark or auto"),
            ("compare=pue%3D9", "compare: pue=9 is out of range"),
        ];
        for (q, want) in cases {
            let p = decode_page(q);
            let messages: Vec<String> = p.warnings.iter().map(|w| crate::notices::notice_text(Lang::En, w)).collect();
            assert!(messages.iter().any(|m| m.contains(want)), "{q}: {messages:?}");
            assert_eq!(p.scenario, Scenario::default(), "{q}");
        }
        let p = decode_page("kpis=npv_usd,irr,margin,capex_usd,co2_kt_per_year");
        let keys: Vec<&str> = p.view.kpis.iter().map(|f| f.key()).collect();
        assert_eq!(keys, vec!["npv_usd", "irr", "margin", "capex_usd"]);
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(decode_page("currency=inr&fx=88.7").view.fx, None, "the default rate is not written");
    }
}
