//! The interface's text in English and Hindi: one message catalogue per
//! language (`EN`, `HI`, both of type `Messages`, so a message missing in one
//! language does not compile), the parameter table's labels, units and help
//! in Hindi (`HI_PARAMS`, in table order; a test checks), and the output
//! labels. Messages with values use `{name}` placeholders filled by `fill`.
//!
//! Core messages (a rejected input, a repaired URL) are written in the
//! language set with `set_lang` for this thread; the page sets it from the
//! reader's choice, the CLI leaves it English.

use std::cell::Cell;

use crate::params::{Group, P};
#[cfg(test)]
use crate::params::PARAMS;

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

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language of core messages on this thread.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

pub fn lang() -> Lang {
    LANG.with(|l| l.get())
}

/// The catalogue of the current language.
pub fn t() -> &'static Messages {
    messages(lang())
}

pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &EN,
        Lang::Hi => &HI,
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

/// A core message in the current language.
pub fn msg(pick: fn(&Messages) -> &'static str, args: &[(&str, &str)]) -> String {
    fill(pick(t()), args)
}

pub fn param_label(lang: Lang, p: P) -> &'static str {
    match lang {
        Lang::En => p.param().label,
        Lang::Hi => HI_PARAMS[p as usize].1,
    }
}

pub fn param_unit(lang: Lang, p: P) -> &'static str {
    match lang {
        Lang::En => p.param().unit,
        Lang::Hi => HI_PARAMS[p as usize].2,
    }
}

pub fn param_help(lang: Lang, p: P) -> &'static str {
    match lang {
        Lang::En => p.param().help,
        Lang::Hi => HI_PARAMS[p as usize].3,
    }
}

pub fn group_label(lang: Lang, g: Group) -> &'static str {
    match (lang, g) {
        (Lang::En, _) => g.label(),
        (Lang::Hi, Group::Deal) => "सौदा",
        (Lang::Hi, Group::Accelerators) => "एक्सेलरेटर",
        (Lang::Hi, Group::Deployment) => "तैनाती",
        (Lang::Hi, Group::Cpus) => "सीपीयू",
        (Lang::Hi, Group::DataCentre) => "डेटा सेंटर और ऊर्जा",
        (Lang::Hi, Group::Finance) => "वित्त",
        (Lang::Hi, Group::Workload) => "वर्कलोड",
        (Lang::Hi, Group::Uncertainty) => "अनिश्चितता",
    }
}

/// An output's label (`outputs::OUTPUTS` keys).
pub fn output_label(lang: Lang, key: &str) -> &'static str {
    let en = crate::outputs::by_key(key).map(|o| o.label).unwrap_or("");
    if lang == Lang::En {
        return en;
    }
    HI_OUTPUTS.iter().find(|(k, _)| *k == key).map(|(_, l)| *l).unwrap_or(en)
}

/// Every piece of interface text, in one language.
pub struct Messages {
    // Page
    pub tagline: &'static str,
    pub deal: &'static str,
    pub reset: &'static str,
    pub language: &'static str,
    pub currency: &'static str,
    pub fx_rate: &'static str,
    pub fx_help: &'static str,
    pub assumptions: &'static str,
    pub legend_est: &'static str,
    pub legend_changed: &'static str,
    pub est: &'static str,
    pub est_title: &'static str,
    pub changed: &'static str,
    pub n_changed: &'static str,
    pub reset_input: &'static str,
    pub uncertain: &'static str,
    pub distribution_of: &'static str,
    pub slider_of: &'static str,
    pub allowed: &'static str,
    pub a_choice: &'static str,
    pub source: &'static str,
    pub conf_a: &'static str,
    pub conf_b: &'static str,
    pub conf_c: &'static str,
    pub conf_derived: &'static str,
    pub conf_estimate: &'static str,
    pub notices: &'static str,
    pub dismiss: &'static str,
    pub footer: &'static str,
    pub headline_results: &'static str,
    pub charts: &'static str,
    // Monte Carlo status
    pub mc_none: &'static str,
    pub mc_starting: &'static str,
    pub mc_running: &'static str,
    pub mc_done: &'static str,
    pub mc_progress: &'static str,
    // Cards
    pub card_price: &'static str,
    pub card_cost: &'static str,
    pub card_margin: &'static str,
    pub card_npv: &'static str,
    pub card_irr: &'static str,
    pub card_payback: &'static str,
    pub card_it_mw: &'static str,
    pub card_facility_mw: &'static str,
    pub card_energy: &'static str,
    pub card_co2: &'static str,
    pub card_capex: &'static str,
    pub card_tokens: &'static str,
    pub card_p_loss: &'static str,
    pub note_npv: &'static str,
    pub note_price: &'static str,
    pub note_cost: &'static str,
    pub note_it_mw: &'static str,
    pub note_tokens: &'static str,
    pub note_p_loss: &'static str,
    pub no_uncertainty: &'static str,
    pub none: &'static str,
    pub range: &'static str,
    pub range_title: &'static str,
    // Compare
    pub pin: &'static str,
    pub unpin: &'static str,
    pub pinned: &'static str,
    pub versus_a: &'static str,
    pub pp: &'static str,
    pub share: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_label: &'static str,
    pub embed_chart: &'static str,
    pub embed_listener: &'static str,
    pub embed_code: &'static str,
    pub copy_embed: &'static str,
    pub embed_copied: &'static str,
    pub embed_help: &'static str,
    pub open_full: &'static str,
    pub attribution: &'static str,
    pub embed_title: &'static str,
    pub offline_ready: &'static str,
    pub why_irr: &'static str,
    pub why_payback: &'static str,
    pub download_as: &'static str,
    pub fx_default: &'static str,
    pub scenario_a: &'static str,
    pub scenario_b: &'static str,
    // Export and import
    pub download: &'static str,
    pub export_json: &'static str,
    pub import_json: &'static str,
    pub import_failed: &'static str,
    pub imported: &'static str,
    // Uncertainty extras
    pub defaults_label: &'static str,
    pub defaults_help: &'static str,
    pub corr_label: &'static str,
    pub corr_help: &'static str,
    // Charts: cards
    pub data: &'static str,
    pub chart: &'static str,
    pub output_shown: &'static str,
    pub data_of: &'static str,
    pub t_deployment: &'static str,
    pub d_deployment: &'static str,
    pub s_deployment: &'static str,
    pub t_cost: &'static str,
    pub d_cost: &'static str,
    pub s_cost: &'static str,
    pub t_cashflow: &'static str,
    pub d_cashflow: &'static str,
    pub s_cashflow: &'static str,
    pub s_cashflow_no_payback: &'static str,
    pub t_histogram: &'static str,
    pub d_histogram: &'static str,
    pub s_histogram: &'static str,
    pub t_tornado: &'static str,
    pub d_tornado: &'static str,
    pub s_tornado: &'static str,
    pub t_heatmap: &'static str,
    pub d_heatmap: &'static str,
    pub s_heatmap: &'static str,
    pub t_presets: &'static str,
    pub d_presets: &'static str,
    pub your_changes: &'static str,
    // Charts: inside
    pub ax_accelerators_online: &'static str,
    pub ax_facility_mw: &'static str,
    pub ax_usd_per_year: &'static str,
    pub ax_cumulative: &'static str,
    pub ax_samples: &'static str,
    pub ax_price_hour: &'static str,
    pub ax_availability: &'static str,
    pub lg_first_tranche: &'static str,
    pub lg_expansion: &'static str,
    pub lg_capital_acc: &'static str,
    pub lg_capital_cpu: &'static str,
    pub lg_capital_fac: &'static str,
    pub lg_energy: &'static str,
    pub lg_opex: &'static str,
    pub lg_revenue: &'static str,
    pub lg_fan: &'static str,
    pub lg_point: &'static str,
    pub lg_payback: &'static str,
    pub lg_p10: &'static str,
    pub lg_p90: &'static str,
    pub lg_break_even: &'static str,
    pub lg_here: &'static str,
    pub lg_scenario_a: &'static str,
    pub cap_price: &'static str,
    pub cap_gw_year: &'static str,
    pub msg_no_distribution: &'static str,
    pub msg_no_uncertain: &'static str,
    // Tables
    pub tl_quarter: &'static str,
    pub tl_year: &'static str,
    pub tl_bin: &'static str,
    pub tl_input: &'static str,
    pub tl_availability: &'static str,
    pub tl_deal: &'static str,
    pub tc_online: &'static str,
    pub tc_of_expansion: &'static str,
    pub tc_it_power: &'static str,
    pub tc_facility_power: &'static str,
    pub tc_cumulative: &'static str,
    pub tc_from: &'static str,
    pub tc_to: &'static str,
    pub tc_samples: &'static str,
    pub tc_input_p10: &'static str,
    pub tc_input_p90: &'static str,
    pub tc_output_p10: &'static str,
    pub tc_output_p90: &'static str,
    pub tc_swing: &'static str,
    pub tc_break_even: &'static str,
    pub tc_margin_here: &'static str,
    pub tc_gw_year: &'static str,
    // The reading
    pub r_profit: &'static str,
    pub r_loss: &'static str,
    pub r_scale: &'static str,
    pub r_npv_gain: &'static str,
    pub r_npv_loss: &'static str,
    pub r_irr_payback: &'static str,
    pub r_irr_no_payback: &'static str,
    pub r_no_irr: &'static str,
    pub r_break_even: &'static str,
    pub r_would_break_even: &'static str,
    pub r_p_loss: &'static str,
    // Core messages
    pub e_not_finite: &'static str,
    pub e_not_whole: &'static str,
    pub e_no_choice: &'static str,
    pub e_out_of_range: &'static str,
    pub e_not_a_number: &'static str,
    pub e_not_allowed: &'static str,
    pub e_quarter: &'static str,
    pub e_quarter_in: &'static str,
    pub range_to: &'static str,
    pub range_one_of: &'static str,
    pub chars: &'static str,
    pub e_preset_value_used: &'static str,
    pub e_duplicate: &'static str,
    pub e_unknown_param: &'static str,
    pub e_too_long: &'static str,
    pub e_query_too_long: &'static str,
    pub e_bad_preset: &'static str,
    pub e_bad_uncertainty: &'static str,
    pub e_as_text: &'static str,
    pub e_not_number_or_text: &'static str,
    pub e_corr_text: &'static str,
    pub e_corr_ignored: &'static str,
    pub e_corr_form: &'static str,
    pub e_corr_not_param: &'static str,
    pub e_corr_not_number: &'static str,
    pub e_corr_self: &'static str,
    pub e_corr_range: &'static str,
    pub e_corr_not_uncertain: &'static str,
    pub e_corr_scaled: &'static str,
    pub e_ramp_before_start: &'static str,
    pub e_ramp_after_term: &'static str,
    pub e_expansion_before_start: &'static str,
    pub e_expansion_value_alone: &'static str,
    pub e_cpu_value_alone: &'static str,
    pub e_cannot_be_uncertain: &'static str,
    pub e_not_number_or_dist: &'static str,
    pub e_dist_arg: &'static str,
    pub e_dist_count: &'static str,
    pub e_dist_end: &'static str,
    pub e_dist_order: &'static str,
    pub e_dist_mode: &'static str,
    pub e_dist_sd: &'static str,
    pub e_dist_p5: &'static str,
    pub e_dist_p5_p95: &'static str,
    pub e_dist_unknown: &'static str,
    pub w_low_end: &'static str,
    pub w_high_end: &'static str,
    pub w_mean: &'static str,
    pub w_p5: &'static str,
    pub w_p95: &'static str,
    pub syntax: &'static str,
    pub e_json_too_big: &'static str,
    pub e_json_invalid: &'static str,
    pub e_json_no_object: &'static str,
    pub e_bad_lang: &'static str,
    pub e_bad_currency: &'static str,
    pub e_bad_fx: &'static str,
    pub e_bad_chart: &'static str,
}

pub static EN: Messages = Messages {
    tagline: "What does a giant AI-compute deal buy, cost and earn?",
    deal: "Deal",
    reset: "Reset",
    language: "Language",
    currency: "Currency",
    fx_rate: "Rate per US dollar",
    fx_help: "Amounts are converted for display only; the model works in US dollars.",
    assumptions: "Assumptions",
    legend_est: " our estimate · ",
    legend_changed: " differs from the deal's preset",
    est: "est.",
    est_title: "This default is our estimate, not a reported figure",
    changed: "changed",
    n_changed: "{n} changed",
    reset_input: "Reset {label} to the preset's value",
    uncertain: " uncertain",
    distribution_of: "{label} distribution",
    slider_of: "{label} slider",
    allowed: "Allowed:",
    a_choice: "a choice from the list",
    source: "Source:",
    conf_a: "primary source",
    conf_b: "reputable press or analyst",
    conf_c: "secondary source, a range hint",
    conf_derived: "our arithmetic from cited figures",
    conf_estimate: "our estimate",
    notices: "Some inputs were ignored or adjusted:",
    dismiss: "Dismiss",
    footer: "Every default cites its source (see each input's help); values marked est. are our estimates. The model, its conventions and simplifications: docs/MODEL.md; uncertainty: docs/UNCERTAINTY.md. Everything runs in your browser; nothing is sent anywhere.",
    headline_results: "Headline results",
    charts: "Charts",
    mc_none: "No input is uncertain: make one uncertain to see ranges.",
    mc_starting: "Monte Carlo: starting…",
    mc_running: "Monte Carlo: {done} of {total} scenarios…",
    mc_done: "Monte Carlo: {n} scenarios over {k} uncertain inputs, done in {s} s.",
    mc_progress: "Monte Carlo progress",
    card_price: "Price per accelerator-hour",
    card_cost: "Cost per accelerator-hour",
    card_margin: "Margin",
    card_npv: "NPV",
    card_irr: "IRR",
    card_payback: "Payback",
    card_it_mw: "Peak IT power",
    card_facility_mw: "Peak facility power",
    card_energy: "Energy per year",
    card_co2: "CO₂ per year",
    card_capex: "Capex",
    card_tokens: "Cost per million tokens",
    card_p_loss: "Chance of a loss",
    note_npv: "at a {wacc} cost of capital",
    note_price: "the contract's implied price",
    note_cost: "capital, energy and opex, levelized",
    note_it_mw: "accelerators; {mw} with the CPUs",
    note_tokens: "{precision} at {mfu} MFU",
    note_p_loss: "share of scenarios with a negative NPV",
    no_uncertainty: "no uncertainty",
    none: "none",
    range: "P5–P95: {lo} to {hi}",
    range_title: "5th to 95th percentile over the Monte Carlo",
    pin: "Pin as A",
    unpin: "Unpin A",
    pinned: "Comparing with A: {name}. Change inputs to see B against it.",
    versus_a: "{delta} vs A",
    pp: " pp",
    share: "Share and embed",
    copy_link: "Copy link",
    link_copied: "Link copied: it opens this exact view.",
    link_label: "Link to this view",
    embed_chart: "Chart in the embed",
    embed_listener: "With the five-line listener that sets the frame's height",
    embed_code: "Embed code",
    copy_embed: "Copy embed code",
    embed_copied: "Embed code copied.",
    embed_help: "Paste it into a blog post: the frame shows the chart, four headline figures and a link back here.",
    open_full: "Open in the full calculator",
    attribution: "computedeal: what giant AI-compute deals buy, cost and earn. Assumptions and their sources are in the full calculator.",
    embed_title: "computedeal: {name}",
    offline_ready: "Saved for offline use.",
    why_irr: "no discount rate between −99% and 1000% a year makes the NPV zero",
    why_payback: "the cumulative cash flow (before the assets' value at the end of the term) is still negative when the deal ends",
    download_as: "Download “{title}” as {format}",
    fx_default: "Default {rate} per US dollar: {source} ({date}).",
    scenario_a: "A",
    scenario_b: "B",
    download: "Download",
    export_json: "Export JSON",
    import_json: "Import JSON",
    import_failed: "The file was not imported, and nothing changed:",
    imported: "Imported the scenario from {name}.",
    defaults_label: " the preset's default ranges",
    defaults_help: "Each preset makes its cost and market inputs uncertain: symmetric ranges from the spread of the sources (our estimate). Turn them off to see only the inputs you made uncertain.",
    corr_label: "Rank correlations",
    corr_help: "Pairs of uncertain inputs that move together, as input:input:ρ (Spearman, −1 to 1), separated by commas.",
    data: "data",
    chart: "chart",
    output_shown: "Output shown",
    data_of: "Data of the chart: {title}",
    t_deployment: "Accelerators online",
    d_deployment: "Per quarter, both tranches, with facility power on the right axis.",
    s_deployment: "{n} accelerators at peak, fully online by {quarter}; facility power peaks at {mw}.",
    t_cost: "Cost per year against revenue",
    d_cost: "Capital recovery by asset class, energy and other opex, stacked; the line is revenue.",
    s_cost: "In {year} costs come to {cost} against revenue of {revenue}.",
    t_cashflow: "Cumulative cash flow",
    d_cashflow: "The point estimate, the P10–P90 range from the Monte Carlo and the payback point.",
    s_cashflow: "Cash flow bottoms at {low} in {quarter}; it pays back after {years} years; it ends at {end} with the assets' book value.",
    s_cashflow_no_payback: "Cash flow bottoms at {low} in {quarter}; it does not pay back within the deal; it ends at {end} with the assets' book value.",
    t_histogram: "Distribution",
    d_histogram: "{output} over the Monte Carlo; P5, P50 and P95 marked, the loss region shaded.",
    s_histogram: "{output}: P5 {p5}, P50 {p50}, P95 {p95}.",
    t_tornado: "What moves it",
    d_tornado: "{output}: each uncertain input from its P10 to its P90, the others at their point values.",
    s_tornado: "The biggest swing comes from {input}: {lo} to {hi}.",
    t_heatmap: "Margin by price and availability",
    d_heatmap: "Blue is a profit, orange a loss, deeper further from zero; the line is break-even, the circle this scenario.",
    s_heatmap: "At {availability} availability the deal breaks even at {price} per accelerator-hour.",
    t_presets: "The deals compared",
    d_presets: "Price per accelerator-hour and contract revenue per GW-year of IT load; the highlighted bar is the scenario on screen.",
    your_changes: "{name} (your changes)",
    ax_accelerators_online: "accelerators online",
    ax_facility_mw: "facility MW",
    ax_usd_per_year: "per year",
    ax_cumulative: "cumulative",
    ax_samples: "samples",
    ax_price_hour: "price per accelerator-hour",
    ax_availability: "availability",
    lg_first_tranche: "first tranche",
    lg_expansion: "expansion",
    lg_capital_acc: "capital: accelerators",
    lg_capital_cpu: "capital: CPUs",
    lg_capital_fac: "capital: facility",
    lg_energy: "energy",
    lg_opex: "other opex",
    lg_revenue: "revenue",
    lg_fan: "P10–P90",
    lg_point: "point estimate",
    lg_payback: "payback {years} yr",
    lg_p10: "input at its P10",
    lg_p90: "input at its P90",
    lg_break_even: "break-even (margin 0)",
    lg_here: "this scenario",
    lg_scenario_a: "scenario A",
    cap_price: "price per accelerator-hour",
    cap_gw_year: "revenue per GW-year (IT)",
    msg_no_distribution: "The distribution appears when the Monte Carlo has run.",
    msg_no_uncertain: "Make an input uncertain to see what moves the result.",
    tl_quarter: "quarter",
    tl_year: "year",
    tl_bin: "bin",
    tl_input: "input",
    tl_availability: "availability",
    tl_deal: "deal",
    tc_online: "accelerators online",
    tc_of_expansion: "of which expansion",
    tc_it_power: "IT power (all)",
    tc_facility_power: "facility power",
    tc_cumulative: "cumulative cash flow",
    tc_from: "from",
    tc_to: "to",
    tc_samples: "samples",
    tc_input_p10: "input at P10",
    tc_input_p90: "input at P90",
    tc_output_p10: "output at P10",
    tc_output_p90: "output at P90",
    tc_swing: "swing",
    tc_break_even: "break-even price per accelerator-hour",
    tc_margin_here: "margin at the scenario's price",
    tc_gw_year: "revenue per GW-year of IT",
    r_profit: "At these assumptions {seller} earns {price} per accelerator-hour from {buyer} against a full cost of {cost}, a margin of {margin}.",
    r_loss: "At these assumptions {seller} earns {price} per accelerator-hour from {buyer} but it costs {cost} to provide: a loss of {margin} on every hour.",
    r_scale: " It takes {capex} of capex for {n} accelerators drawing {mw} of IT power at peak.",
    r_npv_gain: " Over the deal, at a {wacc} cost of capital, the cash flows are worth {npv} today",
    r_npv_loss: " Over the deal, at a {wacc} cost of capital, the cash flows are a loss of {npv} in today's money",
    r_irr_payback: " (IRR {irr}), and the cash spent is paid back after {years} years.",
    r_irr_no_payback: " (IRR {irr}), but the cash spent is not paid back within the deal.",
    r_no_irr: ".",
    r_break_even: " The deal breaks even if the price falls to {cost} per accelerator-hour, or if costs rise by {rise}.",
    r_would_break_even: " It would break even at a price of {cost} per accelerator-hour.",
    r_p_loss: " Across the uncertain inputs, the chance that the deal loses money (a negative NPV) is {p}.",
    e_not_finite: "{key} must be a finite number, got {value}",
    e_not_whole: "{key}={value} must be a whole number",
    e_no_choice: "{key}: no choice with index {value}",
    e_out_of_range: "{key}={value} is out of range: allowed {allowed}",
    e_not_a_number: "{key}={value} is not a number: allowed {allowed}",
    e_not_allowed: "{key}={value} is not allowed: {allowed}",
    e_quarter: "a quarter is written like 2025Q4 (year, Q, 1 to 4)",
    e_quarter_in: "{key}={value}: {why}",
    range_to: "{min} to {max}",
    range_one_of: "one of {list}",
    chars: "{n} characters",
    e_preset_value_used: "{message}; the preset's value {value} is used",
    e_duplicate: "{key} is given more than once; the last value, {value}, is used",
    e_unknown_param: "{key} is not a parameter of this calculator and was ignored",
    e_too_long: "{key} has a value of {n} characters; at most {max} are allowed, so it was ignored",
    e_query_too_long: "the link is {n} characters long; only the first {max} were read",
    e_bad_preset: "preset={value} is not a preset; using {preset}. Allowed: {list}",
    e_bad_uncertainty: "uncertainty={value} is not allowed: on or off",
    e_as_text: "{key}={value} must be written as text: allowed {allowed}",
    e_not_number_or_text: "{key}={value} is not a number or text: allowed {allowed}",
    e_corr_text: "corr={value} must be text of at most {max} characters, like corr=pue:wacc:0.4",
    e_corr_ignored: "corr={value}: {why}; it was ignored",
    e_corr_form: "write a correlation as input:input:rho, like pue:wacc:0.4",
    e_corr_not_param: "{key} is not a parameter",
    e_corr_not_number: "the correlation is not a number",
    e_corr_self: "an input cannot be correlated with itself",
    e_corr_range: "the rank correlation {value} is out of range: allowed -1 to 1",
    e_corr_not_uncertain: "corr={value}: {key} is not uncertain (give it a distribution first), so the correlation has no effect and was ignored",
    e_corr_scaled: "corr={value}: these correlations cannot all hold at once (their matrix is not positive definite); each was scaled by {scale} to make them consistent",
    e_ramp_before_start: "ramp_end={ramp_end} is before start={start}: the first tranche is taken to be online at once",
    e_ramp_after_term: "ramp_end={ramp_end} is after the term ends: the first tranche never comes fully online",
    e_expansion_before_start: "expansion_start={expansion_start} is before start={start}: the expansion is taken to start with the deal",
    e_expansion_value_alone: "expansion_value_usd is set but expansion_accelerators is 0: the expansion is off and its value is ignored",
    e_cpu_value_alone: "cpu_value_fraction is set but vcpus is 0: the whole value is taken to pay for the accelerators",
    e_cannot_be_uncertain: "{key} cannot be uncertain: only numeric inputs can carry a distribution",
    e_not_number_or_dist: "{key}={value}: not a number or a distribution ({syntax})",
    e_dist_arg: "{key}={value}: {arg} is not a number",
    e_dist_count: "{key}={value}: {name} takes {n} numbers ({what}), got {got}",
    e_dist_end: "{key}={value}: the {what} {number} is out of range: allowed {allowed}",
    e_dist_order: "{key}={value}: the low end must be below the high end",
    e_dist_mode: "{key}={value}: the mode {mode} must lie between the low and high ends",
    e_dist_sd: "{key}={value}: the standard deviation must be positive, got {sd}",
    e_dist_p5: "{key}={value}: a lognormal needs a positive P5, got {p5}",
    e_dist_p5_p95: "{key}={value}: P5 must be below P95",
    e_dist_unknown: "{key}={value}: unknown distribution {name} ({syntax})",
    w_low_end: "low end",
    w_high_end: "high end",
    w_mean: "mean",
    w_p5: "P5",
    w_p95: "P95",
    syntax: "write a~b, tri:low,mode,high, pert:low,mode,high, norm:mean,sd or lognorm:p5,p95",
    e_json_too_big: "the file is {n} bytes; at most {max} are read, so it was ignored",
    e_json_invalid: "the file is not valid JSON ({error}); nothing was imported",
    e_json_no_object: "the file holds no JSON object with a scenario; nothing was imported",
    e_bad_lang: "lang={value} is not a language of this calculator: allowed en or hi",
    e_bad_currency: "currency={value} is not allowed: USD, INR or EUR",
    e_bad_fx: "fx={value} is not a rate for {currency}: allowed {allowed}; the default {rate} is used",
    e_bad_chart: "chart={value} is not a chart: allowed {list}",
};

pub static HI: Messages = Messages {
    tagline: "एक विशाल एआई-कंप्यूट सौदा क्या खरीदता है, कितनी लागत आती है और कितनी कमाई होती है?",
    deal: "सौदा",
    reset: "रीसेट",
    language: "भाषा",
    currency: "मुद्रा",
    fx_rate: "प्रति अमेरिकी डॉलर दर",
    fx_help: "राशियाँ केवल दिखाने के लिए बदली जाती हैं; मॉडल अमेरिकी डॉलर में गणना करता है।",
    assumptions: "मान्यताएँ",
    legend_est: " हमारा अनुमान · ",
    legend_changed: " सौदे के प्रीसेट से अलग",
    est: "अनु.",
    est_title: "यह डिफ़ॉल्ट मान हमारा अनुमान है, कोई प्रकाशित आँकड़ा नहीं",
    changed: "बदला गया",
    n_changed: "{n} बदले गए",
    reset_input: "{label} को प्रीसेट के मान पर लौटाएँ",
    uncertain: " अनिश्चित",
    distribution_of: "{label} का वितरण",
    slider_of: "{label} स्लाइडर",
    allowed: "अनुमत:",
    a_choice: "सूची में से एक विकल्प",
    source: "स्रोत:",
    conf_a: "प्राथमिक स्रोत",
    conf_b: "प्रतिष्ठित प्रेस या विश्लेषक",
    conf_c: "द्वितीयक स्रोत, केवल दायरे का संकेत",
    conf_derived: "उद्धृत आँकड़ों से हमारी गणना",
    conf_estimate: "हमारा अनुमान",
    notices: "कुछ इनपुट अनदेखे किए गए या ठीक किए गए:",
    dismiss: "बंद करें",
    footer: "हर डिफ़ॉल्ट मान अपना स्रोत बताता है (हर इनपुट की सहायता देखें); अनु. वाले मान हमारे अनुमान हैं। मॉडल, उसकी परिपाटियाँ और सरलीकरण: docs/MODEL.md; अनिश्चितता: docs/UNCERTAINTY.md। सब कुछ आपके ब्राउज़र में चलता है; कुछ भी कहीं नहीं भेजा जाता।",
    headline_results: "मुख्य नतीजे",
    charts: "चार्ट",
    mc_none: "कोई इनपुट अनिश्चित नहीं है: दायरे देखने के लिए किसी इनपुट को अनिश्चित बनाएँ।",
    mc_starting: "मोंटे कार्लो: शुरू हो रहा है…",
    mc_running: "मोंटे कार्लो: {total} में से {done} परिदृश्य…",
    mc_done: "मोंटे कार्लो: {k} अनिश्चित इनपुट पर {n} परिदृश्य, {s} सेकंड में पूरे।",
    mc_progress: "मोंटे कार्लो की प्रगति",
    card_price: "प्रति एक्सेलरेटर-घंटा कीमत",
    card_cost: "प्रति एक्सेलरेटर-घंटा लागत",
    card_margin: "मार्जिन",
    card_npv: "एनपीवी",
    card_irr: "आईआरआर",
    card_payback: "लागत वसूली",
    card_it_mw: "अधिकतम आईटी बिजली",
    card_facility_mw: "अधिकतम सुविधा बिजली",
    card_energy: "प्रति वर्ष ऊर्जा",
    card_co2: "प्रति वर्ष CO₂",
    card_capex: "पूँजीगत व्यय",
    card_tokens: "प्रति दस लाख टोकन लागत",
    card_p_loss: "घाटे की संभावना",
    note_npv: "{wacc} पूँजी लागत पर",
    note_price: "अनुबंध से निकलने वाली कीमत",
    note_cost: "पूँजी, ऊर्जा और परिचालन, समतलीकृत",
    note_it_mw: "एक्सेलरेटर; सीपीयू सहित {mw}",
    note_tokens: "{precision}, {mfu} MFU पर",
    note_p_loss: "ऋणात्मक एनपीवी वाले परिदृश्यों का हिस्सा",
    no_uncertainty: "कोई अनिश्चितता नहीं",
    none: "कोई नहीं",
    range: "P5–P95: {lo} से {hi}",
    range_title: "मोंटे कार्लो का 5वाँ से 95वाँ प्रतिशतक",
    pin: "A के रूप में पिन करें",
    unpin: "A हटाएँ",
    pinned: "A से तुलना: {name}। इनपुट बदलें और B को उसके सामने देखें।",
    versus_a: "A की तुलना में {delta}",
    pp: " प्रतिशत अंक",
    share: "साझा करें और एम्बेड करें",
    copy_link: "लिंक कॉपी करें",
    link_copied: "लिंक कॉपी हो गया: यह ठीक यही दृश्य खोलता है।",
    link_label: "इस दृश्य का लिंक",
    embed_chart: "एम्बेड में चार्ट",
    embed_listener: "फ़्रेम की ऊँचाई तय करने वाले पाँच-पंक्ति श्रोता के साथ",
    embed_code: "एम्बेड कोड",
    copy_embed: "एम्बेड कोड कॉपी करें",
    embed_copied: "एम्बेड कोड कॉपी हो गया।",
    embed_help: "इसे किसी ब्लॉग पोस्ट में चिपकाएँ: फ़्रेम चार्ट, चार मुख्य आँकड़े और यहाँ वापस आने का लिंक दिखाता है।",
    open_full: "पूरे कैलकुलेटर में खोलें",
    attribution: "computedeal: विशाल एआई-कंप्यूट सौदे क्या खरीदते हैं, कितनी लागत और कितनी कमाई। मान्यताएँ और उनके स्रोत पूरे कैलकुलेटर में हैं।",
    embed_title: "computedeal: {name}",
    offline_ready: "ऑफ़लाइन उपयोग के लिए सहेजा गया।",
    why_irr: "−99% से 1000% प्रति वर्ष के बीच कोई छूट दर एनपीवी को शून्य नहीं बनाती",
    why_payback: "सौदे के अंत तक संचयी नकदी प्रवाह (अवधि के अंत में संपत्तियों के मूल्य से पहले) ऋणात्मक ही रहता है",
    download_as: "“{title}” को {format} के रूप में डाउनलोड करें",
    fx_default: "डिफ़ॉल्ट {rate} प्रति अमेरिकी डॉलर: {source} ({date})।",
    scenario_a: "A",
    scenario_b: "B",
    download: "डाउनलोड",
    export_json: "JSON निर्यात करें",
    import_json: "JSON आयात करें",
    import_failed: "फ़ाइल आयात नहीं हुई, और कुछ नहीं बदला:",
    imported: "{name} से परिदृश्य आयात किया गया।",
    defaults_label: " प्रीसेट के डिफ़ॉल्ट दायरे",
    defaults_help: "हर प्रीसेट अपने लागत और बाज़ार इनपुट को अनिश्चित बनाता है: स्रोतों के फैलाव से बने सममित दायरे (हमारा अनुमान)। केवल अपने बनाए अनिश्चित इनपुट देखने के लिए इन्हें बंद करें।",
    corr_label: "रैंक सहसंबंध",
    corr_help: "साथ-साथ चलने वाले अनिश्चित इनपुट के जोड़े, input:input:ρ के रूप में (स्पीयरमैन, −1 से 1), अल्पविराम से अलग।",
    data: "डेटा",
    chart: "चार्ट",
    output_shown: "दिखाया गया नतीजा",
    data_of: "चार्ट का डेटा: {title}",
    t_deployment: "चालू एक्सेलरेटर",
    d_deployment: "हर तिमाही, दोनों किश्तें, दाएँ अक्ष पर सुविधा की बिजली।",
    s_deployment: "अधिकतम {n} एक्सेलरेटर, {quarter} तक पूरे चालू; सुविधा की बिजली अधिकतम {mw}।",
    t_cost: "हर वर्ष लागत बनाम राजस्व",
    d_cost: "परिसंपत्ति वर्ग के अनुसार पूँजी वसूली, ऊर्जा और अन्य परिचालन व्यय, एक के ऊपर एक; रेखा राजस्व है।",
    s_cost: "{year} में लागत {cost} है और राजस्व {revenue}।",
    t_cashflow: "संचयी नकदी प्रवाह",
    d_cashflow: "बिंदु अनुमान, मोंटे कार्लो का P10–P90 दायरा और लागत वसूली का बिंदु।",
    s_cashflow: "नकदी प्रवाह {quarter} में {low} के निचले स्तर पर; {years} वर्ष बाद लागत वसूल; अंत में परिसंपत्तियों के बही मूल्य सहित {end}।",
    s_cashflow_no_payback: "नकदी प्रवाह {quarter} में {low} के निचले स्तर पर; सौदे के भीतर लागत वसूल नहीं होती; अंत में परिसंपत्तियों के बही मूल्य सहित {end}।",
    t_histogram: "वितरण",
    d_histogram: "मोंटे कार्लो में {output}; P5, P50 और P95 चिह्नित, घाटे का क्षेत्र रंगा हुआ।",
    s_histogram: "{output}: P5 {p5}, P50 {p50}, P95 {p95}।",
    t_tornado: "इसे क्या बदलता है",
    d_tornado: "{output}: हर अनिश्चित इनपुट अपने P10 से P90 तक, बाकी अपने बिंदु मानों पर।",
    s_tornado: "सबसे बड़ा असर {input} का है: {lo} से {hi}।",
    t_heatmap: "कीमत और उपलब्धता के अनुसार मार्जिन",
    d_heatmap: "नीला मुनाफ़ा, नारंगी घाटा, शून्य से जितना दूर उतना गहरा; रेखा ब्रेक-ईवन है, गोला यह परिदृश्य।",
    s_heatmap: "{availability} उपलब्धता पर सौदा {price} प्रति एक्सेलरेटर-घंटे पर ब्रेक-ईवन होता है।",
    t_presets: "सौदों की तुलना",
    d_presets: "प्रति एक्सेलरेटर-घंटा कीमत और आईटी लोड के प्रति GW-वर्ष अनुबंध राजस्व; उभरा हुआ बार स्क्रीन पर दिख रहा परिदृश्य है।",
    your_changes: "{name} (आपके बदलाव)",
    ax_accelerators_online: "चालू एक्सेलरेटर",
    ax_facility_mw: "सुविधा MW",
    ax_usd_per_year: "प्रति वर्ष",
    ax_cumulative: "संचयी",
    ax_samples: "नमूने",
    ax_price_hour: "प्रति एक्सेलरेटर-घंटा कीमत",
    ax_availability: "उपलब्धता",
    lg_first_tranche: "पहली किश्त",
    lg_expansion: "विस्तार",
    lg_capital_acc: "पूँजी: एक्सेलरेटर",
    lg_capital_cpu: "पूँजी: सीपीयू",
    lg_capital_fac: "पूँजी: सुविधा",
    lg_energy: "ऊर्जा",
    lg_opex: "अन्य परिचालन व्यय",
    lg_revenue: "राजस्व",
    lg_fan: "P10–P90",
    lg_point: "बिंदु अनुमान",
    lg_payback: "लागत वसूली {years} वर्ष",
    lg_p10: "इनपुट अपने P10 पर",
    lg_p90: "इनपुट अपने P90 पर",
    lg_break_even: "ब्रेक-ईवन (मार्जिन 0)",
    lg_here: "यह परिदृश्य",
    lg_scenario_a: "परिदृश्य A",
    cap_price: "प्रति एक्सेलरेटर-घंटा कीमत",
    cap_gw_year: "प्रति GW-वर्ष राजस्व (आईटी)",
    msg_no_distribution: "मोंटे कार्लो चलने के बाद वितरण दिखेगा।",
    msg_no_uncertain: "नतीजे पर असर देखने के लिए किसी इनपुट को अनिश्चित बनाएँ।",
    tl_quarter: "तिमाही",
    tl_year: "वर्ष",
    tl_bin: "खंड",
    tl_input: "इनपुट",
    tl_availability: "उपलब्धता",
    tl_deal: "सौदा",
    tc_online: "चालू एक्सेलरेटर",
    tc_of_expansion: "इनमें विस्तार",
    tc_it_power: "आईटी बिजली (कुल)",
    tc_facility_power: "सुविधा बिजली",
    tc_cumulative: "संचयी नकदी प्रवाह",
    tc_from: "से",
    tc_to: "तक",
    tc_samples: "नमूने",
    tc_input_p10: "P10 पर इनपुट",
    tc_input_p90: "P90 पर इनपुट",
    tc_output_p10: "P10 पर नतीजा",
    tc_output_p90: "P90 पर नतीजा",
    tc_swing: "अंतर",
    tc_break_even: "प्रति एक्सेलरेटर-घंटा ब्रेक-ईवन कीमत",
    tc_margin_here: "परिदृश्य की कीमत पर मार्जिन",
    tc_gw_year: "आईटी के प्रति GW-वर्ष राजस्व",
    r_profit: "इन मान्यताओं पर {seller} को {buyer} से प्रति एक्सेलरेटर-घंटा {price} मिलते हैं, जबकि पूरी लागत {cost} है: {margin} का मार्जिन।",
    r_loss: "इन मान्यताओं पर {seller} को {buyer} से प्रति एक्सेलरेटर-घंटा {price} मिलते हैं, पर उसे देने में {cost} लगते हैं: हर घंटे {margin} का घाटा।",
    r_scale: " इसके लिए {capex} का पूँजीगत व्यय चाहिए, {n} एक्सेलरेटर जो अधिकतम {mw} आईटी बिजली लेते हैं।",
    r_npv_gain: " पूरे सौदे में, {wacc} पूँजी लागत पर, नकदी प्रवाह का आज का मूल्य {npv} है",
    r_npv_loss: " पूरे सौदे में, {wacc} पूँजी लागत पर, नकदी प्रवाह आज के पैसे में {npv} का घाटा है",
    r_irr_payback: " (आईआरआर {irr}), और खर्च किया गया पैसा {years} वर्ष में वसूल हो जाता है।",
    r_irr_no_payback: " (आईआरआर {irr}), पर खर्च किया गया पैसा सौदे के भीतर वसूल नहीं होता।",
    r_no_irr: "।",
    r_break_even: " अगर कीमत घटकर प्रति एक्सेलरेटर-घंटा {cost} रह जाए, या लागत {rise} बढ़ जाए, तो सौदा ब्रेक-ईवन पर आ जाता है।",
    r_would_break_even: " यह प्रति एक्सेलरेटर-घंटा {cost} की कीमत पर ब्रेक-ईवन होता।",
    r_p_loss: " अनिश्चित इनपुट को देखते हुए, सौदे में घाटे (ऋणात्मक एनपीवी) की संभावना {p} है।",
    e_not_finite: "{key} एक सीमित संख्या होनी चाहिए, मिला {value}",
    e_not_whole: "{key}={value} एक पूर्ण संख्या होनी चाहिए",
    e_no_choice: "{key}: {value} क्रमांक का कोई विकल्प नहीं",
    e_out_of_range: "{key}={value} सीमा से बाहर है: अनुमत {allowed}",
    e_not_a_number: "{key}={value} संख्या नहीं है: अनुमत {allowed}",
    e_not_allowed: "{key}={value} अनुमत नहीं है: {allowed}",
    e_quarter: "तिमाही 2025Q4 की तरह लिखी जाती है (वर्ष, Q, 1 से 4)",
    e_quarter_in: "{key}={value}: {why}",
    range_to: "{min} से {max}",
    range_one_of: "इनमें से एक: {list}",
    chars: "{n} अक्षर",
    e_preset_value_used: "{message}; प्रीसेट का मान {value} लिया गया",
    e_duplicate: "{key} एक से अधिक बार दिया गया है; अंतिम मान {value} लिया गया",
    e_unknown_param: "{key} इस कैलकुलेटर का पैरामीटर नहीं है, इसे अनदेखा किया गया",
    e_too_long: "{key} का मान {n} अक्षरों का है; अधिकतम {max} अनुमत हैं, इसलिए इसे अनदेखा किया गया",
    e_query_too_long: "लिंक {n} अक्षरों का है; केवल पहले {max} पढ़े गए",
    e_bad_preset: "preset={value} कोई प्रीसेट नहीं है; {preset} लिया गया। अनुमत: {list}",
    e_bad_uncertainty: "uncertainty={value} अनुमत नहीं है: on या off",
    e_as_text: "{key}={value} पाठ के रूप में लिखा जाना चाहिए: अनुमत {allowed}",
    e_not_number_or_text: "{key}={value} न संख्या है न पाठ: अनुमत {allowed}",
    e_corr_text: "corr={value} अधिकतम {max} अक्षरों का पाठ होना चाहिए, जैसे corr=pue:wacc:0.4",
    e_corr_ignored: "corr={value}: {why}; इसे अनदेखा किया गया",
    e_corr_form: "सहसंबंध input:input:rho के रूप में लिखें, जैसे pue:wacc:0.4",
    e_corr_not_param: "{key} कोई पैरामीटर नहीं है",
    e_corr_not_number: "सहसंबंध संख्या नहीं है",
    e_corr_self: "किसी इनपुट का अपने साथ सहसंबंध नहीं हो सकता",
    e_corr_range: "रैंक सहसंबंध {value} सीमा से बाहर है: अनुमत -1 से 1",
    e_corr_not_uncertain: "corr={value}: {key} अनिश्चित नहीं है (पहले उसे वितरण दें), इसलिए सहसंबंध का कोई असर नहीं, इसे अनदेखा किया गया",
    e_corr_scaled: "corr={value}: ये सहसंबंध एक साथ संभव नहीं हैं (उनका मैट्रिक्स धनात्मक निश्चित नहीं है); संगत बनाने के लिए हर एक को {scale} से गुणा किया गया",
    e_ramp_before_start: "ramp_end={ramp_end}, start={start} से पहले है: पहली किश्त को तुरंत चालू माना गया",
    e_ramp_after_term: "ramp_end={ramp_end} अवधि खत्म होने के बाद है: पहली किश्त कभी पूरी चालू नहीं होती",
    e_expansion_before_start: "expansion_start={expansion_start}, start={start} से पहले है: विस्तार को सौदे के साथ शुरू माना गया",
    e_expansion_value_alone: "expansion_value_usd दिया गया है पर expansion_accelerators 0 है: विस्तार बंद है और उसका मूल्य अनदेखा किया गया",
    e_cpu_value_alone: "cpu_value_fraction दिया गया है पर vcpus 0 है: पूरा मूल्य एक्सेलरेटर के भुगतान में माना गया",
    e_cannot_be_uncertain: "{key} अनिश्चित नहीं हो सकता: केवल संख्यात्मक इनपुट का वितरण हो सकता है",
    e_not_number_or_dist: "{key}={value}: न संख्या है न वितरण ({syntax})",
    e_dist_arg: "{key}={value}: {arg} संख्या नहीं है",
    e_dist_count: "{key}={value}: {name} में {n} संख्याएँ चाहिए ({what}), मिलीं {got}",
    e_dist_end: "{key}={value}: {what} {number} सीमा से बाहर है: अनुमत {allowed}",
    e_dist_order: "{key}={value}: निचला छोर ऊपरी छोर से कम होना चाहिए",
    e_dist_mode: "{key}={value}: बहुलक {mode} निचले और ऊपरी छोर के बीच होना चाहिए",
    e_dist_sd: "{key}={value}: मानक विचलन धनात्मक होना चाहिए, मिला {sd}",
    e_dist_p5: "{key}={value}: लॉगनॉर्मल के लिए धनात्मक P5 चाहिए, मिला {p5}",
    e_dist_p5_p95: "{key}={value}: P5, P95 से कम होना चाहिए",
    e_dist_unknown: "{key}={value}: अज्ञात वितरण {name} ({syntax})",
    w_low_end: "निचला छोर",
    w_high_end: "ऊपरी छोर",
    w_mean: "माध्य",
    w_p5: "P5",
    w_p95: "P95",
    syntax: "a~b, tri:low,mode,high, pert:low,mode,high, norm:mean,sd या lognorm:p5,p95 लिखें",
    e_json_too_big: "फ़ाइल {n} बाइट की है; अधिकतम {max} पढ़े जाते हैं, इसलिए इसे अनदेखा किया गया",
    e_json_invalid: "फ़ाइल मान्य JSON नहीं है ({error}); कुछ आयात नहीं हुआ",
    e_json_no_object: "फ़ाइल में परिदृश्य वाला कोई JSON ऑब्जेक्ट नहीं है; कुछ आयात नहीं हुआ",
    e_bad_lang: "lang={value} इस कैलकुलेटर की भाषा नहीं है: अनुमत en या hi",
    e_bad_currency: "currency={value} अनुमत नहीं है: USD, INR या EUR",
    e_bad_fx: "fx={value} {currency} की दर नहीं है: अनुमत {allowed}; डिफ़ॉल्ट {rate} लिया गया",
    e_bad_chart: "chart={value} कोई चार्ट नहीं है: अनुमत {list}",
};

/// Hindi for each parameter: (key, label, unit, help), in table order.
pub static HI_PARAMS: [(&str, &str, &str, &str); crate::params::N_PARAMS] = [
    ("value_usd", "अनुबंध मूल्य", "USD", "खरीदार अवधि में कितना खर्च करने का वादा करता है। ऐसे सौदे उपभोग की प्रतिबद्धता होते हैं, अग्रिम नकद नहीं।"),
    ("term_years", "अवधि", "वर्ष", "पहली तिमाही से अनुबंध की लंबाई।"),
    ("start", "पहली तिमाही", "तिमाही", "जिस तिमाही से अनुबंध शुरू होता है, 2025Q4 की तरह लिखें।"),
    ("expansion_value_usd", "विस्तार मूल्य", "USD", "दूसरी किश्त (विस्तार) का अनुबंध मूल्य। 0 विस्तार को बंद करता है।"),
    ("expansion_term_years", "विस्तार की अवधि", "वर्ष", "विस्तार की पहली तिमाही से उसकी लंबाई।"),
    ("accelerator", "एक्सेलरेटर", "", "पहली किश्त की चिप। इसके FLOPS कंप्यूट और टोकन के आँकड़ों में जाते हैं; इसे बदलने से प्रति एक्सेलरेटर पूँजी और बिजली भी कैटलॉग के मान पर आ जाती है।"),
    ("accelerators", "एक्सेलरेटर की संख्या", "", "पूरी तरह चालू होने पर पहली किश्त के एक्सेलरेटर।"),
    ("capex_usd_per_accelerator", "प्रति एक्सेलरेटर पूँजीगत व्यय", "USD", "प्रति एक्सेलरेटर पूरा आईटी पूँजीगत व्यय: चिप का सर्वर, होस्ट सीपीयू, नेटवर्क और स्टोरेज का हिस्सा।"),
    ("it_kw_per_accelerator", "प्रति एक्सेलरेटर आईटी बिजली", "kW", "प्रति एक्सेलरेटर आईटी बिजली, होस्ट और नेटवर्क के हिस्से सहित (ठंडक नहीं: वह PUE में है)।"),
    ("expansion_accelerator", "विस्तार का एक्सेलरेटर", "", "विस्तार की चिप। इसकी पूँजी और बिजली कैटलॉग के अनुपात से पहली किश्त से निकाली जाती है।"),
    ("expansion_accelerators", "विस्तार के एक्सेलरेटर", "", "पूरी तरह चालू होने पर विस्तार के एक्सेलरेटर। 0 विस्तार को बंद करता है।"),
    ("ramp_end", "पूरी तरह चालू", "तिमाही", "जिस तिमाही तक पहली किश्त पूरी चालू हो जाती है; यह पहली तिमाही से सीधी रेखा में बढ़ती है। पहली तिमाही के बराबर हो तो तुरंत चालू।"),
    ("delay_months", "देरी", "महीने", "बिजली जुड़ने में देरी: हार्डवेयर और इमारतों का भुगतान समय पर होता है, पर क्षमता इतने समय बाद चालू होती है (और कमाती है)।"),
    ("expansion_start", "विस्तार की पहली तिमाही", "तिमाही", "जिस तिमाही से विस्तार शुरू होता है (\"2027 से विस्तार की गुंजाइश\")।"),
    ("expansion_ramp_quarters", "विस्तार की रफ़्तार", "तिमाही", "विस्तार को पूरी तरह चालू होने में लगने वाली तिमाहियाँ।"),
    ("vcpus", "vCPU", "", "एक्सेलरेटर के साथ सीपीयू क्षमता, vCPU में (एक Graviton vCPU एक कोर है)। 0 सीपीयू हिस्से को बंद करता है।"),
    ("capex_usd_per_vcpu", "प्रति vCPU पूँजीगत व्यय", "USD", "प्रति vCPU पूरा आईटी पूँजीगत व्यय: सर्वर, मेमोरी, नेटवर्क और स्टोरेज का हिस्सा।"),
    ("w_per_vcpu", "प्रति vCPU आईटी बिजली", "W", "प्रति vCPU आईटी बिजली, मेमोरी, स्टोरेज और नेटवर्क के हिस्से सहित।"),
    ("cpu_value_fraction", "मूल्य में सीपीयू का हिस्सा", "अंश", "पहली किश्त के अनुबंध मूल्य का वह हिस्सा जो सीपीयू के लिए दिया जाता है। 0 पूरा मूल्य एक्सेलरेटर पर डालता है।"),
    ("facility_capex_usd_per_mw", "प्रति MW सुविधा पूँजी", "USD/MW", "आईटी लोड के प्रति MW इमारत, बिजली और ठंडक का खर्च।"),
    ("pue", "PUE", "अनुपात", "बिजली उपयोग दक्षता: सुविधा की बिजली को आईटी बिजली से भाग दें।"),
    ("electricity_usd_per_mwh", "बिजली की कीमत", "USD/MWh", "पहले वर्ष में ऊर्जा की कीमत।"),
    ("electricity_escalation", "बिजली की कीमत में बढ़ोतरी", "अंश प्रति वर्ष", "ऊर्जा की कीमत में सालाना बदलाव। 0 उसे स्थिर रखता है।"),
    ("load_factor", "लोड फ़ैक्टर", "अंश", "आईटी नेमप्लेट के अंश के रूप में औसत आईटी खपत।"),
    ("availability", "उपलब्धता", "अंश", "घंटों का वह हिस्सा जिसमें क्षमता दी और बिल की जा सकती है।"),
    ("grid_kg_co2_per_mwh", "ग्रिड कार्बन तीव्रता", "kg/MWh", "ग्रिड से ली गई हर MWh पर उत्सर्जित CO2 (अमेरिकी औसत, 2023)।"),
    ("wacc", "पूँजी की लागत (WACC)", "अंश प्रति वर्ष", "प्रदाता की पूँजी लागत, एनपीवी और सालाना पूँजी शुल्क के लिए।"),
    ("it_life_years", "आईटी का उपयोगी जीवन", "वर्ष", "जितने वर्षों में आईटी उपकरण की लागत वसूली जाती है।"),
    ("facility_life_years", "सुविधा का उपयोगी जीवन", "वर्ष", "जितने वर्षों में इमारत, बिजली और ठंडक की लागत वसूली जाती है।"),
    ("residual_fraction", "आईटी का अवशिष्ट मूल्य", "पूँजी का अंश", "उपयोगी जीवन के अंत में आईटी उपकरण का पुनर्विक्रय मूल्य।"),
    ("opex_fraction_of_capex", "अन्य परिचालन व्यय", "पूँजी का अंश प्रति वर्ष", "पूँजी के अंश के रूप में सालाना गैर-ऊर्जा परिचालन लागत (कर्मचारी, रखरखाव, पुर्ज़े, सॉफ़्टवेयर)।"),
    ("precision", "सटीकता", "", "कंप्यूट और टोकन के आँकड़ों के लिए संख्या का प्रारूप। जिन चिप में FP4 नहीं, वे अपनी FP8 दर लेती हैं।"),
    ("mfu", "मॉडल FLOP उपयोग", "अंश", "सर्विंग में घने शिखर FLOP/s का वह हिस्सा जो उपयोगी काम करता है।"),
    ("active_params_b", "सक्रिय पैरामीटर", "अरब", "प्रति टोकन इस्तेमाल होने वाले पैरामीटर (मिक्सचर ऑफ़ एक्सपर्ट्स में, सक्रिय वाले)।"),
    ("samples", "मोंटे कार्लो नमूने", "", "अनिश्चितता के विश्लेषण के लिए बनाए गए परिदृश्य।"),
    ("seed", "रैंडम सीड", "", "एक ही सीड से एक जैसे मोंटे कार्लो नतीजे मिलते हैं, ब्राउज़र और CLI दोनों में।"),
];

/// Hindi labels of the outputs (`outputs::OUTPUTS` keys).
pub static HI_OUTPUTS: &[(&str, &str)] = &[
    ("price_usd_per_accelerator_hour", "प्रति एक्सेलरेटर-घंटा कीमत"),
    ("cost_usd_per_accelerator_hour", "प्रति एक्सेलरेटर-घंटा लागत"),
    ("margin", "मार्जिन"),
    ("npv_usd", "एनपीवी"),
    ("irr", "आईआरआर"),
    ("payback_years", "लागत वसूली"),
    ("it_mw_peak", "अधिकतम आईटी बिजली"),
    ("facility_mw_peak", "अधिकतम सुविधा बिजली"),
    ("energy_gwh_per_year", "प्रति वर्ष ऊर्जा"),
    ("co2_kt_per_year", "प्रति वर्ष CO2"),
    ("capex_usd", "पूँजीगत व्यय"),
    ("usd_per_million_tokens", "प्रति दस लाख टोकन लागत"),
    ("revenue_usd", "राजस्व"),
    ("tco_usd_per_year", "प्रति वर्ष कुल लागत"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hindi_params_follow_the_table() {
        for (row, p) in HI_PARAMS.iter().zip(PARAMS.iter()) {
            assert_eq!(row.0, p.key);
            assert!(!row.1.is_empty() && !row.3.is_empty(), "{}", p.key);
        }
    }

    #[test]
    fn every_preset_has_a_hindi_summary() {
        for p in crate::presets::PRESETS {
            assert_ne!(preset_summary(Lang::Hi, p), p.summary, "{}", p.id);
        }
    }

    #[test]
    fn every_headline_output_has_a_hindi_label() {
        for key in crate::batch::HEADLINE {
            assert_ne!(output_label(Lang::Hi, key), output_label(Lang::En, key), "{key}");
        }
    }

    #[test]
    fn core_messages_follow_the_language_of_the_thread() {
        set_lang(Lang::Hi);
        let err = P::pue.param().parse("7").err().unwrap_or_default();
        let dist = crate::dist::Dist::parse(P::pue.param(), "1.4~1.1").err().unwrap_or_default();
        set_lang(Lang::En);
        assert_eq!(err, "pue=7 सीमा से बाहर है: अनुमत 1 से 2.5");
        assert!(dist.contains("निचला छोर ऊपरी छोर से कम होना चाहिए"), "{dist}");
        assert_eq!(P::pue.param().parse("7").err().unwrap_or_default(), "pue=7 is out of range: allowed 1 to 2.5");
    }

    #[test]
    fn templates_fill_and_languages_parse() {
        assert_eq!(fill("{a} to {b}", &[("a", "1"), ("b", "2")]), "1 to 2");
        assert_eq!(Lang::from_code("hi-IN"), Some(Lang::Hi));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        // The catalogues have the same placeholders.
        let pairs = [(EN.e_out_of_range, HI.e_out_of_range), (EN.r_profit, HI.r_profit), (EN.mc_done, HI.mc_done), (EN.e_bad_fx, HI.e_bad_fx)];
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

/// The presets' one-line summaries in Hindi, by preset id (dollar figures
/// are quoted as reported).
pub static HI_PRESET_SUMMARIES: &[(&str, &str)] = &[
    ("aws-openai-2025", "सात वर्षों में $38B, NVIDIA GB200/GB300 के लाखों जीपीयू और करोड़ों सीपीयू के लिए, सब 2026 के अंत तक चालू।"),
    ("aws-openai-2026-100b", "फ़रवरी 2026 के विस्तार को ऐसे पढ़ा गया कि सौदा $38B से $100B हो गया: 2027 से लगभग 2 GW ट्रेनियम के लिए आठ वर्षों में $62B और।"),
    ("aws-openai-2026-138b", "फ़रवरी 2026 के विस्तार को आठ वर्षों में अतिरिक्त $100B (कुल लगभग $138B) के रूप में पढ़ा गया, 2027 से लगभग 2 GW ट्रेनियम के लिए।"),
    ("oracle-openai-2025", "2027 से पाँच वर्षों में लगभग $300B, 4.5 GW स्टारगेट क्षमता के लिए (WSJ)।"),
    ("microsoft-iren-2025", "पाँच वर्षों में $9.7B, चाइल्ड्रेस, टेक्सास में 200 MW क्रिटिकल आईटी में लगभग 76 हज़ार GB300 जीपीयू के लिए, 2026 तक चरणों में।"),
    ("coreweave-openai-2025", "2025 में कुल $22.4B के तीन अनुबंध, पहली किश्त पाँच वर्ष की; क्षमता प्रकट नहीं की गई।"),
    ("microsoft-nebius-2025", "वाइनलैंड, न्यू जर्सी परिसर (लगभग 300 MW तक) से 2031 तक $17.4B ($19.4B तक)।"),
    ("google-anthropic-tpu-2025", "दस लाख तक टीपीयू, 2026 में 1 GW से काफ़ी अधिक चालू, \"दसियों अरब\" डॉलर में।"),
    ("reference-1gw", "Epoch AI का शैलीगत 1 GW (आईटी) GB200 साइट, $38B पूँजीगत व्यय, पाँच वर्षों के लिए $11.5B प्रति GW-वर्ष पर किराए पर।"),
    ("india-1gw", "मुंबई में बनी 1 GW की संदर्भ साइट: भारतीय निर्माण लागत, बिजली शुल्क और ग्रिड कार्बन, वही चिप और किराया।"),
];

/// A preset's summary in a language.
pub fn preset_summary(lang: Lang, preset: &crate::presets::Preset) -> &'static str {
    match lang {
        Lang::En => preset.summary,
        Lang::Hi => HI_PRESET_SUMMARIES.iter().find(|(id, _)| *id == preset.id).map(|(_, s)| *s).unwrap_or(preset.summary),
    }
}
