//! The learned stage: a small model of boosted decision trees scores every
//! text block of the chosen body and drops those it judges not to be
//! article text (teasers, widgets, notices, repeated captions).
//!
//! Every text block is judged, the prose between the first and the last
//! long paragraph as well as the edges: a comment thread or a list of
//! teasers kept with the article holds long paragraphs of its own. What
//! the prose links to on the page is not judged: a footnote, a reference or
//! the book a footnote cites is the article's, however much it looks like a
//! list of links.
//!
//! Each block is described by features the extractor has at hand (length,
//! link share, punctuation, short-word share, position against the headline
//! and the body's long paragraphs, the tag path and class/id names between
//! the container and the block, overlap with the description and the
//! headline, repetition on the page, how many siblings share the structure
//! of the block's ancestors, as the items of a comment thread or a teaser
//! list do). The model is trained by
//! `examples/body_model.rs` (`make train`) from the labelled corpus and
//! embedded at build time from `models/body.json`; inference walks each
//! tree once, with no download and no randomness.

use std::cell::{Cell, RefCell};
use std::hash::Hasher;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use serde::{Deserialize, Serialize};

use super::blocks::{Sink, link_share};
use super::flat_page::{CLUTTER_WORDS, NONE, Page, has_word_hint, names_discussion};
use super::patterns::{SENTENCE_ENDS, TAIL_PROSE_MIN_CHARS};
use crate::model::Block;
use forest::Forest;

mod forest;

/// The trained model, embedded at build time.
static MODEL_JSON: &str = include_str!("../../../models/body.json");

/// The embedded model, parsed once.
static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::from_json(MODEL_JSON).expect("models/body.json is a valid model"));

/// The embedded model, laid out for judging.
static FOREST: LazyLock<Forest> = LazyLock::new(|| Forest::of(&MODEL));

/// The deepest tree a model may have: inference fills every tree out to the
/// deepest one's size (the trainer grows trees of depth 3).
const MAX_TREE_DEPTH: usize = 12;

/// Words of at most this many letters count as function words (a stand-in
/// for stop words that needs no per-language list).
const SHORT_WORD_CHARS: usize = 3;

/// An element's raw character count may differ from its cleaned text by
/// this fraction (white space, trimmed marks) and still be compared.
const REPEAT_LENGTH_SLACK: usize = 10;

/// The names of the features, in the order [`features`] computes them.
pub const FEATURES: &[&str] = &[
    "log_chars",
    "log_words",
    "link_share",
    "punctuation_per_char",
    "ends_sentence",
    "short_word_share",
    "digit_share",
    "capitalised_word_share",
    "block_position",
    "chars_before_share",
    "chars_after_share",
    "after_last_prose_or_none",
    "log_blocks_to_prose",
    "previous_is_prose",
    "next_is_prose",
    "is_paragraph",
    "is_heading",
    "is_list",
    "is_quote",
    "is_table_or_code",
    "log_depth_below_container",
    "inside_aside_header_footer_nav",
    "inside_list_item",
    "inside_table",
    "inside_figure",
    "origin_is_loose_text",
    "negative_name",
    "positive_name",
    "clutter_name",
    "description_overlap",
    "headline_overlap",
    "log_repeats_on_page",
    "log_repeats_in_body",
    "is_lead",
    "in_later_container",
    "origin_is_container",
    "before_headline",
    "has_headline",
    "chars_share",
    "between_prose",
    "discussion_name",
    "log_repeated_ancestor",
    "has_clock_time",
    "parent_chars_share",
];

/// Gradient-boosted decision trees over [`FEATURES`], read as the log-odds
/// that a block is article text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Model {
    /// The feature names it was trained on (must equal [`FEATURES`]).
    pub features: Vec<String>,
    /// The log-odds before any tree.
    pub base: f32,
    /// The trees, whose leaf values add up.
    pub trees: Vec<Tree>,
    /// Blocks whose probability of being article text is below this go;
    /// 0 turns the stage off.
    pub threshold: f32,
}

/// One decision tree: `nodes[0]` is the root.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tree {
    /// The nodes; a node without children is a leaf.
    pub nodes: Vec<TreeNode>,
}

/// A split (`feature <= cut` goes left) or a leaf (`value`); fields at
/// zero are left out of the file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TreeNode {
    /// The feature tested.
    #[serde(rename = "f", default, skip_serializing_if = "is_zero")]
    pub feature: usize,
    /// The value it is compared with.
    #[serde(rename = "c", default, skip_serializing_if = "is_zero_f32")]
    pub cut: f32,
    /// The left child's index (0: this is a leaf).
    #[serde(rename = "l", default, skip_serializing_if = "is_zero")]
    pub left: usize,
    /// The right child's index.
    #[serde(rename = "r", default, skip_serializing_if = "is_zero")]
    pub right: usize,
    /// A leaf's contribution to the log-odds.
    #[serde(rename = "v", default, skip_serializing_if = "is_zero_f32")]
    pub value: f32,
}

fn is_zero(v: &usize) -> bool {
    *v == 0
}

fn is_zero_f32(v: &f32) -> bool {
    *v == 0.0
}

impl Tree {
    /// The leaf value for `x`.
    pub fn value(&self, x: &[f32]) -> f32 {
        let mut n = &self.nodes[0];
        while n.left != 0 {
            n = &self.nodes[if x[n.feature] <= n.cut {
                n.left
            } else {
                n.right
            }];
        }
        n.value
    }

    /// The most splits on a walk from the root to a leaf (children come
    /// after their parent, as [`Model::from_json`] checks).
    fn depth(&self) -> usize {
        let mut level = vec![0usize; self.nodes.len()];
        let mut most = 0;
        for (i, n) in self.nodes.iter().enumerate() {
            if n.left == 0 {
                most = most.max(level[i]);
            } else {
                for child in [n.left, n.right] {
                    level[child] = level[child].max(level[i] + 1);
                }
            }
        }
        most
    }
}

impl Model {
    /// Reads a model written by the trainer, checking that it fits the
    /// features this build computes.
    pub fn from_json(json: &str) -> Result<Model, String> {
        let m: Model = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let n = FEATURES.len();
        let sound = |t: &Tree| {
            !t.nodes.is_empty()
                && t.nodes.iter().enumerate().all(|(i, x)| {
                    // Children come after their parent: every walk ends.
                    x.left == 0
                        || (x.feature < n
                            && (i + 1..t.nodes.len()).contains(&x.left)
                            && (i + 1..t.nodes.len()).contains(&x.right))
                })
        };
        if m.features
            .iter()
            .map(String::as_str)
            .ne(FEATURES.iter().copied())
            || !m.trees.iter().all(sound)
        {
            return Err("the model was trained on other features".into());
        }
        if m.trees.iter().any(|t| t.depth() > MAX_TREE_DEPTH) {
            return Err(format!("a tree is deeper than {MAX_TREE_DEPTH} splits"));
        }
        Ok(m)
    }

    /// The probability that a block with these features is article text.
    pub fn probability(&self, x: &[f32]) -> f32 {
        let z = self.base + self.trees.iter().map(|t| t.value(x)).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// One scored block, as recorded for training.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Row {
    /// The block's features, in [`FEATURES`] order (none for a block the
    /// model does not judge).
    pub features: Vec<f32>,
    /// The block's text.
    pub text: String,
}

/// A training or evaluation run: the model used instead of the embedded one
/// (`None`: keep every block) and the rows of the last extraction attempt.
struct Recording {
    model: Option<Model>,
    rows: Vec<Row>,
}

thread_local! {
    static RECORDING: RefCell<Option<Recording>> = const { RefCell::new(None) };
}

/// Runs `f` with `model` in place of the embedded one (`None`: no block is
/// dropped) and returns what it returned with the rows of the last body
/// scored on this thread. For the trainer and the evaluation only.
#[doc(hidden)]
pub fn recording<R>(model: Option<Model>, f: impl FnOnce() -> R) -> (R, Vec<Row>) {
    RECORDING.with(|r| {
        *r.borrow_mut() = Some(Recording {
            model,
            rows: vec![],
        })
    });
    let out = f();
    let rows = RECORDING
        .with(|r| r.borrow_mut().take())
        .map(|r| r.rows)
        .unwrap_or_default();
    (out, rows)
}

/// Where the body's blocks come from, for their features.
pub(super) struct Context<'p, 'a> {
    /// The flattened page.
    pub page: &'p Page<'a>,
    /// The body's containers, in document order.
    pub containers: &'p [usize],
    /// How many blocks at the start are leads from outside the containers.
    pub leads: usize,
    /// The heading that prints the headline, when found.
    pub headline: Option<usize>,
}

thread_local! {
    /// A threshold the embedded model judges at instead of its own.
    static THRESHOLD: Cell<Option<f32>> = const { Cell::new(None) };
}

/// Runs `f` with the embedded model judging at `threshold` instead of its
/// own: the stage switched on while it ships off, for the benchmark.
#[doc(hidden)]
pub fn judging_at<R>(threshold: f32, f: impl FnOnce() -> R) -> R {
    let before = THRESHOLD.replace(Some(threshold));
    let out = f();
    THRESHOLD.set(before);
    out
}

/// Drops the text blocks the model judges not to be article text.
pub(super) fn filter(cx: &Context, sink: &mut Sink) {
    let recording = RECORDING.with(|r| r.borrow().is_some());
    // A recording never reads the embedded model, which may have been
    // trained on other features than this build computes.
    let threshold = if recording {
        0.0
    } else {
        THRESHOLD.get().unwrap_or(MODEL.threshold)
    };
    if !recording && threshold <= 0.0 {
        return;
    }
    let rows = features(cx, sink);
    let keep: Vec<bool> = RECORDING.with(|r| {
        let mut r = r.borrow_mut();
        match r.as_mut() {
            Some(rec) => {
                let keep = rows
                    .iter()
                    .map(|x| x.as_ref().is_none_or(|x| keeps(rec.model.as_ref(), x)))
                    .collect();
                rec.rows = rows
                    .into_iter()
                    .zip(sink.iter())
                    .filter(|(_, b)| scored(b))
                    .map(|(x, b)| Row {
                        features: x.unwrap_or_default(),
                        text: b.text().to_string(),
                    })
                    .collect();
                keep
            }
            None => rows
                .iter()
                .map(|x| {
                    x.as_ref()
                        .is_none_or(|x| FOREST.probability(x) >= threshold)
                })
                .collect(),
        }
    });
    // A body the model would empty keeps its blocks: judging which page
    // to read is the container's choice, not this stage's.
    if !sink.iter().zip(&keep).any(|(b, &k)| k && scored(b)) {
        return;
    }
    let mut at = 0;
    sink.retain(|_, _| {
        at += 1;
        keep[at - 1]
    });
}

/// Whether the model keeps a block.
fn keeps(model: Option<&Model>, x: &[f32]) -> bool {
    model.is_none_or(|m| m.threshold <= 0.0 || m.probability(x) >= m.threshold)
}

/// Whether a block is scored (text the reader sees as prose or structure;
/// pictures and rules are always kept).
fn scored(b: &Block) -> bool {
    b.is_textual()
}

/// Whether a block is a long prose paragraph.
fn is_prose(b: &Block) -> bool {
    matches!(b, Block::Paragraph { .. }) && b.text().chars().count() >= TAIL_PROSE_MIN_CHARS
}

/// The features of every block (`None` for blocks that are not scored).
pub(super) fn features(cx: &Context, sink: &Sink) -> Vec<Option<Vec<f32>>> {
    let page = cx.page;
    let chars: Vec<usize> = sink
        .iter()
        .map(|b| {
            if scored(b) {
                b.text().chars().count()
            } else {
                0
            }
        })
        .collect();
    let total = chars.iter().sum::<usize>().max(1) as f32;
    let text_blocks = sink.iter().filter(|b| scored(b)).count();
    let prose: Vec<usize> = (0..sink.len()).filter(|&i| is_prose(&sink[i])).collect();
    let last_prose = prose.last().copied();
    let description = word_hashes(cx.page.description.as_deref().unwrap_or(""));
    let headline = word_hashes(&page.headline);
    let headline_end = cx.headline.map(|h| page.items[h].end);
    // The body's characters per parent element: the article's paragraphs
    // share one parent, a thread's comments each have their own.
    let mut parent_chars: FxHashMap<usize, usize> =
        FxHashMap::with_capacity_and_hasher(sink.len(), Default::default());
    for (k, &o) in sink.origins.iter().enumerate() {
        *parent_chars.entry(page.items[o].parent).or_default() += chars[k];
    }
    let repeats = Repeats::new(page);
    // How many of the body's text blocks print each text.
    let mut in_body: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(sink.len(), Default::default());
    for b in sink.iter().filter(|b| scored(b)) {
        *in_body.entry(b.text()).or_default() += 1;
    }
    let cited = cited_ids(page, prose.iter().map(|&k| sink.origins[k]));
    let mut paths = Paths::new(page, sink.len());
    let mut before = 0usize;
    let mut nth = 0usize;
    let mut out = Vec::with_capacity(sink.len());
    for (k, b) in sink.iter().enumerate() {
        if !scored(b) || is_cited(page, sink.origins[k], &cited) {
            out.push(None);
            continue;
        }
        let interior = prose.first().is_some_and(|&f| f < k) && last_prose.is_some_and(|l| k < l);
        let text = b.text();
        let n = chars[k].max(1) as f32;
        let o = sink.origins[k];
        let container = cx
            .containers
            .iter()
            .position(|&c| c <= o && o < page.items[c].end);
        let counts = TextCounts::of(text, &description, &headline);
        let nw = counts.words.max(1) as f32;
        let punct = counts.punctuation as f32;
        let short = counts.short_words as f32;
        let digits = counts.digits as f32;
        let capitalised = counts.capitalised_words as f32;
        let to_prose = prose
            .iter()
            .map(|&p| p.abs_diff(k))
            .min()
            .unwrap_or(sink.len());
        let top = container.map_or(NONE, |c| cx.containers[c]);
        let path = paths.between(top, o);
        let [description_overlap, headline_overlap] = counts.overlaps();
        let repeats_in_body = in_body[text] - 1;
        let f = [
            (n + 1.0).ln(),
            (nw + 1.0).ln(),
            if matches!(b, Block::Paragraph { .. }) {
                link_share(b)
            } else {
                page.stats[o].link_density()
            },
            punct / n,
            flag(text.ends_with(SENTENCE_ENDS)),
            short / nw,
            digits / n,
            capitalised / nw,
            nth as f32 / text_blocks.max(1) as f32,
            before as f32 / total,
            (total - before as f32 - n) / total,
            flag(last_prose.is_none_or(|l| k > l)),
            (to_prose as f32 + 1.0).ln(),
            flag(k > 0 && is_prose(&sink[k - 1])),
            flag(k + 1 < sink.len() && is_prose(&sink[k + 1])),
            flag(matches!(b, Block::Paragraph { .. })),
            flag(matches!(b, Block::Heading { .. })),
            flag(matches!(b, Block::List { .. })),
            flag(matches!(b, Block::Quote { .. })),
            flag(matches!(b, Block::Table { .. } | Block::Code { .. })),
            (path.depth as f32 + 1.0).ln(),
            flag(path.furniture),
            flag(path.list_item),
            flag(path.table),
            flag(path.figure),
            flag(!matches!(
                page.items[o].tag,
                "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "blockquote"
            )),
            flag(path.negative),
            flag(path.positive),
            flag(path.clutter),
            description_overlap,
            headline_overlap,
            (repeats.count(page, o, chars[k], text) as f32 + 1.0).ln(),
            (repeats_in_body as f32 + 1.0).ln(),
            flag(k < cx.leads),
            flag(container.is_some_and(|c| c > 0)),
            flag(cx.containers.contains(&o)),
            flag(headline_end.is_some_and(|e| o < e)),
            flag(cx.headline.is_some()),
            n / total,
            flag(interior),
            flag(path.discussion),
            (path.repeated as f32 + 1.0).ln(),
            flag(has_clock_time(text)),
            parent_chars
                .get(&page.items[o].parent)
                .copied()
                .unwrap_or(0) as f32
                / total,
        ];
        debug_assert_eq!(f.len(), FEATURES.len());
        out.push(Some(f.to_vec()));
        before += chars[k];
        nth += 1;
    }
    out
}

/// The ids that the in-page links of the body's prose paragraphs (the
/// elements at `prose`) point at (`href="#id"`), and those that the cited
/// elements' own links point at in turn (a footnote citing a book in the
/// bibliography), in lower case as [`Item::id`](super::flat_page::Item)
/// holds them: the text's footnote and reference marks, not a comment
/// count's link to the thread.
fn cited_ids(page: &Page, prose: impl Iterator<Item = usize>) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let mut todo: Vec<usize> = prose.collect();
    let mut ids: Option<FxHashMap<&str, usize>> = None;
    while let Some(p) = todo.pop() {
        for i in p..page.items[p].end {
            let fragment = Some(i)
                .filter(|&i| page.is(i, "a"))
                .and_then(|i| page.attr(i, "href"))
                .and_then(|h| h.strip_prefix('#'))
                .filter(|f| !f.is_empty());
            let Some(f) = fragment.map(str::to_lowercase) else {
                continue;
            };
            if out.contains(&f) {
                continue;
            }
            let ids = ids.get_or_insert_with(|| {
                let mut m = FxHashMap::default();
                for (i, item) in page.items.iter().enumerate() {
                    if !item.id.is_empty() {
                        m.entry(item.id.as_ref()).or_insert(i);
                    }
                }
                m
            });
            todo.extend(ids.get(f.as_str()));
            out.insert(f);
        }
    }
    out
}

/// Whether the element at `o` holds one that the body's own links point at:
/// a footnote, a reference or a section the text cites is the article's,
/// and the model does not judge it.
fn is_cited(page: &Page, o: usize, cited: &FxHashSet<String>) -> bool {
    !cited.is_empty()
        && page.items[o..page.items[o].end]
            .iter()
            .any(|i| !i.id.is_empty() && cited.contains(i.id.as_ref()))
}

/// What a block's text is made of, counted in one pass.
#[derive(Default)]
struct TextCounts {
    /// Runs of letters and digits.
    words: usize,
    /// Words of at most [`SHORT_WORD_CHARS`] characters.
    short_words: usize,
    /// Words starting with a capital letter.
    capitalised_words: usize,
    /// Sentence and clause marks (`. , ; : ! ?`).
    punctuation: usize,
    /// ASCII digits.
    digits: usize,
    /// Words that the description holds too (compared in lower case, by
    /// [`WordHash`]).
    in_description: usize,
    /// Words that the headline holds too.
    in_headline: usize,
}

impl TextCounts {
    /// The counts of `text`, its words looked up in the word hashes of the
    /// description and the headline ([`word_hashes`]).
    fn of(text: &str, description: &WordHashes, headline: &WordHashes) -> TextCounts {
        let mut n = TextCounts::default();
        // The characters of the word being read (0: between words).
        let mut word = 0usize;
        let mut hash = WordHash::default();
        let end_word = |n: &mut TextCounts, word: usize, hash: &WordHash| {
            if word > 0 {
                n.short_words += usize::from(word <= SHORT_WORD_CHARS);
                let h = hash.finish();
                n.in_description += usize::from(description.contains(h));
                n.in_headline += usize::from(headline.contains(h));
            }
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                if word == 0 {
                    n.words += 1;
                    n.capitalised_words += usize::from(c.is_uppercase());
                    hash = WordHash::default();
                }
                word += 1;
                n.digits += usize::from(c.is_ascii_digit());
                hash.push(c);
                continue;
            }
            end_word(&mut n, word, &hash);
            word = 0;
            n.punctuation += usize::from(matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
        }
        end_word(&mut n, word, &hash);
        n
    }

    /// The share of the words that are the description's words, and the
    /// headline's.
    fn overlaps(&self) -> [f32; 2] {
        let share = |k: usize| k as f32 / self.words.max(1) as f32;
        [share(self.in_description), share(self.in_headline)]
    }
}

/// A word's hash, its characters put in lower case one by one.
#[derive(Default)]
struct WordHash(FxHasher);

impl WordHash {
    fn push(&mut self, c: char) {
        if c.is_ascii() {
            self.0.write_u8(c.to_ascii_lowercase() as u8);
        } else {
            c.to_lowercase().for_each(|l| self.0.write_u32(l as u32));
        }
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The distinct words of a text as [`WordHash`]es, with one bit set per
/// hash in a 64-bit filter that rules out most other words before the set
/// is searched.
struct WordHashes {
    hashes: FxHashSet<u64>,
    filter: u64,
}

impl WordHashes {
    fn contains(&self, hash: u64) -> bool {
        self.filter & filter_bit(hash) != 0 && self.hashes.contains(&hash)
    }
}

/// A hash's bit in [`WordHashes::filter`]: its top six bits choose it.
fn filter_bit(hash: u64) -> u64 {
    1 << (hash >> 58)
}

/// The distinct words of a text, hashed.
fn word_hashes(text: &str) -> WordHashes {
    let mut hashes = FxHashSet::default();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut h = WordHash::default();
        w.chars().for_each(|c| h.push(c));
        hashes.insert(h.finish());
    }
    let filter = hashes.iter().fold(0, |f, &h| f | filter_bit(h));
    WordHashes { hashes, filter }
}

/// 1 for true, 0 for false.
fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// What lies between a container and a block's element.
#[derive(Default, Clone, Copy)]
struct Path {
    depth: usize,
    furniture: bool,
    list_item: bool,
    table: bool,
    figure: bool,
    negative: bool,
    positive: bool,
    clutter: bool,
    discussion: bool,
    /// The most siblings of one ancestor that share its tag and first
    /// class name.
    repeated: usize,
}

impl Path {
    /// The path of one element alone: its tag and names.
    fn of(page: &Page, i: usize) -> Path {
        let item = &page.items[i];
        let (negative, positive) = page.name_hints(i);
        Path {
            depth: 0,
            furniture: matches!(item.tag, "aside" | "header" | "footer" | "nav" | "form"),
            list_item: item.tag == "li",
            table: matches!(item.tag, "table" | "td"),
            figure: matches!(item.tag, "figure" | "figcaption"),
            negative,
            positive,
            clutter: has_word_hint(&item.class, &CLUTTER_WORDS)
                || has_word_hint(&item.id, &CLUTTER_WORDS),
            discussion: names_discussion(&item.class) || names_discussion(&item.id),
            repeated: 0,
        }
    }

    /// This element's path joined to the one from its parent up (`up`,
    /// whose `repeated` is the most look-alike siblings on that line).
    fn below(self, up: Path) -> Path {
        Path {
            depth: up.depth + 1,
            furniture: self.furniture || up.furniture,
            list_item: self.list_item || up.list_item,
            table: self.table || up.table,
            figure: self.figure || up.figure,
            negative: self.negative || up.negative,
            positive: self.positive || up.positive,
            clutter: self.clutter || up.clutter,
            discussion: self.discussion || up.discussion,
            repeated: up.repeated,
        }
    }
}

/// The paths from the body's elements up to their containers, each
/// element's computed once: the blocks of a body share most ancestors.
struct Paths<'p, 'a> {
    page: &'p Page<'a>,
    /// Per (element, container): the path from the element up, and the
    /// most look-alike siblings of the element or an ancestor on it.
    memo: FxHashMap<(usize, usize), (Path, usize)>,
    /// Per parent: how many of its children have each tag and first class
    /// name, counted once for all its children.
    kinds: FxHashMap<usize, FxHashMap<(&'a str, Option<&'p str>), usize>>,
}

impl<'p, 'a> Paths<'p, 'a> {
    /// Paths for about `blocks` blocks (each with an element or two of its
    /// own on the way up).
    fn new(page: &'p Page<'a>, blocks: usize) -> Self {
        Paths {
            page,
            memo: FxHashMap::with_capacity_and_hasher(2 * blocks, Default::default()),
            kinds: FxHashMap::default(),
        }
    }

    /// How many siblings of element `i` share its tag and first class name
    /// (the items of a comment thread or a teaser list); 0 for an element
    /// without a class that is not a list item.
    fn look_alike_siblings(&mut self, i: usize) -> usize {
        let page = self.page;
        let item = &page.items[i];
        let class = first_class(&item.class);
        if item.parent == NONE || (class.is_none() && item.tag != "li") {
            return 0;
        }
        let kinds = self.kinds.entry(item.parent).or_insert_with(|| {
            let mut kinds = FxHashMap::default();
            for c in page.children(item.parent) {
                let child = &page.items[c];
                *kinds
                    .entry((child.tag, first_class(&child.class)))
                    .or_default() += 1;
            }
            kinds
        });
        kinds[&(item.tag, class)] - 1
    }

    /// The elements from `i` up to `top` (or the root when `top` is not
    /// above it): their tags and names, and the look-alike siblings of
    /// those above `i`.
    fn between(&mut self, top: usize, i: usize) -> Path {
        // The elements not yet known, from `i` up.
        let mut chain = Vec::new();
        let mut a = i;
        let mut known = None;
        while a != NONE {
            if let Some(&k) = self.memo.get(&(a, top)) {
                known = Some(k);
                break;
            }
            chain.push(a);
            if a == top {
                break;
            }
            a = self.page.items[a].parent;
        }
        for &e in chain.iter().rev() {
            let own = Path::of(self.page, e);
            let alike = self.look_alike_siblings(e);
            let found = match known {
                // `e` is `top` (depth 0), or the root of a block outside
                // every container, whose walk counts the root as a step.
                None => (
                    Path {
                        depth: usize::from(e != top),
                        ..own
                    },
                    alike,
                ),
                Some((up, up_alike)) => (
                    own.below(Path {
                        repeated: up_alike,
                        ..up
                    }),
                    alike.max(up_alike),
                ),
            };
            self.memo.insert((e, top), found);
            known = Some(found);
        }
        known.expect("an element has a path").0
    }
}

/// The page's innermost blocks by text length, to find a block's text
/// printed again elsewhere without comparing it with every element.
struct Repeats(Vec<(usize, usize)>);

impl Repeats {
    fn new(page: &Page) -> Repeats {
        let mut v: Vec<(usize, usize)> = (0..page.items.len())
            .filter(|&i| !page.items[i].tag.is_empty() && page.is_block(i) && !page.stats[i].block)
            .map(|i| (page.stats[i].text, i))
            .collect();
        v.sort_unstable();
        Repeats(v)
    }

    /// How many other innermost blocks of the page, outside this one's
    /// element, print the same text (a caption or teaser shown again).
    fn count(&self, page: &Page, o: usize, chars: usize, text: &str) -> usize {
        let slack = chars / REPEAT_LENGTH_SLACK + 1;
        let from = self.0.partition_point(|&(c, _)| c + slack < chars);
        self.0[from..]
            .iter()
            .take_while(|&&(c, _)| c <= chars + slack)
            .filter(|&&(_, i)| {
                (i < o || i >= page.items[o].end)
                    && may_print(page, i, text)
                    && page.plain_text(i) == text
            })
            .count()
    }
}

/// Whether element `i`'s text may be `text`: it starts with the same
/// character. A cheap test before the element's text is put together
/// ([`Page::plain_text`] collapses white space and turns a doubled single
/// quote mark into a double one, so those marks are not compared).
fn may_print(page: &Page, i: usize, text: &str) -> bool {
    let first = page.items[i..page.items[i].end]
        .iter()
        .filter(|item| item.tag.is_empty())
        .find_map(|item| item.text.chars().find(|c| !c.is_whitespace()));
    match (first, text.chars().next()) {
        (Some('‘' | '’'), _) => true,
        (a, b) => a == b,
    }
}

/// The first name of a class attribute.
fn first_class(class: &str) -> Option<&str> {
    class.split_whitespace().next()
}

/// Whether the text holds a clock time ("9:42"), as comment and post
/// stamps do.
fn has_clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b':', b).any(|i| {
        i >= 1
            && i + 2 < b.len()
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::html::{Hints, read};

    /// A page whose article is five long paragraphs, followed by a list of
    /// links to other stories.
    fn page() -> String {
        let para = "<p>The council met on Monday, and after a long debate it agreed to keep the old library open, with new hours, more staff and a larger budget for the children's room. Parents welcomed the decision, and the staff said that the reading hours would start again next week.</p>";
        format!(
            "<html><head><title>Library stays open</title></head><body><article><h1>Library stays open</h1>{}\
             <ul><li><a href=\"/a\">Another story about the town</a></li><li><a href=\"/b\">More news from the region</a></li></ul>\
             </article></body></html>",
            para.repeat(5)
        )
    }

    /// A post with a headline, three short paragraphs and `after` them
    /// (`before` the article, outside it).
    fn post(before: &str, after: &str) -> String {
        format!(
            "<html><body>{before}<article><h1>Library stays open</h1>{}{after}</article></body></html>",
            "<p>The council met on Monday, and after a long debate it agreed to keep the old library open, with new hours and more staff.</p>".repeat(3),
        )
    }

    /// The rows of a page's body, every block kept.
    fn rows_of(html: &str) -> Vec<Row> {
        recording(None, || read(html, &Hints::default())).1
    }

    /// The index of a feature by name.
    fn at(name: &str) -> usize {
        FEATURES.iter().position(|f| *f == name).unwrap()
    }

    /// A model without trees: every judged block has probability 1/2.
    fn flat_model(threshold: f32) -> Model {
        Model {
            features: FEATURES.iter().map(|s| s.to_string()).collect(),
            base: 0.0,
            trees: vec![],
            threshold,
        }
    }

    #[test]
    fn the_embedded_model_fits_the_features() {
        assert!(Model::from_json(MODEL_JSON).is_ok());
    }

    #[test]
    fn a_model_for_other_features_or_with_a_looping_tree_is_refused() {
        let mut m = flat_model(0.5);
        m.features.pop();
        assert!(Model::from_json(&serde_json::to_string(&m).unwrap()).is_err());
        let looping = r#"{"features": FEATURES, "base": 0, "threshold": 0.5,
            "trees": [{"nodes": [{"f": 1, "c": 0.5, "l": 1, "r": 1}, {"f": 2, "l": 1, "r": 1}]}]}"#
            .replace("FEATURES", &serde_json::to_string(FEATURES).unwrap());
        assert!(Model::from_json(&looping).is_err());
    }

    #[test]
    fn a_model_deeper_than_inference_lays_out_is_refused() {
        let json = |splits| {
            format!(
                r#"{{"features": {}, "base": 0, "threshold": 0.5, "trees": [{{"nodes": [{}]}}]}}"#,
                serde_json::to_string(FEATURES).unwrap(),
                chain(splits).join(", ")
            )
        };
        assert!(Model::from_json(&json(MAX_TREE_DEPTH)).is_ok());
        let err = Model::from_json(&json(MAX_TREE_DEPTH + 1)).unwrap_err();
        assert!(err.contains("deeper"), "{err}");
    }

    /// A tree of `splits` splits in a row, each with a leaf on its left.
    fn chain(splits: usize) -> Vec<String> {
        let mut nodes = Vec::new();
        for i in 0..splits {
            // Split at 2i, its leaf at 2i + 1, the next split at 2i + 2.
            nodes.push(format!(
                r#"{{"f": 1, "c": 0.5, "l": {}, "r": {}}}"#,
                2 * i + 1,
                2 * i + 2
            ));
            nodes.push(r#"{"v": 1.0}"#.to_string());
        }
        nodes.push(r#"{"v": -1.0}"#.to_string());
        nodes
    }

    #[test]
    fn the_embedded_model_judges_as_laid_out_for_inference() {
        let thread = "<div class=\"reply\"><p>Thanks, this is great.</p></div>".repeat(3);
        for html in [page(), post("<p>Before</p>", &thread)] {
            for row in rows_of(&html) {
                let x = &row.features;
                assert_eq!(
                    FOREST.probability(x).to_bits(),
                    MODEL.probability(x).to_bits(),
                    "{}",
                    row.text
                );
            }
        }
    }

    #[test]
    fn a_tree_adds_its_leaf_to_the_log_odds() {
        let json = r#"{"features": FEATURES, "base": 0.5, "threshold": 0.5,
            "trees": [{"nodes": [{"f": 2, "c": 0.5, "l": 1, "r": 2}, {"v": 1.0}, {"v": -2.0}]}]}"#
            .replace("FEATURES", &serde_json::to_string(FEATURES).unwrap());
        let m = Model::from_json(&json).unwrap();
        let mut x = vec![0.0; FEATURES.len()];
        let sigmoid = |z: f32| 1.0 / (1.0 + (-z).exp());
        assert_eq!(m.probability(&x), sigmoid(1.5));
        x[2] = 0.9; // links: the right leaf
        assert_eq!(m.probability(&x), sigmoid(-1.5));
    }

    #[test]
    fn every_text_block_is_judged() {
        let (article, rows) = recording(None, || read(&page(), &Hints::default()));
        assert_eq!(article.unwrap().blocks.len(), 6);
        assert_eq!(rows.len(), 6);
        assert!(rows.iter().all(|r| r.features.len() == FEATURES.len()));
        // The list of links after the prose: all links, after the last
        // long paragraph, its items alike.
        assert_eq!(rows[5].features[at("link_share")], 1.0);
        assert_eq!(rows[5].features[at("after_last_prose_or_none")], 1.0);
        assert_eq!(rows[5].features[at("log_repeated_ancestor")], 0.0);
        assert_eq!(rows[0].features[at("after_last_prose_or_none")], 0.0);
        // The paragraphs between the first and the last long one.
        let between: Vec<f32> = rows
            .iter()
            .map(|r| r.features[at("between_prose")])
            .collect();
        assert_eq!(between, [0.0, 1.0, 1.0, 1.0, 0.0, 0.0]);
    }

    #[test]
    fn the_notes_and_books_the_text_cites_are_not_judged() {
        let para = "<p>The council met on Monday, and after a long debate it agreed to keep the old library open<sup><a href=\"#Note-1\">1</a></sup>, with new hours, more staff and a larger budget for the children's room, as the town's parents and teachers had asked the council to do for many years before the vote.</p>";
        let html = format!(
            "<html><body><article><h1>Library stays open</h1>{}\
             <ol><li id=\"note-1\">The vote was seven to two; see <a href=\"#book\">Lee 2001</a>.</li></ol>\
             <ul><li id=\"book\">Lee, Ann (2001). The Town Library. Harbour Press.</li></ul>\
             <ul><li>Share this story with a friend.</li></ul>\
             </article></body></html>",
            para.repeat(4)
        );
        let rows = rows_of(&html);
        let judged = |start: &str| {
            let row = rows.iter().find(|r| r.text.starts_with(start)).unwrap();
            !row.features.is_empty()
        };
        // The footnote the text marks, and the book the footnote cites.
        assert!(!judged("The vote was seven to two"));
        assert!(!judged("Lee, Ann (2001)"));
        assert!(judged("Share this story"));
        assert!(judged("The council met"));
    }

    #[test]
    fn items_of_a_thread_count_their_look_alike_siblings() {
        let comment = "<div class=\"reply even\"><p>I agree with every word of this, thanks for writing it down so clearly.</p><p>Ellen, 9:42 pm</p></div>";
        let thread = format!("<div class=\"thread\">{}</div>", comment.repeat(4));
        let rows = rows_of(&post("", &thread));
        let last = rows.last().unwrap();
        assert_eq!(last.text, "Ellen, 9:42 pm");
        assert_eq!(last.features[at("log_repeated_ancestor")], 4f32.ln());
        assert_eq!(last.features[at("discussion_name")], 1.0);
        assert_eq!(last.features[at("has_clock_time")], 1.0);
        assert_eq!(rows[0].features[at("discussion_name")], 0.0);
    }

    #[test]
    fn a_text_is_counted_in_words_marks_and_digits() {
        let description = word_hashes("What the mayor said");
        let headline = word_hashes("Élan");
        let n = TextCounts::of(
            "At 9:42, the Mayor said: “No.” Élan!",
            &description,
            &headline,
        );
        assert_eq!(n.words, 8); // At 9 42 the Mayor said No Élan
        assert_eq!(n.short_words, 5); // At 9 42 the No
        assert_eq!(n.capitalised_words, 4); // At Mayor No Élan
        assert_eq!(n.punctuation, 5); // : , : . !
        assert_eq!(n.digits, 3);
        assert_eq!(n.in_description, 3); // the Mayor said, in any case
        assert_eq!(n.in_headline, 1);
        assert_eq!(n.overlaps(), [3.0 / 8.0, 1.0 / 8.0]);
    }

    #[test]
    fn a_text_printed_again_on_the_page_is_counted_whatever_its_quote_marks() {
        let caption = "‘‘Open again,’’ the sign says.";
        let rows = rows_of(&post(
            &format!("<div class=\"promo\"><p>{caption}</p></div>"),
            &format!("<p>{caption}</p>"),
        ));
        let last = rows.last().unwrap();
        assert_eq!(last.text, "“Open again,” the sign says.");
        // Printed once more, in the promotion box.
        assert_eq!(last.features[at("log_repeats_on_page")], 2f32.ln());
    }

    #[test]
    fn the_embedded_model_judges_at_a_threshold_given_for_the_benchmark() {
        // The list of other stories after the prose goes at some threshold;
        // judging at it keeps what the model itself would keep there.
        let blocks = |article: Result<crate::model::Article, _>| article.unwrap().blocks.len();
        for threshold in [0.05, 0.5, 0.9] {
            let mut model = MODEL.clone();
            model.threshold = threshold;
            let (recorded, _) = recording(Some(model), || read(&page(), &Hints::default()));
            let judged = judging_at(threshold, || read(&page(), &Hints::default()));
            assert_eq!(blocks(judged), blocks(recorded), "threshold {threshold}");
        }
        // Outside `judging_at`, the shipped threshold holds again.
        assert_eq!(THRESHOLD.get(), None);
    }

    #[test]
    fn features_are_the_same_on_every_run() {
        let (a, b) = (rows_of(&page()), rows_of(&page()));
        let bits = |rows: &[Row]| -> Vec<Vec<u32>> {
            rows.iter()
                .map(|r| r.features.iter().map(|f| f.to_bits()).collect())
                .collect()
        };
        assert_eq!(bits(&a), bits(&b));
    }

    #[test]
    fn blocks_below_the_threshold_go_unless_every_block_would() {
        // Links are not article text: the list of other stories goes.
        let links = at("link_share");
        let leaf = |value| TreeNode {
            feature: 0,
            cut: 0.0,
            left: 0,
            right: 0,
            value,
        };
        let split = TreeNode {
            feature: links,
            cut: 0.5,
            left: 1,
            right: 2,
            value: 0.0,
        };
        let m = Model {
            trees: vec![Tree {
                nodes: vec![split, leaf(2.0), leaf(-2.0)],
            }],
            ..flat_model(0.5)
        };
        let (article, _) = recording(Some(m), || read(&page(), &Hints::default()));
        let blocks = article.unwrap().blocks;
        assert_eq!(blocks.len(), 5);
        assert!(
            blocks
                .iter()
                .all(|b| b.text().starts_with("The council met"))
        );
        // A model that would drop every block keeps them all.
        let (article, _) = recording(Some(flat_model(0.9)), || read(&page(), &Hints::default()));
        assert_eq!(article.unwrap().blocks.len(), 6);
    }
}
