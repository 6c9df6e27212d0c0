//! Writers: one file per output format, registered in [`WRITERS`].
//!
//! The registry drives the `--to` values and their help, what a run may do
//! with each format (its [`Spec`]: standard output, `--bundle`, JSON Lines)
//! and the writer tests, which loop over it; adding a format is one new file
//! here plus one line in the list.

mod edition;
mod epub;
mod html;
pub mod images;
mod json;
mod language;
mod markdown;
mod pdf;
mod shared;
mod table_parts;
pub mod template;
pub mod warning;

use std::path::PathBuf;

use crate::document::Document;
use crate::error::{Error, Result};
use template::{Shapes, Template};

pub use pdf::{DEFAULT_PAGE_SIZE, PdfStandard, page_sizes, pdf_standards};
pub use shared::blocks_below_header;
pub use warning::{Cause, Warning, describe};

/// The format written when none is asked for.
pub const DEFAULT_FORMAT: &str = "md";

/// Options shared by the writers; each reads the ones that concern it.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Stylesheet replacing the EPUB's default one (`--css`).
    pub css: Option<PathBuf>,
    /// Page size for PDF (`--page-size`).
    pub page_size: Option<String>,
    /// Extra font for scripts the embedded fonts lack (`--font`).
    pub font: Option<PathBuf>,
    /// The standard a PDF must meet, checked as it is written
    /// (`--pdf-standard`).
    pub pdf_standard: Option<PdfStandard>,
    /// Title of a bundled edition (`--title`).
    pub title: Option<String>,
    /// Images of HTML outputs are copied beside them rather than embedded
    /// (`--html-images=files`).
    pub html_image_files: bool,
    /// The output file's name without its extension, when it goes to a
    /// folder (set per output by the batch): images copied beside it go
    /// into `{stem}_images/`. `None` for standard output.
    pub output_stem: Option<String>,
    /// The writers' own templates when the user replaced some
    /// (`--template NAME=FILE`); `None` uses the built-ins.
    pub shapes: Option<Shapes>,
}

impl WriteOptions {
    /// The writers' template called `name` (a built-in's name), as the
    /// user replaced it or built in.
    pub fn template(&self, name: &str) -> Result<&Template> {
        match &self.shapes {
            Some(shapes) => shapes.get(name),
            None => Shapes::built_in()?.get(name),
        }
    }
}

/// What a writer produced: the file's bytes, the files it links to and
/// warnings for the user.
#[derive(Debug, Default)]
pub struct Output {
    /// The complete output file.
    pub bytes: Vec<u8>,
    /// Files written beside the output, which it links to (images).
    pub attachments: Vec<Attachment>,
    /// What it left out (e.g. remote images).
    pub warnings: Vec<Warning>,
}

/// A file an output links to, written beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// Path relative to the output's folder, `/`-separated
    /// (`story_images/photo.jpg`).
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl Output {
    /// An output with no warnings.
    pub fn bytes(bytes: Vec<u8>) -> Output {
        Output {
            bytes,
            ..Output::default()
        }
    }
}

/// What a writer is and what it can do: the data the registry, the command
/// line and the batch read, so that no format's name is written elsewhere.
#[derive(Debug)]
pub struct Spec {
    /// The `--to` value, e.g. `md`.
    pub name: &'static str,
    /// File extension of its outputs, without the dot.
    pub extension: &'static str,
    /// One line for the help text.
    pub about: &'static str,
    /// Whether the output is text that may go to standard output.
    pub text: bool,
    /// Whether it makes one edition of many articles (`--bundle FILE.ext`).
    pub bundles: bool,
}

/// An output format.
pub trait Writer: Sync {
    /// What the format is and can do.
    fn spec(&self) -> &'static Spec;
    /// Renders one article.
    fn write(&self, doc: &Document, options: &WriteOptions) -> Result<Output>;
    /// Renders many articles as one edition (`--bundle`); a writer whose
    /// [`Spec::bundles`] is set overrides it.
    fn write_bundle(&self, _docs: &[Document], _options: &WriteOptions) -> Result<Output> {
        Err(self.error("this format cannot make an edition yet".into()))
    }
    /// The extension of its outputs, without the dot.
    fn extension(&self) -> &str {
        self.spec().extension
    }
    /// One article as a single line, for a format whose articles are one
    /// line each when several go to standard output (JSON Lines); `None`
    /// when its outputs are simply concatenated.
    fn write_line(&self, _doc: &Document) -> Option<Result<Vec<u8>>> {
        None
    }
    /// The `--to` value, e.g. `md`.
    fn name(&self) -> &'static str {
        self.spec().name
    }
    /// The error for an article this writer could not render.
    fn error(&self, reason: String) -> Error {
        Error::Render {
            format: self.name(),
            reason,
        }
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
        .find(|w| w.name() == name || w.spec().extension == name)
}

/// The registered format names, comma-separated, for help and errors.
pub fn names() -> String {
    WRITERS
        .iter()
        .map(|w| w.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The writers that make an edition of many articles (`--bundle`).
pub fn bundlers() -> impl Iterator<Item = &'static dyn Writer> {
    WRITERS.iter().copied().filter(|w| w.spec().bundles)
}

/// Names for a message, as alternatives: `a`, `a or b`, `a, b or c`.
pub fn either(names: impl IntoIterator<Item = String>) -> String {
    let mut names: Vec<String> = names.into_iter().collect();
    match names.pop() {
        Some(last) if !names.is_empty() => format!("{} or {last}", names.join(", ")),
        Some(last) => last,
        None => String::new(),
    }
}

/// The writers' templates with the built-ins named replaced by the user's
/// files (`--template NAME=FILE`), checked before any input is read: every
/// writer renders the probe article and an empty one through them, alone
/// and as an edition, and a template error is a usage error naming the
/// file and line.
pub fn replace_templates(replacements: &[(String, PathBuf)]) -> Result<Option<Shapes>> {
    if replacements.is_empty() {
        return Ok(None);
    }
    let options = WriteOptions {
        shapes: Some(Shapes::replacing(replacements)?),
        ..WriteOptions::default()
    };
    let docs = template::probe_documents();
    for writer in WRITERS {
        let bundle = writer
            .spec()
            .bundles
            .then(|| writer.write_bundle(&docs, &options));
        for result in docs
            .iter()
            .map(|doc| writer.write(doc, &options))
            .chain(bundle)
        {
            if let Err(Error::Render {
                format: template::FORMAT,
                reason,
            }) = result
            {
                return Err(Error::Usage(reason));
            }
        }
    }
    Ok(options.shapes)
}

/// The writers whose output may go to standard output.
pub fn text_writers() -> impl Iterator<Item = &'static dyn Writer> {
    WRITERS.iter().copied().filter(|w| w.spec().text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_names_each_format_once() {
        let mut keys: Vec<&str> = WRITERS
            .iter()
            .flat_map(|w| [w.name(), w.spec().extension])
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let distinct_per_writer: usize = WRITERS
            .iter()
            .map(|w| 1 + usize::from(w.name() != w.spec().extension))
            .sum();
        assert_eq!(
            keys.len(),
            distinct_per_writer,
            "a name or extension is taken twice"
        );
        assert!(writer(DEFAULT_FORMAT).is_some());
    }

    #[test]
    fn alternatives_read_as_a_sentence() {
        let names = |n: &[&str]| either(n.iter().map(|s| s.to_string()));
        assert_eq!(names(&["EPUB", "PDF"]), "EPUB or PDF");
        assert_eq!(names(&["md", "json", "html"]), "md, json or html");
        assert_eq!(names(&["md"]), "md");
    }
}
