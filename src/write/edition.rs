//! What the e-book writers (EPUB and PDF) tell about an article or an
//! edition of many, worked out once: the edition's title and its range of
//! days, the creators, the languages, and the dates line under a headline.
//!
//! Dates are shown as the page wrote them, never moved to UTC, in the words
//! of the article's language ([`Words`], one table for both writers).
//! Where the two writers differ (the range's joiner, whether names are
//! trimmed, markup around a date), the difference is a parameter here.

use crate::date::Stamp;
use crate::model::Article;
use crate::write::language::{NEUTRAL, Words, language, words};

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

/// The words of the language every article shares, or the neutral words
/// when they differ: what an edition says about itself ("3 articles"), the
/// same in every writer.
pub fn common_words<'a>(articles: impl IntoIterator<Item = &'a Article>) -> &'static Words {
    let mut all = articles.into_iter().map(words_for);
    let first = all.next().unwrap_or(&NEUTRAL);
    if all.all(|w| w.tag == first.tag) {
        first
    } else {
        &NEUTRAL
    }
}

/// The edition's words for an article, by its language ([`language`]:
/// the tag, or the script of an untagged article).
pub fn words_for(article: &Article) -> &'static Words {
    words(&language(article))
}

/// "5 February 2020 · updated 6 February 2020": the publication date, and
/// the update when it falls on another day, each the day the page wrote,
/// in `words`' language. `word` turns the edition's words, and `mark` a
/// date and its shown text, into the writer's markup. `None` when the
/// article carries neither date.
pub fn dates_line(
    article: &Article,
    words: &Words,
    word: impl Fn(&str) -> String,
    mark: impl Fn(&Stamp, String) -> String,
) -> Option<String> {
    let parse = |date: &Option<String>| date.as_deref().and_then(Stamp::parse);
    let published = parse(&article.published);
    let modified =
        parse(&article.modified).filter(|m| published.is_none_or(|p| p.day_key() != m.day_key()));
    let show = |s: &Stamp| mark(s, words.date(s.year, s.month, s.day));
    match (published, modified) {
        (Some(p), Some(m)) => Some(format!(
            "{} · {} {}",
            show(&p),
            word(words.updated_after),
            show(&m)
        )),
        (Some(p), None) => Some(show(&p)),
        (None, Some(m)) => Some(format!("{} {}", word(words.updated), show(&m))),
        (None, None) => None,
    }
}

/// A date for machines (an HTML `datetime`): the day, or the day and the
/// time in the page's own offset — never shifted to UTC, and with no zone
/// at all when the page gave none.
pub fn datetime(stamp: &Stamp) -> String {
    let day = stamp.day_iso();
    let Some((h, m, s)) = stamp.time else {
        return day;
    };
    let zone = match stamp.offset {
        None => String::new(),
        Some(0) => "Z".to_string(),
        Some(minutes) => {
            let sign = if minutes < 0 { '-' } else { '+' };
            let minutes = minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
        }
    };
    format!("{day}T{h:02}:{m:02}:{s:02}{zone}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(published: Option<&str>, modified: Option<&str>, lang: Option<&str>) -> Article {
        Article {
            published: published.map(str::to_string),
            modified: modified.map(str::to_string),
            language: lang.map(str::to_string),
            ..Article::default()
        }
    }

    fn line(article: &Article) -> Option<String> {
        dates_line(article, words_for(article), str::to_string, |_, shown| {
            shown
        })
    }

    #[test]
    fn the_day_is_shown_as_the_page_wrote_it() {
        let late = dated(Some("2021-01-01T02:00:00+03:00"), None, Some("en"));
        assert_eq!(line(&late).as_deref(), Some("1 January 2021"));
        let french = dated(Some("2021-03-03T23:30:00-05:00"), None, Some("fr"));
        assert_eq!(line(&french).as_deref(), Some("3 mars 2021"));
    }

    #[test]
    fn machine_dates_keep_the_pages_offset_and_invent_none() {
        let stamp = |s: &str| Stamp::parse(s).expect("a date");
        assert_eq!(
            datetime(&stamp("2021-01-01T02:00:00+03:00")),
            "2021-01-01T02:00:00+03:00"
        );
        assert_eq!(
            datetime(&stamp("2021-01-01T02:00:00")),
            "2021-01-01T02:00:00"
        );
        assert_eq!(datetime(&stamp("2021-01-01")), "2021-01-01");
    }

    #[test]
    fn an_update_shows_only_on_another_day() {
        let a = dated(
            Some("2020-02-05T10:00:00Z"),
            Some("2020-02-05T18:00:00Z"),
            Some("en"),
        );
        assert_eq!(line(&a).as_deref(), Some("5 February 2020"));
        let b = dated(Some("2020-02-05"), Some("2020-02-06"), Some("de"));
        assert_eq!(
            line(&b).as_deref(),
            Some("5. Februar 2020 · aktualisiert am 6. Februar 2020")
        );
        // An unknown language reads the neutral form: ISO days.
        let c = dated(None, Some("2020-02-06"), None);
        assert_eq!(line(&c).as_deref(), Some("Updated 2020-02-06"));
        assert_eq!(line(&dated(None, None, None)), None);
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
