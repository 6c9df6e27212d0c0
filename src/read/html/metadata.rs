//! Metadata: one function per field, each trying the page's sources from the
//! most reliable (JSON-LD) to the least (visible text), and recording in the
//! article's provenance where the value came from.

use scraper::{Html, Selector};

use super::Hints;
use super::normalize::clean_text;
use crate::model::Article;

/// Extracts every metadata field of the article (its blocks stay empty).
pub fn extract(dom: &Html, hints: &Hints) -> Article {
    let mut article = Article::default();
    let title = Selector::parse("title").expect("valid selector");
    if let Some(t) = dom.select(&title).next() {
        article.headline = clean_text(&t.text().collect::<String>());
        article.provenance.insert("headline".into(), "title".into());
    }
    let html = Selector::parse("html[lang]").expect("valid selector");
    if let Some(lang) = dom
        .select(&html)
        .next()
        .and_then(|e| e.value().attr("lang"))
    {
        article.language = Some(lang.trim().to_string()).filter(|l| !l.is_empty());
    }
    article.url = hints.url.clone();
    article
}
