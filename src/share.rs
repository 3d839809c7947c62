//! "Share and embed": the link to this exact view, and the iframe snippet
//! for a blog post (chart, headline, subtitle, up to four figures, static,
//! optional five-line height listener), each with a copy button, and a
//! preview of the embed at 320 and 600 px, loaded on request; opened from a
//! file, it says an embed needs the calculator on a web server instead. Everything is built from `view::encode_page`, so the link
//! and the embed open the numbers on screen.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use computedeal_present::charts::ChartId;
use computedeal_present::i18n::{fill, messages};
use computedeal_present::view::{encode_page, fold_text, Figure, View, MAX_KPIS, SUBTITLE_MAX, TITLE_MAX};

use crate::chart::{framed_canvas, image_size};
use crate::chart_list::{caption_and_source, chart_data};
use crate::derived::Derived;
use crate::download::copy_canvas;
use crate::runner::McUpdate;
use crate::state::{Action, State};
use computedeal_present::charts::{ChartInput, Frame};
use computedeal_present::html::embed_snippet;
use computedeal_present::reading::scenario_name;

/// The page's address without its query: origin and path.
fn base_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// The address of a view of the scenario on screen.
pub fn url_of(state: &State, view: &View) -> String {
    let q = encode_page(&state.scenario, view);
    if q.is_empty() {
        base_url()
    } else {
        format!("{}?{q}", base_url())
    }
}

fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub state: Rc<State>,
    /// What the chart picked for the embed is drawn from, for "Copy chart image".
    pub derived: Derived,
    pub mc: Option<McUpdate>,
    pub dark: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(SharePanel)]
pub fn share_panel(props: &ShareProps) -> Html {
    let state = &props.state;
    let m = messages(state.lang);
    let copied = use_state(|| None::<&'static str>);
    let listener = use_state(|| true);
    // The embed's own options, kept in the panel (not in the page's view).
    let headline = use_state(String::new);
    let subline = use_state(String::new);
    let figures = use_state(|| state.view.embed_kpis());
    let still = use_state(|| false);
    let preview = use_state(|| false);
    let chart = state.view.chart.unwrap_or(ChartId::CashFlow);
    let link = url_of(state, &state.view);
    let kpis = if *figures == computedeal_present::view::DEFAULT_KPIS.to_vec() { Vec::new() } else { (*figures).clone() };
    let embed_view = View {
        embed: true,
        chart: Some(chart),
        compare: None,
        output: state.view.output,
        kpis,
        title: fold_text(&headline, TITLE_MAX),
        subtitle: fold_text(&subline, SUBTITLE_MAX),
        still: *still,
        ..state.view.clone()
    };
    let embed_url = url_of(state, &embed_view);
    let name = scenario_name(state.lang, &state.scenario);
    let title = fill(m.embed_title, &[("name", embed_view.title.as_deref().unwrap_or(&name))]);
    let snippet = embed_snippet(&embed_url, &title, *listener);
    // From file:// an embed cannot work: the panel says what to do instead.
    let from_file = web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:");
    let text_input = |setter: UseStateHandle<String>| {
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                setter.set(i.value());
            }
        })
    };
    let on_figure = |f: Figure| {
        let figures = figures.clone();
        Callback::from(move |_: Event| {
            let mut next = (*figures).clone();
            if let Some(k) = next.iter().position(|x| *x == f) {
                next.remove(k);
            } else if next.len() < MAX_KPIS {
                next.push(f);
            }
            figures.set(next);
        })
    };
    let on_still = {
        let still = still.clone();
        Callback::from(move |e: Event| still.set(e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked())))
    };
    let on_preview = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(!*preview))
    };
    let gpu = state.scenario.inputs.accelerator_is_gpu();

    let on_copy_link = {
        let (copied, link) = (copied.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            copy(&link);
            copied.set(Some("link"));
        })
    };
    // The preset's oEmbed document (`computedeal site` writes one per deal as
    // published, beside the page): offered only for an unchanged preset on a host.
    let oembed = (!from_file && state.scenario.changed().is_empty()).then(|| {
        let base = base_url();
        let dir = base.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or(base.clone());
        format!("{dir}/{}", computedeal_present::html::deal_oembed(state.scenario.preset.id))
    });
    let on_copy_oembed = {
        let (copied, url) = (copied.clone(), oembed.clone().unwrap_or_default());
        Callback::from(move |_: MouseEvent| {
            copy(&url);
            copied.set(Some("oembed"));
        })
    };
    let on_copy_embed = {
        let (copied, snippet) = (copied.clone(), snippet.clone());
        Callback::from(move |_: MouseEvent| {
            copy(&snippet);
            copied.set(Some("embed"));
        })
    };
    // The chart picked for the embed, framed and at the size its PNG
    // download has (the on-screen canvas's), drawn when asked.
    let on_copy_image = {
        let (copied, state, derived, mc, dark, link) = (copied.clone(), state.clone(), props.derived.clone(), props.mc.clone(), props.dark, link.clone());
        Callback::from(move |_: MouseEvent| {
            let input = ChartInput::of(chart, &chart_data(&state, &derived, mc.as_ref()));
            let on_page = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&format!("#chart-{} canvas", chart.key())).ok().flatten());
            let (w, h) = image_size(on_page);
            let (caption, source) = caption_and_source(&state);
            let frame = Frame { title: chart.title(state.lang).to_string(), subtitle: Some(caption).filter(|c| !c.is_empty()), source, url: link.clone() };
            let copied = copied.clone();
            match framed_canvas(&input, w, h, 2.0, dark, state.fmt(), &frame) {
                Some(c) => copy_canvas(&c, move |ok| copied.set(Some(if ok { "image" } else { "image-failed" }))),
                None => copied.set(Some("image-failed")),
            }
        })
    };
    let on_chart = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(c) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).and_then(|s| ChartId::from_key(&s.value())) {
                dispatch.emit(Action::SelectChart(Some(c)));
            }
        })
    };
    let on_listener = {
        let listener = listener.clone();
        Callback::from(move |e: Event| {
            listener.set(e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.checked()).unwrap_or(true));
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            i.select();
        }
    });
    html! {
        <details class="share" id="share">
            <summary>{ m.share }</summary>
            <div class="share-row">
                <label for="share-link">{ m.link_label }</label>
                <input type="text" id="share-link" class="field wide" readonly=true value={link} onfocus={select_all.clone()} />
                <button type="button" id="copy-link" onclick={on_copy_link}>{ m.copy_link }</button>
            </div>
            if *copied == Some("link") { <p class="copied" role="status">{ m.link_copied }</p> }
            if let Some(url) = oembed {
                <div class="share-row">
                    <label for="share-oembed">{ m.oembed_label }</label>
                    <input type="text" id="share-oembed" class="field wide" readonly=true value={url} onfocus={select_all.clone()} />
                    <button type="button" id="copy-oembed" onclick={on_copy_oembed}>{ m.copy_oembed }</button>
                </div>
            }
            if *copied == Some("oembed") { <p class="copied" role="status">{ m.oembed_copied }</p> }
            <div class="share-row">
                <label for="embed-chart">{ m.embed_chart }</label>
                <select id="embed-chart" onchange={on_chart}>
                    { for ChartId::ALL.iter().map(|c| html! { <option value={c.key()} selected={*c == chart}>{ c.title(state.lang) }</option> }) }
                </select>
                <button type="button" id="copy-image" onclick={on_copy_image}>{ m.copy_image }</button>
                <label class="check"><input type="checkbox" id="embed-listener" checked={*listener} onchange={on_listener} />{ " " }{ m.embed_listener }</label>
            </div>
            if *copied == Some("image") { <p class="copied" role="status">{ m.image_copied }</p> }
            if *copied == Some("image-failed") { <p class="copy-failed" role="alert">{ m.image_not_copied }</p> }
            <div class="share-row">
                <label for="embed-headline">{ m.embed_headline }</label>
                <input type="text" id="embed-headline" class="field wide" maxlength={TITLE_MAX.to_string()} value={(*headline).clone()} oninput={text_input(headline.clone())} />
            </div>
            <div class="share-row">
                <label for="embed-subline">{ m.embed_subline }</label>
                <input type="text" id="embed-subline" class="field wide" maxlength={SUBTITLE_MAX.to_string()} value={(*subline).clone()} oninput={text_input(subline.clone())} />
            </div>
            <fieldset class="embed-figures">
                <legend>{ m.embed_figures }</legend>
                { for Figure::all().map(|f| {
                    let on = figures.contains(&f);
                    html! {
                        <label class="check"><input type="checkbox" data-figure={f.key()} checked={on} disabled={!on && figures.len() >= MAX_KPIS} onchange={on_figure(f)} />
                            { " " }{ crate::results::card_label(state.lang, f, gpu) }</label>
                    }
                }) }
            </fieldset>
            <div class="share-row">
                <label class="check"><input type="checkbox" id="embed-static" checked={*still} onchange={on_still} />{ " " }{ m.embed_static }</label>
            </div>
            if from_file {
                <p class="note" id="embed-from-file" role="note">{ m.embed_from_file }</p>
            } else {
                <label for="embed-code">{ m.embed_code }</label>
                <textarea id="embed-code" class="code" readonly=true rows="7" value={snippet} aria-describedby="embed-help" />
                <p class="help" id="embed-help">{ m.embed_help }</p>
                <button type="button" id="copy-embed" onclick={on_copy_embed}>{ m.copy_embed }</button>
                if *copied == Some("embed") { <p class="copied" role="status">{ m.embed_copied }</p> }
                <button type="button" id="embed-preview" aria-expanded={preview.to_string()} onclick={on_preview}>{ m.embed_preview }</button>
                // Loaded only when asked: each frame runs the whole calculator.
                if *preview {
                    <div class="embed-previews">
                        { for [320u32, 600].into_iter().map(|w| html! {
                            <figure class="embed-preview">
                                <figcaption>{ fill(m.embed_preview_at, &[("width", &w.to_string())]) }</figcaption>
                                <iframe src={embed_url.clone()} title={format!("{title} ({w} px)")} width={w.to_string()} height="600" data-width={w.to_string()} loading="lazy" style="border:1px solid var(--border)"></iframe>
                            </figure>
                        }) }
                    </div>
                }
            }
        </details>
    }
}
