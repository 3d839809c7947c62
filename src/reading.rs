//! The plain-language reading of a scenario: one paragraph a reader of a
//! news story can follow, built from the same numbers as the cards.

use crate::format::{fixed, usd, value};
use crate::model::Outcome;
use crate::outputs::Unit;
use crate::scenario::Scenario;

/// The paragraph; `p_loss` is the Monte Carlo's probability of loss, once known.
pub fn reading(s: &Scenario, o: &Outcome, p_loss: Option<f64>) -> String {
    let seller = s.preset.seller;
    let buyer = s.preset.buyer;
    let price = o.price_usd_per_accelerator_hour;
    let cost = o.cost_usd_per_accelerator_hour;
    let hour = |v: f64| value(v, Unit::UsdPerHour);
    let mut text = if price >= cost {
        format!(
            "At these assumptions {seller} earns {} per accelerator-hour from {buyer} against a full cost of {}, a margin of {}.",
            hour(price),
            hour(cost),
            value(o.margin, Unit::Fraction)
        )
    } else {
        format!(
            "At these assumptions {seller} earns {} per accelerator-hour from {buyer} but it costs {} to provide: a loss of {} on every hour.",
            hour(price),
            hour(cost),
            value(-o.margin, Unit::Fraction)
        )
    };
    text.push_str(&format!(
        " It takes {} of capex for {} accelerators drawing {} of IT power at peak.",
        usd(o.capex_usd),
        fixed(o.accelerators_peak, 0),
        value(o.it_mw_peak, Unit::Mw)
    ));
    let wacc = value(s.inputs.wacc, Unit::Fraction);
    let npv = if o.npv_usd >= 0.0 { format!("worth {} today", usd(o.npv_usd)) } else { format!("a loss of {} in today's money", usd(-o.npv_usd)) };
    text.push_str(&format!(" Over the deal, at a {wacc} cost of capital, the cash flows are {npv}"));
    match (o.irr, o.payback_years) {
        (Some(irr), Some(pb)) => text.push_str(&format!(" (IRR {}), and the cash spent is paid back after {} years.", value(irr, Unit::Fraction), fixed(pb, 1))),
        (Some(irr), None) => text.push_str(&format!(" (IRR {}), but the cash spent is not paid back within the deal.", value(irr, Unit::Fraction))),
        (None, _) => text.push('.'),
    }
    if price >= cost {
        text.push_str(&format!(
            " The deal breaks even if the price falls to {} per accelerator-hour, or if costs rise by {}.",
            hour(cost),
            value(price / cost - 1.0, Unit::Fraction)
        ));
    } else {
        text.push_str(&format!(" It would break even at a price of {} per accelerator-hour.", hour(cost)));
    }
    if let Some(p) = p_loss {
        text.push_str(&format!(" Across the uncertain inputs, the chance that the deal loses money (a negative NPV) is {}.", value(p, Unit::Fraction)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode_query;
    use crate::model::evaluate;

    #[test]
    fn the_default_deal_reads_as_a_thin_margin() {
        let s = decode_query("").scenario;
        let o = evaluate(&s.inputs);
        let text = reading(&s, &o, Some(0.12));
        assert!(text.starts_with("At these assumptions AWS earns $3.00 per accelerator-hour from OpenAI against a full cost of $2.82, a margin of 6.3%."), "{text}");
        assert!(text.contains("paid back after 5.0 years"), "{text}");
        assert!(text.contains("breaks even if the price falls to $2.82"), "{text}");
        assert!(text.contains("is 12.0%"), "{text}");
    }

    #[test]
    fn a_losing_deal_says_so() {
        let s = decode_query("value_usd=20e9").scenario;
        let o = evaluate(&s.inputs);
        let text = reading(&s, &o, None);
        assert!(text.contains("a loss of") && text.contains("would break even at a price of"), "{text}");
    }
}
