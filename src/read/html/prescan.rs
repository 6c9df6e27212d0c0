//! A byte-level pass before parsing that bounds the parser's work: a page
//! with more than [`MAX_ELEMENTS`] tags is refused, and absurdly deep nesting
//! (see [`MAX_PARSE_DEPTH`]) is flattened — start tags past the limit are
//! dropped together with their end tags, so the text survives and the
//! parser's work stays linear. What no stage reads — the code inside scripts
//! and style sheets, the fallbacks inside `noscript` and `iframe`, the drawing
//! inside inline SVGs — is cut out here too, so the parser does not copy it
//! into the tree (over a third of a typical saved page's bytes).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::{memchr, memchr3, memmem};

use crate::error::{Error, Result};
use crate::limits::{MAX_ELEMENTS, MAX_PARSE_DEPTH};

/// Elements that never nest (void) or that the parser closes implicitly, so
/// they do not add depth however many are open in the source.
const FLAT_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp", "tbody",
    "thead", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text: no tags inside them are real.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes",
];

/// HTML elements that end an inline SVG when the parser meets them inside it
/// (the HTML standard's "breakout" list): an SVG holding one is kept whole,
/// since its text is the page's.
const SVG_BREAKOUT_ELEMENTS: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Raw-text elements whose content no stage reads (code, and fallbacks for
/// browsers without scripts or frames); their tags stay.
const UNREAD_ELEMENTS: &[&str] = &["script", "style", "noscript", "iframe"];

/// A script whose tag mentions this (any case) holds data that is read:
/// JSON-LD, even with its type written as `application&#x2F;ld&#x2B;json`.
const DATA_SCRIPT_MARK: &[u8] = b"json";

/// The page ready for the parser: refused past [`MAX_ELEMENTS`] tags, with
/// nesting deeper than [`MAX_PARSE_DEPTH`] flattened and what no stage reads
/// left out.
pub fn bound(html: &str) -> Result<Bounded<'_>> {
    let Measure {
        depth,
        tags,
        unread,
    } = measure(html);
    if tags > MAX_ELEMENTS {
        return Err(Error::Limit {
            limit: "element count",
            detail: format!("more than {MAX_ELEMENTS} tags"),
        });
    }
    let html = without(html, &unread);
    let html = if depth <= MAX_PARSE_DEPTH {
        html
    } else {
        Cow::Owned(flatten(&html))
    };
    Ok(Bounded { html, tags })
}

/// A page ready for the parser.
pub struct Bounded<'a> {
    /// Its text.
    pub html: Cow<'a, str>,
    /// How many tags it has, as written: a close estimate of the parser's
    /// node count (elements, and the text between them).
    pub tags: usize,
}

/// The page without the given byte ranges (in order, not overlapping).
fn without<'a>(html: &'a str, ranges: &[Range<usize>]) -> Cow<'a, str> {
    if ranges.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for r in ranges {
        out.push_str(&html[last..r.start]);
        last = r.end;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// The page with start tags past [`MAX_PARSE_DEPTH`] dropped with their end tags.
fn flatten(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut excess: Vec<(String, usize)> = Vec::new();
    let mut last = 0;
    for tag in Tags::new(html) {
        let name = tag.name;
        if is_one_of(name, &FLAT_KEYS) {
            continue;
        }
        let drop = if tag.closing {
            if let Some(entry) = excess
                .iter_mut()
                .find(|(n, c)| n.eq_ignore_ascii_case(name) && *c > 0)
            {
                entry.1 -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if tag.self_closing {
            false
        } else if depth >= MAX_PARSE_DEPTH {
            match excess
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some(entry) => entry.1 += 1,
                None => excess.push((name.to_ascii_lowercase(), 1)),
            }
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[last..tag.start]);
            last = tag.end;
        }
    }
    out.push_str(&html[last..]);
    out
}

/// The lists above as sorted [`name_key`]s: every tag of the page is looked
/// up, so a lookup is a binary search over integers, not a scan of strings.
static FLAT_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| keys(FLAT_ELEMENTS));
static RAW_TEXT_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| keys(RAW_TEXT_ELEMENTS));
static UNREAD_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| keys(UNREAD_ELEMENTS));

/// Longest name in the lists; longer tag names are in none of them.
const KEY_BYTES: usize = 8;

/// A tag name of at most [`KEY_BYTES`] ASCII bytes, lower-cased and packed
/// into an integer.
fn name_key(name: &str) -> Option<u64> {
    if name.len() > KEY_BYTES {
        return None;
    }
    let mut key = [0u8; KEY_BYTES];
    for (k, b) in key.iter_mut().zip(name.bytes()) {
        *k = b.to_ascii_lowercase();
    }
    Some(u64::from_le_bytes(key))
}

fn keys(names: &[&str]) -> Vec<u64> {
    let mut keys: Vec<u64> = names.iter().filter_map(|n| name_key(n)).collect();
    keys.sort_unstable();
    keys
}

/// Whether a tag name (any case) is one of a list's sorted keys.
fn is_one_of(name: &str, keys: &[u64]) -> bool {
    name_key(name).is_some_and(|k| keys.binary_search(&k).is_ok())
}

/// Where the `>` that ends the tag at the start of `tag` is, passing over
/// quoted attribute values (`src="data:image/svg+xml,<svg>…</svg>"`).
fn tag_end(tag: &[u8]) -> Option<usize> {
    let mut pos = 1;
    loop {
        let at = pos + memchr3(b'>', b'"', b'\'', &tag[pos..])?;
        let quote = tag[at];
        if quote == b'>' {
            return Some(at);
        }
        pos = at + 1;
        let before = tag[..at].trim_ascii_end();
        if before.last() == Some(&b'=') {
            pos += memchr(quote, &tag[pos..])? + 1;
        }
    }
}

/// Where the end tag `</name` starts at or after `from` (any case), or the end of the page.
fn find_end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(i) = memchr(b'<', &bytes[pos..]) {
        let at = pos + i;
        if bytes.get(at + 1) == Some(&b'/') {
            let candidate = &bytes[at + 2..bytes.len().min(at + 2 + name.len())];
            if candidate.eq_ignore_ascii_case(name.as_bytes()) {
                return at;
            }
        }
        pos = at + 1;
    }
    bytes.len()
}

/// What the pass finds in a page.
struct Measure {
    /// The deepest nesting of non-flat elements, counted from the tags as written.
    depth: usize,
    /// The number of tags.
    tags: usize,
    /// Where the content no stage reads lies.
    unread: Vec<Range<usize>>,
}

fn measure(html: &str) -> Measure {
    let (mut depth, mut max, mut tags) = (0usize, 0usize, 0usize);
    let mut unread = Vec::new();
    let mut svg = Svg::default();
    for tag in Tags::new(html) {
        tags += 1;
        if svg.open == 0 {
            unread.extend(tag.unread.clone());
        }
        let name = tag.name;
        unread.extend(svg.step(&tag, name));
        if is_one_of(name, &FLAT_KEYS) || tag.self_closing {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    Measure {
        depth: max,
        tags,
        unread,
    }
}

/// The inline SVG being passed: its drawing is cut out, as no
/// stage reads it, unless HTML that breaks out of it is written inside.
#[derive(Default)]
struct Svg {
    /// How many `svg` elements are open.
    open: usize,
    /// Where the outermost one's content starts.
    start: usize,
    /// Whether an element that ends an SVG was met inside it.
    broken: bool,
}

impl Svg {
    /// Follows one tag; gives the outermost SVG's content when it closes.
    fn step(&mut self, tag: &Tag, name: &str) -> Option<Range<usize>> {
        if !name.eq_ignore_ascii_case("svg") {
            // Tags inside SVGs are few: a scan of the list costs nothing.
            self.broken |= self.open > 0
                && SVG_BREAKOUT_ELEMENTS
                    .iter()
                    .any(|b| b.eq_ignore_ascii_case(name));
            return None;
        }
        if tag.self_closing {
            return None;
        }
        if !tag.closing {
            if self.open == 0 {
                *self = Svg {
                    open: 0,
                    start: tag.end,
                    broken: false,
                };
            }
            self.open += 1;
            return None;
        }
        if self.open == 0 {
            return None;
        }
        self.open -= 1;
        (self.open == 0 && !self.broken && tag.start > self.start).then_some(self.start..tag.start)
    }
}

/// One tag as written in the source.
struct Tag<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    closing: bool,
    self_closing: bool,
    /// The content of a raw-text element no stage reads.
    unread: Option<Range<usize>>,
}

/// Iterates over the tags of a page, skipping comments and raw-text content.
struct Tags<'a> {
    html: &'a str,
    pos: usize,
}

impl<'a> Tags<'a> {
    fn new(html: &'a str) -> Self {
        Tags { html, pos: 0 }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let bytes = self.html.as_bytes();
        loop {
            let start = self.pos + memchr(b'<', &bytes[self.pos..])?;
            let rest = &self.html[start..];
            if rest.starts_with("<!--") {
                self.pos =
                    memmem::find(rest.as_bytes(), b"-->").map_or(bytes.len(), |e| start + e + 3);
                continue;
            }
            let closing = rest.as_bytes().get(1) == Some(&b'/');
            let after_slash = &rest[1 + usize::from(closing)..];
            let name_len = after_slash
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
                .count();
            let name = &after_slash[..name_len];
            if name.is_empty() || !after_slash.as_bytes()[0].is_ascii_alphabetic() {
                // Not a tag: the parser reads this `<` as text.
                self.pos = start + 1;
                continue;
            }
            let (inner, end) = match tag_end(rest.as_bytes()) {
                Some(e) => (&rest[1..e], start + e + 1),
                None => (&rest[1..], bytes.len()),
            };
            self.pos = end;
            let mut unread = None;
            if !closing && is_one_of(name, &RAW_TEXT_KEYS) {
                self.pos = find_end_tag(self.html, end, name);
                let is_data = || {
                    inner
                        .as_bytes()
                        .windows(DATA_SCRIPT_MARK.len())
                        .any(|w| w.eq_ignore_ascii_case(DATA_SCRIPT_MARK))
                };
                if self.pos > end && is_one_of(name, &UNREAD_KEYS) && !is_data() {
                    unread = Some(end..self.pos);
                }
            }
            return Some(Tag {
                start,
                end,
                self_closing: inner.ends_with('/'),
                name,
                closing,
                unread,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_has_a_key() {
        for name in FLAT_ELEMENTS.iter().chain(RAW_TEXT_ELEMENTS) {
            assert!(name.len() <= KEY_BYTES, "{name} is longer than KEY_BYTES");
            assert!(
                is_one_of(&name.to_ascii_uppercase(), &FLAT_KEYS)
                    || is_one_of(name, &RAW_TEXT_KEYS)
            );
        }
        assert!(!is_one_of("div", &FLAT_KEYS) && !is_one_of("colgroups", &FLAT_KEYS));
        for name in UNREAD_ELEMENTS {
            assert!(is_one_of(name, &RAW_TEXT_KEYS), "{name} must be raw text");
        }
    }

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<div><section><p>One<p>Two</section></div><script type=\"application/ld+json\">{}</script>";
        assert!(matches!(bound(page).unwrap().html, Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = MAX_PARSE_DEPTH * 3;
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = bound(&page).unwrap().html;
        assert!(matches!(flat, Cow::Owned(_)));
        assert!(flat.contains("deep text"));
        assert_eq!(measure(&flat).depth, MAX_PARSE_DEPTH);
        assert_eq!(
            flat.matches("<div>").count(),
            flat.matches("</div>").count()
        );
    }

    #[test]
    fn unread_content_is_left_out_and_data_kept() {
        let page = concat!(
            "<style>p{color:red}</style><script>if (a < b) go()</script>",
            "<noscript><img src=\"pixel.gif\"></noscript>",
            "<script type=\"application&#x2F;ld&#x2B;json\">{\"@type\":\"Article\"}</script>",
            "<p>Text</p>"
        );
        assert_eq!(
            bound(page).unwrap().html,
            concat!(
                "<style></style><script></script><noscript></noscript>",
                "<script type=\"application&#x2F;ld&#x2B;json\">{\"@type\":\"Article\"}</script>",
                "<p>Text</p>"
            )
        );
    }

    #[test]
    fn svg_drawings_are_left_out_unless_html_breaks_out() {
        let page =
            "<p>A<svg viewBox=\"0 0 1 1\"><svg><path d=\"M0 0\"/></svg><title>x</title></svg>B</p>";
        assert_eq!(
            bound(page).unwrap().html,
            "<p>A<svg viewBox=\"0 0 1 1\"></svg>B</p>"
        );
        let broken = "<svg><path d=\"M0\"/><p>Text</p></svg>";
        assert_eq!(bound(broken).unwrap().html, broken);
        let unclosed = "<svg><path d=\"M0\"/>";
        assert_eq!(bound(unclosed).unwrap().html, unclosed);
    }

    #[test]
    fn quoted_attributes_hold_no_tags() {
        let page =
            "<img src=\"data:image/svg+xml,<svg><path d='M0'/></svg>\" alt = 'a>b'><svg><g/></svg>";
        let tags: Vec<_> = Tags::new(page).map(|t| t.name).collect();
        assert_eq!(tags, ["img", "svg", "g", "svg"]);
        assert_eq!(
            bound(page).unwrap().html,
            "<img src=\"data:image/svg+xml,<svg><path d='M0'/></svg>\" alt = 'a>b'><svg></svg>"
        );
        assert_eq!(Tags::new("if a < b or c<1 then <p>").count(), 1);
    }

    #[test]
    fn too_many_elements_are_refused() {
        let page = "<i>".repeat(MAX_ELEMENTS + 1);
        assert!(matches!(bound(&page), Err(Error::Limit { .. })));
    }

    #[test]
    fn an_unclosed_tag_before_multibyte_text_is_read() {
        // Found by fuzzing: the tag's end was taken inside a multibyte character.
        let page = "<div><p é";
        assert_eq!(measure(page).depth, 1);
    }

    #[test]
    fn tags_inside_scripts_and_comments_do_not_count() {
        let page = format!(
            "<script>{}</script><!-- {} -->",
            "<div>".repeat(5000),
            "<div>".repeat(5000)
        );
        assert_eq!(measure(&page).depth, 1, "only the script element itself");
    }
}
