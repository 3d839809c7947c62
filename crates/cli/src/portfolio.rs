//! `computedeal portfolio [QUERY] [--json]`: OpenAI's commitments by year
//! (dollars falling due, gigawatts ramped in) against its revenue, the
//! chance that some year's commitments exceed a share of revenue, and
//! OpenAI's own statements beside the records' totals, with what happened
//! to the deals since; `computedeal mc 'portfolio=1&…'` prints the Monte
//! Carlo alone as JSON. The same query and seed give the same output.

use std::io::Write;

use serde_json::{json, Value};

use computedeal_core::outputs::Unit;
use computedeal_core::portfolio::{self, Choices, Portfolio, Risk, StatedUnit, Statement, Year};
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

/// A number of gigawatts as the text says it: up to two decimals, no trailing zeros.
fn gw_text(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// What the records' figure beside a statement counts.
fn measure(s: &Statement) -> String {
    match (s.unit, s.through) {
        (StatedUnit::Usd, None) => "in total".to_string(),
        (StatedUnit::Usd, Some(y)) => format!("falling due through {y}"),
        (StatedUnit::Gw, None) => "contracted".to_string(),
        (StatedUnit::Gw, Some(y)) => format!("on average in {y}"),
    }
}

/// The sources the statements and events cite, in the order first cited.
fn cited(p: &Portfolio) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    for k in p.statements.iter().map(|s| s.source.as_str()).chain(p.events.iter().flat_map(|e| e.sources.iter().map(String::as_str))) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

/// The JSON of a portfolio run: the choices' effect year by year (dollars
/// and gigawatts), the totals, the risk, the buyer's statements with the
/// records' figure beside each (`ours`), and the events, each with the
/// sources it cites.
pub fn portfolio_json(p: &Portfolio, c: &Choices, years: &[Year], risk: &Risk, total: f64) -> Value {
    let (peak_year, peak) = portfolio::peak_gw(years).map_or((Value::Null, 0.0), |(y, g)| (json!(y), g));
    let source = |k: &str| json!({ "key": k, "source": p.sources.get(k) });
    let statements: Vec<Value> = p
        .statements
        .iter()
        .map(|s| {
            let mut v = json!(s);
            v["ours"] = json!(p.ours(s, c));
            v["cited"] = source(&s.source);
            v
        })
        .collect();
    let events: Vec<Value> = p
        .events
        .iter()
        .map(|e| {
            let mut v = json!(e);
            v["cited"] = Value::Array(e.sources.iter().map(|k| source(k)).collect());
            v
        })
        .collect();
    json!({
        "buyer": p.buyer,
        "as_of": p.as_of(),
        "total_usd": total,
        "total_gw": peak,
        "total_gw_year": peak_year,
        "contracted_gw": p.contracted_gw(c),
        "years": years,
        "risk": risk,
        "statements": statements,
        "events": events,
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
        return crate::print_json_to(out, &portfolio_json(p, &c, &years, &risk, total));
    }
    let fmt = Fmt::new(Lang::En, Currency::Usd, 1.0);
    let money = |v: f64| fmt.money(v);
    let pct = |v: f64| fmt.value(v, Unit::Fraction);
    let on = p.deals.iter().filter(|d| !c.off.contains(&d.id)).count();
    // A deal that is on but counts neither dollars nor gigawatts under its reading (NVIDIA's letter of intent, by default).
    let empty: Vec<String> = p
        .active(&c)
        .filter(|(d, value, ..)| value.is_none() && p.gw(d, &c).is_none())
        .map(|(d, ..)| format!("{}'s counts nothing under its reading {}", d.seller, p.reading(d, &c).and_then(|r| r.label.as_deref()).unwrap_or("")))
        .collect();
    let empty = if empty.is_empty() { String::new() } else { format!("; {}", empty.join(", ")) };
    let mut text = String::new();
    text.push_str(&format!("{}'s compute commitments, portfolio data as of {} ({} of {} deals on{empty})\n\n", p.buyer, p.as_of(), on, p.deals.len()));
    text.push_str(&format!("{:<6}{:>14}{:>8}{:>34}{:>14}\n", "year", "falling due", "GW", "revenue (low / middle / high)", "share"));
    for y in &years {
        let revenue = format!("{} / {} / {}", money(y.revenue_low_usd), money(y.revenue_mid_usd), money(y.revenue_high_usd));
        text.push_str(&format!("{:<6}{:>14}{:>8.1}{:>34}{:>14}\n", y.year, money(y.commitments_usd), y.gw, revenue, pct(y.share_mid)));
    }
    let peak = years.iter().max_by(|a, b| a.share_mid.total_cmp(&b.share_mid));
    text.push('\n');
    text.push_str(
        "GW: the capacity contracted, on average over the year, each deal ramping in from its start over its schedule (two years where none is published, our estimate); a lease's ends with its term, chips bought stay.\n",
    );
    text.push_str(&format!("Commitments with a published value: {} in total.\n", money(total)));
    if let Some((year, gw)) = portfolio::peak_gw(&years) {
        text.push_str(&format!(
            "Capacity contracted: {} GW in the deals that are on, ramping in to a peak of {} GW on average in {year}.\n",
            gw_text(p.contracted_gw(&c)),
            gw_text(gw)
        ));
    }
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
    let refs = cited(p);
    let r = |k: &str| refs.iter().position(|x| *x == k).map_or(String::new(), |i| format!("[{}]", i + 1));
    let amount = |unit: StatedUnit, v: f64| match unit {
        StatedUnit::Usd => money(v),
        StatedUnit::Gw => format!("{} GW", gw_text(v)),
    };
    if !p.statements.is_empty() {
        text.push_str(&format!("\n{}'s own statements, beside the records:\n", p.buyer));
    }
    for s in &p.statements {
        text.push_str(&format!(
            "- {}, {} {}: our records have {} {}, against {}'s {}; the difference: {}.\n",
            s.date,
            s.what,
            r(&s.source),
            amount(s.unit, p.ours(s, &c)),
            measure(s),
            p.buyer,
            amount(s.unit, s.value),
            s.note
        ));
    }
    if !p.events.is_empty() {
        text.push_str("\nSince the deals were announced:\n");
    }
    for e in &p.events {
        let sources: String = e.sources.iter().map(|k| r(k)).collect();
        text.push_str(&format!("- {}, {} {sources}: {}.\n", e.date, e.what, e.effect));
    }
    if !refs.is_empty() {
        text.push_str("\nSources:\n");
    }
    for (i, k) in refs.iter().enumerate() {
        if let Some(s) = p.sources.get(*k) {
            text.push_str(&format!("[{}] {}, {}, grade {}: {}\n", i + 1, s.title, s.date, s.grade, s.url));
        }
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
