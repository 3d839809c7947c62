//! The page's layout: `App` owns the state (a pure reducer, `state.rs`),
//! derives what follows from it (`derived.rs`), runs the Monte Carlo
//! (`runner.rs`) and keeps the address bar (`url_sync.rs`) and the document
//! (language, theme, title) in step; the pieces of the page are components
//! of their own.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use computedeal_core::notice::Notice;
use computedeal_core::presets::{PresetId, PRESETS};
use computedeal_core::scenario::Scenario;
use computedeal_present::i18n::{messages, preset_text, Lang};
use computedeal_present::view::{ThemeChoice, View};

use crate::chart_list::{ChartList, Part};
use crate::derived::use_derived;
use crate::embed::EmbedPage;
use crate::inputs::InputPanel;
use crate::notices::Notices;
use crate::results::{rest_of_cards, Cards, Glossary, Headline, McStatus, MiniSummary, Reading, LEAD};
use crate::runner::{now_ms, use_monte_carlo, use_pinned_summary};
use crate::settings::{select_value, FxHelp, Settings};
use crate::share::{url_of, SharePanel};
use crate::state::{preset_of, Action, State};
use crate::transfer::{ImportStatus, Transfer};
use crate::url_sync::use_url_sync;

fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) {
        let _ = root.set_attribute(name, value);
    }
}

thread_local! {
    /// When the last input change was dispatched (performance.now(), ms):
    /// the page reports how long the update took in `data-update-ms`.
    static CHANGE_STARTED: Cell<f64> = const { Cell::new(-1.0) };
}

fn prefers_dark() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).map(|m| m.matches()).unwrap_or(false)
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub scenario: Scenario,
    #[prop_or_default]
    pub notices: Vec<Notice>,
    #[prop_or_default]
    pub view: View,
    #[prop_or_default]
    pub lang: Lang,
}

/// The window's size and colour scheme: the charts redraw when they change.
#[hook]
fn use_window() -> (u32, bool) {
    let size = use_state(|| 0u32);
    let system_dark = use_state(prefers_dark);
    {
        let size = size.clone();
        let dark = system_dark.clone();
        use_effect_with((), move |_| {
            let resize = web_sys::window().map(|w| {
                let size = size.clone();
                EventListener::new(&w, "resize", move |_| size.set(*size + 1))
            });
            let scheme = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).map(|m| {
                let dark = dark.clone();
                EventListener::new(&m, "change", move |_| dark.set(prefers_dark()))
            });
            move || drop((resize, scheme))
        });
    }
    (*size, *system_dark)
}

/// On a narrow screen the first screen links to the inputs under the lead
/// figures, and a button to them floats at the bottom of the screen. The
/// button steps aside (`data-away`, style.css) while the lead figures or
/// that link are on screen and while the reader scrolls down through the
/// answer and the charts, so it covers no figure and no chart; scrolling up
/// brings it back, and near the end of the page it stays. An attribute set
/// on the element, not state: a scroll re-renders nothing.
#[hook]
fn use_quick_return() {
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|w| {
            let place = |win: &web_sys::Window, down: bool| {
                let Some(doc) = win.document() else { return };
                let y = win.scroll_y().unwrap_or(0.0);
                let view = win.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
                let end = doc.document_element().map(|e| e.scroll_height() as f64).unwrap_or(0.0);
                let shown = |selector: &str| {
                    doc.query_selector(selector).ok().flatten().is_some_and(|e| {
                        let r = e.get_bounding_client_rect();
                        r.height() > 0.0 && r.bottom() > 0.0 && r.top() < view
                    })
                };
                let away = shown("a.to-inputs-inline") || shown(".cards.lead") || (down && y + view < end - 200.0);
                if let Some(button) = doc.query_selector("a.to-inputs").ok().flatten() {
                    let _ = button.toggle_attribute_with_force("data-away", away);
                }
            };
            place(&w, false);
            let last = std::cell::Cell::new(w.scroll_y().unwrap_or(0.0));
            let win = w.clone();
            EventListener::new(&w, "scroll", move |_| {
                let y = win.scroll_y().unwrap_or(0.0);
                let dy = y - last.get();
                if dy.abs() >= 8.0 {
                    last.set(y);
                    place(&win, dy > 0.0);
                }
            })
        });
        move || drop(listener)
    });
}

/// The document's language, theme and title follow the page's.
#[hook]
fn use_document(lang: Lang, theme: ThemeChoice) {
    use_effect_with((lang, theme), |(lang, theme)| {
        if *lang == Lang::Hi {
            load_devanagari();
        }
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", lang.code());
            match theme {
                ThemeChoice::Auto => drop(html.remove_attribute("data-theme")),
                ThemeChoice::Light => drop(html.set_attribute("data-theme", "light")),
                ThemeChoice::Dark => drop(html.set_attribute("data-theme", "dark")),
            }
        }
    });
}

/// Asks for the page's Devanagari font (`document.fonts.load`) and, once it
/// has loaded, redraws the charts (they redraw on resize): a canvas draws
/// with whatever font is ready when it draws.
fn load_devanagari() {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else { return };
    let fonts = window.document().and_then(|d| js_sys::Reflect::get(&d, &JsValue::from_str("fonts")).ok());
    let load = fonts.as_ref().and_then(|f| js_sys::Reflect::get(f, &JsValue::from_str("load")).ok()).and_then(|l| l.dyn_into::<js_sys::Function>().ok());
    let (Some(fonts), Some(load)) = (fonts, load) else { return };
    let Ok(promise) = load.call2(&fonts, &JsValue::from_str("16px cdDevanagari"), &JsValue::from_str("क")) else { return };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return };
    let redraw = wasm_bindgen::closure::Closure::once(move |_: JsValue| {
        if let Ok(event) = web_sys::Event::new("resize") {
            let _ = window.dispatch_event(&event);
        }
    });
    let _ = promise.then(&redraw);
    // Called once by the promise; it lives as long as the page.
    redraw.forget();
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| State::new(props.scenario.clone(), props.notices.clone(), props.view.clone(), props.lang));
    let derived = use_derived(&state);
    let mc = use_monte_carlo(&state.scenario);
    let a_summary = use_pinned_summary(state.view.compare.as_ref(), &state.scenario, &mc);
    let (size, system_dark) = use_window();
    // One callback for the page's lifetime: children that take it do not
    // re-render (and reset a field being typed in) when the Monte Carlo reports.
    let dispatch = use_callback(state.dispatcher(), |a: Action, dispatcher| {
        CHANGE_STARTED.with(|c| c.set(now_ms()));
        dispatcher.dispatch(a);
    });
    let dark = match state.view.theme {
        ThemeChoice::Auto => system_dark,
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    };
    use_document(state.lang, state.view.theme);
    use_quick_return();
    use_url_sync(&state.scenario, &state.view);
    // A link to a chart scrolls to it (an embed shows only that chart).
    {
        let (embed, chart) = (state.view.embed, state.view.chart);
        use_effect_with((), move |_| {
            if let (false, Some(c)) = (embed, chart) {
                if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("chart-{}", c.key()))) {
                    el.scroll_into_view();
                }
            }
        });
    }
    // After the cards and charts of a change are on the page: ready, and how long it took.
    use_effect_with(state.revision, move |_| {
        set_root_attr("data-state", "ready");
        let started = CHANGE_STARTED.with(|c| c.replace(-1.0));
        if started >= 0.0 {
            set_root_attr("data-update-ms", &format!("{:.3}", now_ms() - started));
        }
    });

    let rc = Rc::new((*state).clone());
    if state.view.embed {
        return html! { <EmbedPage state={rc} derived={derived} mc={mc} dispatch={dispatch} dark={dark} size={size} /> };
    }
    let s = &state.scenario;
    let lang = state.lang;
    let m = messages(lang);
    let finished_summary = mc.as_ref().filter(|u| u.finished).and_then(|u| u.summary.clone());
    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                dispatch.emit(Action::Preset(preset_of(&v)));
            }
        })
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reset))
    };
    let pinned = state.view.compare.is_some();
    let on_pin = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Pin(!pinned)))
    };
    html! {
        <div class="page">
            <header class="top">
                <div class="brand">
                    <p class="brand-name">{ "computedeal" }</p>
                    <p class="tagline">{ m.tagline }</p>
                </div>
                <Settings state={rc.clone()} dispatch={dispatch.clone()} />
            </header>
            <FxHelp state={rc.clone()} dispatch={dispatch.clone()} />
            <div class="deal-bar">
                <div class="deal-picker">
                    <label for="preset">{ m.deal }</label>
                    <select id="preset" onchange={on_preset}>
                        { for PRESETS.iter().map(|p| html! { <option value={p.id.key()} selected={p.id == s.preset.id}>{ preset_text(lang, p.id).name }</option> }) }
                    </select>
                    <button type="button" id="reset" onclick={on_reset}>{ m.reset }</button>
                </div>
                <div class="actions">
                    <button type="button" id="pin" aria-pressed={pinned.to_string()} onclick={on_pin}>{ if pinned { m.unpin } else { m.pin } }</button>
                    <Transfer state={rc.clone()} outcome={derived.outcome.clone()} summary={finished_summary} dispatch={dispatch.clone()} />
                </div>
            </div>
            <SharePanel state={rc.clone()} derived={derived.clone()} mc={mc.clone()} dark={dark} dispatch={dispatch.clone()} />
            <Headline state={rc.clone()} outcome={derived.outcome.clone()} mc={mc.clone()} />
            <Cards state={rc.clone()} outcome={derived.outcome.clone()} pinned={derived.pinned.clone()} pinned_summary={a_summary.clone()} mc={mc.clone()} only={LEAD.to_vec()} class={classes!("lead")} />
            <Glossary lang={lang} />
            <a class="to-inputs-inline" href="#inputs">{ m.to_inputs }</a>
            <ImportStatus state={rc.clone()} />
            if let Some(compare) = &state.view.compare {
                <p class="compare-status" role="status">{ computedeal_present::reading::compare_line(compare, s, &state.fmt()) }</p>
            }
            <Notices notices={derived.notices.clone()} lang={lang} dispatch={dispatch.clone()} />
            <div class="layout">
                <aside class="panel" id="inputs">
                    <MiniSummary state={rc.clone()} outcome={derived.outcome.clone()} mc={mc.clone()} />
                    <h2>{ m.assumptions }</h2>
                    <p class="legend"><abbr class="badge est" title={m.est_title}>{ m.est }</abbr>{ m.legend_est }<span class="badge changed-badge">{ m.changed }</span>{ m.legend_changed }</p>
                    <p class="legend">{ m.uncertain_means }</p>
                    <InputPanel state={rc.clone()} dispatch={dispatch.clone()} />
                    <a class="to-results" href="#answer">{ m.to_results }</a>
                </aside>
                <div class="results">
                    <section class="charts first" aria-label={m.charts}>
                        <ChartList state={rc.clone()} derived={derived.clone()} mc={mc.clone()} dispatch={dispatch.clone()} dark={dark} size={size} part={Part::First} />
                    </section>
                    <Cards state={rc.clone()} outcome={derived.outcome.clone()} pinned={derived.pinned.clone()} pinned_summary={a_summary.clone()} mc={mc.clone()} only={rest_of_cards()} />
                    <Reading state={rc.clone()} outcome={derived.outcome.clone()} mc={mc.clone()} />
                    <McStatus mc={mc.clone()} uncertain={s.dists.len()} fmt={state.fmt()} />
                    <p class="deal-summary">{ preset_text(lang, s.preset.id).summary }</p>
                    if s.preset.id == PresetId::AwsOpenai2025 {
                        <p class="deal-update" data-expanded="2026-02">
                            { m.expanded_2026 }{ " " }
                            <a href={format!("?preset={}", PresetId::AwsOpenai2026100b.key())}>{ preset_text(lang, PresetId::AwsOpenai2026100b).name }</a>
                            { " · " }
                            <a href={format!("?preset={}", PresetId::AwsOpenai2026138b.key())}>{ preset_text(lang, PresetId::AwsOpenai2026138b).name }</a>
                        </p>
                    }
                    <section class="charts" aria-label={m.charts}>
                        <ChartList state={rc.clone()} derived={derived.clone()} mc={mc.clone()} dispatch={dispatch.clone()} dark={dark} size={size} part={Part::Rest} />
                    </section>
                </div>
            </div>
            <PrintBrief state={rc.clone()} />
            <a class="to-inputs" href="#inputs">{ m.to_inputs }</a>
            <footer class="foot">
                <p>{ m.footer }</p>
            </footer>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BriefProps {
    state: Rc<State>,
}

/// What only the printed page shows (the print stylesheet lays the view out
/// as a one-page brief): the inputs a reader reaches for first with their
/// values as the fields show them and their sources, the source line, and
/// the address of this view.
#[function_component(PrintBrief)]
fn print_brief(props: &BriefProps) -> Html {
    use computedeal_core::params::P;
    use computedeal_present::i18n::{param_label, source_title};
    let state = &props.state;
    let (lang, fmt, s) = (state.lang, state.fmt(), &state.scenario);
    let m = messages(lang);
    html! {
        <section class="print-only print-brief">
            <h2>{ m.key_assumptions }</h2>
            <ul>
                { for P::ALL.iter().filter(|p| p.param().lead).map(|p| {
                    let source = computedeal_core::sources::source(s.preset.provenance(*p).0);
                    html! {
                        <li>
                            <strong>{ param_label(lang, *p) }</strong>{ ": " }{ fmt.field(p.param(), s.inputs.get(*p)) }{ " " }{ fmt.param_unit(*p) }
                            if let Some(src) = source { { " · " }{ source_title(lang, src).0 }{ format!(" ({})", src.date) } }
                        </li>
                    }
                }) }
            </ul>
            <p class="print-source">{ computedeal_present::reading::source_line(lang, s) }</p>
            <p class="print-url">{ url_of(state, &state.view) }</p>
        </section>
    }
}
