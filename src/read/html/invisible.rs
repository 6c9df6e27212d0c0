//! Characters a page uses for layout only and a reader never sees: the soft
//! hyphen (U+00AD, a break opportunity), the zero-width space, the word
//! joiner and a stray byte-order mark. They leave every text field of the
//! article, so that "Mat\u{ad}thi\u{ad}as" is found, compared and printed
//! as "Matthias". Joiners that shape letters (ZWJ, ZWNJ: emoji, Persian,
//! Indic scripts) and the marks that set text direction stay; so does code,
//! which is kept as written.

use crate::model::{Article, Block, Inline};

/// Whether a character is one the article's text drops.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    )
}

/// Whether a text holds an invisible character, found by the lead bytes of
/// their encodings (`C2`, `E2`, `EF`) rather than by decoding every
/// character: most text holds none.
fn has_invisible(text: &str) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, text.as_bytes())
        .any(|i| text[i..].chars().next().is_some_and(is_invisible))
}

/// Removes the invisible characters from every text field of an article
/// but code.
pub fn strip(article: &mut Article) {
    line(&mut article.headline);
    for field in [
        &mut article.kicker,
        &mut article.subtitle,
        &mut article.byline,
        &mut article.site_name,
        &mut article.description,
    ] {
        optional(field);
    }
    for list in [&mut article.authors, &mut article.tags] {
        list.iter_mut().for_each(line);
        list.retain(|t| !t.is_empty());
    }
    for block in &mut article.blocks {
        match block {
            Block::Paragraph { text, inlines } => {
                line(text);
                inlines.iter_mut().flatten().for_each(inline);
            }
            Block::Heading { text, .. } | Block::Rule { text } => line(text),
            Block::Quote { text, cite } => {
                line(text);
                optional(cite);
            }
            Block::List {
                text,
                items,
                item_inlines,
                ..
            } => {
                line(text);
                items.iter_mut().for_each(line);
                item_inlines.iter_mut().flatten().flatten().for_each(inline);
            }
            Block::Image {
                text, alt, caption, ..
            } => {
                line(text);
                line(alt);
                optional(caption);
            }
            Block::Table { text, rows, .. } => {
                line(text);
                rows.iter_mut().flatten().for_each(line);
            }
            Block::Code { .. } => {}
        }
    }
}

/// An optional field, `None` when nothing visible is left of it.
fn optional(field: &mut Option<String>) {
    if let Some(text) = field {
        line(text);
        if text.is_empty() {
            *field = None;
        }
    }
}

/// A text without its invisible characters; a space doubled where one
/// stood alone between two spaces is one again.
fn line(text: &mut String) {
    if !has_invisible(text) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !is_invisible(c)) {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    *text = out.trim_matches(' ').to_string();
}

/// Rich text, without touching the spaces at its edges (they join it to
/// its neighbours).
fn inline(span: &mut Inline) {
    match span {
        Inline::Text { text } if has_invisible(text) => text.retain(|c| !is_invisible(c)),
        Inline::Text { .. } => {}
        Inline::Emphasis { children }
        | Inline::Strong { children }
        | Inline::Link { children, .. } => children.iter_mut().for_each(inline),
        Inline::Code { .. } | Inline::Break => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_and_zero_width_spaces_leave_the_text() {
        let mut a = Article {
            headline: "Bun\u{ad}des\u{ad}tag \u{200b} tagt".into(),
            authors: vec!["Mat\u{ad}thi\u{ad}as Lauerer".into(), "\u{feff}".into()],
            subtitle: Some("\u{200b}".into()),
            blocks: vec![
                Block::paragraph("Zeit\u{ad}zone"),
                Block::Code {
                    text: "a\u{200b}b".into(),
                    language: None,
                },
            ],
            ..Article::default()
        };
        strip(&mut a);
        assert_eq!(a.headline, "Bundestag tagt");
        assert_eq!(a.authors, ["Matthias Lauerer"]);
        assert_eq!(a.subtitle, None);
        assert_eq!(a.blocks[0].text(), "Zeitzone");
        assert_eq!(a.blocks[1].text(), "a\u{200b}b", "code is kept as written");
    }

    #[test]
    fn joiners_that_shape_letters_stay() {
        let mut a = Article {
            headline: "می\u{200c}خواهم 👩\u{200d}💻".into(),
            ..Article::default()
        };
        strip(&mut a);
        assert_eq!(a.headline, "می\u{200c}خواهم 👩\u{200d}💻");
    }
}
