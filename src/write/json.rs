//! The article JSON writer: the model serialized as the contract describes,
//! pretty-printed UTF-8 with a final newline; several articles on standard
//! output are JSON Lines.

use super::{Output, Spec, WriteOptions, Writer};
use crate::document::Document;
use crate::error::Result;

/// `--to json`.
pub struct Json;

impl Writer for Json {
    fn spec(&self) -> &'static Spec {
        &Spec {
            name: "json",
            extension: "json",
            about: "the article JSON (pretty, UTF-8)",
            text: true,
            bundles: false,
        }
    }
    fn write(&self, doc: &Document, _options: &WriteOptions) -> Result<Output> {
        let mut bytes =
            serde_json::to_vec_pretty(&doc.article).map_err(|e| self.error(e.to_string()))?;
        bytes.push(b'\n');
        Ok(Output::bytes(bytes))
    }
    /// The article as a single JSON line (JSON Lines), newline included.
    fn write_line(&self, doc: &Document) -> Option<Result<Vec<u8>>> {
        Some(
            serde_json::to_vec(&doc.article)
                .map(|mut bytes| {
                    bytes.push(b'\n');
                    bytes
                })
                .map_err(|e| self.error(e.to_string())),
        )
    }
}
