//! `galley inspect`: a readable summary of what was extracted from a page and
//! where each field came from.

use std::fmt::Write as _;

use crate::model::{Article, Block};

/// The summary text for one article.
pub fn summary(article: &Article) -> String {
    let mut out = String::new();
    let fields: [(&str, Option<String>); 11] = [
        (
            "headline",
            Some(article.headline.clone()).filter(|h| !h.is_empty()),
        ),
        ("subtitle", article.subtitle.clone()),
        ("byline", article.byline.clone()),
        (
            "authors",
            (!article.authors.is_empty()).then(|| article.authors.join("; ")),
        ),
        ("published", article.published.clone()),
        ("modified", article.modified.clone()),
        ("site_name", article.site_name.clone()),
        ("language", article.language.clone()),
        ("url", article.url.clone()),
        ("image", article.image.clone()),
        (
            "tags",
            (!article.tags.is_empty()).then(|| article.tags.join(", ")),
        ),
    ];
    for (name, value) in fields {
        let value = value.unwrap_or_else(|| "—".to_string());
        match article.provenance.get(name) {
            Some(source) => {
                let _ = writeln!(out, "{name:<10} {value}  [{source}]");
            }
            None => {
                let _ = writeln!(out, "{name:<10} {value}");
            }
        }
    }
    let count = |kind: fn(&Block) -> bool| article.blocks.iter().filter(|b| kind(b)).count();
    let _ = writeln!(
        out,
        "blocks     {} ({} paragraphs, {} headings, {} quotes, {} lists, {} images, {} tables), {} words",
        article.blocks.len(),
        count(|b| matches!(b, Block::Paragraph { .. })),
        count(|b| matches!(b, Block::Heading { .. })),
        count(|b| matches!(b, Block::Quote { .. })),
        count(|b| matches!(b, Block::List { .. })),
        count(|b| matches!(b, Block::Image { .. })),
        count(|b| matches!(b, Block::Table { .. })),
        article.word_count(),
    );
    let with_speaker = article
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some())
        .count();
    let _ = writeln!(
        out,
        "quotes     {} ({with_speaker} with a speaker)",
        article.quotes.len()
    );
    out
}
