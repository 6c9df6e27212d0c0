//! What a template sees for one article: every field of the article JSON
//! under its JSON name (`headline`, `published`, `blocks`, `quotes`…), plus
//! the body already rendered (`body_html`, sanitized; `body_markdown`) and
//! the lead image as a `data:` URI or a copy's path (`lead_image`) when it
//! is local and the body does not show it, and whether images are copies
//! beside the output rather than embedded (`image_files`).

use std::collections::BTreeMap;

use minijinja::Value;
use minijinja::value::Serde;

use super::body;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::model::Article;
use crate::write::blocks_below_header;
use crate::write::images::Images;
use crate::write::markdown;

/// The context of one article. `anchor`, when given, is the article's id on a
/// page of several (`anchor` in the context) and prefixes its heading ids.
/// Blocks, quotes and `body_markdown` are left empty when `reads` says the
/// template does not read them.
pub fn article(
    doc: &Document,
    anchor: Option<&str>,
    images: &mut Images,
    reads: &dyn Fn(&str) -> bool,
) -> Result<Value> {
    let json = if reads("blocks") || reads("quotes") {
        serde_json::to_value(&doc.article)
    } else {
        serde_json::to_value(head(&doc.article))
    };
    let serde_json::Value::Object(fields) = json.map_err(|err| Error::Internal(err.to_string()))?
    else {
        return Err(Error::Internal(
            "an article serializes to a JSON object".into(),
        ));
    };
    let prefix = anchor.map(|a| format!("{a}-")).unwrap_or_default();
    let body = body::render(doc, &prefix, images);
    let lead_image = doc
        .article
        .image
        .as_deref()
        .filter(|src| !body.shown.iter().any(|shown| shown == src.trim()))
        .and_then(|src| images.html_src(&doc.assets, src));
    let mut entries: Vec<(String, Value)> = fields
        .into_iter()
        .map(|(key, value)| (key, Value::from(Serde(value))))
        .collect();
    if !entries.iter().any(|(key, _)| key == "provenance") {
        entries.push((
            "provenance".into(),
            Value::from(Serde(serde_json::Map::new())),
        ));
    }
    entries.extend([
        ("body_html".into(), Value::from_safe_string(body.html)),
        (
            "body_markdown".into(),
            Value::from(if reads("body_markdown") {
                body_markdown(&doc.article)
            } else {
                String::new()
            }),
        ),
        ("image_files".into(), Value::from(images.copied_beside())),
        (
            "lead_image".into(),
            lead_image.map_or(Value::from(()), Value::from_safe_string),
        ),
    ]);
    if let Some(anchor) = anchor {
        entries.push(("anchor".into(), Value::from(anchor)));
    }
    Ok(Value::from(
        entries.into_iter().collect::<BTreeMap<String, Value>>(),
    ))
}

/// The article without its blocks and quotes.
fn head(article: &Article) -> Article {
    Article {
        headline: article.headline.clone(),
        kicker: article.kicker.clone(),
        subtitle: article.subtitle.clone(),
        byline: article.byline.clone(),
        authors: article.authors.clone(),
        published: article.published.clone(),
        modified: article.modified.clone(),
        site_name: article.site_name.clone(),
        language: article.language.clone(),
        url: article.url.clone(),
        description: article.description.clone(),
        image: article.image.clone(),
        tags: article.tags.clone(),
        blocks: Vec::new(),
        quotes: Vec::new(),
        provenance: article.provenance.clone(),
        source: article.source.clone(),
    }
}

/// The body as the Markdown writer renders it, without the front matter and
/// headline (and without a first paragraph repeating the standfirst).
fn body_markdown(article: &Article) -> String {
    let body_only = Article {
        blocks: blocks_below_header(article).to_vec(),
        ..Article::default()
    };
    markdown::body(&body_only, &mut |src| Some(src.to_string()))
        .trim_start_matches('\n')
        .to_string()
}

/// An article with every field and every kind of block, which a template is
/// rendered over when it loads, so that its mistakes show before any work.
pub fn probe() -> Article {
    serde_json::from_str(include_str!("../../../templates/probe.json")).unwrap_or_default()
}
