//! Helpers more than one writer uses.

use crate::model::{Article, Block};

/// The blocks to show under a header that already prints the subtitle: all
/// of them, but for a first paragraph that repeats the subtitle (a standfirst
/// the page prints both as its deck and as the body's opening).
pub fn blocks_below_header(article: &Article) -> &[Block] {
    let repeats_subtitle = |block: &Block| {
        matches!(block, Block::Paragraph { text, .. }
            if article.subtitle.as_deref().is_some_and(|s| same_words(s, text)))
    };
    match article.blocks.split_first() {
        Some((first, rest)) if repeats_subtitle(first) => rest,
        _ => &article.blocks,
    }
}

/// Whether two texts have the same words, whatever the white space between.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            text: text.to_string(),
            inlines: None,
        }
    }

    #[test]
    fn a_standfirst_repeated_as_the_first_paragraph_is_shown_once() {
        let mut article = Article {
            subtitle: Some("The lead,  in short.".to_string()),
            blocks: vec![paragraph("The lead, in short."), paragraph("Body.")],
            ..Article::default()
        };
        assert_eq!(blocks_below_header(&article), &article.blocks[1..]);
        article.subtitle = Some("Another deck.".to_string());
        assert_eq!(blocks_below_header(&article), &article.blocks[..]);
    }
}
