//! Main content: score the [flattened page](super::flat_page) to find the
//! element that holds the article body, leaving navigation, teasers, ads and
//! other page furniture behind, and hand it to [`blocks`](super::blocks)
//! for conversion.
//!
//! Paragraph-like elements score their ancestors (commas, length, class/id
//! hints, semantic markup); the best candidate, adjusted by its runner-ups
//! and joined by its prose siblings, is converted together with the leads
//! printed above it. A result that is too short is retried with fewer
//! removals, as Readability does.

use std::sync::LazyLock;

use scraper::Html;
use scraper::node::Element;

use super::blocks::{self, Sink, link_share};
use super::flat_page::{Flags, NONE, Page, WordHints, describes, flatten, has_word_hint};
use super::learned::{self, Context};
use super::metadata::names::is_given_name;
use super::normalize::{fold_case, folds_case_to};
use super::patterns::{
    ALTERNATIVE_SHARE, ANCESTOR_CLOSE_SHARE, AUTHOR_BOX_HEADING_MAX_WORDS, AUTHOR_BOX_HEADINGS,
    AUTHOR_BOX_PREFIXES, CHARS_PER_POINT, CLIMB_STOP_SHARE, DATELINE_MAX_CHARS,
    FAR_ANCESTOR_DIVIDER_PER_LEVEL, GALLERY_MIN_TITLES, GRANDPARENT_SCORE_DIVIDER,
    HEADLINE_SLACK_CHARS, LEAD_HINTS, LEAD_MIN_CHARS, LINKED_BODY_MIN_CHARS, LINKED_BODY_MIN_RATIO,
    MAX_COMMA_POINTS, MAX_LENGTH_POINTS, MIN_ARTICLE_CHARS, MIN_PARAGRAPH_CHARS,
    MIN_SHARED_ALTERNATIVES, OTHER_STORIES_LABELS, PARENT_SCORE_DIVIDER, POST_SIGNATURES,
    RETRY_GAIN, SCORE_ANCESTOR_LEVELS, SEMANTIC_BONUS, SENTENCE_ENDS, SIBLING_MAX_LINK_DENSITY,
    SIBLING_MIN_SCORE, SIBLING_PARAGRAPH_CHARS, SIBLING_SHARE, STANDFIRST_MAX_CHARS,
    TAG_BASE_SCORES, TAIL_LINE_MIN_CHARS, TAIL_MAX_LINK_SHARE, TAIL_PROSE_MIN_CHARS,
    TEASER_HEADING_LINK_SHARE, TEASER_LINKED_SHARE, TEASER_LIST_MIN_ITEMS, TEASER_MAX_BLOCKS,
    TEASER_MIN_HEADINGS, TOP_CANDIDATES,
};
use crate::model::{Article, Block, Inline};

/// The class/id words that name a lead (standfirst), sorted once.
static LEAD_WORDS: LazyLock<WordHints> = LazyLock::new(|| WordHints::new(LEAD_HINTS));

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
    let attempt = |strip_unlikely, weigh_classes, clean| Flags {
        strip_unlikely,
        weigh_classes,
        clean,
        keep_furniture: false,
    };
    let attempts = [
        attempt(true, true, true),
        attempt(false, true, true),
        attempt(false, false, true),
        attempt(false, false, false),
    ];
    // The best short attempt: its characters outside readers' comments and
    // side boxes, all its characters, and the attempt.
    let mut best: Option<(usize, usize, Attempt)> = None;
    // Only the removal of unlikely-named blocks changes the flattened page:
    // the attempts without it share one.
    let mut unstripped: Option<Page> = None;
    let mut stripped: Option<Page> = None;
    // The first attempt's container, when it is a whole post with prose
    // (looked for only when a retry follows).
    let mut post = None;
    for flags in attempts {
        let found = if flags.strip_unlikely {
            extract_from(stripped.insert(flatten(dom, meta, flags)))
        } else {
            let page = unstripped.get_or_insert_with(|| flatten(dom, meta, flags));
            page.flags = flags;
            let mut found = extract_from(page);
            // A retry that leaves the post for a box in a side column (a
            // module of the sidebar, the author's bio) has found no more
            // of the article: all it found is aside.
            if post.is_some_and(|p| leaves_for_side_box(page, &found.containers, p)) {
                found.aside.fill(true);
            }
            found
        };
        // A retry that finds more text only in readers' comments or side
        // boxes (which the first attempt removed) has not found more
        // article; what the first attempt kept is its reading.
        // Read without cleaning, a page's lists of links (the side column's
        // categories and recent posts) are not more article: that attempt
        // counts unlinked text only.
        let count = if flags.clean {
            found_chars
        } else {
            unlinked_chars
        };
        let all: usize = found.body.blocks.iter().map(count).sum();
        let chars = all.saturating_sub(aside_chars(&found, count));
        if chars >= MIN_ARTICLE_CHARS {
            return if found.teasers {
                Body::default()
            } else {
                found.body
            };
        }
        if let Some(page) = stripped.as_ref().filter(|_| flags.strip_unlikely) {
            post = found
                .containers
                .first()
                .filter(|&&c| holds_post(page, c) && holds_prose(page, c))
                .and_then(|&c| page.items[c].element);
        }
        // A later attempt (with fewer removals) replaces an earlier short
        // one only when it finds clearly more text: the same container
        // with its clutter kept is not a better article. Among attempts
        // that find comments or side boxes alone, all their text counts.
        let gains = |now: usize, before: usize| now as f32 > before as f32 * RETRY_GAIN;
        if best.as_ref().is_none_or(|(c, a, _)| {
            if chars == 0 && *c == 0 {
                gains(all, *a)
            } else {
                gains(chars, *c)
            }
        }) {
            best = Some((chars, all, found));
        }
    }
    match best {
        // A list of teasers is a section or front page: no article.
        Some((_, _, Attempt { teasers: true, .. })) => Body::default(),
        // A short post above a thread of comments or beside side boxes is
        // the article: what the retry found there is dropped.
        Some((
            chars,
            all,
            Attempt {
                mut body, aside, ..
            },
        )) if all > 0 => {
            let mut kept = body.blocks.iter().zip(&aside).filter(|(_, a)| !**a);
            // No paragraph outside comments and side boxes: the first
            // attempt's container is the post, whose cleaning took its text
            // (a picture post's sentence beside its video).
            if !kept.any(|(b, _)| is_found_paragraph(b))
                && let Some(post) = stripped.as_mut().and_then(|p| uncleaned_post(p, chars))
            {
                return post;
            }
            if chars > 0 {
                let mut aside = aside.into_iter();
                body.blocks.retain(|_| !aside.next().unwrap_or(false));
            }
            body
        }
        // Nothing outside navigation, side notes and footers: a page that
        // put its article in one of them still has an article, when there
        // is prose in it rather than links alone.
        _ => {
            let flags = Flags {
                keep_furniture: true,
                ..attempt(false, false, false)
            };
            let body = extract_from(&mut flatten(dom, meta, flags)).body;
            let prose = body.blocks.iter().any(|b| {
                matches!(b, Block::Paragraph { text, .. } if text.chars().count() >= MIN_PARAGRAPH_CHARS)
            });
            if prose { body } else { Body::default() }
        }
    }
}

/// The body of the stripped page's container without conditional
/// cleaning, when that container is a whole post (it holds the headline,
/// short of the page's `<body>`) and it finds a paragraph and more than
/// `chars` of text.
fn uncleaned_post(page: &mut Page, chars: usize) -> Option<Body> {
    let &post = choose_containers(page).0.first()?;
    if !holds_post(page, post) {
        return None;
    }
    page.flags.clean = false;
    let found = extract_from(page);
    let more =
        text_chars(&found.body.blocks) > chars && found.body.blocks.iter().any(is_found_paragraph);
    (more && !found.teasers).then_some(found.body)
}

/// Whether a container is a whole post: it holds the headline (a heading
/// that prints it), short of the page's `<body>`.
fn holds_post(page: &Page, post: usize) -> bool {
    !page.is(post, "body")
        && (post..page.items[post].end).any(|i| {
            matches!(page.items[i].tag, "h1" | "h2" | "h3")
                && names_headline(&page.plain_text(i), &page.headline)
        })
}

/// Whether an element holds a paragraph of prose: one that ends a
/// sentence (a list of names or links does not).
fn holds_prose(page: &Page, i: usize) -> bool {
    (i..page.items[i].end).any(|p| {
        page.is(p, "p")
            && page.stats[p].text >= MIN_PARAGRAPH_CHARS
            && page.plain_text(p).ends_with(SENTENCE_ENDS)
    })
}

/// Whether a retry's containers all lie outside the first attempt's post
/// (an element of another flattening of the same document) and in a side
/// box ([`in_side_box`] up to the root).
fn leaves_for_side_box(page: &Page, containers: &[usize], post: &Element) -> bool {
    if !containers.iter().all(|&c| in_side_box(page, &[], c)) {
        return false;
    }
    let same = |i: usize| page.items[i].element.is_some_and(|e| std::ptr::eq(e, post));
    let Some(p) = (0..page.items.len()).find(|&i| same(i)) else {
        return false;
    };
    !containers
        .iter()
        .any(|&c| c == p || is_ancestor(page, c, p) || is_ancestor(page, p, c))
}

/// Whether a block is a paragraph that adds text ([`found_chars`]).
fn is_found_paragraph(b: &Block) -> bool {
    matches!(b, Block::Paragraph { .. }) && found_chars(b) > 0
}

/// Whether a heading prints the (folded) headline, or the part of it a
/// page title adds the site's name to ("Site: Post", "Post - Site").
fn names_headline(heading: &str, headline: &str) -> bool {
    let h = fold_case(heading);
    h == headline || (h.contains(' ') && (headline.starts_with(&h) || headline.ends_with(&h)))
}

/// The characters of the blocks marked aside ([`aside_blocks`]).
fn aside_chars(found: &Attempt, count: fn(&Block) -> usize) -> usize {
    found
        .body
        .blocks
        .iter()
        .zip(&found.aside)
        .filter(|(_, a)| **a)
        .map(|(b, _)| count(b))
        .sum()
}

/// The characters a block adds to the text an attempt found: none for a
/// picture or a rule, nor for a line without a letter (a row of minutes or
/// scores is not article found).
fn found_chars(b: &Block) -> usize {
    if !b.is_textual() || !b.text().chars().any(char::is_alphabetic) {
        return 0;
    }
    b.text().chars().count()
}

/// [`found_chars`] outside links.
fn unlinked_chars(b: &Block) -> usize {
    (found_chars(b) as f32 * (1.0 - link_share(b))).round() as usize
}

/// Whether the body found shows too little of a text of `chars` characters
/// that the page's linked data gives as the article's (`articleBody`): less
/// than [`LINKED_BODY_MIN_RATIO`]th of it, a teaser or a shell that a
/// script fills.
pub fn shows_little_of(found: &Body, chars: usize) -> bool {
    chars >= LINKED_BODY_MIN_CHARS.max(text_chars(&found.blocks) * LINKED_BODY_MIN_RATIO)
}

/// The characters of the text blocks ([`found_chars`]).
pub fn text_chars(blocks: &[Block]) -> usize {
    blocks.iter().map(found_chars).sum()
}

/// The body with the linked data's text in place of the text found: the
/// pictures found, and the lead when it prints the description (linked
/// data's text often starts after it), come first.
pub fn with_linked_text(found: &Body, linked: Vec<Block>, meta: &Article) -> Vec<Block> {
    let description = meta.description.as_deref().map(fold_case);
    let kept = found.blocks.iter().filter(|b| {
        !b.is_textual()
            || description
                .as_deref()
                .is_some_and(|d| describes(&fold_case(b.text()), d))
    });
    kept.cloned().chain(linked).collect()
}

/// What one extraction attempt found.
struct Attempt {
    /// The body.
    body: Body,
    /// Which of its blocks are not more article ([`aside_blocks`]).
    aside: Vec<bool>,
    /// Whether it is a list of teasers ([`is_teaser_list`]).
    teasers: bool,
    /// The containers chosen.
    containers: Vec<usize>,
}

/// One extraction attempt over a flattened page.
fn extract_from(page: &mut Page) -> Attempt {
    page.best = None;
    let (containers, best) = choose_containers(page);
    page.best = best;
    let page = &*page;
    let mut body = Sink::default();
    for &c in &containers {
        blocks::convert(page, c, &mut body);
    }
    let mut out = Sink::default();
    if let Some(&first) = containers.first() {
        for lead in leads_before(page, first) {
            blocks::convert(page, lead, &mut out);
        }
    }
    // A lead the body prints itself is not added again.
    out.retain(|l, _| !body.iter().any(|b| b.text() == l.text()));
    let leads = out.len();
    out.append(&mut body);
    if page.flags.clean {
        let cx = Context {
            page,
            containers: &containers,
            leads,
            headline: containers.first().and_then(|&c| headline_before(page, c)),
        };
        learned::filter(&cx, &mut out);
        drop_furniture(&mut out);
    }
    drop_teaser_lists(&mut out);
    cut_at_author_box(&mut out, &page.authors);
    cut_at_thread(page.thread_start, &mut out);
    let aside = aside_blocks(page, &containers, &out);
    let teasers = is_teaser_list(page, &out);
    // The standfirst is also the subtitle; the body keeps it where the page
    // prints it (readers and labelled corpora count it as article text).
    let body = Body {
        blocks: out.blocks,
        standfirst: standfirst(page).map(|i| page.plain_text(i)),
    };
    Attempt {
        body,
        aside,
        teasers,
        containers,
    }
}

/// Ends the body where the readers' discussion starts ([`Page::thread_start`]),
/// after some text: the comments that follow a heading or a jump target
/// named for them are not wrapped in an element named for them on many
/// blogs. In every attempt, so that a retry does not find them as more
/// article.
fn cut_at_thread(thread: Option<usize>, out: &mut Sink) {
    let Some(start) = thread else {
        return;
    };
    let Some(cut) = out.origins.iter().position(|&o| o >= start) else {
        return;
    };
    if out.iter().take(cut).map(found_chars).sum::<usize>() > 0 {
        out.truncate(cut);
    }
}

/// Whether a block's element sits in a side box ([`Page::names_side_box`])
/// inside the body: the elements from it up to (not including) the chosen
/// container, or the ancestor it shares with a container, are looked at (a
/// container wrapped in an unlikely-named block is still the article).
/// With no containers, every element up to the root is looked at.
fn in_side_box(page: &Page, containers: &[usize], i: usize) -> bool {
    let mut a = i;
    while a != NONE
        && !containers
            .iter()
            .any(|&c| a == c || is_ancestor(page, a, c))
    {
        if page.names_side_box(a) {
            return true;
        }
        a = page.items[a].parent;
    }
    false
}

/// Whether a body is a list of teasers (a section or front page) rather
/// than an article: nearly all of its headings are links, there are
/// several, and at most a few text blocks stand under each (and before the
/// first). A heading over lists alone labels a box of links, and one that
/// prints the headline is the article's title; neither is counted.
fn is_teaser_list(page: &Page, out: &Sink) -> bool {
    // Each stretch: the heading it starts with (none before the first) and
    // its text blocks.
    let mut stretches: Vec<(Option<usize>, Vec<&Block>)> = vec![(None, Vec::new())];
    for (k, b) in out.iter().enumerate() {
        if matches!(b, Block::Heading { .. }) {
            stretches.push((Some(k), Vec::new()));
        } else if b.is_textual() {
            stretches
                .last_mut()
                .expect("one stretch at least")
                .1
                .push(b);
        }
    }
    if stretches
        .iter()
        .any(|(_, under)| under.len() > TEASER_MAX_BLOCKS)
    {
        return false;
    }
    // A heading that prints the page's headline is the article's own title
    // (a permalink), not a teaser for another page.
    let own_title =
        |k: usize| !page.headline.is_empty() && fold_case(out[k].text()).contains(&page.headline);
    let teasers: Vec<usize> = stretches
        .iter()
        .filter(|(_, under)| {
            !under.iter().all(|b| matches!(b, Block::List { .. })) || under.is_empty()
        })
        .filter_map(|(h, _)| *h)
        .filter(|&k| !own_title(k))
        .collect();
    let linked = teasers
        .iter()
        .filter(|&&k| is_link(page, out.origins[k]))
        .count();
    teasers.len() >= TEASER_MIN_HEADINGS
        && linked as f32 >= teasers.len() as f32 * TEASER_LINKED_SHARE
}

/// Whether an element is a link: it sits inside one, or its text is nearly
/// all link text.
fn is_link(page: &Page, i: usize) -> bool {
    let mut a = page.items[i].parent;
    while a != NONE && !matches!(page.items[a].tag, "body" | "html") {
        if page.is(a, "a") {
            return true;
        }
        a = page.items[a].parent;
    }
    page.stats[i].text > 0 && page.stats[i].link_density() >= TEASER_HEADING_LINK_SHARE
}

/// Which of an attempt's blocks are not more article: those after the
/// start of the readers' thread and, in a retry, those in a readers'
/// discussion or in a side box (a retry that finds the comments, the
/// sidebar or the author's bio has not found more of the story; the first
/// attempt removed such blocks by name). Marked on the cleaned blocks.
fn aside_blocks(page: &Page, containers: &[usize], out: &Sink) -> Vec<bool> {
    let thread = page.thread_start.unwrap_or(usize::MAX);
    out.origins
        .iter()
        .map(|&o| {
            o >= thread
                || (!page.flags.strip_unlikely
                    && (page.in_discussion(o) || in_side_box(page, containers, o)))
        })
        .collect()
}

/// The standfirst: after the headline's `h1` and before the body's first
/// paragraph, an element named as a lead, of a sentence or more, that is
/// not one of its parent's paragraphs (an intro paragraph among the body's
/// own is body text).
fn standfirst(page: &Page) -> Option<usize> {
    let h1s = || (0..page.items.len()).filter(|&i| page.is(i, "h1"));
    let h1 = h1s()
        .find(|&i| folds_case_to(&page.plain_text(i), &page.headline))
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
fn drop_furniture(out: &mut Sink) {
    let blocks = &out.blocks;
    let Some(last) = blocks.iter().rposition(is_long_prose) else {
        return;
    };
    let line_kept = |b: &Block| match b {
        Block::Paragraph { .. } | Block::Heading { .. } => {
            link_share(b) <= TAIL_MAX_LINK_SHARE
                && (b.text().chars().count() >= TAIL_LINE_MIN_CHARS || !b.text().ends_with(':'))
                && !signs_post(b)
        }
        _ => true,
    };
    let label = |b: &Block| match b {
        Block::Heading { .. } => true,
        Block::Paragraph { text, .. } => {
            text.chars().count() < TAIL_LINE_MIN_CHARS && !text.ends_with(SENTENCE_ENDS)
        }
        _ => false,
    };
    let mut keep: Vec<bool> = (0..blocks.len())
        .map(|i| i <= last || line_kept(&blocks[i]))
        .collect();
    // A label naming other stories ("More from Politics", "Related
    // articles") goes with the links, pictures and labels right after it:
    // a list of teasers, whether the page ends there or goes on.
    let linked = |b: &Block| link_share(b) > TAIL_MAX_LINK_SHARE;
    let teaser = |b: &Block| matches!(b, Block::Image { .. }) || label(b) || linked(b);
    // run_end[i]: where the run of teasers that starts at i ends.
    let mut run_end: Vec<usize> = (0..=blocks.len()).collect();
    for i in (last + 1..blocks.len()).rev() {
        if teaser(&blocks[i]) {
            run_end[i] = run_end[i + 1];
        }
    }
    let mut i = last + 1;
    while i < blocks.len() {
        let end = run_end[i + 1];
        if names_other_stories(&blocks[i]) && end > i + 1 {
            keep[i..end].fill(false);
            i = end;
        } else {
            i += 1;
        }
    }
    // Among the tail's kept lines, a label goes unless a line that is not
    // a picture and not a label follows it: read from the end, keeping the
    // first line after each that is not a picture.
    let tail: Vec<usize> = (last + 1..blocks.len()).filter(|&i| keep[i]).collect();
    // Labels (headings, short lines) each over a picture of their own,
    // several of them, title a gallery's pictures: they stay.
    let titles_picture =
        |i: usize| label(&blocks[i]) && matches!(blocks.get(i + 1), Some(Block::Image { .. }));
    let gallery = tail.iter().filter(|&&i| titles_picture(i)).count() >= GALLERY_MIN_TITLES;
    let mut next_line: Option<&Block> = None;
    for &i in tail.iter().rev() {
        let introduces = next_line.is_some_and(|x| !label(x));
        if label(&blocks[i]) && !introduces && !(gallery && titles_picture(i)) {
            keep[i] = false;
        }
        if !matches!(blocks[i], Block::Image { .. }) {
            next_line = Some(&blocks[i]);
        }
    }
    let mut at = 0;
    out.retain(|_, _| {
        at += 1;
        keep[at - 1]
    });
}

/// Drops the lists of teasers after the article's last paragraph of prose
/// (one that ends a sentence), long or short: those [`lists_teasers`]
/// finds, and a list of links under a label naming other stories
/// ("Related Posts") with its label.
fn drop_teaser_lists(out: &mut Sink) {
    let blocks = &out.blocks;
    let Some(last) = blocks.iter().rposition(ends_sentence) else {
        return;
    };
    let links = |b: Option<&Block>| {
        b.is_some_and(|b| matches!(b, Block::List { .. }) && link_share(b) > TAIL_MAX_LINK_SHARE)
    };
    let drop: Vec<bool> = (0..blocks.len())
        .map(|i| {
            i > last
                && (lists_teasers(&blocks[i])
                    || (names_other_stories(&blocks[i]) && links(blocks.get(i + 1)))
                    || (links(Some(&blocks[i])) && names_other_stories(&blocks[i - 1])))
        })
        .collect();
    let mut at = 0;
    out.retain(|_, _| {
        at += 1;
        !drop[at - 1]
    });
}

/// A list of teasers for other stories: at least [`TEASER_LIST_MIN_ITEMS`]
/// items, each carrying a link of one shared text ("Read more »") to a page
/// of its own. Footnotes' back links ("↩") point into the page, and a
/// reference list's shared link ("ISBN") points to one page: neither counts.
fn lists_teasers(b: &Block) -> bool {
    let Block::List {
        item_inlines: Some(items),
        ..
    } = b
    else {
        return false;
    };
    if items.len() < TEASER_LIST_MIN_ITEMS {
        return false;
    }
    let item_links: Vec<Vec<(String, &str)>> = items
        .iter()
        .map(|inlines| {
            let mut found = Vec::new();
            collect_links(inlines, &mut found);
            found
        })
        .collect();
    item_links[0].iter().any(|(text, _)| {
        let hrefs: Vec<&str> = item_links
            .iter()
            .filter_map(|links| links.iter().find(|(t, _)| t == text).map(|(_, h)| *h))
            .collect();
        let mut distinct = hrefs.clone();
        distinct.sort_unstable();
        distinct.dedup();
        hrefs.len() == items.len() && distinct.len() == hrefs.len()
    })
}

/// The links among `inlines` that lead to another page, as (folded text,
/// target), the text holding a letter.
fn collect_links<'a>(inlines: &'a [Inline], out: &mut Vec<(String, &'a str)>) {
    for inline in inlines {
        match inline {
            Inline::Link { href, children } => {
                let text = fold_case(Inline::plain_text(children).trim());
                if !href.starts_with('#') && text.chars().any(char::is_alphabetic) {
                    out.push((text, href));
                }
            }
            Inline::Emphasis { children } | Inline::Strong { children } => {
                collect_links(children, out)
            }
            _ => {}
        }
    }
}

/// Ends the article at a heading over the author's box ("About the author",
/// "About Jane Doe", "Written by Jane Doe", "About" and one of `authors`)
/// printed after paragraphs of a long paragraph's length
/// ([`TAIL_PROSE_MIN_CHARS`]) in all: what follows is the writer's bio and
/// the site's links, not the story. Every attempt ends there, the one
/// that skipped cleaning too.
fn cut_at_author_box(out: &mut Sink, authors: &[String]) {
    let mut prose = 0;
    let at = out.blocks.iter().position(|b| {
        if matches!(b, Block::Paragraph { .. }) {
            prose += b.text().chars().count();
        }
        prose >= TAIL_PROSE_MIN_CHARS && heads_author_box(b, authors)
    });
    if let Some(at) = at {
        out.truncate(at);
    }
}

/// A line that signs a post or a comment after the article: "Posted by
/// Jane Doe at 10:02 AM", "Comment 12 posted by jdoe on May 3, 2012" (a
/// signing phrase and a number, in a line of a dateline's length).
fn signs_post(b: &Block) -> bool {
    let text = b.text();
    text.chars().count() <= DATELINE_MAX_CHARS && text.contains(|c: char| c.is_ascii_digit()) && {
        let lower = fold_case(text);
        POST_SIGNATURES.iter().any(|s| {
            lower
                .match_indices(s)
                .any(|(at, _)| at == 0 || lower[..at].ends_with(' '))
        })
    }
}

/// Whether a block is a paragraph that ends a sentence.
fn ends_sentence(b: &Block) -> bool {
    matches!(b, Block::Paragraph { .. }) && b.text().ends_with(SENTENCE_ENDS)
}

/// Whether a block is a paragraph or a quotation long enough to be the
/// article's prose ([`TAIL_PROSE_MIN_CHARS`]).
fn is_long_prose(b: &Block) -> bool {
    matches!(b, Block::Paragraph { .. } | Block::Quote { .. })
        && b.text().chars().count() >= TAIL_PROSE_MIN_CHARS
}

/// Whether a block is a heading over an author's box: an
/// [`AUTHOR_BOX_HEADINGS`] phrase, or "About" and a person's name or the
/// name of one of the article's `authors` (folded).
fn heads_author_box(b: &Block, authors: &[String]) -> bool {
    let Block::Heading { text, .. } = b else {
        return false;
    };
    let lower = fold_case(text);
    let lower = lower.trim_end_matches(['.', '…', ':']);
    if AUTHOR_BOX_HEADINGS.contains(&lower)
        || lower
            .strip_prefix("about ")
            .is_some_and(|name| authors.iter().any(|a| a == name))
    {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if matches!(words.as_slice(), [about, given, _] | [about, given, _, _]
        if about.eq_ignore_ascii_case("about") && is_given_name(given))
    {
        return true;
    }
    // "Author: Jane Doe", "Written by Jane Doe" over the box.
    words.len() <= AUTHOR_BOX_HEADING_MAX_WORDS
        && AUTHOR_BOX_PREFIXES.iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(' '))
                && words
                    .get(p.split_whitespace().count())
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && is_given_name(w))
        })
}

/// Whether a block is a heading or a short line that names other stories
/// ([`OTHER_STORIES_LABELS`]).
fn names_other_stories(b: &Block) -> bool {
    matches!(b, Block::Heading { .. } | Block::Paragraph { .. })
        && b.text().chars().count() < TAIL_LINE_MIN_CHARS
        && {
            let lower = fold_case(b.text());
            OTHER_STORIES_LABELS.iter().any(|l| lower.starts_with(l))
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
                    .is_some_and(|d| describes(&fold_case(&page.plain_text(i)), d));
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
            && folds_case_to(&page.plain_text(i), &page.headline)
        {
            return Some(i);
        }
        if tag == "h1" && last_h1.is_none() {
            last_h1 = Some(i);
        }
    }
    last_h1
}

/// The score a paragraph-like text gives its ancestors.
fn paragraph_score(chars: usize, commas: u32) -> f32 {
    1.0 + (commas.min(MAX_COMMA_POINTS) + 1) as f32
        + ((chars / CHARS_PER_POINT) as f32).min(MAX_LENGTH_POINTS)
}

/// The container element(s) of the article body, in document order.
fn choose_containers(page: &Page) -> (Vec<usize>, Option<usize>) {
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
                0 => PARENT_SCORE_DIVIDER,
                1 => GRANDPARENT_SCORE_DIVIDER,
                _ => level as f32 * FAR_ANCESTOR_DIVIDER_PER_LEVEL,
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
        return (body.into_iter().collect(), None);
    };
    let mut best = Some(top);
    if Some(top) == body {
        return (vec![top], best);
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
    // An ancestor scoring nearly as well holds more of the same article (not
    // a table row: its other cells are other columns, as below).
    let mut p = page.items[top].parent;
    let close = top_score * ANCESTOR_CLOSE_SHARE;
    while p != NONE && Some(p) != body && !page.is(p, "html") && page.items[p].parent != NONE {
        if score[p].is_some_and(|s| s >= close) && !page.is(p, "tr") {
            top = p;
        }
        p = page.items[p].parent;
    }
    // Climb while the parent scores better: the container is bigger than the
    // densest part of it. A table row is not taken: its cells are columns
    // side by side (a side bar beside the post), while the table body above
    // it, whose rows stack, may be.
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
        if ps > last && !page.is(p, "tr") {
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
    // Inside an element that declares itself the article's body, the part
    // that scored best is a part of the article (a gallery, a list in it),
    // cleaned like any other part.
    let mut p = page.items[top].parent;
    while p != NONE && Some(p) != body {
        if declares_article_body(page, p) {
            top = p;
            best = None;
            break;
        }
        p = page.items[p].parent;
    }
    (siblings(page, top, &score), best)
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
    let semantic = declares_article_body(page, i) || tag == "article" || tag == "main";
    // The names on `<body>` name the page's template (`id="article"`,
    // "single-post"), not the part of it that holds the article.
    let weight = if tag == "body" {
        0.0
    } else {
        page.class_weight(i)
    };
    base + weight + if semantic { SEMANTIC_BONUS } else { 0.0 }
}

/// Whether an element declares itself the article's body
/// (`itemprop="articleBody"`, schema.org's markup for it).
fn declares_article_body(page: &Page, i: usize) -> bool {
    page.attr(i, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
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
    use crate::model::Inline;

    /// The texts of the body extracted from a whole page with this headline.
    fn texts_of(html: &str, headline: &str) -> Vec<String> {
        let meta = Article {
            headline: headline.into(),
            ..Article::default()
        };
        extract(&Html::parse_document(html), &meta)
            .blocks
            .iter()
            .map(|b| b.text().to_string())
            .collect()
    }

    fn blocks_of(body: &str) -> Vec<Block> {
        let filler = "<p>This paragraph gives the page enough prose, with commas, clauses, and words, so that the article container is chosen as the body of the story.</p>".repeat(4);
        let html = format!("<html><body><article>{filler}{body}</article></body></html>");
        let dom = Html::parse_document(&html);
        let meta = Article {
            url: Some("https://example.com/news/story.html".into()),
            headline: "The Headline".into(),
            ..Article::default()
        };
        extract(&dom, &meta).blocks.into_iter().skip(4).collect()
    }

    #[test]
    fn an_article_inside_navigation_or_a_footer_is_still_the_article() {
        let story = "<h1>Council approves budget</h1>".to_string()
            + &"<p>The council voted on Tuesday to approve the new budget, which funds schools, roads and the library, after a long debate.</p>".repeat(3);
        for (open, close) in [
            ("<nav>", "</nav>"),
            ("<footer><article>", "</article></footer>"),
            ("<aside>", "</aside>"),
            ("<div role=\"complementary\">", "</div>"),
        ] {
            let html = format!("<html><body>{open}{story}{close}</body></html>");
            let body = extract(&Html::parse_document(&html), &Article::default());
            let paragraphs = body
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Paragraph { .. }))
                .count();
            assert_eq!(paragraphs, 3, "{open}: {:?}", body.blocks);
        }
    }

    #[test]
    fn a_page_with_no_visible_prose_has_no_body() {
        let html = "<html><body><nav><a href=\"/\">Home</a></nav><div hidden><p>Hidden text that a reader never sees, however long it is.</p></div></body></html>";
        assert!(
            extract(&Html::parse_document(html), &Article::default())
                .blocks
                .is_empty()
        );
    }

    #[test]
    fn paragraph_keeps_emphasis_strong_links_and_code() {
        let b = blocks_of(
            r#"<p>Read <em>this</em>, <b>that</b> and <a href="/x/y">a link</a> or <code>f()</code>.</p>"#,
        );
        let Block::Paragraph { text, inlines } = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(text, "Read this, that and a link or f().");
        let inlines = inlines.as_ref().unwrap();
        assert!(inlines.contains(&Inline::Emphasis {
            children: vec![Inline::Text {
                text: "this".into()
            }]
        }));
        assert!(inlines.contains(&Inline::Link {
            href: "https://example.com/x/y".into(),
            children: vec![Inline::Text {
                text: "a link".into()
            }]
        }));
        assert!(inlines.contains(&Inline::Code { text: "f()".into() }));
    }

    #[test]
    fn unsafe_links_lose_their_target() {
        let b = blocks_of(r#"<p>Click <a href="javascript:alert(1)">here</a> now.</p>"#);
        assert_eq!(b[0], Block::paragraph("Click here now."));
    }

    #[test]
    fn headings_keep_their_level_and_drop_the_headline() {
        let b = blocks_of("<h1>The Headline</h1><h3>Part two</h3><h1>Other</h1>");
        assert_eq!(
            b,
            vec![
                Block::Heading {
                    text: "Part two".into(),
                    level: 3
                },
                Block::Heading {
                    text: "Other".into(),
                    level: 2
                }
            ]
        );
    }

    #[test]
    fn lists_flatten_nested_items() {
        let b = blocks_of("<ol><li>One</li><li>Two<ul><li>Two a</li></ul></li></ol>");
        assert_eq!(
            b,
            vec![Block::List {
                text: "One\nTwo\nTwo a".into(),
                ordered: true,
                items: vec!["One".into(), "Two".into(), "Two a".into()],
                item_inlines: None,
            }]
        );
    }

    #[test]
    fn blockquote_with_cite() {
        let b = blocks_of("<blockquote><p>To be or not.</p><cite>— Hamlet</cite></blockquote>");
        assert_eq!(
            b[0],
            Block::Quote {
                text: "To be or not.".into(),
                cite: Some("Hamlet".into())
            }
        );
    }

    #[test]
    fn pull_quote_aside_is_a_quote_with_its_footer_as_cite() {
        let b = blocks_of(
            "<aside class=\"pullquote\"><blockquote><p>Pipes are old.</p><footer><cite>Dana Whitfield</cite></footer></blockquote></aside><aside class=\"related\"><p>Other stories are here today.</p></aside>",
        );
        assert_eq!(
            b,
            vec![Block::Quote {
                text: "Pipes are old.".into(),
                cite: Some("Dana Whitfield".into())
            }]
        );
    }

    #[test]
    fn ad_labels_logos_and_dated_bylines_are_clutter() {
        let b = blocks_of(
            "<div><p>Advertisement</p></div><p><img src=\"a/site-logo.png\" alt=\"Newsroom logo\"></p><div>Par Claire Dubois Publié le 3 mars 2021 à 14h05</div><p>The story goes on, with more words.</p>",
        );
        assert_eq!(
            b,
            vec![Block::paragraph("The story goes on, with more words.")]
        );
    }

    #[test]
    fn figure_with_lazy_image_and_caption_with_its_credit() {
        let b = blocks_of(
            r#"<figure><img src="data:image/gif;base64,R0lGOD" data-src="img/a.jpg" alt="A cat"><figcaption>A cat sleeps. <span class="credit">Photo: AP</span></figcaption></figure>"#,
        );
        assert_eq!(
            b[0],
            Block::Image {
                text: "A cat sleeps. Photo: AP".into(),
                src: "img/a.jpg".into(),
                alt: "A cat".into(),
                caption: Some("A cat sleeps. Photo: AP".into())
            }
        );
    }

    #[test]
    fn caption_of_a_picture_without_an_address_is_kept() {
        let b = blocks_of(
            r#"<figure><img alt=""><figcaption>The mill in 1910, from the parish archive.</figcaption></figure>"#,
        );
        assert_eq!(
            b,
            vec![Block::paragraph(
                "The mill in 1910, from the parish archive."
            )]
        );
    }

    #[test]
    fn placeholder_caption_is_dropped() {
        let b = blocks_of(r#"<figure><img src="a.jpg"><figcaption>None</figcaption></figure>"#);
        assert!(matches!(&b[0], Block::Image { caption: None, .. }));
    }

    #[test]
    fn data_table_becomes_rows() {
        let b = blocks_of(
            "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>",
        );
        assert_eq!(
            b[0],
            Block::Table {
                text: "Name\tAge\nAnn\t31".into(),
                rows: vec![
                    vec!["Name".into(), "Age".into()],
                    vec!["Ann".into(), "31".into()]
                ],
                header_rows: 1,
                footer_rows: 0,
            }
        );
    }

    #[test]
    fn table_header_rows_come_first_and_footer_rows_last() {
        let b = blocks_of(
            "<table><tfoot><tr><td>Total</td><td>62</td></tr></tfoot>\
             <tbody><tr><td>Ann</td><td>31</td></tr></tbody>\
             <thead><tr><th>Name</th><th>Age</th></tr></thead></table>",
        );
        assert_eq!(
            b[0],
            Block::table(
                vec![
                    vec!["Name".into(), "Age".into()],
                    vec!["Ann".into(), "31".into()],
                    vec!["Total".into(), "62".into()]
                ],
                1,
                1
            )
        );
        // A table without a marked header has none.
        let b = blocks_of(
            "<table><tr><td>Ann</td><td>31</td></tr><tr><td>Bo</td><td>40</td></tr></table>",
        );
        assert!(matches!(b[0], Block::Table { header_rows: 0, .. }));
    }

    #[test]
    fn pre_becomes_code_with_language() {
        let b =
            blocks_of("<pre><code class=\"language-rust\">fn main() {\n    x();\n}</code></pre>");
        assert_eq!(
            b[0],
            Block::Code {
                text: "fn main() {\n    x();\n}".into(),
                language: Some("rust".into())
            }
        );
    }

    #[test]
    fn rule_and_loose_text() {
        let b = blocks_of("<hr><div>Loose text in a div.<br><br>Second part.</div>");
        assert_eq!(
            b[0],
            Block::Rule {
                text: String::new()
            }
        );
        assert_eq!(b[1], Block::paragraph("Loose text in a div."));
        assert_eq!(b[2], Block::paragraph("Second part."));
    }

    #[test]
    fn clutter_is_dropped() {
        let b = blocks_of(
            r##"<p>Read also: <a href="/other">Another story</a></p>
               <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
               <div class="newsletter-box">Sign up for our newsletter today, it is free.</div>
               <p>Newsroom logo</p><p>Last update: March 29, 2024 01:04</p>
               <p>Real closing sentence of the story.</p>"##,
        );
        assert_eq!(
            b,
            vec![Block::paragraph("Real closing sentence of the story.")]
        );
    }

    #[test]
    fn credits_bylines_and_date_lines_are_dropped() {
        let b = blocks_of(
            "<p>(© FEI/Christophe Taniere)</p><p>By Jane Doe</p><p>7. Oktober 2020</p>\
             <p>In 1985 the study ran, and it found nothing at all.</p>",
        );
        assert_eq!(
            b,
            vec![Block::paragraph(
                "In 1985 the study ran, and it found nothing at all."
            )]
        );
    }

    #[test]
    fn lead_outside_the_container_is_recovered() {
        let body = "<p>This paragraph gives the page enough prose, with commas, clauses, and words, so that the article container is chosen.</p>".repeat(5);
        let html = format!(
            "<html><body><h1>The Headline</h1><div class=\"standfirst\">A lead sentence that sums the story up for readers.</div>\
             <div class=\"share\"><a href=\"#\">Share</a></div><article>{body}</article></body></html>"
        );
        let dom = Html::parse_document(&html);
        let meta = Article {
            headline: "The Headline".into(),
            ..Article::default()
        };
        let b = extract(&dom, &meta).blocks;
        assert_eq!(
            b[0],
            Block::paragraph("A lead sentence that sums the story up for readers.")
        );
        assert_eq!(b.len(), 6);
    }

    #[test]
    fn update_lines_are_dropped_in_several_languages() {
        let b = blocks_of(
            "<p>Aktualisiert am 17.01.2021.</p><p>Mis à jour le 3 mars 2021 à 10h</p>\
             <p>The story goes on, with its own words.</p>",
        );
        assert_eq!(
            b,
            vec![Block::paragraph("The story goes on, with its own words.")]
        );
    }

    #[test]
    fn read_also_inserts_are_dropped_in_several_languages() {
        let b = blocks_of(
            "<p>Le puede interesar: Otra noticia del día</p><p>Auch lesen: Ein anderer Artikel</p>\
             <blockquote><p>PUEDES VER: ¿Qué es esto?</p></blockquote><p>Schon gelesen?</p>\
             <p>The story goes on, with its own words.</p>",
        );
        assert_eq!(
            b,
            vec![Block::paragraph("The story goes on, with its own words.")]
        );
    }

    #[test]
    fn lead_repeating_a_cut_description_is_recovered_before_a_repeated_headline() {
        let body = "<p>This paragraph gives the page enough prose, with commas, clauses, and words, so that the article container is chosen.</p>".repeat(5);
        let html = format!(
            "<html><body><div class=\"top\"><p>Big news: The minister met the mayors of the region on Monday, and they agreed on a plan.</p></div>\
             <h2>The Headline</h2><article>{body}</article></body></html>"
        );
        let dom = Html::parse_document(&html);
        let meta = Article {
            headline: "The Headline".into(),
            description: Some(
                "The minister met the mayors of the region on Monday, and they ...".into(),
            ),
            ..Article::default()
        };
        let b = extract(&dom, &meta).blocks;
        assert_eq!(
            b[0],
            Block::paragraph(
                "Big news: The minister met the mayors of the region on Monday, and they agreed on a plan."
            )
        );
    }

    #[test]
    fn a_lead_that_prints_the_description_stays_in_a_box_named_for_media() {
        let body = "<p>This paragraph gives the page enough prose, with commas, clauses, and words, so that the article container is chosen.</p>".repeat(5);
        let html = format!(
            "<html><body><h1>The Headline</h1><article><div class=\"leafmedia\">\
             <p>London (Wire) The minister met the mayors of the region on Monday, and they agreed on a plan.</p></div>\
             {body}<div class=\"media\"><p>Watch the video of the meeting.</p></div></article></body></html>"
        );
        let dom = Html::parse_document(&html);
        let meta = Article {
            headline: "The Headline".into(),
            description: Some(
                "The minister met the mayors of the region on Monday, and they agreed on a plan."
                    .into(),
            ),
            ..Article::default()
        };
        let text: Vec<String> = extract(&dom, &meta)
            .blocks
            .iter()
            .map(|b| b.text().to_string())
            .collect();
        assert!(has_line(&text, "London (Wire) The minister"), "{text:?}");
        // A box so named that does not print the description still goes.
        assert!(!has_line(&text, "Watch the video"), "{text:?}");
    }

    #[test]
    fn ruby_readings_are_left_out() {
        let b =
            blocks_of("<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読みます。</p>");
        assert_eq!(b, vec![Block::paragraph("漢字を読みます。")]);
    }

    #[test]
    fn scripts_and_forms_never_survive() {
        let b = blocks_of(
            "<script>alert(1)</script><style>p{}</style><form><input value=x><button>Go</button></form><p>Safe.</p>",
        );
        assert_eq!(b, vec![Block::paragraph("Safe.")]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<html><body>{}<p>Deep text, with commas, enough to count as a paragraph here.</p>{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let dom = Html::parse_document(&html);
        let b = extract(&dom, &Article::default()).blocks;
        assert!(b.iter().any(|b| b.text().contains("Deep text")));
    }

    #[test]
    fn a_short_post_is_not_traded_for_its_comment_thread() {
        let comment = "<li class=\"comment\"><p>What a lovely picture, and what a lovely way to spend an autumn afternoon with the children, thank you for sharing it with us all.</p></li>";
        let html = format!(
            "<html><body><div class=\"post\"><h1>Autumn leaves</h1><p>We spent the afternoon in the park collecting leaves.</p></div>\
             <div id=\"comments\"><ol class=\"commentlist\">{}</ol></div></body></html>",
            comment.repeat(12)
        );
        let body = extract(&Html::parse_document(&html), &Article::default());
        let text: Vec<&str> = body.blocks.iter().map(Block::text).collect();
        assert!(text.contains(&"We spent the afternoon in the park collecting leaves."));
        assert!(!text.iter().any(|t| t.contains("lovely picture")));
    }

    #[test]
    fn a_picture_post_is_not_traded_for_its_comment_thread() {
        // Its text is short beside a video, so the cleaning that drops a
        // box of an embed and a few words takes the whole post; the post
        // is still the article.
        let picture = "<p><a href=\"/big.jpg\"><img src=\"/small.jpg\" alt=\"\"></a></p>";
        let comment = "<li class=\"comment\"><p>These pictures look good, and I will be curious to see a comparison with the older lens once the reviews are out.</p></li>";
        let html = format!(
            "<html><head><title>More sample pictures | Lens News</title></head><body>\
             <div class=\"post\"><h1>More sample pictures</h1><div class=\"entry\">{}\
             <p>Here are a few more pictures from the new lens, found on a photo site.</p>\
             <p><object data=\"/clip.swf\"></object></p></div></div>\
             <div id=\"comments\"><ol class=\"commentlist\">{}</ol></div></body></html>",
            picture.repeat(4),
            comment.repeat(12)
        );
        let text = texts_of(&html, "more sample pictures | lens news");
        assert!(has_line(&text, "Here are a few more pictures"), "{text:?}");
        assert!(!has_line(&text, "These pictures look good"), "{text:?}");
    }

    #[test]
    fn links_are_not_article_found_without_cleaning() {
        // The retry without cleaning that reaches the side column's lists
        // of links has found no more article than a short post.
        let link = |t: &str| Inline::Link {
            href: "https://example.com/c".into(),
            children: vec![Inline::Text { text: t.into() }],
        };
        let items = ["Crafts for toddlers", "Crafts for ages 3 to 5"];
        let list = Block::List {
            text: items.join("\n"),
            ordered: false,
            items: items.map(String::from).to_vec(),
            item_inlines: Some(items.map(|t| vec![link(t)]).to_vec()),
        };
        assert_eq!(unlinked_chars(&list), 0);
        let sentence = "Simple As That shares this easy fall leaf bunting.";
        assert_eq!(unlinked_chars(&Block::paragraph(sentence)), sentence.len());
        let half = Block::Paragraph {
            text: "read more: Simple As".into(),
            inlines: Some(vec![
                Inline::Text {
                    text: "read more: ".into(),
                },
                link("Simple As"),
            ]),
        };
        assert_eq!(unlinked_chars(&half), "read more: ".len());
    }

    #[test]
    fn comments_after_a_heading_named_for_them_are_not_the_post() {
        let post = "<p>Los Angeles used to get cool at night, and no matter how hot it got during the day, the nights were always cool and crisp.</p>".repeat(3);
        let comment = "<div id=\"c1\"><p>Here the nights are still warm, and we have had no rain at all this month, which is unusual for September.</p></div>\
            <p class=\"posted\">Posted by: Ellen at September 10, 2012 11:40 AM</p>";
        let html = format!(
            "<html><body><div id=\"content\"><h1>Hot nights</h1><h6 class=\"blog-comments\">No comments</h6>\
             {post}<p class=\"posted\">Posted by laurie</p>\
             <h2 id=\"comments\">Comments</h2>{}</div></body></html>",
            comment.repeat(8)
        );
        let text = texts_of(&html, "");
        assert!(
            text.iter().any(|t| t.starts_with("Los Angeles")),
            "{text:?}"
        );
        assert!(
            !text.iter().any(|t| t.contains("nights are still warm")),
            "{text:?}"
        );
    }

    #[test]
    fn a_list_of_linked_headlines_with_summaries_is_no_article() {
        let teaser = |n: usize| {
            format!(
                "<h2><a href=\"/news/story-{n}\">Council approves budget number {n}</a></h2>\
                 <p>The council voted on Tuesday to approve the new budget, which funds schools, roads and the library, after a long debate.</p>"
            )
        };
        let html = format!(
            "<html><body><div class=\"stories\">{}</div></body></html>",
            (0..6).map(teaser).collect::<String>()
        );
        let body = extract(&Html::parse_document(&html), &Article::default());
        assert!(body.blocks.is_empty(), "{:?}", body.blocks);
        // Sections under plain subheadings are an article.
        let html = html
            .replace("<a href", "<span data-href")
            .replace("</a>", "</span>");
        let body = extract(&Html::parse_document(&html), &Article::default());
        assert!(!body.blocks.is_empty());
    }

    #[test]
    fn what_follows_a_jump_target_named_for_the_thread_is_not_the_post() {
        let post = "<p>The almond cake was baked the night before, and the frosting went on an hour before the guests arrived at the barn.</p>".repeat(5);
        let html = format!(
            "<html><body><div class=\"entry\"><h1>An almond wedding cake</h1>{post}\
             <a name=\"respond\"></a><h3>Leave a note</h3><p>Your email address will never be published, and the fields marked are required.</p>\
             <p>Name (required)</p></div></body></html>"
        );
        let text = texts_of(&html, "");
        assert!(
            text.iter().any(|t| t.starts_with("The almond cake")),
            "{text:?}"
        );
        assert!(
            !text.iter().any(|t| t.starts_with("Your email")),
            "{text:?}"
        );
    }

    #[test]
    fn a_comment_count_under_a_short_lead_does_not_end_the_article() {
        let prose = "<p>Skoda has held back on electric cars within the group, but that is about to change, although the timetable is still vague and the first models are some years away.</p>".repeat(4);
        let html = format!(
            "<html><body><div class=\"article\"><h1>The long road to electric</h1>\
             <p>Skoda has held back on electric cars so far. That is about to change.</p>\
             <h5>3 comments</h5>{prose}</div></body></html>"
        );
        let text = texts_of(&html, "");
        assert!(text.iter().any(|t| t.contains("timetable")), "{text:?}");
    }

    #[test]
    fn a_linked_heading_that_prints_the_headline_is_no_teaser() {
        let html = "<html><body><div class=\"story\">\
            <h2><a href=\"/story/1\">Judge calls patent battle ridiculous</a> 69</h2>\
            <p>Posted by timothy on Tuesday.</p>\
            <p>A judge asked why the dispute over wireless patents should not be settled through mediation, and called the proceedings ridiculous.</p>\
            <h3><a href=\"/story/1#comments\">Read the discussion</a></h3></div></body></html>";
        let meta = Article {
            headline: "Judge calls patent battle ridiculous".into(),
            ..Article::default()
        };
        let body = extract(&Html::parse_document(html), &meta);
        assert!(
            body.blocks
                .iter()
                .any(|b| b.text().starts_with("A judge asked")),
            "{:?}",
            body.blocks
        );
    }

    #[test]
    fn a_post_marked_up_as_an_aside_under_its_headline_is_the_article() {
        let html = "<html><body><nav><a href=\"/\">Home</a></nav><aside class=\"blogPost\">\
            <h1>Honey Boo Boo says she hates pop music</h1>\
            <p>The young star of the reality show told reporters on Thursday that she does not like the singer, and her mother agreed with her.</p>\
            <p>Her own show has become one of the most watched programmes of the summer, with millions of viewers every week.</p>\
            </aside><aside class=\"sidebar\"><h3>Archives</h3><p>August 2012</p></aside>\
            <div class=\"respond\"><h3>Leave a reply</h3><p>Your email address will not be published. Required fields are marked.</p></div></body></html>";
        let text = texts_of(html, "Honey Boo Boo says she hates pop music");
        assert!(
            text.iter().any(|t| t.starts_with("The young star")),
            "{text:?}"
        );
        assert!(!text.iter().any(|t| t == "August 2012"), "{text:?}");
        assert!(
            !text.iter().any(|t| t.starts_with("Your email")),
            "{text:?}"
        );
    }

    #[test]
    fn a_line_without_letters_is_no_text_found() {
        assert_eq!(found_chars(&Block::paragraph("95'88'88'81' 14'")), 0);
        assert_eq!(
            found_chars(&Block::paragraph("Goal in the 88th minute.")),
            24
        );
    }

    #[test]
    fn a_page_of_comments_alone_still_reads_them() {
        let comment = "<div class=\"comment\"><p>What a lovely picture, and what a lovely way to spend an autumn afternoon with the children, thank you for sharing it.</p></div>";
        let html = format!(
            "<html><body><div id=\"comments\">{}</div></body></html>",
            comment.repeat(6)
        );
        let body = extract(&Html::parse_document(&html), &Article::default());
        assert!(
            body.blocks
                .iter()
                .any(|b| b.text().starts_with("What a lovely picture"))
        );
    }

    /// A paragraph long enough to count as the article's prose everywhere
    /// (more than [`TAIL_PROSE_MIN_CHARS`]).
    const PROSE: &str = "<p>The council voted on Tuesday to approve the new budget, which funds schools, roads and the library, after a debate that ran late into the evening and left several members of the finance committee unhappy with the result, and with the way it was reached.</p>";

    /// The texts of the blocks of a page whose `article` holds `body`.
    fn article_texts(body: &str) -> Vec<String> {
        texts_of(
            &format!("<html><body><article>{body}</article></body></html>"),
            "",
        )
    }

    /// Whether a block's text starts with `prefix`.
    fn has_line(text: &[String], prefix: &str) -> bool {
        text.iter().any(|t| t.starts_with(prefix))
    }

    /// Asserts that the body of a page headlined "The Headline" has a line
    /// starting `kept` and none starting `left_out`.
    fn assert_keeps_and_leaves_out(html: &str, kept: &str, left_out: &str) {
        let text = texts_of(html, "The Headline");
        assert!(has_line(&text, kept), "{kept}: {text:?}");
        assert!(!has_line(&text, left_out), "{left_out}: {text:?}");
    }

    #[test]
    fn a_poll_and_its_label_are_not_the_article() {
        let poll = "<p><strong>Vote in our poll:</strong></p>\
            <form class=\"box\"><span>Will the home side win a heat today?</span>\
            <button name=\"answer\" value=\"1\">Yes</button><button name=\"answer\" value=\"2\">No</button>\
            <p>Vote to see the results</p></form>";
        let text = article_texts(&format!("{}{poll}{}", PROSE.repeat(2), PROSE.repeat(2)));
        assert!(has_line(&text, "The council voted"), "{text:?}");
        for junk in ["Vote in our poll:", "Will the home side", "Vote to see"] {
            assert!(!has_line(&text, junk), "{junk}: {text:?}");
        }
    }

    #[test]
    fn a_comment_form_is_not_the_article() {
        let form = "<form class=\"box\"><p>Leave a reply</p><p>Name (required)</p><input type=\"text\">\
            <p>Your comment</p><textarea></textarea><input type=\"submit\" value=\"Post\"></form>";
        let text = article_texts(&format!("{}{form}", PROSE.repeat(4)));
        assert!(has_line(&text, "The council voted"), "{text:?}");
        assert!(
            !has_line(&text, "Name") && !has_line(&text, "Your comment"),
            "{text:?}"
        );
    }

    #[test]
    fn a_form_of_one_field_and_a_colon_line_before_prose_stay() {
        // A search box is no poll, and a label introducing kept text stays.
        let text = article_texts(&format!(
            "{}<p>He said:</p><p>Nobody will ride in this weather, and nobody should be asked to.</p>\
             <form><p>Search the results of every heat</p><input type=\"text\"><button>Go</button></form>{}",
            PROSE.repeat(2),
            PROSE.repeat(2)
        ));
        assert!(text.iter().any(|t| t == "He said:"), "{text:?}");
        assert!(has_line(&text, "Search the results"), "{text:?}");
    }

    #[test]
    fn a_label_after_the_article_stays_over_a_line_past_its_pictures() {
        let img = "<figure><img src=\"https://example.org/p.jpg\" alt=\"\"></figure>";
        let text = article_texts(&format!(
            "{}<p>Gallery</p>{img}{img}<p>The race starts at noon.</p>",
            PROSE.repeat(3)
        ));
        assert!(text.iter().any(|t| t == "Gallery"), "{text:?}");
        // Over pictures alone, it labels nothing of the article.
        let text = article_texts(&format!("{}<p>Gallery</p>{img}{img}", PROSE.repeat(3)));
        assert!(!text.iter().any(|t| t == "Gallery"), "{text:?}");
    }

    #[test]
    fn a_list_of_other_stories_after_the_article_goes() {
        let teasers = "<h3>More from Politics</h3><ul>\
            <li><a href=\"https://example.org/a\">Mayor opens the new library wing</a></li>\
            <li><a href=\"https://example.org/b\">Road works to close the bridge in May</a></li></ul>";
        let newsletter =
            "<p>Our newsletter brings the day's stories to your inbox every morning, free.</p>";
        for after in ["", newsletter] {
            let text = article_texts(&format!("{}{teasers}{after}", PROSE.repeat(4)));
            assert!(has_line(&text, "The council voted"), "{text:?}");
            assert!(
                !text
                    .iter()
                    .any(|t| t.contains("More from Politics") || t.contains("Mayor opens")),
                "{text:?}"
            );
        }
        // A section whose heading starts alike but holds prose is the article's.
        let section = "<h3>More than a budget</h3><p>The vote also settles, for now, the long quarrel over who pays for the bridge, which the county had refused to fund.</p>";
        let text = article_texts(&format!("{}{section}", PROSE.repeat(4)));
        assert!(text.iter().any(|t| t == "More than a budget"), "{text:?}");
        // A post of short lines around a long quotation ends there too.
        let short = "<p>Worth reading on the budget vote, from the city's paper:</p>";
        let quote = PROSE
            .replace("<p>", "<blockquote><p>")
            .replace("</p>", "</p></blockquote>");
        let text = article_texts(&format!("{short}{short}{quote}{teasers}"));
        assert!(has_line(&text, "Worth reading"), "{text:?}");
        assert!(!text.iter().any(|t| t.contains("Mayor opens")), "{text:?}");
    }

    #[test]
    fn a_gallery_inside_the_declared_article_body_does_not_replace_it() {
        let clause = "A long caption, written as prose, tells of one picture, where, by whom, and why, then goes on, clause after clause, about its people, their town, their street, their work, their hopes. ";
        let caption = format!("<li><h4>A picture</h4><p>{}</p></li>", clause.repeat(3));
        let html = format!(
            "<html><body><div class=\"story\"><h1>The Headline</h1>\
             <div itemprop=\"articleBody\">\
             <p>The council voted on Tuesday to fund the new bridge, ending a long quarrel.</p>\
             <p>The mayor said the vote settles who pays, and work starts in the spring.</p>\
             <p>Opponents said the county should have paid its share of the cost.</p>\
             <p>Also in the news:</p><div class=\"promo\"><div class=\"gallery\">\
             <div class=\"loading\"><em>Loading</em></div><ul class=\"slides\">{}</ul>\
             </div></div></div></div></body></html>",
            caption.repeat(12)
        );
        let text = texts_of(&html, "The Headline");
        for line in ["The council voted", "The mayor said", "Opponents said"] {
            assert!(has_line(&text, line), "{line}: {text:?}");
        }
    }

    #[test]
    fn prose_between_videos_stays_when_a_wider_container_is_chosen() {
        // Five paragraphs between videos score best; the box beside them
        // scores nearly as well, so their common parent is the container,
        // whose cleaning would take a block of several videos.
        let video = "<iframe src=\"https://video.example.com/embed/1\"></iframe>";
        let para = |s: &str| {
            format!(
                "<p>{s}, and it is told here in plain words without a pause so that the sentence runs long and on to the end.</p>"
            )
        };
        let story: String = ["first", "second", "third", "fourth", "fifth"]
            .iter()
            .map(|n| para(&format!("The {n} part of the story")) + video)
            .collect();
        let beside: String = (1..=6)
            .map(|n| para(&format!("Box line {n} tells of other things")).replace(',', ""))
            .collect();
        let html = format!(
            "<html><body><div id=\"wrap\"><h1>The Headline</h1>\
             <div class=\"part-a\"><div class=\"inner\">{story}</div></div><div class=\"part-b\"><div class=\"inner\">{beside}</div></div>\
             </div></body></html>"
        );
        let text = texts_of(&html, "The Headline");
        for n in ["first", "second", "third", "fourth", "fifth"] {
            let line = format!("The {n} part");
            assert!(has_line(&text, &line), "{line}: {text:?}");
        }
    }

    #[test]
    fn a_short_post_is_not_traded_for_a_box_beside_it() {
        let about = "<p>This section gathers voices from across the network, with essays, columns, and letters, picked by our editors, who also accept some posts sent in by readers.</p>".repeat(5);
        let html = format!(
            "<html><body><div id=\"main\"><div class=\"post\"><h1>The Headline</h1>\
             <div class=\"article-body\"><p>The network will pay its owners a large dividend this year, its third in a row.</p>\
             <p>That means another big payday for both of its shareholders.</p></div></div></div>\
             <div id=\"primary-sidebar\"><div class=\"module voices\">{about}</div>\
             <div class=\"module\"><a href=\"/a\">Other story</a> <a href=\"/b\">Another story</a></div></div></body></html>"
        );
        assert_keeps_and_leaves_out(&html, "The network will pay", "This section gathers");
    }

    #[test]
    fn the_names_of_the_page_body_do_not_make_it_the_article() {
        let story: String = (1..=6)
            .map(|n| format!("<p>The council voted on day {n} to fund the new bridge and ended a quarrel that had lasted years.</p>"))
            .collect();
        let html = format!(
            "<html><body id=\"article\"><div class=\"wrap\"><div class=\"s1\"><h1>The Headline</h1>{story}</div><div class=\"s2\"><img src=\"a.png\"></div></div>\
             <div class=\"col\"><p>Issue 215, out now, has an interview, a photo shoot, and twelve pages of new work.</p></div></body></html>"
        );
        assert_keeps_and_leaves_out(&html, "The council voted", "Issue 215");
    }

    #[test]
    fn a_list_of_teasers_each_with_its_read_more_link_ends_the_article() {
        let teasers: String = ["bridge", "budget", "library"]
            .iter()
            .map(|s| format!("<li><h3>More on the {s}</h3><p>What comes next for the {s}, and who pays. <a href=\"https://example.org/{s}\">Read more…</a></p></li>"))
            .collect();
        let notes: String = (1..=3)
            .map(|n| format!("<li>Minutes of meeting {n}. <a href=\"https://example.org/minutes\">Minutes</a></li>"))
            .collect();
        let text = article_texts(&format!(
            "{}<ul>{notes}</ul><ul>{teasers}</ul>",
            PROSE.repeat(3)
        ));
        assert!(has_line(&text, "Minutes of meeting 1"), "{text:?}");
        assert!(!has_line(&text, "More on the bridge"), "{text:?}");
        // After a post of short paragraphs as well.
        let short =
            "<p>Three new videos of the game are out now, with tips for players.</p>".repeat(9);
        let text = article_texts(&format!("{short}<ul>{teasers}</ul>"));
        assert!(has_line(&text, "Three new videos"), "{text:?}");
        assert!(!has_line(&text, "More on the bridge"), "{text:?}");
        // And a list of links under a label naming other stories.
        let related: String = ["bridge", "budget", "library"]
            .iter()
            .map(|s| {
                format!(
                    "<li><a href=\"https://example.org/{s}\">What comes next for the {s}</a></li>"
                )
            })
            .collect();
        let text = article_texts(&format!("{short}<h4>Related Posts</h4><ol>{related}</ol>"));
        assert!(has_line(&text, "Three new videos"), "{text:?}");
        assert!(
            !has_line(&text, "Related Posts") && !has_line(&text, "What comes next"),
            "{text:?}"
        );
    }

    #[test]
    fn a_column_of_a_layout_table_is_not_joined_to_the_article_beside_it() {
        let intro = "<div class=\"widget widget_text\"><p>My name is Jane Doe, and I write here about cities, trains, and the people who ride them, as I have every week since 2009.</p>\
            <p>I teach at the state university, where I study how towns grow, and how they change, and I ride the trains myself.</p></div>";
        let comments: String = (1..=8)
            .map(|n| format!("<div class=\"reply\"><p>Reader {n} wrote: thanks, this was a good read, and I agree with it, mostly, though not with all of it.</p></div>"))
            .collect();
        let html = format!(
            "<html><body><table><tr><td>{intro}</td>\
             <td id=\"middle\"><div class=\"post\"><h2>The Headline</h2><div class=\"post-bodycopy\">{}</div></div>{comments}</td></tr></table></body></html>",
            PROSE.repeat(6)
        );
        assert_keeps_and_leaves_out(&html, "The council voted", "My name is Jane");
    }

    #[test]
    fn a_blog_templates_filing_line_is_not_the_article() {
        let filing = "<p class=\"postmetadata\"><small>This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under News. You can follow any responses to this entry through the RSS 2.0 feed.</small></p>";
        for body in [
            PROSE.repeat(3),
            "<p>A short post, with a picture of the robot.</p>".repeat(9),
        ] {
            let text = article_texts(&format!("{body}{filing}"));
            assert!(!has_line(&text, "This entry was posted"), "{text:?}");
        }
    }

    #[test]
    fn a_sign_up_box_is_not_the_article_but_a_header_with_a_hidden_form_is() {
        let sign_up = "<div class=\"postform\"><h2>Sign up to the newsletter and get a free book</h2>\
            <ul><li>Sign up to our newsletter and you will be able to download the book for free.</li>\
            <li>You will also get tips to improve your garden every week.</li></ul>\
            <form><input type=\"email\" name=\"email\"><input type=\"submit\" value=\"Send\"></form></div>";
        let text = article_texts(&format!("{}{sign_up}", PROSE.repeat(3)));
        assert!(has_line(&text, "The council voted"), "{text:?}");
        assert!(!has_line(&text, "Sign up to our newsletter"), "{text:?}");
        let meta = Article {
            headline: "The Headline".into(),
            ..Article::default()
        };
        let header = "<header><h1>The Headline</h1><p>The council passed the budget after a long night.</p>\
            <div class=\"modal\"><form><input type=\"email\" name=\"email\"><button>Write to the author</button></form></div></header>";
        let html = format!(
            "<html><body><article>{header}{}</article></body></html>",
            PROSE.repeat(3)
        );
        let body = extract(&Html::parse_document(&html), &meta).blocks;
        assert!(
            body.iter()
                .any(|b| b.text().starts_with("The council passed")),
            "{body:?}"
        );
    }

    #[test]
    fn headings_each_over_a_picture_title_a_gallery_and_stay() {
        let gallery: String = ["It's Santa!", "Christmas Ribbon", "Present Time!"]
            .iter()
            .map(|t| {
                format!(
                    "<h3>{t}</h3><p><img src=\"https://example.org/{}.png\"></p>",
                    t.len()
                )
            })
            .collect();
        let text = article_texts(&format!("{}{gallery}", PROSE.repeat(2)));
        assert!(text.iter().any(|t| t == "Christmas Ribbon"), "{text:?}");
        // A single label over a picture is still furniture.
        let text = article_texts(&format!(
            "{}<h3>More on this topic</h3><p><img src=\"https://example.org/a.png\"></p>",
            PROSE.repeat(2)
        ));
        assert!(!text.iter().any(|t| t == "More on this topic"), "{text:?}");
    }

    #[test]
    fn a_hover_card_inside_a_link_is_not_glued_to_its_text() {
        let text = article_texts(&format!(
            "{}<p>The plan was drawn up by <a href=\"https://example.org/jane\">Jane Doe\
             <span class=\"author-tooltip\">Jane Doe is a senior reporter covering city hall. Follow</span></a>, \
             who chaired the committee for six years.</p>",
            PROSE.repeat(4)
        ));
        assert!(
            text.iter().any(|t| t
                == "The plan was drawn up by Jane Doe, who chaired the committee for six years."),
            "{text:?}"
        );
    }

    #[test]
    fn notices_of_the_comment_system_are_not_the_article() {
        let text = article_texts(&format!(
            "{}<p>This comment has been removed by the author.</p><p>Reply ↓</p>{}<p>Comments are closed.</p>",
            PROSE.repeat(2),
            PROSE.repeat(2)
        ));
        assert!(has_line(&text, "The council voted"), "{text:?}");
        assert!(
            !text
                .iter()
                .any(|t| t.contains("removed") || t.contains("closed") || t.starts_with("Reply")),
            "{text:?}"
        );
    }

    #[test]
    fn the_lines_a_blog_prints_around_every_post_are_not_the_article() {
        let text = article_texts(&format!(
            "{}<p>Posted in News, Council | 7 Comments</p>\
             <p>Tags: budget, library, roads</p><p>Follow us!</p>\
             <p>This entry was posted on Tuesday, May 3rd at 2:01 pm and is filed under News.</p>\
             <p>This entry was written by Jane Doe, posted at 9:00 am, filed under News.</p>\
             <p>Posted in: Council |</p>{}\
             <p>« <a href=\"https://example.com/older\">Council delays the vote</a> | <a href=\"https://example.com/\">Main</a> | <a href=\"https://example.com/newer\">Library opens</a> »</p>\
             <p><a href=\"https://example.com/older\">Council delays the vote</a> »</p>\
             <p>« Nous voterons le budget », a dit la maire.</p>\
             <p>Tweet</p><p>Pin it</p>\
             <p>© 2012 Example Media Inc. All Rights Reserved. This material may not be published.</p>\
             <p>Listed below are links to weblogs that reference <a href=\"https://example.com/p\">Council votes</a>:</p>\
             <p>Posted by Jane Doe, our city hall reporter, on Thursday, May 3, 2012 at 10:02 AM</p>",
            PROSE.repeat(2),
            PROSE.repeat(2)
        ));
        assert!(has_line(&text, "The council voted"), "{text:?}");
        for junk in [
            "Posted in",
            "Tags:",
            "Follow us",
            "This entry",
            "« Council",
            "Council delays",
            "Tweet",
            "Pin it",
            "© 2012",
            "Listed below",
            "Posted by",
        ] {
            assert!(!has_line(&text, junk), "{junk}: {text:?}");
        }
        // A quotation in guillemets is the article's.
        assert!(has_line(&text, "« Nous voterons"), "{text:?}");
    }

    #[test]
    fn the_author_box_after_the_article_is_not_the_article() {
        let bio = "<p>Jane Doe covers the city council and has written about local politics for the paper since 2009, after ten years at the regional radio station where she led the morning news.</p>";
        for heading in [
            "About the author",
            "About Jane Doe",
            "Author: Jane Doe Follow Connect",
            "Written by Jane Doe",
        ] {
            let text = article_texts(&format!("{}<h3>{heading}</h3>{bio}", PROSE.repeat(3)));
            assert!(has_line(&text, "The council voted"), "{text:?}");
            assert!(
                !text.iter().any(|t| t == heading) && !has_line(&text, "Jane Doe covers"),
                "{text:?}"
            );
        }
        // "About" and the byline's name, a pen name too.
        let meta = Article {
            authors: vec!["Neurobonkers".into()],
            ..Article::default()
        };
        let html = format!(
            "<html><body><article>{}<h3>About Neurobonkers</h3>{bio}</article></body></html>",
            PROSE.repeat(3)
        );
        let body = extract(&Html::parse_document(&html), &meta).blocks;
        assert!(
            !body.iter().any(|b| b.text().starts_with("Jane Doe covers")),
            "{body:?}"
        );
        // A section about something else, or by a guest, is the article's own.
        for heading in ["About the budget", "Interview: Jane Doe", "By the numbers"] {
            let text = article_texts(&format!("{}<h3>{heading}</h3>{bio}", PROSE.repeat(3)));
            assert!(has_line(&text, "Jane Doe covers"), "{heading}: {text:?}");
        }
        // A post of short paragraphs ends at the box as well.
        let short = "<p>Voting is one of your rights, and it matters in every state this year.</p>";
        let text = article_texts(&format!(
            "{}<h3>About the author...</h3>{bio}{bio}",
            short.repeat(8)
        ));
        assert!(has_line(&text, "Voting is one"), "{text:?}");
        assert!(!has_line(&text, "Jane Doe covers"), "{text:?}");
        // A heading so named at the top is the article's subject.
        let text = article_texts(&format!("<h3>About the author</h3>{}", PROSE.repeat(3)));
        assert!(has_line(&text, "The council voted"), "{text:?}");
    }
}
