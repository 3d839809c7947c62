//! The charts of the view: for each chart its input, title, description and
//! one-sentence summary in the reader's language, built from the derived
//! values and the Monte Carlo, then drawn by `ChartCard`s. The page shows
//! them all; an embed shows one.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use computedeal_core::outputs::{Output, Unit};
use computedeal_present::charts::{ChartData, ChartId, ChartInput};
use computedeal_present::i18n::{fill, messages, output_label};
use computedeal_present::view::DEFAULT_OUTPUT;

use crate::chart::ChartCard;
use crate::derived::Derived;
use crate::runner::McUpdate;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct ChartListProps {
    pub state: Rc<State>,
    pub derived: Derived,
    pub mc: Option<McUpdate>,
    pub dispatch: Callback<Action>,
    pub dark: bool,
    /// Bumped when the window resizes.
    pub size: u32,
    /// Only this chart (an embed); all when None.
    #[prop_or_default]
    pub only: Option<ChartId>,
    /// Which of the page's charts: all, the first (shown beside the answer)
    /// or the rest.
    #[prop_or_default]
    pub part: Part,
    /// False in a static embed: no hover, tap, downloads or table switch.
    #[prop_or(true)]
    pub interactive: bool,
}

/// A part of the page's list of charts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    All,
    First,
    Rest,
}

/// What a downloaded or copied image says under its title, and its source line.
pub fn caption_and_source(state: &State) -> (String, String) {
    let s = &state.scenario;
    let caption = state.view.title.clone().unwrap_or_else(|| computedeal_present::reading::scenario_name(state.lang, s));
    (caption, computedeal_present::reading::source_line(state.lang, s))
}

/// What the charts are drawn from: the same builder `computedeal chart` uses.
pub fn chart_data(state: &State, d: &Derived, mc: Option<&McUpdate>) -> ChartData {
    let fmt = state.fmt();
    ChartData {
        outcome: d.outcome.clone(),
        pinned: d.pinned.clone(),
        summary: mc.and_then(|u| u.summary.clone()),
        finished: mc.is_some_and(|u| u.finished),
        output: state.view.output.unwrap_or(DEFAULT_OUTPUT),
        inputs: state.scenario.inputs,
        snapshot: d.snapshot.clone(),
        portfolio: d.portfolio.clone(),
        india: d.india.clone(),
        inr_per_usd: fmt.inr_per_usd(),
        tornado: d.tornado.clone(),
        grid: d.grid.clone(),
        deals: d.deals.clone(),
    }
}

#[function_component(ChartList)]
pub fn chart_list(props: &ChartListProps) -> Html {
    let state = &props.state;
    let d = &props.derived;
    let lang = state.lang;
    let m = messages(lang);
    let fmt = state.fmt();
    let o = d.outcome.clone();
    let s = &state.scenario;
    let (caption, source) = caption_and_source(state);
    let (caption, source): (AttrValue, AttrValue) = (caption.into(), source.into());
    let output = state.view.output.unwrap_or(DEFAULT_OUTPUT);
    let out_unit = output.unit();
    let out_label = output_label(lang, output);
    let data = chart_data(state, d, props.mc.as_ref());
    let out_summary = data.output_summary();
    let output_select = {
        let dispatch = props.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value());
            if let Some(o) = value.and_then(|v| Output::from_key(&v)) {
                dispatch.emit(Action::SelectOutput(o));
            }
        });
        move |id: &str| {
            html! {
                <select class="output-select" id={id.to_string()} aria-label={m.output_shown} onchange={onchange.clone()}>
                    { for Output::MC.iter().map(|k| html! {
                        <option value={k.key()} selected={*k == output}>{ output_label(lang, *k) }</option>
                    }) }
                </select>
            }
        }
    };
    let peak_quarter = o.quarters.iter().find(|q| q.accelerators_online >= o.out.accelerators_peak * 0.999).map(|q| q.quarter.clone()).unwrap_or_default();
    let full_year = o.years.iter().max_by(|a, b| a.revenue_usd.total_cmp(&b.revenue_usd));
    // The year the book margin is worst in (the model's own choice of years).
    let worst_year = o.get(Output::book_ebit_margin_worst_year).and_then(|w| o.years.iter().find(|y| y.ebit_margin == w));
    let low = o.quarters.iter().min_by(|a, b| a.cumulative_cash_flow_usd.total_cmp(&b.cumulative_cash_flow_usd));
    let be = d.grid.break_even.iter().zip(&d.grid.availabilities).rev().find_map(|(b, a)| b.map(|b| (b, *a)));
    let v = |x: f64, u: Unit| fmt.value(x, u);
    // (input, title, description, summary, controls, footer)
    let charts: Vec<(ChartInput, &'static str, String, String, Html, Html)> = vec![
        (
            ChartInput::of(ChartId::Deployment, &data),
            m.t_deployment,
            m.d_deployment.to_string(),
            fill(
                m.s_deployment,
                &[("n", &v(o.out.accelerators_peak, Unit::Count)), ("quarter", &peak_quarter), ("mw", &v(o.out.total_facility_mw_peak, Unit::Mw))],
            ),
            html! {},
            html! {},
        ),
        (
            ChartInput::of(ChartId::CostStack, &data),
            m.t_cost,
            m.d_cost.to_string(),
            full_year
                .map(|y| {
                    let cost = y.capital_accelerators_usd + y.capital_cpus_usd + y.capital_facility_usd + y.energy_usd + y.other_opex_usd;
                    fill(m.s_cost, &[("year", &y.year.to_string()), ("cost", &v(cost, Unit::Usd)), ("revenue", &v(y.revenue_usd, Unit::Usd))])
                })
                .unwrap_or_default(),
            html! {},
            html! {},
        ),
        (
            ChartInput::of(ChartId::Pnl, &data),
            m.t_pnl,
            m.d_pnl.to_string(),
            worst_year
                .map(|y| {
                    fill(
                        m.s_pnl,
                        &[
                            ("year", &y.year.to_string()),
                            ("ebit", &v(y.ebit_usd, Unit::Usd)),
                            ("revenue", &v(y.revenue_usd, Unit::Usd)),
                            ("margin", &v(y.ebit_margin, Unit::Fraction)),
                        ],
                    )
                })
                .unwrap_or_default(),
            html! {},
            html! {},
        ),
        (
            ChartInput::of(ChartId::CashFlow, &data),
            m.t_cashflow,
            m.d_cashflow.to_string(),
            {
                let low_v = v(low.map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0), Unit::Usd);
                let low_q = low.map(|q| q.quarter.clone()).unwrap_or_default();
                let end = v(o.quarters.last().map(|q| q.cumulative_cash_flow_usd).unwrap_or(0.0), Unit::Usd);
                match o.get(Output::payback_years) {
                    Some(p) => fill(m.s_cashflow, &[("low", &low_v), ("quarter", &low_q), ("years", &fmt.number(p, 1)), ("end", &end)]),
                    None => fill(m.s_cashflow_no_payback, &[("low", &low_v), ("quarter", &low_q), ("end", &end)]),
                }
            },
            html! {},
            html! {},
        ),
        (
            ChartInput::of(ChartId::Histogram, &data),
            m.t_histogram,
            fill(m.d_histogram, &[("output", out_label)]),
            out_summary
                .as_ref()
                .and_then(|os| {
                    Some(fill(
                        m.s_histogram,
                        &[("output", out_label), ("p5", &v(os.p(5)?, out_unit)), ("p50", &v(os.p(50)?, out_unit)), ("p95", &v(os.p(95)?, out_unit))],
                    ))
                })
                .unwrap_or_else(|| m.msg_no_distribution.into()),
            output_select("output-histogram"),
            html! {},
        ),
        (
            ChartInput::of(ChartId::Tornado, &data),
            m.t_tornado,
            fill(m.d_tornado, &[("output", out_label)]),
            computedeal_present::charts::tornado::summary(&d.tornado, output, out_unit, &fmt).unwrap_or_else(|| m.msg_no_uncertain.into()),
            output_select("output-tornado"),
            html! {},
        ),
        (
            ChartInput::of(ChartId::Heatmap, &data),
            m.t_heatmap,
            m.d_heatmap.to_string(),
            be.map(|(b, a)| {
                fill(
                    m.s_heatmap,
                    &[("availability", &v(a, Unit::Fraction)), ("price", &v(b, Unit::UsdPerHour)), ("unit", m.hour(s.inputs.accelerator_is_gpu()))],
                )
            })
            .unwrap_or_default(),
            html! {},
            html! {},
        ),
        (
            ChartInput::of(ChartId::Presets, &data),
            m.t_presets,
            m.d_presets.to_string(),
            d.deals.iter().map(|d| format!("{}: {}", d.name, v(d.price_usd_per_accelerator_hour, Unit::UsdPerHour))).collect::<Vec<_>>().join("; "),
            html! {},
            // The bars carry the deals' names: no key needed.
            html! {},
        ),
        {
            let input = ChartInput::of(ChartId::Market, &data);
            let summary = match &input {
                ChartInput::Market(view) => computedeal_present::charts::market::summary(view, &fmt),
                _ => String::new(),
            };
            (input, m.t_market, fill(m.d_market, &[("date", &d.snapshot.as_of), ("unit", m.hour(s.inputs.accelerator_is_gpu()))]), summary, html! {}, html! {})
        },
        (
            ChartInput::of(ChartId::Portfolio, &data),
            m.t_portfolio,
            fill(m.d_portfolio, &[("buyer", &d.portfolio.buyer), ("date", &d.portfolio.as_of)]),
            computedeal_present::charts::portfolio::summary(&d.portfolio, &fmt),
            html! {},
            html! { <crate::portfolio::PortfolioControls state={props.state.clone()} view={d.portfolio.clone()} dispatch={props.dispatch.clone()} /> },
        ),
        {
            let input = ChartInput::of(ChartId::India, &data);
            let summary = match &input {
                ChartInput::India(view) => computedeal_present::charts::india::summary(view, &fmt),
                _ => String::new(),
            };
            (input, m.t_india, m.d_india.to_string(), summary, html! {}, html! {})
        },
    ];
    let name = s.preset.id.key();
    html! {
        <>
            { for charts.into_iter().filter(|c| props.only.is_none_or(|only| c.0.id() == only)).enumerate().filter(|(k, _)| match props.part {
                Part::All => true,
                Part::First => *k == 0,
                Part::Rest => *k > 0,
            }).map(|(_, c)| c).map(|(input, title, description, summary, controls, footer)| {
                // An embed has room for the chart, not for the deals' list.
                let footer = if props.only.is_some() { html! {} } else { footer };
                html! {
                    <ChartCard input={input} title={title} description={description} summary={summary} dark={props.dark} fmt={fmt} name={name}
                        size={props.size} controls={controls} footer={footer} interactive={props.interactive} caption={caption.clone()} source={source.clone()} />
                }
            }) }
        </>
    }
}
