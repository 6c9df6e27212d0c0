//! Markdown with YAML front matter: the inverse of the Markdown writer, so an
//! article galley wrote (or a user wrote by hand) can be rendered again in
//! any format. The front matter gives the metadata (`title`, `subtitle`,
//! `authors`, `date`, `updated`, `site`, `url`, `lang`, `tags`,
//! `description`); the body's blocks follow the model one for one.

use std::collections::BTreeMap;
use std::iter::Peekable;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::{Article, Block, Inline};

/// Whether a text starts with YAML front matter naming a title, or with a
/// Markdown heading.
pub fn looks_like_markdown(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    if let (Some(yaml), _) = split_front_matter(text) {
        return yaml.lines().any(|l| l.starts_with("title:"));
    }
    text.starts_with("# ")
}

/// Reads an article from Markdown.
pub fn read(text: &str) -> Result<Article> {
    let text = text.trim_start_matches('\u{feff}');
    let (yaml, body) = split_front_matter(text);
    let mut article = match yaml {
        Some(yaml) => front_matter(yaml)?,
        None => Article::default(),
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut reader = BodyReader {
        events: Parser::new_ext(body, options).peekable(),
    };
    let mut blocks = Vec::new();
    while let Some(event) = reader.events.next() {
        match event {
            Event::Start(tag) => blocks.extend(reader.block(tag)),
            Event::Rule => blocks.push(Block::Rule {
                text: String::new(),
            }),
            _ => {}
        }
    }
    // The headline is written as the first `#` heading: take it back out.
    if let Some(Block::Heading { text, level: 1 }) = blocks.first() {
        if article.headline.is_empty() {
            article.headline = text.clone();
            blocks.remove(0);
        } else if text.trim() == article.headline.trim() {
            blocks.remove(0);
        }
    }
    for block in &mut blocks {
        if let Block::Heading { level, .. } = block {
            *level = (*level).max(2);
        }
    }
    if article.headline.trim().is_empty() && blocks.is_empty() {
        return Err(Error::NoArticle);
    }
    article.quotes = super::html::quotes::find(&blocks);
    article.blocks = blocks;
    Ok(article)
}

/// Splits `---` YAML front matter from the body.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

/// The article's metadata from the front matter.
fn front_matter(yaml: &str) -> Result<Article> {
    let fields: BTreeMap<String, Value> = if yaml.trim().is_empty() {
        BTreeMap::new()
    } else {
        serde_saphyr::from_str(yaml).map_err(|e| Error::Malformed {
            format: "Markdown front matter",
            reason: e.to_string().lines().next().unwrap_or("").to_string(),
        })?
    };
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| fields.get(*k).and_then(scalar))
            .filter(|s| !s.is_empty())
    };
    let list = |keys: &[&str]| -> Vec<String> {
        keys.iter()
            .find_map(|k| fields.get(*k))
            .map(strings)
            .unwrap_or_default()
    };
    let authors = list(&["authors", "author"]);
    Ok(Article {
        headline: text(&["title", "headline"]).unwrap_or_default(),
        kicker: text(&["kicker"]),
        subtitle: text(&["subtitle"]),
        byline: text(&["byline"]).or_else(|| byline(&authors)),
        authors,
        published: text(&["date", "published"]),
        modified: text(&["updated", "modified"]),
        site_name: text(&["site", "site_name"]),
        language: text(&["lang", "language"]),
        url: text(&["url"]),
        description: text(&["description"]),
        image: text(&["image"]),
        tags: list(&["tags", "keywords"]),
        ..Article::default()
    })
}

/// A YAML scalar as text.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A YAML list of scalars, or one comma-separated scalar.
fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other)
            .map(|s| {
                s.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Authors as one byline: "A", "A and B", "A, B and C".
fn byline(authors: &[String]) -> Option<String> {
    match authors {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// Turns the body's events into blocks.
struct BodyReader<'a> {
    events: Peekable<Parser<'a>>,
}

/// An image met inside a paragraph.
struct ImageRef {
    src: String,
    alt: String,
}

impl BodyReader<'_> {
    /// The block a top-level tag starts (consuming through its end).
    fn block(&mut self, tag: Tag<'_>) -> Option<Block> {
        match tag {
            Tag::Paragraph => {
                let mut images = Vec::new();
                let inlines = self.inlines(TagEnd::Paragraph, &mut images);
                paragraph(inlines, images)
            }
            Tag::Heading { level, .. } => {
                let mut images = Vec::new();
                let text = Inline::plain_text(&self.inlines(TagEnd::Heading(level), &mut images));
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                Some(Block::Heading {
                    text: text.trim().to_string(),
                    level,
                })
            }
            Tag::BlockQuote(_) => {
                let text = self.plain_text();
                let (text, cite) = match text.rsplit_once("\n\n— ") {
                    Some((body, cite)) if !cite.contains('\n') => {
                        (body.to_string(), Some(cite.trim().to_string()))
                    }
                    _ => (text, None),
                };
                Some(Block::Quote { text, cite })
            }
            Tag::List(start) => {
                let mut items = Vec::new();
                while let Some(event) = self.events.next() {
                    match event {
                        Event::Start(Tag::Item) => {
                            items.push(self.plain_text().replace("\n\n", "\n"));
                        }
                        Event::End(TagEnd::List(_)) => break,
                        _ => {}
                    }
                }
                Some(Block::List {
                    text: items.join("\n"),
                    ordered: start.is_some(),
                    items,
                    item_inlines: None,
                })
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .map(str::to_string)
                        .filter(|l| !l.is_empty()),
                    CodeBlockKind::Indented => None,
                };
                let mut text = String::new();
                for event in self.events.by_ref() {
                    match event {
                        Event::Text(t) => text.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                Some(Block::Code {
                    text: text.trim_end_matches('\n').to_string(),
                    language,
                })
            }
            Tag::Table(_) => {
                let mut rows: Vec<Vec<String>> = Vec::new();
                let mut row = Vec::new();
                while let Some(event) = self.events.next() {
                    match event {
                        Event::Start(Tag::TableCell) => row.push(self.plain_text()),
                        Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                            rows.push(std::mem::take(&mut row));
                        }
                        Event::End(TagEnd::Table) => break,
                        _ => {}
                    }
                }
                // A pipe table always has its header row.
                let header_rows = usize::from(!rows.is_empty());
                Some(Block::table(rows, header_rows, 0))
            }
            other => {
                // HTML blocks, footnotes and the like carry no article text.
                self.skip(other.to_end());
                None
            }
        }
    }

    /// Rich text up to `end`; images are set aside in `images`.
    fn inlines(&mut self, end: TagEnd, images: &mut Vec<ImageRef>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::End(e) if e == end => break,
                Event::Text(t) => push_text(&mut out, &t),
                Event::Code(t) => out.push(Inline::Code {
                    text: t.to_string(),
                }),
                Event::SoftBreak => push_text(&mut out, " "),
                Event::HardBreak => out.push(Inline::Break),
                Event::Start(Tag::Emphasis) => out.push(Inline::Emphasis {
                    children: self.inlines(TagEnd::Emphasis, images),
                }),
                Event::Start(Tag::Strong) => out.push(Inline::Strong {
                    children: self.inlines(TagEnd::Strong, images),
                }),
                Event::Start(Tag::Link { dest_url, .. }) => out.push(Inline::Link {
                    href: dest_url.to_string(),
                    children: self.inlines(TagEnd::Link, images),
                }),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    let alt = Inline::plain_text(&self.inlines(TagEnd::Image, &mut Vec::new()));
                    images.push(ImageRef {
                        src: dest_url.to_string(),
                        alt,
                    });
                }
                Event::Start(tag) => {
                    // Strikethrough and the like: keep their text.
                    for inline in self.inlines(tag.to_end(), images) {
                        match inline {
                            Inline::Text { text } => push_text(&mut out, &text),
                            other => out.push(other),
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The plain text of a container up to its end: paragraphs separated by
    /// blank lines, list items by line breaks.
    fn plain_text(&mut self) -> String {
        let mut text = String::new();
        let mut depth = 0usize;
        for event in self.events.by_ref() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(end) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    match end {
                        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => {
                            text.push_str("\n\n");
                        }
                        TagEnd::Item => text.push('\n'),
                        _ => {}
                    }
                }
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::SoftBreak => text.push(' '),
                Event::HardBreak => text.push('\n'),
                _ => {}
            }
        }
        let mut out = text.trim().to_string();
        while out.contains("\n\n\n") {
            out = out.replace("\n\n\n", "\n\n");
        }
        out
    }

    /// Consumes events through the end of a tag that was just opened.
    fn skip(&mut self, end: TagEnd) {
        let mut depth = 0usize;
        for event in self.events.by_ref() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(e) if depth == 0 && e == end => break,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
}

/// A paragraph block, or an image block when the paragraph is only an image
/// with an optional emphasized caption under it.
fn paragraph(mut inlines: Vec<Inline>, mut images: Vec<ImageRef>) -> Option<Block> {
    let blank = |i: &Inline| matches!(i, Inline::Text { text } if text.trim().is_empty());
    inlines.retain(|i| !blank(i));
    if images.len() == 1 {
        let caption = match inlines.as_slice() {
            [] => Some(None),
            [Inline::Break, Inline::Emphasis { children }] | [Inline::Emphasis { children }] => {
                Some(Some(Inline::plain_text(children).trim().to_string()))
            }
            _ => None,
        };
        if let Some(caption) = caption {
            let image = images.remove(0);
            return Some(Block::Image {
                text: caption.clone().unwrap_or_default(),
                src: image.src,
                alt: image.alt,
                caption,
            });
        }
    }
    let text = Inline::plain_text(&inlines).trim().to_string();
    if text.is_empty() {
        return None;
    }
    let rich = inlines.iter().any(|i| !matches!(i, Inline::Text { .. }));
    Some(Block::Paragraph {
        text,
        inlines: rich.then_some(inlines),
    })
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text { text: last }) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text {
            text: text.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_blocks_are_read() {
        let md = "---\ntitle: \"A: B\"\nauthors: [\"Ann Lee\", \"Bo Kim\"]\ndate: 2020-02-05\n\
                  tags: Water, Asia\n---\n\n# A: B\n\nHello *world* and [a link](https://x.example).\n\n\
                  ## Part\n\n> Quoted line.\n>\n> — Someone\n\n![alt text](img/a.png)\\\n*The caption*\n";
        let a = read(md).unwrap();
        assert_eq!(a.headline, "A: B");
        assert_eq!(a.byline.as_deref(), Some("Ann Lee and Bo Kim"));
        assert_eq!(a.published.as_deref(), Some("2020-02-05"));
        assert_eq!(a.tags, ["Water", "Asia"]);
        assert_eq!(a.blocks.len(), 4, "{:#?}", a.blocks);
        assert_eq!(a.blocks[0].text(), "Hello world and a link.");
        assert!(matches!(&a.blocks[2], Block::Quote { cite: Some(c), .. } if c == "Someone"));
        assert!(
            matches!(&a.blocks[3], Block::Image { src, caption: Some(c), .. } if src == "img/a.png" && c == "The caption")
        );
    }

    #[test]
    fn plain_markdown_takes_its_headline_from_the_first_heading() {
        let a = read("# Title\n\nBody text.\n").unwrap();
        assert_eq!(a.headline, "Title");
        assert_eq!(a.blocks.len(), 1);
        assert!(looks_like_markdown("# Title\n"));
        assert!(!looks_like_markdown("<p>x</p>"));
    }
}
