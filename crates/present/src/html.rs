//! HTML as text: escaping, and the iframe snippet that embeds a view. The
//! share panel shows and copies the snippet as text; `computedeal site`
//! writes it into the oEmbed documents and escapes the static pages' words.

use computedeal_core::presets::PresetId;

/// Text made safe inside an element or a double-quoted attribute.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A character no page or image can carry: a control character (C0, DEL,
/// C1) or a Unicode non-character (U+FDD0–U+FDEF, and U+FFFE and U+FFFF in
/// every plane), which XML 1.0 forbids or discourages: an SVG holding one
/// does not parse.
pub fn unprintable(c: char) -> bool {
    c.is_control() || ('\u{FDD0}'..='\u{FDEF}').contains(&c) || (c as u32 & 0xFFFE) == 0xFFFE
}

/// The text without its unprintable characters (borrowed when it has none).
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(unprintable) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !unprintable(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The file of a preset's own page, which `computedeal site` writes beside
/// `index.html` (and which, offline, the service worker answers with the
/// calculator's page: `preset_of_page` then names the deal).
pub fn deal_page(preset: PresetId) -> String {
    format!("deal-{}.html", preset.key())
}

/// The file of a preset's oEmbed document.
pub fn deal_oembed(preset: PresetId) -> String {
    format!("deal-{}.oembed.json", preset.key())
}

/// The preset whose page an address's path names (`…/deal-<preset>.html`),
/// if any.
pub fn preset_of_page(path: &str) -> Option<PresetId> {
    let file = path.rsplit('/').next()?;
    PresetId::ALL.iter().copied().find(|p| deal_page(*p) == file)
}

/// The height an embed's frame starts at (every embed view fits it from
/// 320 px wide; its height message then fits the frame to the content).
pub const EMBED_HEIGHT: u32 = 600;

/// The iframe snippet, and (with `listener`) the script that sets its
/// height from the embed's messages.
pub fn embed_snippet(src: &str, title: &str, listener: bool) -> String {
    let mut s = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{EMBED_HEIGHT}\" style=\"border:0;max-width:100%\"></iframe>",
        escape(src),
        escape(title)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(escape("<b title=\"x\">A & B</b>"), "&lt;b title=&quot;x&quot;&gt;A &amp; B&lt;/b&gt;");
        let s = embed_snippet("https://x.test/?a=1&b=\"2\"", "</iframe><script>", false);
        assert!(s.starts_with("<iframe src=\"https://x.test/?a=1&amp;b=&quot;2&quot;\" title=\"&lt;/iframe&gt;&lt;script&gt;\""), "{s}");
        assert_eq!(s.matches("<iframe").count(), 1);
        assert!(!s.contains("<script>"));
        assert!(embed_snippet("a", "b", true).contains("computedeal:height"));
    }

    #[test]
    fn a_deal_page_names_its_preset_and_nothing_else_does() {
        for p in PresetId::ALL {
            assert_eq!(preset_of_page(&format!("/news/calc/{}", deal_page(p))), Some(p));
            assert_eq!(preset_of_page(&deal_page(p)), Some(p));
        }
        assert_eq!(deal_page(PresetId::ALL[0]), format!("deal-{}.html", PresetId::ALL[0].key()));
        // The calculator, a downloaded single file, an unknown deal, a folder.
        for path in ["/", "", "/index.html", "/computedeal-india-1gw.html", "/deal-nope.html", "/deal-india-1gw.html/", "/deal-india-1gw.htm"] {
            assert_eq!(preset_of_page(path), None, "{path}");
        }
    }
}
