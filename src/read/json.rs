//! The article JSON reader: a user can correct a field by hand and render the
//! article again in any format.

use crate::error::{Error, Result};
use crate::model::Article;

/// Parses one article JSON object.
pub fn read(bytes: &[u8]) -> Result<Article> {
    let article: Article = serde_json::from_slice(bytes).map_err(|e| Error::Malformed {
        format: "article JSON",
        reason: e.to_string(),
    })?;
    if article.headline.trim().is_empty() && article.blocks.is_empty() {
        return Err(Error::NoArticle);
    }
    Ok(article)
}
