//! Main content: find the element that holds the article body and turn its
//! children into blocks, leaving navigation, teasers, ads and other page
//! furniture behind.

use scraper::{Html, Selector};

use super::normalize::clean_text;
use crate::model::{Article, Block};

/// The body blocks of the page, in reading order.
pub fn extract(dom: &Html, _meta: &Article) -> Vec<Block> {
    let p = Selector::parse("p").expect("valid selector");
    dom.select(&p)
        .map(|e| clean_text(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .map(Block::paragraph)
        .collect()
}
