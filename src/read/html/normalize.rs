//! Normalization of extracted text and blocks: white space, quote marks,
//! scraper placeholders and paragraphs printed twice.

use std::collections::HashMap;

use super::patterns::PLACEHOLDER_TEXTS;
use crate::model::{Article, Block};

/// Collapses white space and repairs doubled single quote marks (`‘‘…’’` → `“…”`).
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.contains("‘‘") || out.contains("’’") {
        out = out.replace("‘‘", "“").replace("’’", "”");
    }
    out
}

/// Whether a text is only a scraper's placeholder for a missing value.
pub fn is_placeholder(text: &str) -> bool {
    PLACEHOLDER_TEXTS.contains(&text.trim().to_lowercase().as_str())
}

/// Cleans the extracted blocks and stores them in the article: drops
/// placeholders and the headline repeated as the first block, keeps a
/// paragraph printed twice once (a lead repeated in the body becomes the
/// subtitle and stays at its place in the body).
pub fn finish(article: &mut Article, blocks: Vec<Block>) {
    let headline = fold(&article.headline);
    let mut blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| !(b.is_textual() && is_placeholder(b.text())))
        .collect();
    while blocks
        .first()
        .is_some_and(|b| b.is_textual() && !headline.is_empty() && fold(b.text()) == headline)
    {
        blocks.remove(0);
    }
    // The last occurrence of a repeated text is the one in the body.
    let mut last = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.is_textual() && !b.text().is_empty() {
            last.insert(fold(b.text()), i);
        }
    }
    let mut kept = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.into_iter().enumerate() {
        if b.is_textual() {
            let key = fold(b.text());
            if last.get(&key).is_some_and(|&l| l != i) {
                if kept.iter().all(|k: &Block| !k.is_textual())
                    && article.subtitle.is_none()
                    && matches!(b, Block::Paragraph { .. })
                {
                    article.subtitle = Some(b.text().to_string());
                }
                continue;
            }
        }
        kept.push(b);
    }
    article.blocks = kept;
    if let Some(sub) = &article.subtitle
        && is_placeholder(sub)
    {
        article.subtitle = None;
    }
}

/// Case- and space-folded text, for comparisons.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_single_quotes_become_double_quotes() {
        assert_eq!(
            clean_text("‘‘We ask simply,’’ he said"),
            "“We ask simply,” he said"
        );
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
