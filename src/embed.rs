//! The embed's side of the page: posting its height to the host page, so an
//! iframe that listens can fit it exactly. Two messages, sent whenever the
//! embedded page's height changes: `{type: "computedeal:height", height}`
//! (CSS pixels) for the listener README shows, and AMP's
//! `{sentinel: "amp", type: "embed-size", height}`, which an `amp-iframe`
//! with `resizable` obeys. Nothing is read from the host.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts the height of `#app` to the parent window, if there is one.
pub fn post_height() {
    let Some(w) = web_sys::window() else { return };
    let Some(parent) = w.parent().ok().flatten() else { return };
    if Object::is(&parent, &w) {
        return;
    }
    let Some(app) = w.document().and_then(|d| d.get_element_by_id("app")) else { return };
    let height = app.get_bounding_client_rect().height().ceil();
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"type".into(), &"computedeal:height".into());
    let _ = Reflect::set(&msg, &"height".into(), &height.into());
    let _ = parent.post_message(&msg, "*");
    let amp = Object::new();
    let _ = Reflect::set(&amp, &"sentinel".into(), &"amp".into());
    let _ = Reflect::set(&amp, &"type".into(), &"embed-size".into());
    let _ = Reflect::set(&amp, &"height".into(), &height.into());
    let _ = parent.post_message(&amp, "*");
}

/// A resize observer and its callback, kept alive together.
pub type HeightWatch = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Watches `#app` and posts its height whenever it changes. Keep the
/// returned pair alive as long as the page.
pub fn watch_height() -> Option<HeightWatch> {
    let app = web_sys::window()?.document()?.get_element_by_id("app")?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|_entries: js_sys::Array| post_height());
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&app);
    Some((observer, callback))
}

use std::rc::Rc;

use yew::prelude::*;

use computedeal_present::charts::ChartId;
use computedeal_present::i18n::{fill, messages};
use computedeal_present::view::View;

use crate::chart_list::ChartList;
use crate::derived::Derived;
use crate::notices::Notices;
use crate::results::Cards;
use crate::runner::McUpdate;
use crate::share::url_of;
use crate::state::{Action, State};
use computedeal_present::reading::scenario_name;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub state: Rc<State>,
    pub derived: Derived,
    pub mc: Option<McUpdate>,
    pub dispatch: Callback<Action>,
    pub dark: bool,
    pub size: u32,
}

/// `?embed=1`: one chart, up to four figures, the scenario's name (or the
/// writer's `title=` and `subtitle=`), a link to the full calculator and a
/// source line that no option removes (the calculator and its link, the
/// scenario's data date, the figures' licence), posting its height to the
/// host. `plain=1` drops the header, `static=1` the interaction,
/// `transparent=1` the background.
#[function_component(EmbedPage)]
pub fn embed_page(props: &EmbedProps) -> Html {
    let state = &props.state;
    let m = messages(state.lang);
    let watch = use_mut_ref(|| None);
    use_effect_with((), move |_| {
        *watch.borrow_mut() = watch_height();
        post_height();
    });
    let view = &state.view;
    {
        // No background of its own: on the document, so the host's shows through.
        let transparent = view.transparent;
        use_effect_with(transparent, move |on| {
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = if *on { root.set_attribute("data-transparent", "1") } else { root.remove_attribute("data-transparent") };
            }
        });
    }
    let chart = view.chart.unwrap_or(ChartId::CashFlow);
    let full =
        url_of(state, &View { embed: false, kpis: Vec::new(), title: None, subtitle: None, still: false, plain: false, transparent: false, ..view.clone() });
    let name = scenario_name(state.lang, &state.scenario);
    let date = state.scenario.preset.data_date();
    let class = classes!("page", "embed", view.still.then_some("still"), view.plain.then_some("plain"));
    html! {
        <div class={class} data-embed="1">
            if !view.plain {
                <header class="embed-head">
                    <div class="embed-titles">
                        <h1 class="embed-name">{ view.title.clone().unwrap_or_else(|| name.to_string()) }</h1>
                        if let Some(sub) = &view.subtitle { <p class="embed-sub">{ sub.clone() }</p> }
                    </div>
                    <a class="open-full" href={full.clone()} target="_blank" rel="noopener">{ m.open_full }{ " ↗" }</a>
                </header>
            }
            <Notices notices={props.derived.notices.clone()} lang={state.lang} dispatch={props.dispatch.clone()} />
            <Cards state={state.clone()} outcome={props.derived.outcome.clone()} pinned={props.derived.pinned.clone()} mc={props.mc.clone()} only={view.embed_kpis()} />
            <ChartList state={state.clone()} derived={props.derived.clone()} mc={props.mc.clone()} dispatch={props.dispatch.clone()} dark={props.dark} size={props.size} only={Some(chart)}
                interactive={!view.still} />
            // The same words as `reading::source_line`, the name linked.
            <footer class="source-line">
                <a href={full} target="_blank" rel="noopener">{ m.source_line_name }</a>
                { " · " }<span class="data-date">{ fill(m.data_as_of, &[("date", date)]) }</span>
                { " · " }<span class="licence">{ m.figures_licence }</span>
            </footer>
        </div>
    }
}
