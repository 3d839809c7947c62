//! "Share and embed": the link to this exact view, and the iframe snippet
//! for a blog post (chart, optional five-line height listener), each with a
//! copy button. Everything is built from `view::encode_page`, so the link
//! and the embed open the numbers on screen.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use computedeal_present::charts::ChartId;
use computedeal_present::i18n::{fill, messages, Messages};
use computedeal_present::view::{encode_page, View};

use crate::state::{Action, State};
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

/// A chart's title, for menus.
pub fn chart_title(m: &Messages, c: ChartId) -> &'static str {
    match c {
        ChartId::Deployment => m.t_deployment,
        ChartId::CostStack => m.t_cost,
        ChartId::Pnl => m.t_pnl,
        ChartId::CashFlow => m.t_cashflow,
        ChartId::Histogram => m.t_histogram,
        ChartId::Tornado => m.t_tornado,
        ChartId::Heatmap => m.t_heatmap,
        ChartId::Presets => m.t_presets,
    }
}

/// HTML text: the snippet is shown and copied as text, never inserted as markup.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The iframe snippet, and the listener that sets its height from the embed's messages.
pub fn embed_snippet(src: &str, title: &str, listener: bool) -> String {
    let mut s = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"600\" style=\"border:0;max-width:100%\"></iframe>",
        attr_escape(src),
        attr_escape(title)
    );
    if listener {
        s.push_str(concat!(
            "\n<script>\n",
            "addEventListener(\"message\", function (e) {\n",
            "  if (!e.data || e.data.type !== \"computedeal:height\") return;\n",
            "  document.querySelectorAll(\"iframe\").forEach(function (f) { if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\"; });\n",
            "});\n",
            "</script>"
        ));
    }
    s
}

fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

#[function_component(SharePanel)]
pub fn share_panel(props: &ShareProps) -> Html {
    let state = &props.state;
    let m = messages(state.lang);
    let copied = use_state(|| None::<&'static str>);
    let listener = use_state(|| true);
    let chart = state.view.chart.unwrap_or(ChartId::CashFlow);
    let link = url_of(state, &state.view);
    let embed_view = View { embed: true, chart: Some(chart), compare: None, output: state.view.output, ..state.view.clone() };
    let title = fill(m.embed_title, &[("name", &scenario_name(state.lang, &state.scenario))]);
    let snippet = embed_snippet(&url_of(state, &embed_view), &title, *listener);

    let on_copy_link = {
        let (copied, link) = (copied.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            copy(&link);
            copied.set(Some("link"));
        })
    };
    let on_copy_embed = {
        let (copied, snippet) = (copied.clone(), snippet.clone());
        Callback::from(move |_: MouseEvent| {
            copy(&snippet);
            copied.set(Some("embed"));
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
                <input type="text" id="share-link" class="field wide" readonly=true value={link} onfocus={select_all} />
                <button type="button" id="copy-link" onclick={on_copy_link}>{ m.copy_link }</button>
            </div>
            if *copied == Some("link") { <p class="copied" role="status">{ m.link_copied }</p> }
            <div class="share-row">
                <label for="embed-chart">{ m.embed_chart }</label>
                <select id="embed-chart" onchange={on_chart}>
                    { for ChartId::ALL.iter().map(|c| html! { <option value={c.key()} selected={*c == chart}>{ chart_title(m, *c) }</option> }) }
                </select>
                <label class="check"><input type="checkbox" id="embed-listener" checked={*listener} onchange={on_listener} />{ " " }{ m.embed_listener }</label>
            </div>
            <label for="embed-code">{ m.embed_code }</label>
            <textarea id="embed-code" class="code" readonly=true rows="7" value={snippet} aria-describedby="embed-help" />
            <p class="help" id="embed-help">{ m.embed_help }</p>
            <button type="button" id="copy-embed" onclick={on_copy_embed}>{ m.copy_embed }</button>
            if *copied == Some("embed") { <p class="copied" role="status">{ m.embed_copied }</p> }
        </details>
    }
}
