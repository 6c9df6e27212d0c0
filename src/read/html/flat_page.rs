//! The flattened page the body is chosen from and converted out of: the
//! page's elements and texts in document order, each subtree a contiguous
//! range, with script, hidden and furniture subtrees left out ([`flatten`]).
//! Text, link-text, comma and element counts are summed bottom-up in one
//! reverse pass, so no subtree's text is ever collected twice. The class/id
//! hints both the scoring and the conversion read (word hints, hint sets)
//! are compiled here once.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;
use scraper::{Html, Node};

use super::normalize::{
    ascii_within, bytes_equal, clean_text, continuation_bytes, flags_set, fold_case, folds_case_to,
    lowercase, wide_space_leads,
};
use super::patterns::{
    ABOUT_HINTS, BEST_MIN_SHARE, BLOCK_TAGS, CLASS_WEIGHT, CLUTTER_HINTS, COMMA_CHARS,
    DESCRIBED_KICKER_MAX_WORDS, DESCRIBED_MAX_GROWTH, DISCUSSION_HINTS, DISCUSSION_NOT_HINTS,
    FURNITURE_ROLES, FURNITURE_TAGS, HOVER_CARD_HINTS, LEAD_MIN_CHARS, LOGO_HINTS,
    MAYBE_CANDIDATE_HINTS, MIN_ARTICLE_CHARS, MIN_PARAGRAPH_CHARS, MIN_PREFIX_HINT, NEGATIVE_HINTS,
    POSITIVE_HINTS, PULL_QUOTE_HINTS, SCORED_TAGS, SKIP_TAGS, TAIL_PROSE_MIN_CHARS,
    THREAD_HEADING_MAX_WORDS, THREAD_HEADING_WORDS, UNLIKELY_HINTS,
};
use super::tagset::TagKinds;
use crate::model::Article;

/// Index value meaning "no parent".
pub(super) const NONE: usize = usize::MAX;

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
    /// Answer controls (buttons, text areas, radio, checkbox and submit
    /// inputs), counted before they are skipped: a small form of them is a
    /// poll, a vote or a comment form.
    pub choices: u32,
    /// Fields asking for an e-mail address, counted before they are
    /// skipped: the box around one is a sign-up or a comment form.
    pub email_fields: u32,
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
        self.choices += o.choices;
        self.email_fields += o.email_fields;
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
    /// Keep navigation, side notes and page footers: the last resort for a
    /// page whose article sits inside one (an `<article>` in a `<footer>`).
    pub keep_furniture: bool,
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
    /// The article's authors' names, folded.
    pub authors: Vec<String>,
    /// The metadata description, folded: text matching it is the lead.
    pub description: Option<String>,
    /// Base URL for relative links.
    pub base: Option<String>,
    /// Where the readers' discussion starts ([`thread_start`]): the index
    /// of the first item after it. What follows is the thread, not the
    /// story.
    pub thread_start: Option<usize>,
    /// The element that scored best as the article's container, once one
    /// is chosen ([`Page::holds_best`]).
    pub best: Option<usize>,
}

impl<'a> Page<'a> {
    /// Whether item `i` is the element that scored best as the article's
    /// container, or holds it with little else ([`BEST_MIN_SHARE`]), when
    /// that element has an article's worth of text. A wider container is
    /// chosen when it holds more of the article; cleaning inside it does
    /// not then take the part that scored best for its shape (prose between
    /// videos and pictures).
    pub fn holds_best(&self, i: usize) -> bool {
        self.best.is_some_and(|b| {
            i <= b
                && b < self.items[i].end
                && self.stats[b].text >= MIN_ARTICLE_CHARS
                && self.stats[b].text as f32 >= self.stats[i].text as f32 * BEST_MIN_SHARE
        })
    }

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

    /// Whether the element's class or id carries a negative and a positive
    /// name hint, whatever the attempt's flags say.
    pub fn name_hints(&self, i: usize) -> (bool, bool) {
        let item = &self.items[i];
        let has = |set: &AhoCorasick| [&item.class, &item.id].iter().any(|n| has_hint(n, set));
        (has(&NEGATIVE_HINT_SET), has(&POSITIVE_HINT_SET))
    }

    /// Whether the element or one of its ancestors (below `body`) is named
    /// as a readers' discussion.
    pub fn in_discussion(&self, i: usize) -> bool {
        let mut i = i;
        while i != NONE && !matches!(self.items[i].tag, "body" | "html") {
            let item = &self.items[i];
            if names_discussion(&item.class) || names_discussion(&item.id) {
                return true;
            }
            i = item.parent;
        }
        false
    }

    /// Whether the element's class or id names a side box: unlikely to be
    /// the article (a sidebar, a header, a social bar) without also being
    /// named as content, or a box about a person or the site.
    pub fn names_side_box(&self, i: usize) -> bool {
        let item = &self.items[i];
        let names = [&item.class, &item.id];
        let hinted = |set: &AhoCorasick| names.iter().any(|n| has_hint(n, set));
        let named = |words: &WordHints| names.iter().any(|n| has_word_hint(n, words));
        (named(&UNLIKELY_WORDS) && !hinted(&MAYBE_CANDIDATE_HINT_SET)) || named(&ABOUT_WORDS)
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
        clean_text(&out)
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
pub(super) static HOVER_CARD_HINT_SET: LazyLock<AhoCorasick> =
    LazyLock::new(|| hint_set(HOVER_CARD_HINTS));

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
static UNLIKELY_WORDS: LazyLock<WordHints> = LazyLock::new(|| WordHints::new(UNLIKELY_HINTS));
static ABOUT_WORDS: LazyLock<WordHints> = LazyLock::new(|| WordHints::new(ABOUT_HINTS));
static PULL_QUOTE_WORDS: LazyLock<WordHints> = LazyLock::new(|| WordHints::new(PULL_QUOTE_HINTS));

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

/// Flattens the DOM into a [`Page`] in one iterative walk, leaving out
/// skipped, hidden and (per `flags`) unlikely subtrees, then sums the counts
/// bottom-up.
pub(super) fn flatten<'a>(dom: &'a Html, meta: &Article, flags: Flags) -> Page<'a> {
    // An item per element and text node at most: room for all from the start.
    let mut items: Vec<Item<'a>> = Vec::with_capacity(dom.tree.values().len());
    // The parents of skipped embeds and answer controls, counted in the stats.
    let mut embeds_at: Vec<usize> = Vec::new();
    let mut choices_at: Vec<usize> = Vec::new();
    let mut emails_at: Vec<usize> = Vec::new();
    let mut thread_starts = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    // Depth of enclosing tables/code, where unlikely names are not trusted.
    let mut guarded = 0usize;
    let mut guards: Vec<bool> = Vec::new();
    let root = dom.tree.root();
    let headline = fold_case(&meta.headline);
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
                    embeds_at.push(parent);
                }
                if is_choice(e) {
                    choices_at.push(parent);
                }
                if asks_email(e) {
                    emails_at.push(parent);
                }
                let in_quote = items[parent].tag == "blockquote";
                let attrs = Attrs::of(e);
                let class = lowercase(attrs.class);
                let id = lowercase(attrs.id);
                let kinds = TAG_KINDS.of(&e.name.local);
                if starts_thread(e, &class, &id) {
                    thread_starts.push(items.len());
                }
                if kinds & SKIP_KIND == 0
                    && keep_element(
                        e,
                        &attrs,
                        (&class, &id),
                        flags,
                        guarded > 0,
                        in_quote,
                        tag == "aside" && holds_headline(n, &headline),
                    )
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
    let stats = sum_stats(&items, &embeds_at, &choices_at, &emails_at);
    let headline_chars = headline.chars().count();
    let mut page = Page {
        items,
        stats,
        flags,
        headline,
        headline_chars,
        authors: meta.authors.iter().map(|a| fold_case(a)).collect(),
        // A description cut short ends in an ellipsis the page does not print.
        description: meta
            .description
            .as_deref()
            .map(|d| fold_case(d).trim_end_matches(['.', '…', ' ']).to_string())
            .filter(|d| d.chars().count() >= MIN_PARAGRAPH_CHARS),
        base: meta.url.clone(),
        thread_start: None,
        best: None,
    };
    page.thread_start = thread_start(&page, &thread_starts);
    page
}

/// Where the readers' discussion starts: the first element marking it
/// ([`starts_thread`], removed or not, given in `marked`) or heading saying
/// so ([`is_thread_heading`]) that follows a paragraph (one above the story
/// is a comment count in its byline).
fn thread_start(page: &Page, marked: &[usize]) -> Option<usize> {
    let first_paragraph = (0..page.items.len())
        .find(|&i| page.is_paragraph_like(i) && page.stats[i].text >= MIN_PARAGRAPH_CHARS)?;
    let named = marked.iter().copied().find(|&s| s > first_paragraph);
    // A heading that only says so is believed after a long paragraph: a
    // count in a byline ("No comments yet") may follow a short lead.
    let first_prose = (first_paragraph..page.items.len())
        .find(|&i| page.is_paragraph_like(i) && page.stats[i].text >= TAIL_PROSE_MIN_CHARS);
    let said = first_prose.and_then(|p| {
        (p..named.unwrap_or(page.items.len())).find(|&i| {
            matches!(page.items[i].tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                && is_thread_heading(&page.plain_text(i))
        })
    });
    said.or(named)
}

/// Whether a heading's text says a readers' thread follows: a thread word
/// in a short heading, or after a count.
fn is_thread_heading(text: &str) -> bool {
    let folded = fold_case(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        THREAD_HEADING_WORDS.contains(w)
            && (words.len() <= THREAD_HEADING_MAX_WORDS
                || (k > 0 && words[k - 1].chars().all(|c| c.is_ascii_digit())))
    })
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
/// page model with its subtree. A pull quote's `aside`, an `aside` whose
/// `h1` prints the headline (a post marked up as a side note) and a
/// quotation's own `footer` (its attribution) are story, not furniture.
/// `class` and `id` are in lower case; they are searched apart, as no
/// fragment holds a space.
fn keep_element(
    e: &scraper::node::Element,
    a: &Attrs,
    (class, id): (&str, &str),
    flags: Flags,
    in_table_or_code: bool,
    in_quote: bool,
    aside_holds_headline: bool,
) -> bool {
    let tag = e.name();
    if FURNITURE_TAGS.contains(&tag) && !flags.keep_furniture {
        let pull_quote = tag == "aside"
            && (has_word_hint(class, &PULL_QUOTE_WORDS) || has_word_hint(id, &PULL_QUOTE_WORDS));
        if !(pull_quote || aside_holds_headline || (tag == "footer" && in_quote)) {
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
        && !flags.keep_furniture
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

/// Whether an element is a control a reader answers with: a button, a
/// text area, or a radio, checkbox or submit input.
fn is_choice(e: &scraper::node::Element) -> bool {
    match e.name() {
        "button" | "textarea" => true,
        "input" => e.attr("type").is_some_and(|t| {
            ["radio", "checkbox", "submit"]
                .iter()
                .any(|c| t.eq_ignore_ascii_case(c))
        }),
        _ => false,
    }
}

/// Whether an element is a field for an e-mail address: an `input` of type
/// `email`, or a text `input` named for one.
fn asks_email(e: &scraper::node::Element) -> bool {
    e.name() == "input"
        && match e.attr("type") {
            Some(t) if t.eq_ignore_ascii_case("email") => true,
            None => e.attr("name").is_some_and(names_email),
            Some(t) if t.eq_ignore_ascii_case("text") => e.attr("name").is_some_and(names_email),
            _ => false,
        }
}

/// Whether a field's name asks for an e-mail address ("email", "EMAIL",
/// "subscriber[email]", "e-mail").
fn names_email(name: &str) -> bool {
    let lower = lowercase(name);
    lower.contains("email") || lower.contains("e-mail")
}

/// Whether an element marks where a readers' discussion starts: a heading
/// named for it, or a jump target (an `a` with a name and no address, as
/// `<a name="comments">`) named for it.
fn starts_thread(e: &scraper::node::Element, class: &str, id: &str) -> bool {
    match e.name() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => names_discussion(class) || names_discussion(id),
        "a" if e.attr("href").is_none() => e
            .attr("name")
            .is_some_and(|n| names_discussion(&lowercase(n))),
        _ => false,
    }
}

/// Whether a node's subtree holds an `h1` that prints the headline
/// (folded, non-empty).
fn holds_headline(n: ego_tree::NodeRef<Node>, headline: &str) -> bool {
    !headline.is_empty()
        && n.descendants()
            .filter_map(scraper::ElementRef::wrap)
            .filter(|e| e.value().name() == "h1")
            .any(|e| folds_case_to(&e.text().collect::<String>(), headline))
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
fn sum_stats(
    items: &[Item],
    embeds_at: &[usize],
    choices_at: &[usize],
    emails_at: &[usize],
) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); items.len()];
    for &i in embeds_at {
        stats[i].embeds += 1;
    }
    for &i in choices_at {
        stats[i].choices += 1;
    }
    for &i in emails_at {
        stats[i].email_fields += 1;
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
fn text_counts(text: &str) -> (usize, u32) {
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

/// Whether a lower-cased class/id string has a word naming a readers'
/// discussion.
pub(super) fn names_discussion(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        DISCUSSION_HINTS.iter().any(|h| w.starts_with(h))
            && !DISCUSSION_NOT_HINTS.iter().any(|h| w.starts_with(h))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_that_say_a_thread_follows() {
        for yes in [
            "Comments",
            "12 Comments",
            "There are 12 comments.",
            "3 Kommentare",
            "Hozzászólások",
        ] {
            assert!(is_thread_heading(yes), "{yes}");
        }
        for no in [
            "Comment",
            "Blog Commenting",
            "Step 3. Comment on at least one post",
            "What readers said in the comments this week",
        ] {
            assert!(!is_thread_heading(no), "{no}");
        }
    }

    #[test]
    fn description_is_found_whole_or_as_a_start() {
        let d = "the minister met the mayors of the region on monday, and they agreed";
        assert!(describes(&format!("big news: {d} on a plan."), d));
        assert!(describes("the minister met the mayors of the region on", d));
        assert!(!describes("the minister", d));
        let long = format!(
            "{d} {}",
            "and much more of the story follows here. ".repeat(3)
        );
        assert!(!describes(&long, d));
    }

    #[test]
    fn word_hints_do_not_match_inside_words() {
        assert!(has_word_hint("post-tags", &WordHints::new(&["tags"])));
        assert!(!has_word_hint("tagstyle_z4", &WordHints::new(&["tags"])));
        assert!(has_word_hint("sharebar top", &WordHints::new(&["share"])));
        assert!(has_word_hint(
            "x author-bio",
            &WordHints::new(&["author-bio"])
        ));
    }

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
