//! Main content: find the element that holds the article body and turn its
//! children into blocks, leaving navigation, teasers, ads and other page
//! furniture behind.
//!
//! The page is first flattened into a [`Page`]: its elements and texts in
//! document order, each subtree a contiguous range, with script, hidden and
//! furniture subtrees left out. Text, link-text, comma and element counts are
//! then summed bottom-up in one reverse pass, so no subtree's text is ever
//! collected twice. Paragraph-like elements score their ancestors (commas,
//! length, class/id hints, semantic markup); the best candidate, adjusted by
//! its runner-ups and joined by its prose siblings, is handed to
//! [`blocks`](super::blocks) for conversion. A result that is too short is
//! retried with fewer removals, as Readability does.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;
use scraper::{Html, Node};

use super::blocks;
use super::normalize::{
    ascii_within, bytes_equal, continuation_bytes, flags_set, fold, folds_to, lowercase,
    wide_space_leads,
};
use super::patterns::*;
use super::tagset::TagKinds;
use crate::model::{Article, Block, Inline};

/// Index value meaning "no parent".
const NONE: usize = usize::MAX;

/// One element or text of the page, in document order.
pub(super) struct Item<'a> {
    /// The tag name (lower case), or empty for a text.
    pub tag: &'a str,
    /// The element, when this is one.
    pub element: Option<&'a scraper::node::Element>,
    /// The characters, when this is a text.
    pub text: &'a str,
    /// Index of the parent, or [`NONE`] for the document.
    pub parent: usize,
    /// One past the last index of this item's subtree.
    pub end: usize,
    /// Lower-cased `class` attribute (empty when absent).
    pub class: Cow<'a, str>,
    /// Lower-cased `id` attribute (empty when absent).
    pub id: Cow<'a, str>,
    /// Whether the tag is a block-level one ([`BLOCK_TAGS`]), looked up
    /// once.
    pub block_tag: bool,
    /// Whether the tag's text scores its ancestors ([`SCORED_TAGS`]),
    /// looked up once.
    pub scored_tag: bool,
}

/// Counts over an item's whole subtree, summed bottom-up once.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    /// Characters of text (white space runs counted once).
    pub text: usize,
    /// Characters of text inside links.
    pub link: usize,
    /// Commas of any script.
    pub commas: u32,
    /// `<p>` elements.
    pub paragraphs: u32,
    /// `<img>` elements.
    pub images: u32,
    /// `<li>` elements.
    pub items: u32,
    /// Embedded objects (`iframe`, `embed`, `object`), counted before they
    /// are skipped.
    pub embeds: u32,
    /// Characters of text inside headings.
    pub heading: usize,
    /// Whether a block-level element is inside.
    pub block: bool,
}

impl Stats {
    /// Share of the text that sits inside links.
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }

    fn add(&mut self, o: &Stats) {
        self.text += o.text;
        self.link += o.link;
        self.commas += o.commas;
        self.paragraphs += o.paragraphs;
        self.images += o.images;
        self.items += o.items;
        self.embeds += o.embeds;
        self.heading += o.heading;
        self.block |= o.block;
    }
}

/// Which removals an extraction attempt makes; each retry turns one off.
#[derive(Debug, Clone, Copy)]
pub(super) struct Flags {
    /// Drop unlikely-named blocks before scoring.
    pub strip_unlikely: bool,
    /// Let class/id hints weigh on scores and cleaning.
    pub weigh_classes: bool,
    /// Remove link lists, widgets and clutter inside the container.
    pub clean: bool,
}

/// The flattened page with its bottom-up counts.
pub(super) struct Page<'a> {
    /// Items in document order; `items[0]` is the document.
    pub items: Vec<Item<'a>>,
    /// Subtree counts, parallel to `items`.
    pub stats: Vec<Stats>,
    /// The removals in force.
    pub flags: Flags,
    /// The article's headline, folded, to drop its repetition.
    pub headline: String,
    /// The folded headline's length in characters.
    pub headline_chars: usize,
    /// The metadata description, folded: text matching it is the lead.
    pub description: Option<String>,
    /// Base URL for relative links.
    pub base: Option<String>,
}

impl<'a> Page<'a> {
    /// Whether item `i` is an element with tag `tag`.
    pub fn is(&self, i: usize, tag: &str) -> bool {
        self.items[i].tag == tag
    }

    /// The item's attribute, when it is an element that has it.
    pub fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        self.items[i].element.and_then(|e| e.attr(name))
    }

    /// Indexes of the item's children, in order.
    pub fn children(&self, i: usize) -> Children<'_, 'a> {
        Children {
            page: self,
            next: i + 1,
            end: self.items[i].end,
        }
    }

    /// Whether the element is a container of blocks rather than inline text.
    pub fn is_block(&self, i: usize) -> bool {
        let tag = self.items[i].tag;
        !tag.is_empty() && (self.items[i].block_tag || self.stats[i].block)
    }

    /// Whether the element holds only inline content and enough text to be
    /// read as a paragraph.
    pub fn is_paragraph_like(&self, i: usize) -> bool {
        let tag = self.items[i].tag;
        tag == "p"
            || (matches!(
                tag,
                "div" | "section" | "article" | "span" | "font" | "center"
            ) && !self.stats[i].block
                && self.stats[i].text > 0)
    }

    /// The class/id weight: one step down per negative name, one up per
    /// positive one.
    pub fn class_weight(&self, i: usize) -> f32 {
        if !self.flags.weigh_classes {
            return 0.0;
        }
        let item = &self.items[i];
        let mut w = 0.0;
        for name in [&item.class, &item.id] {
            if name.is_empty() {
                continue;
            }
            if has_hint(name, &NEGATIVE_HINT_SET) {
                w -= CLASS_WEIGHT;
            }
            if has_hint(name, &POSITIVE_HINT_SET) {
                w += CLASS_WEIGHT;
            }
        }
        w
    }

    /// The subtree's text with white space collapsed, gathered iteratively
    /// (used for short pieces and for flattening very deep nesting).
    pub fn plain_text(&self, i: usize) -> String {
        let mut out = String::new();
        for item in &self.items[i..self.items[i].end] {
            if item.tag.is_empty() {
                out.push_str(item.text);
            } else if item.block_tag || item.tag == "br" {
                out.push(' ');
            }
        }
        super::normalize::clean_text(&out)
    }
}

/// Iterator over an item's children.
pub(super) struct Children<'p, 'a> {
    page: &'p Page<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next = self.page.items[i].end;
        Some(i)
    }
}

/// A list of class/id fragments compiled into one automaton, so that a name
/// is searched for all of them in one pass.
pub(super) fn hint_set(hints: &[&str]) -> AhoCorasick {
    AhoCorasick::new(hints).expect("a list of fragments")
}

/// The tag lists every element is looked up in, all at once by its interned
/// name.
static TAG_KINDS: LazyLock<TagKinds> =
    LazyLock::new(|| TagKinds::new(&[BLOCK_TAGS, SKIP_TAGS, SCORED_TAGS]));
/// The bits of [`TAG_KINDS`]: one per list, in its order.
const BLOCK_KIND: u8 = 1;
const SKIP_KIND: u8 = 1 << 1;
const SCORED_KIND: u8 = 1 << 2;

static NEGATIVE_HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| hint_set(NEGATIVE_HINTS));
static POSITIVE_HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| hint_set(POSITIVE_HINTS));
static UNLIKELY_HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| hint_set(UNLIKELY_HINTS));
static MAYBE_CANDIDATE_HINT_SET: LazyLock<AhoCorasick> =
    LazyLock::new(|| hint_set(MAYBE_CANDIDATE_HINTS));

/// Whether a lower-cased class/id string contains any of the fragments.
pub(super) fn has_hint(name: &str, hints: &AhoCorasick) -> bool {
    !name.is_empty() && hints.is_match(name)
}

/// A list of class/id fragments looked for as words (see
/// [`has_word_hint`]), sorted once into the lookups a word needs: the pairs
/// of bytes the fragments start with, a set of the fragments, the lengths
/// of those long enough to start a word, and the hyphenated ones, which are
/// searched for in the whole name.
pub(super) struct WordHints {
    /// One bit for each pair of bytes a fragment without a hyphen starts
    /// with (a word starting otherwise names none: most are told at once).
    starts: Vec<u64>,
    /// Whether a fragment is a single byte (and has no pair to start with).
    single_byte: bool,
    /// The fragments without a hyphen.
    words: FxHashSet<&'static str>,
    /// The distinct byte lengths of the fragments without a hyphen that are
    /// long enough to be a word's beginning.
    prefix_lengths: Vec<usize>,
    /// The fragments with a hyphen.
    hyphenated: Vec<&'static str>,
}

impl WordHints {
    pub(super) fn new(hints: &[&'static str]) -> WordHints {
        let (hyphenated, plain): (Vec<&str>, Vec<&str>) =
            hints.iter().partition(|h| h.contains('-'));
        let mut prefix_lengths: Vec<usize> = plain
            .iter()
            .map(|h| h.len())
            .filter(|&n| n >= MIN_PREFIX_HINT)
            .collect();
        prefix_lengths.sort_unstable();
        prefix_lengths.dedup();
        let mut starts = vec![0u64; 1 << 10];
        for h in &plain {
            if let [a, b, ..] = h.as_bytes() {
                let pair = byte_pair(*a, *b);
                starts[pair >> 6] |= 1 << (pair & 63);
            }
        }
        WordHints {
            starts,
            single_byte: plain.iter().any(|h| h.len() < 2),
            words: plain.into_iter().collect(),
            prefix_lengths,
            hyphenated,
        }
    }

    /// Whether a word equals a fragment or starts with a long one.
    fn names(&self, w: &str) -> bool {
        if let [a, b, ..] = w.as_bytes() {
            let pair = byte_pair(*a, *b);
            if !self.single_byte && self.starts[pair >> 6] & (1 << (pair & 63)) == 0 {
                return false;
            }
        }
        self.words.contains(w)
            || self
                .prefix_lengths
                .iter()
                .any(|&n| n <= w.len() && w.is_char_boundary(n) && self.words.contains(&w[..n]))
    }
}

/// Two bytes as one index of a table of every pair.
fn byte_pair(a: u8, b: u8) -> usize {
    (usize::from(a) << 8) | usize::from(b)
}

/// Whether a lower-cased class/id string has a word naming one of the
/// fragments: the word equals it, or starts with it when the fragment is
/// long enough to be unambiguous ("sharebar", but not "tagstyle" for "tags").
/// Fragments with a hyphen match anywhere a word starts.
pub(super) fn has_word_hint(name: &str, hints: &WordHints) -> bool {
    if name.is_empty() {
        return false;
    }
    if name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && hints.names(w))
    {
        return true;
    }
    // A name without a hyphen holds no hyphenated fragment: not searched.
    if !name.contains('-') {
        return false;
    }
    let mut after_alphanumeric = false;
    for (at, c) in name.char_indices() {
        if !after_alphanumeric && hints.hyphenated.iter().any(|h| name[at..].starts_with(h)) {
            return true;
        }
        after_alphanumeric = c.is_alphanumeric();
    }
    false
}

/// The word-hint lists, sorted once.
pub(super) static CLUTTER_WORDS: LazyLock<WordHints> =
    LazyLock::new(|| WordHints::new(CLUTTER_HINTS));
pub(super) static LOGO_WORDS: LazyLock<WordHints> = LazyLock::new(|| WordHints::new(LOGO_HINTS));
static LEAD_WORDS: LazyLock<WordHints> = LazyLock::new(|| WordHints::new(LEAD_HINTS));
static PULL_QUOTE_WORDS: LazyLock<WordHints> = LazyLock::new(|| WordHints::new(PULL_QUOTE_HINTS));

/// What [`extract`] finds: the body and the standfirst printed above it.
#[derive(Debug, Default)]
pub struct Body {
    /// The body blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The lead shown under the headline, when the page names one.
    pub standfirst: Option<String>,
}

/// The body of the page and its standfirst.
pub fn extract(dom: &Html, meta: &Article) -> Body {
    let attempts = [
        Flags {
            strip_unlikely: true,
            weigh_classes: true,
            clean: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: true,
            clean: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: false,
            clean: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: false,
            clean: false,
        },
    ];
    let mut best: Option<(usize, Body)> = None;
    // Only the removal of unlikely-named blocks changes the flattened page:
    // the attempts without it share one.
    let mut unstripped: Option<Page> = None;
    for flags in attempts {
        let body = if flags.strip_unlikely {
            extract_from(&flatten(dom, meta, flags))
        } else {
            let page = unstripped.get_or_insert_with(|| flatten(dom, meta, flags));
            page.flags = flags;
            extract_from(page)
        };
        let chars: usize = body
            .blocks
            .iter()
            .filter(|b| b.is_textual())
            .map(|b| b.text().chars().count())
            .sum();
        if chars >= MIN_ARTICLE_CHARS {
            return body;
        }
        // A later attempt (with fewer removals) replaces an earlier short
        // one only when it finds clearly more text: the same container
        // with its clutter kept is not a better article.
        if best
            .as_ref()
            .is_none_or(|(c, _)| chars as f32 > *c as f32 * RETRY_GAIN)
        {
            best = Some((chars, body));
        }
    }
    best.map(|(_, b)| b).unwrap_or_default()
}

/// One extraction attempt over a flattened page.
fn extract_from(page: &Page) -> Body {
    let containers = choose_containers(page);
    let mut body = Vec::new();
    for &c in &containers {
        blocks::convert(page, c, &mut body);
    }
    let mut out = Vec::new();
    if let Some(&first) = containers.first() {
        for lead in leads_before(page, first) {
            blocks::convert(page, lead, &mut out);
        }
    }
    // A lead the body prints itself is not added again.
    out.retain(|l| !body.iter().any(|b| b.text() == l.text()));
    out.append(&mut body);
    if page.flags.clean {
        drop_furniture(&mut out);
    }
    // The standfirst is also the subtitle; the body keeps it where the page
    // prints it (readers and labelled corpora count it as article text).
    Body {
        blocks: out,
        standfirst: standfirst(page).map(|i| page.plain_text(i)),
    }
}

/// The standfirst: after the headline's `h1` and before the body's first
/// paragraph, an element named as a lead, of a sentence or more, that is
/// not one of its parent's paragraphs (an intro paragraph among the body's
/// own is body text).
fn standfirst(page: &Page) -> Option<usize> {
    let h1s = || (0..page.items.len()).filter(|&i| page.is(i, "h1"));
    let h1 = h1s()
        .find(|&i| folds_to(&page.plain_text(i), &page.headline))
        .or_else(|| h1s().next())?;
    let mut i = page.items[h1].end;
    while i < page.items.len() {
        let item = &page.items[i];
        if item.tag.is_empty() {
            i += 1;
            continue;
        }
        let s = &page.stats[i];
        let named = has_word_hint(&item.class, &LEAD_WORDS) || has_word_hint(&item.id, &LEAD_WORDS);
        if named
            && page.is_paragraph_like(i)
            && (LEAD_MIN_CHARS..=STANDFIRST_MAX_CHARS).contains(&s.text)
            && s.link_density() < SIBLING_MAX_LINK_DENSITY
        {
            let parent = item.parent;
            let among_paragraphs = parent != NONE
                && page
                    .children(parent)
                    .any(|c| c != i && page.is(c, "p") && page.stats[c].text >= LEAD_MIN_CHARS);
            return (!among_paragraphs).then_some(i);
        }
        if page.is(i, "p") && s.text >= LEAD_MIN_CHARS {
            return None; // the body has begun
        }
        i += 1;
    }
    None
}

/// Drops the page furniture after the article's last long paragraph: link
/// lines, short lines ending in a colon ("Share this:", "Read more:"), and
/// labels (headings, short unpunctuated lines such as "More on this topic")
/// that introduce nothing but other labels, pictures or the end of the page.
fn drop_furniture(blocks: &mut Vec<Block>) {
    let Some(last) = blocks.iter().rposition(|b| {
        matches!(b, Block::Paragraph { .. }) && b.text().chars().count() >= TAIL_PROSE_MIN_CHARS
    }) else {
        return;
    };
    let tail: Vec<Block> = blocks
        .split_off(last + 1)
        .into_iter()
        .filter(|b| match b {
            Block::Paragraph { .. } | Block::Heading { .. } => {
                link_share(b) <= TAIL_MAX_LINK_SHARE
                    && (b.text().chars().count() >= TAIL_LINE_MIN_CHARS || !b.text().ends_with(':'))
            }
            _ => true,
        })
        .collect();
    let label = |b: &Block| match b {
        Block::Heading { .. } => true,
        Block::Paragraph { text, .. } => {
            text.chars().count() < TAIL_LINE_MIN_CHARS && !text.ends_with(SENTENCE_ENDS)
        }
        _ => false,
    };
    let keep: Vec<bool> = (0..tail.len())
        .map(|i| {
            !label(&tail[i])
                || tail[i + 1..]
                    .iter()
                    .find(|x| !matches!(x, Block::Image { .. }))
                    .is_some_and(|x| !label(x))
        })
        .collect();
    blocks.extend(
        tail.into_iter()
            .zip(keep)
            .filter_map(|(b, k)| k.then_some(b)),
    );
}

/// Share of a paragraph's characters that sit inside links.
fn link_share(b: &Block) -> f32 {
    fn linked(inlines: &[Inline], inside: bool) -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text { text } | Inline::Code { text } if inside => text.chars().count(),
                Inline::Link { children, .. } => linked(children, true),
                Inline::Emphasis { children } | Inline::Strong { children } => {
                    linked(children, inside)
                }
                _ => 0,
            })
            .sum()
    }
    match b {
        Block::Paragraph {
            text,
            inlines: Some(inlines),
        } => linked(inlines, false) as f32 / text.chars().count().max(1) as f32,
        _ => 0.0,
    }
}

/// Standfirst paragraphs printed between the headline and the container:
/// named as a lead, or repeating the metadata description.
fn leads_before(page: &Page, container: usize) -> Vec<usize> {
    let anchor = headline_before(page, container);
    // Text repeating the description is the lead wherever it stands before
    // the container (some pages print the headline again lower down); a
    // lead known only by its name must follow the headline.
    let after_anchor = anchor.map(|h| page.items[h].end);
    let start = match after_anchor {
        _ if page.description.is_some() => 0,
        Some(end) => end,
        None => return Vec::new(),
    };
    let mut out = Vec::new();
    let mut i = start;
    while i < container {
        let item = &page.items[i];
        if item.tag.is_empty() || item.end > container {
            i += 1;
            continue;
        }
        let s = &page.stats[i];
        let named = has_word_hint(&item.class, &LEAD_WORDS) || has_word_hint(&item.id, &LEAD_WORDS);
        let heading = matches!(item.tag, "h2" | "h3" | "h4" | "h5" | "h6");
        if (page.is_paragraph_like(i) || named || heading)
            && s.text >= LEAD_MIN_CHARS
            && s.link_density() < SIBLING_MAX_LINK_DENSITY
        {
            // A block holding a heading as well (the page's header with
            // headline and lead) is not the lead alone.
            let described = (heading || s.heading == 0)
                && page
                    .description
                    .as_deref()
                    .is_some_and(|d| describes(&fold(&page.plain_text(i)), d));
            if (named && after_anchor.is_some_and(|end| i >= end)) || described {
                out.push(i);
                i = item.end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether a folded text prints the folded description: it holds the whole
/// description (after a kicker of a few words, or with the sentence the
/// description cut off) without being much longer, or it is the
/// description's start.
pub(super) fn describes(text: &str, description: &str) -> bool {
    let whole = text.len() <= description.len() * DESCRIBED_MAX_GROWTH
        && text
            .find(description)
            .is_some_and(|at| text[..at].split_whitespace().count() <= DESCRIBED_KICKER_MAX_WORDS);
    whole || (text.chars().count() >= LEAD_MIN_CHARS && description.starts_with(text))
}

/// The heading that prints the article's headline before the container
/// (the page's own title, not a section name or the logo's `h1`); else the
/// last `h1` before it.
fn headline_before(page: &Page, container: usize) -> Option<usize> {
    let want = page.headline.chars().count();
    let mut last_h1 = None;
    for i in (0..container).rev() {
        let tag = page.items[i].tag;
        if !matches!(tag, "h1" | "h2" | "h3") || page.items[i].end > container {
            continue;
        }
        if want > 0
            && page.stats[i].text.abs_diff(want) <= HEADLINE_SLACK_CHARS
            && folds_to(&page.plain_text(i), &page.headline)
        {
            return Some(i);
        }
        if tag == "h1" && last_h1.is_none() {
            last_h1 = Some(i);
        }
    }
    last_h1
}

/// Flattens the DOM into a [`Page`] in one iterative walk, leaving out
/// skipped, hidden and (per `flags`) unlikely subtrees, then sums the counts
/// bottom-up.
pub(super) fn flatten<'a>(dom: &'a Html, meta: &Article, flags: Flags) -> Page<'a> {
    let mut items: Vec<Item<'a>> = Vec::new();
    let mut embeds_at: Vec<(usize, u32)> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    // Depth of enclosing tables/code, where unlikely names are not trusted.
    let mut guarded = 0usize;
    let mut guards: Vec<bool> = Vec::new();
    let root = dom.tree.root();
    items.push(Item {
        tag: "#document",
        element: None,
        text: "",
        parent: NONE,
        end: 0,
        class: "".into(),
        id: "".into(),
        block_tag: false,
        scored_tag: false,
    });
    stack.push(0);
    guards.push(false);
    let mut node = root.first_child();
    while let Some(n) = node {
        let parent = *stack.last().expect("document stays on the stack");
        let mut descend = false;
        match n.value() {
            Node::Text(t) => items.push(Item {
                tag: "",
                element: None,
                text: t,
                parent,
                end: items.len() + 1,
                class: "".into(),
                id: "".into(),
                block_tag: false,
                scored_tag: false,
            }),
            Node::Element(e) => {
                let tag = e.name();
                if matches!(tag, "iframe" | "embed" | "object") {
                    embeds_at.push((parent, 1));
                }
                let in_quote = items[parent].tag == "blockquote";
                let attrs = Attrs::of(e);
                let class = lowercase(attrs.class);
                let id = lowercase(attrs.id);
                let kinds = TAG_KINDS.of(&e.name.local);
                if kinds & SKIP_KIND == 0
                    && keep_element(e, &attrs, (&class, &id), flags, guarded > 0, in_quote)
                {
                    let i = items.len();
                    items.push(Item {
                        tag,
                        element: Some(e),
                        text: "",
                        parent,
                        end: 0,
                        class,
                        id,
                        block_tag: kinds & BLOCK_KIND != 0,
                        scored_tag: kinds & SCORED_KIND != 0,
                    });
                    descend = true;
                    stack.push(i);
                    let guard = matches!(tag, "table" | "code" | "pre");
                    guards.push(guard);
                    if guard {
                        guarded += 1;
                    }
                }
            }
            _ => {}
        }
        if descend && let Some(c) = n.first_child() {
            node = Some(c);
            continue;
        }
        if descend {
            close(&mut items, &mut stack, &mut guards, &mut guarded);
        }
        // Move to the next sibling, closing finished ancestors on the way up.
        let mut cur = n;
        node = loop {
            if let Some(s) = cur.next_sibling() {
                break Some(s);
            }
            match cur.parent() {
                Some(p) if p.id() != root.id() => {
                    close(&mut items, &mut stack, &mut guards, &mut guarded);
                    cur = p;
                }
                _ => break None,
            }
        };
    }
    while !stack.is_empty() {
        close(&mut items, &mut stack, &mut guards, &mut guarded);
    }
    let stats = sum_stats(&items, &embeds_at);
    let headline = fold(&meta.headline);
    let headline_chars = headline.chars().count();
    Page {
        items,
        stats,
        flags,
        headline,
        headline_chars,
        // A description cut short ends in an ellipsis the page does not print.
        description: meta
            .description
            .as_deref()
            .map(|d| fold(d).trim_end_matches(['.', '…', ' ']).to_string())
            .filter(|d| d.chars().count() >= MIN_PARAGRAPH_CHARS),
        base: meta.url.clone(),
    }
}

/// Closes the innermost open element.
fn close(items: &mut [Item], stack: &mut Vec<usize>, guards: &mut Vec<bool>, guarded: &mut usize) {
    if let Some(i) = stack.pop() {
        items[i].end = items.len();
    }
    if guards.pop() == Some(true) {
        *guarded -= 1;
    }
}

/// The attributes the page model reads, gathered in one pass over an
/// element's attributes: a lookup by name costs an interned atom and a hash.
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    style: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    role: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a scraper::node::Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in e.attrs() {
            match name {
                "class" => a.class = value,
                "id" => a.id = value,
                "style" => a.style = Some(value),
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = Some(value),
                "role" => a.role = Some(value),
                _ => {}
            }
        }
        a
    }
}

/// Whether an element whose tag is not skipped ([`SKIP_TAGS`]) stays in the
/// page model with its subtree. A pull quote's `aside` and a quotation's own
/// `footer` (its attribution) are story, not furniture. `class` and `id` are
/// in lower case; they are searched apart, as no fragment holds a space.
fn keep_element(
    e: &scraper::node::Element,
    a: &Attrs,
    (class, id): (&str, &str),
    flags: Flags,
    in_table_or_code: bool,
    in_quote: bool,
) -> bool {
    let tag = e.name();
    if FURNITURE_TAGS.contains(&tag) {
        let pull_quote = tag == "aside"
            && (has_word_hint(class, &PULL_QUOTE_WORDS) || has_word_hint(id, &PULL_QUOTE_WORDS));
        if !(pull_quote || (tag == "footer" && in_quote)) {
            return false;
        }
    }
    if a.hidden {
        return false;
    }
    if let Some(style) = a.style
        && (squeezed_contains(style, "display:none")
            || squeezed_contains(style, "visibility:hidden"))
    {
        return false;
    }
    if a.aria_hidden == Some("true") && !a.class.contains("fallback-image") {
        return false;
    }
    if let Some(role) = a.role
        && FURNITURE_ROLES
            .iter()
            .any(|r| r.eq_ignore_ascii_case(role.trim()))
    {
        return false;
    }
    if flags.strip_unlikely
        && !in_table_or_code
        && (!a.class.is_empty() || !a.id.is_empty())
        && !matches!(tag, "body" | "a" | "html")
    {
        let hinted = |set: &AhoCorasick| has_hint(class, set) || has_hint(id, set);
        if hinted(&UNLIKELY_HINT_SET) && !hinted(&MAYBE_CANDIDATE_HINT_SET) {
            return false;
        }
    }
    true
}

/// Whether a style, its ASCII letters lowercased and its spaces left out,
/// contains `needle` (lowercase, without spaces), compared in place.
fn squeezed_contains(style: &str, needle: &str) -> bool {
    let hay = style.as_bytes();
    let needle = needle.as_bytes();
    (0..hay.len()).any(|start| {
        let mut k = start;
        needle.iter().all(|&n| {
            while hay.get(k) == Some(&b' ') {
                k += 1;
            }
            let same = hay.get(k).is_some_and(|h| h.to_ascii_lowercase() == n);
            k += 1;
            same
        })
    })
}

/// Sums every item's counts into its ancestors, in one reverse pass.
fn sum_stats(items: &[Item], embeds_at: &[(usize, u32)]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); items.len()];
    for &(i, n) in embeds_at {
        stats[i].embeds += n;
    }
    for i in (0..items.len()).rev() {
        let item = &items[i];
        let mut s = stats[i];
        if item.tag.is_empty() {
            (s.text, s.commas) = text_counts(item.text);
        } else {
            match item.tag {
                "a" => s.link = s.text,
                "p" => s.paragraphs += 1,
                "img" => s.images += 1,
                "li" => s.items += 1,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading = s.text,
                _ => {}
            }
        }
        stats[i] = s;
        if item.parent != NONE {
            let child_is_block = item.block_tag;
            let p = &mut stats[item.parent];
            p.add(&s);
            p.block |= child_is_block;
        }
    }
    stats
}

/// Characters of a text with every white space run counted once, and its
/// commas ([`COMMA_CHARS`]), in one pass over the bytes: eight bytes are
/// counted at a time where none of them may start a wider white space or
/// comma, and elsewhere only the lead bytes of characters that may be one
/// are decoded.
pub(super) fn text_counts(text: &str) -> (usize, u32) {
    let bytes = text.as_bytes();
    let (mut chars, mut commas, mut space) = (0usize, 0u32, true);
    let mut i = 0;
    while i < bytes.len() {
        let Some(chunk) = bytes.get(i..i + 8) else {
            i = count_chars(text, i, bytes.len(), (&mut chars, &mut commas, &mut space));
            continue;
        };
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if wide_space_leads(x) | bytes_equal(x, 0xD8) | bytes_equal(x, 0xEF) != 0 {
            i = count_chars(text, i, i + 8, (&mut chars, &mut commas, &mut space));
            continue;
        }
        // One flag (the high bit) per byte; a run of white space is counted
        // at its first byte, the one after a byte of a word; bytes that
        // continue a character are not counted.
        let spaces = ascii_within(x, b'\t', b'\r') | bytes_equal(x, b' ');
        let before = (spaces << 8) | if space { 0x80 } else { 0 };
        chars += 8 - flags_set(spaces | continuation_bytes(x)) + flags_set(spaces & !before);
        commas += flags_set(bytes_equal(x, b',')) as u32;
        space = spaces >> 63 != 0;
        i += 8;
    }
    (chars, commas)
}

/// Counts the characters of `text[i..]` as [`text_counts`] does, a
/// character at a time, until `end` is reached; returns where it stopped
/// (`end`, or past it when a character straddles it).
fn count_chars(
    text: &str,
    mut i: usize,
    end: usize,
    (chars, commas, space): (&mut usize, &mut u32, &mut bool),
) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        let b = bytes[i];
        let (is_space, is_comma, len) = match b {
            0..0x80 => (matches!(b, b'\t'..=b'\r' | b' '), b == b',', 1),
            0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                let c = text[i..].chars().next().unwrap_or_default();
                (c.is_whitespace(), COMMA_CHARS.contains(&c), c.len_utf8())
            }
            // Any other lead byte: a character of a word; continuation
            // bytes belong to the character before.
            0xC0.. => (false, false, 1),
            _ => {
                i += 1;
                continue;
            }
        };
        if is_space {
            if !*space {
                *chars += 1;
                *space = true;
            }
        } else {
            *chars += 1;
            *space = false;
        }
        *commas += u32::from(is_comma);
        i += len;
    }
    i
}

/// The score a paragraph-like text gives its ancestors.
fn paragraph_score(chars: usize, commas: u32) -> f32 {
    1.0 + (commas.min(MAX_COMMA_POINTS) + 1) as f32
        + ((chars / CHARS_PER_POINT) as f32).min(MAX_LENGTH_POINTS)
}

/// The container element(s) of the article body, in document order.
fn choose_containers(page: &Page) -> Vec<usize> {
    let n = page.items.len();
    let mut score: Vec<Option<f32>> = vec![None; n];
    let body = (0..n).find(|&i| page.is(i, "body"));
    for i in 0..n {
        let tag = page.items[i].tag;
        if tag.is_empty() {
            continue;
        }
        let s = &page.stats[i];
        let (chars, commas, first_ancestor) =
            if page.items[i].scored_tag || (page.is_paragraph_like(i) && tag != "p") {
                (s.text, s.commas, page.items[i].parent)
            } else if s.block {
                // Text written straight into a container scores the container.
                let (chars, commas) = direct_text(page, i);
                (chars, commas, i)
            } else {
                continue;
            };
        if chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let points = paragraph_score(chars, commas);
        let mut a = first_ancestor;
        for level in 0..SCORE_ANCESTOR_LEVELS {
            if a == NONE || page.items[a].parent == NONE || page.is(a, "html") {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            let slot = score[a].get_or_insert_with(|| initial_score(page, a));
            *slot += points / divider;
            a = page.items[a].parent;
        }
    }
    // Final scores: discounted by link density.
    let mut ranked: Vec<(usize, f32)> = score
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s * (1.0 - page.stats[i].link_density()))))
        .collect();
    for (i, s) in ranked.iter_mut() {
        score[*i] = Some(*s);
    }
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let Some(&(mut top, top_score)) = ranked.first() else {
        return body.into_iter().collect();
    };
    if Some(top) == body {
        return vec![top];
    }
    // Runner-ups close to the best: when several share an ancestor, the
    // ancestor is the article (the best one was only a part of it).
    let alternatives: Vec<usize> = ranked
        .iter()
        .skip(1)
        .take(TOP_CANDIDATES - 1)
        .filter(|(_, s)| *s / top_score >= ALTERNATIVE_SHARE)
        .map(|(i, _)| *i)
        .collect();
    if alternatives.len() >= MIN_SHARED_ALTERNATIVES {
        let mut p = page.items[top].parent;
        while p != NONE && Some(p) != body && page.items[p].parent != NONE {
            let shared = alternatives
                .iter()
                .filter(|&&a| is_ancestor(page, p, a))
                .count();
            if shared >= MIN_SHARED_ALTERNATIVES {
                top = p;
                break;
            }
            p = page.items[p].parent;
        }
    }
    // An ancestor scoring nearly as well holds more of the same article.
    let mut p = page.items[top].parent;
    let close = top_score * ANCESTOR_CLOSE_SHARE;
    while p != NONE && Some(p) != body && !page.is(p, "html") && page.items[p].parent != NONE {
        if score[p].is_some_and(|s| s >= close) {
            top = p;
        }
        p = page.items[p].parent;
    }
    // Climb while the parent scores better: the container is bigger than the
    // densest part of it.
    let mut last = score[top].unwrap_or(0.0);
    let threshold = last * CLIMB_STOP_SHARE;
    let mut p = page.items[top].parent;
    while p != NONE && Some(p) != body && !page.is(p, "html") && page.items[p].parent != NONE {
        let Some(ps) = score[p] else {
            p = page.items[p].parent;
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        p = page.items[p].parent;
    }
    // An only child stands for its parent.
    loop {
        let p = page.items[top].parent;
        if p == NONE || Some(p) == body || page.is(p, "html") || page.items[p].parent == NONE {
            break;
        }
        if page
            .children(p)
            .filter(|&c| !page.items[c].tag.is_empty())
            .count()
            != 1
        {
            break;
        }
        top = p;
    }
    siblings(page, top, &score)
}

/// Text written directly inside a container (not in a child block): its
/// length and commas.
fn direct_text(page: &Page, i: usize) -> (usize, u32) {
    let mut chars = 0;
    let mut commas = 0;
    for c in page.children(i) {
        if page.items[c].tag.is_empty() || !page.is_block(c) {
            chars += page.stats[c].text;
            commas += page.stats[c].commas;
        }
    }
    (chars, commas)
}

/// A candidate's starting score: its element name, class/id hints and
/// semantic markup.
fn initial_score(page: &Page, i: usize) -> f32 {
    let tag = page.items[i].tag;
    let base = TAG_BASE_SCORES
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or(0.0, |(_, s)| *s);
    let semantic = page
        .attr(i, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
        || tag == "article"
        || tag == "main";
    base + page.class_weight(i) + if semantic { SEMANTIC_BONUS } else { 0.0 }
}

/// Whether `a` is an ancestor of `d`.
fn is_ancestor(page: &Page, a: usize, d: usize) -> bool {
    a < d && d < page.items[a].end
}

/// The container and those of its siblings that belong to the article.
fn siblings(page: &Page, top: usize, score: &[Option<f32>]) -> Vec<usize> {
    let parent = page.items[top].parent;
    if parent == NONE {
        return vec![top];
    }
    let top_score = score[top].unwrap_or(0.0);
    let threshold = (top_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
    let top_class = &page.items[top].class;
    let mut out = Vec::new();
    for s in page.children(parent) {
        if s == top {
            out.push(s);
            continue;
        }
        // A sibling named or shaped like clutter (a share bar, a teaser
        // box) stays out, as it would inside the container.
        if page.items[s].tag.is_empty() || blocks::removed(page, s) {
            continue;
        }
        let bonus = if !top_class.is_empty() && page.items[s].class == *top_class {
            top_score * SIBLING_SHARE
        } else {
            0.0
        };
        if score[s].is_some_and(|sc| sc + bonus >= threshold) {
            out.push(s);
            continue;
        }
        if page.is_paragraph_like(s) {
            let st = &page.stats[s];
            let ld = st.link_density();
            if st.text > SIBLING_PARAGRAPH_CHARS && ld < SIBLING_MAX_LINK_DENSITY {
                out.push(s);
            } else if st.text > 0 && st.text <= SIBLING_PARAGRAPH_CHARS && st.link == 0 {
                let text = page.plain_text(s);
                if text.ends_with('.') || text.contains(". ") {
                    out.push(s);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_searched_as_lowercased_without_spaces() {
        for style in [
            "display:none",
            "DISPLAY : NONE;",
            "color: red; display:  none",
            "display:block",
            "visibility: Hidden",
            "display:non",
            "",
            " d isplay:none",
        ] {
            let squeezed = style.to_ascii_lowercase().replace(' ', "");
            for needle in ["display:none", "visibility:hidden"] {
                assert_eq!(
                    squeezed_contains(style, needle),
                    squeezed.contains(needle),
                    "{style:?}"
                );
            }
        }
    }

    #[test]
    fn text_counts_match_a_count_by_characters() {
        for text in [
            "",
            "  one, two  three ",
            "\u{a0}un\u{2003}deux\u{3000}trois\u{3001}四\u{ff0c}五 ،ستة\u{85}",
            "é—©\u{200b}x\u{0B}y,\n",
            "Eight by eight, the words\t\t go; then a long run          of spaces,,\n\r\n ends.",
            "Привет,  мир;\tçà et là, Ωμέγα ελληνικά  end, und Straße ändern sich nicht",
            "Mixed: une fête\u{a0}\u{a0}d’été, 四\u{3001}五 — and ASCII again, at every offset  ",
        ] {
            // Every word's characters, and one for each white-space run after a word.
            let words: Vec<&str> = text.split_whitespace().collect();
            let trailing = !words.is_empty() && text.ends_with(char::is_whitespace);
            let chars = words.iter().map(|w| w.chars().count()).sum::<usize>()
                + words.len().saturating_sub(1)
                + usize::from(trailing);
            let commas = text.chars().filter(|c| COMMA_CHARS.contains(c)).count() as u32;
            assert_eq!(text_counts(text), (chars, commas), "{text:?}");
            // Every offset, so that each byte is read at every place of an
            // eight-byte step.
            for (at, _) in text.char_indices() {
                let rest = &text[at..];
                let mut whole = (0, 0, true);
                count_chars(
                    rest,
                    0,
                    rest.len(),
                    (&mut whole.0, &mut whole.1, &mut whole.2),
                );
                assert_eq!(text_counts(rest), (whole.0, whole.1), "{rest:?}");
            }
        }
    }
}
