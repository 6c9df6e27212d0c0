//! Normalization of extracted text and blocks: white space, quote marks,
//! scraper placeholders and paragraphs printed twice.

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

/// Cleans the extracted blocks and stores them in the article.
pub fn finish(article: &mut Article, blocks: Vec<Block>) {
    let mut seen = std::collections::HashSet::new();
    article.blocks = blocks
        .into_iter()
        .filter(|b| !is_placeholder(b.text()))
        .filter(|b| !b.is_textual() || seen.insert(b.text().to_string()))
        .collect();
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
    fn white_space_collapses() {
        assert_eq!(clean_text("  a \n\t b  "), "a b");
    }
}
