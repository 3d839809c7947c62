//! One chart on the page: a `<canvas>` drawn by the core chart function
//! (backing store sized to its CSS size × devicePixelRatio), a readout on
//! hover, a "data" toggle that shows the chart's numbers as a table, and a
//! text summary for screen readers.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::charts::{ChartInput, Meta, Table, Theme};
use crate::format::value;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub input: ChartInput,
    pub title: AttrValue,
    pub description: AttrValue,
    /// A one-sentence summary of what the chart shows, for screen readers.
    pub summary: AttrValue,
    pub dark: bool,
    /// Bumped when the window resizes, so the chart redraws at its new size.
    pub size: u32,
    #[prop_or_default]
    pub controls: Html,
    /// Shown under the chart (the deals' names).
    #[prop_or_default]
    pub footer: Html,
}

fn device_pixel_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0)
}

/// Draws a chart into a canvas at its CSS size × devicePixelRatio.
pub fn draw_into(canvas: &web_sys::HtmlCanvasElement, input: &ChartInput, dark: bool) -> Option<Meta> {
    let dpr = device_pixel_ratio();
    let w = canvas.client_width().max(200) as f64;
    let h = canvas.client_height().max(160) as f64;
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != bw || canvas.height() != bh {
        canvas.set_width(bw);
        canvas.set_height(bh);
    }
    let theme = if dark { Theme::dark(dpr) } else { Theme::light(dpr) };
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let area = backend.into_drawing_area();
    match input.draw(&area, &theme) {
        Ok(meta) => Some(meta),
        Err(e) => {
            web_sys::console::error_1(&format!("chart {}: {e:?}", input.id().key()).into());
            None
        }
    }
}

/// Whether any part of an element is inside the viewport.
fn on_screen(el: Option<&web_sys::Element>) -> bool {
    let (Some(el), Some(w)) = (el, web_sys::window()) else { return true };
    let r = el.get_bounding_client_rect();
    let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
    r.bottom() > 0.0 && r.top() < height
}

#[function_component(ChartCard)]
pub fn chart_card(props: &ChartProps) -> Html {
    let canvas = use_node_ref();
    let meta = use_mut_ref(Meta::default);
    let readout = use_state(|| None::<String>);
    let show_table = use_state(|| false);
    let table: Rc<RefCell<Table>> = use_mut_ref(Table::default);
    let key = props.input.id().key();

    {
        let canvas = canvas.clone();
        let meta = meta.clone();
        let table = table.clone();
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with((props.input.clone(), props.dark, props.size), move |(input, dark, _)| {
            *table.borrow_mut() = input.table();
            let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() else { return };
            let draw = {
                let (input, dark, meta) = (input.clone(), *dark, meta.clone());
                move || {
                    if let Some(m) = draw_into(&el, &input, dark) {
                        *meta.borrow_mut() = m;
                    }
                }
            };
            // Charts on screen are drawn in this frame; the others just after
            // it, so one input change costs one frame for what the reader sees.
            if on_screen(canvas.cast::<web_sys::Element>().as_ref()) {
                *pending.borrow_mut() = None;
                draw();
            } else {
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, draw));
            }
        });
    }

    let onmousemove = {
        let meta = meta.clone();
        let readout = readout.clone();
        let table = table.clone();
        Callback::from(move |e: MouseEvent| {
            let dpr = device_pixel_ratio();
            let row = meta.borrow().row_at(e.offset_x() as f64 * dpr, e.offset_y() as f64 * dpr);
            let text = row.and_then(|r| table.borrow().readout(r));
            if *readout != text {
                readout.set(text);
            }
        })
    };
    let onmouseleave = {
        let readout = readout.clone();
        Callback::from(move |_: MouseEvent| readout.set(None))
    };
    let toggle = {
        let show_table = show_table.clone();
        Callback::from(move |_: MouseEvent| show_table.set(!*show_table))
    };
    // The table is built only when it is shown.
    let data = if *show_table { props.input.table() } else { Table::default() };
    html! {
        <figure class="chart-card" id={format!("chart-{key}")} data-chart={key}>
            <figcaption>
                <div class="chart-head">
                    <h3>{ props.title.clone() }</h3>
                    <div class="chart-controls">
                        { props.controls.clone() }
                        <button type="button" class="toggle" aria-pressed={show_table.to_string()} aria-controls={format!("table-{key}")} onclick={toggle}>
                            { if *show_table { "chart" } else { "data" } }
                        </button>
                    </div>
                </div>
                <p class="chart-desc">{ props.description.clone() }</p>
            </figcaption>
            <div class="canvas-wrap" hidden={*show_table}>
                <canvas ref={canvas} class="chart" role="img" aria-label={format!("{}. {}", props.title, props.summary)} {onmousemove} {onmouseleave}></canvas>
                <div class="readout" aria-hidden="true" hidden={readout.is_none()}>{ (*readout).clone().unwrap_or_default() }</div>
            </div>
            { props.footer.clone() }
            <p class="sr-only">{ props.summary.clone() }</p>
            if *show_table {
                <div class="table-wrap" id={format!("table-{key}")}>
                    <table class="data">
                        <caption class="sr-only">{ format!("Data of the chart: {}", props.title) }</caption>
                        <thead><tr>
                            <th scope="col">{ data.label.clone() }</th>
                            { for data.columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for data.rows.iter().map(|(label, values)| html! {
                                <tr>
                                    <th scope="row">{ label.clone() }</th>
                                    { for values.iter().zip(&data.units).map(|(v, u)| html! {
                                        <td data-value={v.is_finite().then(|| v.to_string())}>{ if v.is_finite() { value(*v, *u) } else { "–".to_string() } }</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </figure>
    }
}
