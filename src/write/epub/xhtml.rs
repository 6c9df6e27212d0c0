//! The EPUB's XHTML content documents, generated from the model: an article
//! chapter (heading block, body blocks, source line), and a bundle's title
//! and contents pages.
//!
//! No markup from the page is ever copied: every string is escaped here, and
//! links keep only `http`, `https` and `mailto` targets, so the output cannot
//! carry a script, a form, an event handler or a `javascript:` URL.

use std::fmt::Write as _;

use minijinja::Value;

use super::media::{Media, Placed};
use crate::document::Document;
use crate::error::Result;
use crate::model::{Block, Inline};
use crate::sanitize::url::web_link;
use crate::write::edition;
use crate::write::language::{self, Words};
use crate::write::language::{is_rtl, language};
use crate::write::shared::blocks_below_header;
use crate::write::shared::list_item_inlines;
use crate::write::table_parts::table_html;
use crate::write::template::Template;
use crate::write::{Cause, Warning};

/// Where the stylesheet sits relative to the documents in `text/`.
const STYLESHEET_HREF: &str = "../style.css";

/// Headline shown when an article has none.
const UNTITLED: &str = "Untitled article";

/// A subheading the navigation lists.
#[derive(Debug, Clone)]
pub struct Section {
    /// Its `id` in the chapter.
    pub id: String,
    /// Its text.
    pub title: String,
}

/// One rendered article.
#[derive(Debug)]
pub struct Chapter {
    /// The headline (or [`UNTITLED`]).
    pub title: String,
    /// Its language tag.
    pub lang: String,
    /// The byline, when known.
    pub byline: Option<String>,
    /// The site, when known.
    pub site: Option<String>,
    /// The article's second-level subheadings, for the navigation.
    pub sections: Vec<Section>,
    /// The whole XHTML document.
    pub xhtml: String,
    /// Images not embedded, for the warning.
    pub dropped: Dropped,
    /// The first image the body shows, as embedded.
    pub first_image: Option<String>,
}

/// Images left out of a chapter, one warning each.
#[derive(Debug, Default, Clone)]
pub struct Dropped(Vec<Warning>);

impl Dropped {
    /// The warnings for an article's images left out.
    pub fn warnings(&self) -> Vec<Warning> {
        self.0.clone()
    }
}

/// Renders one article as a chapter, embedding its images into `media`.
pub fn chapter(page: &Template, doc: &Document, media: &mut Media) -> Result<Chapter> {
    let article = &doc.article;
    let lang = language(article);
    let title = non_empty(&article.headline).unwrap_or(UNTITLED).to_string();
    let mut body = Body {
        doc,
        media,
        out: String::new(),
        sections: Vec::new(),
        dropped: Dropped::default(),
        shown: Vec::new(),
        last_level: 1,
        next_id: 0,
    };
    for block in blocks_below_header(article) {
        body.block(block);
    }
    let lead = lead_figure(doc, body.media, &body.shown);
    let Body {
        out: blocks,
        sections,
        dropped,
        shown,
        ..
    } = body;

    let mut x = String::new();
    x.push_str("<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"title\">\n");
    x.push_str("<header class=\"masthead\">\n");
    if let Some(site) = article.site_name.as_deref().and_then(non_empty) {
        let _ = writeln!(x, "<p class=\"site\">{}</p>", esc(site));
    }
    if let Some(kicker) = article.kicker.as_deref().and_then(non_empty) {
        let _ = writeln!(x, "<p class=\"kicker\">{}</p>", esc(kicker));
    }
    let _ = writeln!(x, "<h1 id=\"title\">{}</h1>", esc(&title));
    if let Some(subtitle) = article.subtitle.as_deref().and_then(non_empty) {
        let _ = writeln!(x, "<p class=\"subtitle\">{}</p>", esc(subtitle));
    }
    if let Some(byline) = byline(doc) {
        let _ = writeln!(x, "<p class=\"byline\">{}</p>", esc(&byline));
    }
    if let Some(dates) = dates_line(doc, &lang) {
        let _ = writeln!(x, "<p class=\"dates\">{dates}</p>");
    }
    x.push_str(&lead);
    x.push_str("</header>\n");
    x.push_str(&blocks);
    if let Some(href) = article.url.as_deref().and_then(web_link) {
        let _ = writeln!(
            x,
            "<footer class=\"source\">\n<p>{} <a href=\"{}\">{}</a></p>\n</footer>",
            edition_words(
                edition::words_for(article).source,
                edition::words_for(article),
                &lang
            ),
            esc(&href),
            esc(article.url.as_deref().unwrap_or_default().trim())
        );
    }
    x.push_str("</section>\n");

    Ok(Chapter {
        xhtml: document(page, &title, &lang, &x)?,
        title,
        lang,
        byline: byline(doc),
        site: article
            .site_name
            .as_deref()
            .and_then(non_empty)
            .map(str::to_string),
        sections,
        dropped,
        first_image: shown.into_iter().next(),
    })
}

/// The lead image, shown under the heading when the body does not already
/// show it.
fn lead_figure(doc: &Document, media: &mut Media, shown: &[String]) -> String {
    let Some(src) = doc.article.image.as_deref().and_then(non_empty) else {
        return String::new();
    };
    match media.place(&doc.assets, src) {
        Placed::Embedded(href) if !shown.contains(&href) => format!(
            "<figure class=\"lead\">\n<img src=\"../{}\" alt=\"\" role=\"presentation\"/>\n</figure>\n",
            esc(&href)
        ),
        _ => String::new(),
    }
}

/// The byline as displayed, or the authors joined.
fn byline(doc: &Document) -> Option<String> {
    let article = &doc.article;
    article
        .byline
        .as_deref()
        .and_then(non_empty)
        .map(str::to_string)
        .or_else(|| (!article.authors.is_empty()).then(|| article.authors.join(", ")))
}

/// "5 February 2020 · updated 6 February 2020" in the article's language,
/// with machine-readable times in the page's own offset; the neutral words
/// are marked as English on a page in another language.
fn dates_line(doc: &Document, lang: &str) -> Option<String> {
    let words = edition::words_for(&doc.article);
    edition::dates_line(
        &doc.article,
        words,
        |text| edition_words(text, words, lang),
        |s, shown| format!("<time datetime=\"{}\">{shown}</time>", edition::datetime(s)),
    )
}

/// The contents page's title in the edition's language, and the attributes
/// that mark it as English when galley does not know that language.
pub fn contents_title(lang: &str) -> (&'static str, String) {
    let words = language::words(lang);
    let attrs = if words.is_neutral() {
        ui(lang)
    } else {
        String::new()
    };
    (words.contents, attrs)
}

/// Words galley writes in the article's language; the neutral (English)
/// ones are marked as English on a page in another language.
fn edition_words(text: &str, words: &Words, page_lang: &str) -> String {
    if words.is_neutral() {
        ui_words(text, page_lang)
    } else {
        esc(text)
    }
}

/// State while rendering the body blocks of one article.
struct Body<'a> {
    doc: &'a Document,
    media: &'a mut Media,
    out: String,
    sections: Vec<Section>,
    dropped: Dropped,
    /// Image hrefs already shown in the body.
    shown: Vec<String>,
    /// Level of the previous heading (the headline is 1): a subheading goes
    /// at most one level deeper, so the outline never skips a level.
    last_level: u8,
    next_id: usize,
}

impl Body<'_> {
    fn block(&mut self, block: &Block) {
        let out = &mut self.out;
        match block {
            Block::Paragraph { text, inlines } => {
                let html = match inlines {
                    Some(inlines) if !inlines.is_empty() => render_inlines(inlines),
                    _ => esc(text.trim()),
                };
                if !html.trim().is_empty() {
                    let _ = writeln!(out, "<p>{html}</p>");
                }
            }
            Block::Heading { text, level } => {
                let Some(text) = non_empty(text) else {
                    return;
                };
                let level = (*level).clamp(2, 6).min(self.last_level + 1);
                self.last_level = level;
                self.next_id += 1;
                let id = format!("s{}", self.next_id);
                let _ = writeln!(out, "<h{level} id=\"{id}\">{}</h{level}>", esc(text));
                if level == 2 {
                    self.sections.push(Section {
                        id,
                        title: text.to_string(),
                    });
                }
            }
            Block::Quote { text, cite } => {
                let paragraphs = paragraphs(text);
                if paragraphs.is_empty() {
                    return;
                }
                let cite = cite.as_deref().and_then(non_empty);
                if cite.is_some() {
                    out.push_str("<figure class=\"quote\">\n");
                }
                let _ = writeln!(out, "<blockquote>\n{paragraphs}</blockquote>");
                if let Some(cite) = cite {
                    let _ = writeln!(out, "<figcaption>— {}</figcaption>\n</figure>", esc(cite));
                }
            }
            Block::List {
                ordered,
                items,
                item_inlines,
                ..
            } => {
                let items: Vec<String> = list_item_inlines(items, item_inlines.as_deref())
                    .iter()
                    .map(|i| render_inlines(i).trim().to_string())
                    .filter(|i| !i.is_empty())
                    .collect();
                if items.is_empty() {
                    return;
                }
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = writeln!(out, "<{tag}>");
                for item in items {
                    let _ = writeln!(out, "<li>{item}</li>");
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Image {
                text,
                src,
                alt,
                caption,
            } => self.image(src, alt, caption.as_deref().unwrap_or(text)),
            Block::Code { text, language } => {
                let class = language
                    .as_deref()
                    .map(|l| {
                        l.chars()
                            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                            .collect::<String>()
                    })
                    .filter(|l| !l.is_empty())
                    .map(|l| format!(" class=\"language-{}\"", l.to_ascii_lowercase()))
                    .unwrap_or_default();
                if !text.trim().is_empty() {
                    let _ = writeln!(
                        out,
                        "<pre><code{class}>{}</code></pre>",
                        esc(text.trim_end())
                    );
                }
            }
            Block::Table {
                rows,
                header_rows,
                footer_rows,
                ..
            } => table(out, rows, *header_rows, *footer_rows),
            Block::Rule { .. } => out.push_str("<hr/>\n"),
        }
    }

    /// A figure when the image can be embedded; otherwise only its caption.
    fn image(&mut self, src: &str, alt: &str, caption: &str) {
        let caption = caption.trim();
        let placed = self.media.place(&self.doc.assets, src.trim());
        let out = &mut self.out;
        match placed {
            Placed::Embedded(href) => {
                let alt = alt.trim();
                let alt_attr = if alt.is_empty() {
                    "alt=\"\" role=\"presentation\"".to_string()
                } else {
                    format!("alt=\"{}\"", esc(alt))
                };
                let _ = writeln!(out, "<figure>\n<img src=\"../{}\" {alt_attr}/>", esc(&href));
                if !caption.is_empty() {
                    let _ = writeln!(out, "<figcaption>{}</figcaption>", esc(caption));
                }
                out.push_str("</figure>\n");
                self.shown.push(href);
            }
            dropped => {
                let cause = match dropped {
                    Placed::Remote => Cause::RemoteImage,
                    Placed::Missing => Cause::MissingImage,
                    _ => Cause::UnshownImage,
                };
                self.dropped.0.push(Warning::new(cause, src.trim()));
                if !caption.is_empty() {
                    let _ = writeln!(out, "<p class=\"caption\">{}</p>", esc(caption));
                }
            }
        }
    }
}

/// Lines of a quotation as paragraphs.
fn paragraphs(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("<p>{}</p>\n", esc(l)))
        .collect()
}

/// A table; its first row is the header when there is more than one row.
fn table(out: &mut String, rows: &[Vec<String>], header_rows: usize, footer_rows: usize) {
    if rows.iter().all(Vec::is_empty) {
        return;
    }
    let inner = table_html(rows, header_rows, footer_rows, esc);
    let _ = writeln!(out, "<table>{inner}</table>");
}

/// Rich text: emphasis, strong, code, breaks, and links with safe targets
/// (others keep their text only).
fn render_inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(&esc(text)),
            Inline::Emphasis { children } => {
                let _ = write!(out, "<em>{}</em>", render_inlines(children));
            }
            Inline::Strong { children } => {
                let _ = write!(out, "<strong>{}</strong>", render_inlines(children));
            }
            Inline::Code { text } => {
                let _ = write!(out, "<code>{}</code>", esc(text));
            }
            Inline::Break => out.push_str("<br/>"),
            Inline::Link { href, children } => match web_link(href) {
                Some(href) => {
                    let _ = write!(
                        out,
                        "<a href=\"{}\">{}</a>",
                        esc(&href),
                        render_inlines(children)
                    );
                }
                None => out.push_str(&render_inlines(children)),
            },
        }
    }
    out
}

/// The title page of an edition: its title, date range and article count
/// (in `words`, the articles' common language, marked as English when
/// neutral).
pub fn title_page(
    page: &Template,
    title: &str,
    range: Option<&str>,
    count: usize,
    words: &Words,
    lang: &str,
) -> Result<String> {
    let mut x = String::from("<section epub:type=\"titlepage\" class=\"titlepage\">\n");
    let _ = writeln!(x, "<h1>{}</h1>", esc(title));
    if let Some(range) = range {
        let _ = writeln!(x, "<p class=\"dates\">{}</p>", esc(range));
    }
    let attrs = if words.is_neutral() {
        ui(lang)
    } else {
        String::new()
    };
    let _ = writeln!(
        x,
        "<p class=\"count\"{attrs}>{}</p>",
        esc(&words.articles(count))
    );
    x.push_str("</section>\n");
    document(page, title, lang, &x)
}

/// The contents page of an edition: every article with its byline and site.
pub fn contents_page(
    page: &Template,
    chapters: &[(String, &Chapter)],
    lang: &str,
) -> Result<String> {
    let mut x = format!(
        "<section epub:type=\"toc\" role=\"doc-toc\" class=\"contents\" aria-labelledby=\"contents\">\n<h1 id=\"contents\"{}>{}</h1>\n<ol>\n",
        contents_title(lang).1,
        esc(contents_title(lang).0)
    );
    for (file, chapter) in chapters {
        let _ = write!(
            x,
            "<li{}><a href=\"{}\">{}</a>",
            item_lang(&chapter.lang, lang),
            esc(file.trim_start_matches("text/")),
            esc(&chapter.title)
        );
        let credit: Vec<&str> = [chapter.byline.as_deref(), chapter.site.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !credit.is_empty() {
            let _ = write!(
                x,
                "<br/><span class=\"byline\">{}</span>",
                esc(&credit.join(" — "))
            );
        }
        x.push_str("</li>\n");
    }
    x.push_str("</ol>\n</section>\n");
    document(page, contents_title(lang).0, lang, &x)
}

/// Attributes marking the words galley itself writes ("Contents",
/// "Updated", "Source:") as English on a page in another language.
pub fn ui(page_lang: &str) -> String {
    if page_lang
        .split('-')
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("en"))
    {
        return String::new();
    }
    let dir = if is_rtl(page_lang) {
        " dir=\"ltr\""
    } else {
        ""
    };
    format!(" lang=\"en\" xml:lang=\"en\"{dir}")
}

/// Words galley writes, marked as English when the page is not.
fn ui_words(words: &str, page_lang: &str) -> String {
    match ui(page_lang) {
        attrs if attrs.is_empty() => words.to_string(),
        attrs => format!("<span{attrs}>{words}</span>"),
    }
}

/// Attributes giving an item its own language (and direction) when it
/// differs from its page's.
pub fn item_lang(lang: &str, page_lang: &str) -> String {
    if lang == page_lang {
        return String::new();
    }
    let dir = match (is_rtl(lang), is_rtl(page_lang)) {
        (true, false) => " dir=\"rtl\"",
        (false, true) => " dir=\"ltr\"",
        _ => "",
    };
    format!(" lang=\"{0}\" xml:lang=\"{0}\"{dir}", esc(lang))
}

/// A complete XHTML content document around `body`, through the built-in
/// template `epub/page.xhtml.j2`; the values are escaped here, for XML.
fn document(page: &Template, title: &str, lang: &str, body: &str) -> Result<String> {
    let context = minijinja::context! {
        title => Value::from_safe_string(esc(title)),
        lang => Value::from_safe_string(esc(lang)),
        rtl => is_rtl(lang),
        stylesheet => STYLESHEET_HREF,
        body => Value::from_safe_string(body.to_string()),
    };
    page.render_context(context)
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0
/// cannot hold.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `Some(s)` when `s` has visible characters.
pub fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_drops_invalid_xml_characters() {
        assert_eq!(esc("a<b>&\"\u{1}c"), "a&lt;b&gt;&amp;&quot;c");
    }
}
