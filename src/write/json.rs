//! The article JSON writer: the model serialized as the contract describes,
//! pretty-printed UTF-8 with a final newline.

use super::{Output, WriteOptions, Writer};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::model::Article;

/// `--to json`.
pub struct Json;

impl Writer for Json {
    fn name(&self) -> &'static str {
        "json"
    }
    fn extension(&self) -> &'static str {
        "json"
    }
    fn about(&self) -> &'static str {
        "the article JSON of the contract (pretty, UTF-8)"
    }
    fn is_text(&self) -> bool {
        true
    }
    fn write(&self, doc: &Document, _options: &WriteOptions) -> Result<Output> {
        let mut bytes = serde_json::to_vec_pretty(&doc.article).map_err(render_error)?;
        bytes.push(b'\n');
        Ok(Output::bytes(bytes))
    }
}

/// One article as a single JSON line (JSON Lines), newline included.
pub fn article_json_line(article: &Article) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(article).map_err(render_error)?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn render_error(err: serde_json::Error) -> Error {
    Error::Render {
        format: "json",
        reason: err.to_string(),
    }
}
