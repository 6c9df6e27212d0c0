//! Large `data:` URIs lifted out of a page before it is parsed. A picture
//! written into the page as a `data:` URI is most of its bytes, and the
//! parser, the tree and the stages after it would each copy it: a page whose
//! bulk is such URIs took about five times its size. The pre-scan
//! ([`super::prescan`]) replaces each one of [`LIFTED_DATA_URI_BYTES`] or
//! more, in an image's address or a style's `url()`, by a short token; the
//! extracted article gets the URI back, taken once from the page's text
//! ([`Lifted::restore`]). A token behaves as its URI does for every stage:
//! it keeps the URI's media type, is no shorter than a placeholder's URI,
//! and names the placeholder hints the URI holds.

use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

use super::patterns::{LAZY_SRC_ATTRS, PLACEHOLDER_DATA_URI_BYTES, PLACEHOLDER_IMAGE_HINTS};
use crate::model::{Article, Block, Inline};

/// `data:` URIs this long or longer are lifted out: shorter ones cost the
/// parser little, and are mostly placeholders and icons.
pub const LIFTED_DATA_URI_BYTES: usize = 1024;

/// Attributes whose value may be an image's address, besides the lazy ones.
const ADDRESS_ATTRS: &[&str] = &["src", "href", "poster", "content"];

/// Longest media-type header (`data:image/svg+xml;charset=utf-8;base64`)
/// a lifted URI may have.
const MAX_HEADER_BYTES: usize = 100;

/// What follows the header's comma in a token, before its number: nothing
/// a `data:` URI that the parser reads whole can hold.
const MARK: &str = "~galley-lifted-";

/// The large `data:` URIs taken out of one page, by token number.
#[derive(Debug, Default)]
pub struct Lifted<'a> {
    uris: Vec<&'a str>,
    numbers: HashMap<&'a str, usize>,
}

impl<'a> Lifted<'a> {
    /// The token that stands for the URI at `range` of `html`; the same URI
    /// always gets the same token.
    pub fn token(&mut self, html: &'a str, range: Range<usize>) -> String {
        let uri = &html[range];
        let n = *self.numbers.entry(uri).or_insert_with(|| {
            self.uris.push(uri);
            self.uris.len() - 1
        });
        token(n, uri)
    }

    /// Puts the URIs back where the article holds a token: its image, its
    /// images' addresses and its links.
    pub fn restore(&self, article: &mut Article) {
        if self.uris.is_empty() {
            return;
        }
        if let Some(image) = &mut article.image {
            self.restore_one(image);
        }
        for block in &mut article.blocks {
            match block {
                Block::Image { src, .. } => self.restore_one(src),
                Block::Paragraph {
                    inlines: Some(inlines),
                    ..
                } => self.restore_links(inlines),
                _ => {}
            }
        }
    }

    fn restore_links(&self, inlines: &mut [Inline]) {
        for inline in inlines {
            match inline {
                Inline::Link { href, children } => {
                    self.restore_one(href);
                    self.restore_links(children);
                }
                Inline::Emphasis { children } | Inline::Strong { children } => {
                    self.restore_links(children);
                }
                _ => {}
            }
        }
    }

    fn restore_one(&self, text: &mut String) {
        if let Some(uri) = self.lifted_by(text) {
            *text = uri.to_string();
        }
    }

    /// The URI `text` is the token of, if it is one.
    fn lifted_by(&self, text: &str) -> Option<&'a str> {
        let after = &text[text.find(MARK)? + MARK.len()..];
        let digits = &after[..after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len())];
        let n = digits.parse::<usize>().ok()?;
        let uri = *self.uris.get(n)?;
        (text == token(n, uri)).then_some(uri)
    }
}

/// The token for URI number `n`: its header, the mark and the number, the
/// placeholder hints it holds, padded to a picture's length.
fn token(n: usize, uri: &str) -> String {
    let header = &uri[..uri.find(',').unwrap_or(0)];
    let mut token = format!("{header},{MARK}{n}");
    let lower = uri.to_ascii_lowercase();
    for hint in PLACEHOLDER_IMAGE_HINTS {
        if memmem::find(lower.as_bytes(), hint.as_bytes()).is_some() {
            token.push('~');
            token.push_str(hint);
        }
    }
    while token.len() < PLACEHOLDER_DATA_URI_BYTES {
        token.push('~');
    }
    token
}

/// The ranges of an attribute's value (at `value` in `html`) to lift: the
/// whole value of an address attribute that is one large `data:` URI, or
/// the large `data:` URIs in a style's `url()`s.
pub fn liftable(html: &str, name: &str, value: Range<usize>) -> Vec<Range<usize>> {
    let text = &html[value.clone()];
    if text.len() < LIFTED_DATA_URI_BYTES {
        return Vec::new();
    }
    if name.eq_ignore_ascii_case("style") {
        return style_uris(text)
            .map(|r| value.start + r.start..value.start + r.end)
            .collect();
    }
    let address = ADDRESS_ATTRS
        .iter()
        .chain(LAZY_SRC_ATTRS.iter().filter(|a| !a.ends_with("srcset")))
        .any(|a| name.eq_ignore_ascii_case(a));
    if address && is_liftable(text) {
        vec![value]
    } else {
        Vec::new()
    }
}

/// The large `data:` URIs inside the `url(…)`s of a style, as ranges of it.
fn style_uris(style: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    memmem::find_iter(style.as_bytes(), b"url(")
        .map(|at| at + 4)
        .filter_map(move |mut from| {
            let b = style.as_bytes();
            while b.get(from).is_some_and(u8::is_ascii_whitespace) {
                from += 1;
            }
            let quote = b.get(from).copied().filter(|c| matches!(c, b'"' | b'\''));
            from += usize::from(quote.is_some());
            let end = from
                + b[from..]
                    .iter()
                    .position(|&c| Some(c) == quote || c == b')' || c.is_ascii_whitespace())?;
            is_liftable(&style[from..end]).then_some(from..end)
        })
}

/// Whether a text is one large `data:` URI the parser reads as written: no
/// character reference, quote or white space in it, and a short header.
fn is_liftable(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= LIFTED_DATA_URI_BYTES
        && b[..5].eq_ignore_ascii_case(b"data:")
        && b[..b.len().min(MAX_HEADER_BYTES)].contains(&b',')
        && !b
            .iter()
            .any(|&c| matches!(c, b'&' | b'"' | b'\'' | b'\0') || c.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(payload_bytes: usize) -> String {
        format!("data:image/png;base64,{}", "iVBO".repeat(payload_bytes / 4))
    }

    #[test]
    fn only_large_uris_in_addresses_and_styles_are_lifted() {
        let big = uri(2000);
        let page = format!("<img src=\"{big}\"><p style=\"background: url('{big}')\">");
        let src = 10..10 + big.len();
        assert_eq!(liftable(&page, "SRC", src.clone()), vec![src.clone()]);
        assert!(liftable(&page, "alt", src.clone()).is_empty());
        let style_start = page.find("background").unwrap();
        let style = style_start..page.len() - 2;
        let at = page.find("url('").unwrap() + 5;
        assert_eq!(liftable(&page, "style", style), vec![at..at + big.len()]);
        let small = uri(100);
        assert!(liftable(&small, "src", 0..small.len()).is_empty());
        let spaced = format!("{big} 2x");
        assert!(liftable(&spaced, "src", 0..spaced.len()).is_empty());
    }

    #[test]
    fn tokens_stand_for_their_uri_until_restored() {
        let big = uri(4000);
        let lazy = format!("{big}LaZy");
        let page = format!("{big}|{lazy}|{big}");
        let mut lifted = Lifted::default();
        let first = lifted.token(&page, 0..big.len());
        let second = lifted.token(&page, big.len() + 1..big.len() + 1 + lazy.len());
        let again = lifted.token(&page, page.len() - big.len()..page.len());
        assert_eq!(first, again);
        assert_ne!(first, second);
        assert!(first.starts_with("data:image/png;base64,~galley-lifted-0"));
        assert!(first.len() >= PLACEHOLDER_DATA_URI_BYTES);
        assert!(second.contains("lazy") && !first.contains("lazy"));
        let mut article = Article {
            image: Some(second.clone()),
            blocks: vec![Block::Image {
                text: String::new(),
                src: first.clone(),
                alt: String::new(),
                caption: None,
            }],
            ..Article::default()
        };
        lifted.restore(&mut article);
        assert_eq!(article.image.as_deref(), Some(lazy.as_str()));
        assert!(matches!(&article.blocks[0], Block::Image { src, .. } if *src == big));
    }
}
