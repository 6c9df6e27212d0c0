//! JSON-LD: the `<script type="application/ld+json">` blocks many pages carry
//! for search engines. Parses them leniently (comments, CDATA wrappers, raw
//! line breaks in strings, trailing commas, several values in one block),
//! finds the object that describes the article — inside arrays, `@graph` and
//! `mainEntity` — and reads its fields, resolving `@id` references.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::patterns::{
    LD_ARTICLE_TYPES, LD_DATE_POINTS, LD_FACT_POINTS, LD_MAX_DEPTH, LD_ORGANIZATION_TYPES,
    LD_PAGE_TYPES, LD_REFERENCE_MAX_KEYS, LD_TITLE_AGREES_POINTS,
};

/// Every JSON-LD object of a page, with the article among them.
#[derive(Debug, Default)]
pub struct LinkedData {
    /// Objects typed as articles, in document order.
    articles: Vec<Map<String, Value>>,
    /// Objects typed as web pages (fallback when there is no article).
    pages: Vec<Map<String, Value>>,
    /// The `WebSite` or publisher organization's name, when one is described.
    website_name: Option<String>,
    /// Objects by `@id`, to resolve references such as `"author": {"@id": …}`.
    ids: HashMap<String, Value>,
}

/// A person or organization named by an `author` or `publisher` value.
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    /// The name as written.
    pub name: String,
    /// Whether the value is typed as an organization rather than a person.
    pub organization: bool,
    /// Whether the value is typed as a person (`"@type": "Person"`).
    pub person: bool,
}

static TRAILING_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",(\s*[}\]])").expect("valid regex"));
static BLOCK_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)/\*.*?\*/").expect("valid regex"));

/// Parses the text of one JSON-LD script into its top-level values,
/// repairing the usual mistakes when strict parsing fails.
pub fn parse_script(text: &str) -> Vec<Value> {
    let trimmed = text.trim().trim_start_matches('\u{feff}');
    if let Ok(value) = serde_json::from_str::<Value>(trimmed) {
        return vec![value];
    }
    let mut repaired = trimmed
        .replace("<![CDATA[", "")
        .replace("]]>", "")
        .replace("<!--", "")
        .replace("-->", "");
    repaired = BLOCK_COMMENT.replace_all(&repaired, "").into_owned();
    repaired = repaired
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ");
    repaired = repaired.replace(['\t', '\r'], " ");
    repaired = TRAILING_COMMA.replace_all(&repaired, "$1").into_owned();
    let mut values = Vec::new();
    for value in serde_json::Deserializer::from_str(&repaired).into_iter::<Value>() {
        match value {
            Ok(v) => values.push(v),
            Err(_) => break,
        }
    }
    values
}

fn types(object: &Map<String, Value>) -> Vec<&str> {
    match object.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn has_type(object: &Map<String, Value>, wanted: &[&str]) -> bool {
    types(object).iter().any(|t| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        wanted.iter().any(|w| w.eq_ignore_ascii_case(t))
    })
}

impl LinkedData {
    /// Collects the objects of every JSON-LD script on a page.
    pub fn from_scripts<'a>(scripts: impl IntoIterator<Item = &'a str>) -> LinkedData {
        let mut data = LinkedData::default();
        for script in scripts {
            for value in parse_script(script) {
                data.visit(&value, 0);
            }
        }
        data
    }

    fn visit(&mut self, value: &Value, depth: usize) {
        if depth > LD_MAX_DEPTH {
            return;
        }
        match value {
            Value::Array(items) => {
                for item in items {
                    self.visit(item, depth + 1);
                }
            }
            Value::Object(object) => {
                if let Some(Value::String(id)) = object.get("@id")
                    && object.len() > 1
                {
                    self.ids.entry(id.clone()).or_insert_with(|| value.clone());
                }
                if has_type(object, LD_ARTICLE_TYPES) {
                    self.articles.push(object.clone());
                } else if has_type(object, LD_PAGE_TYPES) {
                    self.pages.push(object.clone());
                } else if has_type(object, &["WebSite"]) && self.website_name.is_none() {
                    self.website_name = object.get("name").and_then(text_of);
                }
                for (key, child) in object {
                    if matches!(child, Value::Object(_) | Value::Array(_))
                        && !matches!(key.as_str(), "author" | "creator" | "publisher" | "image")
                    {
                        self.visit(child, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// The object that describes the article: among several, the one whose
    /// headline agrees with `title_hint` (the page's own title), then the one
    /// with the most facts. Falls back to a `WebPage` object.
    pub fn article(&self, title_hint: Option<&str>) -> Option<Article<'_>> {
        let fold = |s: &str| {
            s.to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let hint = title_hint.map(fold);
        let score = |object: &Map<String, Value>| {
            let headline = object
                .get("headline")
                .or_else(|| object.get("name"))
                .and_then(text_of)
                .map(|h| fold(&h));
            let agrees = match (&headline, &hint) {
                (Some(h), Some(t)) if !h.is_empty() => {
                    t.contains(h.as_str()) || h.contains(t.as_str())
                }
                _ => false,
            };
            usize::from(agrees) * LD_TITLE_AGREES_POINTS
                + usize::from(object.contains_key("datePublished")) * LD_DATE_POINTS
                + usize::from(object.contains_key("author")) * LD_FACT_POINTS
                + usize::from(object.contains_key("articleBody")) * LD_FACT_POINTS
        };
        let best = |list: &[Map<String, Value>]| {
            list.iter()
                .enumerate()
                .max_by_key(|(i, o)| (score(o), std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        };
        if let Some(i) = best(&self.articles) {
            return Some(Article {
                data: self,
                object: &self.articles[i],
                is_page: false,
            });
        }
        best(&self.pages).map(|i| Article {
            data: self,
            object: &self.pages[i],
            is_page: true,
        })
    }

    /// The name of the `WebSite` the page belongs to.
    pub fn website_name(&self) -> Option<&str> {
        self.website_name.as_deref()
    }

    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        if let Value::Object(object) = value
            && let Some(Value::String(id)) = object.get("@id")
            && object.len() <= LD_REFERENCE_MAX_KEYS
            && let Some(target) = self.ids.get(id)
        {
            // Only a reference: `{"@id": …}` or `{"@type": …, "@id": …}`.
            return target;
        }
        value
    }
}

/// The article object found in a page's JSON-LD, with accessors per field.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    data: &'a LinkedData,
    object: &'a Map<String, Value>,
    /// Whether this is a `WebPage` stand-in rather than an article object.
    pub is_page: bool,
}

/// The text of a value: a string, or an object's `name` / `@value`, or an
/// array's first text.
pub fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => decode_entities(s.trim()),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => {
            return ["name", "@value", "text"]
                .iter()
                .find_map(|k| o.get(*k).and_then(text_of));
        }
        Value::Array(items) => return items.iter().find_map(text_of),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// A JSON-LD string with the HTML character references some sites leave in
/// it (`Redacci&oacute;n`, `&#x00E4;`) decoded: a script's text is not
/// decoded by the HTML parser. Only complete references (ending in `;`).
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest
            .get(1..MAX_ENTITY_CHARS.min(rest.len()))
            .and_then(|body| body.find(';').map(|end| &body[..=end]))
            .and_then(|reference| Some((reference.len() + 1, char_of(reference)?)));
        match decoded {
            Some((len, text)) => {
                out.push_str(&text);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The longest character reference read, `&` and `;` included
/// (`&CounterClockwiseContourIntegral;` has 33).
const MAX_ENTITY_CHARS: usize = 40;

/// The text a reference stands for (`amp;`, `#228;`, `#x00E4;`).
fn char_of(reference: &str) -> Option<String> {
    if let Some(number) = reference.strip_prefix('#') {
        let number = number.trim_end_matches(';');
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| *c != '\0')
            .map(String::from);
    }
    let &(first, second) = markup5ever::data::NAMED_ENTITIES.get(reference)?;
    [first, second]
        .into_iter()
        .filter(|&c| c != 0)
        .map(char::from_u32)
        .collect()
}

fn url_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => ["url", "contentUrl", "@id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(url_of)),
        Value::Array(items) => items.iter().find_map(url_of),
        _ => None,
    }
}

impl<'a> Article<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key)
    }

    /// A text field (`headline`, `description`, `datePublished`, …).
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(text_of)
    }

    /// The article's text (`articleBody`): plain text or HTML.
    pub fn body(&self) -> Option<String> {
        self.text("articleBody")
    }

    /// The headline (`headline`, else `name`).
    pub fn headline(&self) -> Option<String> {
        self.text("headline").or_else(|| self.text("name"))
    }

    /// The authors (`author`, else `creator`), references resolved.
    pub fn authors(&self) -> Vec<Agent> {
        let value = self.get("author").or_else(|| self.get("creator"));
        let mut out = Vec::new();
        if let Some(value) = value {
            self.agents(value, &mut out);
        }
        out
    }

    fn agents(&self, value: &'a Value, out: &mut Vec<Agent>) {
        match self.data.resolve(value) {
            Value::Array(items) => {
                for item in items {
                    self.agents(item, out);
                }
            }
            Value::String(s) if !s.trim().is_empty() => out.push(Agent {
                name: decode_entities(s.trim()),
                organization: false,
                person: false,
            }),
            Value::Object(o) => {
                if let Some(name) = o.get("name").and_then(text_of) {
                    out.push(Agent {
                        name,
                        organization: has_type(o, LD_ORGANIZATION_TYPES),
                        person: has_type(o, &["Person"]),
                    });
                }
            }
            _ => {}
        }
    }

    /// The publisher's name.
    pub fn publisher(&self) -> Option<String> {
        let value = self.data.resolve(self.get("publisher")?);
        match value {
            Value::Array(items) => items.iter().find_map(|v| text_of(self.data.resolve(v))),
            other => text_of(other),
        }
    }

    /// The lead image's URL.
    pub fn image(&self) -> Option<String> {
        let value = self.get("image").or_else(|| self.get("thumbnailUrl"))?;
        url_of(self.data.resolve(value))
    }

    /// The article's URL (`url`, else `mainEntityOfPage`).
    pub fn url(&self) -> Option<String> {
        self.get("url")
            .and_then(url_of)
            .or_else(|| self.get("mainEntityOfPage").and_then(url_of))
            .filter(|u| u.starts_with("http"))
    }

    /// Keywords: an array or one comma-separated string.
    pub fn keywords(&self) -> Vec<String> {
        match self.get("keywords") {
            Some(Value::Array(items)) => items.iter().filter_map(text_of).collect(),
            Some(Value::String(s)) => s
                .split(',')
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The language (`inLanguage`).
    pub fn language(&self) -> Option<String> {
        match self.get("inLanguage")? {
            Value::Object(o) => o
                .get("alternateName")
                .or_else(|| o.get("name"))
                .and_then(text_of),
            other => text_of(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article_of(script: &str) -> (LinkedData, Option<String>) {
        let data = LinkedData::from_scripts([script]);
        let headline = data.article(None).and_then(|a| a.headline());
        (data, headline)
    }

    #[test]
    fn character_references_in_strings_are_decoded() {
        assert_eq!(decode_entities("Redacci&oacute;n"), "Redacción");
        assert_eq!(
            decode_entities("Wohngew&#x00E4;chshaus &#228;"),
            "Wohngewächshaus ä"
        );
        assert_eq!(
            decode_entities("Q&A &amp; more &unknown; &#xZZ; &"),
            "Q&A & more &unknown; &#xZZ; &"
        );
        let (_, headline) =
            article_of(r#"{"@type": "NewsArticle", "headline": "Caf&eacute; &quot;Europa&quot;"}"#);
        assert_eq!(headline.as_deref(), Some("Café \"Europa\""));
    }

    #[test]
    fn plain_news_article() {
        let (data, headline) = article_of(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Pompeo urges",
                "author":{"@type":"Person","name":"Nazrin Gadimova"},
                "publisher":{"@type":"Organization","name":"Newsroom"},
                "datePublished":"2020-02-05T10:12:00+03:00","keywords":"China, Kazakhstan"}"#,
        );
        assert_eq!(headline.as_deref(), Some("Pompeo urges"));
        let a = data.article(None).unwrap();
        assert_eq!(a.authors()[0].name, "Nazrin Gadimova");
        assert_eq!(a.publisher().as_deref(), Some("Newsroom"));
        assert_eq!(a.keywords(), ["China", "Kazakhstan"]);
        assert_eq!(
            a.text("datePublished").as_deref(),
            Some("2020-02-05T10:12:00+03:00")
        );
    }

    #[test]
    fn graph_with_references() {
        let data = LinkedData::from_scripts([r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"The Blog"},
            {"@type":"WebPage","@id":"#page","name":"Page name","datePublished":"2019-01-01"},
            {"@type":"Article","@id":"#article","headline":"Real headline",
             "author":{"@id":"#person"},"datePublished":"2020-02-05"},
            {"@type":"Person","@id":"#person","name":"Jane Doe"}]}"##]);
        let a = data.article(None).unwrap();
        assert!(!a.is_page);
        assert_eq!(a.headline().as_deref(), Some("Real headline"));
        assert_eq!(a.authors()[0].name, "Jane Doe");
        assert_eq!(data.website_name(), Some("The Blog"));
    }

    #[test]
    fn arrays_and_several_authors() {
        let data = LinkedData::from_scripts([r#"[{"@type":"BreadcrumbList"},
            {"@type":["NewsArticle"],"headline":"H","author":[{"@type":"Person","name":"A B"},
             {"@type":"Organization","name":"Org"}, "C D"]}]"#]);
        let names: Vec<(String, bool)> = data
            .article(None)
            .unwrap()
            .authors()
            .into_iter()
            .map(|a| (a.name, a.organization))
            .collect();
        assert_eq!(
            names,
            [
                ("A B".into(), false),
                ("Org".into(), true),
                ("C D".into(), false)
            ]
        );
    }

    #[test]
    fn malformed_json_is_repaired() {
        let (_, headline) = article_of(
            "//<![CDATA[\n{\"@type\": \"Article\", /* note */ \"headline\": \"Line\tone\",\n}\n//]]>",
        );
        assert_eq!(headline.as_deref(), Some("Line one"));
        let (_, headline) =
            article_of(r#"{"@type":"WebSite","name":"x"}{"@type":"BlogPosting","headline":"Two"}"#);
        assert_eq!(headline.as_deref(), Some("Two"));
    }

    #[test]
    fn the_article_agreeing_with_the_title_wins() {
        let data = LinkedData::from_scripts([
            r#"{"@type":"NewsArticle","headline":"Related story","datePublished":"2019-01-01"}"#,
            r#"{"@type":"NewsArticle","headline":"Main story","datePublished":"2020-01-01"}"#,
        ]);
        let a = data.article(Some("Main story | Site")).unwrap();
        assert_eq!(a.headline().as_deref(), Some("Main story"));
    }
}
