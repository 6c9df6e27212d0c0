//! Metadata: one function per field, each trying the page's sources from the
//! most reliable (JSON-LD) through `<meta>` tags, microdata and `<time>` to
//! the least (the visible text around the headline), and recording in the
//! article's provenance where the value came from.
//!
//! The page is walked once ([`Page::collect`]) to gather every candidate:
//! `<meta>` and `<link>` tags, JSON-LD scripts, `h1`s, `<time>` elements,
//! `itemprop` values, `rel=author` links, elements whose class names a byline
//! or a date, and the visible text as lines, each marked with whether it
//! stands in a page area that is not the article (navigation, related lists,
//! comments).

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{ElementRef, Html, Node};

use super::Hints;
use super::content::hint_set;
use super::dates::{self, DayOrder, Stamp};
use super::jsonld::{self, LinkedData};
use super::normalize::{clean_text, is_placeholder};
use super::patterns::{
    ARTICLE_OWN_TAGS, AUTHOR_SEPARATORS, BYLINE_HINTS, BYLINE_INNER_MAX_WORDS, BYLINE_INNER_WORDS,
    BYLINE_NAME_PARTICLES, BYLINE_NOT_HINTS, BYLINE_PREFIXES, BYLINE_ROLE_WORDS, BYLINE_STOP_WORDS,
    DATE_HINTS, FOREIGN_AREA_HINTS, FOREIGN_AREA_TAGS, FOREIGN_MODIFIER_WORDS, INVISIBLE_TAGS,
    LINE_BREAK_TAGS, LINES_AFTER_HEADLINE, LINES_BEFORE_HEADLINE, LONE_H1_MIN_WORDS, MAX_AUTHORS,
    MAX_BYLINE_CHARS, MAX_META_LINE_CHARS, MAX_NAME_WORDS, MAX_TAGS, META_AUTHOR, META_DESCRIPTION,
    META_IMAGE, META_LANGUAGE, META_MODIFIED, META_PUBLISHED, META_SITE_NAME, META_TAGS,
    META_TITLE, META_URL, MIN_HEADLINE_WORDS, ORGANIZATION_WORDS, PUBLISHED_WORDS, SECTION_WORDS,
    SITE_PART_MAX_WORDS, TAXONOMY_CLASS_PREFIXES, TITLE_AGREEMENT, TITLE_SEPARATORS, UPDATED_WORDS,
    URL_DATE,
};
use crate::model::Article;

/// Extracts every metadata field of the article (its blocks stay empty).
pub fn extract(dom: &Html, hints: &Hints) -> Article {
    let mut page = Page::collect(dom);
    let ld = LinkedData::from_scripts(page.ld_scripts.iter().map(String::as_str));
    let title_hint = page
        .meta(META_TITLE)
        .map(|(_, v)| v)
        .or(page.title.as_deref());
    let ld_article = ld.article(title_hint);
    let website_name = ld.website_name().map(str::to_string);
    let mut found = Found {
        article: Article::default(),
        page: &page,
        ld: ld_article,
        website_name: website_name.clone(),
        order: std::cell::OnceCell::new(),
    };
    found.language();
    found.url(hints);
    found.site_name();
    let anchor = found.headline();
    let article = found.article;
    page.clear_areas_holding(anchor);
    let mut found = Found {
        article,
        page: &page,
        ld: ld_article,
        website_name,
        order: std::cell::OnceCell::new(),
    };
    found.byline(anchor);
    found.dates(anchor);
    found.description();
    found.image();
    found.tags();
    found.article
}

// ---- the page, walked once ---------------------------------------------------

/// A piece of text at a position in the page's text lines.
#[derive(Debug, Clone)]
struct Spot {
    /// Index of the text line the element starts at.
    line: usize,
    /// The element's text, line breaks kept.
    text: String,
    /// Whether it stands in an area that is not the article.
    foreign: bool,
    /// The innermost such area it stands in (see [`Page::areas`]).
    area: Option<usize>,
}

/// An `itemprop` value.
#[derive(Debug, Clone)]
struct Prop {
    name: String,
    spot: Spot,
}

/// What a date on the page says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateRole {
    Published,
    Modified,
    Unknown,
}

/// A `<time>` element.
#[derive(Debug, Clone)]
struct TimeTag {
    spot: Spot,
    datetime: Option<String>,
    role: DateRole,
}

/// A `<meta>` tag.
#[derive(Debug, Clone)]
struct Meta {
    /// Its `property`, `name`, `itemprop` or `http-equiv`, by [`meta_key`].
    key: String,
    /// Its `content`.
    value: String,
    /// Whether it is named by `property` (RDFa, as Open Graph and Dublin
    /// Core specify) rather than `name`.
    property: bool,
}

/// A meta tag's name lowercased, with Dublin Core's `dc:` / `dcterms:`
/// prefixes written the one way (`dc.title`).
fn meta_key(raw: &str) -> String {
    let lower = raw.to_lowercase();
    for prefix in ["dc:", "dcterms:", "dcterm:"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let prefix = if prefix == "dc:" { "dc." } else { "dcterms." };
            return format!("{prefix}{rest}");
        }
    }
    lower.replacen("dcterm.", "dcterms.", 1)
}

/// A line of visible text.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    foreign: bool,
    /// The innermost area that is not the article it stands in.
    area: Option<usize>,
}

/// An element whose class, tag or role marks an area that is not the
/// article (navigation, related lists, comments), by the text lines it spans.
#[derive(Debug, Clone, Copy)]
struct Area {
    start: usize,
    end: usize,
    /// The area around it, if any.
    parent: Option<usize>,
}

/// Every metadata candidate on the page.
#[derive(Debug, Default)]
struct Page {
    title: Option<String>,
    html_lang: Option<String>,
    /// `<meta>` tags.
    metas: Vec<Meta>,
    /// `<link>` tags: (lowercase rel, href).
    links: Vec<(String, String)>,
    ld_scripts: Vec<String>,
    saved_from: Option<String>,
    h1s: Vec<Spot>,
    props: Vec<Prop>,
    rel_authors: Vec<Spot>,
    /// `rel=tag` links (topics, as the microformat marks them).
    rel_tags: Vec<Spot>,
    bylines: Vec<Spot>,
    date_spots: Vec<Spot>,
    times: Vec<TimeTag>,
    lines: Vec<Line>,
    /// Areas that are not the article, outermost first.
    areas: Vec<Area>,
    /// The line being built, and the area of its first text.
    current: String,
    current_area: Option<Option<usize>>,
    /// Whether an element started or ended since the last text.
    gap: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    invisible: bool,
    foreign: bool,
    in_article: bool,
    /// The innermost area that is not the article, and whether this
    /// element opened it.
    area: Option<usize>,
    opens_area: bool,
}

static SAVED_FROM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"saved from url=\(\d+\)\s*(\S+)").expect("valid regex"));

/// The attributes the walk reads on every element, gathered in one pass over
/// them (a lookup by name interns the name and searches the list each time).
#[derive(Debug, Clone, Copy, Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    rel: Option<&'a str>,
    itemprop: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in &el.attrs {
            if !name.ns.is_empty() {
                continue;
            }
            let slot = match &*name.local {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "role" => &mut a.role,
                "rel" => &mut a.rel,
                "itemprop" => &mut a.itemprop,
                _ => continue,
            };
            *slot = Some(&**value);
        }
        a
    }
}

/// The class and id of an element, lowercased, each followed by a space.
fn hint_text(a: &Attrs) -> String {
    let mut hints = String::new();
    for v in [a.class, a.id].into_iter().flatten() {
        hints.push_str(&v.to_lowercase());
        hints.push(' ');
    }
    hints
}

/// [`FOREIGN_AREA_HINTS`] as a set, and the most words one of them has.
static FOREIGN_AREA_SET: LazyLock<(HashSet<&str>, usize)> = LazyLock::new(|| {
    let most = FOREIGN_AREA_HINTS
        .iter()
        .map(|h| h.split(' ').count())
        .max()
        .unwrap_or(0);
    (FOREIGN_AREA_HINTS.iter().copied().collect(), most)
});

/// Every word of [`FOREIGN_AREA_HINTS`]: a name none of them occurs in, as
/// any part of it, names no foreign area (most names, told in one pass).
static FOREIGN_AREA_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = FOREIGN_AREA_HINTS
        .iter()
        .flat_map(|h| h.split(' '))
        .collect();
    hint_set(&words)
});

/// Class/id fragments naming a byline, those naming something else near
/// one, and those naming a date, each list searched in one pass.
static BYLINE_HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| hint_set(BYLINE_HINTS));
static BYLINE_NOT_HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| hint_set(BYLINE_NOT_HINTS));
static DATE_HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| hint_set(DATE_HINTS));

/// Whether a class or id name (as written: case kept for camelCase) marks an
/// area that is not the article, by its words ("related-posts",
/// "siteFooter"), layout names aside. `words` is scratch space.
fn names_foreign_area(class: &str, id: &str, words: &mut String) -> bool {
    fn end_word(words: &mut String) {
        if !words.is_empty() && !words.ends_with(' ') {
            words.push(' ');
        }
    }
    [class, id]
        .iter()
        .flat_map(|names| names.split_whitespace())
        .any(|token| {
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
        })
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
fn element_text(el: ElementRef) -> String {
    let mut out = String::new();
    let mut hidden = 0usize;
    let mut gap = false;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if INVISIBLE_TAGS.contains(&e.name()) {
                        hidden += 1;
                    } else if LINE_BREAK_TAGS.contains(&e.name()) {
                        out.push('\n');
                    }
                    gap = true;
                }
                Node::Text(t) if hidden == 0 => {
                    join_text(&mut out, t, gap);
                    gap = false;
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    gap = true;
                    if INVISIBLE_TAGS.contains(&e.name()) {
                        hidden = hidden.saturating_sub(1);
                    } else if LINE_BREAK_TAGS.contains(&e.name()) {
                        out.push('\n');
                    }
                }
            }
        }
    }
    out.lines()
        .map(clean_text)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

impl Page {
    fn collect(dom: &Html) -> Page {
        let mut page = Page::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut phrase = String::new();
        for edge in dom.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let parent = stack.last().copied().unwrap_or_default();
                        let name = el.name();
                        if LINE_BREAK_TAGS.contains(&name) {
                            page.break_line();
                        }
                        let attrs = Attrs::of(el);
                        let hints = hint_text(&attrs);
                        let role = attrs.role.map(str::to_lowercase).unwrap_or_default();
                        let in_article = parent.in_article
                            || matches!(name, "article" | "main")
                            || role == "main";
                        let own_foreign = (FOREIGN_AREA_TAGS.contains(&name)
                            && !(in_article && ARTICLE_OWN_TAGS.contains(&name)))
                            || matches!(
                                role.as_str(),
                                "navigation" | "complementary" | "contentinfo"
                            )
                            || (!matches!(name, "html" | "body" | "main" | "article")
                                && FOREIGN_AREA_WORDS.is_match(&hints)
                                && names_foreign_area(
                                    attrs.class.unwrap_or(""),
                                    attrs.id.unwrap_or(""),
                                    &mut phrase,
                                ));
                        let area = if own_foreign {
                            page.areas.push(Area {
                                start: page.lines.len(),
                                end: usize::MAX,
                                parent: parent.area,
                            });
                            Some(page.areas.len() - 1)
                        } else {
                            parent.area
                        };
                        let frame = Frame {
                            invisible: parent.invisible || INVISIBLE_TAGS.contains(&name),
                            foreign: area.is_some(),
                            in_article,
                            area,
                            opens_area: own_foreign,
                        };
                        stack.push(frame);
                        page.gap = true;
                        if let Some(elref) = ElementRef::wrap(node) {
                            page.element(elref, name, &attrs, &hints, frame);
                        }
                    }
                    Node::Text(text) => {
                        let frame = stack.last().copied().unwrap_or_default();
                        if !frame.invisible {
                            page.push_text(text, frame.area);
                        }
                    }
                    Node::Comment(comment) => {
                        if page.saved_from.is_none()
                            && let Some(c) = SAVED_FROM.captures(comment)
                        {
                            page.saved_from = Some(c[1].to_string());
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        let frame = stack.pop().unwrap_or_default();
                        page.gap = true;
                        if LINE_BREAK_TAGS.contains(&el.name()) {
                            page.break_line();
                        }
                        if let (true, Some(area)) = (frame.opens_area, frame.area) {
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
        if self.current_area.is_none() && !text.trim().is_empty() {
            self.current_area = Some(area);
        }
        join_text(&mut self.current, text, self.gap);
        self.gap = false;
    }

    fn break_line(&mut self) {
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
    fn clear_areas_holding(&mut self, anchor: Option<usize>) {
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
            .chain(self.props.iter_mut().map(|p| &mut p.spot))
            .chain(self.rel_authors.iter_mut())
            .chain(self.rel_tags.iter_mut())
            .chain(self.bylines.iter_mut())
            .chain(self.date_spots.iter_mut())
            .chain(self.times.iter_mut().map(|t| &mut t.spot));
        for spot in spots {
            spot.foreign = foreign(spot.area);
        }
    }

    /// Records what one element offers.
    fn element(&mut self, el: ElementRef, name: &str, attrs: &Attrs, hints: &str, frame: Frame) {
        let attr = |a: &str| el.value().attr(a).map(str::trim).filter(|v| !v.is_empty());
        let line = self.lines.len();
        let spot = |text: String| Spot {
            line,
            text,
            foreign: frame.foreign,
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
            "h1" if !frame.invisible => {
                let text = clean_text(&el.text().collect::<String>());
                if !text.is_empty() {
                    self.h1s.push(spot(text));
                }
            }
            "time" if !frame.invisible => {
                let own = clean_text(&el.text().collect::<String>());
                let marks = format!("{hints} {} {own}", attr("itemprop").unwrap_or(""));
                let role = if el.value().attr("pubdate").is_some() {
                    DateRole::Published
                } else {
                    match role_of(&self.current_tail()) {
                        DateRole::Unknown => role_of(&marks.replace(['-', '_'], " ")),
                        known => known,
                    }
                };
                self.times.push(TimeTag {
                    spot: spot(own),
                    datetime: attr("datetime").map(str::to_string),
                    role,
                });
            }
            _ => {}
        }
        if frame.invisible || matches!(name, "meta" | "link" | "script" | "html" | "body") {
            if name == "meta" || name == "link" {
                self.itemprop(el, attrs.itemprop, &spot);
            }
            return;
        }
        self.itemprop(el, attrs.itemprop, &spot);
        let rel = attrs
            .rel
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .unwrap_or("")
            .to_lowercase();
        if name == "a" && rel.split_whitespace().any(|r| r == "tag") {
            self.rel_tags
                .push(spot(clean_text(&el.text().collect::<String>())));
        }
        if (name == "a" || name == "link") && rel.split_whitespace().any(|r| r == "author") {
            self.rel_authors
                .push(spot(clean_text(&el.text().collect::<String>())));
        }
        if BYLINE_HINT_SET.is_match(hints) && !BYLINE_NOT_HINT_SET.is_match(hints) {
            let text = element_text(el);
            if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS * 2 {
                self.bylines.push(spot(text));
            }
        }
        if DATE_HINT_SET.is_match(hints) {
            let text = element_text(el);
            if !text.is_empty() && text.chars().count() <= MAX_META_LINE_CHARS * 2 {
                self.date_spots.push(spot(text));
            }
        }
    }

    fn itemprop(&mut self, el: ElementRef, prop: Option<&str>, spot: &dyn Fn(String) -> Spot) {
        let Some(prop) = prop else {
            return;
        };
        let value = ["content", "datetime"]
            .iter()
            .find_map(|a| el.value().attr(a))
            .map(str::to_string)
            .unwrap_or_else(|| element_text(el));
        if value.trim().is_empty() {
            return;
        }
        for name in prop.split_whitespace() {
            self.props.push(Prop {
                name: name.to_lowercase(),
                spot: spot(value.clone()),
            });
        }
    }

    /// The end of the line being built (the text just before an element).
    fn current_tail(&self) -> String {
        let chars: Vec<char> = self.current.chars().collect();
        chars[chars.len().saturating_sub(40)..].iter().collect()
    }

    /// The first value among meta `keys`, in the keys' order of preference.
    fn meta<'a>(&'a self, keys: &[&'a str]) -> Option<(&'a str, &'a str)> {
        keys.iter()
            .find_map(|key| self.metas_named(key).next().map(|v| (*key, v)))
    }

    /// Every value of one meta key: those named by `property` first, then in
    /// document order.
    fn metas_named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let named = move |property: bool| {
            self.metas
                .iter()
                .filter(move |m| m.key == key && m.property == property)
                .map(|m| m.value.trim())
                .filter(|v| !v.is_empty())
        };
        named(true).chain(named(false))
    }

    fn link(&self, rel: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|(r, _)| r.split_whitespace().any(|r| r == rel))
            .map(|(_, h)| h.as_str())
    }

    fn props_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Spot> + 'a {
        self.props
            .iter()
            .filter(move |p| p.name.eq_ignore_ascii_case(name))
            .map(|p| &p.spot)
    }

    /// Line indexes to search for a byline or a date: those right after the
    /// headline first, nearest first, then those just before it; every line
    /// in order when the headline is not placed.
    fn lines_near(&self, anchor: Option<usize>) -> Vec<usize> {
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

/// Orders spots by nearness to the headline like [`Page::lines_near`], the
/// article's own before foreign ones; spots far from it come last.
fn by_nearness<'a>(spots: impl Iterator<Item = &'a Spot>, anchor: Option<usize>) -> Vec<&'a Spot> {
    let mut list: Vec<&Spot> = spots.collect();
    list.sort_by_key(|s| {
        let distance = match anchor {
            Some(at) if s.line >= at && s.line <= at + LINES_AFTER_HEADLINE => s.line - at,
            Some(at) if s.line < at && s.line + LINES_BEFORE_HEADLINE >= at => {
                LINES_AFTER_HEADLINE + (at - s.line)
            }
            Some(at) => 10 * LINES_AFTER_HEADLINE + s.line.abs_diff(at),
            None => s.line,
        };
        (s.foreign, distance)
    });
    list
}

/// Whether the words before or around a date mark it as an update or the
/// publication.
fn role_of(context: &str) -> DateRole {
    let lower = context.to_lowercase();
    let last = |list: &[&str]| list.iter().filter_map(|w| last_word_at(&lower, w)).max();
    match (last(UPDATED_WORDS), last(PUBLISHED_WORDS)) {
        (Some(u), Some(p)) if p > u => DateRole::Published,
        (Some(_), _) => DateRole::Modified,
        (None, Some(_)) => DateRole::Published,
        (None, None) => DateRole::Unknown,
    }
}

/// The 40 characters before a byte offset in a line: the words that label
/// a date written there.
fn context_before(line: &str, at: usize) -> String {
    let before = &line[..at];
    let start = before.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    before[start..].to_string()
}

/// Where the last occurrence of `word` in `text` as a whole word starts.
fn last_word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| i)
        .last()
}

// ---- fields ------------------------------------------------------------------

/// The article being filled, with the page's candidates.
struct Found<'a> {
    article: Article,
    page: &'a Page,
    ld: Option<jsonld::Article<'a>>,
    website_name: Option<String>,
    /// The page's day/month order, found once (see [`Found::day_order`]).
    order: std::cell::OnceCell<DayOrder>,
}

/// Case, white space, quote marks and dashes folded, for comparing texts.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            '‐'..='―' => '-',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    super::normalize::collapse_whitespace(&out)
}

/// How many words a text counts as: Chinese and Japanese, written without
/// spaces, count one word per two characters.
fn weight(text: &str) -> usize {
    words(text)
        .iter()
        .map(|w| {
            let wide = w.chars().filter(|c| is_cjk(*c)).count();
            if wide > 0 {
                (wide / 2).max(1) + usize::from(wide < w.chars().count())
            } else {
                1
            }
        })
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// The lowercase words of a text (letters and digits).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Found<'_> {
    fn set_source(&mut self, field: &str, source: impl Into<String>) {
        self.article
            .provenance
            .insert(field.to_string(), source.into());
    }

    /// How the page writes all-numeric dates: as its other dates show
    /// (`25/04/2020` is day first), else as its language does.
    fn day_order(&self) -> DayOrder {
        *self.order.get_or_init(|| {
            dates::order_shown(self.page.lines.iter().map(|l| l.text.as_str()))
                .unwrap_or_else(|| DayOrder::for_language(self.article.language.as_deref()))
        })
    }

    /// The host name of the article's URL, without `www.`.
    fn host(&self) -> Option<String> {
        let url = self.article.url.as_deref()?;
        let rest = url.split("://").nth(1)?;
        let host = rest.split(['/', '?', '#', ':']).next()?;
        Some(host.trim_start_matches("www.").to_lowercase())
    }

    /// `language`: `<html lang>`, JSON-LD `inLanguage`, meta tags, `og:locale`.
    fn language(&mut self) {
        let page = self.page;
        let candidates = page
            .html_lang
            .as_deref()
            .map(|l| (l.to_string(), "html:lang".to_string()))
            .into_iter()
            .chain(
                self.ld
                    .and_then(|a| a.language())
                    .map(|l| (l, "json-ld".into())),
            )
            .chain(META_LANGUAGE.iter().filter_map(|key| {
                page.metas_named(key)
                    .next()
                    .map(|v| (v.to_string(), format!("meta:{key}")))
            }));
        for (raw, source) in candidates {
            if let Some(tag) = normalize_language(&raw) {
                self.article.language = Some(tag);
                self.set_source("language", source);
                return;
            }
        }
    }

    /// `url`: `<link rel=canonical>`, `og:url`, JSON-LD, then what is known
    /// from outside the page, then a "saved from" comment.
    fn url(&mut self, hints: &Hints) {
        let page = self.page;
        let base = hints
            .url
            .clone()
            .or_else(|| page.meta(&["og:url"]).map(|(_, v)| v.to_string()))
            .or_else(|| page.saved_from.clone());
        let candidates = page
            .link("canonical")
            .map(|u| (u.to_string(), "link:canonical".to_string()))
            .into_iter()
            .chain(META_URL.iter().filter_map(|key| {
                page.metas_named(key)
                    .next()
                    .map(|v| (v.to_string(), format!("meta:{key}")))
            }))
            .chain(self.ld.and_then(|a| a.url()).map(|u| (u, "json-ld".into())))
            .chain(hints.url.clone().map(|u| (u, "hint".into())))
            .chain(
                page.saved_from
                    .clone()
                    .map(|u| (u, "comment:saved-from".into())),
            );
        for (raw, source) in candidates {
            let url = absolute(&raw, base.as_deref());
            if url.starts_with("http://") || url.starts_with("https://") {
                self.article.url = Some(url);
                self.set_source("url", source);
                return;
            }
        }
    }

    /// `site_name`: `og:site_name` and kin, the JSON-LD publisher or website.
    fn site_name(&mut self) {
        let from_meta = self
            .page
            .meta(META_SITE_NAME)
            .map(|(k, v)| (clean_text(v), format!("meta:{k}")));
        let from_ld = self
            .ld
            .and_then(|a| a.publisher())
            .or_else(|| self.website_name.clone())
            .map(|n| (clean_text(&n), "json-ld".to_string()));
        if let Some((name, source)) = from_meta
            .into_iter()
            .chain(from_ld)
            .find(|(n, _)| !n.is_empty())
        {
            self.article.site_name = Some(name);
            self.set_source("site_name", source);
        }
    }

    /// Whether a title part names the site rather than the article.
    fn is_site_part(&self, part: &str) -> bool {
        let folded = fold(part);
        let squeezed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
        if squeezed.is_empty() {
            return true;
        }
        if let Some(site) = &self.article.site_name {
            let site = fold(site);
            let site_squeezed: String = site.chars().filter(|c| c.is_alphanumeric()).collect();
            if folded == site
                || squeezed == site_squeezed
                || (words(part).len() <= SITE_PART_MAX_WORDS
                    && (site.contains(&folded) || folded.contains(&site)))
            {
                return true;
            }
        }
        if let Some(host) = self.host() {
            let host_squeezed: String = host.chars().filter(|c| c.is_alphanumeric()).collect();
            let label = host.split('.').rev().nth(1).unwrap_or(&host).to_string();
            if squeezed == host_squeezed || (squeezed.len() > 2 && squeezed == label) {
                return true;
            }
            if folded.contains('.') && host.ends_with(folded.trim_start_matches("www.")) {
                return true;
            }
        }
        false
    }

    /// A title without its site name and section parts. `aggressive` also
    /// drops short trailing parts when the site is not known (for `<title>`).
    fn strip_title(&self, title: &str, aggressive: bool) -> (String, Option<String>) {
        let parts = split_title(title);
        if parts.len() < 2 {
            return (title.to_string(), None);
        }
        let mut kept: Vec<(&str, &str)> = parts.clone();
        let mut dropped: Option<String> = None;
        kept.retain(|(_, p)| {
            let site = self.is_site_part(p);
            if site && dropped.is_none() {
                dropped = Some(p.to_string());
            }
            !site
        });
        if kept.is_empty() {
            return (title.to_string(), None);
        }
        // A leading section name: "Opinion | …".
        while kept.len() > 1
            && words(kept[0].1)
                .iter()
                .all(|w| SECTION_WORDS.contains(&w.as_str()))
        {
            kept.remove(0);
        }
        if aggressive || self.article.site_name.is_none() {
            while kept.len() > 1 {
                let last = kept[kept.len() - 1].1;
                let rest_words: usize = kept[..kept.len() - 1].iter().map(|(_, p)| weight(p)).sum();
                if weight(last) <= SITE_PART_MAX_WORDS
                    && rest_words >= MIN_HEADLINE_WORDS
                    && weight(last) < rest_words
                {
                    if dropped.is_none() {
                        dropped = Some(last.to_string());
                    }
                    kept.pop();
                } else {
                    break;
                }
            }
        }
        let mut out = String::new();
        for (i, (sep, part)) in kept.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(part);
        }
        (out, dropped)
    }

    /// `headline`: the `h1` when it agrees with the metadata title, else the
    /// metadata title, else `<title>`, each without site and section names.
    /// Returns the index of the text line the headline stands at, if shown.
    fn headline(&mut self) -> Option<usize> {
        let page = self.page;
        let mut titles: Vec<(String, String)> = Vec::new();
        if let Some(h) = self.ld.filter(|a| !a.is_page).and_then(|a| a.headline()) {
            titles.push((clean_text(&h), "json-ld".into()));
        }
        for key in META_TITLE {
            if let Some(v) = page.metas_named(key).next() {
                titles.push((clean_text(v), format!("meta:{key}")));
            }
        }
        if let Some(t) = &page.title {
            titles.push((t.clone(), "title".into()));
        }
        titles.retain(|(t, _)| !t.is_empty() && !is_placeholder(t));
        let stripped: Vec<(String, Option<String>, String)> = titles
            .iter()
            .map(|(t, source)| {
                let (s, dropped) = self.strip_title(t, source == "title");
                (s, dropped, source.clone())
            })
            .collect();
        let mut h1s: Vec<&Spot> = page.h1s.iter().collect();
        h1s.sort_by_key(|s| s.foreign);
        let site = self.article.site_name.as_deref().map(fold);
        for h1 in &h1s {
            let (shown, _) = self.strip_title(&h1.text, false);
            if site.as_deref() == Some(fold(&shown).as_str()) {
                continue;
            }
            for ((t, _), (s, _, source)) in titles.iter().zip(&stripped) {
                if !agrees(&shown, t, s) {
                    continue;
                }
                // An h1 holding more than the title (a kicker, a date, the
                // section) gives way to the title; otherwise the h1 wins.
                let longer = fold(&shown).contains(&fold(s)) && fold(&shown) != fold(s);
                if longer && weight(s) >= MIN_HEADLINE_WORDS {
                    self.article.headline = s.clone();
                    self.set_source("headline", source.clone());
                } else {
                    self.article.headline = shown;
                    self.set_source("headline", "h1");
                }
                self.site_from_title(&stripped);
                return Some(h1.line);
            }
        }
        // The page's one headline that the metadata words differently (an
        // SEO title): what the reader sees wins.
        let own: Vec<&&Spot> = h1s.iter().filter(|h| !h.foreign).collect();
        if let [h1] = own.as_slice() {
            let (shown, _) = self.strip_title(&h1.text, false);
            if weight(&shown) >= LONE_H1_MIN_WORDS && site.as_deref() != Some(fold(&shown).as_str())
            {
                self.article.headline = shown;
                self.set_source("headline", "h1");
                self.site_from_title(&stripped);
                return Some(h1.line);
            }
        }
        let chosen = stripped
            .iter()
            .find(|(s, _, _)| site.as_deref() != Some(fold(s).as_str()) && !words(s).is_empty());
        if let Some((headline, _, source)) = chosen {
            self.article.headline = headline.clone();
            self.set_source("headline", source.clone());
            self.site_from_title(&stripped);
            let target = fold(headline);
            // Folding never drops a letter: a line with more of them than
            // the headline is not it, and is passed over unfolded.
            let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
            let most = letters(&target);
            return page
                .h1s
                .iter()
                .find(|h| fold(&h.text) == target)
                .map(|h| h.line)
                .or_else(|| {
                    page.lines
                        .iter()
                        .position(|l| letters(&l.text) <= most && fold(&l.text) == target)
                })
                .or_else(|| h1s.first().map(|h| h.line));
        }
        if let Some(h1) = h1s.first() {
            self.article.headline = h1.text.clone();
            self.set_source("headline", "h1");
            return Some(h1.line);
        }
        None
    }

    /// When no metadata names the site, the part cut off the `<title>` does.
    fn site_from_title(&mut self, stripped: &[(String, Option<String>, String)]) {
        if self.article.site_name.is_some() {
            return;
        }
        if let Some((_, Some(dropped), _)) = stripped.iter().find(|(_, _, src)| src == "title") {
            let name = clean_text(dropped);
            if !name.is_empty() && fold(&name) != fold(&self.article.headline) {
                self.article.site_name = Some(name);
                self.set_source("site_name", "title");
            }
        }
    }

    /// Whether a byline candidate only names the site.
    fn is_site_name(&self, name: &str) -> bool {
        let folded = fold(name);
        self.article
            .site_name
            .as_deref()
            .is_some_and(|s| fold(s) == folded)
            || self
                .website_name
                .as_deref()
                .is_some_and(|s| fold(s) == folded)
            || self.host().is_some_and(|h| {
                let squeezed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
                h.split('.').any(|label| label == squeezed)
            })
    }

    /// `byline` and `authors`: JSON-LD authors, author meta tags, microdata,
    /// `rel=author`, elements whose class names the byline, then a "By …"
    /// line near the headline.
    fn byline(&mut self, anchor: Option<usize>) {
        let page = self.page;
        let mut candidates: Vec<(String, bool, String)> = Vec::new();
        if let Some(ld) = self.ld {
            let people: Vec<String> = ld
                .authors()
                .into_iter()
                .filter(|a| !a.organization)
                .map(|a| a.name)
                .collect();
            if !people.is_empty() {
                candidates.push((people.join("\n, "), false, "json-ld".into()));
            }
        }
        for key in META_AUTHOR {
            let values: Vec<&str> = page
                .metas_named(key)
                .filter(|v| !v.contains("://") && !v.starts_with("www."))
                .collect();
            if !values.is_empty() {
                candidates.push((values.join("\n, "), false, format!("meta:{key}")));
            }
        }
        for spot in by_nearness(
            page.props_named("author")
                .chain(page.props_named("creator")),
            anchor,
        ) {
            if !spot.foreign {
                candidates.push((spot.text.clone(), true, "itemprop:author".into()));
            }
        }
        for spot in by_nearness(page.rel_authors.iter(), anchor) {
            if !spot.foreign {
                candidates.push((spot.text.clone(), true, "rel:author".into()));
            }
        }
        for spot in by_nearness(page.bylines.iter(), anchor) {
            if !spot.foreign {
                candidates.push((spot.text.clone(), true, "class:byline".into()));
            }
        }
        let headline = fold(&self.article.headline);
        for i in page.lines_near(anchor) {
            let line = &page.lines[i];
            if line.foreign
                || line.text.chars().count() > MAX_META_LINE_CHARS
                || fold(&line.text) == headline
            {
                continue;
            }
            if starts_with_prefix(&line.text) {
                candidates.push((line.text.clone(), true, "text:byline".into()));
            } else if strip_prefix(&line.text)
                .is_some_and(|rest| rest.trim_matches([':', ' ']).is_empty())
                && let Some(next) = page.lines.get(i + 1).filter(|l| !l.foreign)
            {
                // A byline word alone on its line ("Von:"), the name below it.
                candidates.push((next.text.clone(), true, "text:byline".into()));
            } else if let Some(rest) = inner_byline(&line.text, self.day_order())
                && clean_byline(rest, true).is_some_and(|(_, names)| {
                    // Mid-line, "von"/"by" is as often a preposition: only
                    // full names (given and family name) count.
                    names.iter().all(|n| n.split_whitespace().count() >= 2)
                })
            {
                candidates.push((rest.to_string(), true, "text:byline".into()));
            }
        }
        for (raw, strict, source) in candidates {
            if let Some((display, names)) = clean_byline(&raw, strict) {
                let before = names.len();
                let names: Vec<String> = names
                    .into_iter()
                    .filter(|n| !self.is_site_name(n))
                    .collect();
                if names.is_empty() {
                    continue;
                }
                let display = if display.is_empty() || names.len() != before {
                    self.join_names(&names)
                } else {
                    display
                };
                self.article.byline = Some(display);
                self.article.authors = names;
                self.set_source("byline", source.clone());
                self.set_source("authors", source);
                return;
            }
        }
    }

    /// Several names as a byline displays them: "A and B", "A, B and C" in
    /// English; "A, B" otherwise.
    fn join_names(&self, names: &[String]) -> String {
        let english = self
            .article
            .language
            .as_deref()
            .is_none_or(|l| l.starts_with("en"));
        match names {
            [first @ .., last] if english && !first.is_empty() => {
                format!("{} and {last}", first.join(", "))
            }
            _ => names.join(", "),
        }
    }

    /// `published` and `modified`: JSON-LD, meta tags, microdata, `<time>`,
    /// dated lines near the headline, then a date in the URL's path. A date
    /// marked as an update ("Updated …", "Last update: …") is never the
    /// publication date.
    fn dates(&mut self, anchor: Option<usize>) {
        let page = self.page;
        let order = self.day_order();
        let mut published: Vec<(String, String)> = Vec::new();
        let mut modified: Vec<(String, String)> = Vec::new();
        let mut late_published: Vec<(String, String)> = Vec::new();
        if let Some(ld) = self.ld {
            let target = if ld.is_page {
                &mut late_published
            } else {
                &mut published
            };
            for key in ["datePublished", "dateCreated"] {
                if let Some(v) = ld.text(key) {
                    target.push((v, "json-ld".into()));
                }
            }
            if let Some(v) = ld.text("dateModified") {
                modified.push((v, "json-ld".into()));
            }
        }
        for key in META_PUBLISHED {
            for v in page.metas_named(key).take(1) {
                published.push((v.to_string(), format!("meta:{key}")));
            }
        }
        published.append(&mut late_published);
        for key in META_MODIFIED {
            for v in page.metas_named(key).take(1) {
                modified.push((v.to_string(), format!("meta:{key}")));
            }
        }
        for spot in by_nearness(page.props_named("datePublished"), anchor) {
            published.push((spot.text.clone(), "itemprop:datePublished".into()));
        }
        for spot in by_nearness(page.props_named("dateModified"), anchor) {
            modified.push((spot.text.clone(), "itemprop:dateModified".into()));
        }
        let time_spots: Vec<&Spot> = by_nearness(page.times.iter().map(|t| &t.spot), anchor);
        let time_of = |spot: &Spot| {
            page.times
                .iter()
                .find(|t| std::ptr::eq(&t.spot, spot))
                .expect("spot of a time tag")
        };
        for spot in time_spots.iter().filter(|s| !s.foreign) {
            let tag = time_of(spot);
            let value = tag.datetime.clone().unwrap_or_else(|| spot.text.clone());
            match tag.role {
                DateRole::Published => published.insert(
                    published.len().min(self.first_text_index(&published)),
                    (value, "time".into()),
                ),
                DateRole::Modified => modified.push((value, "time".into())),
                DateRole::Unknown => published.push((value, "time".into())),
            }
        }
        for spot in by_nearness(page.date_spots.iter(), anchor) {
            if !spot.foreign {
                self.dated_text(
                    &spot.text,
                    order,
                    "text:date",
                    &mut published,
                    &mut modified,
                );
            }
        }
        for i in page.lines_near(anchor) {
            let line = &page.lines[i];
            if line.foreign {
                continue;
            }
            if line.text.chars().count() <= MAX_META_LINE_CHARS {
                self.dated_text(
                    &line.text,
                    order,
                    "text:date",
                    &mut published,
                    &mut modified,
                );
            } else if let Some((stamp, 0)) = dates::find_all(&line.text, order).first() {
                // A dateline opening the first paragraphs ("27.1.2022 - Bei …").
                published.push((stamp.iso(), "text:dateline".into()));
            }
        }
        // Last, a date the page labels as the publication anywhere, even in
        // its footer ("Erschienen am: 01.11.2023").
        for line in page.lines.iter().filter(|l| l.foreign) {
            if line.text.chars().count() <= MAX_META_LINE_CHARS {
                for (stamp, start) in dates::find_all(&line.text, order) {
                    if role_of(&context_before(&line.text, start)) == DateRole::Published {
                        published.push((stamp.iso(), "text:labelled".into()));
                    }
                }
            }
        }
        if let Some(url) = &self.article.url
            && let Some(c) = URL_DATE_RE.captures(url)
        {
            published.push((format!("{}-{}-{}", &c[1], &c[2], &c[3]), "url".into()));
        }
        let parse_first = |list: &[(String, String)]| {
            list.iter()
                .find_map(|(v, src)| parse_date(v, order).map(|s| (s, src.clone())))
        };
        let shown = published
            .iter()
            .filter(|(_, src)| src == "text:date")
            .find_map(|(v, _)| parse_date(v, order));
        let mut published = parse_first(&published);
        if let (Some((stamp, source)), Some(shown)) = (&mut published, shown)
            && let Some(local) = dates::localize(*stamp, shown)
        {
            *stamp = local;
            *source = format!("{source}+text:date");
        }
        let modified = parse_first(&modified);
        if let Some((stamp, source)) = &published {
            self.article.published = Some(stamp.iso());
            self.set_source("published", source.clone());
        }
        if let Some((stamp, source)) = modified {
            let later = published
                .as_ref()
                .is_none_or(|(p, _)| stamp.day_key() >= p.day_key());
            if later {
                self.article.modified = Some(stamp.iso());
                self.set_source("modified", source);
            }
        }
    }

    /// Where in a list of date candidates the text-derived ones start (a
    /// `<time>` marked as the publication goes before them).
    fn first_text_index(&self, list: &[(String, String)]) -> usize {
        list.iter()
            .position(|(_, src)| src == "time" || src.starts_with("text"))
            .unwrap_or(list.len())
    }

    /// Adds the dates written in a piece of text to the publication or the
    /// update candidates, by the words before each.
    fn dated_text(
        &self,
        text: &str,
        order: DayOrder,
        source: &str,
        published: &mut Vec<(String, String)>,
        modified: &mut Vec<(String, String)>,
    ) {
        for line in text.lines() {
            for (stamp, start) in dates::find_all(line, order) {
                let context = context_before(line, start);
                let entry = (stamp.iso(), source.to_string());
                match role_of(&context) {
                    DateRole::Modified => modified.push(entry),
                    _ => published.push(entry),
                }
            }
        }
    }

    /// `description`: `og:description`, `description`, JSON-LD.
    fn description(&mut self) {
        let candidate = self
            .page
            .meta(META_DESCRIPTION)
            .map(|(k, v)| (clean_text(v), format!("meta:{k}")))
            .or_else(|| {
                self.ld
                    .and_then(|a| a.text("description"))
                    .map(|d| (clean_text(&d), "json-ld".into()))
            });
        if let Some((text, source)) = candidate.filter(|(t, _)| !t.is_empty() && !is_placeholder(t))
        {
            self.article.description = Some(text);
            self.set_source("description", source);
        }
    }

    /// `image`: `og:image` and kin, JSON-LD, `<link rel=image_src>`.
    fn image(&mut self) {
        let page = self.page;
        let candidate = page
            .meta(META_IMAGE)
            .map(|(k, v)| (v.to_string(), format!("meta:{k}")))
            .or_else(|| {
                self.ld
                    .and_then(|a| a.image())
                    .map(|u| (u, "json-ld".into()))
            })
            .or_else(|| {
                page.link("image_src")
                    .map(|u| (u.to_string(), "link:image_src".into()))
            });
        if let Some((url, source)) = candidate {
            self.article.image = Some(absolute(url.trim(), self.article.url.as_deref()));
            self.set_source("image", source);
        }
    }

    /// `tags`: `article:tag` and kin (repeated or comma-separated), JSON-LD
    /// keywords.
    fn tags(&mut self) {
        let page = self.page;
        for key in META_TAGS {
            let values: Vec<&str> = page.metas_named(key).collect();
            if values.is_empty() {
                continue;
            }
            let tags = unique_tags(values.iter().flat_map(|v| v.split(',')).map(str::to_string));
            if !tags.is_empty() {
                self.article.tags = tags;
                self.set_source("tags", format!("meta:{key}"));
                return;
            }
        }
        if let Some(ld) = self.ld {
            let tags = unique_tags(ld.keywords().into_iter());
            if !tags.is_empty() {
                self.article.tags = tags;
                self.set_source("tags", "json-ld");
                return;
            }
        }
        let tags = unique_tags(
            page.rel_tags
                .iter()
                .filter(|s| !s.foreign)
                .map(|s| s.text.clone()),
        );
        if !tags.is_empty() {
            self.article.tags = tags;
            self.set_source("tags", "rel:tag");
        }
    }
}

static URL_DATE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(URL_DATE).expect("valid regex"));

fn parse_date(value: &str, order: DayOrder) -> Option<Stamp> {
    let value = clean_text(value);
    if value.is_empty() {
        return None;
    }
    dates::parse(&value, order)
}

fn unique_tags(raw: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    raw.map(|t| clean_text(&t))
        .filter(|t| !t.is_empty() && !is_placeholder(t))
        .filter(|t| seen.insert(t.to_lowercase()))
        .take(MAX_TAGS)
        .collect()
}

/// Splits a title into its parts with the separator before each.
fn split_title(title: &str) -> Vec<(&str, &str)> {
    let mut parts = Vec::new();
    let mut sep = "";
    let mut rest = title;
    loop {
        let next = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| rest.find(s).map(|i| (i, *s)))
            .min_by_key(|(i, s)| (*i, std::cmp::Reverse(s.len())));
        match next {
            Some((i, s)) => {
                let part = rest[..i].trim();
                if !part.is_empty() {
                    parts.push((sep, part));
                }
                sep = s;
                rest = &rest[i + s.len()..];
            }
            None => {
                let part = rest.trim();
                if !part.is_empty() {
                    parts.push((sep, part));
                }
                return parts;
            }
        }
    }
}

/// Whether an `h1` is the metadata title as the page shows it: equal to the
/// title without its site name, contained in it, or sharing most words.
fn agrees(h1: &str, title: &str, stripped: &str) -> bool {
    let (h, t, s) = (fold(h1), fold(title), fold(stripped));
    if h.is_empty() {
        return false;
    }
    if h == s || h == t {
        return true;
    }
    let hw = words(&h);
    if hw.len() >= MIN_HEADLINE_WORDS && (t.contains(&h) || h.contains(&s)) {
        return true;
    }
    let sw: HashSet<String> = words(&s).into_iter().collect();
    let hs: HashSet<String> = hw.into_iter().collect();
    let common = hs.intersection(&sw).count();
    let most = hs.len().max(sw.len());
    most > 0 && common as f64 / most as f64 >= TITLE_AGREEMENT
}

/// Resolves a possibly relative URL against the page's URL.
fn absolute(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") || href.starts_with("data:") {
        return href.to_string();
    }
    let Some(base) = base.filter(|b| b.contains("://")) else {
        return href.to_string();
    };
    let (scheme, rest) = base.split_once("://").expect("checked above");
    if let Some(net) = href.strip_prefix("//") {
        return format!("{scheme}://{net}");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if href.starts_with('/') {
        return format!("{scheme}://{host}{href}");
    }
    let path = &rest[host.len()..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    format!("{scheme}://{host}{dir}{href}")
}

/// A BCP 47 tag in its usual case (`en`, `pt-BR`, `zh-Hant-TW`), or `None`
/// when the value is not a language tag.
pub fn normalize_language(raw: &str) -> Option<String> {
    let first = raw.split([',', ';']).next()?.trim().replace('_', "-");
    let mut parts = first.split('-').filter(|p| !p.is_empty());
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let primary = primary.to_ascii_lowercase();
    if matches!(primary.as_str(), "und" | "mul" | "zxx") {
        return None;
    }
    let mut tag = primary;
    for part in parts {
        if !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
        tag.push('-');
        match part.len() {
            4 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                tag.push_str(&part[..1].to_ascii_uppercase());
                tag.push_str(&part[1..].to_ascii_lowercase());
            }
            2 | 3 => tag.push_str(&part.to_ascii_uppercase()),
            _ => tag.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

// ---- bylines ------------------------------------------------------------------

/// Whether a line starts with a byline word ("By", "Von", "Автор:") followed by
/// more text.
fn starts_with_prefix(line: &str) -> bool {
    strip_prefix(line).is_some_and(|rest| !rest.trim().is_empty())
}

/// The text after a leading byline word, if there is one.
fn strip_prefix(text: &str) -> Option<&str> {
    // A prefix can only match where it starts as the text's first letter
    // lowercased: the others are passed over without lowercasing the text.
    let first: String = text
        .chars()
        .next()
        .map(char::to_lowercase)
        .into_iter()
        .flatten()
        .collect();
    PREFIXES_LONGEST_FIRST.iter().find_map(|p| {
        if !p.starts_with(first.as_str()) {
            return None;
        }
        let n = p.chars().count();
        let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        let (head, rest) = text.split_at(end);
        (head.to_lowercase() == *p).then_some(rest).filter(|rest| {
            p.ends_with(':')
                || rest.is_empty()
                || rest.starts_with(char::is_whitespace)
                || rest.starts_with(':')
        })
    })
}

/// [`BYLINE_PREFIXES`] longest first, so "by:" is not read as "by".
static PREFIXES_LONGEST_FIRST: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let mut list = BYLINE_PREFIXES.to_vec();
    list.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    list
});

/// The text after a byline word standing inside a short line ("Posted on
/// May 3, 2021 by Jane Doe" → "Jane Doe"), if there is one.
fn inner_byline(line: &str, order: DayOrder) -> Option<&str> {
    let short = line.split_whitespace().count() <= BYLINE_INNER_MAX_WORDS;
    if !short && dates::find(line, order).is_none() {
        return None;
    }
    let mut offset = 0;
    for word in line.split_inclusive(char::is_whitespace) {
        let bare = word.trim();
        offset += word.len();
        if BYLINE_INNER_WORDS
            .iter()
            .any(|w| bare.eq_ignore_ascii_case(w))
        {
            let rest = &line[offset..];
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return Some(rest);
            }
        }
    }
    None
}

/// Cleans a byline as the page prints it into the display form and the
/// individual names: no leading "By", nothing after a date, a role or a
/// separator, organizations and job titles dropped. `strict` (visible text)
/// also asks names to be capitalized. `None` when no name is left.
pub fn clean_byline(raw: &str, strict: bool) -> Option<(String, Vec<String>)> {
    // The first line that holds more than a byline word.
    let mut text = String::new();
    for line in raw.lines() {
        let line = clean_text(line);
        let rest = strip_prefix(&line)
            .map(str::to_string)
            .unwrap_or(line.clone());
        let rest = rest.trim_start_matches([':', ' ']).trim().to_string();
        if !rest.is_empty() {
            // A list of names from metadata continues on the next lines.
            text = if raw.contains("\n, ") {
                raw.replace("\n, ", ", ")
            } else {
                rest
            };
            break;
        }
    }
    if raw.contains("\n, ") {
        text = raw
            .split("\n, ")
            .map(clean_text)
            .map(|t| strip_prefix(&t).map(|r| r.trim().to_string()).unwrap_or(t))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let mut text = text.trim().to_string();
    if let Some((_, start)) = dates::find_all(&text, DayOrder::DayFirst).first() {
        text.truncate(*start);
    }
    let text = cut_at_stop(&text);
    let display = text
        .trim()
        .trim_end_matches([',', ';', ':', '-', '|', '/', '–', '—', '·', '•'])
        .trim();
    if display.is_empty() || display.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut clean = true;
    for part in split_authors(display) {
        match clean_name(&part, strict) {
            Some(name) => {
                if !names
                    .iter()
                    .any(|n| n.to_lowercase() == name.to_lowercase())
                {
                    names.push(name);
                }
            }
            None => clean = false,
        }
    }
    if names.is_empty() || names.len() > MAX_AUTHORS {
        return None;
    }
    let display = if clean {
        display.to_string()
    } else {
        names.join(", ")
    };
    Some((display, names))
}

/// The byline up to the first stop word or separator mark.
fn cut_at_stop(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for token in text.split_whitespace() {
        let lower = token.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '|');
        let is_stop = BYLINE_STOP_WORDS.iter().any(|w| {
            // Short stop words ("on", "le") only when written in lowercase.
            (*w == lower || *w == bare)
                && (w.chars().count() > 3 || token.chars().all(|c| !c.is_uppercase()))
        });
        if is_stop && !out.is_empty() {
            break;
        }
        if is_stop {
            continue;
        }
        out.push(token);
    }
    out.join(" ")
}

/// Splits a byline into its author parts.
fn split_authors(text: &str) -> Vec<String> {
    let mut parts = vec![text.to_string()];
    for sep in AUTHOR_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a name is a web address ("stol.it", "LAOLA1.at"): the site, not
/// a person.
fn is_domain(part: &str) -> bool {
    !part.contains(char::is_whitespace)
        && part.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// One author's name cleaned of job titles, or `None` when the part is not
/// a person's name (an organization, a date, a handle, a sentence).
fn clean_name(part: &str, strict: bool) -> Option<String> {
    let part = strip_prefix(part).unwrap_or(part).trim();
    let part =
        part.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | ')' | '.' | '\''));
    let part = part.trim_start_matches('(').trim_end_matches(')');
    if part.is_empty()
        || part.contains("://")
        || part.contains('@')
        || part.starts_with("www.")
        || is_domain(part)
    {
        return None;
    }
    let lower = part.to_lowercase();
    let tokens: Vec<&str> = part.split_whitespace().collect();
    let lower_tokens: Vec<String> = tokens
        .iter()
        .map(|t| {
            t.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .collect();
    if lower_tokens
        .iter()
        .any(|t| ORGANIZATION_WORDS.contains(&t.as_str()))
        || ORGANIZATION_WORDS
            .iter()
            .any(|w| w.starts_with('.') && lower.contains(w))
    {
        return None;
    }
    let mut start = 0;
    let mut end = tokens.len();
    while start < end && BYLINE_ROLE_WORDS.contains(&lower_tokens[start].as_str()) {
        start += 1;
    }
    while end > start && BYLINE_ROLE_WORDS.contains(&lower_tokens[end - 1].as_str()) {
        end -= 1;
    }
    let kept = &tokens[start..end];
    if kept.is_empty()
        || kept.len() > MAX_NAME_WORDS
        || lower_tokens[start..end]
            .iter()
            .any(|t| BYLINE_ROLE_WORDS.contains(&t.as_str()))
    {
        return None;
    }
    let digits = kept
        .iter()
        .flat_map(|t| t.chars())
        .filter(char::is_ascii_digit)
        .count();
    if digits >= 4 {
        return None;
    }
    if strict {
        let cased: Vec<&&str> = kept
            .iter()
            .filter(|t| t.chars().any(|c| c.is_lowercase() || c.is_uppercase()))
            .collect();
        let capitalized = |t: &str| {
            t.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| !c.is_lowercase())
        };
        let all_ok = cased
            .iter()
            .all(|t| capitalized(t) || BYLINE_NAME_PARTICLES.contains(&t.to_lowercase().as_str()));
        if !all_ok || (!cased.is_empty() && !cased.iter().any(|t| capitalized(t))) {
            return None;
        }
    }
    Some(kept.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Article {
        extract(&Html::parse_document(html), &Hints::default())
    }

    fn names(raw: &str) -> Option<(String, Vec<String>)> {
        clean_byline(raw, true)
    }

    #[test]
    fn bylines_lose_their_prefix_date_and_roles() {
        assert_eq!(
            names("By Nazrin Gadimova February 5, 2020"),
            Some(("Nazrin Gadimova".into(), vec!["Nazrin Gadimova".into()]))
        );
        assert_eq!(
            names("Автор: Айгерим Сейткали").unwrap().1,
            ["Айгерим Сейткали"]
        );
        assert_eq!(names("Von Hans Müller").unwrap().1, ["Hans Müller"]);
        assert_eq!(names("Par Jean Dupont").unwrap().1, ["Jean Dupont"]);
        assert_eq!(names("Por María García").unwrap().1, ["María García"]);
        assert_eq!(names("By Jane Doe, Senior Writer").unwrap().1, ["Jane Doe"]);
        assert_eq!(names("Jane Doe; Condé Nast").unwrap().1, ["Jane Doe"]);
        assert_eq!(
            names("By Jane Doe and John Roe | Updated 3 hours ago"),
            Some((
                "Jane Doe and John Roe".into(),
                vec!["Jane Doe".into(), "John Roe".into()]
            ))
        );
        assert_eq!(names("By\nJane Doe\nJune 3, 2021").unwrap().1, ["Jane Doe"]);
        assert_eq!(
            names("Michelina C. de la Maza").unwrap().1,
            ["Michelina C. de la Maza"]
        );
        assert_eq!(names("Associated Press"), None);
        assert_eq!(clean_byline("stol.it", false), None);
        assert_eq!(
            clean_byline("C. Habermueller", false).unwrap().1,
            ["C. Habermueller"]
        );
        assert_eq!(names("share this story"), None);
    }

    #[test]
    fn a_byline_word_alone_takes_the_name_below_it() {
        let a = meta_of(
            "<body><h1>Der WindRebell kommt</h1><p>Text des Artikels.</p>\
             <p><b>Von:</b><br><br>Götz Warnke</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("Götz Warnke"));
        assert_eq!(a.provenance["byline"], "text:byline");
    }

    #[test]
    fn headline_prefers_the_h1_that_agrees_with_the_title() {
        let a = meta_of(
            "<title>Mike Pompeo Urges Kazakhstan To Pressure China - Newsroom</title>\
             <body><h1>Newsroom</h1><article><h1>Mike Pompeo Urges Kazakhstan To Pressure China</h1>\
             <p>By Nazrin Gadimova February 5, 2020</p></article></body>",
        );
        assert_eq!(a.headline, "Mike Pompeo Urges Kazakhstan To Pressure China");
        assert_eq!(a.provenance["headline"], "h1");
        assert_eq!(a.byline.as_deref(), Some("Nazrin Gadimova"));
        assert_eq!(a.provenance["byline"], "text:byline");
        assert_eq!(a.published.as_deref(), Some("2020-02-05"));
        assert_eq!(a.site_name.as_deref(), Some("Newsroom"));
    }

    #[test]
    fn title_loses_site_and_section_names() {
        let a = meta_of(
            r#"<head><title>Opinion | The case for trains | CBC News</title>
               <meta property="og:site_name" content="CBC News"></head><body><p>x</p></body>"#,
        );
        assert_eq!(a.headline, "The case for trains");
        assert_eq!(a.provenance["headline"], "title");
    }

    #[test]
    fn updated_line_is_modified_not_published() {
        let a = meta_of(
            "<html lang=en><body><div>Last update: March 29, 2024 01:04</div>\
             <h1>Headline here now</h1><p>By Nazrin Gadimova February 5, 2020</p>\
             <p>Body text.</p></body></html>",
        );
        assert_eq!(a.published.as_deref(), Some("2020-02-05"));
        assert_eq!(a.modified.as_deref(), Some("2024-03-29T01:04:00"));
    }

    #[test]
    fn json_ld_comes_first() {
        let a = meta_of(
            r#"<html lang="en_us"><head><title>Other | Site</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"The headline",
              "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
              "datePublished":"2020-02-05T10:12:00+03:00","dateModified":"2020-02-06",
              "publisher":{"@type":"Organization","name":"Site"}}</script>
            <meta name="author" content="Someone Else"></head><body></body></html>"#,
        );
        assert_eq!(a.headline, "The headline");
        assert_eq!(a.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(a.published.as_deref(), Some("2020-02-05T10:12:00+03:00"));
        assert_eq!(a.modified.as_deref(), Some("2020-02-06"));
        assert_eq!(a.site_name.as_deref(), Some("Site"));
        assert_eq!(a.language.as_deref(), Some("en-US"));
        assert_eq!(a.provenance["byline"], "json-ld");
    }

    #[test]
    fn meta_tags_fill_the_rest() {
        let a = meta_of(
            r#"<head><meta property="og:title" content="A title">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2021-06-01T08:00:00Z">
            <meta property="article:tag" content="Politics"><meta property="article:tag" content="China">
            <meta property="og:image" content="/img/lead.jpg">
            <meta property="og:url" content="https://example.com/news/a-title">
            <meta name="description" content="  A summary. "></head><body></body>"#,
        );
        assert_eq!(a.headline, "A title");
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.published.as_deref(), Some("2021-06-01T08:00:00Z"));
        assert_eq!(a.tags, ["Politics", "China"]);
        assert_eq!(a.image.as_deref(), Some("https://example.com/img/lead.jpg"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/news/a-title"));
        assert_eq!(a.description.as_deref(), Some("A summary."));
    }

    #[test]
    fn no_author_means_no_byline() {
        let a = meta_of(
            r#"<head><meta property="og:site_name" content="Daily Planet">
            <meta name="author" content="Daily Planet"></head><body><h1>Something happened today</h1></body>"#,
        );
        assert_eq!(a.byline, None);
        assert!(a.authors.is_empty());
    }

    #[test]
    fn languages_are_normalized() {
        assert_eq!(normalize_language("en").as_deref(), Some("en"));
        assert_eq!(normalize_language("EN-us").as_deref(), Some("en-US"));
        assert_eq!(normalize_language("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(
            normalize_language("zh-hant-tw").as_deref(),
            Some("zh-Hant-TW")
        );
        assert_eq!(normalize_language("x-default"), None);
    }

    #[test]
    fn relative_urls_resolve() {
        assert_eq!(
            absolute("/a.jpg", Some("https://x.org/n/p.html")),
            "https://x.org/a.jpg"
        );
        assert_eq!(
            absolute("b.jpg", Some("https://x.org/n/p.html")),
            "https://x.org/n/b.jpg"
        );
        assert_eq!(
            absolute("//cdn.x.org/c.jpg", Some("https://x.org/")),
            "https://cdn.x.org/c.jpg"
        );
    }
}
