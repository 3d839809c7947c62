//! The capacity and economics model (vertical slice: contract value, term and
//! accelerator count give the implied price per accelerator-hour).

/// Hours in a (non-leap) year; the model's unit of time for prices.
pub const HOURS_PER_YEAR: f64 = 8760.0;

/// Implied contract price per accelerator-hour when every accelerator is
/// online and billable for the whole term.
pub fn price_usd_per_accelerator_hour(value_usd: f64, term_years: f64, accelerators: f64) -> f64 {
    value_usd / (accelerators * term_years * HOURS_PER_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_openai_flat_price_by_hand() {
        // 38e9 / (200,000 GPUs × 7 years × 8,760 h) = 38e9 / 1.2264e10 = 3.0985 USD
        let p = price_usd_per_accelerator_hour(38e9, 7.0, 200_000.0);
        assert!((p - 3.098_499).abs() < 1e-5, "{p}");
    }
}
