//! What the e-book writers (EPUB and PDF) tell about an article or an
//! edition of many, worked out once: the edition's title and its range of
//! days, the creators, the languages, and the dates line under a headline.
//!
//! Dates are shown as the page wrote them, never moved to UTC. Where the two
//! writers word things differently, the difference is a parameter here
//! ([`EnglishDates`], [`UpdatedWording`], the range's joiner, whether names
//! are trimmed), so each keeps its wording while the logic stays one.

use crate::date::Stamp;
use crate::model::Article;
use crate::write::language::{language, primary_subtag};

/// Title of an edition when `--title` gives none.
pub const DEFAULT_TITLE: &str = "galley edition";

/// The edition's title: the one given, else [`DEFAULT_TITLE`] followed by
/// the range of days when one is passed ("galley edition, 2020-02-05").
pub fn title(given: Option<&str>, range: Option<&str>) -> String {
    match (given, range) {
        (Some(title), _) => title.to_string(),
        (None, Some(range)) => format!("{DEFAULT_TITLE}, {range}"),
        (None, None) => DEFAULT_TITLE.to_string(),
    }
}

/// Every publication date the articles carry, in order, as written.
pub fn published<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
) -> impl Iterator<Item = Stamp> {
    articles
        .into_iter()
        .filter_map(|a| a.published.as_deref().and_then(Stamp::parse))
}

/// The days the articles were published, first to last as written
/// (`2020-02-05`, or `2020-02-05{to}2020-02-09`); `None` when none is dated.
/// `to` joins the two days: " – " in the EPUB, " to " in the PDF.
pub fn date_range<'a>(articles: impl IntoIterator<Item = &'a Article>, to: &str) -> Option<String> {
    let days: Vec<Stamp> = published(articles).collect();
    let first = days.iter().min_by_key(|s| s.day_key())?;
    let last = days.iter().max_by_key(|s| s.day_key())?;
    Some(if first.day_key() == last.day_key() {
        first.day_iso()
    } else {
        format!("{}{to}{}", first.day_iso(), last.day_iso())
    })
}

/// Every distinct author, in order; the byline for an article that lists no
/// author. With `trim`, names are trimmed and blank ones left out (the
/// EPUB); without, they are kept as the article gives them (the PDF).
pub fn creators<'a>(articles: impl IntoIterator<Item = &'a Article>, trim: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for article in articles {
        let names: Vec<&str> = if article.authors.is_empty() {
            article.byline.as_deref().into_iter().collect()
        } else {
            article.authors.iter().map(String::as_str).collect()
        };
        for name in names {
            let name = if trim { name.trim() } else { name };
            if trim && name.is_empty() {
                continue;
            }
            if !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// Every distinct language of the articles ([`language`]), in order.
pub fn languages<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for article in articles {
        let lang = language(article);
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    out
}

/// Which articles get their dates in English words ("5 February 2020")
/// rather than ISO days: the EPUB and the PDF decide differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnglishDates {
    /// Articles whose language ([`language`], the tag or the script) has
    /// the primary subtag `en`; an untagged article reads ISO (the EPUB).
    ByLanguage,
    /// Articles whose own tag starts with `en`, and untagged ones (the PDF).
    UnlessTaggedOtherwise,
}

impl EnglishDates {
    /// Whether `article`'s dates read in English words.
    pub fn for_article(self, article: &Article) -> bool {
        match self {
            EnglishDates::ByLanguage => primary_subtag(&language(article)) == "en",
            EnglishDates::UnlessTaggedOtherwise => article
                .language
                .as_deref()
                .is_none_or(|l| l.to_ascii_lowercase().starts_with("en")),
        }
    }
}

/// The words before an update date in the dates line.
#[derive(Debug, Clone, Copy)]
pub struct UpdatedWording<'a> {
    /// After the publication date: "5 February 2020 · updated 6 February 2020".
    pub after_published: &'a str,
    /// With no publication date: "Updated 6 February 2020".
    pub alone: &'a str,
}

/// "5 February 2020 · Updated 6 February 2020": the publication date, and
/// the update when it falls on another day, each as written by the page.
/// `mark` turns a date and its shown text into the writer's markup.
/// `None` when the article carries neither date.
pub fn dates_line(
    article: &Article,
    english: EnglishDates,
    updated: UpdatedWording,
    mark: impl Fn(&Stamp, String) -> String,
) -> Option<String> {
    let english = english.for_article(article);
    let parse = |date: &Option<String>| date.as_deref().and_then(Stamp::parse);
    let published = parse(&article.published);
    let modified =
        parse(&article.modified).filter(|m| published.is_none_or(|p| p.day_key() != m.day_key()));
    let show = |s: &Stamp| mark(s, s.display(english));
    match (published, modified) {
        (Some(p), Some(m)) => Some(format!(
            "{} · {} {}",
            show(&p),
            updated.after_published,
            show(&m)
        )),
        (Some(p), None) => Some(show(&p)),
        (None, Some(m)) => Some(format!("{} {}", updated.alone, show(&m))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: UpdatedWording = UpdatedWording {
        after_published: "updated",
        alone: "Updated",
    };

    fn dated(published: Option<&str>, modified: Option<&str>, lang: Option<&str>) -> Article {
        Article {
            published: published.map(str::to_string),
            modified: modified.map(str::to_string),
            language: lang.map(str::to_string),
            ..Article::default()
        }
    }

    fn line(article: &Article, english: EnglishDates) -> Option<String> {
        dates_line(article, english, PLAIN, |_, shown| shown)
    }

    #[test]
    fn the_day_is_shown_as_the_page_wrote_it() {
        let late = dated(Some("2021-01-01T02:00:00+03:00"), None, Some("en"));
        for rule in [
            EnglishDates::ByLanguage,
            EnglishDates::UnlessTaggedOtherwise,
        ] {
            assert_eq!(line(&late, rule).as_deref(), Some("1 January 2021"));
        }
    }

    #[test]
    fn an_update_shows_only_on_another_day() {
        let a = dated(
            Some("2020-02-05T10:00:00Z"),
            Some("2020-02-05T18:00:00Z"),
            None,
        );
        assert_eq!(
            line(&a, EnglishDates::UnlessTaggedOtherwise).as_deref(),
            Some("5 February 2020")
        );
        let b = dated(Some("2020-02-05"), Some("2020-02-06"), Some("de"));
        assert_eq!(
            line(&b, EnglishDates::ByLanguage).as_deref(),
            Some("2020-02-05 · updated 2020-02-06")
        );
        let c = dated(None, Some("2020-02-06"), None);
        assert_eq!(
            line(&c, EnglishDates::ByLanguage).as_deref(),
            Some("Updated 2020-02-06")
        );
        assert_eq!(
            line(&dated(None, None, None), EnglishDates::ByLanguage),
            None
        );
    }

    #[test]
    fn editions_are_titled_by_their_days() {
        let articles = [
            dated(Some("2020-02-09"), None, None),
            dated(Some("2020-02-05T23:30:00-05:00"), None, None),
            dated(None, None, None),
        ];
        let range = date_range(&articles, " – ");
        assert_eq!(range.as_deref(), Some("2020-02-05 – 2020-02-09"));
        assert_eq!(
            title(None, range.as_deref()),
            "galley edition, 2020-02-05 – 2020-02-09"
        );
        assert_eq!(title(Some("Weekly"), range.as_deref()), "Weekly");
        assert_eq!(date_range(&articles[2..], " to "), None);
    }

    #[test]
    fn creators_are_distinct() {
        let a = Article {
            authors: vec!["Ann Lee".into(), " Ann Lee".into()],
            ..Article::default()
        };
        let b = Article {
            byline: Some("Bo Kim".into()),
            ..Article::default()
        };
        assert_eq!(creators([&a, &b], true), ["Ann Lee", "Bo Kim"]);
        assert_eq!(creators([&a, &b], false), ["Ann Lee", " Ann Lee", "Bo Kim"]);
    }
}
