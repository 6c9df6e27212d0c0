//! The page walked once: every metadata candidate gathered in document
//! order — `<meta>` and `<link>` tags, JSON-LD scripts, `h1`s, `<time>`
//! elements, `itemprop` values, `rel=author` links, elements whose class
//! names a byline or a date — and the visible text as lines, each marked with
//! whether it stands in a page area that is not the article.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, Anchored};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use markup5ever::local_name;
use memchr::memmem::Finder;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{ElementRef, Html, Node};

use crate::read::html::flat_page::hint_set;
use crate::read::html::normalize::{clean_text, lowercase, space_len};
use crate::read::html::patterns::{
    ARTICLE_OWN_TAGS, AUTHOR_LINK_PATHS, BYLINE_HINTS, BYLINE_NOT_HINTS, COMMENT_AREA_HINT,
    DATE_HINTS, FOREIGN_AREA_HINTS, FOREIGN_AREA_TAGS, FOREIGN_MODIFIER_WORDS, INVISIBLE_TAGS,
    LINE_BREAK_TAGS, LINES_AFTER_HEADLINE, LINES_BEFORE_HEADLINE, MAX_BYLINE_CHARS,
    MAX_META_LINE_CHARS, SAVED_FROM_COMMENT, TAXONOMY_CLASS_PREFIXES,
};
use crate::read::html::tagset::TagKinds;

// ---- the page, walked once ---------------------------------------------------

/// A piece of text at a position in the page's text lines.
#[derive(Debug, Clone)]
pub(super) struct Spot {
    /// Index of the text line the element starts at.
    pub(super) line: usize,
    /// The element's text, line breaks kept.
    pub(super) text: String,
    /// Whether it stands in an area that is not the article.
    pub(super) foreign: bool,
    /// The innermost such area it stands in (see [`Page::areas`]).
    pub(super) area: Option<usize>,
}

/// An `h1`, with its headline proper when it prints a kicker in front.
#[derive(Debug, Clone)]
pub(super) struct Heading {
    pub(super) spot: Spot,
    /// The element, for the judgments made after the walk.
    pub(super) node: NodeId,
    /// Its headline proper when it prints more; judged after the walk, by
    /// the headline's rules.
    pub(super) proper: Option<String>,
    /// The kicker it prints in front of the headline, or that stands right
    /// before it; judged after the walk, by the headline's rules.
    pub(super) kicker: Option<String>,
    /// Whether it is all a link to the front page; judged after the walk,
    /// by the headline's rules.
    pub(super) home: bool,
}

/// The `itemprop` names the fields read (lowercase): the page keeps no
/// others (a page's `articleBody` would be its whole text again).
const READ_PROPS: &[&str] = &["author", "creator", "datepublished", "datemodified"];

/// An `itemprop` value.
#[derive(Debug, Clone)]
pub(super) struct Prop {
    pub(super) name: String,
    pub(super) spot: Spot,
    /// Whether the element is typed as a person (`itemtype=…/Person`).
    pub(super) person: bool,
}

/// What a date on the page says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateRole {
    Published,
    Modified,
    Unknown,
}

/// How many characters of the text before a `<time>` element are kept to
/// judge it by: enough for the label just before it ("Updated on").
const TAIL_CHARS: usize = 40;

/// A `<time>` element.
#[derive(Debug, Clone)]
pub(super) struct TimeTag {
    pub(super) spot: Spot,
    pub(super) datetime: Option<String>,
    /// Whether it carries the `pubdate` attribute.
    pub(super) pubdate: bool,
    /// Its class, id and `itemprop`, as one text.
    pub(super) names: String,
    /// The last characters of the text before it on its line.
    pub(super) before: String,
    /// What it says it is; judged after the walk, by the dates' rules.
    pub(super) role: DateRole,
}

/// A `<meta>` tag.
#[derive(Debug, Clone)]
pub(super) struct Meta {
    /// Its `property`, `name`, `itemprop` or `http-equiv`, by [`meta_key`].
    pub(super) key: String,
    /// Its `content`.
    pub(super) value: String,
    /// Whether it is named by `property` (RDFa, as Open Graph and Dublin
    /// Core specify) rather than `name`.
    pub(super) property: bool,
}

/// A meta tag's name lowercased, with Dublin Core's `dc:` / `dcterms:`
/// prefixes written the one way (`dc.title`).
fn meta_key(raw: &str) -> String {
    let lower = lowercase(raw);
    for prefix in ["dc:", "dcterms:", "dcterm:"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let prefix = if prefix == "dc:" { "dc." } else { "dcterms." };
            return format!("{prefix}{rest}");
        }
    }
    if lower.contains("dcterm.") {
        lower.replacen("dcterm.", "dcterms.", 1)
    } else {
        lower.into_owned()
    }
}

/// A line of visible text.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) foreign: bool,
    /// The innermost area that is not the article it stands in.
    pub(super) area: Option<usize>,
}

/// An element whose class, tag or role marks an area that is not the
/// article (navigation, related lists, comments), by the text lines it spans.
#[derive(Debug, Clone, Copy)]
pub(super) struct Area {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The area around it, if any.
    pub(super) parent: Option<usize>,
    /// Whether its class or id names comments (whose names are the
    /// commenters').
    pub(super) comments: bool,
}

/// Every metadata candidate on the page.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub(super) title: Option<String>,
    pub(super) html_lang: Option<String>,
    /// `<meta>` tags.
    pub(super) metas: Vec<Meta>,
    /// `<link>` tags: (lowercase rel, href).
    pub(super) links: Vec<(String, String)>,
    pub(super) ld_scripts: Vec<String>,
    pub(super) saved_from: Option<String>,
    pub(super) h1s: Vec<Heading>,
    /// The `h2` and `h3` headings, for a `<title>` part the page prints.
    pub(super) subheads: Vec<Spot>,
    pub(super) props: Vec<Prop>,
    pub(super) rel_authors: Vec<Spot>,
    /// Links to an author's page (`/author/jane-doe`), by their text.
    pub(super) author_links: Vec<Spot>,
    /// `rel=tag` links (topics, as the microformat marks them).
    pub(super) rel_tags: Vec<Spot>,
    pub(super) bylines: Vec<Spot>,
    pub(super) date_spots: Vec<Spot>,
    pub(super) times: Vec<TimeTag>,
    pub(super) lines: Vec<Line>,
    /// Areas that are not the article, outermost first.
    pub(super) areas: Vec<Area>,
    /// The line being built, and the area of its first text.
    pub(super) current: String,
    pub(super) current_area: Option<Option<usize>>,
    /// Whether an element started or ended since the last text.
    pub(super) gap: bool,
}

/// What an open element passes on to its content: the innermost area that
/// is not the article, and flags held as bits of one byte (set in a
/// register; a frame of separate flags is stored a byte at a time and read
/// back whole, which stalls the walk).
#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    area: Option<usize>,
    flags: u8,
}

/// [`Frame`] flags: inside an invisible element; the element's tag breaks a
/// line ([`LINE_BREAK_TAGS`]); inside the article; the element opened its
/// area.
const INVISIBLE_FRAME: u8 = 1;
const LINE_BREAK_FRAME: u8 = 2;
const IN_ARTICLE_FRAME: u8 = 4;
const OPENS_AREA_FRAME: u8 = 8;

impl Frame {
    fn invisible(self) -> bool {
        self.flags & INVISIBLE_FRAME != 0
    }

    fn line_break(self) -> bool {
        self.flags & LINE_BREAK_FRAME != 0
    }

    fn in_article(self) -> bool {
        self.flags & IN_ARTICLE_FRAME != 0
    }

    fn opens_area(self) -> bool {
        self.flags & OPENS_AREA_FRAME != 0
    }

    /// Whether the content is in an area that is not the article.
    fn foreign(self) -> bool {
        self.area.is_some()
    }
}

static SAVED_FROM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"saved from url=\(\d+\)\s*(\S+)").expect("valid regex"));
/// What a comment holds when [`SAVED_FROM`] matches it, found faster.
static SAVED_FROM_MARK: LazyLock<Finder> = LazyLock::new(|| Finder::new(SAVED_FROM_COMMENT));

/// The tag lists the walk looks every element up in, as the bits of one
/// lookup: [`LINE_BREAK_TAGS`], [`INVISIBLE_TAGS`], [`FOREIGN_AREA_TAGS`],
/// [`ARTICLE_OWN_TAGS`].
static TAG_KINDS: LazyLock<TagKinds> = LazyLock::new(|| {
    TagKinds::new(&[
        LINE_BREAK_TAGS,
        INVISIBLE_TAGS,
        FOREIGN_AREA_TAGS,
        ARTICLE_OWN_TAGS,
        OFFERING_TAGS,
    ])
});
const LINE_BREAK: u8 = 1;
const INVISIBLE: u8 = 2;
const FOREIGN_TAG: u8 = 4;
const ARTICLE_OWN: u8 = 8;
const OFFERING: u8 = 16;

/// The tags [`Page::element`] reads whatever their attributes: any other
/// element offers a candidate only by its `itemprop`, its `datetime` or
/// a class or id naming a byline or a date.
const OFFERING_TAGS: &[&str] = &[
    "html", "title", "meta", "link", "script", "h1", "h2", "h3", "time", "a",
];

/// The lists of [`TAG_KINDS`] an element's tag is in.
fn tag_kinds(el: &scraper::node::Element) -> u8 {
    TAG_KINDS.of(&el.name.local)
}

/// The attributes the walk reads on every element, gathered in one pass over
/// them (a lookup by name interns the name and searches the list each time).
#[derive(Debug, Clone, Copy, Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    rel: Option<&'a str>,
    itemprop: Option<&'a str>,
    datetime: Option<&'a str>,
    href: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in &el.attrs {
            if !name.ns.is_empty() {
                continue;
            }
            // Interned names: equal names are equal atoms, one integer each.
            let slot = match name.local {
                local_name!("class") => &mut a.class,
                local_name!("id") => &mut a.id,
                local_name!("href") => &mut a.href,
                local_name!("role") => &mut a.role,
                local_name!("rel") => &mut a.rel,
                local_name!("itemprop") => &mut a.itemprop,
                local_name!("datetime") => &mut a.datetime,
                _ => continue,
            };
            *slot = Some(&**value);
        }
        a
    }
}

/// An attribute's value, found by comparing names as written (a lookup by
/// [`scraper::node::Element::attr`] interns the name first).
fn attr_of<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(n, _)| n.ns.is_empty() && &*n.local == name)
        .map(|(_, v)| &**v)
}

/// The class and id of an element, lowercased, each followed by a space.
fn hint_text(a: &Attrs) -> String {
    let mut hints = String::new();
    for v in [a.class, a.id].into_iter().flatten() {
        hints.push_str(&lowercase(v));
        hints.push(' ');
    }
    hints
}

/// What one class or id value names, by the hint lists' fragments it holds.
/// No fragment holds a space, so what the class and the id name together
/// (searched as one text, [`hint_text`]) is what either names.
#[derive(Debug, Clone, Copy, Default)]
struct Named {
    /// It holds a word of [`FOREIGN_AREA_HINTS`].
    foreign_word: bool,
    /// It names an area that is not the article (see
    /// [`token_names_foreign_area`]; only a name holding such a word can).
    foreign: bool,
    /// It holds a [`BYLINE_HINTS`] fragment.
    byline: bool,
    /// It holds a [`DATE_HINTS`] fragment.
    date: bool,
}

impl Named {
    /// What a class and an id name together.
    fn or(self, other: Named) -> Named {
        Named {
            foreign_word: self.foreign_word || other.foreign_word,
            foreign: self.foreign || other.foreign,
            byline: self.byline || other.byline,
            date: self.date || other.date,
        }
    }
}

/// What the page's class and id values name. Pages repeat their class
/// names, so each value, and each token of one, is judged once per page.
#[derive(Default)]
struct Names<'a> {
    values: FxHashMap<&'a str, Named>,
    /// Whether a token names an area that is not the article.
    tokens: FxHashMap<&'a str, bool>,
    /// Scratch space: a token's words, where foreign-area words start.
    words: String,
    foreign_at: Vec<usize>,
}

impl<'a> Names<'a> {
    /// Room for the distinct names a page commonly has (a few hundred), so
    /// the maps do not grow step by step.
    fn with_room() -> Names<'a> {
        let mut names = Names::default();
        names.values.reserve(1024);
        names.tokens.reserve(512);
        names
    }

    /// What an element's class and id name.
    fn of(&mut self, a: &Attrs<'a>) -> Named {
        let class = a.class.map_or_else(Named::default, |v| self.value(v));
        let id = a.id.map_or_else(Named::default, |v| self.value(v));
        class.or(id)
    }

    fn value(&mut self, value: &'a str) -> Named {
        if let Some(named) = self.values.get(value) {
            return *named;
        }
        let lower = lowercase(value);
        let mut found = 0;
        self.foreign_at.clear();
        each_fragment(&HINT_SET, &lower, |pattern, start| {
            let kinds = HINT_LISTS.1[pattern];
            found |= kinds;
            if kinds & FOREIGN_KIND != 0 {
                self.foreign_at.push(start);
            }
        });
        let foreign_word = found & FOREIGN_KIND != 0;
        // Only a token holding a foreign-area word can name a foreign area;
        // where the value was lowercase already, the words found tell which.
        let same_offsets = matches!(lower, Cow::Borrowed(_));
        let foreign = foreign_word
            && value.split_whitespace().any(|token| {
                let start = token.as_ptr() as usize - value.as_ptr() as usize;
                let span = start..start + token.len();
                (!same_offsets || self.foreign_at.iter().any(|at| span.contains(at)))
                    && self.token_foreign(token)
            });
        let named = Named {
            foreign_word,
            foreign,
            byline: found & BYLINE_KIND != 0,
            date: found & DATE_KIND != 0,
        };
        self.values.insert(value, named);
        named
    }

    fn token_foreign(&mut self, token: &'a str) -> bool {
        if let Some(&foreign) = self.tokens.get(token) {
            return foreign;
        }
        let foreign = token_names_foreign_area(token, &mut self.words);
        self.tokens.insert(token, foreign);
        foreign
    }
}

/// [`FOREIGN_AREA_HINTS`] as a set, and the most words one of them has.
static FOREIGN_AREA_SET: LazyLock<(FxHashSet<&str>, usize)> = LazyLock::new(|| {
    let most = FOREIGN_AREA_HINTS
        .iter()
        .map(|h| h.split(' ').count())
        .max()
        .unwrap_or(0);
    (FOREIGN_AREA_HINTS.iter().copied().collect(), most)
});

/// The hint lists a class or id value is searched for, as bits: the words
/// of [`FOREIGN_AREA_HINTS`] (a name none of them occurs in, as any part of
/// it, names no foreign area), [`BYLINE_HINTS`] and [`DATE_HINTS`].
const FOREIGN_KIND: u8 = 1;
const BYLINE_KIND: u8 = 2;
const DATE_KIND: u8 = 4;

/// Every fragment of the three lists, once, with the lists it is in.
static HINT_LISTS: LazyLock<(Vec<&str>, Vec<u8>)> = LazyLock::new(|| {
    let lists = [
        (
            FOREIGN_KIND,
            FOREIGN_AREA_HINTS
                .iter()
                .flat_map(|h| h.split(' '))
                .collect(),
        ),
        (BYLINE_KIND, BYLINE_HINTS.to_vec()),
        (DATE_KIND, DATE_HINTS.to_vec()),
    ];
    let mut fragments: Vec<&str> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for (kind, list) in lists {
        for fragment in list {
            match fragments.iter().position(|f| *f == fragment) {
                Some(i) => kinds[i] |= kind,
                None => {
                    fragments.push(fragment);
                    kinds.push(kind);
                }
            }
        }
    }
    (fragments, kinds)
});
/// The fragments of the three lists, searched in one pass.
static HINT_SET: LazyLock<DFA> =
    LazyLock::new(|| DFA::new(&HINT_LISTS.0).expect("a list of fragments"));

/// Calls `found` with the pattern and the start of every occurrence of
/// `dfa`'s patterns in `text`, overlapping ones included, in one walk over
/// its bytes (an overlapping search through the matches' iterator sets up
/// its walk again after each match, and most class names hold several).
fn each_fragment(dfa: &DFA, text: &str, mut found: impl FnMut(usize, usize)) {
    let Ok(mut state) = dfa.start_state(Anchored::No) else {
        return;
    };
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        state = dfa.next_state(Anchored::No, state, byte);
        if dfa.is_match(state) {
            // A state holds every pattern ending here (built with the
            // standard match kind, a state has its failure states' matches).
            for k in 0..dfa.match_len(state) {
                let pattern = dfa.match_pattern(state, k);
                found(pattern.as_usize(), i + 1 - dfa.pattern_len(pattern));
            }
        }
    }
}

/// Class/id fragments naming something else near a byline.
static BYLINE_NOT_HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| hint_set(BYLINE_NOT_HINTS));

/// Whether an element's class or id names something else near a byline
/// ("author-bio", "author-avatar"); "vcard" (the microformat of the
/// author's name) is no "card".
fn names_not_byline(a: &Attrs) -> bool {
    [a.class, a.id]
        .into_iter()
        .flatten()
        .any(|v| BYLINE_NOT_HINT_SET.is_match(&lowercase(v).replace("vcard", "")))
}

/// [`AUTHOR_LINK_PATHS`] searched in one pass, ASCII case ignored.
static AUTHOR_LINK_PATH_SET: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(AUTHOR_LINK_PATHS)
        .expect("a list of paths")
});

/// Whether a class or id name (as written: case kept for camelCase) marks an
/// area that is not the article, by its words ("related-posts",
/// "siteFooter"), layout names aside. The article's own footer or header
/// (`own_tag`) names itself so ("entry-footer"): that word is its tag's, no
/// hint. `words` is scratch space.
fn names_foreign_area(class: &str, id: &str, own_tag: &str, words: &mut String) -> bool {
    [class, id]
        .iter()
        .flat_map(|names| names.split_whitespace())
        .any(|token| {
            if token.contains(own_tag) {
                token_names_foreign_area(&token.replace(own_tag, ""), words)
            } else {
                token_names_foreign_area(token, words)
            }
        })
}

/// Whether one class or id token names an area that is not the article
/// (see [`names_foreign_area`]).
fn token_names_foreign_area(token: &str, words: &mut String) -> bool {
    fn end_word(words: &mut String) {
        if !words.is_empty() && !words.ends_with(' ') {
            words.push(' ');
        }
    }
    if TAXONOMY_CLASS_PREFIXES.iter().any(|p| {
        token
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    }) {
        return false;
    }
    // The token's words, lowercased, one space apart.
    words.clear();
    let mut prev_lower = false;
    for c in token.chars() {
        if c == '-' || c == '_' {
            end_word(words);
            prev_lower = false;
            continue;
        }
        if c.is_ascii() {
            if c.is_ascii_uppercase() && prev_lower {
                end_word(words);
            }
            prev_lower = c.is_ascii_lowercase();
            words.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_uppercase() && prev_lower {
            end_word(words);
        }
        prev_lower = c.is_lowercase();
        words.extend(c.to_lowercase());
    }
    let words = words.trim_end_matches(' ');
    if words
        .split(' ')
        .any(|w| FOREIGN_MODIFIER_WORDS.contains(&w))
    {
        return false;
    }
    // A hint is a run of whole words: look the runs up from each word.
    let (hints, most) = &*FOREIGN_AREA_SET;
    let mut rest = words;
    while !rest.is_empty() {
        let mut end = 0;
        for _ in 0..*most {
            end = rest[end..].find(' ').map_or(rest.len(), |i| end + i);
            if hints.contains(&rest[..end]) {
                return true;
            }
            if end == rest.len() {
                break;
            }
            end += 1;
        }
        rest = rest.find(' ').map_or("", |i| &rest[i + 1..]);
    }
    false
}

/// Whether a text is only white space (most text nodes between elements
/// are: a line break and indentation, told byte by byte).
fn is_blank(text: &str) -> bool {
    let mut i = 0;
    while i < text.len() {
        let space = space_len(text, i);
        if space == 0 {
            return false;
        }
        i += space;
    }
    true
}

/// Appends a text node, with a space when it meets the previous one at an
/// element boundary letter to letter (`<span>By</span><a>Jane</a>`).
fn join_text(out: &mut String, text: &str, gap: bool) {
    if gap
        && out.chars().next_back().is_some_and(char::is_alphanumeric)
        && text.chars().next().is_some_and(char::is_alphanumeric)
    {
        out.push(' ');
    }
    out.push_str(text);
}

/// The text of an element with line breaks where its block elements start and
/// end, invisible content left out.
pub(super) fn element_text(el: ElementRef) -> String {
    element_text_within(el, usize::MAX).unwrap_or_default()
}

/// [`element_text`] when it has at most `max` characters; `None` as soon as
/// it surely has more (a byline or a date is short, the element holding one
/// may hold the whole page).
fn element_text_within(el: ElementRef, max: usize) -> Option<String> {
    let mut out = String::new();
    // Characters of the text that cleaning keeps, at the least.
    let mut kept = 0usize;
    let mut hidden = 0usize;
    let mut gap = false;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let kinds = tag_kinds(e);
                    if kinds & INVISIBLE != 0 {
                        hidden += 1;
                    } else if kinds & LINE_BREAK != 0 {
                        out.push('\n');
                    }
                    gap = true;
                }
                Node::Text(t) if hidden == 0 => {
                    join_text(&mut out, t, gap);
                    gap = false;
                    kept += surely_kept(t);
                    if kept > max {
                        return None;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    gap = true;
                    let kinds = tag_kinds(e);
                    if kinds & INVISIBLE != 0 {
                        hidden = hidden.saturating_sub(1);
                    } else if kinds & LINE_BREAK != 0 {
                        out.push('\n');
                    }
                }
            }
        }
    }
    let mut text = String::with_capacity(out.len());
    for line in out.lines().filter(|l| !is_blank(l)) {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&clean_text(line));
    }
    Some(text)
}

/// How many characters of a text cleaning surely keeps, at the least: those
/// starting with a byte that begins no white space and no quote mark that
/// cleaning may merge (those begin with one of four lead bytes).
fn surely_kept(text: &str) -> usize {
    text.bytes()
        .filter(|&b| !matches!(b, b'\t'..=b'\r' | b' ' | 0x80..=0xBF | 0xC2 | 0xE1 | 0xE2 | 0xE3))
        .count()
}

impl Page {
    pub(super) fn collect(dom: &Html) -> Page {
        let mut page = Page::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut names = Names::with_room();
        for edge in dom.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let parent = stack.last().copied().unwrap_or_default();
                        let name = el.name();
                        let kinds = tag_kinds(el);
                        if kinds & LINE_BREAK != 0 {
                            page.break_line();
                        }
                        let attrs = Attrs::of(el);
                        let named = names.of(&attrs);
                        let role = attrs.role.map(lowercase).unwrap_or_default();
                        let in_article = parent.in_article()
                            || matches!(name, "article" | "main")
                            || role == "main";
                        let article_own = in_article && kinds & ARTICLE_OWN != 0;
                        let own_foreign = (kinds & FOREIGN_TAG != 0 && !article_own)
                            || matches!(&*role, "navigation" | "contentinfo")
                            // An article's own margin column says it is one.
                            || (role == "complementary" && !article_own)
                            || (!matches!(name, "html" | "body" | "main" | "article")
                                && named.foreign_word
                                && if article_own {
                                    names_foreign_area(
                                        attrs.class.unwrap_or(""),
                                        attrs.id.unwrap_or(""),
                                        name,
                                        &mut names.words,
                                    )
                                } else {
                                    named.foreign
                                });
                        let area = if own_foreign {
                            let comments = [attrs.class, attrs.id]
                                .into_iter()
                                .flatten()
                                .any(|v| lowercase(v).contains(COMMENT_AREA_HINT));
                            page.areas.push(Area {
                                start: page.lines.len(),
                                end: usize::MAX,
                                parent: parent.area,
                                comments,
                            });
                            Some(page.areas.len() - 1)
                        } else {
                            parent.area
                        };
                        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
                        let frame = Frame {
                            area,
                            flags: flag(
                                parent.invisible() || kinds & INVISIBLE != 0,
                                INVISIBLE_FRAME,
                            ) | flag(kinds & LINE_BREAK != 0, LINE_BREAK_FRAME)
                                | flag(in_article, IN_ARTICLE_FRAME)
                                | flag(own_foreign, OPENS_AREA_FRAME),
                        };
                        stack.push(frame);
                        page.gap = true;
                        let offers = kinds & OFFERING != 0
                            || attrs.itemprop.is_some()
                            || attrs.datetime.is_some()
                            || named.byline
                            || named.date;
                        if offers && let Some(elref) = ElementRef::wrap(node) {
                            page.element(elref, name, &attrs, named, frame);
                        }
                    }
                    Node::Text(text) => {
                        let frame = stack.last().copied().unwrap_or_default();
                        if !frame.invisible() {
                            page.push_text(text, frame.area);
                        }
                    }
                    Node::Comment(comment) => {
                        if page.saved_from.is_none()
                            && SAVED_FROM_MARK.find(comment.as_bytes()).is_some()
                            && let Some(c) = SAVED_FROM.captures(comment)
                        {
                            page.saved_from = Some(c[1].to_string());
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(_) = node.value() {
                        let frame = stack.pop().unwrap_or_default();
                        page.gap = true;
                        if frame.line_break() {
                            page.break_line();
                        }
                        if let (true, Some(area)) = (frame.opens_area(), frame.area) {
                            page.areas[area].end = page.lines.len();
                        }
                    }
                }
            }
        }
        page.break_line();
        page
    }

    fn push_text(&mut self, text: &str, area: Option<usize>) {
        if self.current_area.is_none() && !is_blank(text) {
            self.current_area = Some(area);
        }
        join_text(&mut self.current, text, self.gap);
        self.gap = false;
    }

    fn break_line(&mut self) {
        // Text was pushed but none of it printed: the line is blank.
        if self.current_area.is_none() {
            self.current.clear();
            return;
        }
        let text = clean_text(&self.current);
        if !text.is_empty() {
            let area = self.current_area.flatten();
            self.lines.push(Line {
                text,
                foreign: area.is_some(),
                area,
            });
        }
        self.current.clear();
        self.current_area = None;
    }

    /// Takes back the foreign mark of the areas that hold the headline: a
    /// class name that looked like a sidebar or a teaser list was wrong when
    /// the article's own headline stands inside it.
    pub(super) fn clear_areas_holding(&mut self, anchor: Option<usize>) {
        let Some(at) = anchor else {
            return;
        };
        let cleared: Vec<bool> = self
            .areas
            .iter()
            .map(|a| a.start <= at && at < a.end)
            .collect();
        if !cleared.contains(&true) {
            return;
        }
        let areas = &self.areas;
        let foreign = |mut area: Option<usize>| {
            while let Some(i) = area {
                if !cleared[i] {
                    return true;
                }
                area = areas[i].parent;
            }
            false
        };
        for line in &mut self.lines {
            line.foreign = foreign(line.area);
        }
        let spots = self
            .h1s
            .iter_mut()
            .map(|h| &mut h.spot)
            .chain(self.subheads.iter_mut())
            .chain(self.props.iter_mut().map(|p| &mut p.spot))
            .chain(self.rel_authors.iter_mut())
            .chain(self.author_links.iter_mut())
            .chain(self.rel_tags.iter_mut())
            .chain(self.bylines.iter_mut())
            .chain(self.date_spots.iter_mut())
            .chain(self.times.iter_mut().map(|t| &mut t.spot));
        for spot in spots {
            spot.foreign = foreign(spot.area);
        }
    }

    /// Whether text in an area (see [`Spot::area`]) stands among comments.
    pub(super) fn in_comments(&self, mut area: Option<usize>) -> bool {
        while let Some(i) = area {
            if self.areas[i].comments {
                return true;
            }
            area = self.areas[i].parent;
        }
        false
    }

    /// Records what one element offers.
    fn element(&mut self, el: ElementRef, name: &str, attrs: &Attrs, named: Named, frame: Frame) {
        let attr = |a: &str| {
            attr_of(el.value(), a)
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let line = self.lines.len();
        let spot = |text: String| Spot {
            line,
            text,
            foreign: frame.foreign(),
            area: frame.area,
        };
        match name {
            "html" => self.html_lang = attr("lang").or(attr("xml:lang")).map(str::to_string),
            "title" if self.title.is_none() => {
                let text = clean_text(&el.text().collect::<String>());
                if !text.is_empty() {
                    self.title = Some(text);
                }
            }
            "meta" => {
                // `value` stands in for `content` on some scraped copies.
                if let Some(content) = attr("content").or(attr("value")) {
                    for key in ["property", "name", "itemprop", "http-equiv"] {
                        for k in attr(key).unwrap_or("").split_whitespace() {
                            self.metas.push(Meta {
                                key: meta_key(k),
                                value: content.to_string(),
                                property: key == "property",
                            });
                        }
                    }
                }
            }
            "link" => {
                if let (Some(rel), Some(href)) = (attr("rel"), attr("href")) {
                    self.links.push((rel.to_lowercase(), href.to_string()));
                }
            }
            "script" if attr("type").is_some_and(|t| t.to_lowercase().contains("ld+json")) => {
                self.ld_scripts.push(el.text().collect());
            }
            "h1" if !frame.invisible() => {
                let text = clean_text(&element_text(el));
                if !text.is_empty() {
                    self.h1s.push(Heading {
                        spot: spot(text),
                        node: el.id(),
                        proper: None,
                        kicker: None,
                        home: false,
                    });
                }
            }
            "h2" | "h3" if !frame.invisible() => {
                let text = clean_text(&element_text(el));
                if !text.is_empty() {
                    self.subheads.push(spot(text));
                }
            }
            // `<time>`, and the custom elements pages write a date in
            // (`<relative-time datetime=…>`, `<local-time>`).
            _ if !frame.invisible()
                && is_time_element(name, attrs.datetime.is_some_and(|d| !d.trim().is_empty())) =>
            {
                let own = clean_text(&el.text().collect::<String>());
                self.times.push(TimeTag {
                    spot: spot(own),
                    datetime: attr("datetime").map(str::to_string),
                    pubdate: attr_of(el.value(), "pubdate").is_some(),
                    names: format!("{} {}", hint_text(attrs), attr("itemprop").unwrap_or("")),
                    before: self.current_tail(),
                    role: DateRole::Unknown,
                });
            }
            _ => {}
        }
        if frame.invisible() || matches!(name, "meta" | "link" | "script" | "html" | "body") {
            if name == "meta" || name == "link" {
                self.itemprop(el, attrs.itemprop, &spot);
            }
            return;
        }
        self.itemprop(el, attrs.itemprop, &spot);
        let rel = lowercase(attrs.rel.map(str::trim).unwrap_or(""));
        if name == "a" && rel.split_whitespace().any(|r| r == "tag") {
            self.rel_tags
                .push(spot(clean_text(&el.text().collect::<String>())));
        }
        if (name == "a" || name == "link") && rel.split_whitespace().any(|r| r == "author") {
            self.rel_authors
                .push(spot(clean_text(&el.text().collect::<String>())));
        } else if name == "a" && attrs.href.is_some_and(|h| AUTHOR_LINK_PATH_SET.is_match(h)) {
            let text = clean_text(&el.text().collect::<String>());
            if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
                self.author_links.push(spot(text));
            }
        }
        if named.byline
            && !names_not_byline(attrs)
            && let Some(text) = element_text_within(el, MAX_BYLINE_CHARS * 2)
            && !text.is_empty()
            && text.chars().count() <= MAX_BYLINE_CHARS * 2
        {
            self.bylines.push(spot(text));
        }
        if named.date
            && let Some(text) = element_text_within(el, MAX_META_LINE_CHARS * 2)
            && !text.is_empty()
            && text.chars().count() <= MAX_META_LINE_CHARS * 2
        {
            self.date_spots.push(spot(text));
        }
    }

    fn itemprop(&mut self, el: ElementRef, prop: Option<&str>, spot: &dyn Fn(String) -> Spot) {
        let Some(prop) = prop else {
            return;
        };
        let names: Vec<String> = prop
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|n| READ_PROPS.contains(&n.as_str()))
            .collect();
        if names.is_empty() {
            return;
        }
        // `<abbr title=…>` carries the machine form of what it shows.
        let attrs: &[&str] = if el.value().name() == "abbr" {
            &["content", "datetime", "title"]
        } else {
            &["content", "datetime"]
        };
        let value = attrs
            .iter()
            .find_map(|a| attr_of(el.value(), a))
            .map(str::to_string)
            .unwrap_or_else(|| element_text(el));
        if value.trim().is_empty() {
            return;
        }
        let person = attr_of(el.value(), "itemtype").is_some_and(|t| t.ends_with("/Person"));
        for name in names {
            self.props.push(Prop {
                name,
                spot: spot(value.clone()),
                person,
            });
        }
    }

    /// The end of the line being built (the text just before an element):
    /// its last [`TAIL_CHARS`] characters.
    fn current_tail(&self) -> String {
        let start = self
            .current
            .char_indices()
            .nth_back(TAIL_CHARS - 1)
            .map_or(0, |(at, _)| at);
        self.current[start..].to_string()
    }

    /// The first value among meta `keys`, in the keys' order of preference.
    pub(super) fn meta<'a>(&'a self, keys: &[&'a str]) -> Option<(&'a str, &'a str)> {
        keys.iter()
            .find_map(|key| self.metas_named(key).next().map(|v| (*key, v)))
    }

    /// Every value of one meta key: those named by `property` first, then in
    /// document order.
    pub(super) fn metas_named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let named = move |property: bool| {
            self.metas
                .iter()
                .filter(move |m| m.key == key && m.property == property)
                .map(|m| m.value.trim())
                .filter(|v| !v.is_empty())
        };
        named(true).chain(named(false))
    }

    pub(super) fn link(&self, rel: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|(r, _)| r.split_whitespace().any(|r| r == rel))
            .map(|(_, h)| h.as_str())
    }

    pub(super) fn props_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Spot> + 'a {
        debug_assert!(READ_PROPS.contains(&name.to_lowercase().as_str()));
        self.props
            .iter()
            .filter(move |p| p.name.eq_ignore_ascii_case(name))
            .map(|p| &p.spot)
    }

    /// Line indexes to search for a byline or a date: those right after the
    /// headline first, nearest first, then those just before it; every line
    /// in order when the headline is not placed.
    pub(super) fn lines_near(&self, anchor: Option<usize>) -> Vec<usize> {
        match anchor {
            Some(at) => {
                let after = (at + 1)..(at + 1 + LINES_AFTER_HEADLINE).min(self.lines.len());
                let before =
                    (at.saturating_sub(LINES_BEFORE_HEADLINE)..at.min(self.lines.len())).rev();
                std::iter::once(at)
                    .filter(|&i| i < self.lines.len())
                    .chain(after)
                    .chain(before)
                    .collect()
            }
            None => (0..self.lines.len()).collect(),
        }
    }
}

/// Whether an element is a date element: `<time>`, or a custom element
/// named for time that carries a `datetime` (`relative-time`, `local-time`).
fn is_time_element(name: &str, has_datetime: bool) -> bool {
    name == "time" || (has_datetime && name.contains('-') && name.contains("time"))
}

/// Orders spots by nearness to the headline like [`Page::lines_near`], the
/// article's own before foreign ones; spots far from it come last.
pub(super) fn by_nearness<'a>(
    spots: impl Iterator<Item = &'a Spot>,
    anchor: Option<usize>,
) -> Vec<&'a Spot> {
    let mut list: Vec<&Spot> = spots.collect();
    list.sort_by_key(|s| (s.foreign, nearness(s.line, anchor)));
    list
}

/// How far a text line is from the headline, in the order of
/// [`Page::lines_near`]: the lines after it, then those just before it,
/// then the rest.
pub(super) fn nearness(line: usize, anchor: Option<usize>) -> usize {
    match anchor {
        Some(at) if line >= at && line <= at + LINES_AFTER_HEADLINE => line - at,
        Some(at) if line < at && line + LINES_BEFORE_HEADLINE >= at => {
            LINES_AFTER_HEADLINE + (at - line)
        }
        Some(at) => 10 * LINES_AFTER_HEADLINE + line.abs_diff(at),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fragment_is_found_as_the_overlapping_search_finds_it() {
        let overlapping = hint_set(&HINT_LISTS.0);
        for text in [
            "",
            "x",
            "posted-by byline-date",
            "entry-meta published updated",
            "most-read-widget sidebar navbar",
            "authorinfo dateline timestamp",
            "comments-area comment-respond",
            "footer-menu site-footer related-posts",
        ] {
            let mut want: Vec<(usize, usize)> = overlapping
                .find_overlapping_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect();
            let mut got = Vec::new();
            each_fragment(&HINT_SET, text, |pattern, start| got.push((pattern, start)));
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn the_walk_reads_what_a_plain_element_offers() {
        // A `div` is no offering tag: it offers by its names and attributes.
        let dom = Html::parse_document(
            r#"<body><div class="byline">By Jane Doe</div><div class="x">Text</div>
            <span itemprop="datePublished" content="2020-01-02">Jan 2</span>
            <div datetime="2020-01-03" class="local-time">Jan 3</div></body>"#,
        );
        let page = Page::collect(&dom);
        assert_eq!(page.bylines.len(), 1);
        assert_eq!(page.bylines[0].text, "By Jane Doe");
        assert_eq!(page.props.len(), 1);
        assert_eq!(page.props[0].spot.text, "2020-01-02");
    }
}
