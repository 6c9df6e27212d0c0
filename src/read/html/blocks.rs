//! Element handlers: one function per kind of HTML element, turning the chosen
//! container's subtree into model [`Block`]s with their inline rich text.
//!
//! [`convert`] walks a container; text and inline elements between blocks
//! gather into paragraphs; each block element goes to its handler
//! (`paragraph`, `heading`, `list`, `quote`, `figure`, `image`, `table`,
//! `code`, `rule`), and clutter inside the container (link lists, share
//! bars, sign-up boxes, bylines, "read also" inserts) is dropped on the way.
//! Nesting deeper than [`MAX_NESTING`] is flattened to text, so hostile
//! pages cannot exhaust the stack.

use super::flat_page::{
    CLUTTER_WORDS, HOVER_CARD_HINT_SET, LOGO_WORDS, NONE, Page, describes, has_hint, has_word_hint,
};
use super::normalize::{
    clean_text, fold_case, folds_case_to, is_placeholder, split_words, squeeze_into,
};
use super::patterns::{
    AD_LABELS, BODY_BYLINE_OPENERS, BYLINE_MAX_WORDS, CLASS_WEIGHT, CLUTTER_MAX_CHARS,
    COMMENT_ACTIONS, COPYRIGHT_OPENERS, CREDIT_MARKERS, CREDIT_MAX_CHARS, DATE_LINE_MAX_CHARS,
    DATE_LINE_MAX_LETTER_WORDS, DATE_LINE_MAX_WORDS, DATELINE_MAX_CHARS, DATELINE_PREFIXES,
    EMBED_MAX_CHARS, FILING_LINK_SHARE, HEADING_BLOCK_SHARE, LABEL_MAX_CHARS, LAZY_SRC_ATTRS,
    LOGO_SUFFIXES, MAX_LINK_DENSITY, MAX_LINK_DENSITY_POSITIVE, MAX_NESTING, MIN_BLOCK_CHARS,
    MIN_PARAGRAPHS_PER_IMAGE, MODERATION_NOTICES, MONTH_NAMES, NAMED_CLUTTER_LINK_DENSITY,
    NAMED_CLUTTER_SHORT_CHARS, NEIGHBOUR_ARROWS, NEIGHBOUR_LINK_SHARE, PLACEHOLDER_DATA_URI_BYTES,
    PLACEHOLDER_IMAGE_HINTS, POLL_MIN_CHOICES, POST_FILING_LINES, POST_FURNITURE_PREFIXES,
    POST_TAXONOMY_LABELS, PROSE_COMMAS, PUBLISHED_WORDS, READ_ALSO_MAX_CHARS, READ_ALSO_PREFIXES,
    RIGHTS_RESERVED, SHARE_ACTIONS, SHORT_BLOCK_MAX_IMAGES, TIME_LINE_SEPARATORS, TIME_LINE_WORDS,
    TIME_WORDS, UPDATED_WORDS, WEEKDAY_NAMES, ZONE_ABBREVIATIONS,
};
use crate::model::{Block, Inline};

/// Blocks as they are converted, each with the element it came from.
#[derive(Debug, Default)]
pub(super) struct Sink {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// For each block, the innermost block-level element that produced it.
    pub origins: Vec<usize>,
}

impl Sink {
    /// Names `i` as the source of the blocks added since the last mark (an
    /// inner element marks its own blocks first).
    fn mark(&mut self, i: usize) {
        self.origins.resize(self.blocks.len(), i);
    }

    /// Keeps the blocks for which `keep(block, origin)` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&Block, usize) -> bool) {
        let (blocks, origins) = std::mem::take(&mut self.blocks)
            .into_iter()
            .zip(std::mem::take(&mut self.origins))
            .filter(|(b, o)| keep(b, *o))
            .unzip();
        self.blocks = blocks;
        self.origins = origins;
    }

    /// Keeps the first `n` blocks with their origins.
    pub fn truncate(&mut self, n: usize) {
        self.blocks.truncate(n);
        self.origins.truncate(n);
    }

    /// Moves every block of `other` to the end of this one.
    pub fn append(&mut self, other: &mut Sink) {
        self.blocks.append(&mut other.blocks);
        self.origins.append(&mut other.origins);
    }
}

impl std::ops::Deref for Sink {
    type Target = Vec<Block>;
    fn deref(&self) -> &Vec<Block> {
        &self.blocks
    }
}

impl std::ops::DerefMut for Sink {
    fn deref_mut(&mut self) -> &mut Vec<Block> {
        &mut self.blocks
    }
}

/// Appends the blocks of the container `i` to `out`.
pub(super) fn convert(page: &Page, i: usize, out: &mut Sink) {
    if page.is_block(i) && !page.is_paragraph_like(i) {
        // The container itself was chosen: only its parts may be clutter.
        dispatch(page, i, out, 0);
    } else {
        let mut run = Run::default();
        inline_node(page, i, &mut run, 0);
        run.flush(page, out);
    }
    out.mark(i);
}

/// Inline content gathered between blocks, with the images found in it.
#[derive(Default)]
struct Run {
    inlines: Vec<Inline>,
    images: Vec<Block>,
}

impl Run {
    /// Emits the gathered text as a paragraph (and its images), then empties
    /// the run.
    fn flush(&mut self, page: &Page, out: &mut Sink) {
        let inlines = normalize_inlines(std::mem::take(&mut self.inlines));
        if let Some(p) = paragraph_from(inlines)
            && !is_clutter_paragraph(page, &p)
        {
            out.push(p);
        }
        out.blocks.append(&mut self.images);
    }
}

/// Converts the children of a container element.
fn children(page: &Page, i: usize, out: &mut Sink, depth: usize) {
    let mut run = Run::default();
    // The block-level child before this one.
    let mut previous = NONE;
    for c in page.children(i) {
        if page.items[c].tag.is_empty() || !page.is_block(c) {
            if page.is(c, "br") && matches!(run.inlines.last(), Some(Inline::Break)) {
                // Two line breaks end a paragraph.
                run.inlines.pop();
                run.flush(page, out);
                continue;
            }
            inline_node(page, c, &mut run, depth + 1);
        } else {
            run.flush(page, out);
            // The text before a child block is this element's own.
            out.mark(i);
            if !block(page, c, out, depth + 1) {
                drop_label(out, previous);
            }
            previous = c;
        }
    }
    run.flush(page, out);
}

/// Drops the last block when the block-level element `previous` printed
/// it as a label ("Vote in our poll:", "Read more:"): a short line ending in
/// a colon introduces the clutter removed after it, and goes with it.
fn drop_label(out: &mut Sink, previous: usize) {
    let is_label = |b: &Block| {
        matches!(b, Block::Paragraph { .. })
            && b.text().ends_with([':', '：'])
            && b.text().chars().count() <= LABEL_MAX_CHARS
    };
    if previous != NONE
        && out.origins.last() == Some(&previous)
        && out.blocks.last().is_some_and(is_label)
    {
        out.truncate(out.blocks.len() - 1);
    }
}

/// Converts a block-level element unless it is clutter; whether it was.
fn block(page: &Page, i: usize, out: &mut Sink, depth: usize) -> bool {
    let kept = !removed(page, i);
    if kept {
        dispatch(page, i, out, depth);
    }
    kept
}

/// Hands a block-level element to its handler.
fn dispatch(page: &Page, i: usize, out: &mut Sink, depth: usize) {
    if depth > MAX_NESTING {
        let text = page.plain_text(i);
        if !text.is_empty() {
            out.push(Block::paragraph(text));
        }
        out.mark(i);
        return;
    }
    match page.items[i].tag {
        "p" => paragraph(page, i, out, depth),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => heading(page, i, out),
        "ul" | "ol" => list(page, i, out),
        "blockquote" => quote(page, i, out, depth),
        // Only a pull quote's `aside` is kept in the page model.
        "aside"
            if !page.flags.keep_furniture
                && !(i + 1..page.items[i].end).any(|c| page.is(c, "blockquote")) =>
        {
            quote(page, i, out, depth)
        }
        "figure" => figure(page, i, out, depth),
        "table" => table(page, i, out, depth),
        "pre" => code(page, i, out),
        "hr" => out.push(Block::Rule {
            text: String::new(),
        }),
        _ => children(page, i, out, depth),
    }
    out.mark(i);
}

/// Whether a block is clutter to leave out (only while cleaning is on).
pub(super) fn removed(page: &Page, i: usize) -> bool {
    let item = &page.items[i];
    let s = &page.stats[i];
    // A small block that prints the description is the lead, whatever its
    // name says.
    let is_lead = || s.text > 0 && s.text < CLUTTER_MAX_CHARS && is_description(page, i);
    // Blocks named as clutter go; on the last, least cleaning attempt only
    // when they are also shaped like it (links or a few words). Class and id
    // are searched apart: no fragment holds a space.
    if (has_word_hint(&item.class, &CLUTTER_WORDS) || has_word_hint(&item.id, &CLUTTER_WORDS))
        && s.text < CLUTTER_MAX_CHARS
        && !is_lead()
        && (page.flags.clean
            || s.link_density() > NAMED_CLUTTER_LINK_DENSITY
            || s.text < NAMED_CLUTTER_SHORT_CHARS)
    {
        return true;
    }
    if is_poll(page, i) || is_sign_up(page, i) {
        return true;
    }
    if !page.flags.clean {
        return false;
    }
    let tag = item.tag;
    let weight = page.class_weight(i);
    if matches!(tag, "h1" | "h2") && weight < 0.0 {
        return true;
    }
    let conditional = matches!(
        tag,
        "form" | "fieldset" | "table" | "ul" | "div" | "section" | "header"
    );
    if !conditional || (tag == "table" && (is_data_table(page, i) || is_text_box(page, i))) {
        return false;
    }
    if weight < 0.0 && !is_lead() {
        return true;
    }
    // The part that scored best, in a wider container, is not clutter for
    // its shape, whatever its pictures and videos ([`Page::holds_best`]);
    // named as clutter, it went above.
    if page.holds_best(i) {
        return false;
    }
    if s.commas >= PROSE_COMMAS {
        return false;
    }
    let is_list = matches!(tag, "ul" | "ol");
    let p = s.paragraphs as f32;
    let img = s.images as f32;
    let ld = s.link_density();
    let heading_density = if s.text == 0 {
        0.0
    } else {
        s.heading as f32 / s.text as f32
    };
    let in_figure = has_ancestor(page, i, "figure");
    let remove = (img > 1.0 && p / img < MIN_PARAGRAPHS_PER_IMAGE && !in_figure)
        || (!is_list
            && heading_density < HEADING_BLOCK_SHARE
            && s.text < MIN_BLOCK_CHARS
            && (s.images == 0 || s.images > SHORT_BLOCK_MAX_IMAGES)
            && !in_figure)
        || (!is_list && weight < CLASS_WEIGHT && ld > MAX_LINK_DENSITY)
        || (weight >= CLASS_WEIGHT && ld > MAX_LINK_DENSITY_POSITIVE)
        || (s.embeds == 1 && s.text < EMBED_MAX_CHARS)
        || s.embeds > 1;
    if remove && is_list && s.images > 0 && s.images == s.items {
        // A list of pictures is a gallery, not a link list.
        return false;
    }
    remove
}

/// Whether a block is a poll, a vote or a comment form: a small form or
/// fieldset holding several answer controls and no prose.
fn is_poll(page: &Page, i: usize) -> bool {
    let s = &page.stats[i];
    matches!(page.items[i].tag, "form" | "fieldset")
        && s.choices >= POLL_MIN_CHOICES
        && s.text < CLUTTER_MAX_CHARS
        && s.commas < PROSE_COMMAS
}

/// Whether a block is a sign-up or a comment form with its pitch: a small
/// box holding a field for an e-mail address. A box that also prints the
/// headline or the description is the article's header (with a contact
/// form hidden in it), and the part that scored best is the article.
fn is_sign_up(page: &Page, i: usize) -> bool {
    let s = &page.stats[i];
    s.email_fields > 0 && s.text < CLUTTER_MAX_CHARS && !page.holds_best(i) && {
        let text = fold_case(&page.plain_text(i));
        let prints = |t: &str| !t.is_empty() && text.contains(t);
        !prints(&page.headline) && !page.description.as_deref().is_some_and(prints)
    }
}

/// Whether the element's text is the metadata description (the lead, even
/// when the page calls its box a teaser).
fn is_description(page: &Page, i: usize) -> bool {
    page.description
        .as_deref()
        .is_some_and(|d| describes(&fold_case(&page.plain_text(i)), d))
}

/// Whether an ancestor of `i` has the tag.
fn has_ancestor(page: &Page, i: usize, tag: &str) -> bool {
    let mut a = page.items[i].parent;
    let mut steps = 0;
    while a != NONE && steps < MAX_NESTING {
        if page.is(a, tag) {
            return true;
        }
        a = page.items[a].parent;
        steps += 1;
    }
    false
}

/// `<p>`: a paragraph of rich text (or the images it holds).
fn paragraph(page: &Page, i: usize, out: &mut Sink, depth: usize) {
    let mut run = Run::default();
    for c in page.children(i) {
        inline_node(page, c, &mut run, depth + 1);
    }
    run.flush(page, out);
}

/// `<h1>`–`<h6>`: a subheading, unless it repeats the headline.
fn heading(page: &Page, i: usize, out: &mut Sink) {
    let text = page.plain_text(i);
    if text.is_empty() || is_placeholder(&text) || folds_case_to(&text, &page.headline) {
        return;
    }
    let level = page.items[i].tag[1..]
        .parse::<u8>()
        .unwrap_or(2)
        .clamp(2, 6);
    out.push(Block::Heading { text, level });
}

/// `<ul>`, `<ol>`: a list; nested lists add their items after their parent's.
fn list(page: &Page, i: usize, out: &mut Sink) {
    let ordered = page.is(i, "ol");
    let mut rich = Vec::new();
    list_items(page, i, &mut rich, 0);
    if rich.is_empty() {
        return;
    }
    let items: Vec<String> = rich
        .iter()
        .map(|inlines| clean_text(&Inline::plain_text(inlines)))
        .collect();
    let item_inlines = rich
        .iter()
        .flatten()
        .any(|i| !matches!(i, Inline::Text { .. }))
        .then(|| rich.into_iter().map(repair_quotes).collect());
    out.push(Block::List {
        text: items.join("\n"),
        ordered,
        items,
        item_inlines,
    });
}

/// Collects the items of a list and its nested lists as rich text, white
/// space collapsed across the item's elements (no space is put before a
/// comma that follows a link).
fn list_items(page: &Page, i: usize, items: &mut Vec<Vec<Inline>>, depth: usize) {
    for li in page.children(i) {
        if page.items[li].tag.is_empty() || (page.flags.clean && removed(page, li)) {
            continue;
        }
        let mut run = Run::default();
        let mut nested = Vec::new();
        for c in page.children(li) {
            if matches!(page.items[c].tag, "ul" | "ol") && depth < MAX_NESTING {
                nested.push(c);
            } else {
                inline_node(page, c, &mut run, depth + 1);
            }
        }
        let inlines = normalize_inlines(run.inlines);
        let own = clean_text(&Inline::plain_text(&inlines));
        if !own.is_empty() && !is_placeholder(&own) {
            items.push(inlines);
        }
        for n in nested {
            list_items(page, n, items, depth + 1);
        }
    }
}

/// `<blockquote>` (or a pull quote's `aside`): a quotation; a `<cite>` or
/// `<footer>` inside names its source and is not part of the quoted text.
fn quote(page: &Page, i: usize, out: &mut Sink, depth: usize) {
    let mut inner = Sink::default();
    let mut cite = None;
    let mut run = Run::default();
    for c in page.children(i) {
        if matches!(page.items[c].tag, "cite" | "footer") {
            let t = page.plain_text(c);
            if !t.is_empty() {
                cite = Some(t.trim_start_matches(['—', '–', '-', ' ']).to_string());
            }
        } else if page.items[c].tag.is_empty() || !page.is_block(c) {
            inline_node(page, c, &mut run, depth + 1);
        } else {
            run.flush(page, &mut inner);
            block(page, c, &mut inner, depth + 1);
        }
    }
    run.flush(page, &mut inner);
    let texts: Vec<&str> = inner
        .iter()
        .filter(|b| b.is_textual())
        .map(Block::text)
        .collect();
    let text = texts.join("\n");
    if !text.is_empty() {
        out.push(Block::Quote { text, cite });
    }
    out.extend(inner.blocks.into_iter().filter(|b| !b.is_textual()));
}

/// `<figure>`: its picture with the caption; a figure without a picture (a
/// pull quote, an embedded table) is read as a container. The caption is
/// never dropped: when the picture has no usable address it stays as a
/// paragraph.
fn figure(page: &Page, i: usize, out: &mut Sink, depth: usize) {
    let range = i + 1..page.items[i].end;
    let Some(img) = range.clone().find(|&c| page.is(c, "img")) else {
        children(page, i, out, depth);
        return;
    };
    let caption = range
        .clone()
        .find(|&c| page.is(c, "figcaption"))
        .map(|c| caption_text(page, c))
        .filter(|t| !t.is_empty() && !is_placeholder(t));
    match image(page, img) {
        Some(mut b) => {
            if let Block::Image {
                text, caption: cap, ..
            } = &mut b
            {
                *text = caption.clone().unwrap_or_default();
                *cap = caption;
            }
            out.push(b);
        }
        // A picture with no address we can use keeps its caption as text.
        None => out.extend(caption.map(Block::paragraph)),
    }
}

/// A caption's text, its photo credit included ("… Photo: Name"): the credit
/// is part of what the page prints under the picture.
fn caption_text(page: &Page, i: usize) -> String {
    page.plain_text(i)
}

/// Whether a picture outside any figure is the site's logo: its alternative
/// text says so ("Newsroom logo") or its class/id names a logo.
fn is_logo(page: &Page, i: usize, b: &Block) -> bool {
    let Block::Image { alt, .. } = b else {
        return false;
    };
    let alt = fold_case(alt);
    let item = &page.items[i];
    alt == "logo"
        || LOGO_SUFFIXES.iter().any(|s| alt.ends_with(s))
        || has_word_hint(&item.class, &LOGO_WORDS)
        || has_word_hint(&item.id, &LOGO_WORDS)
}

/// `<img>`: a picture, with its real source rather than a lazy-load placeholder.
fn image(page: &Page, i: usize) -> Option<Block> {
    let src = image_src(page, i)?;
    let alt = clean_text(page.attr(i, "alt").unwrap_or(""));
    Some(Block::Image {
        text: String::new(),
        src,
        alt,
        caption: None,
    })
}

/// The address of the picture an `<img>` shows, as the page wrote it.
fn image_src(page: &Page, i: usize) -> Option<String> {
    let src = page.attr(i, "src").map(str::trim).filter(|s| !s.is_empty());
    let placeholder = src.is_none_or(|s| {
        (s.starts_with("data:") && s.len() < PLACEHOLDER_DATA_URI_BYTES)
            || PLACEHOLDER_IMAGE_HINTS
                .iter()
                .any(|h| s.to_ascii_lowercase().contains(h))
    });
    for attr in LAZY_SRC_ATTRS {
        if !placeholder && *attr == "srcset" {
            break;
        }
        if let Some(v) = page.attr(i, attr).map(str::trim).filter(|v| !v.is_empty()) {
            let url = if attr.ends_with("srcset") {
                largest_in_srcset(v)
            } else {
                Some(v.to_string())
            };
            if url.is_some() {
                return url;
            }
        }
    }
    if let Some(s) = src.filter(|_| !placeholder) {
        return Some(s.to_string());
    }
    // A `<picture>` names its sources beside the image.
    let parent = page.items[i].parent;
    if parent != NONE && page.is(parent, "picture") {
        for c in page.children(parent) {
            if page.is(c, "source")
                && let Some(u) = page.attr(c, "srcset").and_then(largest_in_srcset)
            {
                return Some(u);
            }
        }
    }
    src.map(str::to_string)
}

/// The widest candidate of a `srcset` list.
fn largest_in_srcset(srcset: &str) -> Option<String> {
    let mut best: Option<(f32, &str)> = None;
    for part in srcset.split(", ").flat_map(|p| p.split(",\n")) {
        let mut words = part.split_whitespace();
        let Some(url) = words.next() else { continue };
        let size = words
            .next()
            .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f32>().ok())
            .unwrap_or(1.0);
        if best.is_none_or(|(s, _)| size > s) {
            best = Some((size, url));
        }
    }
    best.map(|(_, u)| u.to_string())
}

/// Whether a table holds data (rows and columns) rather than page layout.
fn is_data_table(page: &Page, i: usize) -> bool {
    if page.attr(i, "role") == Some("presentation") {
        return false;
    }
    let range = i + 1..page.items[i].end;
    if is_text_box(page, i) {
        return false;
    }
    let mut rows = 0;
    for c in range {
        match page.items[c].tag {
            "table" => return false,
            "th" | "thead" | "caption" | "tfoot" => return true,
            "tr" => rows += 1,
            "p" | "div" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" => return false,
            _ => {}
        }
    }
    rows > 0
}

/// Whether a table is one cell of text without pictures: no data but a box
/// (a pull quote, a code sample, a framed note), read as the container it
/// is and never dropped as clutter (as a data table is not).
fn is_text_box(page: &Page, i: usize) -> bool {
    let range = i + 1..page.items[i].end;
    page.is(i, "table")
        && !range.clone().any(|c| page.is(c, "img"))
        && range
            .filter(|&c| matches!(page.items[c].tag, "td" | "th"))
            .nth(1)
            .is_none()
}

/// `<table>`: a data table becomes rows of cells — the `<thead>` rows (or
/// else the leading rows of `<th>` cells) first as its header, the
/// `<tfoot>` rows last as its footer, wherever the page put them; a layout
/// table is read as the containers its cells are.
fn table(page: &Page, i: usize, out: &mut Sink, depth: usize) {
    if !is_data_table(page, i) {
        children(page, i, out, depth);
        return;
    }
    let (mut head, mut body, mut foot) = (Vec::new(), Vec::new(), Vec::new());
    // Leading body rows made only of `<th>` cells.
    let mut th_rows = 0;
    // The `<thead>` or `<tfoot>` being read, and where it ends.
    let mut section: Option<(&str, usize)> = None;
    for r in i + 1..page.items[i].end {
        if section.is_some_and(|(_, end)| r >= end) {
            section = None;
        }
        if section.is_none() && (page.is(r, "thead") || page.is(r, "tfoot")) {
            section = Some((page.items[r].tag, page.items[r].end));
        }
        if !page.is(r, "tr") {
            continue;
        }
        let cells: Vec<usize> = page
            .children(r)
            .filter(|&c| matches!(page.items[c].tag, "td" | "th"))
            .collect();
        if cells.is_empty() {
            continue;
        }
        let texts: Vec<String> = cells.iter().map(|&c| page.plain_text(c)).collect();
        match section {
            Some(("thead", _)) => head.push(texts),
            Some(_) => foot.push(texts),
            None => {
                // A header row may have an empty corner cell as `<td>`.
                let is_header = |k: usize| page.is(cells[k], "th") || texts[k].trim().is_empty();
                if th_rows == body.len()
                    && (0..cells.len()).all(is_header)
                    && cells.iter().any(|&c| page.is(c, "th"))
                {
                    th_rows += 1;
                }
                body.push(texts);
            }
        }
    }
    if let Some(caption) = (i + 1..page.items[i].end).find(|&c| page.is(c, "caption")) {
        let t = page.plain_text(caption);
        if !t.is_empty() {
            out.push(Block::paragraph(t));
        }
    }
    if head.is_empty() {
        // Header cells heading nothing below them (a table of `<th>` only)
        // are no header.
        if th_rows < body.len() {
            head = body.drain(..th_rows).collect();
        }
    }
    let (header_rows, footer_rows) = (head.len(), foot.len());
    let rows: Vec<Vec<String>> = head.into_iter().chain(body).chain(foot).collect();
    if rows.iter().all(|r| r.iter().all(String::is_empty)) {
        return;
    }
    out.push(Block::table(rows, header_rows, footer_rows));
}

/// `<pre>`: code, line breaks kept; the language from a `language-*` class.
fn code(page: &Page, i: usize, out: &mut Sink) {
    let mut text = String::new();
    for item in &page.items[i + 1..page.items[i].end] {
        if item.tag.is_empty() {
            text.push_str(item.text);
        } else if item.tag == "br" {
            text.push('\n');
        }
    }
    let text = text.trim_matches('\n').trim_end().to_string();
    if text.trim().is_empty() {
        return;
    }
    let language = (i..page.items[i].end)
        .filter(|&c| matches!(page.items[c].tag, "pre" | "code"))
        .find_map(|c| {
            page.items[c].class.split_whitespace().find_map(|cl| {
                cl.strip_prefix("language-")
                    .or_else(|| cl.strip_prefix("lang-"))
                    .map(str::to_string)
            })
        });
    out.push(Block::Code { text, language });
}

/// Adds an inline node (text or inline element) to the run.
fn inline_node(page: &Page, i: usize, run: &mut Run, depth: usize) {
    let item = &page.items[i];
    if item.tag.is_empty() {
        push_text(&mut run.inlines, item.text);
        return;
    }
    if depth > MAX_NESTING {
        push_text(&mut run.inlines, &page.plain_text(i));
        return;
    }
    if page.is_block(i) {
        // A block inside inline content (broken markup): keep its text.
        push_text(&mut run.inlines, " ");
        for c in page.children(i) {
            inline_node(page, c, run, depth + 1);
        }
        push_text(&mut run.inlines, " ");
        return;
    }
    match item.tag {
        "br" => run.inlines.push(Inline::Break),
        "img" => {
            if let Some(b) = image(page, i).filter(|b| !is_logo(page, i, b)) {
                run.images.push(b);
            }
        }
        "code" | "kbd" | "samp" | "tt" => {
            let text = page.plain_text(i);
            if !text.is_empty() {
                run.inlines.push(Inline::Code { text });
            }
        }
        "em" | "i" | "strong" | "b" | "a" => {
            let mut inner = Run::default();
            for c in page.children(i) {
                if item.tag == "a" && is_hover_card(page, c, &inner) {
                    continue;
                }
                inline_node(page, c, &mut inner, depth + 1);
            }
            run.images.append(&mut inner.images);
            let children = inner.inlines;
            let wrapped = match item.tag {
                "em" | "i" => Inline::Emphasis { children },
                "strong" | "b" => Inline::Strong { children },
                _ => match page
                    .attr(i, "href")
                    .and_then(|h| resolve_href(h, page.base.as_deref()))
                {
                    Some(href) => Inline::Link { href, children },
                    None => {
                        run.inlines.extend(children);
                        return;
                    }
                },
            };
            run.inlines.push(wrapped);
        }
        _ => {
            for c in page.children(i) {
                inline_node(page, c, run, depth + 1);
            }
        }
    }
}

/// Whether a link's child is the card a page shows while the pointer is
/// over the link (an author's bio, a story's preview): an element named
/// as one after the link's own text, which it would be glued to.
fn is_hover_card(page: &Page, c: usize, link_so_far: &Run) -> bool {
    !page.items[c].tag.is_empty()
        && has_hint(&page.items[c].class, &HOVER_CARD_HINT_SET)
        && !Inline::plain_text(&link_so_far.inlines).trim().is_empty()
}

/// Appends text, merging with a preceding text.
fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text { text: last }) = inlines.last_mut() {
        last.push_str(text);
    } else {
        inlines.push(Inline::Text {
            text: text.to_string(),
        });
    }
}

/// Collapses white space across inline boundaries and trims the ends;
/// empty spans are dropped.
fn normalize_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut space = true;
    let mut out = collapse(inlines, &mut space);
    trim_end(&mut out);
    out
}

/// Collapses white space; `space` says whether the text so far ends in one.
fn collapse(inlines: Vec<Inline>, space: &mut bool) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text { text } => {
                // Each white-space run becomes one space, none first when
                // the text before ends in one.
                let t = if *space { text.trim_start() } else { &text };
                if !t.is_empty() {
                    if let Some(Inline::Text { text: last }) = out.last_mut() {
                        squeeze_into(t, last);
                    } else {
                        let mut s = String::with_capacity(t.len());
                        squeeze_into(t, &mut s);
                        out.push(Inline::Text { text: s });
                    }
                    *space = t.ends_with(char::is_whitespace);
                }
            }
            Inline::Break => {
                trim_end(&mut out);
                if !out.is_empty() && !matches!(out.last(), Some(Inline::Break)) {
                    out.push(Inline::Break);
                }
                *space = true;
            }
            Inline::Code { text } => {
                out.push(Inline::Code { text });
                *space = false;
            }
            Inline::Emphasis { children } => {
                let children = collapse(children, space);
                if !children.is_empty() {
                    out.push(Inline::Emphasis { children });
                }
            }
            Inline::Strong { children } => {
                let children = collapse(children, space);
                if !children.is_empty() {
                    out.push(Inline::Strong { children });
                }
            }
            Inline::Link { href, children } => {
                let children = collapse(children, space);
                if !children.is_empty() {
                    out.push(Inline::Link { href, children });
                }
            }
        }
    }
    out
}

/// Removes trailing white space (and line breaks) from the end of a span list.
fn trim_end(inlines: &mut Vec<Inline>) {
    while let Some(last) = inlines.last_mut() {
        match last {
            Inline::Text { text } => {
                let t = text.trim_end().len();
                text.truncate(t);
                if text.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Inline::Break => {
                inlines.pop();
                continue;
            }
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Link { children, .. } => {
                trim_end(children);
                if children.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Inline::Code { .. } => {}
        }
        break;
    }
}

/// A paragraph from normalized spans: plain text, with the spans kept only
/// when they carry formatting.
fn paragraph_from(inlines: Vec<Inline>) -> Option<Block> {
    if inlines.is_empty() {
        return None;
    }
    let text = clean_text(&Inline::plain_text(&inlines));
    if text.is_empty() || is_placeholder(&text) {
        return None;
    }
    let rich = inlines.iter().any(|i| !matches!(i, Inline::Text { .. }));
    let inlines = if rich {
        Some(repair_quotes(inlines))
    } else {
        None
    };
    Some(Block::Paragraph { text, inlines })
}

/// Applies the text clean-up (doubled single quotes) inside spans too.
fn repair_quotes(inlines: Vec<Inline>) -> Vec<Inline> {
    inlines
        .into_iter()
        .map(|i| match i {
            Inline::Text { text } if text.contains("‘‘") || text.contains("’’") => {
                Inline::Text {
                    text: text.replace("‘‘", "“").replace("’’", "”"),
                }
            }
            Inline::Emphasis { children } => Inline::Emphasis {
                children: repair_quotes(children),
            },
            Inline::Strong { children } => Inline::Strong {
                children: repair_quotes(children),
            },
            Inline::Link { href, children } => Inline::Link {
                href,
                children: repair_quotes(children),
            },
            other => other,
        })
        .collect()
}

/// Whether a paragraph is an insert rather than prose: a "read also" link,
/// a logo's name, a date line, the repeated headline.
fn is_clutter_paragraph(page: &Page, p: &Block) -> bool {
    let text = p.text();
    let len = text.chars().count();
    // A blog template's filing line ("This entry was posted on … and is
    // filed under …") is the post's metadata, however long and whichever
    // attempt reads it.
    if (len <= READ_ALSO_MAX_CHARS && links_neighbour_posts(p))
        || is_filing_links(p)
        || opens_with_any(text, POST_FILING_LINES)
    {
        return true;
    }
    if !page.flags.clean {
        // Without cleaning, only the site's own notices go: they are never
        // the article, whichever part of the page is read.
        return len <= READ_ALSO_MAX_CHARS && is_site_notice(&fold_case(text));
    }
    // Lowercasing never shortens a text in characters nor touches its
    // punctuation and spaces: a long paragraph is checked in lower case
    // only when it may still be the headline, an ad label or a byline.
    let unlabelled = text.trim_end_matches([':', '.']);
    let unlabelled_chars = len - (text.len() - unlabelled.len());
    if len > SHORT_INSERT_MAX_CHARS
        && len > page.headline_chars
        && AD_LABELS
            .iter()
            .all(|l| l.chars().count() < unlabelled_chars)
        && split_words(text).nth(BYLINE_MAX_WORDS).is_some()
    {
        return false;
    }
    let lower = fold_case(text);
    if lower == page.headline && !lower.is_empty() {
        return true;
    }
    if AD_LABELS.contains(&lower.trim_end_matches([':', '.'])) {
        return true;
    }
    if len <= READ_ALSO_MAX_CHARS && is_site_notice(&lower) {
        return true;
    }
    if len <= READ_ALSO_MAX_CHARS && READ_ALSO_PREFIXES.iter().any(|r| lower.starts_with(r)) {
        return true;
    }
    if len <= DATELINE_MAX_CHARS
        && (DATELINE_PREFIXES.iter().any(|r| lower.starts_with(r))
            || LOGO_SUFFIXES.iter().any(|s| lower.ends_with(s)))
    {
        return true;
    }
    len <= CREDIT_MAX_CHARS && CREDIT_MARKERS.iter().any(|m| lower.contains(m))
        || is_byline(&lower)
        || is_date_line(&lower)
}

/// Whether a line is a blog's links to the posts before and after this one
/// ("« Older post | Main | Newer post »"): it opens or closes with an arrow
/// quote and is mostly links (a quotation in French guillemets is not).
fn links_neighbour_posts(p: &Block) -> bool {
    let text = p.text();
    (text.starts_with(NEIGHBOUR_ARROWS[0]) || text.ends_with(NEIGHBOUR_ARROWS[1]))
        && link_share(p) >= NEIGHBOUR_LINK_SHARE
}

/// Whether a line, however long, is the post's filing as a list of links
/// ("Tags: [a], [b], [c] …", "Categories: …").
fn is_filing_links(p: &Block) -> bool {
    opens_post_furniture(p.text()) && link_share(p) >= FILING_LINK_SHARE
}

/// Whether a line opens with one of [`POST_FURNITURE_PREFIXES`].
fn opens_post_furniture(text: &str) -> bool {
    opens_with_any(text, POST_FURNITURE_PREFIXES)
}

/// Whether a line opens with one of `prefixes`, in any case (they are
/// ASCII: no folding, no copy).
fn opens_with_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|m| {
        text.get(..m.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(m))
    })
}

/// Whether a short line (folded) is the site's notice rather than text: a
/// comment system's action or notice, a share button, a copyright line, a
/// blog's filing and neighbour links, a time line.
fn is_site_notice(lower: &str) -> bool {
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    COMMENT_ACTIONS.contains(&bare)
        || SHARE_ACTIONS.contains(&bare)
        || (COPYRIGHT_OPENERS.iter().any(|o| lower.starts_with(o))
            && RIGHTS_RESERVED.iter().any(|r| lower.contains(r)))
        || MODERATION_NOTICES.iter().any(|m| lower.starts_with(m))
        || opens_post_furniture(lower)
        || is_time_line(lower)
}

/// The longest paragraph that the short-insert checks below look at.
const SHORT_INSERT_MAX_CHARS: usize = max(
    max(READ_ALSO_MAX_CHARS, DATELINE_MAX_CHARS),
    max(CREDIT_MAX_CHARS, DATE_LINE_MAX_CHARS),
);

const fn max(a: usize, b: usize) -> usize {
    if a > b { a } else { b }
}

/// "By Jane Doe", "Von: Max Muster": a byline left in the body, alone or
/// with its dates on the same line ("Par Claire Dubois Publié le 3 mars
/// 2021 à 14h05").
fn is_byline(lower: &str) -> bool {
    BODY_BYLINE_OPENERS.iter().any(|p| lower.starts_with(p))
        && !lower.ends_with('.')
        && (lower.split_whitespace().count() <= BYLINE_MAX_WORDS
            || (lower.chars().count() <= DATELINE_MAX_CHARS && has_year(lower)))
}

/// Whether a text has a year of this or the last century as a word.
fn has_year(lower: &str) -> bool {
    lower.split_whitespace().any(|w| {
        let digits = w.trim_matches(|c: char| !c.is_ascii_digit());
        digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
    })
}

/// A line that is only a date ("7. oktober 2020", "March 3, 2021").
fn is_date_line(lower: &str) -> bool {
    if lower.chars().count() > DATE_LINE_MAX_CHARS {
        return false;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() <= DATE_LINE_MAX_WORDS
        && has_year(lower)
        && !lower.ends_with(['!', '?'])
        && words
            .iter()
            .filter(|w| w.chars().any(|c| c.is_alphabetic()))
            .count()
            <= DATE_LINE_MAX_LETTER_WORDS
}

/// A line that only says when the page was published or updated, a label
/// and a time: "Published 4:00 am ET, Jan 5, 2020", "updated 5:08 PM EDT,
/// Thu November 1, 2012", "Published 4 hours ago". A line naming anyone
/// (a byline) or ending in a colon (an update note's heading) is not one;
/// the post's tags may follow the time.
fn is_time_line(lower: &str) -> bool {
    // The post's tags or category after the time are more of its metadata
    // ("Published: Nov. 1, 2012 | Tags: NFL, Arizona Cardinals").
    let lower = match lower.split_once(" | ") {
        Some((time, rest)) if POST_TAXONOMY_LABELS.iter().any(|l| rest.starts_with(l)) => time,
        _ => lower,
    };
    if lower.chars().count() > DATELINE_MAX_CHARS || lower.ends_with(':') {
        return false;
    }
    let Some(rest) = PUBLISHED_WORDS
        .iter()
        .chain(UPDATED_WORDS)
        .find_map(|label| lower.strip_prefix(label))
        .filter(|rest| rest.starts_with([' ', ':', '|']))
    else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || TIME_LINE_SEPARATORS.contains(&c))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        && words.iter().all(|w| is_time_word(w))
}

/// Whether a word of a time line tells a time or a date: a number, a
/// month's or a weekday's name (or its first three letters or more), a
/// clock word or a zone, or one of the small words between them.
fn is_time_word(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    let named = |name: &str| name == bare || (bare.chars().count() >= 3 && name.starts_with(bare));
    word.bytes().any(|b| b.is_ascii_digit())
        || TIME_WORDS.contains(&word)
        || TIME_LINE_WORDS.contains(&bare)
        || PUBLISHED_WORDS.contains(&bare)
        || UPDATED_WORDS.contains(&bare)
        || ZONE_ABBREVIATIONS
            .iter()
            .any(|(zone, _)| zone.eq_ignore_ascii_case(bare))
        || MONTH_NAMES.iter().any(|(name, _)| named(name))
        || WEEKDAY_NAMES.iter().any(|name| named(name))
}

/// Resolves a link target against the page address; only web, mail and
/// in-page targets are kept.
pub(super) fn resolve_href(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if let Some(frag) = href.strip_prefix('#') {
        return (!frag.is_empty()).then(|| href.to_string());
    }
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
    {
        return Some(href.to_string());
    }
    let scheme_end = href.find(':');
    let path_start = href.find(['/', '?', '#']);
    if let Some(c) = scheme_end
        && path_start.is_none_or(|p| c < p)
    {
        return None; // javascript:, data:, tel: and other schemes
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    if let Some(r) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..host_end]);
    let path_full = &rest[host_end..];
    let path = &path_full[..path_full.find(['?', '#']).unwrap_or(path_full.len())];
    let path = if path.is_empty() { "/" } else { path };
    let joined = if href.starts_with('/') {
        href.to_string()
    } else if href.starts_with('?') {
        format!("{path}{href}")
    } else {
        format!("{}{href}", &path[..=path.rfind('/').unwrap_or(0)])
    };
    Some(format!("{origin}{}", remove_dot_segments(&joined)))
}

/// Resolves `.` and `..` in a URL path (its query and fragment untouched).
fn remove_dot_segments(path: &str) -> String {
    let split = path.find(['?', '#']).unwrap_or(path.len());
    let (p, tail) = path.split_at(split);
    let mut segs: Vec<&str> = Vec::new();
    let parts: Vec<&str> = p.split('/').collect();
    for (k, seg) in parts.iter().enumerate() {
        match *seg {
            "." => {
                if k == parts.len() - 1 {
                    segs.push("");
                }
            }
            ".." => {
                if segs.len() > 1 {
                    segs.pop();
                }
                if k == parts.len() - 1 {
                    segs.push("");
                }
            }
            s => segs.push(s),
        }
    }
    let mut out = segs.join("/");
    if !out.starts_with('/') {
        out.insert(0, '/');
    }
    out.push_str(tail);
    out
}

/// Share of a paragraph's characters that sit inside links.
pub(super) fn link_share(b: &Block) -> f32 {
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
        Block::List {
            items,
            item_inlines: Some(item_inlines),
            ..
        } => {
            let chars: usize = items.iter().map(|t| t.chars().count()).sum();
            let links: usize = item_inlines.iter().map(|i| linked(i, false)).sum();
            links as f32 / chars.max(1) as f32
        }
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_a_label_and_a_time_is_a_time_line() {
        for line in [
            "Published 4:00 am ET, Jan 5, 2020",
            "updated 5:08 PM EDT, Thu November 1, 2012",
            "Published 4 hours ago",
            "Posted at 10:00 AM ET, 11/29/2011",
            "Veröffentlicht am 06.12.2022",
            "Publicado el 03/05/2022 a las 22h03",
            "Published Thursday 27 July 2017 Published Thu 27 Jul 2017",
            "Published: November 1st, 2012 | Tags: NFL AM, Arizona Cardinals, Jim Harbaugh",
        ] {
            assert!(is_time_line(&fold_case(line)), "{line}");
        }
        for line in [
            "Posted by Jane Doe on July 18, 2012 at 11:00 AM EDT",
            "UPDATE on Tuesday, January 24th, 2012:",
            "Published in 1998, the book sold two million copies.",
            "Posted in News | 7 Comments",
            "Updated guidance for 2021 schools",
            "Published: the list of 2021 schools | Tags: schools",
        ] {
            assert!(!is_time_line(&fold_case(line)), "{line}");
        }
    }

    /// A paragraph of these pieces, the odd ones linked.
    fn linked(pieces: &[&str]) -> Block {
        let inlines: Vec<Inline> = pieces
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = Inline::Text {
                    text: t.to_string(),
                };
                if i % 2 == 1 {
                    Inline::Link {
                        href: "https://example.com/tag".into(),
                        children: vec![text],
                    }
                } else {
                    text
                }
            })
            .collect();
        Block::Paragraph {
            text: pieces.concat(),
            inlines: Some(inlines),
        }
    }

    #[test]
    fn a_filing_line_of_links_is_furniture_at_any_length() {
        let tags: Vec<&str> = ["Tags: ", "Budget and finance", ", "]
            .into_iter()
            .chain(
                [
                    "City council",
                    ", ",
                    "Library services and opening hours",
                    ", ",
                ]
                .repeat(6),
            )
            .collect();
        assert!(tags.concat().chars().count() > READ_ALSO_MAX_CHARS);
        assert!(is_filing_links(&linked(&tags)));
        // A sentence that opens so, with a link or two, is text.
        let prose = [
            "Tags: the council's new ",
            "library",
            " tags every book it lends, from the picture books of the children's room to the atlases of the reading room, with a chip that the self-service desks read.",
        ];
        assert!(!is_filing_links(&linked(&prose)));
        // The labels are matched without folding: ASCII, in lower case.
        assert!(
            POST_FURNITURE_PREFIXES
                .iter()
                .all(|m| m.is_ascii() && *m == m.to_lowercase())
        );
    }

    #[test]
    fn text_collapses_as_character_by_character() {
        for text in [
            "",
            " ",
            "a  b",
            " a\u{a0}\u{2003}b\n",
            "é—x\u{3000}\u{3000}y",
            "ab ",
            "  Eight bytes at a time,  and a space at the end: abcdefg hijklmn  \n ",
        ] {
            for before in [false, true] {
                let (mut space, mut expected_space) = (before, before);
                let mut expected = String::new();
                for c in text.chars() {
                    if c.is_whitespace() {
                        if !expected_space {
                            expected.push(' ');
                            expected_space = true;
                        }
                    } else {
                        expected.push(c);
                        expected_space = false;
                    }
                }
                let got = match collapse(vec![Inline::Text { text: text.into() }], &mut space)
                    .as_slice()
                {
                    [] => String::new(),
                    [Inline::Text { text }] => text.clone(),
                    other => panic!("{other:?}"),
                };
                assert_eq!(got, expected, "{text:?}");
                assert_eq!(space, expected_space, "{text:?}");
            }
        }
    }

    #[test]
    fn srcset_picks_the_widest() {
        assert_eq!(
            largest_in_srcset("a.jpg 320w, b.jpg 1024w, c.jpg 640w").as_deref(),
            Some("b.jpg")
        );
    }

    #[test]
    fn relative_links_resolve() {
        let base = Some("https://ex.com/a/b/c.html?q=1");
        assert_eq!(
            resolve_href("../d", base).as_deref(),
            Some("https://ex.com/a/d")
        );
        assert_eq!(
            resolve_href("e.html", base).as_deref(),
            Some("https://ex.com/a/b/e.html")
        );
        assert_eq!(
            resolve_href("//cdn.ex/x", base).as_deref(),
            Some("https://cdn.ex/x")
        );
        assert_eq!(resolve_href("#top", base).as_deref(), Some("#top"));
        assert_eq!(
            resolve_href("mailto:a@b.c", None).as_deref(),
            Some("mailto:a@b.c")
        );
        assert_eq!(resolve_href("tel:123", base), None);
        assert_eq!(resolve_href("x.html", None), None);
    }
}
