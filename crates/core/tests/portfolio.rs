//! OpenAI's portfolio: totals are the sum of the deal records, switching a
//! deal off changes them by exactly that deal, a year's figures by hand, a
//! ramp by hand, a purchase outlasting its term where a lease ends, the
//! data's date, NVIDIA's letter of intent off unless its reading is picked,
//! the buyer's statements set beside the records, the Monte Carlo
//! depending only on the choices and the seed, and bad choices named.

use computedeal_core::notice::Problem;
use computedeal_core::portfolio::{self, apply, decode, encode, ramped_gw, triangular, Choices, Kind, StatedUnit, FACTOR};

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs())
}

#[test]
fn totals_are_the_sum_of_the_deal_records() {
    let p = portfolio::portfolio().expect("the shipped portfolio passes its checks");
    let c = Choices::default();
    // $250B Microsoft + $300B Oracle + $38B AWS 2025 + $62B AWS 2026
    // (reading a) + $22.4B CoreWeave + $10B Cerebras + $20B AMD (reading a)
    // = $702.4B; NVIDIA and Broadcom have no published value.
    assert!(close(p.total_usd(&c), 702.4e9, 1e-12), "{}", p.total_usd(&c));
    let years = p.yearly(&c);
    // Every deal falls due inside the years shown: the years add up to the total.
    let due: f64 = years.iter().map(|y| y.commitments_usd).sum();
    assert!(close(due, 702.4e9, 1e-12), "{due}");
    for y in &years {
        let by: f64 = y.by_deal.iter().map(|(_, v)| v).sum();
        assert!(close(by, y.commitments_usd, 1e-12) || y.commitments_usd == 0.0);
    }
    // A year's gigawatts are the sum of each deal's, ramped in: each deal's
    // worked out here from its record alone.
    for y in &years {
        let mut sum = 0.0;
        for d in p.deals.iter() {
            let Some(gw) = p.gw(d, &c) else { continue };
            let g = ramped_gw(gw, d.start, d.term_years, d.ramp(), d.kind, (y.year as f64, y.year as f64 + 1.0));
            let listed = y.gw_by_deal.iter().find(|(id, _)| *id == d.id).map(|(_, v)| *v);
            assert_eq!(listed, Some(g), "{} in {}", d.id, y.year);
            sum += g;
        }
        assert!(close(y.gw, sum, 1e-12) || y.gw == sum, "{}: {} against {sum}", y.year, y.gw);
    }
    // 2027 by hand (x = years since the start, a ramp of R years averages
    // (x₁² − x₀²)/(2R) of the GW while ramping):
    // Oracle 4.5 GW from 2027.0 over 2: (1 − 0)/4 = 1/4 → 1.125;
    // AWS 2025 0.5 GW, ramped in by 2027.0 → 0.5;
    // AWS 2026 2 GW from 2027.0 over 2 (our estimate): 1/4 → 0.5;
    // Cerebras 0.75 GW from 2026.0 over 3: (4 − 1)/6 = 1/2 → 0.375;
    // AMD 6 GW from 2026.5 over 4: (1.5² − 0.5²)/8 = 1/4 → 1.5;
    // Broadcom 10 GW from 2026.5 over 3.5: (2.25 − 0.25)/7 = 2/7 → 2.857;
    // NVIDIA's letter of intent counts none by default. Σ = 6.857 GW.
    let y2027 = years.iter().find(|y| y.year == 2027).expect("2027");
    assert!(close(y2027.gw, 1.125 + 0.5 + 0.5 + 0.375 + 1.5 + 20.0 / 7.0, 1e-12), "{}", y2027.gw);
    // Contracted: 4.5 + 0.5 + 2 + 0.75 + 6 + 10 = 23.75 GW, reached by 2031
    // (Oracle, AWS and the purchases in full; Cerebras's lease has ended).
    assert!(close(p.contracted_gw(&c), 23.75, 1e-12));
    let y2031 = years.iter().find(|y| y.year == 2031).expect("2031");
    assert!(close(y2031.gw, 4.5 + 0.5 + 2.0 + 6.0 + 10.0, 1e-12), "{}", y2031.gw);
    assert_eq!(portfolio::peak_gw(&years), Some((2031, y2031.gw)));
}

#[test]
fn a_ramp_by_hand() {
    // One deal, 2 GW from 2027.0 ramping in linearly over 2 years, a lease of 8:
    // its capacity is 2·(t − 2027)/2 GW until 2029.0, then 2 GW.
    let year = |y: i32| ramped_gw(2.0, 2027.0, 8.0, 2.0, Kind::Lease, (y as f64, y as f64 + 1.0));
    // 2026: not started.
    assert_eq!(year(2026), 0.0);
    // 2027: from 0 to 1 GW, on average 0.5 GW (the integral 2·1²/(2·2) = 0.5).
    assert!(close(year(2027), 0.5, 1e-15), "{}", year(2027));
    // 2028: from 1 to 2 GW, on average 1.5 GW (2·(2² − 1²)/(2·2) = 1.5).
    assert!(close(year(2028), 1.5, 1e-15), "{}", year(2028));
    // 2029 to 2034: the full 2 GW.
    for y in 2029..=2034 {
        assert_eq!(year(y), 2.0, "{y}");
    }
    // 2035: the lease has ended (2027 + 8).
    assert_eq!(year(2035), 0.0);
    // Half a year: the first half of 2027 averages 2·0.5²/(2·2)/0.5 = 0.25 GW.
    assert!(close(ramped_gw(2.0, 2027.0, 8.0, 2.0, Kind::Lease, (2027.0, 2027.5)), 0.25, 1e-15));
    // A ramp of 0 is all at once: a start mid-year is half the year's GW.
    assert_eq!(ramped_gw(2.0, 2027.5, 8.0, 0.0, Kind::Lease, (2027.0, 2028.0)), 1.0);
    // A ramp longer than a lease: 2 GW over 4 years, a lease of 2 years ends at 1 GW.
    assert!(close(ramped_gw(2.0, 2027.0, 2.0, 4.0, Kind::Lease, (2028.0, 2029.0)), 0.75, 1e-15));
    assert_eq!(ramped_gw(2.0, 2027.0, 2.0, 4.0, Kind::Lease, (2029.0, 2030.0)), 0.0);
}

#[test]
fn a_purchase_stays_after_its_term_and_a_lease_ends() {
    // The same record as a purchase and as a lease: 2 GW from 2027.0, ramped over a year, a term of 3.
    let at = |kind: Kind, y: f64| ramped_gw(2.0, 2027.0, 3.0, 1.0, kind, (y, y + 1.0));
    for y in [2030.0, 2035.0, 2040.0] {
        assert_eq!(at(Kind::Purchase, y), 2.0, "chips bought stay: {y}");
        assert_eq!(at(Kind::Lease, y), 0.0, "a lease ends: {y}");
    }
    // Up to the term's end they agree.
    for y in [2027.0, 2028.0, 2029.0] {
        assert_eq!(at(Kind::Purchase, y), at(Kind::Lease, y), "{y}");
    }
    // A lease ending mid-year counts the half it runs: 2 GW × 0.5.
    assert_eq!(ramped_gw(2.0, 2027.0, 2.5, 1.0, Kind::Lease, (2029.0, 2030.0)), 1.0);
    // In the shipped records: AMD's chips (a purchase, its term ending in
    // mid-2030) still count 6 GW in the last year shown; Oracle's lease
    // (2027 to 2032) counts none in 2032, Cerebras's (2026 to 2029) none in 2029.
    let p = portfolio::portfolio().expect("shipped");
    let years = p.yearly(&Choices::default());
    let last = years.last().expect("years");
    let of = |y: &portfolio::Year, id: &str| y.gw_by_deal.iter().find(|(d, _)| d == id).map(|(_, g)| *g);
    assert!(last.year >= 2034, "{}", last.year);
    assert_eq!(of(last, "amd"), Some(6.0));
    assert_eq!(of(last, "broadcom"), Some(10.0));
    let year = |n: i32| years.iter().find(|y| y.year == n).expect("a year");
    assert_eq!(of(year(2032), "oracle-stargate"), Some(0.0));
    assert_eq!(of(year(2031), "oracle-stargate"), Some(4.5));
    assert_eq!(of(year(2029), "cerebras"), Some(0.0));
    assert_eq!(p.deals.iter().filter(|d| d.kind == Kind::Purchase).map(|d| d.id.as_str()).collect::<Vec<_>>(), ["amd", "nvidia", "broadcom"]);
}

#[test]
fn the_data_is_dated_by_its_newest_source() {
    let p = portfolio::portfolio().expect("shipped");
    // OpenAI's statement of 2026-04-29 (more than 10 GW secured) is the newest source.
    assert_eq!(p.as_of(), "2026-04-29");
    let newest = p.sources.values().map(|s| s.date.as_str()).max().expect("sources");
    assert_eq!(p.as_of(), newest);
    // No date in the file is later: announcements, statements, events, backlogs.
    let dates = p
        .deals
        .iter()
        .map(|d| d.announced.as_str())
        .chain(p.statements.iter().map(|s| s.date.as_str()))
        .chain(p.events.iter().map(|e| e.date.as_str()))
        .chain(p.backlogs.iter().map(|b| b.date.as_str()));
    for d in dates {
        assert!(d <= p.as_of(), "{d} is after the data's date {}", p.as_of());
    }
    // A newer source moves it.
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["sources"]["later"] = serde_json::json!({ "title": "t", "url": "https://example.org/", "date": "2026-05-01", "grade": "B" });
    assert_eq!(portfolio::parse(&v.to_string()).expect("parses").as_of(), "2026-05-01");
}

#[test]
fn nvidias_letter_of_intent_is_off_unless_its_reading_is_picked() {
    let p = portfolio::portfolio().expect("shipped");
    let nvidia = p.deals.iter().find(|d| d.id == "nvidia").expect("NVIDIA's record");
    let all = Choices::default();
    // Off by default: no GW, and the reason and its source are in the record.
    assert_eq!(p.gw(nvidia, &all), None);
    assert_eq!(nvidia.readings[nvidia.default_reading()].label.as_deref(), Some("2026"));
    assert!(nvidia.sources.iter().any(|s| s == "nvidia-2026"));
    assert_eq!(p.sources["nvidia-2026"].date, "2026-02-23");
    assert!(p.sources["nvidia-2026"].url.starts_with("https://the-decoder.com/"));
    let (loi, notices) = decode(p, "reading=nvidia:loi");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(p.gw(nvidia, &loi), Some(10.0));
    // Switched on, it adds its own ramped GW to every year and nothing else:
    // 10 GW from 2026.5 over 4 years, a purchase (2027: (1.5² − 0.5²)/8 · 10 = 2.5 GW).
    let (before, after) = (p.yearly(&all), p.yearly(&loi));
    assert_eq!(before.len(), after.len());
    for (a, b) in before.iter().zip(&after) {
        let own = ramped_gw(10.0, 2026.5, 4.0, 4.0, Kind::Purchase, (a.year as f64, a.year as f64 + 1.0));
        assert!((b.gw - a.gw - own).abs() < 1e-12, "{}: {} − {} against {own}", a.year, b.gw, a.gw);
        assert_eq!(a.commitments_usd, b.commitments_usd, "no value: dollars unchanged");
    }
    assert!(close(after.iter().find(|y| y.year == 2027).expect("2027").gw - before.iter().find(|y| y.year == 2027).expect("2027").gw, 2.5, 1e-12));
    assert!(close(p.contracted_gw(&loi) - p.contracted_gw(&all), 10.0, 1e-12));
    assert_eq!(encode(p, &loi), "reading=nvidia:loi");
}

#[test]
fn the_buyers_statements_stand_beside_the_records_totals() {
    let p = portfolio::portfolio().expect("shipped");
    let c = Choices::default();
    let years = p.yearly(&c);
    let find = |date: &str| p.statements.iter().find(|s| s.date == date).unwrap_or_else(|| panic!("a statement of {date}"));
    // February 2026: ~$600B of compute through 2030, against the records' dollars falling due through 2030.
    let s = find("2026-02-20");
    assert_eq!((s.unit, s.through, s.value), (StatedUnit::Usd, Some(2030), 600e9));
    let through_2030: f64 = years.iter().filter(|y| y.year <= 2030).map(|y| y.commitments_usd).sum();
    assert_eq!(p.ours(s, &c), through_2030);
    // November 2025: ~$1.4T, against every dollar the records hold ($702.4B).
    let s = find("2025-11-06");
    assert_eq!((s.unit, s.through), (StatedUnit::Usd, None));
    assert!(close(p.ours(s, &c), 702.4e9, 1e-12));
    // ~30 GW (October 2025) and more than 10 GW secured (April 2026), against the GW contracted.
    for date in ["2025-10-28", "2026-04-29"] {
        let s = find(date);
        assert_eq!(s.unit, StatedUnit::Gw);
        assert!(close(p.ours(s, &c), 23.75, 1e-12));
        assert!(p.sources.contains_key(&s.source));
    }
    // Events of 2026 name the records they touch: Abilene's dropped expansion leaves Oracle's 4.5 GW.
    let abilene = p.events.iter().find(|e| e.date == "2026-03-06").expect("Abilene");
    assert_eq!(abilene.deals, ["oracle-stargate"]);
    assert_eq!(p.deals.iter().find(|d| d.id == "oracle-stargate").and_then(|d| d.gw), Some(4.5));
    assert!(p.events.iter().any(|e| e.date == "2026-04-09" && e.deals.is_empty()), "Stargate UK touches no record");
}

#[test]
fn switching_a_deal_off_changes_the_totals_by_exactly_that_deal() {
    let p = portfolio::portfolio().expect("portfolio");
    let all = Choices::default();
    let before = p.yearly(&all);
    for d in &p.deals {
        let mut c = Choices::default();
        c.off.insert(d.id.clone());
        let value = p.value(d, &all).unwrap_or(0.0);
        assert!(close(p.total_usd(&all) - p.total_usd(&c), value, 1e-12) || value == 0.0 && p.total_usd(&all) == p.total_usd(&c), "{}", d.id);
        let after = p.yearly(&c);
        for y in &before {
            let Some(a) = after.iter().find(|a| a.year == y.year) else { continue };
            let slice = y.by_deal.iter().find(|(id, _)| *id == d.id).map(|(_, v)| *v).unwrap_or(0.0);
            assert!((y.commitments_usd - a.commitments_usd - slice).abs() <= 1e-3, "{} in {}", d.id, y.year);
        }
    }
    // The other reading of the AWS expansion adds $38B ($100B against $62B).
    let c = decode(p, "reading=aws-2026:b").0;
    assert!(close(p.total_usd(&c) - p.total_usd(&all), 38e9, 1e-12));
}

#[test]
fn the_year_2027_by_hand() {
    let p = portfolio::portfolio().expect("portfolio");
    let y = p.yearly(&Choices::default()).into_iter().find(|y| y.year == 2027).expect("2027");
    // Each deal's value over its term, for a whole year inside it:
    // 250/7 + 300/5 + 38/7 + 62/8 + 22.4/5 + 10/3 + 20/4
    // = 35.714 + 60 + 5.429 + 7.75 + 4.48 + 3.333 + 5 = $121.706B.
    assert!(close(y.commitments_usd, (250.0 / 7.0 + 60.0 + 38.0 / 7.0 + 7.75 + 4.48 + 10.0 / 3.0 + 5.0) * 1e9, 1e-12), "{}", y.commitments_usd);
    // Revenue: the September-2025 plan halfway (in logarithms) from $13B
    // (2025) to $100B (2029), √(13·100) = $36.06B; the February-2026 plan's
    // $62B; between them √(36.06·62) = $47.28B.
    assert!(close(y.revenue_low_usd, (13.0f64 * 100.0).sqrt() * 1e9, 1e-12));
    assert!(close(y.revenue_high_usd, 62e9, 1e-12));
    assert!(close(y.revenue_mid_usd, (y.revenue_low_usd * 62e9).sqrt(), 1e-12));
    // The commitments are 2.57 times that year's middle revenue.
    assert!(close(y.share_mid, 121.706 / 47.28, 1e-3), "{}", y.share_mid);
    // 2025 is reported: $13B whatever the path.
    assert_eq!(p.revenue(2025, 0.0), 13e9);
    assert_eq!(p.revenue(2025, 1.0), 13e9);
    // After 2030 the plans grow 15% a year: 2032 high = 280 × 1.15² = $370.3B.
    assert!(close(p.revenue(2032, 1.0), 280e9 * 1.15 * 1.15, 1e-12));
}

#[test]
fn the_monte_carlo_depends_only_on_the_choices_and_the_seed() {
    let p = portfolio::portfolio().expect("portfolio");
    let (c, notices) = decode(p, "samples=20000&seed=7&threshold=1");
    assert!(notices.is_empty());
    let a = p.risk(&c);
    assert_eq!(a, p.risk(&c), "the same seed, the same result");
    assert_eq!(a.samples, 20_000);
    assert!(a.peak_share_p5 <= a.peak_share_p50 && a.peak_share_p50 <= a.peak_share_p95);
    // A higher threshold is exceeded no more often.
    let mut higher = c.clone();
    higher.threshold = 3.0;
    assert!(p.risk(&higher).p_exceed <= a.p_exceed);
    // Nothing on: nothing exceeds.
    let mut none = c.clone();
    none.off = p.deals.iter().map(|d| d.id.clone()).collect();
    assert_eq!(p.risk(&none).p_exceed, 0.0);
}

#[test]
fn the_revenue_factor_is_triangular() {
    // Inverse CDF of triangular(−0.5, 0.5, 1): the mode at u = (0.5 + 0.5)/1.5 = 2/3.
    assert_eq!(triangular(0.0, FACTOR), -0.5);
    assert!((triangular(2.0 / 3.0, FACTOR) - 0.5).abs() < 1e-12);
    assert_eq!(triangular(1.0, FACTOR), 1.0);
    // u = 0.5 < 2/3: −0.5 + √(0.5 · 1.5 · 1) = 0.36603.
    assert!((triangular(0.5, FACTOR) - (-0.5 + 0.75f64.sqrt())).abs() < 1e-12);
    // A few ulps from each end stay inside.
    for u in [f64::MIN_POSITIVE, 1e-300, 1.0 - f64::EPSILON] {
        let w = triangular(u, FACTOR);
        assert!((-0.5..=1.0).contains(&w), "{u}: {w}");
    }
}

#[test]
fn bad_choices_are_named_and_the_defaults_stay() {
    let p = portfolio::portfolio().expect("portfolio");
    let (c, n) = decode(p, "off=nope,amd&threshold=0&value.oracle-stargate=abc&term.coreweave=1e9&reading=aws-2026:c&seed=-1&colour=red&start.cerebras=2027");
    assert!(c.off.contains("amd") && c.off.len() == 1);
    assert_eq!(c.threshold, 1.0);
    assert!(c.value_usd.is_empty() && c.term_years.is_empty());
    assert_eq!(c.start.get("cerebras"), Some(&2027.0));
    let find = |key: &str| n.iter().find(|x| x.key == key).unwrap_or_else(|| panic!("a notice for {key}: {n:?}"));
    assert!(matches!(find("off").problem, Problem::NotAllowed { .. }) && find("off").given == "nope");
    assert!(matches!(find("threshold").problem, Problem::OutOfRange { .. }));
    assert!(matches!(find("value.oracle-stargate").problem, Problem::NotANumber { .. }));
    assert!(matches!(find("term.coreweave").problem, Problem::OutOfRange { .. }));
    assert!(matches!(find("reading").problem, Problem::NotAllowed { .. }) && find("reading").given == "aws-2026:c");
    assert!(matches!(find("seed").problem, Problem::NotWhole));
    assert!(matches!(find("colour").problem, Problem::UnknownParam));
    assert_eq!(n.len(), 7, "{n:?}");
}

#[test]
fn a_bad_portfolio_file_is_named() {
    use portfolio::PortfolioError;
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["deals"][1]["term_years"] = serde_json::json!(0.0);
    assert_eq!(portfolio::parse(&v.to_string()).unwrap_err(), PortfolioError::Number { row: "oracle-stargate".into(), field: "term_years", found: 0.0 });
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["deals"][0]["sources"] = serde_json::json!(["nowhere"]);
    assert_eq!(portfolio::parse(&v.to_string()).unwrap_err(), PortfolioError::UnknownSource { row: "microsoft-azure".into(), found: "nowhere".into() });
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["revenue"]["high"]["points"] = serde_json::json!([[2030, 1e9], [2027, 2e9]]);
    assert_eq!(portfolio::parse(&v.to_string()).unwrap_err(), PortfolioError::Path { which: "high" });
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["deals"][3]["ramp_years"] = serde_json::json!(-1.0);
    assert_eq!(portfolio::parse(&v.to_string()).unwrap_err(), PortfolioError::Number { row: "aws-2026".into(), field: "ramp_years", found: -1.0 });
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["events"][0]["deals"] = serde_json::json!(["nobody"]);
    assert_eq!(portfolio::parse(&v.to_string()).unwrap_err(), PortfolioError::UnknownDeal { row: "event of 2026-02-23".into(), found: "nobody".into() });
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["statements"][0]["source"] = serde_json::json!("nowhere");
    assert_eq!(portfolio::parse(&v.to_string()).unwrap_err(), PortfolioError::UnknownSource { row: "statement of 2025-10-28".into(), found: "nowhere".into() });
    let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
    v["deals"][7]["default_reading"] = serde_json::json!("2027");
    assert_eq!(portfolio::parse(&v.to_string()).unwrap_err(), PortfolioError::Deal { row: "nvidia".into() });
    // Shape problems say what and where; a reading's label and note may be left out, its value may not.
    let shape = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(portfolio::DATA).expect("JSON");
        f(&mut v);
        portfolio::parse(&v.to_string())
    };
    let detail = |s: &str| Err(PortfolioError::Shape { detail: s.into() });
    assert_eq!(shape(&|v| v["deals"][2]["readings"][0]["currency"] = serde_json::json!("EUR")), detail("unknown field `currency` at deals[2].readings[0]"));
    assert_eq!(
        shape(&|v| v["revenue"]["low"]["points"][1] = serde_json::json!([2027])),
        detail("invalid type: an array, expected a pair of numbers at revenue.low.points[1]")
    );
    assert_eq!(
        shape(&|v| v["revenue"]["actual"][0]["year"] = serde_json::json!(2024.5)),
        detail("invalid type: a number, expected a whole number at revenue.actual[0].year")
    );
    assert_eq!(shape(&|v| drop(v["deals"][0].as_object_mut().and_then(|o| o.remove("chip")))), detail("missing field `chip` at deals[0]"));
    // A deal's kind is a lease or a purchase; another is named with what is allowed.
    assert_eq!(
        shape(&|v| v["deals"][3]["kind"] = serde_json::json!("rent")),
        detail("unknown variant `rent`, expected `lease` or `purchase` at deals[3].kind")
    );
    assert_eq!(shape(&|v| drop(v["deals"][3].as_object_mut().and_then(|o| o.remove("kind")))), detail("missing field `kind` at deals[3]"));
    assert_eq!(
        shape(&|v| v["statements"][1]["unit"] = serde_json::json!("eur")),
        detail("unknown variant `eur`, expected `usd` or `gw` at statements[1].unit")
    );
    assert_eq!(
        shape(&|v| v["statements"][2]["through"] = serde_json::json!(2030.5)),
        detail("invalid type: a number, expected a whole number at statements[2].through")
    );
    // The data's date is worked out, not stored: a stored one is not the format.
    assert_eq!(shape(&|v| v["as_of"] = serde_json::json!("2026-02-27")), detail("unknown field `as_of` at the top"));
    // A ramp may be left out (our estimate of two years).
    let no_ramp = shape(&|v| drop(v["deals"][1].as_object_mut().and_then(|o| o.remove("ramp_years")))).expect("parses");
    assert_eq!(no_ramp.deals[1].ramp(), portfolio::RAMP_YEARS);
    assert!(shape(&|v| drop(v["deals"][0]["readings"][0].as_object_mut().and_then(|o| o.remove("value_usd")))).is_ok(), "a missing value is None");
    assert!(shape(&|v| drop(v["deals"][0]["readings"][0].as_object_mut().and_then(|o| o.remove("note")))).is_ok());
}

/// What the portfolio writes it reads back: every field of every record
/// (`portfolio::parse` reads by hand, `Serialize` is derived).
#[test]
fn the_portfolio_reads_back_what_it_writes() {
    let p = portfolio::portfolio().expect("the shipped portfolio");
    let text = serde_json::to_string(p).expect("written");
    assert_eq!(portfolio::parse(&text).as_ref(), Ok(p));
}

// proptest is a native dev-dependency (the wasm test build runs the rest).
#[cfg(not(target_arch = "wasm32"))]
mod link {
    use super::*;

    /// A query over the shipped deals: some off, some readings, changed terms
    /// (bounds, a few ulps inside them and random values), a threshold.
    fn query_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let p = portfolio::portfolio().expect("shipped");
        let ids: Vec<String> = p.deals.iter().map(|d| d.id.clone()).collect();
        let n = ids.len();
        let near = |(lo, hi): (f64, f64)| {
            prop_oneof![
                Just(lo),
                Just(hi),
                (1u64..4).prop_map(move |k| f64::from_bits(lo.to_bits() + k).max(lo)),
                (1u64..4).prop_map(move |k| f64::from_bits(hi.to_bits() - k)),
                lo..=hi,
            ]
        };
        (
            proptest::collection::vec(any::<bool>(), n),
            proptest::collection::vec((any::<bool>(), any::<bool>()), n),
            proptest::collection::vec(proptest::option::of(near(portfolio::VALUE)), n),
            proptest::collection::vec(proptest::option::of(near(portfolio::TERM)), n),
            proptest::collection::vec(proptest::option::of(near(portfolio::START)), n),
            proptest::option::of(near(portfolio::THRESHOLD)),
        )
            .prop_map(move |(off, reading, value, term, start, threshold)| {
                let mut parts = Vec::new();
                let off: Vec<&str> = ids.iter().zip(&off).filter(|(_, o)| **o).map(|(i, _)| i.as_str()).collect();
                if !off.is_empty() {
                    parts.push(format!("off={}", off.join(",")));
                }
                for (d, (pick, second)) in p.deals.iter().zip(&reading) {
                    if *pick && d.ambiguous() {
                        let r = &d.readings[usize::from(*second)];
                        parts.push(format!("reading={}:{}", d.id, r.label.as_deref().unwrap_or("")));
                    }
                }
                for (field, values) in [("value", &value), ("term", &term), ("start", &start)] {
                    for (id, v) in ids.iter().zip(values) {
                        if let Some(v) = v {
                            parts.push(format!("{field}.{id}={v:e}"));
                        }
                    }
                }
                if let Some(t) = threshold {
                    parts.push(format!("threshold={t}"));
                }
                parts.join("&")
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..proptest::prelude::ProptestConfig::default() })]

        /// The page writes the reader's choices into its link with `encode`
        /// and reads them back with `decode`: the same choices, bit for bit;
        /// and the page's nested form (`portfolio=<query>`) reads as the query.
        #[test]
        fn choices_survive_the_link(query in query_strategy()) {
            let p = portfolio::portfolio().expect("shipped");
            let (c, notices) = decode(p, &query);
            proptest::prop_assert!(notices.is_empty(), "{query}: {notices:?}");
            let (back, notices) = decode(p, &encode(p, &c));
            proptest::prop_assert!(notices.is_empty());
            proptest::prop_assert_eq!(&back, &c);
            let nested = format!("preset=aws-openai-2025&portfolio={}", computedeal_core::codec::percent_encode(&encode(p, &c)));
            let (from_page, notices) = decode(p, &nested);
            // `preset` is the page's, not the portfolio's: named, and nothing else.
            proptest::prop_assert_eq!(notices.len(), 1);
            proptest::prop_assert_eq!(&from_page, &c);
        }
    }
}

#[test]
fn the_default_choices_encode_as_nothing() {
    let p = portfolio::portfolio().expect("shipped");
    assert_eq!(encode(p, &Choices::default()), "");
    assert_eq!(decode(p, "").0, Choices::default());
}

#[test]
fn a_field_applied_over_the_choices_changes_only_its_own_and_a_bad_one_changes_nothing() {
    let p = portfolio::portfolio().expect("shipped");
    let (c, _) = decode(p, "off=amd&term.coreweave=6");
    let (next, notices) = apply(p, &c, "value.aws-2026=1e11");
    assert!(notices.is_empty());
    assert_eq!(next.value_usd.get("aws-2026"), Some(&1e11));
    assert_eq!((next.off.clone(), next.term_years.clone()), (c.off.clone(), c.term_years.clone()));
    // A total moves by exactly the change: $62B (reading a) to $100B is +$38B.
    assert_eq!(p.total_usd(&next) - p.total_usd(&c), 38e9);
    let (same, notices) = apply(p, &c, "term.coreweave=abc");
    assert_eq!(same, c);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].key, "term.coreweave");
    assert!(matches!(&notices[0].problem, Problem::NotANumber { .. }));
    // check_number names the key, the text and the range (0.25 to 30 years).
    let n = portfolio::check_number("term.coreweave", "31", portfolio::TERM).unwrap_err();
    assert_eq!(n.given, "31");
    assert!(matches!(&n.problem, Problem::OutOfRange { allowed: computedeal_core::notice::Allowed::Range { min, max } } if min == "0.25" && max == "30"));
    // Digits grouped the Indian or the Western way read as the page's other inputs do; a refusal keeps the text as given.
    assert_eq!(portfolio::check_number("value.cerebras", " 1,10,875 ", (0.0, 1e9)), Ok(110_875.0));
    assert_eq!(portfolio::check_number("value.cerebras", "12_500_000_000", portfolio::VALUE), Ok(12.5e9));
    let n = portfolio::check_number("value.cerebras", "-1,000", portfolio::VALUE).unwrap_err();
    assert_eq!(n.given, "-1,000");
    assert!(matches!(&n.problem, Problem::OutOfRange { .. }));
    assert!(matches!(&portfolio::check_number("value.cerebras", "1,2,a", portfolio::VALUE).unwrap_err().problem, Problem::NotANumber { .. }));
}

#[test]
fn the_portfolio_query_follows_the_main_querys_rules() {
    // Issue 27: a repeated threshold was used silently, a nested portfolio=
    // ignored without a word, 10,000 unknown keys gave 10,000 notices and a
    // 100 KB value was echoed whole.
    use computedeal_core::codec::{MAX_QUERY_CHARS, MAX_UNKNOWN_LISTED, MAX_VALUE_CHARS};
    use computedeal_core::notice::Severity;
    let p = portfolio::portfolio().expect("the shipped portfolio");

    // A repeat is said, and the last value is used (as in the main query).
    let (c, w) = decode(p, "threshold=0.5&threshold=0.25");
    assert_eq!(c.threshold, 0.25);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!((w[0].key.as_str(), &w[0].problem, w[0].severity, w[0].used.as_deref()), ("threshold", &Problem::Duplicate, Severity::Repaired, Some("0.25")));
    // Lists add up: two off= are two deals off, and nothing to say.
    let (c, w) = decode(p, "off=oracle-stargate&off=coreweave");
    assert!(w.is_empty() && c.off.len() == 2, "{w:?}");

    // A portfolio= inside the page's portfolio= is nested: said, not used.
    let (c, w) = apply(p, &Choices::default(), "threshold=0.5&portfolio=threshold%3D0.2");
    assert_eq!(c.threshold, 0.5);
    assert!(w.iter().any(|n| n.problem == Problem::NestedPortfolio && n.key == "portfolio"), "{w:?}");
    // At the top (the command line's form) it is the page's form and is read.
    let (c, w) = decode(p, "portfolio=threshold%3D0.2");
    assert!(w.is_empty() && c.threshold == 0.2, "{w:?}");

    // Many unknown keys: one notice naming the first few and the count.
    let many: String = (0..10_000).map(|i| format!("k{i}=1&")).collect();
    let (_, w) = decode(p, &many);
    let unknown: Vec<_> = w.iter().filter(|n| matches!(n.problem, Problem::UnknownParam | Problem::UnknownParams { .. })).collect();
    assert_eq!(unknown.len(), 1, "{} notices", unknown.len());
    match &unknown[0].problem {
        // The query is cut at the cap first: 8192 bytes of "kN=1&" pairs.
        Problem::UnknownParams { count, keys } => assert!(*count > MAX_UNKNOWN_LISTED && *count < 2000 && keys.len() == MAX_UNKNOWN_LISTED, "{count}"),
        other => panic!("{other:?}"),
    }
    assert!(w.iter().any(|n| matches!(n.problem, Problem::QueryTooLong { max, .. } if max == MAX_QUERY_CHARS)), "the cut is said");

    // A value over the cap is refused, and the notice does not carry 100 KB.
    let (c, w) = decode(p, &format!("threshold={}", "1".repeat(100_000)));
    assert_eq!(c.threshold, Choices::default().threshold);
    let long = w.iter().find(|n| matches!(n.problem, Problem::TooLong { .. })).expect("a too-long notice");
    assert!(long.given.len() <= MAX_QUERY_CHARS, "{} bytes echoed", long.given.len());
    assert!(matches!(long.problem, Problem::TooLong { max, .. } if max == MAX_VALUE_CHARS));
}
