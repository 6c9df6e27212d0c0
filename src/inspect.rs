//! `galley inspect`: a readable summary of what was extracted from a page and
//! where each field came from.

use std::fmt::Write as _;

use crate::document::Document;
use crate::model::{Article, Block};

/// The summaries of every article an input held; when it held several (a
/// WARC archive, JSON Lines), each is headed by its number and URL and
/// followed by a blank line, so the articles stand apart.
pub fn summaries(docs: &[Document]) -> String {
    if let [doc] = docs {
        return summary(&doc.article);
    }
    let mut out = String::new();
    for (n, doc) in docs.iter().enumerate() {
        let url = doc.article.url.as_deref().unwrap_or("(no URL)");
        let _ = writeln!(out, "== article {} of {}: {url}", n + 1, docs.len());
        out.push_str(&summary(&doc.article));
        out.push('\n');
    }
    out
}

/// The summary text for one article.
pub fn summary(article: &Article) -> String {
    let mut out = String::new();
    let fields: [(&str, Option<String>); 12] = [
        ("kicker", article.kicker.clone()),
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
    let source = article
        .provenance
        .get("blocks")
        .map(|s| format!("  [{s}]"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "blocks     {} ({} paragraphs, {} headings, {} quotes, {} lists, {} images, {} tables), {} words{source}",
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
