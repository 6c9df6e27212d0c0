//! The article JSON reader: a user can correct a field by hand and render the
//! article again in any format. One file may hold one article, several
//! (JSON Lines, as `--to json -o -` writes them), or an array of articles.

use crate::error::{Error, Result};
use crate::model::Article;

/// Parses every article of an article JSON file.
pub fn read(bytes: &[u8]) -> Result<Vec<Article>> {
    let malformed = |e: serde_json::Error| Error::Malformed {
        format: "article JSON",
        reason: e.to_string(),
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let articles: Vec<Article> = if text.trim_ascii_start().starts_with(b"[") {
        serde_json::from_slice(text).map_err(malformed)?
    } else {
        serde_json::Deserializer::from_slice(text)
            .into_iter::<Article>()
            .collect::<Result<_, _>>()
            .map_err(malformed)?
    };
    let articles: Vec<Article> = articles
        .into_iter()
        .filter(|a| !(a.headline.trim().is_empty() && a.blocks.is_empty()))
        .collect();
    if articles.is_empty() {
        return Err(Error::NoArticle);
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_lines_and_arrays() {
        let one = r#"{"headline": "A", "blocks": []}"#;
        assert_eq!(read(one.as_bytes()).unwrap().len(), 1);
        let lines = "{\"headline\": \"A\"}\n{\"headline\": \"B\"}\n";
        assert_eq!(read(lines.as_bytes()).unwrap()[1].headline, "B");
        let array = r#"[{"headline": "A"}, {"headline": "B"}]"#;
        assert_eq!(read(array.as_bytes()).unwrap().len(), 2);
        assert!(matches!(
            read(b"{\"headline\": "),
            Err(Error::Malformed { .. })
        ));
        assert!(matches!(read(b"{}"), Err(Error::NoArticle)));
    }
}
