//! Writers: one file per output format, registered in [`WRITERS`].
//!
//! The registry drives the `--to` values, the help text and the writer tests;
//! adding a format is one new file here plus one line in the list.

mod epub;
mod html;
mod json;
mod markdown;
mod pdf;
mod shared;
pub mod template;

use std::path::PathBuf;

use crate::document::Document;
use crate::error::Result;

pub use json::article_json_line;
pub use shared::blocks_below_header;

/// Options shared by the writers; each reads the ones that concern it.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Stylesheet replacing the EPUB's default one (`--css`).
    pub css: Option<PathBuf>,
    /// Page size for PDF (`--page-size`).
    pub page_size: Option<String>,
    /// Extra font for scripts the embedded fonts lack (`--font`).
    pub font: Option<PathBuf>,
    /// Title of a bundled edition (`--title`).
    pub title: Option<String>,
}

/// What a writer produced: the file's bytes and warnings for the user.
#[derive(Debug, Default)]
pub struct Output {
    /// The complete output file.
    pub bytes: Vec<u8>,
    /// Things the user should know (e.g. remote images dropped).
    pub warnings: Vec<String>,
}

impl Output {
    /// An output with no warnings.
    pub fn bytes(bytes: Vec<u8>) -> Output {
        Output {
            bytes,
            warnings: Vec::new(),
        }
    }
}

/// An output format.
pub trait Writer: Sync {
    /// The `--to` value, e.g. `md`.
    fn name(&self) -> &'static str;
    /// File extension of its outputs, without the dot.
    fn extension(&self) -> &'static str;
    /// One line for the help text.
    fn about(&self) -> &'static str;
    /// Whether the output is text that may go to standard output.
    fn is_text(&self) -> bool;
    /// Renders one article.
    fn write(&self, doc: &Document, options: &WriteOptions) -> Result<Output>;
    /// Renders many articles as one edition (`--bundle`), for formats that can.
    fn write_bundle(&self, _docs: &[Document], _options: &WriteOptions) -> Option<Result<Output>> {
        None
    }
}

/// Every output format, in the order the help lists them.
pub static WRITERS: &[&dyn Writer] = &[
    &markdown::Markdown,
    &json::Json,
    &epub::Epub,
    &pdf::Pdf,
    &html::Html,
];

/// Finds a writer by its `--to` name or file extension.
pub fn writer(name: &str) -> Option<&'static dyn Writer> {
    WRITERS
        .iter()
        .copied()
        .find(|w| w.name() == name || w.extension() == name)
}

/// The registered format names, comma-separated, for help and errors.
pub fn names() -> String {
    WRITERS
        .iter()
        .map(|w| w.name())
        .collect::<Vec<_>>()
        .join(", ")
}
