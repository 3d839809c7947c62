//! What every chart shares: the `Theme` (light and dark, Okabe–Ito
//! colours, scaled by devicePixelRatio), the `Table` of a chart's numbers,
//! the `Meta` that maps a hover back to a row, and small drawing helpers.

use plotters::prelude::*;
use plotters::style::RGBColor;

use computedeal_core::outputs::Unit;

use crate::format::Fmt;
use crate::i18n::Messages;

/// Colours and sizes. The series colours are the Okabe–Ito palette, which
/// stays distinct for the common kinds of colour blindness.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    /// Language, currency and rate for every label and number.
    pub fmt: Fmt,
    /// Device pixels per CSS pixel: text and lines scale with it.
    pub scale: f64,
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub series: [RGBColor; 7],
    pub loss: RGBColor,
    pub gain: RGBColor,
}

impl Theme {
    pub fn light(scale: f64) -> Theme {
        Theme {
            dark: false,
            fmt: Fmt::default(),
            scale,
            background: RGBColor(255, 255, 255),
            text: RGBColor(27, 31, 36),
            muted: RGBColor(87, 96, 106),
            grid: RGBColor(222, 226, 230),
            // Okabe–Ito: blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow.
            series: [
                RGBColor(0, 114, 178),
                RGBColor(230, 159, 0),
                RGBColor(0, 158, 115),
                RGBColor(204, 121, 167),
                RGBColor(86, 180, 233),
                RGBColor(213, 94, 0),
                RGBColor(240, 228, 66),
            ],
            loss: RGBColor(213, 94, 0),
            gain: RGBColor(0, 114, 178),
        }
    }

    pub fn dark(scale: f64) -> Theme {
        Theme {
            dark: true,
            fmt: Fmt::default(),
            scale,
            background: RGBColor(15, 20, 25),
            text: RGBColor(230, 237, 243),
            muted: RGBColor(157, 167, 179),
            grid: RGBColor(48, 56, 66),
            series: [
                RGBColor(86, 180, 233),
                RGBColor(230, 159, 0),
                RGBColor(0, 190, 140),
                RGBColor(224, 150, 190),
                RGBColor(150, 210, 245),
                RGBColor(240, 120, 40),
                RGBColor(240, 228, 66),
            ],
            loss: RGBColor(240, 120, 40),
            gain: RGBColor(86, 180, 233),
        }
    }

    /// The same theme in another language and currency.
    pub fn with_fmt(mut self, fmt: Fmt) -> Theme {
        self.fmt = fmt;
        self
    }

    /// The message catalogue of the theme's language.
    pub fn m(&self) -> &'static Messages {
        crate::i18n::messages(self.fmt.lang)
    }

    /// A money axis's title: "USD per year", "INR प्रति वर्ष".
    pub fn money_desc(&self, what: &str) -> String {
        format!("{} {what}", self.fmt.currency.code())
    }

    /// Room for a y axis's labels and its title, from the widest label of
    /// values like the axis's (rupees in crore take more than "$25B").
    pub fn y_label_area(&self, samples: &[f64], unit: Unit) -> u32 {
        let widest = samples.iter().map(|v| self.fmt.axis(*v, unit).chars().count()).max().unwrap_or(4);
        self.px((widest as f64 * 6.2 + 26.0).max(52.0))
    }

    /// A length in CSS pixels, in backend pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// The charts' font family: in Hindi the page's own Devanagari font
    /// first (`static/fonts`), so no system without one shows boxes.
    fn family(&self) -> &'static str {
        match self.fmt.lang {
            crate::i18n::Lang::Hi => "cdDevanagari, sans-serif",
            _ => "sans-serif",
        }
    }

    pub fn font(&self, css: f64) -> TextStyle<'static> {
        (self.family(), css * self.scale).into_font().color(&self.text)
    }

    pub fn muted_font(&self, css: f64) -> TextStyle<'static> {
        (self.family(), css * self.scale).into_font().color(&self.muted)
    }

    /// How many axis labels fit along `pixels` backend pixels (one per ~85 CSS px).
    /// How many value labels like `samples` fit along `pixels` backend
    /// pixels without touching: long rupee labels ("₹40,000 करोड़") need
    /// more room than the 85 px `label_count` allows each.
    pub fn label_count_for(&self, pixels: u32, samples: &[String], at_most: usize) -> usize {
        let widest = samples.iter().map(|s| s.chars().count()).max().unwrap_or(4) as f64;
        let each = widest * 6.6 + 18.0;
        ((pixels as f64 / self.scale / each) as usize).clamp(2, at_most.max(2))
    }

    pub fn label_count(&self, pixels: u32, at_most: usize) -> usize {
        ((pixels as f64 / self.scale / 85.0) as usize).clamp(2, at_most.max(2))
    }

    /// Legend text: smaller on a narrow chart, where the legend would hide the data.
    pub fn legend_font(&self, area_pixels: u32) -> TextStyle<'static> {
        self.font(self.legend_css(area_pixels))
    }

    /// A chart narrower than 520 CSS px (a phone): every legend goes above the plot.
    pub fn narrow(&self, area_pixels: u32) -> bool {
        (area_pixels as f64 / self.scale) < 520.0
    }

    fn legend_css(&self, area_pixels: u32) -> f64 {
        if self.narrow(area_pixels) {
            9.0
        } else {
            10.5
        }
    }

    /// The top of a value axis that keeps data below a legend of `entries`
    /// rows in an upper corner (0 when the legend is above the plot): `top` is the data's largest value, `area` the
    /// chart's size in backend pixels, `reserved` the pixels outside the plot
    /// (label areas and margins). At most four times `top`, so a very short
    /// chart stays readable (its legend may then touch the highest bar).
    pub fn top_below_legend(&self, top: f64, entries: usize, area: (u32, u32), reserved: u32) -> f64 {
        let css = self.legend_css(area.0);
        // As `draw_legend` lays it out: rows of the font's height (at least
        // 12 px) plus 3, 5 px of padding each side, 10 px from the plot's
        // edge; and 6 px of air below it.
        let rows = (css * 1.25).max(12.0) + 3.0;
        let legend = self.px(entries as f64 * rows + 10.0 + 10.0 + 6.0) as f64;
        let plot = area.1.saturating_sub(reserved).max(1) as f64;
        let free = (1.0 - legend / plot).max(0.25);
        nice_ceiling(top / free)
    }
}

/// A chart's numbers, as the "data" toggle and the CSV download show them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// What the row labels are ("quarter", "year", ...).
    pub label: String,
    pub columns: Vec<String>,
    /// The unit of each column, for formatting.
    pub units: Vec<Unit>,
    /// Each row: a label (a quarter, a year, a bin ...) and one value per column.
    pub rows: Vec<(String, Vec<f64>)>,
}

impl Table {
    pub fn new(label: &str, columns: &[(&str, Unit)]) -> Table {
        Table {
            label: label.to_string(),
            columns: columns.iter().map(|c| c.0.to_string()).collect(),
            units: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
        }
    }

    /// A row as a readout: "2026Q3: accelerators online 160,000 · facility MW 441 MW".
    pub fn readout(&self, row: usize, fmt: &Fmt) -> Option<String> {
        let (label, values) = self.rows.get(row)?;
        let parts: Vec<String> = self
            .columns
            .iter()
            .zip(values)
            .zip(&self.units)
            .filter(|((_, v), _)| v.is_finite())
            .map(|((c, v), u)| format!("{c} {}", fmt.value(*v, *u)))
            .collect();
        Some(format!("{label}: {}", parts.join(" · ")))
    }

    /// The table with its money columns in the display currency (`k` per
    /// USD), for drawing on axes whose ticks are round in that currency.
    pub fn in_currency(&self, k: f64) -> Table {
        let mut t = self.clone();
        for (_, values) in &mut t.rows {
            for (v, u) in values.iter_mut().zip(&self.units) {
                if u.is_money() {
                    *v *= k;
                }
            }
        }
        t
    }

    /// CSV with a header; labels quoted, numbers in full precision.
    pub fn to_csv(&self) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut out = String::new();
        out.push_str(&quote(&self.label));
        for c in &self.columns {
            out.push(',');
            out.push_str(&quote(c));
        }
        out.push('\n');
        for (label, values) in &self.rows {
            out.push_str(&quote(label));
            for v in values {
                out.push(',');
                if v.is_finite() {
                    out.push_str(&format!("{v}"));
                }
            }
            out.push('\n');
        }
        out
    }
}

/// Where a chart's rows are on screen, for hover readouts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Meta {
    /// The plot area in backend pixels: x from `x0` to `x1`, y from `y0` to `y1`.
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    /// Rows of the table laid out along the axis.
    pub rows: usize,
    /// True when rows run down the y axis (the tornado); else along x.
    pub vertical: bool,
    /// The legend's box, `[x0, y0, x1, y1]` in backend pixels, when drawn.
    pub legend: Option<[f64; 4]>,
    /// Where the highest plotted data (or its labels) reaches, in backend
    /// pixels from the top, for charts that keep data below their legend.
    pub data_top: Option<f64>,
}

impl Meta {
    pub fn from_area<DB: DrawingBackend, CT: plotters::coord::CoordTranslate>(area: &DrawingArea<DB, CT>, rows: usize, vertical: bool) -> Meta {
        let (xr, yr) = area.get_pixel_range();
        Meta { x0: xr.start as f64, x1: xr.end as f64, y0: yr.start as f64, y1: yr.end as f64, rows, vertical, legend: None, data_top: None }
    }

    /// The box of table row `row` in backend pixels, `[x0, y0, x1, y1]`: the
    /// band a hover highlights (`row_at` of any point inside it is `row`).
    pub fn row_rect(&self, row: usize) -> [f64; 4] {
        let n = self.rows.max(1) as f64;
        let (a, b) = (row as f64 / n, (row as f64 + 1.0) / n);
        if self.vertical {
            let (ya, yb) = (self.y0 + a * (self.y1 - self.y0), self.y0 + b * (self.y1 - self.y0));
            [self.x0, ya.min(yb), self.x1, ya.max(yb)]
        } else {
            [self.x0 + a * (self.x1 - self.x0), self.y0.min(self.y1), self.x0 + b * (self.x1 - self.x0), self.y0.max(self.y1)]
        }
    }

    /// With the legend's box and the highest data at `top_fraction` of the
    /// plot's height (1 = its top edge).
    pub fn with_legend(self, legend: Option<[f64; 4]>, top_fraction: f64) -> Meta {
        Meta { legend, data_top: Some(self.y0 + (1.0 - top_fraction) * (self.y1 - self.y0)), ..self }
    }

    /// The table row under a point in backend pixels, if any.
    pub fn row_at(&self, x: f64, y: f64) -> Option<usize> {
        if self.rows == 0 || x < self.x0 || x > self.x1 || y < self.y0 || y > self.y1 {
            return None;
        }
        let f = if self.vertical { (y - self.y0) / (self.y1 - self.y0) } else { (x - self.x0) / (self.x1 - self.x0) };
        Some(((f * self.rows as f64) as usize).min(self.rows - 1))
    }
}

pub type DrawResult<DB> = Result<Meta, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// How a legend entry is marked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// A filled square (a bar or an area).
    Swatch(RGBAColor),
    /// A short horizontal line of this width in CSS pixels (a series).
    Line(RGBAColor, f64),
    /// A short vertical line (a marker such as the payback).
    Tick(RGBAColor),
    /// A ring (a point).
    Ring(RGBAColor),
}

/// A chart's legend: its entries, drawn by `draw_legend`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    pub entries: Vec<(String, Mark)>,
}

impl Legend {
    pub fn add(&mut self, label: impl Into<String>, mark: Mark) {
        self.entries.push((label.into(), mark));
    }
}

/// Where in the plot area the legend sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    UpperLeft,
    UpperRight,
    LowerRight,
}

/// Draws the legend in a corner of the plot area, in the theme's colours,
/// sized for the chart's width. Text is measured through the backend (the
/// page measures it on an offscreen canvas, without laying out the page;
/// plotters' own legend measures every label in the document).
pub fn draw_legend<DB: DrawingBackend>(
    plot: &DrawingArea<DB, plotters::coord::Shift>,
    theme: &Theme,
    legend: &Legend,
    corner: Corner,
    area_pixels: u32,
) -> Result<Option<[f64; 4]>, DrawingAreaErrorKind<DB::ErrorType>> {
    if legend.entries.is_empty() {
        return Ok(None);
    }
    let font = theme.legend_font(area_pixels);
    let px = |css: f64| theme.px(css) as i32;
    let sizes: Vec<(u32, u32)> = legend.entries.iter().map(|(label, _)| plot.estimate_text_size(label, &font)).collect::<Result<_, _>>()?;
    let (margin, pad, mark_w, gap) = (px(10.0), px(5.0), px(12.0), px(6.0));
    let row_h = sizes.iter().map(|s| s.1 as i32).max().unwrap_or(0).max(px(12.0)) + px(3.0);
    let text_w = sizes.iter().map(|s| s.0 as i32).max().unwrap_or(0);
    let (box_w, box_h) = (pad + mark_w + gap + text_w + pad, 2 * pad + row_h * legend.entries.len() as i32);
    let (w, h) = plot.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (x0, y0) = match corner {
        Corner::UpperLeft => (margin, margin),
        Corner::UpperRight => (w - margin - box_w, margin),
        Corner::LowerRight => (w - margin - box_w, h - margin - box_h),
    };
    plot.draw(&Rectangle::new([(x0, y0), (x0 + box_w, y0 + box_h)], theme.background.mix(0.85).filled()))?;
    plot.draw(&Rectangle::new([(x0, y0), (x0 + box_w, y0 + box_h)], theme.grid))?;
    let text_style = font.pos(plotters::style::text_anchor::Pos::new(plotters::style::text_anchor::HPos::Left, plotters::style::text_anchor::VPos::Center));
    for (k, (label, mark)) in legend.entries.iter().enumerate() {
        let (x, y) = (x0 + pad, y0 + pad + row_h * k as i32 + row_h / 2);
        draw_mark(plot, theme, *mark, x, y)?;
        plot.draw(&Text::new(label.clone(), (x + mark_w + gap, y), text_style.clone()))?;
    }
    // The box in the whole chart's pixels.
    let (xr, yr) = plot.get_pixel_range();
    let (ox, oy) = (xr.start as f64, yr.start as f64);
    Ok(Some([ox + x0 as f64, oy + y0 as f64, ox + (x0 + box_w) as f64, oy + (y0 + box_h) as f64]))
}

/// One legend entry's mark, 12 CSS px wide, centred on `y`.
fn draw_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    theme: &Theme,
    mark: Mark,
    x: i32,
    y: i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |css: f64| theme.px(css) as i32;
    match mark {
        Mark::Swatch(c) => area.draw(&Rectangle::new([(x, y - px(5.0)), (x + px(10.0), y + px(5.0))], c.filled())),
        Mark::Line(c, width) => area.draw(&PathElement::new(vec![(x, y), (x + px(12.0), y)], c.stroke_width(theme.px(width)))),
        Mark::Tick(c) => area.draw(&PathElement::new(vec![(x + px(5.0), y - px(6.0)), (x + px(5.0), y + px(6.0))], c.stroke_width(theme.px(2.0)))),
        Mark::Ring(c) => area.draw(&Circle::new((x + px(5.0), y), theme.px(4.0), c.stroke_width(theme.px(2.0)))),
    }
}

/// The area below a legend laid out in rows above the plot, across the
/// chart's width, and the legend's box: the strip is measured before the
/// chart is built, so the plot takes the rest and no entry covers data.
#[allow(clippy::type_complexity)]
pub fn legend_above<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    theme: &Theme,
    legend: &Legend,
) -> Result<(DrawingArea<DB, plotters::coord::Shift>, Option<[f64; 4]>), DrawingAreaErrorKind<DB::ErrorType>> {
    if legend.entries.is_empty() {
        return Ok((area.clone(), None));
    }
    let (w, _) = area.dim_in_pixel();
    let font = theme.legend_font(w);
    let px = |css: f64| theme.px(css) as i32;
    let sizes: Vec<(u32, u32)> = legend.entries.iter().map(|(label, _)| area.estimate_text_size(label, &font)).collect::<Result<_, _>>()?;
    let (margin, pad, mark_w, gap, space) = (px(8.0), px(4.0), px(12.0), px(5.0), px(14.0));
    let row_h = sizes.iter().map(|s| s.1 as i32).max().unwrap_or(0).max(px(12.0)) + px(4.0);
    // Entries left to right, a new row when the next one does not fit.
    let mut places = Vec::with_capacity(sizes.len());
    let (mut x, mut row) = (margin, 0);
    for s in &sizes {
        let entry = mark_w + gap + s.0 as i32;
        if x > margin && x + entry > w as i32 - margin {
            x = margin;
            row += 1;
        }
        places.push((x, pad + row * row_h + row_h / 2));
        x += entry + space;
    }
    let height = (2 * pad + (row + 1) * row_h) as u32;
    let (strip, rest) = area.split_vertically(height);
    let text_style = font.pos(plotters::style::text_anchor::Pos::new(plotters::style::text_anchor::HPos::Left, plotters::style::text_anchor::VPos::Center));
    for ((label, mark), (x, y)) in legend.entries.iter().zip(places) {
        draw_mark(&strip, theme, *mark, x, y)?;
        strip.draw(&Text::new(label.clone(), (x + mark_w + gap, y), text_style.clone()))?;
    }
    let (xr, yr) = strip.get_pixel_range();
    Ok((rest, Some([xr.start as f64, yr.start as f64, xr.end as f64, yr.end as f64])))
}

/// Where a chart's legend went: `plot` is the area left for the chart.
pub struct Placed<DB: DrawingBackend> {
    pub plot: DrawingArea<DB, plotters::coord::Shift>,
    /// The legend's box when it was drawn above the plot.
    pub above: Option<[f64; 4]>,
    /// Rows of legend the chart must keep its data below (0 when above).
    pub rows_inside: usize,
}

/// Places a chart's legend: in an upper corner of the plot on a wide chart
/// that keeps room for it (`inside`), else in rows above the plot, always
/// on a narrow one (a phone), where a corner box would cover the data.
pub fn place_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    theme: &Theme,
    legend: &Legend,
    inside: bool,
) -> Result<Placed<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    if inside && !theme.narrow(area.dim_in_pixel().0) {
        return Ok(Placed { plot: area.clone(), above: None, rows_inside: legend.entries.len() });
    }
    let (plot, above) = legend_above(area, theme, legend)?;
    Ok(Placed { plot, above, rows_inside: 0 })
}

/// Lines of `text` no wider than `width` backend pixels, broken at spaces
/// (and inside a word, such as a URL, that is wider on its own).
pub fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    style: &TextStyle,
    width: u32,
) -> Result<Vec<String>, DrawingAreaErrorKind<DB::ErrorType>> {
    let fits = |s: &str| area.estimate_text_size(s, style).map(|(w, _)| w <= width);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fits(&candidate)? {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line on its own is cut where it must be.
        for c in word.chars() {
            let next = format!("{line}{c}");
            if !line.is_empty() && !fits(&next)? {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// A panel that says, in the chart's place, why there is no chart (yet):
/// centred, wrapped to the width.
pub fn draw_message<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, theme: &Theme, text: &str) -> DrawResult<DB> {
    area.fill(&theme.background)?;
    let (w, h) = area.dim_in_pixel();
    let style = theme
        .muted_font(14.0)
        .pos(plotters::style::text_anchor::Pos::new(plotters::style::text_anchor::HPos::Center, plotters::style::text_anchor::VPos::Center));
    let lines = wrap(area, text, &style, w.saturating_sub(2 * theme.px(12.0)).max(1))?;
    let step = theme.px(14.0 * 1.35) as i32;
    let top = h as i32 / 2 - step * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        area.draw(&Text::new(line.clone(), ((w / 2) as i32, top + step * i as i32), style.clone()))?;
    }
    area.present()?;
    Ok(Meta::default())
}

/// A tidy upper bound for an axis (1, 2 or 5 times a power of ten).
pub fn nice_ceiling(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if v <= m * p {
            return m * p;
        }
    }
    10.0 * p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_map_back_from_pixels() {
        let m = Meta { x0: 100.0, x1: 500.0, y0: 10.0, y1: 210.0, rows: 4, vertical: false, legend: None, data_top: None };
        assert_eq!(m.row_at(100.0, 50.0), Some(0));
        assert_eq!(m.row_at(350.0, 50.0), Some(2));
        assert_eq!(m.row_at(500.0, 50.0), Some(3));
        assert_eq!(m.row_at(99.0, 50.0), None);
        let v = Meta { vertical: true, ..m };
        assert_eq!(v.row_at(300.0, 209.0), Some(3));
    }

    #[test]
    fn csv_quotes_labels_and_leaves_undefined_cells_empty() {
        let mut t = Table::new("quarter", &[("a", Unit::Count), ("b \"x\"", Unit::Usd)]);
        t.rows.push(("2025Q4".into(), vec![1.5, f64::NAN]));
        assert_eq!(t.to_csv(), "\"quarter\",\"a\",\"b \"\"x\"\"\"\n\"2025Q4\",1.5,\n");
        assert_eq!(t.readout(0, &Fmt::default()).as_deref(), Some("2025Q4: a 2"));
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(7.0), 8.0);
        assert_eq!(nice_ceiling(213_000.0), 250_000.0);
        assert_eq!(nice_ceiling(1.0), 1.0);
    }
}
