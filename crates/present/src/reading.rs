//! The plain-language reading of a scenario: one paragraph a reader of a
//! news story can follow, built from the same numbers as the cards.

use crate::format::Fmt;
use crate::i18n::{fill, messages, preset_text};
use computedeal_core::model::Outcome;
use computedeal_core::outputs::{Output, Unit};
use computedeal_core::scenario::Scenario;

/// The paragraph, in the language and currency of `fmt`; `p_loss` is the
/// Monte Carlo's probability of loss, once known.
pub fn reading(s: &Scenario, o: &Outcome, p_loss: Option<f64>, fmt: &Fmt) -> String {
    let m = messages(fmt.lang);
    let price = o.out.price_usd_per_accelerator_hour;
    let cost = o.out.cost_usd_per_accelerator_hour;
    let parties = preset_text(fmt.lang, s.preset.id);
    let hour = |v: f64| fmt.value(v, Unit::UsdPerHour);
    let pct = |v: f64| fmt.value(v, Unit::Fraction);
    let (price_s, cost_s) = (hour(price), hour(cost));
    let unit = m.hour(s.inputs.accelerator_is_gpu());
    let who = [("seller", parties.seller), ("buyer", parties.buyer), ("price", price_s.as_str()), ("cost", cost_s.as_str()), ("unit", unit)];
    let mut text = if price >= cost {
        fill(m.r_profit, &[&who[..], &[("margin", pct(o.out.margin).as_str())]].concat())
    } else {
        fill(m.r_loss, &[&who[..], &[("margin", pct(-o.out.margin).as_str())]].concat())
    };
    text.push_str(&fill(
        m.r_scale,
        &[("capex", &fmt.money(o.out.capex_usd)), ("n", &fmt.number(o.out.accelerators_peak, 0)), ("mw", &fmt.value(o.out.it_mw_peak, Unit::Mw))],
    ));
    let wacc = pct(s.inputs.wacc);
    if o.out.npv_usd >= 0.0 {
        text.push_str(&fill(m.r_npv_gain, &[("wacc", &wacc), ("npv", &fmt.money(o.out.npv_usd))]));
    } else {
        text.push_str(&fill(m.r_npv_loss, &[("wacc", &wacc), ("npv", &fmt.money(-o.out.npv_usd))]));
    }
    match (o.get(Output::irr), o.get(Output::payback_years)) {
        (Some(irr), Some(pb)) => text.push_str(&fill(m.r_irr_payback, &[("irr", &pct(irr)), ("years", &fmt.number(pb, 1))])),
        (Some(irr), None) => text.push_str(&fill(m.r_irr_no_payback, &[("irr", &pct(irr))])),
        (None, _) => text.push_str(m.r_no_irr),
    }
    if cost < 0.0 {
        // An end value larger than every cost: no break-even price, and a
        // margin above 100%, said in words (a "rise" of a negative cost means nothing).
        text.push_str(m.r_negative_cost);
    } else if price >= cost {
        text.push_str(&fill(m.r_break_even, &[("cost", &cost_s), ("unit", unit), ("rise", &pct(price / cost - 1.0))]));
    } else {
        text.push_str(&fill(m.r_would_break_even, &[("cost", &cost_s), ("unit", unit)]));
    }
    if let Some(p) = p_loss {
        text.push_str(&fill(m.r_p_loss, &[("p", &pct(p))]));
    }
    text
}

/// The Monte Carlo's part of the headline: NPV's P5 and P95 and the
/// chance of a loss.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub npv_p5: f64,
    pub npv_p95: f64,
    pub p_loss: f64,
}

/// The headline: the answer for the deal in view in one sentence, with its
/// key number (NPV, in today's money). `headline_range` follows it.
pub fn headline(s: &Scenario, o: &Outcome, fmt: &Fmt) -> String {
    capitalized(headline_text(s, o, fmt))
}

/// A sentence starting with a capital, whatever its first word ("the
/// operator earns …" is a preset's seller put first; issue 29.5).
fn capitalized(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

fn headline_text(s: &Scenario, o: &Outcome, fmt: &Fmt) -> String {
    let m = messages(fmt.lang);
    let parties = preset_text(fmt.lang, s.preset.id);
    let npv = o.out.npv_usd;
    let amount = fmt.money(npv.abs());
    let unit = m.hour(s.inputs.accelerator_is_gpu());
    match (o.get(Output::price_usd_per_accelerator_hour), o.get(Output::cost_usd_per_accelerator_hour)) {
        (Some(price), Some(cost)) => {
            let (price, cost) = (fmt.value(price, Unit::UsdPerHour), fmt.value(cost, Unit::UsdPerHour));
            let vars = [
                ("seller", parties.seller),
                ("buyer", parties.buyer),
                ("npv", amount.as_str()),
                ("price", price.as_str()),
                ("cost", cost.as_str()),
                ("unit", unit),
            ];
            fill(if npv >= 0.0 { m.h_earns } else { m.h_loses }, &vars)
        }
        _ => {
            fill(if npv >= 0.0 { m.h_earns_plain } else { m.h_loses_plain }, &[("seller", parties.seller), ("buyer", parties.buyer), ("npv", amount.as_str())])
        }
    }
}

/// The headline's second part: the Monte Carlo's range of NPV and chance of
/// a loss once known; while `running`, that it is being worked out.
pub fn headline_range(range: Option<Range>, running: bool, fmt: &Fmt) -> String {
    let m = messages(fmt.lang);
    match range {
        Some(r) => fill(m.h_range, &[("lo", &fmt.money(r.npv_p5)), ("hi", &fmt.money(r.npv_p95)), ("p", &fmt.value(r.p_loss, Unit::Fraction))]),
        None if running => m.h_range_running.to_string(),
        None => String::new(),
    }
}

/// A scenario's name: its deal's, marked when inputs were changed.
/// The source line an embed and every downloaded image carry, which no
/// option removes: the calculator, how recent the scenario's data is (the
/// newest source its values cite), and the licence of the figures.
pub fn source_line(lang: crate::i18n::Lang, s: &Scenario) -> String {
    let m = messages(lang);
    format!("{} · {} · {}", m.source_line_name, fill(m.data_as_of, &[("date", s.preset.data_date())]), m.figures_licence)
}

pub fn scenario_name(lang: crate::i18n::Lang, s: &Scenario) -> String {
    let name = preset_text(lang, s.preset.id).name;
    if s.changed().is_empty() {
        name.to_string()
    } else {
        fill(messages(lang).your_changes, &[("name", name)])
    }
}

/// At most this many of B's changes are spelled out.
pub const COMPARE_CHANGES_SHOWN: usize = 3;

/// The compare line: A named as pinned, B by what differs from A ("PUE 1.2 →
/// 1.3, and 2 more"); another deal is named as itself.
pub fn compare_line(a: &Scenario, b: &Scenario, fmt: &Fmt) -> String {
    use crate::i18n::param_label;
    let m = messages(fmt.lang);
    let a_name = scenario_name(fmt.lang, a);
    let b_name = if b.preset.id != a.preset.id {
        scenario_name(fmt.lang, b)
    } else {
        let diffs = b.differences(a);
        if diffs.is_empty() {
            m.compare_same.to_string()
        } else {
            let text = |p: computedeal_core::params::P| {
                let (va, vb) = (a.inputs.get(p), b.inputs.get(p));
                let label = param_label(fmt.lang, p);
                if va == vb {
                    return fill(m.compare_range, &[("input", label)]);
                }
                // Values as the input fields show them; the label names what they are.
                fill(m.compare_change, &[("input", label), ("a", &fmt.field(p.param(), va)), ("b", &fmt.field(p.param(), vb))])
            };
            let mut parts: Vec<String> = diffs.iter().take(COMPARE_CHANGES_SHOWN).map(|p| text(*p)).collect();
            if diffs.len() > COMPARE_CHANGES_SHOWN {
                parts.push(fill(m.compare_more, &[("n", &(diffs.len() - COMPARE_CHANGES_SHOWN).to_string())]));
            }
            parts.join(", ")
        }
    };
    fill(m.pinned, &[("a", &a_name), ("b", &b_name)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use computedeal_core::codec::decode_query;
    use computedeal_core::model::evaluate;

    #[test]
    fn the_default_deal_reads_with_its_margin_and_npv_agreeing() {
        let s = decode_query("").scenario;
        let o = evaluate(&s.inputs);
        let text = reading(&s, &o, Some(0.12), &Fmt::default());
        // Price: 91% of $38B over the hours online, all billed under a
        // commitment, 200,000 × 26 quarters × 2,190 h = $3.04; the levelized
        // cost and the margin (NPV / PV of revenue) from the model.
        assert!(
            text.starts_with("At these assumptions AWS earns $3.04 per GPU-hour from OpenAI against a cost of $2.20 (capital, energy and opex, net of what the hardware is worth at the end), a margin of 27.4%."),
            "{text}"
        );
        assert!(text.contains("worth $7.18B today"), "{text}");
        assert!(text.contains("paid back after 4.6 years"), "{text}");
        // The break-even names the same hour as the price (a GB300 is a GPU).
        assert!(text.contains("breaks even if the price falls to $2.20 per GPU-hour"), "{text}");
        assert!(!text.contains("accelerator-hour"), "{text}");
        assert!(text.contains("is 12.0%"), "{text}");
    }

    #[test]
    fn a_negative_cost_is_explained_not_given_a_break_even() {
        // An end value larger than every cost: at a 0% cost of capital, with
        // a 15-year life, rents rising 20% a year and a full residual, the
        // GPUs leave worth more than the deal spends on them (the model's
        // figures; the margin is then above 100%).
        let s = decode_query("uncertainty=off&wacc=0&it_life_years=15&market_decline=-0.2&residual_fraction=1").scenario;
        let o = evaluate(&s.inputs);
        assert!(o.out.cost_usd_per_accelerator_hour < 0.0 && o.out.margin > 1.0, "{} {}", o.out.cost_usd_per_accelerator_hour, o.out.margin);
        let text = reading(&s, &o, None, &Fmt::default());
        assert!(text.contains("The cost is below zero") && text.contains("above 100%"), "{text}");
        assert!(!text.contains("breaks even if the price falls"), "{text}");
    }

    #[test]
    fn a_losing_deal_says_so() {
        let s = decode_query("value_usd=20e9").scenario;
        let o = evaluate(&s.inputs);
        let text = reading(&s, &o, None, &Fmt::default());
        assert!(text.contains("a loss of") && text.contains("would break even at a price of"), "{text}");
        // A Trainium deal's hour is a chip-hour.
        let s = decode_query("accelerator=trn3").scenario;
        let text = reading(&s, &evaluate(&s.inputs), None, &Fmt::default());
        assert!(text.contains(" per chip-hour") && !text.contains("GPU-hour") && !text.contains("accelerator-hour"), "{text}");
    }

    #[test]
    fn in_hindi_and_rupees_the_numbers_are_the_same() {
        use crate::format::Currency;
        use crate::i18n::Lang;
        let s = decode_query("").scenario;
        let o = evaluate(&s.inputs);
        let fmt = Fmt::new(Lang::Hi, Currency::Inr, 88.7);
        let text = reading(&s, &o, None, &fmt);
        // The price per hour ($3.0365) × 88.7 = ₹269.34; 200,000 accelerators
        // in Indian grouping; capex ($21.2B × 88.7 ≈ ₹1.88 lakh crore).
        assert!(text.contains(&format!("₹{:.2}", o.out.price_usd_per_accelerator_hour * 88.7)), "{text}");
        assert!(text.contains("2,00,000 "), "{text}");
        assert!(text.contains("₹1.88 लाख करोड़"), "{text}");
        assert!(!text.contains("At these assumptions"), "{text}");
    }

    #[test]
    fn the_headline_states_the_answer_with_its_range() {
        let s = decode_query("").scenario;
        let o = evaluate(&s.inputs);
        // NPV +$7.18B at 8% (the model's; see the reading's test), price and cost as there.
        let range = Range { npv_p5: -1.2e9, npv_p95: 11.04e9, p_loss: 0.054 };
        let text = headline(&s, &o, &Fmt::default()) + &headline_range(Some(range), false, &Fmt::default());
        assert_eq!(
            text,
            "AWS earns $7.18B in today's money on this deal with OpenAI: $3.04 per GPU-hour against a cost of $2.20. In 9 of 10 scenarios, between −$1.20B and $11.0B; a 5.4% chance of a loss."
        );
        assert_eq!(headline_range(None, true, &Fmt::default()), " Working out the range…");
        assert_eq!(headline_range(None, false, &Fmt::default()), "");
        // A losing deal says so, with the amount lost (not a negative gain).
        let s = decode_query("value_usd=20e9").scenario;
        let text = headline(&s, &evaluate(&s.inputs), &Fmt::default());
        assert!(text.starts_with("AWS loses $") && !text.contains("−"), "{text}");
        // A TPU is a chip, not a GPU.
        let s = decode_query("preset=google-anthropic-tpu-2025").scenario;
        let text = headline(&s, &evaluate(&s.inputs), &Fmt::default());
        assert!(text.contains("per chip-hour"), "{text}");
        // Nothing online within the term: no price, still an answer.
        let s = decode_query("delay_months=60&term_years=1").scenario;
        let o = evaluate(&s.inputs);
        assert!(o.get(Output::price_usd_per_accelerator_hour).is_none());
        let text = headline(&s, &o, &Fmt::default());
        assert!(text.starts_with("AWS loses $") && text.ends_with("with OpenAI."), "{text}");
        // A seller named in lower case ("the operator") still starts a capitalized sentence.
        for preset in ["reference-1gw", "india-1gw"] {
            let s = decode_query(&format!("preset={preset}")).scenario;
            let text = headline(&s, &evaluate(&s.inputs), &Fmt::default());
            assert!(text.starts_with("The operator earns $"), "{text}");
        }
        assert_eq!(capitalized(String::new()), "");
        assert_eq!(capitalized("आज".into()), "आज");
    }

    #[test]
    fn the_compare_line_names_a_and_what_b_changed() {
        use computedeal_core::codec::decode_query;
        let en = Fmt::default();
        let a = decode_query("").scenario;
        let same = compare_line(&a, &a, &en);
        assert_eq!(same, "A, pinned: AWS–OpenAI (Nov 2025). B, on screen: the same as A for now; change an input to see B against it.");
        let b = decode_query("pue=1.3&electricity_usd_per_mwh=95").scenario;
        // Both named with A's and B's values, as their fields show them.
        let line = compare_line(&a, &b, &en);
        assert!(line.starts_with("A, pinned: AWS–OpenAI (Nov 2025). B, on screen: "), "{line}");
        assert!(line.contains("PUE 1.14 → 1.3") && line.contains("Electricity price 82 → 95"), "{line}");
        // Four changes: three named, "and 1 more".
        let c = decode_query("pue=1.3&electricity_usd_per_mwh=95&wacc=0.1&term_years=6").scenario;
        assert!(compare_line(&a, &c, &en).ends_with(", and 1 more."), "{}", compare_line(&a, &c, &en));
        // Ranges changed, base cases kept: without uncertainty every uncertain input loses its range.
        let d = decode_query("uncertainty=off").scenario;
        let line = compare_line(&a, &d, &en);
        assert!(line.contains("Accelerators: its range") && line.contains(" more."), "{line}");
        // Another deal is named as itself (with "your changes" when changed).
        let e = decode_query("preset=india-1gw").scenario;
        assert!(compare_line(&a, &e, &en).ends_with("B, on screen: 1 GW AI data centre in India (Mumbai)."));
    }
}
