//! One chart on the page: a `<canvas>` drawn by the core chart function
//! (backing store sized to its CSS size × devicePixelRatio), a readout on
//! hover, a "data" toggle that shows the chart's numbers as a table, and a
//! text summary for screen readers.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::backend::AnyBackend;
use crate::download;
use computedeal_present::charts::{ChartInput, Frame, Meta, Table, Theme, FRAME_EXTRA};
use computedeal_present::format::Fmt;
use computedeal_present::i18n::{fill, messages};

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub input: ChartInput,
    pub title: AttrValue,
    pub description: AttrValue,
    /// A one-sentence summary of what the chart shows, for screen readers.
    pub summary: AttrValue,
    pub dark: bool,
    /// Language, currency and rate of every label.
    pub fmt: Fmt,
    /// For downloaded files' names.
    pub name: AttrValue,
    /// Bumped when the window resizes, so the chart redraws at its new size.
    pub size: u32,
    #[prop_or_default]
    pub controls: Html,
    /// Shown under the chart (the deals' names).
    #[prop_or_default]
    pub footer: Html,
    /// False in a static embed: the chart as drawn, without hover, tap,
    /// downloads, its controls or the table switch.
    #[prop_or(true)]
    pub interactive: bool,
    /// The line under a downloaded image's title (the scenario's name, or
    /// an embed's own title) and its source line.
    #[prop_or_default]
    pub caption: AttrValue,
    #[prop_or_default]
    pub source: AttrValue,
}

fn device_pixel_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0)
}

/// Draws a chart into a canvas at its CSS size × devicePixelRatio.
pub fn draw_into(canvas: &web_sys::HtmlCanvasElement, input: &ChartInput, dark: bool, fmt: Fmt) -> Option<Meta> {
    let dpr = device_pixel_ratio();
    let w = canvas.client_width().max(200) as f64;
    let h = canvas.client_height().max(160) as f64;
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != bw || canvas.height() != bh {
        canvas.set_width(bw);
        canvas.set_height(bh);
    }
    let theme = if dark { Theme::dark(dpr) } else { Theme::light(dpr) }.with_fmt(fmt);
    let backend = AnyBackend::Canvas(CanvasBackend::with_canvas_object(canvas.clone())?);
    let area = backend.into_drawing_area();
    match input.draw(&area, &theme) {
        Ok(meta) => Some(meta),
        Err(e) => {
            web_sys::console::error_1(&format!("chart {}: {e:?}", input.id().key()).into());
            None
        }
    }
}

/// The chart in its frame at `scale` device pixels per CSS pixel, on a
/// canvas of its own (not on the page): the PNG a reader downloads, at 2×
/// for sharp reproduction.
pub fn framed_canvas(input: &ChartInput, css_w: u32, css_h: u32, scale: f64, dark: bool, fmt: Fmt, frame: &Frame) -> Option<web_sys::HtmlCanvasElement> {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((css_w as f64 * scale).round() as u32);
    canvas.set_height(((css_h + FRAME_EXTRA) as f64 * scale).round() as u32);
    let theme = if dark { Theme::dark(scale) } else { Theme::light(scale) }.with_fmt(fmt);
    let area = AnyBackend::Canvas(CanvasBackend::with_canvas_object(canvas.clone())?).into_drawing_area();
    if let Err(e) = input.draw_framed(&area, &theme, frame) {
        web_sys::console::error_1(&format!("chart {} as PNG: {e:?}", input.id().key()).into());
    }
    drop(area);
    Some(canvas)
}

/// The size, in CSS pixels, of a downloaded or copied image of the chart
/// drawn in `canvas`: as on screen, at least 640 × 360.
pub fn image_size(canvas: Option<web_sys::Element>) -> (u32, u32) {
    canvas.map(|c| (c.client_width().max(640) as u32, c.client_height().max(360) as u32)).unwrap_or((960, 540))
}

/// The chart as SVG, drawn by the same function at the canvas's CSS size.
/// With a frame, the image is `FRAME_EXTRA` taller and carries it.
pub fn to_svg(input: &ChartInput, width: u32, height: u32, dark: bool, fmt: Fmt, frame: Option<&Frame>) -> String {
    let theme = if dark { Theme::dark(1.0) } else { Theme::light(1.0) }.with_fmt(fmt);
    let mut svg = String::new();
    {
        let height = if frame.is_some() { height + FRAME_EXTRA } else { height };
        let area = AnyBackend::Svg(SVGBackend::with_string(&mut svg, (width, height))).into_drawing_area();
        let drawn = match frame {
            Some(f) => input.draw_framed(&area, &theme, f),
            None => input.draw(&area, &theme),
        };
        if let Err(e) = drawn {
            web_sys::console::error_1(&format!("chart {} as SVG: {e:?}", input.id().key()).into());
        }
    }
    svg
}

/// Whether any part of an element is inside the viewport.
fn on_screen(el: Option<&web_sys::Element>) -> bool {
    let (Some(el), Some(w)) = (el, web_sys::window()) else { return true };
    let r = el.get_bounding_client_rect();
    let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
    r.bottom() > 0.0 && r.top() < height
}

/// The plot's and the legend's rectangles as drawn, in canvas pixels
/// (`data-plot`, `data-legend`: "x0 y0 x1 y1"), and the top of the highest
/// data where a chart keeps its legend inside the plot (`data-data-top`),
/// so a browser test can check that no legend covers data at any size.
fn report_rects(el: &web_sys::HtmlCanvasElement, m: &Meta) {
    let rect = |r: [f64; 4]| format!("{} {} {} {}", r[0], r[1], r[2], r[3]);
    let _ = el.set_attribute("data-plot", &rect([m.x0, m.y0, m.x1, m.y1]));
    let _ = match m.legend {
        Some(l) => el.set_attribute("data-legend", &rect(l)),
        None => el.remove_attribute("data-legend"),
    };
    let _ = match m.data_top {
        Some(t) => el.set_attribute("data-data-top", &t.to_string()),
        None => el.remove_attribute("data-data-top"),
    };
}

#[function_component(ChartCard)]
pub fn chart_card(props: &ChartProps) -> Html {
    let canvas = use_node_ref();
    let meta = use_mut_ref(Meta::default);
    // The row under the pointer, and the row a tap or click pinned (which
    // holds until the next tap or click).
    let hover = use_state(|| None::<usize>);
    let pinned = use_state(|| None::<usize>);
    let show_table = use_state(|| false);
    let table: Rc<RefCell<Table>> = use_mut_ref(Table::default);
    let key = props.input.id().key();

    {
        let canvas = canvas.clone();
        let meta = meta.clone();
        let table = table.clone();
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with((props.input.clone(), props.dark, props.size, props.fmt), move |(input, dark, _, fmt)| {
            *table.borrow_mut() = input.table(fmt.lang);
            let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() else { return };
            let draw = {
                let (input, dark, meta, fmt) = (input.clone(), *dark, meta.clone(), *fmt);
                move || {
                    if let Some(m) = draw_into(&el, &input, dark, fmt) {
                        report_rects(&el, &m);
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

    let row_at = {
        let meta = meta.clone();
        move |e: &MouseEvent| {
            let dpr = device_pixel_ratio();
            meta.borrow().row_at(e.offset_x() as f64 * dpr, e.offset_y() as f64 * dpr)
        }
    };
    let onmousemove = {
        let (hover, pinned, row_at) = (hover.clone(), pinned.clone(), row_at.clone());
        Callback::from(move |e: MouseEvent| {
            let row = row_at(&e);
            if pinned.is_none() && *hover != row {
                hover.set(row);
            }
        })
    };
    let onmouseleave = {
        let (hover, pinned) = (hover.clone(), pinned.clone());
        Callback::from(move |_: MouseEvent| {
            if pinned.is_none() {
                hover.set(None);
            }
        })
    };
    // A tap (or a click) pins the row under it; a second tap on it, or a tap
    // outside the plot, lets it go.
    let onclick = {
        let (hover, pinned) = (hover.clone(), pinned.clone());
        Callback::from(move |e: MouseEvent| {
            let row = row_at(&e);
            let next = if *pinned == row { None } else { row };
            pinned.set(next);
            hover.set(next);
        })
    };
    // The highlighted band and the readout beside it, in CSS pixels.
    let shown = (*pinned).or(*hover);
    let overlay = shown.and_then(|row| {
        let text = table.borrow().readout(row, &props.fmt)?;
        let dpr = device_pixel_ratio();
        let m = *meta.borrow();
        let [x0, y0, x1, y1] = m.row_rect(row).map(|v| v / dpr);
        let band = format!("left:{x0:.1}px;top:{y0:.1}px;width:{:.1}px;height:{:.1}px", x1 - x0, y1 - y0);
        let (px0, py0, px1, py1) = (m.x0 / dpr, m.y0.min(m.y1) / dpr, m.x1 / dpr, m.y0.max(m.y1) / dpr);
        // Beside the band, on the side with more room.
        let readout = if m.vertical {
            if (y0 + y1) / 2.0 < (py0 + py1) / 2.0 {
                format!("left:{:.1}px;top:{:.1}px", px0 + 4.0, y1 + 4.0)
            } else {
                format!("left:{:.1}px;bottom:calc(100% - {:.1}px)", px0 + 4.0, y0 - 4.0)
            }
        } else if (x0 + x1) / 2.0 < (px0 + px1) / 2.0 {
            format!("left:{:.1}px;top:{:.1}px", x1 + 6.0, py0 + 4.0)
        } else {
            format!("right:calc(100% - {:.1}px);top:{:.1}px", x0 - 6.0, py0 + 4.0)
        };
        Some((band, readout, text))
    });
    let toggle = {
        let show_table = show_table.clone();
        Callback::from(move |_: MouseEvent| show_table.set(!*show_table))
    };
    let fmt = props.fmt;
    let m = messages(fmt.lang);
    let downloads = {
        let (input, canvas, dark) = (props.input.clone(), canvas.clone(), props.dark);
        let stem = props.name.to_string();
        let label = |format: &str| fill(m.download_as, &[("title", &props.title), ("format", format)]);
        // Downloaded images keep their provenance: the chart's title, the
        // scenario, the source line and the address of this view.
        let frame = {
            let (title, caption, source) = (props.title.to_string(), props.caption.to_string(), props.source.to_string());
            move || Frame {
                title: title.clone(),
                subtitle: Some(caption.clone()).filter(|c| !c.is_empty()),
                source: source.clone(),
                url: web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default(),
            }
        };
        let css_size = {
            let canvas = canvas.clone();
            move || image_size(canvas.cast::<web_sys::Element>())
        };
        let png = {
            let (input, stem, frame, css_size) = (input.clone(), stem.clone(), frame.clone(), css_size.clone());
            Callback::from(move |_: MouseEvent| {
                let (w, h) = css_size();
                if let Some(c) = framed_canvas(&input, w, h, 2.0, dark, fmt, &frame()) {
                    download::save_canvas(&c, &download::file_name(&["computedeal", &stem, key], "png"));
                }
            })
        };
        let svg = {
            let (input, stem) = (input.clone(), stem.clone());
            Callback::from(move |_: MouseEvent| {
                let (w, h) = css_size();
                download::save_text(
                    &download::file_name(&["computedeal", &stem, key], "svg"),
                    "image/svg+xml",
                    &to_svg(&input, w, h, dark, fmt, Some(&frame())),
                );
            })
        };
        let csv = Callback::from(move |_: MouseEvent| {
            download::save_text(&download::file_name(&["computedeal", &stem, key], "csv"), "text/csv;charset=utf-8", &input.table(fmt.lang).to_csv());
        });
        html! {
            <span class="downloads" role="group" aria-label={m.download}>
                <button type="button" class="dl" data-download="png" aria-label={label("PNG")} title={label("PNG")} onclick={png}>{ "PNG" }</button>
                <button type="button" class="dl" data-download="svg" aria-label={label("SVG")} title={label("SVG")} onclick={svg}>{ "SVG" }</button>
                <button type="button" class="dl" data-download="csv" aria-label={label("CSV")} title={label("CSV")} onclick={csv}>{ "CSV" }</button>
            </span>
        }
    };
    // The table is built only when it is shown.
    let data = if *show_table { props.input.table(fmt.lang) } else { Table::default() };
    html! {
        <figure class="chart-card" id={format!("chart-{key}")} data-chart={key}>
            <figcaption>
                <div class="chart-head">
                    <h3>{ props.title.clone() }</h3>
                    if props.interactive {
                        <div class="chart-controls">
                            { props.controls.clone() }
                            { downloads }
                            <button type="button" class="toggle" aria-pressed={show_table.to_string()} aria-controls={format!("table-{key}")} onclick={toggle}>
                                { if *show_table { m.chart } else { m.data } }
                            </button>
                        </div>
                    }
                </div>
                <p class="chart-desc">{ props.description.clone() }</p>
            </figcaption>
            <div class="canvas-wrap" hidden={*show_table}>
                if props.interactive {
                    <canvas ref={canvas} class="chart" role="img" aria-label={format!("{}. {}", props.title, props.summary)} {onmousemove} {onmouseleave} {onclick}></canvas>
                } else {
                    <canvas ref={canvas} class="chart" role="img" aria-label={format!("{}. {}", props.title, props.summary)}></canvas>
                }
                if let Some((band, readout, text)) = overlay {
                    <div class={classes!("hover-band", pinned.is_some().then_some("pinned"))} style={band} aria-hidden="true"></div>
                    <div class="readout" style={readout} aria-hidden="true">{ text }</div>
                }
            </div>
            { props.footer.clone() }
            <p class="sr-only">{ props.summary.clone() }</p>
            // Always on the page (empty while hidden), so the toggle's aria-controls points at it.
            // A region a keyboard can focus: on a phone the table scrolls sideways inside it.
            <div class="table-wrap" id={format!("table-{key}")} hidden={!*show_table} tabindex="0" role="region" aria-label={fill(m.data_of, &[("title", &props.title)])}>
                if *show_table {
                    <table class="data">
                        <caption class="sr-only">{ fill(m.data_of, &[("title", &props.title)]) }</caption>
                        <thead><tr>
                            <th scope="col">{ data.label.clone() }</th>
                            { for data.columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for data.rows.iter().map(|(label, values)| html! {
                                <tr>
                                    <th scope="row">{ label.clone() }</th>
                                    { for values.iter().zip(&data.units).map(|(v, u)| html! {
                                        <td data-value={v.is_finite().then(|| v.to_string())}>{ if v.is_finite() { fmt.value(*v, *u) } else { "–".to_string() } }</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </div>
        </figure>
    }
}
