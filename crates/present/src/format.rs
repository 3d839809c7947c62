//! Numbers, money and units for people: one place that turns a value in base
//! units (USD, MW, years ...) into text, in a language and a currency, so
//! cards, charts, tables and the reading all agree.
//!
//! - English and USD or EUR: thousands grouped in threes and short scales
//!   ($38.0B, €32.6B, $450k).
//! - INR (either language): Indian grouping (12,34,567) and lakh and crore
//!   (₹36,860 crore; from a lakh crore up, ₹3.37 lakh crore).
//! - Hindi: Indian grouping for every number, and Hindi scale words
//!   (हज़ार, लाख, करोड़; for dollars and euros मिलियन, अरब, ट्रिलियन).
//!
//! The model works in USD; the exchange rate converts for display only.

use crate::i18n::Lang;
use computedeal_core::dist::Dist;
use computedeal_core::notice::ValueResult;
use computedeal_core::outputs::Unit;
use computedeal_core::params::{format_number, tidy, Kind, Param};

/// The display currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Currency {
    Usd,
    Inr,
    Eur,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::Usd, Currency::Inr, Currency::Eur];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Inr => "INR",
            Currency::Eur => "EUR",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Inr => "₹",
            Currency::Eur => "€",
        }
    }

    /// Units of this currency per US dollar, by default: dated and sourced
    /// (`sources.rs`: `fx-inr`, `fx-eur`); the page lets the reader edit it.
    pub fn default_rate(self) -> f64 {
        match self {
            Currency::Usd => 1.0,
            Currency::Inr => 88.7,
            Currency::Eur => 0.857,
        }
    }

    /// The source id of the default rate.
    pub fn rate_source(self) -> &'static str {
        match self {
            Currency::Usd => "model-default",
            Currency::Inr => "fx-inr",
            Currency::Eur => "fx-eur",
        }
    }

    /// Allowed exchange rates (per USD), to catch typos.
    pub fn rate_range(self) -> (f64, f64) {
        match self {
            Currency::Usd => (1.0, 1.0),
            Currency::Inr => (40.0, 200.0),
            Currency::Eur => (0.5, 1.5),
        }
    }
}

/// How to write numbers: a language, a currency and its rate per USD.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fmt {
    pub lang: Lang,
    pub currency: Currency,
    pub fx: f64,
}

impl Default for Fmt {
    fn default() -> Self {
        Fmt { lang: Lang::En, currency: Currency::Usd, fx: 1.0 }
    }
}

/// Groups the integer part of a non-negative number in threes: 1234567 → "1,234,567".
pub fn group_thousands(int: u64) -> String {
    let digits = int.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Indian grouping: the last three digits, then pairs: 12345678 → "1,23,45,678".
pub fn group_indian(int: u64) -> String {
    let digits = int.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
    let mut out = String::new();
    for (i, c) in head.chars().enumerate() {
        if i > 0 && (head.len() - i).is_multiple_of(2) {
            out.push(',');
        }
        out.push(c);
    }
    out.push(',');
    out.push_str(tail);
    out
}

fn fixed_with(v: f64, decimals: usize, indian: bool) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let n: u64 = int.parse().unwrap_or(0);
    let grouped = if indian { group_indian(n) } else { group_thousands(n) };
    let body = if frac.is_empty() { grouped } else { format!("{grouped}.{frac}") };
    let is_zero = body.chars().all(|c| matches!(c, '0' | '.' | ','));
    if v < 0.0 && !is_zero {
        format!("−{body}")
    } else {
        body
    }
}

/// A number with `decimals` decimals and thousands separators; "−" for
/// negatives (a real minus sign), and no "−0".
pub fn fixed(v: f64, decimals: usize) -> String {
    fixed_with(v, decimals, false)
}

fn sig3_decimals(v: f64) -> usize {
    let a = v.abs();
    if a >= 100.0 || a == 0.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        (2.0 - a.log10().floor()).min(12.0) as usize
    }
}

/// "$8.00B" → "$8B", "2.50%" → "2.5%"; leaves integers alone.
fn trim_zeros(text: &str) -> String {
    let Some(dot) = text.find('.') else { return text.to_string() };
    let digits_end = text[dot + 1..].find(|c: char| !c.is_ascii_digit()).map(|i| dot + 1 + i).unwrap_or(text.len());
    let frac = text[dot + 1..digits_end].trim_end_matches('0');
    let head = &text[..dot];
    let tail = &text[digits_end..];
    if frac.is_empty() {
        format!("{head}{tail}")
    } else {
        format!("{head}.{frac}{tail}")
    }
}

impl Fmt {
    /// Rupees per US dollar for what is shown in rupees whatever the
    /// currency (IndiaAI's rates): the reader's rate when they read in
    /// rupees, the dated default otherwise.
    pub fn inr_per_usd(&self) -> f64 {
        if self.currency == Currency::Inr {
            self.fx
        } else {
            Currency::Inr.default_rate()
        }
    }

    pub fn new(lang: Lang, currency: Currency, fx: f64) -> Fmt {
        Fmt { lang, currency, fx }
    }

    /// Whether numbers are grouped the Indian way (1,00,000): in Hindi and in rupees.
    pub fn indian(&self) -> bool {
        self.lang == Lang::Hi || self.currency == Currency::Inr
    }

    /// An input as the reader sees and types it: sums of dollars in the
    /// display currency (`Param::in_units` at the rate), the rest as stored.
    pub fn input_param(&self, param: &Param) -> Param {
        param.in_units(self.input_factor(param))
    }

    /// From an input's stored unit to the reader's: the rate for sums of
    /// dollars, 100 for shares and rates (typed in percent), else 1.
    pub fn input_factor(&self, param: &Param) -> f64 {
        if param.money && self.currency != Currency::Usd && self.fx.is_finite() && self.fx > 0.0 {
            self.fx
        } else if param.percent {
            100.0
        } else {
            1.0
        }
    }

    /// How a large sum is typed in a field (a deal's value in the portfolio):
    /// billions of dollars or euros, crores of rupees. Gives the currency
    /// and the field's number for one US dollar ($38B is 38 in billions of
    /// dollars, 3,37,060 crore rupees at 88.7).
    pub fn large_sum_unit(&self) -> (Currency, f64) {
        match self.currency {
            Currency::Usd => (Currency::Usd, 1e-9),
            _ if !(self.fx.is_finite() && self.fx > 0.0) => (Currency::Usd, 1e-9),
            Currency::Inr => (Currency::Inr, self.fx / 1e7),
            Currency::Eur => (Currency::Eur, self.fx / 1e9),
        }
    }

    /// An input's field text: in the display currency and its grouping.
    pub fn field(&self, param: &Param, v: f64) -> String {
        let f = self.input_factor(param);
        if f == 1.0 {
            return field_text_grouped(param, v, self.indian());
        }
        field_text_grouped(&self.input_param(param), tidy(v * f), self.indian())
    }

    /// Reads a field typed in the display currency back into the stored
    /// unit. A refusal names the range in the reader's currency; a value at
    /// the end of that range comes back inside the stored one.
    pub fn parse_field(&self, param: &Param, text: &str) -> ValueResult<f64> {
        let f = self.input_factor(param);
        let v = self.input_param(param).parse(text)?;
        // Rounded to twelve significant digits, so ₹8,000 reads back as ₹8,000.
        Ok(if f == 1.0 { v } else { tidy(v / f).clamp(param.min, param.max) })
    }

    /// An input's unit as its field reads: a sum of dollars in the display
    /// currency ("INR/MWh" for "USD/MWh" in rupees).
    pub fn param_unit(&self, p: computedeal_core::params::P) -> String {
        let unit = crate::i18n::param_unit(self.lang, p);
        match unit.strip_prefix("USD") {
            Some(rest) if p.param().money && self.input_factor(p.param()) != 1.0 => format!("{}{rest}", self.currency.code()),
            _ => unit.to_string(),
        }
    }

    /// A distribution's text in the display currency.
    pub fn dist_text(&self, param: &Param, d: &Dist) -> String {
        let f = self.input_factor(param);
        if f == 1.0 {
            d.format()
        } else {
            d.in_units(&self.input_param(param), f).format()
        }
    }

    /// Reads a distribution typed in the display currency.
    pub fn parse_dist(&self, param: &Param, text: &str) -> ValueResult<Dist> {
        let f = self.input_factor(param);
        let d = Dist::parse(&self.input_param(param), text)?;
        Ok(if f == 1.0 { d } else { d.in_units(param, 1.0 / f) })
    }

    /// A plain number with `decimals` decimals, grouped for the language.
    pub fn number(&self, v: f64, decimals: usize) -> String {
        fixed_with(v, decimals, self.lang == Lang::Hi)
    }

    fn sig3(&self, v: f64) -> String {
        fixed_with(v, sig3_decimals(v), self.indian())
    }

    fn signed(&self, negative: bool, body: String) -> String {
        let sym = self.currency.symbol();
        if negative {
            format!("−{sym}{body}")
        } else {
            format!("{sym}{body}")
        }
    }

    /// The scale a sum of money in the display currency is written in: its
    /// divisor and word ($38.0B, ₹3.37 lakh crore, ₹36,860 crore, $450k).
    fn money_scale(&self, a: f64) -> (f64, &'static str) {
        let hi = self.lang == Lang::Hi;
        match self.currency {
            Currency::Inr if a >= 1e12 => (1e12, if hi { " लाख करोड़" } else { " lakh crore" }),
            Currency::Inr if a >= 1e7 => (1e7, if hi { " करोड़" } else { " crore" }),
            Currency::Inr if a >= 1e5 => (1e5, if hi { " लाख" } else { " lakh" }),
            Currency::Inr => (1.0, ""),
            _ if a >= 1e12 => (1e12, if hi { " ट्रिलियन" } else { "T" }),
            _ if a >= 1e9 => (1e9, if hi { " अरब" } else { "B" }),
            _ if a >= 1e6 => (1e6, if hi { " मिलियन" } else { "M" }),
            _ if a >= 1e4 => (1e3, if hi { " हज़ार" } else { "k" }),
            _ => (1.0, ""),
        }
    }

    /// The size of a difference `d`, unsigned, in the scale a card showing
    /// `like` is written in: under a card of "1.79 Mt/yr", a change of 12 kt
    /// reads "0.012 Mt/yr", not "12 kt/yr". Two significant figures, at most
    /// three decimals; "0" with the unit when it rounds away. Units without a
    /// scale are written as `value` writes them.
    pub fn difference(&self, d: f64, unit: Unit, like: f64) -> String {
        let hi = self.lang == Lang::Hi;
        let per_year = if hi { "/वर्ष" } else { "/yr" };
        let sym = self.currency.symbol();
        let step = |big: bool, div: f64, words: (&'static str, &'static str)| if big { (div, words.0) } else { (1.0, words.1) };
        let (factor, prefix, suffix): (f64, &str, String) = match unit {
            Unit::Usd | Unit::UsdPerYear => {
                let (div, word) = self.money_scale((like * self.fx).abs());
                (self.fx / div, sym, format!("{word}{}", if unit == Unit::UsdPerYear { per_year } else { "" }))
            }
            Unit::UsdPerHour => (self.fx, sym, String::new()),
            Unit::Mw => {
                let (div, w) = step(like.abs() >= 10_000.0, 1000.0, (" GW", " MW"));
                (1.0 / div, "", w.to_string())
            }
            Unit::GwhPerYear => {
                let (div, w) = step(like.abs() >= 1000.0, 1000.0, (" TWh", " GWh"));
                (1.0 / div, "", format!("{w}{per_year}"))
            }
            Unit::KtPerYear => {
                let (div, w) = step(like.abs() >= 1000.0, 1000.0, (" Mt", " kt"));
                (1.0 / div, "", format!("{w}{per_year}"))
            }
            _ => return self.value(d.abs(), unit),
        };
        let x = (d * factor).abs();
        if !x.is_finite() {
            return "–".into();
        }
        let decimals = if x == 0.0 { 0 } else { (1.0 - x.log10().floor()).clamp(0.0, 3.0) as usize };
        let body = fixed_with(x, decimals, self.indian());
        let body = if body.chars().all(|c| matches!(c, '0' | '.' | ',')) { "0".to_string() } else { body };
        format!("{prefix}{body}{suffix}")
    }

    /// Money given in USD, converted and written with a scale: $38.0B,
    /// ₹36,860 crore, ₹3.37 lakh crore, $38.0 अरब.
    pub fn money(&self, usd: f64) -> String {
        if !usd.is_finite() {
            return "–".into();
        }
        let v = usd * self.fx;
        let a = v.abs();
        let (div, word) = self.money_scale(a);
        if self.currency == Currency::Inr && div == 1e7 {
            // A whole number of crore, grouped the Indian way.
            let crore = (a / 1e7).round();
            let body = if crore >= 100.0 { group_indian(crore as u64) } else { self.sig3(a / 1e7) };
            return self.signed(v < 0.0 && body != "0", format!("{body}{word}"));
        }
        let scaled = a / div;
        let body = if word.is_empty() && a >= 1.0 { fixed_with(scaled, 2, self.indian()) } else { self.sig3(scaled) };
        let zero = body.chars().all(|c| matches!(c, '0' | '.' | ','));
        self.signed(v < 0.0 && !zero, format!("{body}{word}"))
    }

    /// Large money in whole crore for rupees (₹3,23,000 crore), else as `money`.
    pub fn money_long(&self, usd: f64) -> String {
        let v = usd * self.fx;
        if self.currency == Currency::Inr && v.abs() >= 1e7 {
            let crore = (v.abs() / 1e7).round() as u64;
            let word = if self.lang == Lang::Hi { " करोड़" } else { " crore" };
            return self.signed(v < 0.0 && crore > 0, format!("{}{word}", group_indian(crore)));
        }
        self.money(usd)
    }

    /// A price per hour: two decimals, or three significant figures below 0.1.
    pub fn money_small(&self, usd: f64) -> String {
        if !usd.is_finite() {
            return "–".into();
        }
        let v = usd * self.fx;
        let body = if v.abs() >= 0.1 { fixed_with(v.abs(), 2, self.indian()) } else { self.sig3(v.abs()) };
        let zero = body.chars().all(|c| matches!(c, '0' | '.' | ','));
        self.signed(v < 0.0 && !zero, body)
    }

    /// A value in its unit, as a card or a readout shows it.
    pub fn value(&self, v: f64, unit: Unit) -> String {
        let hi = self.lang == Lang::Hi;
        let per_year = if hi { "/वर्ष" } else { "/yr" };
        match unit {
            Unit::Usd => self.money(v),
            Unit::UsdPerYear => format!("{}{per_year}", self.money(v)),
            Unit::UsdPerHour => self.money_small(v),
            Unit::Fraction => format!("{}%", self.number(v * 100.0, 1)),
            Unit::Years => format!("{} {}", self.number(v, 1), if hi { "वर्ष" } else { "yr" }),
            Unit::Count => self.number(v, 0),
            Unit::Mw => {
                if v.abs() >= 10_000.0 {
                    format!("{} GW", self.sig3(v / 1000.0))
                } else {
                    format!("{} MW", self.number(v, 0))
                }
            }
            Unit::GwhPerYear => {
                if v.abs() >= 1000.0 {
                    format!("{} TWh{per_year}", self.sig3(v / 1000.0))
                } else {
                    format!("{} GWh{per_year}", self.sig3(v))
                }
            }
            Unit::KtPerYear => {
                if v.abs() >= 1000.0 {
                    format!("{} Mt{per_year}", self.sig3(v / 1000.0))
                } else {
                    format!("{} kt{per_year}", self.sig3(v))
                }
            }
            Unit::Pflops => format!("{} EFLOPS", self.sig3(v / 1000.0)),
            Unit::Hours => format!("{} {}", self.money(v).trim_start_matches(self.currency.symbol()), if hi { "घंटे" } else { "h" }),
            Unit::TokensPerSecond => format!("{} {}", self.number(v, 0), if hi { "टोकन/सेकंड" } else { "tok/s" }),
            Unit::Plain => self.sig3(v),
        }
    }

    /// A value on an axis: as `value`, without trailing zeros.
    pub fn axis(&self, v: f64, unit: Unit) -> String {
        trim_zeros(&self.value(v, unit))
    }
}

/// A parameter's value as an input field shows it: whole numbers grouped
/// (38,000,000,000), which `Param::parse` reads back.
pub fn field_text(param: &Param, v: f64) -> String {
    field_text_grouped(param, v, false)
}

/// As `field_text`, whole numbers grouped the Indian way when `indian`
/// (38,00,00,00,000); `Param::parse` reads either grouping back.
pub fn field_text_grouped(param: &Param, v: f64, indian: bool) -> String {
    match param.kind {
        Kind::Number => number_field_text(v, indian),
        Kind::Count => fixed_with(v, 0, indian),
        _ => param.format(v),
    }
}

/// A number as a field shows it: the shortest text that reads back, its
/// whole part grouped (the Indian way when `indian`: 3,37,060; 7,273.4)
/// when it is written out in digits; `Param::parse` reads either back.
pub fn number_field_text(v: f64, indian: bool) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return fixed_with(v, 0, indian);
    }
    let text = format_number(tidy(v));
    match text.split_once('.') {
        Some((whole, frac)) if !text.contains('e') && v.abs() >= 1000.0 => {
            // An ASCII minus, which `Param::parse` reads back.
            let (sign, digits) = whole.strip_prefix('-').map(|d| ("-", d)).unwrap_or(("", whole));
            format!("{sign}{}.{frac}", fixed_with(digits.parse::<f64>().unwrap_or(0.0), 0, indian))
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_sum_is_typed_in_billions_or_crores() {
        // $38B: 38 billion dollars; × 88.7 = ₹3,370.6 billion = 3,37,060 crore; × 0.857 = €32.566 billion.
        let (c, f) = Fmt::new(Lang::En, Currency::Usd, 1.0).large_sum_unit();
        assert_eq!((c, 38e9 * f), (Currency::Usd, 38.0));
        let (c, f) = Fmt::new(Lang::Hi, Currency::Inr, 88.7).large_sum_unit();
        assert_eq!(c, Currency::Inr);
        assert!((38e9 * f - 337_060.0).abs() < 1e-6, "{}", 38e9 * f);
        let (c, f) = Fmt::new(Lang::En, Currency::Eur, 0.857).large_sum_unit();
        assert_eq!(c, Currency::Eur);
        assert!((38e9 * f - 32.566).abs() < 1e-9, "{}", 38e9 * f);
        // As the field shows them: 3,37,060 crore; 32.566 billion euros; $1,250 billion.
        assert_eq!(number_field_text(337_060.0, true), "3,37,060");
        assert_eq!(number_field_text(32.566, false), "32.566");
        assert_eq!(number_field_text(1250.0, false), "1,250");
        assert_eq!(number_field_text(110_875.5, true), "1,10,875.5");
        // A rate that cannot convert leaves the field in dollars.
        for fx in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(Fmt::new(Lang::Hi, Currency::Inr, fx).large_sum_unit(), (Currency::Usd, 1e-9));
        }
    }

    #[test]
    fn inputs_in_dollars_read_and_type_in_the_display_currency() {
        use computedeal_core::params::P;
        let inr = Fmt::new(Lang::En, Currency::Inr, 88.7);
        let eur = Fmt::new(Lang::En, Currency::Eur, 0.857);
        let hi_usd = Fmt::new(Lang::Hi, Currency::Usd, 1.0);
        let capex = P::capex_usd_per_accelerator.param();
        let power = P::electricity_usd_per_mwh.param();
        // 76,000 × 88.7 = 6,741,200 rupees, grouped in lakh; 82 × 88.7 = 7,273.4.
        assert_eq!(inr.field(capex, 76_000.0), "67,41,200");
        assert_eq!(inr.field(power, 82.0), "7,273.4");
        assert_eq!(inr.field(power, 123_456.5 / 88.7), "1,23,456.5");
        assert_eq!(field_text_grouped(P::electricity_escalation.param(), -1234.5, false), "-1,234.5");
        // 82 × 0.857 = 70.274 euros; in dollars as stored, Hindi groups lakh.
        assert_eq!(eur.field(power, 82.0), "70.274");
        assert_eq!(hi_usd.field(capex, 76_000.0), "76,000");
        assert_eq!(hi_usd.field(P::value_usd.param(), 38e9), "38,00,00,00,000");
        // Typed back: 8,000 rupees is 8,000 / 88.7 = 90.191... dollars.
        assert_eq!(inr.parse_field(power, "8,000"), Ok(90.191_657_271_7));
        assert_eq!(inr.field(power, 90.191_657_271_7), "8,000");
        assert_eq!(inr.parse_field(power, &inr.field(power, 82.0)), Ok(82.0));
        // The field's own text of the top of the range comes back inside it.
        assert_eq!(inr.parse_field(power, "88,700"), Ok(1_000.0));
        // Refused in rupees, naming the rupee range.
        match inr.parse_field(power, "90,000") {
            Err(computedeal_core::notice::Problem::OutOfRange { allowed }) => {
                assert_eq!(allowed, computedeal_core::notice::Allowed::Range { min: "0".into(), max: "88700".into() })
            }
            other => panic!("{other:?}"),
        }
        // Not money: as stored, whatever the currency.
        assert_eq!(inr.field(P::pue.param(), 1.14), "1.14");
        assert_eq!(inr.parse_field(P::pue.param(), "1.3"), Ok(1.3));
        // Units follow: every money input's unit starts with USD in both languages.
        for p in P::ALL.iter().filter(|p| p.param().money) {
            for lang in [Lang::En, Lang::Hi] {
                assert!(crate::i18n::param_unit(lang, *p).starts_with("USD"), "{}", p.key());
            }
        }
        assert_eq!(inr.param_unit(P::electricity_usd_per_mwh), "INR/MWh");
        assert_eq!(Fmt::default().param_unit(P::electricity_usd_per_mwh), "USD/MWh");
        assert_eq!(inr.param_unit(P::pue), crate::i18n::param_unit(Lang::En, P::pue));
        // Distributions too: PERT 60,000–90,000 dollars shown and typed in rupees.
        let d = Dist::parse(capex, "pert:60000,76000,90000").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(inr.dist_text(capex, &d), "pert:5322000,6741200,7983000");
        assert_eq!(inr.parse_dist(capex, "pert:5322000,6741200,7983000"), Ok(d));
    }

    /// Issue 29.5: shares and rates are shown and typed in percent ("8% a
    /// year"), in every currency; the link and the model keep the fraction.
    #[test]
    fn shares_and_rates_read_in_percent() {
        use computedeal_core::params::P;
        let usd = Fmt::default();
        let wacc = P::wacc.param();
        assert_eq!(usd.field(wacc, 0.08), "8");
        assert_eq!(usd.parse_field(wacc, "8.5"), Ok(0.085));
        assert_eq!(usd.param_unit(P::wacc), "% a year");
        assert_eq!(Fmt::new(Lang::Hi, Currency::Inr, 88.7).param_unit(P::wacc), "% प्रति वर्ष");
        // 0.25% steps: 0.0025 × 100.
        assert_eq!(usd.input_param(wacc).step, 0.25);
        // A refusal names the range in percent: 0 to 0.5 is 0 to 50.
        match usd.parse_field(wacc, "60") {
            Err(computedeal_core::notice::Problem::OutOfRange { allowed }) => {
                assert_eq!(allowed, computedeal_core::notice::Allowed::Range { min: "0".into(), max: "50".into() })
            }
            other => panic!("{other:?}"),
        }
        // A decline that can be a rise: −20% typed, −0.2 stored.
        assert_eq!(usd.parse_field(P::market_decline.param(), "-20"), Ok(-0.2));
        let d = Dist::parse(wacc, "tri:0.08,0.1,0.13").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(usd.dist_text(wacc, &d), "tri:8,10,13");
        assert_eq!(usd.parse_dist(wacc, "tri:8,10,13"), Ok(d));
        // Every percent input's unit is a percent, in both languages; no unit says "fraction".
        for p in P::ALL {
            for lang in [Lang::En, Lang::Hi] {
                let unit = crate::i18n::param_unit(lang, *p);
                assert_eq!(p.param().percent, unit.contains('%'), "{}: {unit}", p.key());
                assert!(!unit.contains("fraction") && !unit.contains("अंश"), "{}: {unit}", p.key());
            }
        }
    }

    #[test]
    fn the_formatting_table() {
        let en = Fmt::default();
        let inr = Fmt::new(Lang::En, Currency::Inr, 88.7);
        let eur = Fmt::new(Lang::En, Currency::Eur, 0.857);
        let hi_usd = Fmt::new(Lang::Hi, Currency::Usd, 1.0);
        let hi_inr = Fmt::new(Lang::Hi, Currency::Inr, 88.7);
        let cases: &[(Fmt, f64, Unit, &str)] = &[
            // English, dollars: short scales.
            (en, 38e9, Unit::Usd, "$38.0B"),
            (en, 5_284_370_500.0, Unit::Usd, "$5.28B"),
            (en, -1.25e6, Unit::Usd, "−$1.25M"),
            (en, 450_000.0, Unit::Usd, "$450k"),
            (en, 3e12, Unit::Usd, "$3.00T"),
            (en, 1234.5, Unit::Usd, "$1,234.50"),
            (en, 0.0, Unit::Usd, "$0"),
            (en, -0.000_4, Unit::Usd, "−$0.000400"),
            (en, 4.78e9, Unit::UsdPerYear, "$4.78B/yr"),
            (en, 3.003_161, Unit::UsdPerHour, "$3.00"),
            (en, 0.104_267, Unit::UsdPerHour, "$0.10"),
            (en, 0.006_67, Unit::UsdPerHour, "$0.00667"),
            (en, -2.5, Unit::UsdPerHour, "−$2.50"),
            (en, 0.062_58, Unit::Fraction, "6.3%"),
            (en, -0.6, Unit::Fraction, "−60.0%"),
            (en, -0.000_01, Unit::Fraction, "0.0%"),
            (en, 4.988, Unit::Years, "5.0 yr"),
            (en, 200_000.0, Unit::Count, "200,000"),
            (en, 460.0, Unit::Mw, "460 MW"),
            (en, 4485.0, Unit::Mw, "4,485 MW"),
            (en, 24_200.0, Unit::Mw, "24.2 GW"),
            (en, 3868.4, Unit::GwhPerYear, "3.87 TWh/yr"),
            (en, 168.1, Unit::GwhPerYear, "168 GWh/yr"),
            (en, 1415.8, Unit::KtPerYear, "1.42 Mt/yr"),
            (en, 5.256, Unit::KtPerYear, "5.26 kt/yr"),
            (en, 1e6, Unit::Pflops, "1,000 EFLOPS"),
            (en, 7500.0, Unit::TokensPerSecond, "7,500 tok/s"),
            (en, f64::NAN, Unit::Usd, "–"),
            // Rupees: lakh and crore, Indian grouping. $38B × 88.7 = ₹3,37,060 crore = ₹3.37 lakh crore.
            (inr, 38e9, Unit::Usd, "₹3.37 lakh crore"),
            (inr, 5.28e9, Unit::Usd, "₹46,834 crore"),
            (inr, -1.2e9, Unit::Usd, "−₹10,644 crore"),
            (inr, 1e6, Unit::Usd, "₹8.87 crore"),
            (inr, 2000.0, Unit::Usd, "₹1.77 lakh"),
            (inr, 100.0, Unit::Usd, "₹8,870.00"),
            (inr, 3.0, Unit::UsdPerHour, "₹266.10"),
            (inr, 0.0, Unit::Usd, "₹0"),
            // Counts follow the language, not the currency.
            (inr, 200_000.0, Unit::Count, "200,000"),
            // Euros: short scales. $38B × 0.857 = €32.6B.
            (eur, 38e9, Unit::Usd, "€32.6B"),
            (eur, 3.0, Unit::UsdPerHour, "€2.57"),
            // Hindi: Hindi scale words and Indian grouping.
            (hi_usd, 38e9, Unit::Usd, "$38.0 अरब"),
            (hi_usd, 450e6, Unit::Usd, "$450 मिलियन"),
            (hi_usd, 2e12, Unit::Usd, "$2.00 ट्रिलियन"),
            (hi_usd, 4.78e9, Unit::UsdPerYear, "$4.78 अरब/वर्ष"),
            (hi_usd, 200_000.0, Unit::Count, "2,00,000"),
            (hi_usd, 4.988, Unit::Years, "5.0 वर्ष"),
            (hi_usd, 3868.4, Unit::GwhPerYear, "3.87 TWh/वर्ष"),
            (hi_inr, 38e9, Unit::Usd, "₹3.37 लाख करोड़"),
            (hi_inr, 5.28e9, Unit::Usd, "₹46,834 करोड़"),
        ];
        for (f, v, unit, want) in cases {
            assert_eq!(f.value(*v, *unit), *want, "{v} {unit:?} {f:?}");
        }
        // The crore form of a lakh-crore amount: ₹3,23,000 crore is ₹3.23 lakh crore.
        let rate = 3.23e12 / 38e9;
        let f = Fmt::new(Lang::En, Currency::Inr, rate);
        assert_eq!(f.money_long(38e9), "₹3,23,000 crore");
        assert_eq!(f.money(38e9), "₹3.23 lakh crore");
    }

    #[test]
    fn axis_labels_drop_trailing_zeros() {
        let f = Fmt::default();
        assert_eq!(f.axis(8e9, Unit::Usd), "$8B");
        assert_eq!(f.axis(2.5e9, Unit::Usd), "$2.5B");
        assert_eq!(f.axis(-5e8, Unit::Usd), "−$500M");
        assert_eq!(f.axis(0.0, Unit::Usd), "$0");
        assert_eq!(f.axis(0.025, Unit::Fraction), "2.5%");
        assert_eq!(f.axis(3.0, Unit::UsdPerHour), "$3");
        assert_eq!(f.axis(4485.0, Unit::Mw), "4,485 MW");
        assert_eq!(Fmt::new(Lang::Hi, Currency::Usd, 1.0).axis(8e9, Unit::Usd), "$8 अरब");
    }

    #[test]
    fn grouping_and_fixed() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(1_234_567_890), "1,234,567,890");
        assert_eq!(group_indian(999), "999");
        assert_eq!(group_indian(1_000), "1,000");
        assert_eq!(group_indian(100_000), "1,00,000");
        assert_eq!(group_indian(12_345_678), "1,23,45,678");
        assert_eq!(group_indian(323_000), "3,23,000");
        assert_eq!(fixed(-1234.567, 1), "−1,234.6");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(Fmt::default().sig3(0.000_123_45), "0.000123");
        assert_eq!(Currency::from_code("inr"), Some(Currency::Inr));
        assert_eq!(Currency::from_code("GBP"), None);
    }

    #[test]
    fn field_text_round_trips_every_default() {
        use computedeal_core::params::P;
        for p in P::ALL {
            let param = p.param();
            // What a field shows parses back to the value (grouping is read).
            assert_eq!(param.parse(&field_text(param, param.default)), Ok(param.default), "{}", param.key);
        }
        assert_eq!(field_text(P::value_usd.param(), 38e9), "38,000,000,000");
        // In Hindi or rupees, lakh and crore grouping, read back the same.
        assert_eq!(field_text_grouped(P::value_usd.param(), 38e9, true), "38,00,00,00,000");
        assert_eq!(field_text_grouped(P::accelerators.param(), 200_000.0, true), "2,00,000");
        for param in computedeal_core::params::PARAMS.iter() {
            assert_eq!(param.parse(&field_text_grouped(param, param.default, true)), Ok(param.default), "{}", param.key);
        }
    }

    #[test]
    fn a_difference_is_written_in_its_cards_scale() {
        let en = Fmt::default();
        let inr = Fmt::new(Lang::En, Currency::Inr, 88.7);
        let hi_inr = Fmt::new(Lang::Hi, Currency::Inr, 88.7);
        let cases: &[(Fmt, f64, Unit, f64, &str)] = &[
            // 12 kt under a card of 1.79 Mt: 0.012 Mt (two significant figures).
            (en, 12.0, Unit::KtPerYear, 1790.0, "0.012 Mt/yr"),
            // 0.2 kt under 1.79 Mt rounds away at three decimals (0.0002).
            (en, 0.2, Unit::KtPerYear, 1790.0, "0 Mt/yr"),
            (en, -12.0, Unit::KtPerYear, 500.0, "12 kt/yr"),
            // $120M under $6.27B: 0.12B; $1.5B under $6.27B: 1.5B.
            (en, 120e6, Unit::Usd, 6.27e9, "$0.12B"),
            (en, -1.5e9, Unit::Usd, 6.27e9, "$1.5B"),
            // 31 MW under a card of 479 MW; under 12,000 MW it is 0.031 GW.
            (en, 31.0, Unit::Mw, 479.0, "31 MW"),
            (en, 31.0, Unit::Mw, 12_000.0, "0.031 GW"),
            (en, 250.0, Unit::GwhPerYear, 4_200.0, "0.25 TWh/yr"),
            // Rupees: $120M × 88.7 = ₹1,064.4 crore under ₹55,600 crore ($6.27B); 1064.4 ≥ 100, no decimals.
            (inr, 120e6, Unit::Usd, 6.27e9, "₹1,064 crore"),
            // $20B × 88.7 = ₹1.774 lakh crore under $62.7B × 88.7 = ₹5.56 lakh crore: two figures, 1.8.
            (inr, 20e9, Unit::Usd, 62.7e9, "₹1.8 lakh crore"),
            (hi_inr, 20e9, Unit::UsdPerYear, 62.7e9, "₹1.8 लाख करोड़/वर्ष"),
            // A price per hour: two significant figures ($0.05 → 0.050; ₹4.435 → 4.4).
            (en, 0.05, Unit::UsdPerHour, 3.04, "$0.050"),
            (inr, 0.05, Unit::UsdPerHour, 3.04, "₹4.4"),
            // Units without a scale are written as `value` writes them.
            (en, 0.26, Unit::Years, 4.8, "0.3 yr"),
            (en, f64::NAN, Unit::Usd, 1e9, "–"),
        ];
        for (fmt, d, unit, like, want) in cases {
            assert_eq!(fmt.difference(*d, *unit, *like), *want, "{d} {unit:?} like {like}");
        }
    }
}
