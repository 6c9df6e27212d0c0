//! The HTML extractor: a saved news page in, one [`Article`] out.
//!
//! A short pipeline of named stages:
//! 1. [`prescan`]: bound the page (absurd nesting flattened, unread markup
//!    dropped, large [`data_uri`]s lifted out), then parse it (html5ever,
//!    through scraper);
//! 2. [`metadata`]: headline, byline, dates and the rest, most reliable source
//!    first, from one walk that collects every candidate;
//! 3. [`flat_page`]: flatten the page into items with their counts;
//!    [`content`] scores them and chooses the article body; [`blocks`] turns
//!    it into blocks;
//! 4. [`normalize`]: clean the blocks (placeholders, repeated lead, quote marks);
//!    [`invisible`]: drop soft hyphens and other invisible characters;
//! 5. [`quotes`]: find the direct quotations and their speakers.
//!
//! [`patterns`] holds every selector, word list, weight and threshold;
//! [`jsonld`] reads the page's linked data, [`dates`] the dates it writes.

pub mod blocks;
pub mod content;
mod data_uri;
pub mod dates;
mod flat_page;
mod invisible;
pub mod jsonld;
pub mod learned;
pub mod metadata;
pub mod normalize;
pub mod patterns;
mod prescan;
pub mod quotes;
mod tagset;
mod word_set;

use html5ever::tendril::TendrilSink;
use scraper::{Html, HtmlTreeSink, Node};

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
    let page = prescan::bound(html)?;
    let mut article = extract(&parse(&page.html, page.tags), hints)?;
    page.lifted.restore(&mut article);
    Ok(article)
}

/// Extracts the article from a parsed page.
fn extract(dom: &Html, hints: &Hints) -> Result<Article> {
    let mut article = metadata::extract(dom, hints);
    let body = content::extract(dom, &article);
    if article.subtitle.is_none() {
        article.subtitle = body.standfirst;
    }
    normalize::finish(&mut article, body.blocks);
    invisible::strip(&mut article);
    article.normalize_heading_levels();
    article.quotes = quotes::find(&article.blocks);
    if article.blocks.is_empty() {
        return Err(Error::NoArticle);
    }
    Ok(article)
}

/// Parses a page into a tree with room for `nodes` nodes from the start, so
/// the tree is not regrown (and copied) again and again as the parser fills it.
fn parse(html: &str, nodes: usize) -> Html {
    let mut document = Html::new_document();
    document.tree = ego_tree::Tree::with_capacity(Node::Document, nodes);
    html5ever::parse_document(HtmlTreeSink::new(document), Default::default()).one(html)
}
