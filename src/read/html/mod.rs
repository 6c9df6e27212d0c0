//! The HTML extractor: a saved news page in, one [`Article`] out.
//!
//! A short pipeline of named stages:
//! 1. parse the page (html5ever, through scraper);
//! 2. [`metadata`]: headline, byline, dates and the rest, most reliable source first;
//! 3. [`content`]: find the article body; [`blocks`] turns it into blocks;
//! 4. [`normalize`]: clean the blocks (placeholders, repeated lead, quote marks);
//! 5. [`quotes`]: find the direct quotations and their speakers.

pub mod blocks;
pub mod content;
pub mod dates;
pub mod jsonld;
pub mod metadata;
pub mod normalize;
pub mod patterns;
mod prescan;
pub mod quotes;
mod tagset;

use scraper::Html;

use crate::error::{Error, Result};
use crate::model::Article;

/// What is known about a page from outside it (a WARC record, an MHTML header,
/// a "saved from" comment).
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// The URL the page was saved from.
    pub url: Option<String>,
}

/// Extracts the article from a page's text.
pub fn read(html: &str, hints: &Hints) -> Result<Article> {
    let html = prescan::bound(html)?;
    let dom = Html::parse_document(&html);
    let mut article = metadata::extract(&dom, hints);
    let body = content::extract(&dom, &article);
    if article.subtitle.is_none() {
        article.subtitle = body.standfirst;
    }
    normalize::finish(&mut article, body.blocks);
    article.quotes = quotes::find(&article.blocks);
    if article.blocks.is_empty() {
        return Err(Error::NoArticle);
    }
    Ok(article)
}
