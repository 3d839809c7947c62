//! The embed's side of the page: posting its height to the host page, so an
//! iframe that listens can fit it exactly. The message is
//! `{type: "computedeal:height", height}` (CSS pixels), sent whenever the
//! embedded page's height changes; nothing is read from the host.

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
use computedeal_present::i18n::messages;
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

/// `?embed=1`: one chart, up to four figures, the scenario's name, a link to
/// the full calculator and an attribution, posting its height to the host.
#[function_component(EmbedPage)]
pub fn embed_page(props: &EmbedProps) -> Html {
    let state = &props.state;
    let m = messages(state.lang);
    let watch = use_mut_ref(|| None);
    use_effect_with((), move |_| {
        *watch.borrow_mut() = watch_height();
        post_height();
    });
    let chart = state.view.chart.unwrap_or(ChartId::CashFlow);
    let full = url_of(state, &View { embed: false, kpis: Vec::new(), ..state.view.clone() });
    html! {
        <div class="page embed" data-embed="1">
            <header class="embed-head">
                <h1 class="embed-name">{ scenario_name(state.lang, &state.scenario) }</h1>
                <a class="open-full" href={full} target="_blank" rel="noopener">{ m.open_full }{ " ↗" }</a>
            </header>
            <Notices notices={props.derived.notices.clone()} lang={state.lang} dispatch={props.dispatch.clone()} />
            <Cards state={state.clone()} outcome={props.derived.outcome.clone()} pinned={props.derived.pinned.clone()} mc={props.mc.clone()} only={state.view.embed_kpis()} />
            <ChartList state={state.clone()} derived={props.derived.clone()} mc={props.mc.clone()} dispatch={props.dispatch.clone()} dark={props.dark} size={props.size} only={Some(chart)} />
            <footer class="attribution"><p>{ m.attribution }</p></footer>
        </div>
    }
}
