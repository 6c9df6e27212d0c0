//! The article model: the one structure every reader produces and every writer
//! consumes.
//!
//! It depends on nothing else in the crate. Its JSON form (serde) is the
//! public "article JSON" of the contract: keys appear in declaration order and
//! optional fields are written as `null`, so every article has the same shape.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A normalized news article: metadata, body blocks in reading order, and the
/// direct quotations found in the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Article {
    /// The article's title, without the site name.
    pub headline: String,
    /// The kicker (overline, Dachzeile) the page prints above the headline,
    /// when it prints one: a topic line that is not part of the headline.
    pub kicker: Option<String>,
    /// Standfirst or dek, when the page has one.
    pub subtitle: Option<String>,
    /// Authors as displayed, without a leading "By".
    pub byline: Option<String>,
    /// Individual author names.
    pub authors: Vec<String>,
    /// Publication date, ISO 8601 (`2020-02-05` or with time and offset).
    pub published: Option<String>,
    /// Last update, ISO 8601.
    pub modified: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// BCP 47 language tag, e.g. `en`, `pt-BR`.
    pub language: Option<String>,
    /// Canonical URL when the page names one.
    pub url: Option<String>,
    /// Summary from the page's metadata.
    pub description: Option<String>,
    /// Lead image URL or bundled path.
    pub image: Option<String>,
    /// Topics and keywords.
    pub tags: Vec<String>,
    /// The article body, in reading order.
    pub blocks: Vec<Block>,
    /// Direct quotations found in the body.
    pub quotes: Vec<Quote>,
    /// Where each metadata field came from (`json-ld`, `meta:og:title`, `h1`, …),
    /// keyed by field name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub provenance: BTreeMap<String, String>,
    /// What the article was made from: the input as named on the command
    /// line, plus `#` and the record's URI for a WARC record (or the page
    /// record's own `source` on a stream). Set by `galley convert`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One block of the article body. Every block has a plain `text`; the scorer
/// and plain-text consumers read only that.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph of running text.
    Paragraph {
        /// Plain text.
        text: String,
        /// Rich text (emphasis, strong, links, code) when the paragraph has any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        inlines: Option<Vec<Inline>>,
    },
    /// A subheading inside the body.
    Heading {
        /// Plain text.
        text: String,
        /// Level 2–6 (the headline is level 1).
        level: u8,
    },
    /// A block quotation or pull quote.
    Quote {
        /// Plain text of the quotation.
        text: String,
        /// Who or what it is attributed to, when the page says.
        #[serde(default)]
        cite: Option<String>,
    },
    /// A bulleted or numbered list.
    List {
        /// The items joined by newlines.
        text: String,
        /// Numbered (`true`) or bulleted.
        ordered: bool,
        /// The items' plain text.
        items: Vec<String>,
        /// Each item's rich text (links, emphasis), item by item, when any
        /// item has some.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item_inlines: Option<Vec<Vec<Inline>>>,
    },
    /// A figure or picture.
    Image {
        /// The caption, or empty.
        text: String,
        /// Image URL, `data:` URI or bundled path.
        src: String,
        /// Alternative text.
        #[serde(default)]
        alt: String,
        /// Caption (and credit) shown under the image.
        #[serde(default)]
        caption: Option<String>,
    },
    /// Preformatted code.
    Code {
        /// The code, line breaks kept.
        text: String,
        /// Programming language when the page names it.
        #[serde(default)]
        language: Option<String>,
    },
    /// A data table.
    Table {
        /// Rows joined by newlines, cells by tabs.
        text: String,
        /// Cells' plain text, row by row: the header rows first, the footer
        /// rows last.
        rows: Vec<Vec<String>>,
        /// How many rows at the top are headers (`<thead>` rows, or leading
        /// rows of `<th>` cells); written only when not zero.
        #[serde(default, skip_serializing_if = "is_zero")]
        header_rows: usize,
        /// How many rows at the bottom are the footer (`<tfoot>`, placed
        /// last wherever the page put it); written only when not zero.
        #[serde(default, skip_serializing_if = "is_zero")]
        footer_rows: usize,
    },
    /// A thematic break.
    Rule {
        /// Always empty.
        #[serde(default)]
        text: String,
    },
}

/// A span of rich text inside a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The characters.
        text: String,
    },
    /// Emphasized (italic) text.
    Emphasis {
        /// The emphasized content.
        children: Vec<Inline>,
    },
    /// Strong (bold) text.
    Strong {
        /// The strong content.
        children: Vec<Inline>,
    },
    /// A hyperlink; `href` is http(s), mailto or an in-document `#target`.
    Link {
        /// Target URL.
        href: String,
        /// The link text.
        children: Vec<Inline>,
    },
    /// Inline code.
    Code {
        /// The code.
        text: String,
    },
    /// A hard line break.
    Break,
}

/// A direct quotation found in the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// The quotation without its quote marks.
    pub text: String,
    /// Who said it, when the text says so.
    pub speaker: Option<String>,
    /// Index in `blocks` of the block the quotation stands in.
    pub block: usize,
}

impl Block {
    /// The block's plain text.
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph { text, .. }
            | Block::Heading { text, .. }
            | Block::Quote { text, .. }
            | Block::List { text, .. }
            | Block::Image { text, .. }
            | Block::Code { text, .. }
            | Block::Table { text, .. }
            | Block::Rule { text } => text,
        }
    }

    /// Whether the block carries body text (everything but images and rules).
    pub fn is_textual(&self) -> bool {
        !matches!(self, Block::Image { .. } | Block::Rule { .. })
    }

    /// A table of `rows` (headers first, footers last), its text the rows
    /// joined by newlines and the cells by tabs.
    pub fn table(rows: Vec<Vec<String>>, header_rows: usize, footer_rows: usize) -> Block {
        let text = rows
            .iter()
            .map(|r| r.join("\t"))
            .collect::<Vec<_>>()
            .join("\n");
        Block::Table {
            text,
            rows,
            header_rows,
            footer_rows,
        }
    }

    /// A paragraph of plain text.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            text: text.into(),
            inlines: None,
        }
    }
}

impl Inline {
    /// Plain text of a sequence of inlines.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            inline.push_text(&mut out);
        }
        out
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Link { children, .. } => {
                for child in children {
                    child.push_text(out);
                }
            }
            Inline::Break => out.push('\n'),
        }
    }
}

impl Article {
    /// The body text as the contract defines it: the text of every block but
    /// images and rules, joined by blank lines.
    pub fn body_text(&self) -> String {
        let texts: Vec<&str> = self
            .blocks
            .iter()
            .filter(|b| b.is_textual())
            .map(Block::text)
            .collect();
        texts.join("\n\n")
    }

    /// Renumbers the body's subheadings so that they hang under the headline
    /// without gaps: the distinct levels the page used, in order, become
    /// 2, 3, 4… (six sibling `h4`s become six level-2 headings; `h2`, `h4`
    /// become 2, 3). Levels past 6 stay 6.
    pub fn normalize_heading_levels(&mut self) {
        let mut used: Vec<u8> = self
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .collect();
        used.sort_unstable();
        used.dedup();
        for block in &mut self.blocks {
            if let Block::Heading { level, .. } = block
                && let Ok(rank) = used.binary_search(level)
            {
                *level = u8::try_from(rank + 2).unwrap_or(6).min(6);
            }
        }
    }

    /// Number of words in the body.
    pub fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.is_textual())
            .map(|b| b.text().split_whitespace().count())
            .sum()
    }
}

/// Whether a count is zero (such counts are left out of the JSON).
fn is_zero(n: &usize) -> bool {
    *n == 0
}
