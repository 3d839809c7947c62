//! Text measured from the advance widths of the fonts `computedeal chart`
//! renders with (`crates/cli/fonts`: DejaVu Sans, and Noto Sans Devanagari
//! for the Hindi charts, whose family names it), so an SVG laid out in the browser
//! and one laid out on the command line place every label alike, byte for
//! byte. The canvas on screen measures with the browser's own fonts
//! instead (`src/backend.rs`). Widths are the sum of the characters'
//! advances (no kerning or shaping: a Devanagari conjunct measures a little
//! wide, which only leaves room to spare); a character the tables lack
//! counts as 0.6 em.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

#[rustfmt::skip]
mod tables {
    include!("metrics_tables.rs");
}

/// Width of a character the tables do not know, in thousandths of an em.
const UNKNOWN: u16 = 600;

/// A character's advance in thousandths of an em, in a family that names
/// the Devanagari font (Hindi: its own Latin letters and digits) or not.
pub fn advance(c: char, devanagari: bool) -> u16 {
    let u = c as u32;
    match u {
        0x20..=0x7E if devanagari => tables::DEVANAGARI_ASCII[(u - 0x20) as usize],
        0x20..=0x7E => tables::ASCII[(u - 0x20) as usize],
        0xA0..=0xFF => tables::LATIN1[(u - 0xA0) as usize],
        0x900..=0x97F => tables::DEVANAGARI[(u - 0x900) as usize],
        // Zero-width joiners and marks that draw nothing.
        0x200B..=0x200D | 0xFEFF => 0,
        0x20B9 if devanagari => tables::DEVANAGARI_RUPEE,
        _ => match tables::OTHER.binary_search_by_key(&c, |(k, _)| *k) {
            Ok(i) => tables::OTHER[i].1,
            Err(_) if c.is_control() => 0,
            Err(_) => UNKNOWN,
        },
    }
}

/// Width and height of `text` in pixels at `size` pixels per em, in a
/// family (its height is the Devanagari font's when the family names it).
pub fn text_size(text: &str, family: &str, size: f64) -> (u32, u32) {
    let devanagari = family.contains("Devanagari");
    let em: u32 = text.chars().map(|c| advance(c, devanagari) as u32).sum();
    let height = if devanagari { tables::DEVANAGARI_HEIGHT } else { tables::LATIN_HEIGHT };
    let px = |thousandths: u32| (thousandths as f64 * size / 1000.0).round().max(0.0) as u32;
    (px(em), px(height as u32))
}

/// A backend that draws with `DB` and measures text with `text_size`: the
/// command line's SVG, so it lays out as the page's SVG download does.
pub struct Measured<DB>(pub DB);

impl<DB: DrawingBackend> DrawingBackend for Measured<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        // No text reaches the image that would make it unreadable (an SVG
        // with U+FFFF or a control character does not parse).
        self.0.draw_text(&crate::html::printable(text), style, pos)
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<DB::ErrorType>> {
        Ok(text_size(&crate::html::printable(text), style.family().as_str(), style.size()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_the_fonts_advances() {
        // DejaVu Sans: "0" advances 1303 of 2048 units = 636 thousandths,
        // a space 651/2048 = 318. "10 0" at 20 px: (636·3 + 318)·20/1000
        // = 44.52 → 45 px; height (1901 + 483)/2048 = 1.164 em → 23 px.
        assert_eq!(text_size("10 0", "sans-serif", 20.0), (45, 23));
        // Noto Sans Devanagari (1000 units per em): क (U+0915) advances
        // 768, the vowel sign ि (U+093F) 259; "कि" at 100 px is 102.7 →
        // 103 px wide, and its height, ascent 896 + descent 408 = 1304
        // thousandths, is 130 px in a family that names the font.
        assert_eq!(advance('क', true), 768);
        assert_eq!(text_size("कि", "cdDevanagari, sans-serif", 100.0), (103, 130));
        // The rupee sign is drawn from the Devanagari font, as the page
        // does; Latin digits in a Hindi chart are the Devanagari font's
        // (551 thousandths, against DejaVu's 636).
        assert_eq!(advance('0', true), 551);
        assert_eq!(advance('0', false), 636);
        assert_eq!(advance('₹', true), 551);
        assert_eq!(advance('₹', false), 636);
        // Nothing, and what draws nothing, measures nothing.
        assert_eq!(text_size("", "sans-serif", 12.0).0, 0);
        assert_eq!(text_size("\u{200d}\u{200c}", "sans-serif", 12.0).0, 0);
        // A character in no table counts as 0.6 em.
        assert_eq!(text_size("\u{4e00}", "sans-serif", 10.0).0, 6);
    }

    #[test]
    fn the_other_table_is_sorted_so_binary_search_finds_every_entry() {
        assert!(tables::OTHER.windows(2).all(|w| w[0].0 < w[1].0));
        for (c, w) in tables::OTHER {
            assert_eq!(advance(c, false), w, "{c:?}");
        }
    }
}
