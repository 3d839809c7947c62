//! The page's state, the actions that change it and the reducer, as in
//! yew's function_todomvc: `reduce` is pure (no globals, no URL decoding,
//! no evaluation); it holds only what the reader chose. What follows from
//! the state (the outcome, the tornado, the heatmap grid, the deals chart)
//! is worked out and memoized by the hooks in `derived.rs`; effects (the
//! URL, the Monte Carlo, the document) live in `use_effect_with` hooks.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use computedeal_core::dist::Dist;
use computedeal_core::notice::Notice;
use computedeal_core::params::P;
use computedeal_core::portfolio::Choices;
use computedeal_core::presets::{self, PresetId};
use computedeal_core::scenario::{scenario_notices, Scenario};
use computedeal_present::charts::ChartId;
use computedeal_present::format::{Currency, Fmt};
use computedeal_present::i18n::Lang;
use computedeal_present::view::{check_rate, View};

/// A field's last entry that was refused: the text as typed and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub text: String,
    pub notice: Notice,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub scenario: Scenario,
    /// Inputs whose last entry was refused, by key (a parameter's, `corr`, `fx`).
    pub errors: BTreeMap<String, Refused>,
    /// Notices from the link or an import, until dismissed.
    pub notices: Vec<Notice>,
    /// Whether the reader dismissed the notices (until the scenario changes).
    pub dismissed: bool,
    /// Counts changes, so effects can tell a new state from a re-render.
    pub revision: u64,
    /// The language shown (the URL's, else the browser's).
    pub lang: Lang,
    /// Currency, rate, chart, output, embed layout and the scenario pinned as A.
    pub view: View,
    /// The last import: Ok(file name) or Err((file name, why)).
    pub import: Option<Result<String, (String, Vec<Notice>)>>,
}

impl State {
    pub fn new(scenario: Scenario, notices: Vec<Notice>, view: View, lang: Lang) -> State {
        let notices = without_own_checks(notices, &scenario);
        State { scenario, errors: BTreeMap::new(), notices, dismissed: false, revision: 0, lang, view, import: None }
    }

    /// How numbers are written: the language, the currency and its rate.
    pub fn fmt(&self) -> Fmt {
        self.view.fmt(self.lang)
    }
}

pub enum Action {
    /// A value from a slider, a field or a select.
    SetValue(P, f64),
    /// A new point value (the base case) for an input, uncertain or not.
    MovePoint(P, f64),
    /// A field's text that was refused: keep the last valid value.
    Reject(String, String, Notice),
    SetDist(P, Dist),
    MakeCertain(P),
    SetCorrs(Vec<(P, P, f64)>),
    SetUncertainty(bool),
    Preset(PresetId),
    Reset,
    ResetParam(P),
    SelectOutput(computedeal_core::outputs::Output),
    DismissNotices,
    /// An imported file: its name, scenario and repairs.
    Imported(String, Box<Scenario>, Vec<Notice>),
    /// A file that could not be imported: its name and why.
    ImportFailed(String, Vec<Notice>),
    SetLang(Lang),
    SetCurrency(Currency),
    /// The exchange rate's text as typed.
    SetFx(String),
    /// Pin the scenario on screen as A, or unpin it.
    Pin(bool),
    SelectChart(Option<ChartId>),
    /// The reader's portfolio choices, and the key of the field (or the
    /// prefix of the fields) whose refusal they settle.
    SetPortfolio(Choices, String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let mut scenario_changed = true;
        match action {
            Action::SetValue(p, v) => {
                next.errors.remove(p.key());
                if p == P::accelerator {
                    next.scenario.set_accelerator(v);
                } else {
                    next.scenario.set_value(p, v);
                }
            }
            Action::Reject(key, text, notice) => {
                next.errors.insert(key, Refused { text, notice });
                scenario_changed = false;
            }
            Action::MovePoint(p, v) => {
                next.errors.remove(p.key());
                next.scenario.move_point(p, v);
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
                next.scenario = Scenario::base(id.preset(), next.scenario.uncertainty);
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
            Action::SelectOutput(o) => {
                next.view.output = Some(o);
                scenario_changed = false;
            }
            Action::DismissNotices => {
                next.notices.clear();
                next.dismissed = true;
                scenario_changed = false;
            }
            Action::Imported(name, s, repairs) => {
                // The link's notices were about the scenario the import replaces.
                next.scenario = *s;
                next.errors.clear();
                next.notices = without_own_checks(repairs, &next.scenario);
                next.import = Some(Ok(name));
            }
            Action::ImportFailed(name, why) => {
                next.import = Some(Err((name, why)));
                scenario_changed = false;
            }
            Action::SetLang(lang) => {
                // Notices and refusals are data: they are written anew in the new language.
                next.lang = lang;
                next.view.lang = Some(lang);
                scenario_changed = false;
            }
            Action::SetCurrency(c) => {
                next.view.currency = c;
                next.view.fx = None;
                next.errors.remove("fx");
                scenario_changed = false;
            }
            Action::SetFx(text) => {
                match check_rate(next.view.currency, &text) {
                    Ok(r) => {
                        next.errors.remove("fx");
                        next.view.fx = (r != next.view.currency.default_rate()).then_some(r);
                    }
                    Err(notice) => {
                        next.errors.insert("fx".into(), Refused { text, notice });
                    }
                }
                scenario_changed = false;
            }
            Action::Pin(on) => {
                next.view.compare = on.then(|| next.scenario.clone());
                scenario_changed = false;
            }
            Action::SelectChart(c) => {
                next.view.chart = c;
                scenario_changed = false;
            }
            Action::SetPortfolio(c, settled) => {
                next.view.portfolio = c;
                next.errors.retain(|k, _| !k.starts_with(&settled));
                scenario_changed = false;
            }
        }
        if scenario_changed {
            // A new scenario shows its own cross-input repairs again.
            next.dismissed = false;
        }
        next.revision += 1;
        Rc::new(next)
    }
}

/// A decoder's notices without the scenario's own checks, which the page
/// works out afresh from the scenario on screen (`derived.rs`), so a repair
/// the reader has since undone does not stay on screen.
fn without_own_checks(mut notices: Vec<Notice>, s: &Scenario) -> Vec<Notice> {
    let own = scenario_notices(s);
    notices.retain(|n| !own.contains(n));
    notices
}

/// The preset a picker's value names, or the default one.
pub fn preset_of(value: &str) -> PresetId {
    PresetId::from_key(value).unwrap_or(presets::DEFAULT_PRESET)
}
