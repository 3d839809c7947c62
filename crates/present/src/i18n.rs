//! The interface's text in English and Hindi. `Messages` is one catalogue
//! per language (`en::EN`, `hi::HI`: a message missing in one does not
//! compile); parameters, outputs, presets, panel groups and notices are
//! translated by exhaustive `match` in `en.rs`, `hi.rs` and `notices.rs`, so
//! a missing or misplaced translation fails to compile. Messages with values
//! use `{name}` placeholders filled by `fill`. Nothing here is thread-local:
//! every function takes the language.

use computedeal_core::outputs::Output;
use computedeal_core::params::{Group, P};
use computedeal_core::presets::PresetId;

pub use crate::messages::{Messages, ParamText, PresetText};
use crate::{en, hi};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Hi,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Hi];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        let primary = c.split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Hi => "हिन्दी",
        }
    }
}

pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &en::EN,
        Lang::Hi => &hi::HI,
    }
}

/// Replaces each `{name}` in a template with its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A piece of a filled template: its own text, or a value put in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Value(String),
}

/// `fill`, keeping the values apart from the template's words, so that a
/// page can draw them differently (a placeholder the width of the figure
/// while it is being worked out). Joined, the parts are `fill`'s text.
pub fn fill_parts(template: &str, args: &[(&str, &str)]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        // The earliest placeholder of any argument.
        let next = args.iter().filter_map(|(name, value)| rest.find(&format!("{{{name}}}")).map(|at| (at, name.len() + 2, *value))).min_by_key(|(at, ..)| *at);
        match next {
            Some((at, len, value)) => {
                if at > 0 {
                    parts.push(Part::Text(rest[..at].to_string()));
                }
                parts.push(Part::Value(value.to_string()));
                rest = &rest[at + len..];
            }
            None => {
                parts.push(Part::Text(rest.to_string()));
                rest = "";
            }
        }
    }
    parts
}

pub fn param_text(lang: Lang, p: P) -> ParamText {
    match lang {
        Lang::En => en::param(p),
        Lang::Hi => hi::param(p),
    }
}

pub fn param_label(lang: Lang, p: P) -> &'static str {
    param_text(lang, p).label
}

pub fn param_unit(lang: Lang, p: P) -> &'static str {
    param_text(lang, p).unit
}

pub fn param_help(lang: Lang, p: P) -> &'static str {
    param_text(lang, p).help
}

pub fn group_label(lang: Lang, g: Group) -> &'static str {
    match lang {
        Lang::En => en::group(g),
        Lang::Hi => hi::group(g),
    }
}

/// An output's label (the cards, the CLI, the charts).
pub fn output_label(lang: Lang, o: Output) -> &'static str {
    match lang {
        Lang::En => en::output(o),
        Lang::Hi => hi::output(o),
    }
}

pub fn preset_text(lang: Lang, id: PresetId) -> PresetText {
    match lang {
        Lang::En => en::preset(id),
        Lang::Hi => hi::preset(id),
    }
}

/// A source's title as the page shows it, and whether it is in `lang`. The
/// titles of published sources are quoted as published (in English, marked
/// so on the page); our own notes, the sources without an address, are
/// written in every language.
pub fn source_title(lang: Lang, s: &computedeal_core::sources::Source) -> (&'static str, bool) {
    match lang {
        Lang::En => (s.title, true),
        Lang::Hi => hi::own_source_title(s.id).map(|t| (t, true)).unwrap_or((s.title, false)),
    }
}

/// What a deal of OpenAI's portfolio buys, as the page says it, and whether
/// it is in `lang` (the records describe their deals in English).
pub fn deal_what(lang: Lang, d: &computedeal_core::portfolio::Deal) -> (&str, bool) {
    match lang {
        Lang::En => (&d.what, true),
        Lang::Hi => hi::deal_what(&d.id).map(|t| (t, true)).unwrap_or((&d.what, false)),
    }
}

/// The note on a seller's published backlog, and whether it is in `lang`.
pub fn backlog_note(lang: Lang, b: &computedeal_core::portfolio::Backlog) -> (&str, bool) {
    match lang {
        Lang::En => (&b.note, true),
        Lang::Hi => hi::backlog_note(&b.seller).map(|t| (t, true)).unwrap_or((&b.note, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portfolio_s_deals_and_backlogs_have_words_in_every_language() {
        let p = computedeal_core::portfolio::portfolio().expect("the compiled-in portfolio parses");
        let devanagari = |t: &str| t.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
        for d in &p.deals {
            for lang in Lang::ALL {
                let (text, translated) = deal_what(lang, d);
                assert!(translated && !text.is_empty(), "{} has no {} description", d.id, lang.code());
            }
            assert!(devanagari(deal_what(Lang::Hi, d).0), "{}'s Hindi description is Devanagari", d.id);
        }
        for b in &p.backlogs {
            for lang in Lang::ALL {
                let (text, translated) = backlog_note(lang, b);
                assert!(translated && !text.is_empty(), "{}'s backlog has no {} note", b.seller, lang.code());
            }
            assert!(devanagari(backlog_note(Lang::Hi, b).0), "{}'s Hindi backlog note is Devanagari", b.seller);
        }
        // A record without Hindi words (a new one) is shown in English, marked so.
        let mut new = p.deals[0].clone();
        new.id = "a-new-deal".into();
        assert_eq!(deal_what(Lang::Hi, &new), (new.what.as_str(), false));
    }

    #[test]
    fn filled_parts_join_to_the_filled_text() {
        let args = [("lo", "$5.99B"), ("hi", "$11.5B"), ("p", "2.0%")];
        for lang in Lang::ALL {
            let template = messages(lang).h_range;
            let parts = fill_parts(template, &args);
            let joined: String = parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) | Part::Value(t) => t.as_str(),
                })
                .collect();
            assert_eq!(joined, fill(template, &args));
            assert_eq!(parts.iter().filter(|p| matches!(p, Part::Value(_))).count(), 3, "{}", lang.code());
        }
        assert_eq!(fill_parts("{a}{a} b", &[("a", "1")]), vec![Part::Value("1".into()), Part::Value("1".into()), Part::Text(" b".into())]);
        assert_eq!(fill_parts("no values", &[("a", "1")]), vec![Part::Text("no values".into())]);
        assert_eq!(fill_parts("", &[]), vec![]);
    }

    #[test]
    fn our_own_sources_have_a_title_in_every_language() {
        for s in computedeal_core::sources::SOURCES.iter().filter(|s| s.url.is_empty()) {
            for lang in [Lang::En, Lang::Hi] {
                let (title, translated) = source_title(lang, s);
                assert!(translated && !title.is_empty(), "{} has no {} title", s.id, lang.code());
            }
            assert!(source_title(Lang::Hi, s).0.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)), "{}'s Hindi title is Devanagari", s.id);
        }
    }

    #[test]
    fn every_parameter_output_and_preset_has_text_in_every_language() {
        for lang in Lang::ALL {
            for p in P::ALL {
                let t = param_text(lang, *p);
                assert!(!t.label.is_empty() && !t.help.is_empty(), "{lang:?} {}", p.key());
            }
            for o in Output::ALL {
                assert!(!output_label(lang, o).is_empty(), "{lang:?} {}", o.key());
            }
            for id in PresetId::ALL {
                let t = preset_text(lang, id);
                assert!(!t.name.is_empty() && !t.summary.is_empty(), "{lang:?} {}", id.key());
            }
        }
    }

    #[test]
    fn every_preset_has_a_hindi_summary() {
        for id in PresetId::ALL {
            assert_ne!(preset_text(Lang::Hi, id).summary, preset_text(Lang::En, id).summary, "{}", id.key());
        }
    }

    #[test]
    fn every_monte_carlo_output_has_a_hindi_label() {
        for o in Output::MC {
            assert_ne!(output_label(Lang::Hi, o), output_label(Lang::En, o), "{}", o.key());
        }
    }

    #[test]
    fn templates_fill_and_languages_parse() {
        assert_eq!(fill("{a} to {b}", &[("a", "1"), ("b", "2")]), "1 to 2");
        assert_eq!(Lang::from_code("hi-IN"), Some(Lang::Hi));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        // The catalogues have the same placeholders.
        let (en, hi) = (messages(Lang::En), messages(Lang::Hi));
        let pairs = [(en.e_out_of_range, hi.e_out_of_range), (en.r_profit, hi.r_profit), (en.mc_done, hi.mc_done), (en.e_bad_fx, hi.e_bad_fx)];
        for (en, hi) in pairs {
            let names = |s: &str| {
                let mut v: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split('}').next()).map(String::from).collect();
                v.sort();
                v
            };
            assert_eq!(names(en), names(hi), "{en}");
        }
    }
}
