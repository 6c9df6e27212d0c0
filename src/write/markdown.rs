//! The Markdown writer: YAML front matter with the article's metadata (the
//! built-in template `markdown/front-matter.md.j2`), then the headline and the
//! body as CommonMark (GitHub tables where needed).
//!
//! Every string in the front matter is written double-quoted with JSON
//! escapes, which YAML 1.2 reads back unchanged: no value can be mistyped as a
//! date, a boolean or a number. Local images are copied into `NAME_images/`
//! beside the output; other sources are linked absolutely (see
//! [`Images::markdown_src`]), so no link dangles.

use std::fmt::Write as _;

use super::images::Images;
use super::shared::list_item_inlines;
use super::template::builtins::MARKDOWN_FRONT_MATTER;
use super::{Output, Spec, WriteOptions, Writer};
use crate::document::Document;
use crate::error::Result;
use crate::model::{Article, Block, Inline};

/// Where an image's link points, or `None` to leave the image out.
pub type ImageSrc<'a> = dyn FnMut(&str) -> Option<String> + 'a;

/// `--to md`.
pub struct Markdown;

impl Writer for Markdown {
    fn spec(&self) -> &'static Spec {
        &Spec {
            name: "md",
            extension: "md",
            about: "CommonMark with YAML front matter",
            text: true,
            bundles: false,
        }
    }
    fn write(&self, doc: &Document, options: &WriteOptions) -> Result<Output> {
        let article = &doc.article;
        let mut images = Images::beside(options.output_stem.as_deref());
        let mut out = front_matter(article, options)?;
        out.push_str(&body(article, &mut |src| {
            images.markdown_src(&doc.assets, src, article.url.as_deref())
        }));
        let warnings = images.warnings();
        Ok(Output {
            bytes: out.into_bytes(),
            attachments: images.into_attachments(),
            warnings,
        })
    }
}

/// The headline and the body, each block after a blank line; `image_src`
/// gives each image's link.
pub fn body(article: &Article, image_src: &mut ImageSrc) -> String {
    let mut out = String::new();
    if !article.headline.is_empty() {
        out.push_str("\n# ");
        out.push_str(&escape_line(&article.headline));
        out.push('\n');
    }
    for block in &article.blocks {
        let rendered = block_markdown(block, image_src);
        if !rendered.is_empty() {
            out.push('\n');
            out.push_str(&rendered);
            out.push('\n');
        }
    }
    out
}

/// The front matter, through its built-in template; it sees the article's
/// metadata under their JSON names.
fn front_matter(article: &Article, options: &WriteOptions) -> Result<String> {
    let context = minijinja::context! {
        kicker => &article.kicker,
        headline => &article.headline,
        subtitle => &article.subtitle,
        authors => &article.authors,
        published => &article.published,
        modified => &article.modified,
        site_name => &article.site_name,
        url => &article.url,
        language => &article.language,
        tags => &article.tags,
        description => &article.description,
    };
    options
        .template(MARKDOWN_FRONT_MATTER)?
        .render_context(context)
}

fn block_markdown(block: &Block, image_src: &mut ImageSrc) -> String {
    match block {
        Block::Paragraph { text, inlines } => match inlines {
            Some(inlines) => inlines_markdown(inlines),
            None => escape_text(text),
        },
        Block::Heading { text, level } => {
            format!(
                "{} {}",
                "#".repeat(usize::from((*level).clamp(2, 6))),
                escape_line(text)
            )
        }
        Block::Quote { text, cite } => quote_markdown(text, cite.as_deref()),
        Block::List {
            ordered,
            items,
            item_inlines,
            ..
        } => list_markdown(*ordered, &list_item_inlines(items, item_inlines.as_deref())),
        Block::Image {
            src, alt, caption, ..
        } => image_markdown(image_src(src).as_deref(), alt, caption.as_deref()),
        Block::Code { text, language } => {
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            let lang = language.as_deref().unwrap_or("");
            format!("{fence}{lang}\n{}\n{fence}", text.trim_end_matches('\n'))
        }
        Block::Table { rows, .. } => table_markdown(rows),
        Block::Rule { .. } => "---".to_string(),
    }
}

/// A block quote, each of its paragraphs (the lines of its text) apart,
/// its source after a dash.
fn quote_markdown(text: &str, cite: Option<&str>) -> String {
    let mut body = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("\n\n");
    if let Some(cite) = cite.filter(|c| !c.is_empty()) {
        body.push_str("\n\n— ");
        body.push_str(&escape_line(cite));
    }
    prefix_lines(&body, "> ", "> ")
}

/// A list, numbered or bulleted, items' further lines indented under them.
fn list_markdown(ordered: bool, items: &[Vec<Inline>]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let marker = if ordered {
                format!("{}. ", i + 1)
            } else {
                "- ".to_string()
            };
            let indent = " ".repeat(marker.len());
            prefix_lines(&inlines_markdown(item), &marker, &indent)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An image, its caption in italics on the next line; the caption alone
/// when the image is left out (`src` is `None`).
fn image_markdown(src: Option<&str>, alt: &str, caption: Option<&str>) -> String {
    let caption = caption
        .filter(|c| !c.is_empty())
        .map(|c| format!("*{}*", escape_line(c)));
    match (src, caption) {
        (Some(src), Some(caption)) => {
            format!("![{}]({})\\\n{caption}", escape_line(alt), link_target(src))
        }
        (Some(src), None) => format!("![{}]({})", escape_line(alt), link_target(src)),
        (None, caption) => caption.unwrap_or_default(),
    }
}

fn table_markdown(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let row_line = |row: &[String]| {
        let cells: Vec<String> = (0..width)
            .map(|i| {
                let cell = row.get(i).map(String::as_str).unwrap_or("");
                escape_line(&cell.replace('\n', " "))
            })
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut lines = vec![row_line(&rows[0]), format!("|{}", " --- |".repeat(width))];
    lines.extend(rows[1..].iter().map(|r| row_line(r)));
    lines.join("\n")
}

fn inlines_markdown(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(&escape_chars(text)),
            Inline::Emphasis { children } => wrap(&mut out, &inlines_markdown(children), "*"),
            Inline::Strong { children } => wrap(&mut out, &inlines_markdown(children), "**"),
            Inline::Link { href, children } => {
                let label = inlines_markdown(children);
                if label.trim().is_empty() {
                    continue;
                }
                let _ = write!(out, "[{}]({})", label.trim(), link_target(href));
            }
            Inline::Code { text } => {
                let ticks = "`".repeat(longest_run(text, '`') + 1);
                let pad = if text.starts_with('`') || text.ends_with('`') {
                    " "
                } else {
                    ""
                };
                let _ = write!(out, "{ticks}{pad}{text}{pad}{ticks}");
            }
            Inline::Break => out.push_str("\\\n"),
        }
    }
    // A paragraph must not start with a line that reads as another block.
    escape_line_start(&out)
}

/// Wraps `inner` in a delimiter, keeping its outer white space outside so the
/// delimiters stay attached to text as CommonMark requires.
fn wrap(out: &mut String, inner: &str, delimiter: &str) {
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        out.push_str(inner);
        return;
    }
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    let _ = write!(out, "{lead}{delimiter}{trimmed}{delimiter}{trail}");
}

fn link_target(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) {
        format!(
            "<{}>",
            url.replace('<', "%3C")
                .replace('>', "%3E")
                .replace(' ', "%20")
        )
    } else {
        url.to_string()
    }
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

fn prefix_lines(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let prefix = if i == 0 { first } else { rest };
        if line.is_empty() {
            out.push_str(prefix.trim_end());
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
    if out.is_empty() {
        out.push_str(first.trim_end());
    }
    out
}

/// Escapes text that may span several lines (each line kept).
fn escape_text(text: &str) -> String {
    text.lines().map(escape_line).collect::<Vec<_>>().join("\n")
}

/// Escapes one line of plain text so CommonMark reads it back literally.
fn escape_line(text: &str) -> String {
    escape_line_start(&escape_chars(text))
}

/// Escapes the characters that start inline syntax.
fn escape_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if starts_entity(&text[i + 1..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether the text after a `&` would read as a character reference (`&amp;`, `&#38;`).
fn starts_entity(rest: &str) -> bool {
    let name = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
        .map_or(rest, |(end, _)| &rest[..end]);
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

/// Escapes a leading marker that would turn a line into a heading, list,
/// quote, rule or code block.
fn escape_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let first = trimmed.chars().next();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.' | ')'));
    let indent = line.len() - trimmed.len();
    if numbered {
        let (num, rest) = trimmed.split_at(digits);
        format!("{num}\\{rest}")
    } else if matches!(first, Some('#' | '-' | '+' | '=' | '~')) || indent >= 4 {
        format!("\\{trimmed}")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax_in_text() {
        assert_eq!(escape_line("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line("1. not a list"), "1\\. not a list");
        assert_eq!(escape_line("AT&T and &amp;"), "AT&T and \\&amp;");
    }

    #[test]
    fn front_matter_quotes_every_value() {
        let article = Article {
            headline: "Yes: no".into(),
            published: Some("2020-02-05".into()),
            ..Article::default()
        };
        let fm = front_matter(&article, &WriteOptions::default()).unwrap();
        assert!(fm.contains("title: \"Yes: no\""));
        assert!(fm.contains("date: \"2020-02-05\""));
    }
}
