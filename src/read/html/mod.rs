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
//!    it into blocks; when the page shows too little of the text its JSON-LD
//!    gives as the article's (`articleBody`), that text is the body;
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
use crate::model::{Article, Block};

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
    let metadata::Metadata {
        mut article,
        linked_body,
    } = metadata::extract(dom, hints);
    let mut body = content::extract(dom, &article);
    // The raw text is at least as long as what it reads as.
    if let Some(text) = linked_body.filter(|t| content::shows_little_of(&body, t.chars().count())) {
        let linked = linked_blocks(&text, &article);
        if content::shows_little_of(&body, content::text_chars(&linked)) {
            body.blocks = content::with_linked_text(&body, linked, &article);
            article
                .provenance
                .insert("blocks".into(), "json-ld:articleBody".into());
        }
    }
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

/// The blocks of an article's text as its linked data gives it: HTML is
/// read as a page is (bounded, parsed, its body chosen), plain text is a
/// paragraph a line.
fn linked_blocks(text: &str, meta: &Article) -> Vec<Block> {
    if !holds_markup(text) {
        return text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(Block::paragraph)
            .collect();
    }
    let Ok(page) = prescan::bound(text) else {
        return Vec::new();
    };
    let mut linked = Article {
        blocks: content::extract(&parse(&page.html, page.tags), meta).blocks,
        ..Article::default()
    };
    page.lifted.restore(&mut linked);
    linked.blocks
}

/// Whether text holds HTML tags (a `<` before a letter, `/` or `!`).
fn holds_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!')))
}

/// Parses a page into a tree with room for `nodes` nodes from the start, so
/// the tree is not regrown (and copied) again and again as the parser fills it.
fn parse(html: &str, nodes: usize) -> Html {
    let mut document = Html::new_document();
    document.tree = ego_tree::Tree::with_capacity(Node::Document, nodes);
    html5ever::parse_document(HtmlTreeSink::new(document), Default::default()).one(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: [&str; 4] = [
        "The council voted on Tuesday to fund the new bridge over the river, ending a quarrel that had lasted for most of the decade.",
        "The mayor said the vote settles who pays for it: the city, the county and the port, in shares agreed after a long night of talks.",
        "Work starts in the spring and should end before the winter of the year after, when the old ferry will stop running for good.",
        "Opponents said the county should have paid a larger share, and that the port gets a bridge it will use more than anyone else.",
    ];

    /// A page with this body and JSON-LD whose `articleBody` is `linked`
    /// (`</` written `<\/`, as pages do, so that no end tag ends the script).
    fn page(body: &str, linked: &str) -> String {
        let ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Council funds the bridge",
            "articleBody": linked,
        })
        .to_string()
        .replace("</", "<\\/");
        format!(
            "<html><head><title>Council funds the bridge</title>\
             <meta name=\"description\" content=\"The council voted to fund the bridge.\">\
             <script type=\"application/ld+json\">{ld}</script></head>\
             <body><h1>Council funds the bridge</h1>{body}</body></html>"
        )
    }

    fn texts(article: &Article) -> Vec<&str> {
        article.blocks.iter().map(Block::text).collect()
    }

    #[test]
    fn a_teaser_page_gives_the_article_its_linked_data_holds() {
        let teaser = "<p>The council voted to fund the bridge.</p>\
            <p>Subscribe to read the whole story, from one euro a month.</p>";
        let article = read(&page(teaser, &LINES.join("\n")), &Hints::default()).unwrap();
        let mut want = vec!["The council voted to fund the bridge."];
        want.extend(LINES);
        assert_eq!(texts(&article), want);
        assert_eq!(
            article.provenance.get("blocks").map(String::as_str),
            Some("json-ld:articleBody")
        );
    }

    #[test]
    fn linked_data_in_html_is_read_as_a_page_is() {
        let html: String = LINES.iter().map(|l| format!("<p>{l}</p>")).collect();
        let linked = format!("{html}<script>alert('never text')</script>");
        let article = read(&page("", &linked), &Hints::default()).unwrap();
        assert_eq!(texts(&article), LINES);
    }

    #[test]
    fn a_page_that_shows_its_article_keeps_its_own_body() {
        let body: String = LINES
            .iter()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
            + "<p>A closing line <a href=\"https://example.org/map\">with a map</a>.</p>";
        let article = read(&page(&body, &LINES.join("\n")), &Hints::default()).unwrap();
        assert_eq!(texts(&article).len(), 5);
        assert!(!article.provenance.contains_key("blocks"));
    }
}
