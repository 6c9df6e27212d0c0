//! The article body as sanitized HTML (`body_html`): every block and inline
//! of the model is rendered here with its text escaped, so no markup from the
//! page passes through; links keep only `http(s)` and `mailto` targets and
//! images are embedded as `data:` URIs or linked to copies beside the output
//! (or left out with their caption).

use std::fmt::Write as _;

use super::markup::{escape, escape_into};
use crate::document::Document;
use crate::model::{Block, Inline};
use crate::sanitize::url::web_link;
use crate::write::blocks_below_header;
use crate::write::images::Images;
use crate::write::shared::list_item_inlines;
use crate::write::table_parts::table_html;

/// The rendered body and the images it shows.
#[derive(Debug, Default)]
pub struct Body {
    /// The HTML fragment.
    pub html: String,
    /// Sources of the images embedded, so the lead image is not shown twice.
    pub shown: Vec<String>,
}

/// Renders the blocks under the header; subheadings get ids `{prefix}s1`,
/// `{prefix}s2`… so several articles can share a page.
pub fn render(doc: &Document, prefix: &str, images: &mut Images) -> Body {
    let mut writer = BodyWriter {
        doc,
        prefix,
        images,
        body: Body::default(),
        headings: 0,
        last_level: 1,
    };
    for block in blocks_below_header(&doc.article) {
        writer.block(block);
    }
    writer.body
}

struct BodyWriter<'a> {
    doc: &'a Document,
    prefix: &'a str,
    images: &'a mut Images,
    body: Body,
    headings: usize,
    /// Level of the previous heading (the headline is 1): the outline never
    /// skips a level.
    last_level: u8,
}

impl BodyWriter<'_> {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph { text, inlines } => {
                let html = match inlines.as_deref() {
                    Some(inlines) if !inlines.is_empty() => inline_html(inlines),
                    _ => escape(text.trim()),
                };
                self.element("p", "", &html);
            }
            Block::Heading { text, level } => {
                if text.trim().is_empty() {
                    return;
                }
                let level = (*level).clamp(2, 6).min(self.last_level + 1);
                self.last_level = level;
                self.headings += 1;
                let attrs = format!(" id=\"{}s{}\"", escape(self.prefix), self.headings);
                self.element(&format!("h{level}"), &attrs, &escape(text.trim()));
            }
            Block::Quote { text, cite } => self.quote(text, cite.as_deref()),
            Block::List {
                ordered,
                items,
                item_inlines,
                ..
            } => {
                let items: String = list_item_inlines(items, item_inlines.as_deref())
                    .iter()
                    .map(|item| inline_html(item).trim().to_string())
                    .filter(|item| !item.is_empty())
                    .map(|item| format!("<li>{item}</li>\n"))
                    .collect();
                if !items.is_empty() {
                    let tag = if *ordered { "ol" } else { "ul" };
                    self.element(tag, "", &format!("\n{items}"));
                }
            }
            Block::Image {
                text,
                src,
                alt,
                caption,
            } => self.figure(src, alt, caption.as_deref().unwrap_or(text)),
            Block::Code { text, language } => {
                let class: String = language
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let attrs = if class.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"language-{}\"", class.to_ascii_lowercase())
                };
                if !text.trim().is_empty() {
                    let code = format!("<code{attrs}>{}</code>", escape(text.trim_end()));
                    self.element("pre", "", &code);
                }
            }
            Block::Table {
                rows,
                header_rows,
                footer_rows,
                ..
            } => self.table(rows, *header_rows, *footer_rows),
            Block::Rule { .. } => self.body.html.push_str("<hr>\n"),
        }
    }

    /// `<tag attrs>inner</tag>` on its own line, unless `inner` is blank.
    fn element(&mut self, tag: &str, attrs: &str, inner: &str) {
        if !inner.trim().is_empty() {
            let _ = writeln!(self.body.html, "<{tag}{attrs}>{inner}</{tag}>");
        }
    }

    fn quote(&mut self, text: &str, cite: Option<&str>) {
        let lines: String = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| format!("<p>{}</p>\n", escape(line)))
            .collect();
        if lines.is_empty() {
            return;
        }
        let quote = format!("<blockquote>\n{lines}</blockquote>\n");
        match cite.map(str::trim).filter(|c| !c.is_empty()) {
            Some(cite) => {
                let caption = format!("<figcaption>— {}</figcaption>\n", escape(cite));
                self.element("figure", " class=\"quote\"", &format!("\n{quote}{caption}"));
            }
            None => self.body.html.push_str(&quote),
        }
    }

    /// A figure when the image can be embedded; otherwise its caption alone.
    fn figure(&mut self, src: &str, alt: &str, caption: &str) {
        let caption = escape(caption.trim());
        let Some(uri) = self.images.html_src(&self.doc.assets, src) else {
            self.element("p", " class=\"caption\"", &caption);
            return;
        };
        let mut inner = format!("\n<img src=\"{uri}\" alt=\"{}\">\n", escape(alt.trim()));
        if !caption.is_empty() {
            let _ = writeln!(inner, "<figcaption>{caption}</figcaption>");
        }
        self.element("figure", "", &inner);
        self.body.shown.push(src.trim().to_string());
    }

    /// A table; its first row is the header when there is more than one row.
    fn table(&mut self, rows: &[Vec<String>], header_rows: usize, footer_rows: usize) {
        if rows.iter().all(Vec::is_empty) {
            return;
        }
        let inner = table_html(rows, header_rows, footer_rows, escape);
        self.element("table", "", &inner);
    }
}

/// Rich text: emphasis, strong, code, breaks, and links with a clean target
/// (any other link keeps its text only).
fn inline_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        let (tag, children) = match inline {
            Inline::Text { text } => {
                escape_into(&mut out, text);
                continue;
            }
            Inline::Code { text } => {
                let _ = write!(out, "<code>{}</code>", escape(text));
                continue;
            }
            Inline::Break => {
                out.push_str("<br>");
                continue;
            }
            Inline::Emphasis { children } => ("em", children),
            Inline::Strong { children } => ("strong", children),
            Inline::Link { href, children } => match web_link(href) {
                Some(href) => {
                    let _ = write!(
                        out,
                        "<a href=\"{}\">{}</a>",
                        escape(&href),
                        inline_html(children)
                    );
                    continue;
                }
                None => ("", children),
            },
        };
        match tag {
            "" => out.push_str(&inline_html(children)),
            tag => {
                let _ = write!(out, "<{tag}>{}</{tag}>", inline_html(children));
            }
        }
    }
    out
}
