//! The article sanitizer: applied once to every article right after it is
//! read, whatever the reader, so no writer can forget it. Every text loses
//! its control characters (ESC and BEL from a page must not reach a terminal
//! or a file), and every link, image source and the page's `url` pass the
//! one URL policy of [`url`]: a link that fails keeps its text, an image
//! that fails leaves its caption as a paragraph (or nothing when it has
//! none), a `url` or lead `image` that fails is dropped.

pub mod url;

use crate::model::{Article, Block, Inline, Quote};

/// Applies the text and URL policies to every field of an article.
pub fn article(article: &mut Article) {
    let Article {
        kicker,
        headline,
        subtitle,
        byline,
        authors,
        published,
        modified,
        site_name,
        language,
        url: page_url,
        description,
        image,
        tags,
        blocks,
        quotes,
        provenance,
        source,
    } = article;
    for text in [headline].into_iter().chain(authors.iter_mut()).chain(tags) {
        clean(text);
    }
    for text in [
        kicker,
        subtitle,
        byline,
        published,
        modified,
        site_name,
        language,
        description,
        source,
    ]
    .into_iter()
    .flatten()
    {
        clean(text);
    }
    for value in provenance.values_mut() {
        clean(value);
    }
    keep_if(page_url, |u| url::page_url(u).map(str::to_string));
    keep_if(image, |i| url::image_source(i).map(str::to_string));
    blocks_and_quotes(blocks, quotes);
}

/// Cleans every block, replaces images whose source fails the policy, and
/// renumbers the quotes' block indices to match the blocks left out.
fn blocks_and_quotes(blocks: &mut Vec<Block>, quotes: &mut Vec<Quote>) {
    let mut new_index = Vec::with_capacity(blocks.len());
    let mut kept = 0;
    blocks.retain_mut(|block| {
        let keep = clean_block(block);
        new_index.push(keep.then_some(kept));
        kept += usize::from(keep);
        keep
    });
    quotes.retain_mut(|quote| {
        clean(&mut quote.text);
        if let Some(speaker) = &mut quote.speaker {
            clean(speaker);
        }
        match new_index.get(quote.block).copied().flatten() {
            Some(index) => {
                quote.block = index;
                true
            }
            None => false,
        }
    });
}

/// Cleans one block's texts; an image whose source fails the policy
/// becomes a paragraph of its caption, or `false` when it has none.
fn clean_block(block: &mut Block) -> bool {
    match block {
        Block::Paragraph { text, inlines } => {
            clean(text);
            if let Some(inlines) = inlines {
                clean_inlines(inlines);
            }
        }
        Block::Heading { text, .. } | Block::Rule { text } => clean(text),
        Block::Quote { text, cite } => {
            clean(text);
            if let Some(cite) = cite {
                clean(cite);
            }
        }
        Block::List {
            text,
            items,
            item_inlines,
            ..
        } => {
            clean(text);
            items.iter_mut().for_each(clean);
            item_inlines.iter_mut().flatten().for_each(clean_inlines);
        }
        Block::Image {
            text,
            src,
            alt,
            caption,
        } => {
            clean(text);
            clean(alt);
            if let Some(caption) = caption {
                clean(caption);
            }
            match url::image_source(src) {
                Some(safe) => *src = safe.to_string(),
                None => {
                    let words = caption.take().unwrap_or_else(|| std::mem::take(text));
                    if words.trim().is_empty() {
                        return false;
                    }
                    *block = Block::paragraph(words);
                }
            }
        }
        Block::Code { text, language } => {
            clean(text);
            if let Some(language) = language {
                clean(language);
            }
        }
        Block::Table { text, rows, .. } => {
            clean(text);
            rows.iter_mut().flatten().for_each(clean);
        }
    }
    true
}

/// Cleans inline texts; a link whose target fails the policy is replaced
/// by its children.
fn clean_inlines(inlines: &mut Vec<Inline>) {
    let mut out = Vec::with_capacity(inlines.len());
    for mut inline in inlines.drain(..) {
        match &mut inline {
            Inline::Text { text } | Inline::Code { text } => clean(text),
            Inline::Emphasis { children } | Inline::Strong { children } => {
                clean_inlines(children);
            }
            Inline::Link { href, children } => {
                clean_inlines(children);
                match url::link(href) {
                    Some(safe) => *href = safe.to_string(),
                    None => {
                        out.append(children);
                        continue;
                    }
                }
            }
            Inline::Break => {}
        }
        out.push(inline);
    }
    *inlines = out;
}

/// Keeps an optional value only when `policy` accepts it, as it returns it.
fn keep_if(value: &mut Option<String>, policy: impl Fn(&str) -> Option<String>) {
    *value = value.as_deref().and_then(policy);
}

/// Removes control characters from a text: every C0 and C1 control and DEL
/// but tab and line feed; a carriage return becomes a line break (`\r\n`
/// one line break).
pub fn clean(text: &mut String) {
    if !text.chars().any(is_removed_control) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            c if is_removed_control(c) => {}
            c => out.push(c),
        }
    }
    *text = out;
}

/// Control characters a text may not hold (carriage returns included, which
/// [`clean`] turns into line breaks).
fn is_removed_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_removed_from_text() {
        let mut text = "Title\u{1b}]0;owned\u{7}\r\nnext\rline\u{85}\u{7f}\ttab".to_string();
        clean(&mut text);
        assert_eq!(text, "Title]0;owned\nnext\nline\ttab");
    }

    #[test]
    fn unsafe_links_keep_their_text_and_unsafe_images_are_left_out() {
        let mut a = Article {
            headline: "Head\u{1b}[2J".into(),
            url: Some("javascript:alert(1)".into()),
            image: Some("data:text/html,x".into()),
            blocks: vec![
                Block::Image {
                    text: String::new(),
                    src: "javascript:alert(1)".into(),
                    alt: String::new(),
                    caption: Some("A caption".into()),
                },
                Block::Image {
                    text: String::new(),
                    src: "data:text/html,<script>alert(1)</script>".into(),
                    alt: String::new(),
                    caption: None,
                },
                Block::Paragraph {
                    text: "a link".into(),
                    inlines: Some(vec![Inline::Link {
                        href: "javascript:alert(1)".into(),
                        children: vec![Inline::Text {
                            text: "a link".into(),
                        }],
                    }]),
                },
            ],
            quotes: vec![Quote {
                text: "q".into(),
                speaker: None,
                block: 2,
            }],
            ..Article::default()
        };
        article(&mut a);
        assert_eq!(a.headline, "Head[2J");
        assert_eq!((a.url, a.image), (None, None));
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[0], Block::paragraph("A caption"));
        assert_eq!(a.quotes[0].block, 1);
        let Block::Paragraph { inlines, .. } = &a.blocks[1] else {
            panic!("a paragraph")
        };
        assert_eq!(
            inlines.as_deref(),
            Some(
                &[Inline::Text {
                    text: "a link".into()
                }][..]
            )
        );
    }
}
