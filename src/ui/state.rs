//! The page's state, the actions that change it and the reducer (as in
//! yew's todomvc): every change goes through `reduce`, which also works out
//! what the charts need, so the view only reads.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::charts::presets::DealPoint;
use crate::charts::ChartId;
use crate::dist::Dist;
use crate::format::{Currency, Fmt};
use crate::i18n::{self, Lang};
use crate::model::{evaluate, Outcome};
use crate::params::P;
use crate::presets::{self, PRESETS};
use crate::scenario::{consistency_warnings, Scenario, Warning};
use crate::sensitivity::{self, Grid, Tornado};
use crate::view::{check_rate, decode_page, View};

/// Points of the margin heatmap (price × availability).
pub const GRID_PRICES: usize = 48;
pub const GRID_AVAILABILITIES: usize = 26;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub scenario: Scenario,
    pub outcome: Rc<Outcome>,
    pub tornado: Rc<Tornado>,
    pub grid: Rc<Grid>,
    pub deals: Rc<Vec<DealPoint>>,
    /// Inputs whose last entry was rejected: key → (the text entered, why).
    pub errors: BTreeMap<String, (String, String)>,
    /// Warnings from the URL or a repair (cross-input checks).
    pub notices: Vec<Warning>,
    /// The headline output the histogram and the tornado show.
    pub output: usize,
    /// Counts changes, so effects can tell a new scenario from a re-render.
    pub revision: u64,
    /// The language shown (the URL's, else the browser's).
    pub lang: Lang,
    /// Currency, rate, chart, embed layout and the scenario pinned as A.
    pub view: View,
    /// Scenario A's outcome, when one is pinned.
    pub pinned: Option<Rc<Outcome>>,
    /// The query the page was opened with: its notices are rebuilt in a new language.
    pub opened_with: Rc<String>,
    /// The last import: Ok(file name) or Err((file name, why, in a list)).
    pub import: Option<Result<String, (String, Vec<String>)>>,
}

impl State {
    pub fn new(scenario: Scenario, notices: Vec<Warning>, view: View, lang: Lang, opened_with: String) -> State {
        i18n::set_lang(lang);
        let output = view.output.unwrap_or_else(|| crate::batch::headline_index("npv_usd").unwrap_or(3));
        let mut s = State {
            lang,
            pinned: None,
            opened_with: Rc::new(opened_with),
            import: None,
            outcome: Rc::new(evaluate(&scenario.inputs)),
            tornado: Rc::new(Tornado { base: Vec::new(), swings: Vec::new() }),
            grid: Rc::new(sensitivity::price_availability(&scenario, 2, 2)),
            deals: Rc::new(Vec::new()),
            scenario,
            errors: BTreeMap::new(),
            notices,
            output,
            revision: 0,
            view,
        };
        s.derive();
        s
    }

    /// How numbers are written: the language, the currency and its rate.
    pub fn fmt(&self) -> Fmt {
        self.view.fmt(self.lang)
    }

    /// The name of a scenario: its preset's, marked when it differs from it.
    pub fn name_of(s: &Scenario) -> String {
        if s.changed().is_empty() {
            s.preset.name.to_string()
        } else {
            i18n::fill(i18n::t().your_changes, &[("name", s.preset.name)])
        }
    }

    /// Works out everything the view shows from the scenario.
    fn derive(&mut self) {
        self.pinned = self.view.compare.as_ref().map(|a| Rc::new(evaluate(&a.inputs)));
        let s = &self.scenario;
        self.outcome = Rc::new(evaluate(&s.inputs));
        self.tornado = Rc::new(sensitivity::tornado(s));
        self.grid = Rc::new(sensitivity::price_availability(s, GRID_PRICES, GRID_AVAILABILITIES));
        let mut deals: Vec<DealPoint> = PRESETS
            .iter()
            .map(|p| {
                let o = evaluate(&p.inputs());
                DealPoint { name: p.name.to_string(), price_usd_per_accelerator_hour: o.price_usd_per_accelerator_hour, usd_per_gw_year: o.usd_per_gw_year.unwrap_or(0.0), current: false }
            })
            .collect();
        // The scenario on screen replaces its preset's bar when it differs from it.
        if let Some(i) = PRESETS.iter().position(|p| p.id == s.preset.id) {
            let o = &self.outcome;
            deals[i] = DealPoint {
                name: State::name_of(s),
                price_usd_per_accelerator_hour: o.price_usd_per_accelerator_hour,
                usd_per_gw_year: o.usd_per_gw_year.unwrap_or(0.0),
                current: true,
            };
        }
        self.deals = Rc::new(deals);
        self.revision += 1;
        // Cross-input repairs are shown as notices; URL notices stay until dismissed.
        self.notices.retain(|w| w.severity == crate::scenario::Severity::Rejected);
        self.notices.extend(consistency_warnings(&s.inputs));
    }
}

pub enum Action {
    /// A value from a slider, a field or a select.
    SetValue(P, f64),
    /// A field's text that did not parse: keep the last valid value.
    Reject(String, String, String),
    SetDist(P, Dist),
    MakeCertain(P),
    SetCorrs(Vec<(P, P, f64)>),
    SetUncertainty(bool),
    Preset(&'static str),
    Reset,
    ResetParam(P),
    SelectOutput(usize),
    DismissNotices,
    /// Replace the whole scenario (an imported file, a link).
    Replace(Scenario),
    /// An imported file: its name, scenario and repairs.
    Imported(String, Scenario, Vec<Warning>),
    /// A file that could not be imported: its name and why.
    ImportFailed(String, Vec<String>),
    SetLang(Lang),
    SetCurrency(Currency),
    /// The exchange rate's text as typed.
    SetFx(String),
    /// Pin the scenario on screen as A, or unpin it.
    Pin(bool),
    SelectChart(Option<ChartId>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let mut rederive = true;
        match action {
            Action::SetValue(p, v) => {
                next.errors.remove(p.key());
                if p == P::accelerator {
                    next.scenario.set_accelerator(v);
                } else {
                    next.scenario.set_value(p, v);
                }
            }
            Action::Reject(key, text, message) => {
                next.errors.insert(key, (text, message));
                rederive = false;
            }
            Action::SetDist(p, d) => {
                next.errors.remove(p.key());
                next.scenario.set_dist(p, d);
            }
            Action::MakeCertain(p) => {
                next.errors.remove(p.key());
                let v = next.scenario.inputs.get(p);
                next.scenario.set_value(p, v);
            }
            Action::SetCorrs(corrs) => {
                next.errors.remove("corr");
                next.scenario.corrs = corrs;
            }
            Action::SetUncertainty(on) => {
                // Rebuild from the preset with or without its defaults, keeping the changes.
                let old = next.scenario.clone();
                let mut s = Scenario::base(old.preset, on);
                for p in old.changed() {
                    match old.dist(p) {
                        Some(d) => s.set_dist(p, d.clone()),
                        None => s.set_value(p, old.inputs.get(p)),
                    }
                }
                s.corrs = old.corrs.into_iter().filter(|(a, b, _)| s.dist(*a).is_some() && s.dist(*b).is_some()).collect();
                next.scenario = s;
            }
            Action::Preset(id) => {
                let preset = presets::by_id(id).unwrap_or_else(presets::default_preset);
                next.scenario = Scenario::base(preset, next.scenario.uncertainty);
                next.errors.clear();
            }
            Action::Reset => {
                next.scenario = Scenario::base(next.scenario.preset, true);
                next.errors.clear();
            }
            Action::ResetParam(p) => {
                let base = Scenario::base(next.scenario.preset, next.scenario.uncertainty);
                next.errors.remove(p.key());
                match base.dist(p) {
                    Some(d) => next.scenario.set_dist(p, d.clone()),
                    None => next.scenario.set_value(p, base.inputs.get(p)),
                }
            }
            Action::SelectOutput(k) => {
                next.output = k;
                next.view.output = Some(k);
                rederive = false;
                next.revision += 1;
            }
            Action::DismissNotices => {
                next.notices.clear();
                rederive = false;
            }
            Action::Replace(s) => {
                next.scenario = s;
                next.errors.clear();
            }
            Action::Imported(name, s, repairs) => {
                next.scenario = s;
                next.errors.clear();
                next.notices.retain(|w| w.severity != crate::scenario::Severity::Rejected);
                next.notices.extend(repairs);
                next.import = Some(Ok(name));
            }
            Action::ImportFailed(name, why) => {
                next.import = Some(Err((name, why)));
                rederive = false;
            }
            Action::SetLang(lang) => {
                i18n::set_lang(lang);
                next.lang = lang;
                next.view.lang = Some(lang);
                // Messages were written in the old language: rebuild the link's, drop the fields'.
                next.errors.clear();
                next.import = None;
                if !next.notices.is_empty() {
                    let keys: Vec<String> = next.notices.iter().map(|w| w.key.clone()).collect();
                    next.notices = decode_page(&next.opened_with).warnings.into_iter().filter(|w| keys.contains(&w.key)).collect();
                }
            }
            Action::SetCurrency(c) => {
                next.view.currency = c;
                next.view.fx = None;
                next.errors.remove("fx");
                rederive = false;
                next.revision += 1;
            }
            Action::SetFx(text) => {
                match check_rate(next.view.currency, &text) {
                    Ok(r) => {
                        next.errors.remove("fx");
                        next.view.fx = (r != next.view.currency.default_rate()).then_some(r);
                        next.revision += 1;
                    }
                    Err(w) => {
                        next.errors.insert("fx".into(), (text, w.message));
                    }
                }
                rederive = false;
            }
            Action::Pin(on) => {
                next.view.compare = on.then(|| next.scenario.clone());
            }
            Action::SelectChart(c) => {
                next.view.chart = c;
                rederive = false;
            }
        }
        if rederive {
            next.derive();
        }
        Rc::new(next)
    }
}
