//! A byte-level pass before parsing that bounds the parser's work and gives
//! it less to read. A page with more than [`MAX_ELEMENTS`] elements is refused,
//! and absurdly deep nesting (see [`MAX_PARSE_DEPTH`]) is flattened — start
//! tags past the limit are dropped together with their end tags, so the text
//! survives and the parser's work stays linear. What no stage reads is cut
//! out, so the parser does not copy it into the tree: the code inside scripts
//! and style sheets, the fallbacks inside `noscript` and `iframe`, the
//! drawing inside inline SVGs (together over a third of a typical saved
//! page's bytes), comments but a browser's "saved from" note and those that
//! part two runs of text, the attributes of start tags that no stage reads
//! (all but [`READ_ATTRS`]), and the indentation between and inside tags:
//! a run of white space between two tags becomes one character, a newline
//! if it held one. The cuts follow the HTML tokenizer's rules — nothing
//! changes inside comments, raw text, `pre` or `listing` — and the tree
//! builder's where they matter (formatting elements keep their attributes);
//! past markup that could make the parser read the page otherwise than this
//! pass does (CDATA, `plaintext`, HTML inside an SVG, a `select` holding
//! more than options), the rest of the page stays as written, and a page
//! with a `frameset` all of it. The parsed tree differs from the uncut
//! page's only in what is cut and in the length of white-space runs.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::{memchr, memmem};

use super::data_uri::{self, Lifted};
use super::patterns::{LAZY_SRC_ATTRS, READ_ATTRS, SAVED_FROM_COMMENT};
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

/// Start tags past which the parser stops reading markup (`plaintext`) or
/// reads the page in a mode of its own (`frameset`, which also replaces the
/// body only if no text came before it: a page holding one is left as
/// written, as cutting an SVG's drawing could change that).
const UNFOLLOWED_ELEMENTS: &[&str] = &["plaintext", "frameset"];

/// What a `select` holds as the parser expects; another tag inside one is
/// dropped or closes it, which this pass does not follow.
const SELECT_CONTENT: &[&str] = &["option", "optgroup", "select"];

/// Formatting elements whose attributes stay: the parser counts those open
/// alike, attributes and all, and forgets the earliest beyond three, so a cut
/// could change which it reopens. (An `a` never has another open beside it.)
const FORMATTING_ELEMENTS: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that hide a `pre` from its end tag (the parser's default scope
/// boundaries): inside one, `</pre>` is ignored.
const SCOPE_BOUNDARIES: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "title",
];

/// End tags the parser turns into an element when none is open (`</p>`
/// makes an empty paragraph, `</br>` a line break), so they count as
/// elements.
const ELEMENT_MAKING_END_TAGS: &[&str] = &["p", "br"];

/// SVG and MathML elements whose content the parser reads as HTML.
const INTEGRATION_POINTS: &[&str] = &[
    "foreignobject",
    "desc",
    "title",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// The page ready for the parser: refused past [`MAX_ELEMENTS`] elements, with
/// nesting deeper than [`MAX_PARSE_DEPTH`] flattened and what no stage reads
/// left out.
pub fn bound(html: &str) -> Result<Bounded<'_>> {
    let Measure {
        depth,
        tags,
        elements,
        mut edits,
    } = measure(html);
    if elements > MAX_ELEMENTS {
        return Err(Error::Limit {
            limit: "element count",
            detail: format!("more than {MAX_ELEMENTS} elements"),
        });
    }
    let mut lifted = Lifted::default();
    for edit in edits.iter_mut().filter(|e| e.lift) {
        edit.with = Cow::Owned(lifted.token(html, edit.range.clone()));
    }
    let html_out = edited(html, &edits);
    let html_out = if depth <= MAX_PARSE_DEPTH {
        html_out
    } else {
        Cow::Owned(flatten(&html_out))
    };
    Ok(Bounded {
        html: html_out,
        tags,
        lifted,
    })
}

/// A page ready for the parser.
pub struct Bounded<'a> {
    /// Its text.
    pub html: Cow<'a, str>,
    /// How many tags it has, as written: a close estimate of the parser's
    /// node count (elements, and the text between them).
    pub tags: usize,
    /// The large `data:` URIs replaced by tokens in `html`.
    pub lifted: Lifted<'a>,
}

/// One change to the page: a byte range replaced by a shorter text (most
/// often by none).
struct Edit<'a> {
    range: Range<usize>,
    with: Cow<'a, str>,
    /// Whether the range is a large `data:` URI, to be lifted out (its
    /// `with` is the token, given once the pass is done).
    lift: bool,
}

impl Edit<'_> {
    fn cut(range: Range<usize>) -> Self {
        Edit {
            range,
            with: Cow::Borrowed(""),
            lift: false,
        }
    }

    fn lift(range: Range<usize>) -> Self {
        Edit {
            range,
            with: Cow::Borrowed(""),
            lift: true,
        }
    }
}

/// The page with the edits made (in order, not overlapping).
fn edited<'a>(html: &'a str, edits: &[Edit]) -> Cow<'a, str> {
    if edits.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for edit in edits {
        out.push_str(&html[last..edit.range.start]);
        out.push_str(&edit.with);
        last = edit.range.end;
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
        if tag.is(&FLAT_KEYS) {
            continue;
        }
        let name = tag.name;
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
static FLAT_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(FLAT_ELEMENTS));
static RAW_TEXT_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(RAW_TEXT_ELEMENTS));
static UNREAD_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(UNREAD_ELEMENTS));
static FORMATTING_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(FORMATTING_ELEMENTS));
static UNFOLLOWED_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(UNFOLLOWED_ELEMENTS));
static SELECT_CONTENT_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(SELECT_CONTENT));
static SCOPE_BOUNDARY_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(SCOPE_BOUNDARIES));
static INTEGRATION_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| keys(INTEGRATION_POINTS));
static ELEMENT_MAKING_END_KEYS: LazyLock<Vec<u128>> =
    LazyLock::new(|| keys(ELEMENT_MAKING_END_TAGS));
/// The attributes kept: [`READ_ATTRS`] and [`LAZY_SRC_ATTRS`].
static READ_ATTR_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| {
    let names: Vec<&str> = READ_ATTRS.iter().chain(LAZY_SRC_ATTRS).copied().collect();
    keys(&names)
});

/// Longest name in the lists; longer tag names are in none of them.
const KEY_BYTES: usize = 16;

/// A tag name of at most [`KEY_BYTES`] ASCII bytes, lower-cased and packed
/// into an integer.
fn name_key(name: &str) -> Option<u128> {
    bytes_key(name.as_bytes())
}

/// [`name_key`] of a name's bytes, shifted into the integer a byte at a
/// time (bytes stored one by one and read back as a number would stall).
fn bytes_key(name: &[u8]) -> Option<u128> {
    if name.len() > KEY_BYTES {
        return None;
    }
    let key = name.iter().rev().fold(0u128, |key, &b| {
        (key << 8) | u128::from(b.to_ascii_lowercase())
    });
    Some(key)
}

/// The [`name_key`] of a lower-case name, for matching one element.
const fn key(name: &str) -> u128 {
    let mut key = [0u8; KEY_BYTES];
    let mut i = 0;
    while i < name.len() {
        key[i] = name.as_bytes()[i];
        i += 1;
    }
    u128::from_le_bytes(key)
}

fn keys(names: &[&str]) -> Vec<u128> {
    let mut keys: Vec<u128> = names.iter().filter_map(|n| name_key(n)).collect();
    keys.sort_unstable();
    keys
}

/// Whether bytes are all white space to the HTML tokenizer.
fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|&c| is_space(c))
}

/// Whether a byte is white space to the HTML tokenizer (a carriage return
/// is read as a line feed).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\t' | b'\r' | b'\x0c')
}

/// Whether a byte ends a tag name.
fn ends_name(c: u8) -> bool {
    is_space(c) || c == b'/' || c == b'>'
}

/// Whether `bytes` start with the tag name `name` (any case), whole.
fn names_at(bytes: &[u8], name: &str) -> bool {
    bytes
        .get(..name.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
        && bytes.get(name.len()).is_some_and(|&c| ends_name(c))
}

/// Whether no stage reads an attribute of this name (any case): it is none
/// of [`READ_ATTRS`] and [`LAZY_SRC_ATTRS`].
fn is_unread_attribute(name: &[u8]) -> bool {
    bytes_key(name).is_none_or(|k| READ_ATTR_KEYS.binary_search(&k).is_err())
}

/// Whether markup is a comment no stage reads: any but a browser's "saved
/// from" note ([`SAVED_FROM_COMMENT`]).
fn is_unread_comment(markup: &[u8]) -> bool {
    markup.starts_with(b"<!--") && memmem::find(markup, SAVED_FROM_COMMENT.as_bytes()).is_none()
}

/// Where the comment opening at `start` (`<!--`) ends, past its `-->` or
/// `--!>` (`<!-->` and `<!--->` are whole, empty comments), or the end of
/// the page.
fn comment_end(bytes: &[u8], start: usize) -> usize {
    let close = memmem::find(&bytes[start + 2..], b"-->").map_or(bytes.len(), |e| start + 5 + e);
    // In `<!--!>` the dashes are the opening's: no `--!>` starts before `start + 3`.
    memmem::find(&bytes[start + 3..close], b"--!>").map_or(close, |e| start + 7 + e)
}

/// Where the raw text from `from` ends: at the end tag `</name` (any case)
/// written whole, as the tokenizer ends it, or at the end of the page. Also
/// whether this pass may misread it: a script holding `<!--` and then
/// `<script`, where the tokenizer's escaped states let a `</script>` pass.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> (usize, bool) {
    let script = name.eq_ignore_ascii_case("script");
    let (mut escaped, mut unsure) = (false, false);
    let mut pos = from;
    while let Some(i) = memchr(b'<', &bytes[pos..]) {
        let at = pos + i;
        let after = &bytes[at + 1..];
        if after.first() == Some(&b'/') && names_at(&after[1..], name) {
            return (at, unsure);
        }
        if script {
            escaped |= after.starts_with(b"!--");
            unsure |= escaped && names_at(after, "script");
        }
        pos = at + 1;
    }
    (bytes.len(), unsure)
}

/// What the pass finds in a page.
struct Measure<'a> {
    /// The deepest nesting of non-flat elements, counted from the tags as written.
    depth: usize,
    /// The number of tags.
    tags: usize,
    /// The number of elements the parser makes of them: start tags, and the
    /// end tags that make an element of their own ([`ELEMENT_MAKING_END_TAGS`]).
    elements: usize,
    /// What to change before parsing, in page order.
    edits: Vec<Edit<'a>>,
}

fn measure(html: &str) -> Measure<'_> {
    let (mut depth, mut max, mut count, mut elements) = (0usize, 0usize, 0usize, 0usize);
    let mut svg = Svg::default();
    let mut place = Place::default();
    let mut tags = Tags::new(html);
    tags.editing = Editing::Everything;
    while let Some(tag) = tags.next() {
        count += 1;
        if !tag.closing || tag.is(&ELEMENT_MAKING_END_KEYS) {
            elements += 1;
        }
        // Past markup this pass may misread, the page stays as written.
        let sure = !place.lost && !tags.unsure;
        // In SVG and MathML, a `script` or `style` holds markup.
        if sure
            && !place.foreign()
            && tag.unread
            && let Some(raw) = tag.raw.clone()
        {
            tags.edits.push(Edit::cut(raw));
        }
        if let Some(drawing) = svg.step(&tag)
            && sure
        {
            // The drawing goes whole, with any change made inside it.
            while tags
                .edits
                .last()
                .is_some_and(|e| e.range.start >= drawing.start)
            {
                tags.edits.pop();
            }
            tags.edits.push(Edit::cut(drawing));
        }
        place.step(&tag, html.as_bytes());
        tags.editing = place.editing();
        if tag.is(&FLAT_KEYS) || tag.self_closing {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    if place.frameset {
        tags.edits.clear();
    }
    Measure {
        depth: max,
        tags: count,
        elements,
        edits: tags.edits,
    }
}

/// The inline SVG being passed: its drawing is cut out, as no stage reads
/// it, unless HTML that breaks out of it is written inside, or an end tag
/// of an element it does not hold (which closes elements around it).
#[derive(Default)]
struct Svg {
    /// How many `svg` elements are open.
    open: usize,
    /// Where the outermost one's content starts.
    start: usize,
    /// Whether an element that ends an SVG was met inside it.
    broken: bool,
    /// The elements open inside it, as keys.
    inside: Vec<u128>,
}

impl Svg {
    /// Follows one tag; gives the outermost SVG's content when it closes.
    fn step(&mut self, tag: &Tag) -> Option<Range<usize>> {
        if tag.key != key("svg") {
            if self.open == 0 {
                return None;
            }
            // Tags inside SVGs are few: a scan of the list costs nothing.
            self.broken |= SVG_BREAKOUT_ELEMENTS
                .iter()
                .any(|b| b.eq_ignore_ascii_case(tag.name));
            if !tag.closing {
                if !tag.self_closing {
                    self.inside.push(tag.key);
                }
            } else if let Some(at) = self.inside.iter().rposition(|&k| k == tag.key && k != 0) {
                self.inside.truncate(at);
            } else {
                self.broken = true;
            }
            return None;
        }
        if tag.self_closing {
            return None;
        }
        if !tag.closing {
            if self.open == 0 {
                self.start = tag.end;
                self.broken = false;
                self.inside.clear();
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

/// What a tag may have changed in it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Editing {
    /// Nothing: the page is read as written.
    Nothing,
    /// Its unread attributes cut out.
    Attributes,
    /// Its unread attributes cut out, and the white space between it and the
    /// tag before it squeezed.
    Everything,
}

/// Where the parser is, as far as it decides what may be changed: the
/// elements open that make white space the text's own, or that make the
/// parser read markup otherwise than HTML's body does.
#[derive(Default)]
struct Place {
    pre: usize,
    listing: usize,
    select: usize,
    svg: usize,
    math: usize,
    /// SVG or MathML elements open whose content is read as HTML.
    integration: usize,
    /// Whether markup was met after which the parser may read the page
    /// otherwise than this pass does.
    lost: bool,
    /// Whether a `frameset` start tag was met.
    frameset: bool,
}

impl Place {
    /// Follows one tag.
    fn step(&mut self, tag: &Tag, bytes: &[u8]) {
        const PRE: u128 = key("pre");
        const LISTING: u128 = key("listing");
        const SELECT: u128 = key("select");
        const SVG: u128 = key("svg");
        const MATH: u128 = key("math");
        const FRAMESET: u128 = key("frameset");
        let k = tag.key;
        let listed = |keys: &[u128]| tag.is(keys);
        let foreign = self.foreign();
        self.lost |= self.select > 0 && !listed(&SELECT_CONTENT_KEYS);
        if !tag.closing {
            self.frameset |= k == FRAMESET;
            self.lost |= listed(&UNFOLLOWED_KEYS)
                || (self.pre + self.listing > 0 && listed(&SCOPE_BOUNDARY_KEYS))
                || self.integration > 0;
        }
        // Inside SVG and MathML, what this pass skips as raw text is markup.
        self.lost |= foreign
            && tag
                .raw
                .clone()
                .is_some_and(|r| memchr(b'<', &bytes[r]).is_some());
        let (open, is_foreign) = match k {
            PRE => (&mut self.pre, false),
            LISTING => (&mut self.listing, false),
            SELECT => (&mut self.select, false),
            SVG => (&mut self.svg, true),
            MATH => (&mut self.math, true),
            _ if foreign && listed(&INTEGRATION_KEYS) => (&mut self.integration, true),
            _ => return,
        };
        if tag.closing {
            *open = open.saturating_sub(1);
        } else if !(is_foreign && tag.self_closing) {
            // HTML elements ignore `/>`; SVG and MathML ones close with it.
            *open += 1;
        }
        if foreign && self.svg + self.math == 0 {
            // An end tag inside one of these is not seen by the parser.
            self.lost |= self.integration > 0;
            self.integration = 0;
        }
    }

    /// Whether the parser may be inside SVG or MathML.
    fn foreign(&self) -> bool {
        self.svg + self.math > 0
    }

    /// What the next tag may have changed in it.
    fn editing(&self) -> Editing {
        if self.lost || self.foreign() {
            Editing::Nothing
        } else if self.pre + self.listing > 0 {
            Editing::Attributes
        } else {
            Editing::Everything
        }
    }
}

/// One tag as written in the source.
struct Tag<'a> {
    start: usize,
    end: usize,
    /// Its name as the tokenizer reads it, up to white space, `/` or `>`.
    name: &'a str,
    /// The name's [`name_key`], or 0 (no element's) for a name too long for one.
    key: u128,
    closing: bool,
    self_closing: bool,
    /// The content of a raw-text element.
    raw: Option<Range<usize>>,
    /// Whether no stage reads that content.
    unread: bool,
}

impl Tag<'_> {
    /// Whether the tag's name is one of a list's sorted keys.
    fn is(&self, keys: &[u128]) -> bool {
        keys.binary_search(&self.key).is_ok()
    }
}

/// Iterates over the tags of a page, skipping comments and raw-text content;
/// on the way, marks the unread attributes and the white space between tags
/// to be cut, as far as [`Editing`] allows.
struct Tags<'a> {
    html: &'a str,
    pos: usize,
    /// Where the last tag ended, when only text has come since.
    after_tag: Option<usize>,
    /// What the next tag may have changed in it.
    editing: Editing,
    /// The changes marked, in page order.
    edits: Vec<Edit<'a>>,
    /// Whether markup was met that this pass may read otherwise than the
    /// tokenizer does: nothing is changed past it.
    unsure: bool,
}

impl<'a> Tags<'a> {
    /// The tags of a page, changing nothing.
    fn new(html: &'a str) -> Self {
        Tags {
            html,
            pos: 0,
            after_tag: None,
            editing: Editing::Nothing,
            edits: Vec::new(),
            unsure: false,
        }
    }

    /// Where the markup at `start`, which is no tag, ends: a comment, a
    /// doctype or other `<!…>`, `<?…>` or `</…>` read as a comment, or a `<`
    /// that is text.
    fn past_markup(&mut self, start: usize) -> usize {
        let bytes = self.html.as_bytes();
        let rest = &bytes[start..];
        let past_gt = || memchr(b'>', &rest[2..]).map_or(bytes.len(), |e| start + 3 + e);
        match rest.get(1) {
            Some(b'!') if rest[2..].starts_with(b"--") => comment_end(bytes, start),
            Some(b'!') => {
                // Text in SVG and MathML, a comment elsewhere.
                self.unsure |= rest[2..].starts_with(b"[CDATA[");
                past_gt()
            }
            Some(b'?') => past_gt(),
            Some(b'/') if rest.get(2) == Some(&b'>') => start + 3,
            Some(b'/') if rest.len() > 2 => past_gt(),
            _ => start + 1,
        }
    }

    /// Marks the white space between two tags, from `from` to `to`, to be
    /// squeezed to one character: a newline if it holds a line break.
    fn squeeze(&mut self, from: usize, to: usize) {
        let gap = &self.html.as_bytes()[from..to];
        if gap.len() < 2 || !is_blank(gap) {
            return;
        }
        let with = if gap.iter().any(|&c| c == b'\n' || c == b'\r') {
            "\n"
        } else {
            &self.html[from..from + 1]
        };
        self.edits.push(Edit {
            range: from..to,
            with: Cow::Borrowed(with),
            lift: false,
        });
    }

    /// Reads a tag's attributes from `i` (just past its name) as the HTML
    /// tokenizer does: gives where the tag ends (past its `>`) and whether it
    /// closes itself (`/>`), or None when the page ends inside it. With
    /// `cut`, the attributes no stage reads are marked to be cut, and runs of
    /// white space between attributes squeezed: the tokenizer keeps none of
    /// it, and one character separates as well as many.
    fn attributes(&mut self, mut i: usize, cut: bool) -> Option<(usize, bool)> {
        let b = self.html.as_bytes();
        loop {
            let space = i;
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            if cut && i > space + 1 {
                self.edits.push(Edit::cut(space + 1..i));
            }
            match *b.get(i)? {
                b'>' => return Some((i + 1, false)),
                b'/' if b.get(i + 1) == Some(&b'>') => return Some((i + 2, true)),
                b'/' => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // A name runs to white space, `/`, `>` or `=`; its first
            // character is its own even when it is `=`.
            let name = i;
            i += 1;
            while b.get(i).is_some_and(|&c| !ends_name(c) && c != b'=') {
                i += 1;
            }
            let name_end = i;
            let mut end = name_end;
            let mut value = end..end;
            let mut j = i;
            while b.get(j).is_some_and(|&c| is_space(c)) {
                j += 1;
            }
            if b.get(j) == Some(&b'=') {
                j += 1;
                while b.get(j).is_some_and(|&c| is_space(c)) {
                    j += 1;
                }
                match *b.get(j)? {
                    quote @ (b'"' | b'\'') => {
                        let close = j + 1 + memchr(quote, &b[j + 1..])?;
                        value = j + 1..close;
                        j = close + 1;
                    }
                    // No value: the tag ends here.
                    b'>' => {}
                    _ => {
                        let from = j;
                        while b.get(j).is_some_and(|&c| !is_space(c) && c != b'>') {
                            j += 1;
                        }
                        b.get(j)?;
                        value = from..j;
                    }
                }
                end = j;
            }
            i = end;
            // After a `/` the cut would make a `/>`. Otherwise white space
            // or a value's closing quote is before the attribute, and ends
            // what precedes it as well: the white space after it goes too.
            if cut && b[name - 1] != b'/' && is_unread_attribute(&b[name..name_end]) {
                while b.get(i).is_some_and(|&c| is_space(c)) {
                    i += 1;
                }
                self.edits.push(Edit::cut(name..i));
            } else if cut {
                let lifts = data_uri::liftable(self.html, &self.html[name..name_end], value);
                self.edits.extend(lifts.into_iter().map(Edit::lift));
            }
        }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let bytes = self.html.as_bytes();
        loop {
            let start = self.pos + memchr(b'<', &bytes[self.pos..])?;
            let gap_from = self.after_tag.take();
            let closing = bytes.get(start + 1) == Some(&b'/');
            let name_start = start + 1 + usize::from(closing);
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                let end = self.past_markup(start);
                // A comment between two runs of text stays: they are two
                // texts in the tree, as written.
                let parts_texts = || {
                    let next = memchr(b'<', &bytes[end..]).map_or(bytes.len(), |e| end + e);
                    gap_from.is_none_or(|from| !is_blank(&bytes[from..start]))
                        && !is_blank(&bytes[end..next])
                };
                if self.editing == Editing::Everything
                    && !self.unsure
                    && is_unread_comment(&bytes[start..end])
                    && !parts_texts()
                {
                    self.edits.push(Edit::cut(start..end));
                }
                self.pos = end;
                continue;
            }
            let name_end = bytes[name_start..]
                .iter()
                .position(|&c| ends_name(c))
                .map_or(bytes.len(), |e| name_start + e);
            let name = &self.html[name_start..name_end];
            let key = name_key(name).unwrap_or(0);
            let editing = if self.unsure {
                Editing::Nothing
            } else {
                self.editing
            };
            let mark = self.edits.len();
            if editing == Editing::Everything
                && let Some(from) = gap_from
            {
                self.squeeze(from, start);
            }
            let cut = !closing
                && editing != Editing::Nothing
                && FORMATTING_KEYS.binary_search(&key).is_err();
            let Some((end, self_closing)) = self.attributes(name_end, cut) else {
                // The page ends inside the tag: the tokenizer drops it.
                self.edits.truncate(mark);
                self.pos = bytes.len();
                return Some(Tag {
                    start,
                    end: bytes.len(),
                    name,
                    key,
                    closing,
                    self_closing: false,
                    raw: None,
                    unread: false,
                });
            };
            self.pos = end;
            self.after_tag = Some(end);
            let mut tag = Tag {
                start,
                end,
                name,
                key,
                closing,
                self_closing,
                raw: None,
                unread: false,
            };
            if !closing && tag.is(&RAW_TEXT_KEYS) {
                let (close, unsure) = raw_text_end(bytes, end, name);
                self.unsure |= unsure;
                self.pos = close;
                self.after_tag = None;
                let is_data = || {
                    bytes[start..end]
                        .windows(DATA_SCRIPT_MARK.len())
                        .any(|w| w.eq_ignore_ascii_case(DATA_SCRIPT_MARK))
                };
                tag.unread = close > end && tag.is(&UNREAD_KEYS) && !is_data();
                tag.raw = Some(end..close);
            }
            return Some(tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a tag name (any case) is one of a list's sorted keys.
    fn is_one_of(name: &str, keys: &[u128]) -> bool {
        name_key(name).is_some_and(|k| keys.binary_search(&k).is_ok())
    }

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
    fn read_attributes_are_listed_so_they_can_be_found() {
        assert!(
            READ_ATTRS.windows(2).all(|w| w[0] < w[1]),
            "sorted, once each"
        );
        for name in READ_ATTRS.iter().chain(LAZY_SRC_ATTRS) {
            assert!(name.len() <= KEY_BYTES, "{name}");
            assert!(!is_unread_attribute(name.to_ascii_uppercase().as_bytes()));
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
            "<p>A<svg ></svg>B</p>",
            "the drawing and its unread attributes go, the element stays"
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

    /// The page as the parser gets it.
    fn cut(page: &str) -> String {
        bound(page).unwrap().html.into_owned()
    }

    #[test]
    fn white_space_between_tags_is_squeezed() {
        assert_eq!(
            cut("<div>\n    <p>One</p>\n\n    <p>Two</p>  <b>x</b>\t\t<i>y</i>\r\n<br></div>"),
            "<div>\n<p>One</p>\n<p>Two</p> <b>x</b>\t<i>y</i>\n<br></div>"
        );
        // Next to text, or before the first tag and after the last, it stays.
        let page = "  <p>a  <b>b</b>  c</p>  ";
        assert_eq!(cut(page), page);
    }

    #[test]
    fn white_space_that_is_text_stays() {
        let pre = "<pre>\n  <b>a</b>   <i>b</i>\n  <span>c</span>\n</pre>";
        assert_eq!(cut(&format!("{pre}  <p>d</p>")), format!("{pre} <p>d</p>"));
        let listing = "<listing> <b>a</b>   <i>b</i> </listing>";
        assert_eq!(cut(listing), listing);
        for raw in [
            "<textarea> <b>a</b>   <i>b</i> </textarea>",
            "<title> <b>a</b>   <i>b</i> </title>",
            "<script type=\"application/ld+json\"> <b>a</b>   <i>b</i> </script>",
            "<!-- saved from url=(0014)about:internet <b>a</b>   <i>b</i> --><p>",
            "<!DOCTYPE html>\n\n<html>",
        ] {
            assert_eq!(cut(raw), raw);
        }
        // Other comments go whole, but for one that parts two texts.
        assert_eq!(cut("<p>a <!-- <b>ad</b>   --!></p><!---->"), "<p>a </p>");
        let parting = "<p>15:00<!-- --> Uhr</p>";
        assert_eq!(cut(parting), parting);
        let in_pre = "<pre>a<!-- x -->b</pre>";
        assert_eq!(cut(in_pre), in_pre, "nothing changes in pre but attributes");
        // Attributes inside `pre` are cut all the same.
        assert_eq!(
            cut("<pre>  <span data-x=1>a</span>  </pre>"),
            "<pre>  <span >a</span>  </pre>"
        );
    }

    #[test]
    fn unread_attributes_are_cut_and_read_ones_kept() {
        assert_eq!(
            cut(concat!(
                "<div data-id=\"7\" class=\"a\" onclick='go(\">\")' DATA-X=1 data-src=\"i.jpg\">",
                "<img data-lazy-src=x src=y ONLOAD=z alt=\"data-x\">",
                "<a href=\"/\"data-track=\"t\"title=\"T\"></a data-end>",
            )),
            concat!(
                "<div class=\"a\" data-src=\"i.jpg\">",
                "<img data-lazy-src=x src=y alt=\"data-x\">",
                "<a href=\"/\"title=\"T\"></a data-end>",
            )
        );
        // The cut leaves a self-closing tag as it was and makes none.
        assert_eq!(cut("<g data-x=\"1\"/>"), "<g />");
        let after_slash = "<g/data-x>";
        assert_eq!(cut(after_slash), after_slash);
        // An attribute without a value, or with an empty one before `>`.
        assert_eq!(cut("<p hidden data-x data-y=>"), "<p hidden >");
        // What ends an unquoted value stays.
        assert_eq!(cut("<a href=x data-y/>"), "<a href=x />");
        // Layout, tracking and accessibility attributes no stage reads.
        assert_eq!(
            cut("<a href=x target=_blank rel=author tabindex=0 aria-label=\"Home\">"),
            "<a href=x rel=author >"
        );
        assert_eq!(
            cut("<img width=\"60\" src=a.jpg HEIGHT=40 aria-hidden=true>"),
            "<img src=a.jpg aria-hidden=true>"
        );
        // Formatting elements other than `a` keep theirs.
        let formatting = "<b data-x=1><i onclick=f>";
        assert_eq!(cut(formatting), formatting);
    }

    #[test]
    fn white_space_inside_tags_is_squeezed() {
        assert_eq!(
            cut("<div\n    class=\"a  b\"\n    id=c   /><p   >"),
            "<div\nclass=\"a  b\"\nid=c /><p >"
        );
        // Not in end tags, which hold no attributes worth the look.
        let end = "<p>a</p   >";
        assert_eq!(cut(end), end);
    }

    #[test]
    fn tags_end_where_the_tokenizer_ends_them() {
        fn names(page: &str) -> Vec<&str> {
            Tags::new(page).map(|t| t.name).collect()
        }
        // An attribute named `="x` ends at the `>`; a quote inside an
        // unquoted value or a name starts no quoted value.
        assert_eq!(names("<a =\"x>\"<b>"), ["a", "b"]);
        assert_eq!(names("<a b=c\"d>e\"<i>"), ["a", "i"]);
        assert_eq!(names("<a b\"c=d>e\"<i>"), ["a", "i"]);
        // A tag name runs to white space, `/` or `>`.
        assert_eq!(names("<x:y/><a<b>"), ["x:y", "a<b"]);
        // Comments end at `-->` or `--!>`; `<!…>`, `<?…>` and `</ …>` are
        // comments to the first `>`, `</>` is nothing.
        assert_eq!(names("<!-- <i> --!><b><!--><u><!--!> <s> -->"), ["b", "u"]);
        assert_eq!(names("<!x <i><? <s><b></ <s></><u>"), ["b", "u"]);
        // `/>` only when the slash stands apart from a value.
        let closes = |page: &str| Tags::new(page).next().unwrap().self_closing;
        assert!(closes("<br/>") && closes("<g a=\"1\"/>") && !closes("<a href=x/>"));
        // Raw text ends at its end tag written whole.
        assert_eq!(
            names("<script>a</scripts>b</script ><i>"),
            ["script", "script", "i"]
        );
    }

    #[test]
    fn markup_this_pass_may_misread_stops_the_cuts() {
        let after = "  <span data-x=1>a</span>  <i>b</i>";
        for start in [
            "<plaintext>",
            "<frameset>",
            "<p><![CDATA[x]]>",
            "<select><b></select>",
            "<pre><table><td></pre>",
            "<svg><foreignObject><div></div></foreignObject></svg>",
            "<svg><style>a<b</style></svg>",
            "<script><!--<script></script>",
        ] {
            let page = format!("{start}{after}");
            let out = cut(&page);
            assert!(out.ends_with(after), "{start}: {out}");
        }
        // Ordinary SVGs, MathML and selects do not.
        for start in [
            "<svg><title>Share</title><path d=\"M0\"/></svg>",
            "<math><mi>x</mi></math>",
            "<select><option>a<optgroup><option>b</select>",
            "<pre>x</pre>",
        ] {
            let page = format!("{start}{after}");
            assert!(
                cut(&page).ends_with(" <span >a</span> <i>b</i>"),
                "{start}: {}",
                cut(&page)
            );
        }
    }

    #[test]
    fn pages_convert_the_same_with_and_without_the_cuts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut pages: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
            .collect();
        assert!(pages.len() >= 5);
        pages.push(
            concat!(
                "<html><head><title>Bridge closes</title></head><body>\n",
                "  <article data-id=\"1\" onclick=\"track()\">\n",
                "    <h1 data-x>Bridge closes for repairs</h1>\n",
                "    <p class=\"byline\" data-author>By <a href=\"/a\" data-t=1>Ann Lee</a></p>\n",
                "    <p>The <b>old</b> <i>bridge</i>   <em>closes</em> on Monday for three ",
                "weeks of repairs, the council said.</p>\n",
                "    <figure><img data-src=\"big.jpg\" src=\"blank.gif\" alt=\"The bridge\"></figure>\n",
                "    <pre>  keep\n    <b>this</b>   <i>as is</i>\n</pre>\n",
                "    <p>\"It is overdue,\" said <span data-p>Tom Reid</span>, who crosses it daily.</p>\n",
                "  </article>\n</body></html>",
            )
            .to_string(),
        );
        let hints = super::super::Hints::default();
        let changed = pages.iter().filter(|p| cut(p) != **p).count();
        assert!(changed * 2 > pages.len(), "only {changed} pages cut");
        for page in &pages {
            let uncut = super::super::extract(&scraper::Html::parse_document(page), &hints);
            assert_eq!(super::super::read(page, &hints).unwrap(), uncut.unwrap());
        }
    }

    /// The tree of a page as far as the cuts must keep it: attributes and
    /// comments a stage reads, text with each white-space run as a newline
    /// (if it held one) or a space but in `pre`, `listing` and `textarea`,
    /// and neither the content of unread raw-text elements nor SVG drawings.
    fn kept_tree(page: &str) -> String {
        use scraper::Node;
        /// Text as the cuts keep it: white-space runs as one newline (if
        /// they held one) or one space, unless verbatim.
        fn text(t: &str, out: &mut String, verbatim: bool) {
            if t.is_empty() {
                return;
            }
            if verbatim {
                out.push_str(&format!("{t:?}|"));
                return;
            }
            let mut run = None;
            for c in t.chars() {
                if c.is_ascii_whitespace() || c == '\x0c' {
                    let nl = c == '\n' || c == '\r';
                    run = Some(run.unwrap_or(false) | nl);
                    continue;
                }
                if let Some(nl) = run.take() {
                    out.push(if nl { '\n' } else { ' ' });
                }
                out.push(c);
            }
            if let Some(nl) = run {
                out.push(if nl { '\n' } else { ' ' });
            }
            out.push('|');
        }
        /// The children of a node; texts that an unread comment parted are
        /// one text, as they are once the comment is cut.
        fn children(node: ego_tree::NodeRef<Node>, out: &mut String, verbatim: bool) {
            let mut pending = String::new();
            for child in node.children() {
                match child.value() {
                    Node::Text(t) => pending.push_str(t),
                    Node::Comment(c) if is_unread_comment(format!("<!--{}", &**c).as_bytes()) => {}
                    _ => {
                        text(&std::mem::take(&mut pending), out, verbatim);
                        walk(child, out, verbatim);
                    }
                }
            }
            text(&pending, out, verbatim);
        }
        fn walk(node: ego_tree::NodeRef<Node>, out: &mut String, verbatim: bool) {
            match node.value() {
                Node::Element(e) => {
                    out.push_str(&format!("<{}", e.name()));
                    let mut attrs: Vec<_> = e
                        .attrs
                        .iter()
                        .filter(|(n, _)| !is_unread_attribute(n.local.as_bytes()))
                        .collect();
                    attrs.sort();
                    out.push_str(&format!("{attrs:?}>"));
                    let verbatim = verbatim || matches!(e.name(), "pre" | "listing" | "textarea");
                    if !matches!(e.name(), "script" | "style" | "noscript" | "iframe" | "svg") {
                        children(node, out, verbatim);
                    }
                    out.push_str("</>");
                }
                Node::Comment(c) => out.push_str(&format!("<!--{}-->", &**c)),
                Node::Document => children(node, out, verbatim),
                other => out.push_str(&format!("{other:?}")),
            }
        }
        let dom = scraper::Html::parse_document(page);
        let mut out = String::new();
        walk(dom.tree.root(), &mut out, false);
        out
    }

    #[test]
    fn random_markup_parses_to_the_same_tree_with_the_cuts() {
        const PIECES: &[&str] = &[
            "<div>",
            "</div>",
            "<p class=\"a b\">",
            "</p>",
            "<b data-x=1>",
            "</b>",
            "<i>",
            "</i>",
            " ",
            "  ",
            "\n  ",
            "\r\n",
            "\t\t",
            "text",
            "&amp;",
            "<br/>",
            "<pre>",
            "</pre>",
            "<listing>",
            "</listing>",
            "<textarea>",
            "</textarea>",
            "<title>",
            "</title>",
            "<script>",
            "</script>",
            "<style>",
            "</style>",
            "<noscript>",
            "</noscript>",
            "<xmp>",
            "</xmp>",
            "<!-- c -->",
            "<!--",
            "-->",
            "--!>",
            "<!x>",
            "<?p>",
            "</ x>",
            "</>",
            "<a href=x/ onclick=\"y>\">",
            "</a>",
            "<img data-src=a src=b ONLOAD=c>",
            "<x:y data-a='1'>",
            "</x:y>",
            "<svg>",
            "</svg>",
            "<math>",
            "</math>",
            "<mi>",
            "</mi>",
            "<desc>",
            "</desc>",
            "<foreignObject>",
            "<select>",
            "<option>",
            "</select>",
            "<table>",
            "<td>",
            "</table>",
            "<![CDATA[",
            "]]>",
            "<plaintext>",
            "<frameset>",
            "\"",
            "'",
            "=",
            "/",
            ">",
            "<",
            "<span\n  id=s\n  data-q=\"2\"  >",
            "</span >",
            "<u data-a data-b=>",
            "<em/data-z>",
            "<q =\"x>\" data-w>",
            "<template>",
            "</template>",
            "<head>",
            "<body>",
            "<html data-h>",
            "<li>",
            "<ul>",
            "</ul>",
            "<h1>",
            "</h1>",
            "<font color=red>",
            "</font>",
            "<path d=1>",
            "</g>",
            "<g/>",
            "<tr>",
            "<caption>",
            "<input type=hidden data-i>",
            "<button>",
            "</p>",
            "</br>",
            "<image data-m>",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..5000 {
            let len = 1 + next() % 60;
            let page: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let cut_page = cut(&page);
            assert_eq!(
                kept_tree(&cut_page),
                kept_tree(&page),
                "{page:?} → {cut_page:?}"
            );
        }
    }

    #[test]
    fn too_many_elements_are_refused() {
        let page = "<i>".repeat(MAX_ELEMENTS + 1);
        assert!(matches!(bound(&page), Err(Error::Limit { .. })));
        let paragraphs = "</p>".repeat(MAX_ELEMENTS + 1);
        assert!(matches!(bound(&paragraphs), Err(Error::Limit { .. })));
    }

    #[test]
    fn elements_count_not_tags() {
        let page = "<i>x</i>".repeat(MAX_ELEMENTS * 51 / 100);
        assert!(bound(&page).is_ok(), "510k closed elements are 1.02M tags");
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
