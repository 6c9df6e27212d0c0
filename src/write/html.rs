//! The HTML edition (`--to html`): one self-contained page per article,
//! rendered through the built-in templates `html/article.html.j2` (the page)
//! and `html/article-section.html.j2` (the article), with the stylesheet
//! inline, images as `data:` URIs, no script and no remote reference. A
//! bundle (`--bundle FILE.html`) is one page: the edition's title, a table of
//! contents, then every article.

use minijinja::Value;

use super::images::Images;
use super::template;
use super::template::builtins::{HTML_ARTICLE, HTML_BUNDLE, HTML_SECTION};
use super::{Output, Spec, WriteOptions, Writer};
use crate::document::Document;
use crate::error::Result;

/// The title of a bundle when `--title` gives none.
const DEFAULT_EDITION_TITLE: &str = "galley edition";

/// `--to html` and `--bundle FILE.html`.
pub struct Html;

impl Writer for Html {
    fn spec(&self) -> &'static Spec {
        &Spec {
            name: "html",
            extension: "html",
            about: "one self-contained HTML page: images embedded, no script, no remote request",
            text: true,
            bundles: true,
        }
    }
    fn write(&self, doc: &Document, options: &WriteOptions) -> Result<Output> {
        options.template(HTML_ARTICLE)?.render_with(doc, options)
    }
    fn write_bundle(&self, docs: &[Document], options: &WriteOptions) -> Result<Output> {
        bundle(docs, options)
    }
}

/// Many articles on one page, with a table of contents.
fn bundle(docs: &[Document], options: &WriteOptions) -> Result<Output> {
    let (section, page) = (
        options.template(HTML_SECTION)?,
        options.template(HTML_BUNDLE)?,
    );
    let mut articles = Vec::with_capacity(docs.len());
    let mut images = Images::embedded();
    for (n, doc) in docs.iter().enumerate() {
        let anchor = format!("article-{}", n + 1);
        let reads = |v: &str| section.reads(v) || page.reads(v);
        let context = template::article_context(doc, Some(&anchor), &mut images, &reads)?;
        let html = section.render_context(context.clone())?;
        let section = Value::from_safe_string(html);
        articles.push(minijinja::context! { section, ..context });
    }
    let title = options
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(DEFAULT_EDITION_TITLE);
    let language = docs.first().and_then(|d| d.article.language.clone());
    let context = minijinja::context! { title, language, articles };
    Ok(Output {
        bytes: page.render_context(context)?.into_bytes(),
        warnings: images.warnings(),
        ..Output::default()
    })
}
