//! `computedeal portfolio [QUERY] [--json]`: OpenAI's commitments by year
//! against its revenue, and the chance that some year's commitments exceed
//! a share of revenue; `computedeal mc 'portfolio=1&…'` prints the Monte
//! Carlo alone as JSON. The same query and seed give the same output.

use std::io::Write;

use serde_json::{json, Value};

use computedeal_core::outputs::Unit;
use computedeal_core::portfolio::{self, Portfolio, Risk, Year};
use computedeal_present::format::{Currency, Fmt};
use computedeal_present::i18n::Lang;

/// Whether a query is a portfolio query (`portfolio=1`, or any `portfolio` key).
pub fn is_portfolio_query(query: &str) -> bool {
    query.trim_start_matches('?').split('&').any(|p| p.split('=').next() == Some("portfolio"))
}

fn load(err: &mut dyn Write) -> Option<&'static Portfolio> {
    match portfolio::portfolio() {
        Ok(p) => Some(p),
        Err(e) => {
            let _ = writeln!(err, "computedeal portfolio: the shipped portfolio fails its checks: {e:?}");
            None
        }
    }
}

/// The JSON of a portfolio run: the choices' effect year by year and the risk.
pub fn portfolio_json(p: &Portfolio, years: &[Year], risk: &Risk, total: f64) -> Value {
    json!({
        "buyer": p.buyer,
        "as_of": p.as_of(),
        "total_usd": total,
        "years": years,
        "risk": risk,
    })
}

/// `computedeal portfolio`.
pub fn run_portfolio(rest: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut as_json = false;
    let mut queries = Vec::new();
    for a in rest {
        match a.as_str() {
            "--json" => as_json = true,
            o if o.starts_with("--") => {
                let _ = writeln!(err, "computedeal portfolio: unknown option {o}; try computedeal --help");
                return 2;
            }
            q => queries.push(q),
        }
    }
    if queries.len() > 1 {
        let _ = writeln!(err, "computedeal portfolio: expected one QUERY, got {} arguments (quote the query)", queries.len());
        return 2;
    }
    let Some(p) = load(err) else { return 1 };
    let (c, notices) = portfolio::decode(p, queries.first().copied().unwrap_or(""));
    if !crate::report_notices(&notices, err) {
        return 2;
    }
    let years = p.yearly(&c);
    let risk = p.risk(&c);
    let total = p.total_usd(&c);
    if as_json {
        return crate::print_json_to(out, &portfolio_json(p, &years, &risk, total));
    }
    let fmt = Fmt::new(Lang::En, Currency::Usd, 1.0);
    let money = |v: f64| fmt.money(v);
    let pct = |v: f64| fmt.value(v, Unit::Fraction);
    let on = p.deals.iter().filter(|d| !c.off.contains(&d.id)).count();
    let mut text = String::new();
    text.push_str(&format!("{}'s compute commitments, portfolio data as of {} ({} of {} deals on)\n\n", p.buyer, p.as_of(), on, p.deals.len()));
    text.push_str(&format!("{:<6}{:>14}{:>8}{:>34}{:>14}\n", "year", "falling due", "GW", "revenue (low / middle / high)", "share"));
    for y in &years {
        let revenue = format!("{} / {} / {}", money(y.revenue_low_usd), money(y.revenue_mid_usd), money(y.revenue_high_usd));
        text.push_str(&format!("{:<6}{:>14}{:>8.1}{:>34}{:>14}\n", y.year, money(y.commitments_usd), y.gw, revenue, pct(y.share_mid)));
    }
    let peak = years.iter().max_by(|a, b| a.share_mid.total_cmp(&b.share_mid));
    text.push('\n');
    text.push_str(&format!("Commitments with a published value: {} in total.\n", money(total)));
    if let Some(y) = peak {
        text.push_str(&format!("Their peak is {} of the middle revenue path, in {}.\n", pct(y.share_mid), y.year));
    }
    text.push_str(&format!(
        "Chance that some year's commitments exceed {} of revenue: {} (standard error {}); the peak share's P5-P95 {} to {} ({} samples, seed {}).\n",
        pct(risk.threshold),
        pct(risk.p_exceed),
        pct(risk.p_exceed_se),
        pct(risk.peak_share_p5),
        pct(risk.peak_share_p95),
        risk.samples,
        risk.seed
    ));
    for b in &p.backlogs {
        text.push_str(&format!(
            "{}'s backlog: {} of {} is OpenAI's ({}, {}).\n",
            b.seller,
            pct(b.openai_usd / b.backlog_usd),
            money(b.backlog_usd),
            b.date,
            b.note
        ));
    }
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

/// `computedeal mc 'portfolio=1&…'`: the portfolio's Monte Carlo as JSON.
pub fn run_portfolio_mc(query: &str, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(p) = load(err) else { return 1 };
    let (c, notices) = portfolio::decode(p, query);
    if !crate::report_notices(&notices, err) {
        return 2;
    }
    let risk = p.risk(&c);
    crate::print_json_to(out, &json!({ "portfolio": true, "total_usd": p.total_usd(&c), "risk": risk }))
}
