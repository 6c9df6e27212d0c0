//! Normalization of extracted text and blocks: white space, quote marks,
//! scraper placeholders and paragraphs printed twice.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::patterns::{
    BOILERPLATE_MIN_WORDS, CREDIT_MAX_CHARS, KICKER_MAX_WORDS, LEAD_ZONE_PARAGRAPHS,
    MAX_CAPTION_REPEATS, PLACEHOLDER_TEXTS, PULL_QUOTE_MIN_WORDS, TAIL_LINE_MAX_CHARS,
};
use crate::model::{Article, Block, Inline};

/// A text in lowercase, copied only when it has capitals or is not ASCII
/// (most class names and words are lowercase already).
pub fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// Collapses white space and repairs doubled single quote marks (`‘‘…’’` → `“…”`).
pub fn clean_text(text: &str) -> String {
    let mut out = collapse_whitespace(text);
    if out.contains("‘‘") || out.contains("’’") {
        out = out.replace("‘‘", "“").replace("’’", "”");
    }
    out
}

/// The words of a text one space apart, as `split_whitespace` and `join`
/// give them (see [`squeeze_into`]).
pub(super) fn collapse_whitespace(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    squeeze_into(text, &mut out);
    out
}

/// Appends a text to `out` with every white-space run as one plain space,
/// in one pass over the bytes: eight bytes holding no white space but
/// single spaces between other bytes are passed over at a time (see
/// [`plain_eight`]), elsewhere only ASCII bytes and the lead bytes of the
/// few wider white-space characters (U+0085 to U+3000) need a look. Words
/// already one plain space apart are copied together, so text that needs no
/// change is copied in one piece.
pub(super) fn squeeze_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // The start of the bytes not yet copied.
    let mut stretch = 0;
    let mut i = 0;
    while i < bytes.len() {
        if plain_eight(bytes, i) {
            i += 8;
            continue;
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let space = space_len(text, i);
            if space == 0 {
                i += 1;
                continue;
            }
            // A white-space run starts here, after a byte of a word (a run
            // is always read to its end): a lone plain space stays in the
            // stretch.
            let run_start = i;
            i += space;
            while i < bytes.len() {
                match space_len(text, i) {
                    0 => break,
                    n => i += n,
                }
            }
            if !(i == run_start + 1 && bytes[run_start] == b' ') {
                out.push_str(&text[stretch..run_start]);
                out.push(' ');
                stretch = i;
            }
        }
    }
    out.push_str(&text[stretch..]);
}

/// Whether the eight bytes at `i` (after a byte that is no white space)
/// need no change when white space is squeezed: no ASCII white space but
/// single plain spaces, a last one followed by a byte of a word, and no
/// lead byte of a wider white space.
fn plain_eight(bytes: &[u8], i: usize) -> bool {
    let Some(chunk) = bytes.get(i..i + 8) else {
        return false;
    };
    let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
    let spaces = bytes_equal(x, b' ');
    ascii_within(x, b'\t', b'\r') | wide_space_leads(x) == 0
        && spaces & (spaces << 8) == 0
        && (spaces >> 63 == 0
            || bytes
                .get(i + 8)
                .is_none_or(|&b| BYTE_KIND[usize::from(b)] == WORD))
}

/// The high bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of each of eight bytes.
const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// One in each of eight bytes, to repeat a byte over all eight.
const EACH_BYTE: u64 = 0x0101_0101_0101_0101;

/// The high bit set in each byte of `x` (eight bytes read as one
/// little-endian number) that equals `b`; exact for every byte, as no sum
/// carries from one byte into the next.
pub(super) fn bytes_equal(x: u64, b: u8) -> u64 {
    let y = x ^ (EACH_BYTE * u64::from(b));
    !(((y & LOW_BITS) + LOW_BITS) | y | LOW_BITS)
}

/// The high bit set in each ASCII byte of `x` that lies within `lo..=hi`
/// (both ASCII): on the low seven bits, a byte plus at most 0x80 carries
/// into no other.
pub(super) fn ascii_within(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & LOW_BITS;
    let at_least = |b: u8| low.wrapping_add(EACH_BYTE * u64::from(0x80 - b)) & HIGH_BITS;
    at_least(lo) & !at_least(hi + 1) & !x & HIGH_BITS
}

/// The high bit set in each byte of `x` that may start a white space wider
/// than a byte (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000): 0xC2 and
/// 0xE0 to 0xE3.
pub(super) fn wide_space_leads(x: u64) -> u64 {
    bytes_equal(x, 0xC2) | bytes_equal(x & (EACH_BYTE * 0xFC), 0xE0)
}

/// How many bytes of a mask have their high bit set (and no other): the
/// bits moved to each byte's lowest and summed into the top byte by one
/// multiplication, cheaper than counting bits without a popcount
/// instruction.
pub(super) fn flags_set(mask: u64) -> usize {
    (((mask >> 7).wrapping_mul(EACH_BYTE)) >> 56) as usize
}

/// The high bit set in each byte of `x` that continues a character.
pub(super) fn continuation_bytes(x: u64) -> u64 {
    x & !(x << 1) & HIGH_BITS
}

/// The words of a text, as `split_whitespace` gives them, told apart by
/// their bytes (see [`collapse_whitespace`]) rather than by decoding every
/// character: a word's end is found eight bytes at a time, by the first byte
/// that may start a white space.
pub(super) fn split_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            if i >= bytes.len() {
                return None;
            }
            let space = space_len(text, i);
            if space == 0 {
                break;
            }
            i += space;
        }
        let start = i;
        i += 1;
        while i < bytes.len() {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                let maybe_space =
                    bytes_equal(x, b' ') | ascii_within(x, b'\t', b'\r') | wide_space_leads(x);
                if maybe_space == 0 {
                    i += 8;
                    continue;
                }
                // The first such byte (a lead byte, so a character's start).
                i += (maybe_space.trailing_zeros() / 8) as usize;
            }
            if space_len(text, i) > 0 {
                break;
            }
            i += 1;
        }
        Some(&text[start..i])
    })
}

/// What a byte may start: part of a word, an ASCII white space, or (a lead
/// byte of U+0085 to U+3000) possibly a wider white space.
const WORD: u8 = 0;
const ASCII_SPACE: u8 = 1;
const MAYBE_WIDE_SPACE: u8 = 2;
static BYTE_KIND: [u8; 256] = {
    let mut kinds = [WORD; 256];
    let mut b = b'\t';
    while b <= b'\r' {
        kinds[b as usize] = ASCII_SPACE;
        b += 1;
    }
    kinds[b' ' as usize] = ASCII_SPACE;
    kinds[0xC2] = MAYBE_WIDE_SPACE;
    kinds[0xE1] = MAYBE_WIDE_SPACE;
    kinds[0xE2] = MAYBE_WIDE_SPACE;
    kinds[0xE3] = MAYBE_WIDE_SPACE;
    kinds
};

/// The length in bytes of the white-space character at byte `i`, 0 if none
/// (inlined: it is asked at nearly every byte of the page's text).
#[inline]
pub(super) fn space_len(text: &str, i: usize) -> usize {
    match BYTE_KIND[usize::from(text.as_bytes()[i])] {
        WORD => 0,
        ASCII_SPACE => 1,
        _ => {
            let c = text[i..].chars().next().unwrap_or_default();
            if c.is_whitespace() { c.len_utf8() } else { 0 }
        }
    }
}

/// Whether a text is only a scraper's placeholder for a missing value.
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    // Lowercasing never shortens a text in characters: longer texts are none
    // (counted only as far as the longest placeholder).
    if text.chars().nth(*PLACEHOLDER_MAX_CHARS).is_some() {
        return false;
    }
    PLACEHOLDER_TEXTS.contains(&text.to_lowercase().as_str())
}

/// The length in characters of the longest placeholder.
static PLACEHOLDER_MAX_CHARS: LazyLock<usize> = LazyLock::new(|| {
    PLACEHOLDER_TEXTS
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0)
});

/// Cleans the extracted blocks and stores them in the article: drops
/// placeholders, the section link and headline repeated as the first
/// blocks, keeps a
/// paragraph printed twice once (a lead repeated in the body becomes the
/// subtitle and stays at its place in the body).
pub fn finish(article: &mut Article, blocks: Vec<Block>) {
    let headline = fold_case(&article.headline);
    let mut blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| !(b.is_textual() && is_placeholder(b.text())))
        .collect();
    while blocks.first().is_some_and(|b| {
        is_kicker(b)
            || (b.is_textual() && !headline.is_empty() && folds_case_to(b.text(), &headline))
    }) {
        blocks.remove(0);
    }
    // One of the first paragraphs printed again, exactly once and further
    // down, is a lead repeated in the body: the later copy is the one in the
    // body. (Texts repeated more often, back to back or deeper in the body
    // are the page's own.) Only the first paragraphs are folded; the others
    // are compared with them as far as they agree.
    let paragraphs: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Paragraph { .. }) && !b.text().is_empty())
        .map(|(i, _)| i)
        .collect();
    let drop: Vec<usize> = paragraphs
        .iter()
        .take(LEAD_ZONE_PARAGRAPHS)
        .copied()
        .filter(|&lead| {
            let folded = fold_case(blocks[lead].text());
            let mut copies = paragraphs
                .iter()
                .copied()
                .filter(|&i| folds_case_to(blocks[i].text(), &folded));
            // The lead is the first of exactly two copies, not back to back.
            copies.next() == Some(lead)
                && copies.next().is_some_and(|second| second > lead + 1)
                && copies.next().is_none()
        })
        .collect();
    let mut kept = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.into_iter().enumerate() {
        if drop.contains(&i) {
            if kept.iter().all(|k: &Block| !k.is_textual()) && article.subtitle.is_none() {
                article.subtitle = Some(b.text().to_string());
            }
            continue;
        }
        kept.push(b);
    }
    drop_pull_quotes(&mut kept);
    drop_repeated_captions(&mut kept);
    drop_boilerplate_lines(&mut kept);
    trim_tail(&mut kept);
    article.blocks = kept;
    if let Some(sub) = &article.subtitle
        && is_placeholder(sub)
    {
        article.subtitle = None;
    }
}

/// Prints each caption once: a caption that repeats itself two to four
/// times (a copy for small screens, one for screen readers) keeps one copy,
/// and a paragraph printing the caption of the picture beside it goes.
fn drop_repeated_captions(blocks: &mut Vec<Block>) {
    for b in blocks.iter_mut() {
        if let Block::Image { text, caption, .. } = b
            && let Some(once) = caption.as_deref().and_then(said_once)
        {
            *text = once.clone();
            *caption = Some(once);
        }
    }
    // Each block's caption, folded, when it is a captioned picture.
    let captions: Vec<Option<String>> = blocks
        .iter()
        .map(|b| match b {
            Block::Image {
                caption: Some(c), ..
            } => Some(fold_case(c)),
            _ => None,
        })
        .collect();
    if captions.iter().all(Option::is_none) {
        return;
    }
    let beside = |i: usize| [i.checked_sub(1), Some(i + 1)].into_iter().flatten();
    let repeats: Vec<bool> = (0..blocks.len())
        .map(|i| {
            matches!(blocks[i], Block::Paragraph { .. })
                && beside(i).any(|n| {
                    captions
                        .get(n)
                        .and_then(Option::as_deref)
                        .is_some_and(|c| folds_case_to(blocks[i].text(), c))
                })
        })
        .collect();
    let mut at = 0;
    blocks.retain(|_| {
        at += 1;
        !repeats[at - 1]
    });
}

/// Leaves out a line the page prints under every picture or item (a credit,
/// a "Read more" label): one of a credit's length ([`CREDIT_MAX_CHARS`]) and
/// at least [`BOILERPLATE_MIN_WORDS`] words that ends no sentence, printed
/// more than [`MAX_CAPTION_REPEATS`] times.
fn drop_boilerplate_lines(blocks: &mut Vec<Block>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for b in blocks.iter() {
        if matches!(b, Block::Paragraph { .. }) {
            *counts.entry(b.text()).or_default() += 1;
        }
    }
    let boilerplate: HashSet<String> = counts
        .into_iter()
        .filter(|(text, n)| {
            *n > MAX_CAPTION_REPEATS
                && text.chars().count() <= CREDIT_MAX_CHARS
                && text.split_whitespace().count() >= BOILERPLATE_MIN_WORDS
                && !text.ends_with(['.', '!', '?', '…', '"', '”', '»', '。'])
        })
        .map(|(text, _)| text.to_string())
        .collect();
    let is_boilerplate =
        |b: &Block| matches!(b, Block::Paragraph { .. }) && boilerplate.contains(b.text());
    // A page of nothing but the line keeps it: it is all the text there is.
    if blocks.iter().any(|b| b.is_textual() && !is_boilerplate(b)) {
        blocks.retain(|b| !is_boilerplate(b));
    }
}

/// The text said once when it is the same words said two to four times
/// over; `None` when it is not a repetition.
fn said_once(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=MAX_CAPTION_REPEATS).find_map(|times| {
        let n = words.len() / times;
        (n > 0 && words.len().is_multiple_of(times) && words.chunks(n).all(|c| c == &words[..n]))
            .then(|| words[..n].join(" "))
    })
}

/// Leaves out pull quotes: a quotation whose every word, in order, the
/// body's paragraphs print already (the page set a sentence of its own text
/// large in a box). Quotation marks, punctuation and case are not compared.
fn drop_pull_quotes(blocks: &mut Vec<Block>) {
    if !blocks.iter().any(|b| matches!(b, Block::Quote { .. })) {
        return;
    }
    let body: Vec<String> = blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .map(|b| format!(" {} ", fold_words(b.text())))
        .collect();
    blocks.retain(|b| {
        let Block::Quote { text, .. } = b else {
            return true;
        };
        let words = fold_words(text);
        if words.split(' ').count() < PULL_QUOTE_MIN_WORDS {
            return true;
        }
        let words = format!(" {words} ");
        !body.iter().any(|p| p.contains(&words))
    });
}

/// The words of a text in lower case, one space apart, without punctuation
/// (for recognizing a repeat: a pull quote, a quotation said twice).
pub(super) fn fold_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A section link printed above the headline ("Économie"): a paragraph that
/// is one link of a few words, without sentence punctuation.
fn is_kicker(b: &Block) -> bool {
    let Block::Paragraph {
        text,
        inlines: Some(inlines),
    } = b
    else {
        return false;
    };
    matches!(inlines.as_slice(), [Inline::Link { .. }])
        && text.split_whitespace().count() <= KICKER_MAX_WORDS
        && !text.ends_with(['.', '!', '?', ':'])
}

/// Drops the page furniture left after the last prose: trailing headings
/// (a heading introduces something) and short unpunctuated lines
/// ("More on this topic", "Contact", "Share:").
fn trim_tail(blocks: &mut Vec<Block>) {
    let furniture = |b: &Block| match b {
        Block::Heading { .. } => true,
        Block::Paragraph { text, .. } => {
            text.chars().count() <= TAIL_LINE_MAX_CHARS
                && !text.ends_with(['.', '!', '?', '…', '"', '”', '»', '。', ')'])
        }
        _ => false,
    };
    let Some(last_prose) = blocks.iter().rposition(|b| b.is_textual() && !furniture(b)) else {
        return; // nothing but short lines: they are the article
    };
    while blocks.len() > last_prose + 1 && blocks.last().is_some_and(furniture) {
        blocks.pop();
    }
}

/// Case- and space-folded text, for comparisons.
pub(super) fn fold_case(text: &str) -> String {
    collapse_whitespace(text).to_lowercase()
}

/// Whether `fold_case(text) == folded`, for a `folded` that [`fold_case`] gave,
/// without folding `text`: word by word (see [`words_fold_to`]; a capital
/// sigma's form depends only on its own word).
pub(super) fn folds_case_to(text: &str, folded: &str) -> bool {
    words_fold_to(text, folded, |word, w| {
        if word.is_ascii() {
            word.len() == w.len()
                && word
                    .bytes()
                    .zip(w.bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == b)
        } else if word.contains('Σ') {
            word.to_lowercase() == w
        } else {
            word.chars().flat_map(char::to_lowercase).eq(w.chars())
        }
    })
}

/// Whether the words of `text`, each folded, are the words of `folded`,
/// where `same(word, w)` tells whether a word folds to `w`: for a folding
/// that turns no white space into a letter nor a letter into white space,
/// a text is compared with a folded one up to the first difference,
/// without folding it whole.
pub(super) fn words_fold_to(text: &str, folded: &str, same: impl Fn(&str, &str) -> bool) -> bool {
    let mut want = split_words(folded);
    split_words(text).all(|word| want.next().is_some_and(|w| same(word, w)))
        && want.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses_as_split_whitespace_does() {
        for text in [
            "",
            "  ",
            " a\u{a0}\u{2003}b\u{3000} c\u{0B}d\u{85}e\u{1680}f ",
            "\u{2019}é\u{e2}x\u{200b}y\n\tz",
            "one two three",
            "one  two three ",
            "©one\u{a0} two — three\u{2003}",
            "  Words one space apart, eight bytes at a time:  then two spaces,\tand a tab\r\n ",
            "Привет,  мир;\tçà et là, Ωμέγα ελληνικά  end, und Straße ändern sich nicht",
            "abcdefg hijklmn opqrstu vwxyzab  cdefghi\u{a0}jklmnop\u{2019}s qrstuvw        x",
        ] {
            // Every offset, so that each byte is read at every place of an
            // eight-byte step.
            for (at, _) in text.char_indices() {
                let text = &text[at..];
                let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(clean_text(text), expected, "{text:?}");
                assert!(split_words(text).eq(text.split_whitespace()), "{text:?}");
            }
        }
    }

    #[test]
    fn folded_texts_compare_as_folding_both_does() {
        let texts = [
            "",
            "The Lead.",
            "the  lead.",
            "THE LEAD.",
            "The Lead",
            "The Lead. ",
            "ΟΔΟΣ ΣΟΦΟΣ",
            "οδος σοφος",
            "οδοσ σοφοσ",
            "İstanbul Straße",
            "i̇stanbul straße",
            "\u{a0}Grüße\u{2003}aus Köln",
        ];
        for a in texts {
            for b in texts {
                let folded = fold_case(b);
                assert_eq!(
                    folds_case_to(a, &folded),
                    fold_case(a) == folded,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn flags_are_counted_as_bits_are() {
        for mask in [
            0,
            HIGH_BITS,
            0x80,
            0x8000_0000_0000_0000,
            0x0080_8000_0080_0080,
        ] {
            assert_eq!(flags_set(mask), mask.count_ones() as usize, "{mask:x}");
        }
    }

    #[test]
    fn doubled_single_quotes_become_double_quotes() {
        assert_eq!(
            clean_text("‘‘We ask simply,’’ he said"),
            "“We ask simply,” he said"
        );
    }

    #[test]
    fn a_caption_is_printed_once() {
        let image = |caption: &str| Block::Image {
            text: caption.into(),
            src: "https://example.org/p.jpg".into(),
            alt: String::new(),
            caption: Some(caption.into()),
        };
        let mut a = Article::default();
        let blocks = vec![
            Block::paragraph("The mayor opened the new wing on Monday."),
            image(
                "The new wing. Photo: Ann Lee The new wing. Photo: Ann Lee The new wing. Photo: Ann Lee",
            ),
            Block::paragraph("The new wing.  Photo: Ann Lee"),
            Block::paragraph("It holds ten thousand books."),
            Block::paragraph("Read it twice."),
            Block::paragraph("Read it twice."),
        ];
        finish(&mut a, blocks);
        assert_eq!(
            a.blocks,
            vec![
                Block::paragraph("The mayor opened the new wing on Monday."),
                image("The new wing. Photo: Ann Lee"),
                Block::paragraph("It holds ten thousand books."),
                // Paragraphs that repeat each other are the page's own.
                Block::paragraph("Read it twice."),
                Block::paragraph("Read it twice."),
            ]
        );
    }

    #[test]
    fn a_credit_printed_under_every_picture_goes() {
        let mut blocks = Vec::new();
        for n in 1..=5 {
            blocks.push(Block::paragraph(format!("Front page {n} of the day.")));
            blocks.push(Block::paragraph("Front page courtesy of the Newseum"));
            blocks.push(Block::paragraph("(Artist: Ann Lee)"));
        }
        let mut a = Article::default();
        finish(&mut a, blocks);
        let texts: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert!(
            !texts.contains(&"Front page courtesy of the Newseum"),
            "{texts:?}"
        );
        // Shorter labels of the page's items stay, as do the items.
        assert_eq!(
            texts.iter().filter(|t| **t == "(Artist: Ann Lee)").count(),
            5
        );
        assert!(texts.contains(&"Front page 5 of the day."), "{texts:?}");
        // Longer than a credit, or all the text there is, a repeated line stays.
        let long = format!("{} and so on", "word ".repeat(40));
        for line in [long.as_str(), "Front page courtesy of the Newseum"] {
            let mut a = Article::default();
            finish(&mut a, vec![Block::paragraph(line); 5]);
            assert_eq!(a.blocks.len(), 5, "{line}");
        }
    }

    #[test]
    fn placeholders_headline_and_repeated_lead_go() {
        let mut a = Article {
            headline: "Big News".into(),
            ..Article::default()
        };
        let blocks = vec![
            Block::paragraph("Big  news"),
            Block::paragraph("The lead."),
            Block::paragraph("None"),
            Block::paragraph("First body paragraph."),
            Block::paragraph("The lead."),
        ];
        finish(&mut a, blocks);
        assert_eq!(a.subtitle.as_deref(), Some("The lead."));
        assert_eq!(
            a.blocks,
            vec![
                Block::paragraph("First body paragraph."),
                Block::paragraph("The lead.")
            ]
        );
    }

    #[test]
    fn a_leading_section_link_goes() {
        let link = |t: &str| Block::Paragraph {
            text: t.into(),
            inlines: Some(vec![Inline::Link {
                href: "https://example.com/economy".into(),
                children: vec![Inline::Text { text: t.into() }],
            }]),
        };
        let mut a = Article::default();
        let body = vec![
            link("Économie"),
            Block::paragraph("The story."),
            link("Next"),
            Block::paragraph("More."),
        ];
        finish(&mut a, body);
        assert_eq!(
            a.blocks,
            vec![
                Block::paragraph("The story."),
                link("Next"),
                Block::paragraph("More.")
            ]
        );
    }

    #[test]
    fn trailing_furniture_is_trimmed() {
        let mut a = Article::default();
        let blocks = vec![
            Block::paragraph("Real prose ends here."),
            Block::Heading {
                text: "More on this topic".into(),
                level: 2,
            },
            Block::paragraph("Contact"),
        ];
        finish(&mut a, blocks);
        assert_eq!(a.blocks, vec![Block::paragraph("Real prose ends here.")]);
        let mut short = Article::default();
        finish(&mut short, vec![Block::paragraph("abc")]);
        assert_eq!(short.blocks.len(), 1);
    }

    #[test]
    fn placeholder_texts_are_recognized() {
        assert!(is_placeholder(" undefined "));
        assert!(is_placeholder("NULL"));
        assert!(!is_placeholder("Nonetheless"));
    }

    #[test]
    fn white_space_collapses() {
        assert_eq!(clean_text("  a \n\t b  "), "a b");
    }
}
