//! One drawing backend for the page: the canvas on screen or the SVG of a
//! download. The chart functions are generic over the backend; drawing both
//! through this enum compiles them once instead of twice (about 100 KB of
//! wasm), at the cost of a match per primitive.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

pub enum AnyBackend<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// A backend's error, as text.
#[derive(Debug)]
pub struct AnyError(pub String);

impl std::fmt::Display for AnyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AnyError {}

fn map<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<AnyError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(AnyError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

type R = Result<(), DrawingErrorKind<AnyError>>;

macro_rules! both {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b) => $call.map_err(map),
            AnyBackend::Svg($b) => $call.map_err(map),
        }
    };
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = AnyError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            AnyBackend::Canvas(b) => b.get_size(),
            AnyBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> R {
        both!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> R {
        both!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> R {
        both!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> R {
        both!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> R {
        both!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> R {
        both!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> R {
        both!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> R {
        both!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> R {
        both!(self, b => b.draw_text(text, style, pos))
    }

    /// Text is measured on an offscreen canvas, for both backends: plotters'
    /// own web measurement appends a `<span>` to the page and reads its size,
    /// which forces a layout of the whole page for every label (18 ms of a
    /// 25 ms input change, measured). The size is the same: the advance
    /// width and the font's ascent plus descent (a span's height).
    ///
    /// An SVG is measured with the tables of the fonts `computedeal chart`
    /// renders with (`charts::metrics`), so the download and the command
    /// line's SVG are the same file for the same view.
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<AnyError>> {
        if let AnyBackend::Svg(_) = self {
            return Ok(computedeal_present::charts::metrics::text_size(text, style.family().as_str(), style.size()));
        }
        match measure_text(text, style) {
            Some(size) => Ok(size),
            None => match self {
                AnyBackend::Canvas(b) => b.estimate_text_size(text, style).map_err(map),
                AnyBackend::Svg(b) => b.estimate_text_size(text, style).map_err(map),
            },
        }
    }
}

thread_local! {
    /// A 2D context of a canvas that is never on the page, for measuring text.
    static MEASURE: Option<web_sys::CanvasRenderingContext2d> = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
}

/// Width and height of `text` in `style`, in pixels, without touching the page's layout.
fn measure_text<T: BackendTextStyle>(text: &str, style: &T) -> Option<(u32, u32)> {
    MEASURE.with(|ctx| {
        let ctx = ctx.as_ref()?;
        ctx.set_font(&format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str()));
        let m = ctx.measure_text(text).ok()?;
        let height = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        Some((m.width().round().max(0.0) as u32, height.round().max(0.0) as u32))
    })
}
