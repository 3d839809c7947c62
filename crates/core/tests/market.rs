//! The rental-market snapshot (`data/rental-market.json`): every row has a
//! date, a source and a licence note; the decline it implies and the
//! committed GB200 rent are the model's defaults; a bad row is named.

use computedeal_core::market::{self, months, Kind, MarketError, Table};
use computedeal_core::params::P;

#[test]
fn every_row_has_a_date_a_source_and_a_licence_note() {
    let s = market::snapshot().expect("the shipped snapshot passes its checks");
    assert!(s.prices.len() >= 30 && s.history.len() >= 4 && s.declines.len() >= 4);
    let licence = |key: &str| s.sources.get(key).map(|src| src.licence.clone()).unwrap_or_default();
    let rows = s
        .prices
        .iter()
        .map(|p| (&p.date, &p.source))
        .chain(s.history.iter().map(|p| (&p.date, &p.source)))
        .chain(s.declines.iter().map(|d| (&d.to, &d.source)));
    let mut newest = 0.0f64;
    for (date, source) in rows {
        let m = months(date).unwrap_or_else(|| panic!("a date: {date}"));
        newest = newest.max(m);
        assert!(!licence(source).trim().is_empty(), "{source}: a licence note");
    }
    // `as_of` is the newest date a row was read.
    assert_eq!(months(&s.as_of), Some(newest), "as_of {} is the newest row's date", s.as_of);
    // Every kind of price is there, and the deal's chips have prices.
    for k in Kind::ALL {
        assert!(s.prices.iter().any(|p| p.kind == k), "{k:?}");
    }
    for chip in ["h100", "h200", "b200", "gb200", "gb300"] {
        assert!(s.prices_for(chip).count() >= 2, "{chip}");
    }
    // Commercial indexes are single cited levels, not series.
    for p in s.prices.iter().filter(|p| p.kind == Kind::Index) {
        assert!(s.sources[&p.source].licence.contains("single cited level") || s.sources[&p.source].licence.contains("market average"), "{}", p.provider);
    }
}

#[test]
fn the_implied_decline_and_the_committed_rent_are_the_models_defaults() {
    let s = market::snapshot().expect("snapshot");
    // Each published decline made yearly, 1 − (1 + change)^(1 / years):
    // H100 −22% over January–October 2025 (0.75 yr): 1 − 0.78^(4/3) = 0.28200;
    // H200 −29% over the same: 1 − 0.71^(4/3) = 0.36662;
    // B200 $3.20 → $2.80 (−12.5%) over February–September (7/12 yr):
    // 1 − 0.875^(12/7) = 0.20461; H100 resale −22% over 12 months: 0.22;
    // H100 one-year contracts +38% over October 2025–March 2026 (5/12 yr):
    // 1 − 1.38^(12/5) = −1.16626, a rise.
    // Sorted −1.16626, 0.20461, 0.22, 0.28200, 0.36662: the median is 0.22.
    let rates: Vec<f64> = s.declines.iter().map(|d| d.annual().expect("a period")).collect();
    assert_eq!(rates.len(), 5);
    for (got, want) in rates.iter().zip([0.28200, 0.36662, 0.20461, 0.22, -1.16626]) {
        assert!((got - want).abs() < 5e-5, "{got} against {want}");
    }
    let implied = s.implied_decline().expect("declines");
    assert!((implied - 0.22).abs() < 5e-5, "{implied}");
    // The model's default is that decline, to the input's step (0.01).
    let default = P::market_decline.param().default;
    assert!((default - implied).abs() <= P::market_decline.param().step / 2.0, "default {default} against {implied}");
    // The default chip is the GB300: its committed rents are $2.91
    // (Microsoft–IREN) and $3.25 (a five-year reservation), median
    // (2.91 + 3.25) / 2 = 3.08, the default market rent. The GB200's
    // committed rent, CoreWeave's $10.50 less 60%, is $4.20.
    let default_chip = computedeal_core::catalogue::by_index(P::accelerator.param().default).id;
    assert_eq!(default_chip, "gb300");
    let committed = s.committed(default_chip).expect("a committed GB300 rent");
    assert!((committed - 3.08).abs() < 1e-12, "{committed}");
    assert_eq!(P::market_usd_per_accelerator_hour.param().default, 3.08);
    assert_eq!(s.committed("gb200"), Some(4.20));
}

#[test]
fn dates_read_as_months() {
    assert_eq!(months("2025-01"), Some(2025.0 * 12.0));
    assert_eq!(months("2025-10"), Some(2025.0 * 12.0 + 9.0));
    // A year alone is its middle; a day is a fraction of its month.
    assert_eq!(months("2026"), Some(2026.0 * 12.0 + 5.5));
    assert_eq!(months("2026-09-20"), Some(2026.0 * 12.0 + 8.0 + 19.0 / 31.0));
    for bad in ["", "26", "2026-1", "2026-13", "2026-00", "2026-09-32", "2026-09-1", "2026--01", "2026-01-01-01", "２０２６", "2026-9a"] {
        assert_eq!(months(bad), None, "{bad:?}");
    }
}

/// The shipped snapshot with one edit to its JSON.
fn edited(f: impl FnOnce(&mut serde_json::Value)) -> Result<market::Snapshot, MarketError> {
    let mut v: serde_json::Value = serde_json::from_str(market::DATA).expect("JSON");
    f(&mut v);
    market::parse(&v.to_string())
}

#[test]
fn a_bad_row_is_named_with_its_table_row_and_field() {
    use serde_json::json;
    let err = edited(|v| v["prices"][3]["date"] = json!("Sept 2026")).unwrap_err();
    assert_eq!(err, MarketError::Date { table: Table::Prices, row: "3".into(), field: "date", found: "Sept 2026".into() });
    let err = edited(|v| v["history"][1]["source"] = json!("nowhere")).unwrap_err();
    assert_eq!(err, MarketError::UnknownSource { table: Table::History, row: "1".into(), found: "nowhere".into() });
    let err = edited(|v| v["sources"]["ornn-ocpi"]["licence"] = json!("  ")).unwrap_err();
    assert_eq!(err, MarketError::Empty { table: Table::Sources, row: "ornn-ocpi".into(), field: "licence" });
    let err = edited(|v| v["prices"][0]["chip"] = json!("h1000")).unwrap_err();
    assert_eq!(err, MarketError::UnknownChip { table: Table::Prices, row: "0".into(), found: "h1000".into() });
    for bad in [0.0, -1.0, f64::MIN_POSITIVE * 0.0] {
        let err = edited(|v| v["prices"][2]["usd_per_hour"] = json!(bad)).unwrap_err();
        assert!(matches!(err, MarketError::Number { table: Table::Prices, field: "usd_per_hour", .. }), "{bad}: {err:?}");
    }
    // The smallest positive price is a price; one beyond f64 is not JSON of the shape.
    assert!(edited(|v| v["prices"][2]["usd_per_hour"] = json!(f64::MIN_POSITIVE)).is_ok());
    let big = market::DATA.replacen("\"usd_per_hour\": 10.50", "\"usd_per_hour\": 1e400", 1);
    assert!(matches!(market::parse(&big), Err(MarketError::Shape { .. })));
    for bad in [-1.0, 1.0, -1.5] {
        let err = edited(|v| v["declines"][0]["change"] = json!(bad)).unwrap_err();
        assert!(matches!(err, MarketError::Number { table: Table::Declines, field: "change", .. }), "{bad}: {err:?}");
    }
    // A change a few ulps inside −1 is a (steep) decline.
    assert!(edited(|v| v["declines"][0]["change"] = json!(-1.0 + f64::EPSILON)).is_ok());
    let err = edited(|v| v["declines"][2]["to"] = json!("2024-01")).unwrap_err();
    assert_eq!(err, MarketError::Period { row: "2".into(), from: "2025-02".into(), to: "2024-01".into() });
    let err = edited(|v| v["format"] = json!("computedeal-rental-market/2")).unwrap_err();
    assert_eq!(err, MarketError::Format { found: "computedeal-rental-market/2".into() });
    // An unknown field, a missing one or a kind not in the list is not the snapshot's shape.
    assert!(matches!(edited(|v| v["prices"][0]["currency"] = json!("EUR")), Err(MarketError::Shape { .. })));
    assert!(matches!(edited(|v| v["prices"][0].as_object_mut().map(|o| o.remove("date")).map(|_| ()).unwrap_or(())), Err(MarketError::Shape { .. })));
    assert!(matches!(edited(|v| v["prices"][0]["kind"] = json!("leased")), Err(MarketError::Shape { .. })));
    assert!(matches!(market::parse("not json"), Err(MarketError::Shape { .. })));
    // The shape problem says where it is.
    let err = edited(|v| v["prices"][0]["currency"] = json!("EUR")).unwrap_err();
    assert_eq!(err, MarketError::Shape { detail: "unknown field `currency` at prices[0]".into() });
    let err = edited(|v| v["history"][2]["usd_per_hour"] = json!("4.20")).unwrap_err();
    assert_eq!(err, MarketError::Shape { detail: "invalid type: a string, expected a finite number at history[2].usd_per_hour".into() });
}

/// What the snapshot writes it reads back: every field of every record
/// (`market::parse` reads by hand, `Serialize` is derived).
#[test]
fn the_snapshot_reads_back_what_it_writes() {
    let s = market::snapshot().expect("the shipped snapshot");
    assert!(!s.prices.is_empty() && !s.history.is_empty() && !s.declines.is_empty() && !s.sources.is_empty());
    let text = serde_json::to_string(&s).expect("written");
    assert_eq!(market::parse(&text), Ok(s));
}
