//! Notices in words: each `Problem` the core reports becomes a sentence in
//! the reader's language, by one exhaustive `match` (a new problem without
//! its sentence does not compile). The sentences name the input, what was
//! given and what is allowed or used instead.

use computedeal_core::model::Undefined;
use computedeal_core::notice::{Allowed, DistFamily, DistPart, Notice, Problem, Severity};
use computedeal_core::params::{format_number, P};

use crate::i18n::{fill, messages, Lang, Messages};

/// A value quoted in a message, cut to a readable length.
pub fn shorten(lang: Lang, text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        format!("'{text}'")
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("'{head}…' ({})", fill(messages(lang).chars, &[("n", &text.chars().count().to_string())]))
    }
}

/// What is allowed, in words: "1 to 2.5", "one of h100, h200, …", "en or hi".
pub fn allowed_text(lang: Lang, allowed: &Allowed) -> String {
    let m = messages(lang);
    match allowed {
        Allowed::Range { min, max } => fill(m.range_to, &[("min", min), ("max", max)]),
        Allowed::OneOf(list) if list.len() <= 3 => or_list(m, list),
        Allowed::OneOf(list) => fill(m.range_one_of, &[("list", &list.join(", "))]),
        Allowed::UpTo { n, of } => fill(m.range_up_to, &[("n", &n.to_string()), ("list", &of.join(", "))]),
    }
}

/// "a, b or c".
fn or_list(m: &Messages, list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => fill(m.list_or, &[("list", &head.join(", ")), ("last", last)]),
    }
}

fn family_name(f: DistFamily) -> (&'static str, &'static str) {
    match f {
        DistFamily::Uniform => ("unif", "low, high"),
        DistFamily::Triangular => ("tri", "low, mode, high"),
        DistFamily::Pert => ("pert", "low, mode, high"),
        DistFamily::Normal => ("norm", "mean, sd"),
        DistFamily::LogNormal => ("lognorm", "P5, P95"),
    }
}

fn part_name(m: &Messages, part: DistPart) -> &'static str {
    match part {
        DistPart::Low => m.w_low_end,
        DistPart::High => m.w_high_end,
        DistPart::Mean => m.w_mean,
        DistPart::P5 => m.w_p5,
        DistPart::P95 => m.w_p95,
    }
}

/// The sentence for a problem with one value of `key` given as `given`.
pub fn problem_text(lang: Lang, key: &str, given: &str, problem: &Problem) -> String {
    let m = messages(lang);
    let quoted = shorten(lang, given);
    let plain = given.trim();
    let al = |a: &Allowed| allowed_text(lang, a);
    match problem {
        Problem::NotFinite => fill(m.e_not_finite, &[("key", key), ("value", plain)]),
        Problem::NotWhole => fill(m.e_not_whole, &[("key", key), ("value", plain)]),
        Problem::NoSuchChoice => fill(m.e_no_choice, &[("key", key), ("value", plain)]),
        Problem::OutOfRange { allowed } => fill(m.e_out_of_range, &[("key", key), ("value", plain), ("allowed", &al(allowed))]),
        Problem::NotANumber { allowed } => fill(m.e_not_a_number, &[("key", key), ("value", &quoted), ("allowed", &al(allowed))]),
        Problem::NotAllowed { allowed } => fill(m.e_not_allowed, &[("key", key), ("value", &quoted), ("allowed", &al(allowed))]),
        Problem::BadQuarter => fill(m.e_quarter_in, &[("key", key), ("value", &quoted), ("why", m.e_quarter)]),
        Problem::NumberNotText { allowed } => fill(m.e_as_text, &[("key", key), ("value", plain), ("allowed", &al(allowed))]),
        Problem::NotNumberOrText { allowed } => fill(m.e_not_number_or_text, &[("key", key), ("value", &quoted), ("allowed", &al(allowed))]),
        Problem::TooLong { chars, max } => fill(m.e_too_long, &[("key", key), ("n", &chars.to_string()), ("max", &max.to_string())]),
        Problem::QueryTooLong { chars, max } => fill(m.e_query_too_long, &[("n", &chars.to_string()), ("max", &max.to_string())]),
        Problem::FileTooBig { bytes, max } => fill(m.e_json_too_big, &[("n", &bytes.to_string()), ("max", &max.to_string())]),
        Problem::FileOverCap { max } => fill(m.e_file_over_cap, &[("max", &max.to_string())]),
        Problem::NotUtf8 { byte } => fill(m.e_not_utf8, &[("byte", &byte.to_string())]),
        Problem::NotJson { line, column } => fill(m.e_json_invalid, &[("error", &format!("line {line}, column {column}"))]),
        Problem::NoScenarioObject => m.e_json_no_object.to_string(),
        Problem::Duplicate => fill(m.e_duplicate, &[("key", key), ("value", &quoted)]),
        Problem::UnknownParam => fill(m.e_unknown_param, &[("key", &shorten(lang, key))]),
        Problem::UnknownParams { count, keys } => {
            let names: Vec<String> = keys.iter().map(|k| shorten(lang, k)).collect();
            let more = if *count > keys.len() { ", …" } else { "" };
            fill(
                m.e_unknown_params,
                &[
                    ("n", &crate::format::Fmt::new(lang, crate::format::Currency::Usd, 1.0).number(*count as f64, 0)),
                    ("keys", &format!("{}{more}", names.join(", "))),
                ],
            )
        }
        Problem::BadPreset { allowed, used } => {
            let list = match allowed {
                Allowed::OneOf(list) => list.join(", "),
                other => al(other),
            };
            fill(m.e_bad_preset, &[("value", &quoted), ("preset", used), ("list", &list)])
        }
        Problem::BadUncertainty => fill(m.e_bad_uncertainty, &[("value", &quoted)]),
        Problem::CannotBeUncertain => fill(m.e_cannot_be_uncertain, &[("key", key)]),
        Problem::NotNumberOrDist => fill(m.e_not_number_or_dist, &[("key", key), ("value", &quoted), ("syntax", m.syntax)]),
        Problem::DistArg { arg } => fill(m.e_dist_arg, &[("key", key), ("value", &quoted), ("arg", &shorten(lang, arg))]),
        Problem::DistArity { family, want, got } => {
            let (name, what) = family_name(*family);
            fill(m.e_dist_count, &[("key", key), ("value", &quoted), ("name", name), ("n", &want.to_string()), ("what", what), ("got", &got.to_string())])
        }
        Problem::DistEnd { part, number, allowed } => fill(
            m.e_dist_end,
            &[("key", key), ("value", &quoted), ("what", part_name(m, *part)), ("number", &format_number(*number)), ("allowed", &al(allowed))],
        ),
        Problem::DistOrder => fill(m.e_dist_order, &[("key", key), ("value", &quoted)]),
        Problem::DistMode { mode } => fill(m.e_dist_mode, &[("key", key), ("value", &quoted), ("mode", &format_number(*mode))]),
        Problem::DistSd { sd } => fill(m.e_dist_sd, &[("key", key), ("value", &quoted), ("sd", &format_number(*sd))]),
        Problem::DistP5 { p5 } => fill(m.e_dist_p5, &[("key", key), ("value", &quoted), ("p5", &format_number(*p5))]),
        Problem::DistP5P95 => fill(m.e_dist_p5_p95, &[("key", key), ("value", &quoted)]),
        Problem::DistUnknown { name } => fill(m.e_dist_unknown, &[("key", key), ("value", &quoted), ("name", &shorten(lang, name)), ("syntax", m.syntax)]),
        Problem::CorrNotText { max } => fill(m.e_corr_text, &[("value", &quoted), ("max", &max.to_string())]),
        Problem::CorrForm => corr_ignored(m, &quoted, m.e_corr_form),
        Problem::CorrNotParam { key: k } => corr_ignored(m, &quoted, &fill(m.e_corr_not_param, &[("key", &shorten(lang, k))])),
        Problem::CorrNotNumber => corr_ignored(m, &quoted, m.e_corr_not_number),
        Problem::CorrSelf => corr_ignored(m, &quoted, m.e_corr_self),
        Problem::CorrRange { rho } => corr_ignored(m, &quoted, &fill(m.e_corr_range, &[("value", &format_number(*rho))])),
        Problem::CorrRepeated => fill(m.e_corr_repeated, &[("value", &quoted)]),
        Problem::CorrPairRepeated => fill(m.e_corr_pair_repeated, &[("value", &quoted)]),
        Problem::NestedCompare => m.e_nested_compare.to_string(),
        Problem::NestedPortfolio => m.e_nested_portfolio.to_string(),
        Problem::CorrNotUncertain { key: k } => fill(m.e_corr_not_uncertain, &[("value", &quoted), ("key", k)]),
        Problem::CorrScaled { scale } => fill(m.e_corr_scaled, &[("value", &quoted), ("scale", &scale.to_string())]),
        Problem::RampBeforeStart { start } => fill(m.e_ramp_before_start, &[("ramp_end", plain), ("start", start)]),
        Problem::RampAfterTerm => fill(m.e_ramp_after_term, &[("ramp_end", plain)]),
        Problem::ExpansionBeforeStart { start } => fill(m.e_expansion_before_start, &[("expansion_start", plain), ("start", start)]),
        Problem::Expansion2BeforeExpansion { start } => fill(m.e_expansion2_before_expansion, &[("expansion2_start", plain), ("start", start)]),
        Problem::ExpansionValueAlone => m.e_expansion_value_alone.to_string(),
        Problem::CpuValueAlone => m.e_cpu_value_alone.to_string(),
        Problem::AcceleratorValueAlone => m.e_accelerator_value_alone.to_string(),
        Problem::RefreshNeedsSigning => m.e_refresh_needs_signing.to_string(),
        Problem::RefreshedAtMarket => m.e_refreshed_at_market.to_string(),
        Problem::Unusual { typical } => fill(m.e_unusual, &[("key", key), ("value", plain), ("typical", &al(typical))]),
        Problem::BadLang { .. } => fill(m.e_bad_lang, &[("value", &quoted)]),
        Problem::BadCurrency { .. } => fill(m.e_bad_currency, &[("value", &quoted)]),
        Problem::BadFx { currency, allowed, default } => {
            let range = match allowed {
                Allowed::Range { min, max } => format!("{min} – {max}"),
                other => al(other),
            };
            fill(m.e_bad_fx, &[("value", &quoted), ("currency", currency), ("allowed", &range), ("rate", &format_number(*default))])
        }
        Problem::BadChart { allowed } => {
            let list = match allowed {
                Allowed::OneOf(list) => list.join(", "),
                other => al(other),
            };
            fill(m.e_bad_chart, &[("value", &quoted), ("list", &list)])
        }
        Problem::FileUnreadable { reason } => fill(m.e_file_unreadable, &[("reason", reason)]),
        Problem::TextTooLong { max } => fill(m.e_text_too_long, &[("key", key), ("max", &max.to_string())]),
        Problem::BesideScenario => fill(m.e_beside_scenario, &[("key", &shorten(lang, key))]),
        Problem::ViewKeyInFile => fill(m.e_view_key_in_file, &[("key", key)]),
        Problem::Unprintable { count } => fill(m.e_unprintable, &[("key", key), ("n", &count.to_string())]),
    }
}

fn corr_ignored(m: &Messages, quoted: &str, why: &str) -> String {
    fill(m.e_corr_ignored, &[("value", quoted), ("why", why)])
}

/// The sentence for a notice: the problem, and for a rejected parameter
/// value, the preset's value that stands in for it. A notice about the
/// pinned scenario (`compare.pue`) says so.
pub fn notice_text(lang: Lang, n: &Notice) -> String {
    let m = messages(lang);
    if let Some(inner) = n.key.strip_prefix("compare.") {
        let inner = Notice { key: inner.to_string(), ..n.clone() };
        return format!("compare: {}", notice_text(lang, &inner));
    }
    let text = problem_text(lang, &n.key, &n.given, &n.problem);
    match (&n.used, n.severity) {
        (Some(used), Severity::Rejected) if P::from_key(&n.key).is_some() => fill(m.e_preset_value_used, &[("message", &text), ("value", used)]),
        _ => text,
    }
}

/// The words for a choice of a choice parameter (chips and precisions are
/// named by the catalogue and by their own ids).
pub fn choice_text(lang: Lang, id: &str) -> Option<&'static str> {
    let m = messages(lang);
    Some(match id {
        "signing" => m.c_signing,
        "delivery" => m.c_delivery,
        "take_or_pay" => m.c_take_or_pay,
        "delivered" => m.c_delivered,
        "market" => m.c_market,
        "book" => m.c_book,
        "none" => m.c_none,
        "run_on" => m.c_run_on,
        "refresh" => m.c_refresh,
        "bonus" => m.c_bonus,
        "macrs5" => m.c_macrs5,
        "straight_line" => m.c_straight_line,
        "rqmc" => m.c_rqmc,
        "plain" => m.c_plain,
        _ => return None,
    })
}

/// Why an output is undefined, in words.
pub fn undefined_text(lang: Lang, why: Undefined) -> &'static str {
    let m = messages(lang);
    match why {
        Undefined::IrrNoSignChange => m.u_irr_no_sign_change,
        Undefined::IrrOutOfRange => m.u_irr_out_of_range,
        Undefined::IrrMultipleRoots => m.u_irr_multiple_roots,
        Undefined::NoPayback => m.u_no_payback,
        Undefined::NoCpuSide => m.u_no_cpu_side,
        Undefined::NothingOnline => m.u_nothing_online,
        Undefined::NoAccelerators => m.u_no_accelerators,
        Undefined::NoAvailability => m.u_no_availability,
        Undefined::NoRevenue => m.u_no_revenue,
        Undefined::NpvNotPositive => m.u_npv_not_positive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every problem, with values in its fields. The `match` below
    /// has no wildcard: a new problem does not compile until it is here.
    fn every_problem() -> Vec<Problem> {
        let r = || Allowed::Range { min: "1".into(), max: "3".into() };
        let one_of = || Allowed::OneOf(vec!["a".into(), "b".into(), "c".into(), "d".into()]);
        let all = vec![
            Problem::NotFinite,
            Problem::NotWhole,
            Problem::NoSuchChoice,
            Problem::OutOfRange { allowed: r() },
            Problem::NotANumber { allowed: r() },
            Problem::NotAllowed { allowed: one_of() },
            Problem::BadQuarter,
            Problem::NumberNotText { allowed: one_of() },
            Problem::NotNumberOrText { allowed: Allowed::UpTo { n: 2, of: vec!["a".into(), "b".into()] } },
            Problem::TooLong { chars: 300, max: 256 },
            Problem::QueryTooLong { chars: 9000, max: 8192 },
            Problem::FileTooBig { bytes: 2_000_000, max: 1_048_576 },
            Problem::FileOverCap { max: 1_048_576 },
            Problem::NotUtf8 { byte: 9 },
            Problem::NotJson { line: 1, column: 2 },
            Problem::NoScenarioObject,
            Problem::Duplicate,
            Problem::UnknownParam,
            Problem::UnknownParams { count: 12, keys: vec!["x".into(), "y".into()] },
            Problem::BadPreset { allowed: one_of(), used: "aws-openai-2025".into() },
            Problem::BadUncertainty,
            Problem::CannotBeUncertain,
            Problem::NotNumberOrDist,
            Problem::DistArg { arg: "z".into() },
            Problem::DistArity { family: DistFamily::Pert, want: 3, got: 2 },
            Problem::DistEnd { part: DistPart::High, number: 9.0, allowed: r() },
            Problem::DistOrder,
            Problem::DistMode { mode: 5.0 },
            Problem::DistSd { sd: -1.0 },
            Problem::DistP5 { p5: -1.0 },
            Problem::DistP5P95,
            Problem::DistUnknown { name: "beta".into() },
            Problem::CorrNotText { max: 256 },
            Problem::CorrForm,
            Problem::CorrNotParam { key: "x".into() },
            Problem::CorrNotNumber,
            Problem::CorrSelf,
            Problem::CorrRange { rho: 2.0 },
            Problem::CorrRepeated,
            Problem::CorrPairRepeated,
            Problem::NestedCompare,
            Problem::NestedPortfolio,
            Problem::CorrNotUncertain { key: "pue".into() },
            Problem::CorrScaled { scale: 0.5 },
            Problem::RampBeforeStart { start: "2026Q1".into() },
            Problem::RampAfterTerm,
            Problem::ExpansionBeforeStart { start: "2026Q1".into() },
            Problem::Expansion2BeforeExpansion { start: "2027Q1".into() },
            Problem::ExpansionValueAlone,
            Problem::CpuValueAlone,
            Problem::AcceleratorValueAlone,
            Problem::RefreshNeedsSigning,
            Problem::RefreshedAtMarket,
            Problem::Unusual { typical: r() },
            Problem::BadLang { allowed: one_of() },
            Problem::BadCurrency { allowed: one_of() },
            Problem::BadFx { currency: "inr".into(), allowed: r(), default: 88.7 },
            Problem::BadChart { allowed: one_of() },
            Problem::TextTooLong { max: 100 },
            Problem::FileUnreadable { reason: "gone".into() },
            Problem::BesideScenario,
            Problem::ViewKeyInFile,
            Problem::Unprintable { count: 2 },
        ];
        for p in &all {
            match p {
                Problem::NotFinite
                | Problem::NotWhole
                | Problem::NoSuchChoice
                | Problem::OutOfRange { .. }
                | Problem::NotANumber { .. }
                | Problem::NotAllowed { .. }
                | Problem::BadQuarter
                | Problem::NumberNotText { .. }
                | Problem::NotNumberOrText { .. }
                | Problem::TooLong { .. }
                | Problem::QueryTooLong { .. }
                | Problem::FileTooBig { .. }
                | Problem::FileOverCap { .. }
                | Problem::NotUtf8 { .. }
                | Problem::NotJson { .. }
                | Problem::NoScenarioObject
                | Problem::Duplicate
                | Problem::UnknownParam
                | Problem::UnknownParams { .. }
                | Problem::BadPreset { .. }
                | Problem::BadUncertainty
                | Problem::CannotBeUncertain
                | Problem::NotNumberOrDist
                | Problem::DistArg { .. }
                | Problem::DistArity { .. }
                | Problem::DistEnd { .. }
                | Problem::DistOrder
                | Problem::DistMode { .. }
                | Problem::DistSd { .. }
                | Problem::DistP5 { .. }
                | Problem::DistP5P95
                | Problem::DistUnknown { .. }
                | Problem::CorrNotText { .. }
                | Problem::CorrForm
                | Problem::CorrNotParam { .. }
                | Problem::CorrNotNumber
                | Problem::CorrSelf
                | Problem::CorrRange { .. }
                | Problem::CorrRepeated
                | Problem::CorrPairRepeated
                | Problem::NestedCompare
                | Problem::NestedPortfolio
                | Problem::CorrNotUncertain { .. }
                | Problem::CorrScaled { .. }
                | Problem::RampBeforeStart { .. }
                | Problem::RampAfterTerm
                | Problem::ExpansionBeforeStart { .. }
                | Problem::Expansion2BeforeExpansion { .. }
                | Problem::ExpansionValueAlone
                | Problem::CpuValueAlone
                | Problem::AcceleratorValueAlone
                | Problem::RefreshNeedsSigning
                | Problem::RefreshedAtMarket
                | Problem::Unusual { .. }
                | Problem::BadLang { .. }
                | Problem::BadCurrency { .. }
                | Problem::BadFx { .. }
                | Problem::BadChart { .. }
                | Problem::TextTooLong { .. }
                | Problem::FileUnreadable { .. }
                | Problem::BesideScenario
                | Problem::ViewKeyInFile
                | Problem::Unprintable { .. } => {}
            }
        }
        all
    }

    #[test]
    fn no_notice_or_undefined_output_shows_a_raw_placeholder_in_either_language() {
        // Issue 27: `?preset=nope` said "…using {preset}. Allowed: …".
        for lang in Lang::ALL {
            for problem in every_problem() {
                for (key, used, severity) in [("pue", Some("1.2"), Severity::Rejected), ("compare.pue", None, Severity::Repaired), ("", None, Severity::Noted)]
                {
                    let n = Notice { key: key.into(), given: "x".into(), problem: problem.clone(), severity, used: used.map(String::from) };
                    let text = notice_text(lang, &n);
                    assert!(!text.contains('{') && !text.contains('}'), "{lang:?} {problem:?}: {text}");
                    assert!(!text.trim().is_empty(), "{lang:?} {problem:?}");
                }
            }
            for why in [
                Undefined::IrrNoSignChange,
                Undefined::IrrOutOfRange,
                Undefined::IrrMultipleRoots,
                Undefined::IrrMultipleRoots,
                Undefined::NoPayback,
                Undefined::NoCpuSide,
                Undefined::NothingOnline,
                Undefined::NoAccelerators,
                Undefined::NoAvailability,
                Undefined::NoRevenue,
                Undefined::NpvNotPositive,
            ] {
                let text = undefined_text(lang, why);
                assert!(!text.contains('{'), "{lang:?} {why:?}: {text}");
            }
        }
        // And the real one, from a link, in both languages.
        for lang in Lang::ALL {
            let d = decode_query("preset=nope");
            let text = notice_text(lang, &d.notices[0]);
            assert!(text.contains("aws-openai-2025") && !text.contains('{'), "{text}");
            let d = decode_query("compare=preset%3Dnope");
            for n in &d.notices {
                assert!(!notice_text(lang, n).contains('{'), "{}", notice_text(lang, n));
            }
        }
    }
    use computedeal_core::codec::decode_query;
    use computedeal_core::dist::Dist;

    fn english(q: &str) -> Vec<String> {
        decode_query(q).notices.iter().map(|n| notice_text(Lang::En, n)).collect()
    }

    #[test]
    fn bad_values_name_the_key_the_value_and_what_is_allowed() {
        let cases = [
            ("pue=7", "pue=7 is out of range: allowed 1 to 3; the preset's value 1.14 is used"),
            ("pue=2.4", "pue=2.4 is unusual (most deals: 1.03 to 2); used as given"),
            ("accelerators=0", "accelerators is 0 but part of the value pays for them: that part earns nothing"),
            ("term_basis=delivery&refresh=refresh", "refresh applies when the term runs from signing"),
            ("pue=abc", "pue='abc' is not a number"),
            ("start=2025Q7", "start='2025Q7': a quarter is written like 2025Q4"),
            ("accelerator=tpu9", "accelerator='tpu9' is not allowed: one of h100"),
            ("frobnicate=1", "'frobnicate' is not a parameter"),
            ("preset=nope", "preset='nope' is not a preset"),
            ("accelerators=12.5", "accelerators=12.5 must be a whole number"),
            ("pue=1.3&pue=1.4", "pue is given more than once; the last value, '1.4', is used"),
        ];
        for (q, want) in cases {
            let w = english(q);
            assert!(w.iter().any(|m| m.contains(want)), "{q}: {w:?}");
        }
        let long = "1".repeat(257);
        assert!(english(&format!("pue={long}")).iter().any(|m| m.contains("at most 256")));
        assert!(english(&"x=1&".repeat(8192)).iter().any(|m| m.contains("only the first 8192")));
    }

    #[test]
    fn malformed_distributions_say_what_is_wrong() {
        let cases = [
            (P::pue, "1.35~1.1", "the low end must be below the high end"),
            (P::pue, "1.1~3.5", "the high end 3.5 is out of range: allowed 1 to 3"),
            (P::pue, "norm:1.2,-0.1", "the standard deviation must be positive"),
            (P::electricity_usd_per_mwh, "tri:45,200,110", "the mode 200 must lie between"),
            (P::electricity_usd_per_mwh, "beta:1,2", "unknown distribution 'beta'"),
            (P::electricity_usd_per_mwh, "tri:45,70", "tri takes 3 numbers"),
            (P::electricity_usd_per_mwh, "tri:45,x,70", "'x' is not a number"),
            (P::pue, "1.3", "not a number or a distribution"),
            (P::electricity_escalation, "lognorm:-0.01,0.05", "needs a positive P5"),
            (P::accelerator, "1~2", "accelerator cannot be uncertain"),
            (P::samples, "1000~2000", "samples cannot be uncertain"),
        ];
        for (p, text, want) in cases {
            let problem = Dist::parse(p.param(), text).expect_err("a problem");
            let err = problem_text(Lang::En, p.key(), text, &problem);
            assert!(err.contains(want), "{text}: {err}");
            assert!(err.starts_with(p.key()), "{err}");
        }
    }

    #[test]
    fn notices_are_written_in_the_reader_language() {
        let n = &decode_query("pue=7").notices[0];
        assert_eq!(problem_text(Lang::Hi, &n.key, &n.given, &n.problem), "pue=7 सीमा से बाहर है: अनुमत 1 से 3");
        assert_eq!(problem_text(Lang::En, &n.key, &n.given, &n.problem), "pue=7 is out of range: allowed 1 to 3");
        let n = &decode_query("pue=2.4").notices[0];
        assert_eq!(problem_text(Lang::Hi, &n.key, &n.given, &n.problem), "pue=2.4 असामान्य है (ज़्यादातर सौदे: 1.03 से 2); जैसा दिया गया वैसा ही लिया गया");
        assert_eq!(choice_text(Lang::Hi, "delivery"), Some("डिलीवरी से"));
        assert_eq!(choice_text(Lang::En, "h100"), None);
        let problem = Dist::parse(P::pue.param(), "1.4~1.1").expect_err("a problem");
        assert!(problem_text(Lang::Hi, "pue", "1.4~1.1", &problem).contains("निचला छोर ऊपरी छोर से कम होना चाहिए"));
    }

    #[test]
    fn correlations_and_repairs_read_as_before() {
        let w = english("pue=1.1~1.3&corr=pue:pue:0.5,pue:wacc:2,pue:nope:0.1,a:b");
        for want in [
            "an input cannot be correlated with itself",
            "the rank correlation 2 is out of range",
            "'nope' is not a parameter",
            "write a correlation as input:input:rho",
        ] {
            assert!(w.iter().any(|m| m.contains(want)), "{want}: {w:?}");
        }
        let w = english("ramp_end=2025Q1");
        assert_eq!(w, vec!["ramp_end=2025Q1 is before start=2025Q4: the first tranche is taken to be online at once".to_string()]);
        assert_eq!(undefined_text(Lang::En, Undefined::NoCpuSide), "there is no CPU side (vcpus = 0)");
    }
}
