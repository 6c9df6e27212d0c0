//! Readers: from an input's bytes to one or more [`Document`]s.
//!
//! The format is recognized by content first and by extension second; each
//! format has its own module.

pub mod charset;
pub mod html;
mod json;

use std::path::{Path, PathBuf};

use crate::document::{Assets, Document};
use crate::error::{Error, Result};

/// One input as the user named it, with its bytes.
#[derive(Debug, Clone)]
pub struct Input {
    /// How errors and reports name it: the path as given, or `-`.
    pub name: String,
    /// Its path on disk (`None` for standard input).
    pub path: Option<PathBuf>,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

/// The input formats galley reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An HTML page.
    Html,
    /// The article JSON of the contract.
    Json,
}

/// Recognizes an input's format from its first bytes, then its extension.
pub fn detect(bytes: &[u8], path: Option<&Path>) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') && trimmed.contains("\"headline\"") {
        return Some(Format::Json);
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with('<')
        && [
            "<html",
            "<!doctype html",
            "<head",
            "<body",
            "<p",
            "<div",
            "<article",
            "<!--",
            "<meta",
            "<title",
        ]
        .iter()
        .any(|t| lower.contains(t))
    {
        return Some(Format::Html);
    }
    let ext = path
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("json") => Some(Format::Json),
        _ => None,
    }
}

/// Reads every article an input holds.
pub fn read(input: &Input) -> Result<Vec<Document>> {
    if input.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::NoArticle);
    }
    let assets = input
        .path
        .as_deref()
        .map(Assets::beside)
        .unwrap_or_default();
    match detect(&input.bytes, input.path.as_deref()) {
        Some(Format::Html) => {
            let text = charset::decode(&input.bytes, None);
            let article = html::read(&text, &html::Hints::default())?;
            Ok(vec![Document {
                article,
                assets,
                member: None,
            }])
        }
        Some(Format::Json) => {
            let article = json::read(&input.bytes)?;
            Ok(vec![Document {
                article,
                assets,
                member: None,
            }])
        }
        None => Err(Error::Unsupported(
            "not HTML, MHTML, WARC, article JSON or Markdown".into(),
        )),
    }
}
