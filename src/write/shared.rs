//! Helpers more than one writer uses.

use crate::model::{Article, Block, Inline};

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

/// A list's items as rich text: the item's spans when the list carries
/// them (one per item), else its plain text as one span.
pub fn list_item_inlines(items: &[String], rich: Option<&[Vec<Inline>]>) -> Vec<Vec<Inline>> {
    match rich.filter(|r| r.len() == items.len()) {
        Some(rich) => rich.to_vec(),
        None => items
            .iter()
            .map(|text| vec![Inline::Text { text: text.clone() }])
            .collect(),
    }
}

/// Whether two texts have the same words, whatever the white space between.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Whether the picture in `bytes` decodes as the PDF library will decode it
/// when the file is written, and as a reading system must (JPEG data is
/// copied as it is, never decoded; other types are not checked).
pub fn decodes(media_type: &str, bytes: &[u8]) -> bool {
    match media_type {
        "image/gif" => {
            let mut options = gif::DecodeOptions::new();
            options.set_color_output(gif::ColorOutput::RGBA);
            options
                .read_info(bytes)
                .is_ok_and(|mut d| matches!(d.read_next_frame(), Ok(Some(_))))
        }
        "image/png" => {
            let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
            decoder.set_transformations(png::Transformations::EXPAND);
            decoder.read_info().is_ok_and(|mut r| {
                r.output_buffer_size()
                    .is_some_and(|size| r.next_frame(&mut vec![0; size]).is_ok())
            })
        }
        "image/webp" => {
            image_webp::WebPDecoder::new(std::io::Cursor::new(bytes)).is_ok_and(|mut d| {
                d.output_buffer_size()
                    .is_some_and(|size| d.read_image(&mut vec![0; size]).is_ok())
            })
        }
        _ => true,
    }
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
