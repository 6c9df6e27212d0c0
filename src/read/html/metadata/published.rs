//! The dates: when the article was published and last modified, from
//! metadata, `<time>` and the dated lines near the headline; the words
//! before a date tell an update from the publication.

use std::sync::LazyLock;

use regex::Regex;

use super::Found;
use super::page::{DateRole, Spot, by_nearness};
use crate::read::html::dates::{self, DayOrder, Stamp};
use crate::read::html::normalize::clean_text;
use crate::read::html::patterns::{
    MAX_META_LINE_CHARS, META_MODIFIED, META_PUBLISHED, PUBLISHED_WORDS, UPDATED_WORDS, URL_DATE,
};

impl Found<'_> {
    /// How the page writes all-numeric dates: as its other dates show
    /// (`25/04/2020` is day first), else as its language does.
    pub(super) fn day_order(&self) -> DayOrder {
        *self.order.get_or_init(|| {
            dates::order_shown(self.page.lines.iter().map(|l| l.text.as_str()))
                .unwrap_or_else(|| DayOrder::for_language(self.article.language.as_deref()))
        })
    }

    /// `published` and `modified`: JSON-LD, meta tags, microdata, `<time>`,
    /// dated lines near the headline, then a date in the URL's path. A date
    /// marked as an update ("Updated …", "Last update: …") is never the
    /// publication date.
    pub(super) fn dates(&mut self, anchor: Option<usize>) {
        let page = self.page;
        let order = self.day_order();
        let mut published: Vec<(String, String)> = Vec::new();
        let mut modified: Vec<(String, String)> = Vec::new();
        let mut late_published: Vec<(String, String)> = Vec::new();
        if let Some(ld) = self.ld {
            let target = if ld.is_page {
                &mut late_published
            } else {
                &mut published
            };
            for key in ["datePublished", "dateCreated"] {
                if let Some(v) = ld.text(key) {
                    target.push((v, "json-ld".into()));
                }
            }
            if let Some(v) = ld.text("dateModified") {
                modified.push((v, "json-ld".into()));
            }
        }
        for key in META_PUBLISHED {
            for v in page.metas_named(key).take(1) {
                published.push((v.to_string(), format!("meta:{key}")));
            }
        }
        published.append(&mut late_published);
        for key in META_MODIFIED {
            for v in page.metas_named(key).take(1) {
                modified.push((v.to_string(), format!("meta:{key}")));
            }
        }
        for spot in by_nearness(page.props_named("datePublished"), anchor) {
            published.push((spot.text.clone(), "itemprop:datePublished".into()));
        }
        for spot in by_nearness(page.props_named("dateModified"), anchor) {
            modified.push((spot.text.clone(), "itemprop:dateModified".into()));
        }
        let time_spots: Vec<&Spot> = by_nearness(page.times.iter().map(|t| &t.spot), anchor);
        let time_of = |spot: &Spot| {
            page.times
                .iter()
                .find(|t| std::ptr::eq(&t.spot, spot))
                .expect("spot of a time tag")
        };
        for spot in time_spots.iter().filter(|s| !s.foreign) {
            let tag = time_of(spot);
            let value = tag.datetime.clone().unwrap_or_else(|| spot.text.clone());
            match tag.role {
                DateRole::Published => published.insert(
                    published.len().min(self.first_text_index(&published)),
                    (value, "time".into()),
                ),
                DateRole::Modified => modified.push((value, "time".into())),
                DateRole::Unknown => published.push((value, "time".into())),
            }
        }
        for spot in by_nearness(page.date_spots.iter(), anchor) {
            if !spot.foreign {
                self.dated_text(
                    &spot.text,
                    order,
                    "text:date",
                    &mut published,
                    &mut modified,
                );
            }
        }
        for i in page.lines_near(anchor) {
            let line = &page.lines[i];
            if line.foreign {
                continue;
            }
            if line.text.chars().count() <= MAX_META_LINE_CHARS {
                self.dated_text(
                    &line.text,
                    order,
                    "text:date",
                    &mut published,
                    &mut modified,
                );
            } else if let Some((stamp, 0)) = dates::find_all(&line.text, order).first() {
                // A dateline opening the first paragraphs ("27.1.2022 - Bei …").
                published.push((stamp.iso(), "text:dateline".into()));
            }
        }
        // Last, a date the page labels as the publication anywhere, even in
        // its footer ("Erschienen am: 01.11.2023").
        for line in page.lines.iter().filter(|l| l.foreign) {
            if line.text.chars().count() <= MAX_META_LINE_CHARS {
                for (stamp, start) in dates::find_all(&line.text, order) {
                    if role_of(&context_before(&line.text, start)) == DateRole::Published {
                        published.push((stamp.iso(), "text:labelled".into()));
                    }
                }
            }
        }
        if let Some(url) = &self.article.url
            && let Some(c) = URL_DATE_RE.captures(url)
        {
            published.push((format!("{}-{}-{}", &c[1], &c[2], &c[3]), "url".into()));
        }
        let parse_first = |list: &[(String, String)]| {
            list.iter()
                .find_map(|(v, src)| parse_date(v, order).map(|s| (s, src.clone())))
        };
        let shown = published
            .iter()
            .filter(|(_, src)| src == "text:date")
            .find_map(|(v, _)| parse_date(v, order));
        let mut published = parse_first(&published);
        if let (Some((stamp, source)), Some(shown)) = (&mut published, shown)
            && let Some(local) = dates::localize(*stamp, shown)
        {
            *stamp = local;
            *source = format!("{source}+text:date");
        }
        let modified = parse_first(&modified);
        if let Some((stamp, source)) = &published {
            self.article.published = Some(stamp.iso());
            self.set_source("published", source.clone());
        }
        if let Some((stamp, source)) = modified {
            let later = published
                .as_ref()
                .is_none_or(|(p, _)| stamp.day_key() >= p.day_key());
            if later {
                self.article.modified = Some(stamp.iso());
                self.set_source("modified", source);
            }
        }
    }

    /// Where in a list of date candidates the text-derived ones start (a
    /// `<time>` marked as the publication goes before them).
    fn first_text_index(&self, list: &[(String, String)]) -> usize {
        list.iter()
            .position(|(_, src)| src == "time" || src.starts_with("text"))
            .unwrap_or(list.len())
    }

    /// Adds the dates written in a piece of text to the publication or the
    /// update candidates, by the words before each.
    fn dated_text(
        &self,
        text: &str,
        order: DayOrder,
        source: &str,
        published: &mut Vec<(String, String)>,
        modified: &mut Vec<(String, String)>,
    ) {
        for line in text.lines() {
            for (stamp, start) in dates::find_all(line, order) {
                let context = context_before(line, start);
                let entry = (stamp.iso(), source.to_string());
                match role_of(&context) {
                    DateRole::Modified => modified.push(entry),
                    _ => published.push(entry),
                }
            }
        }
    }
}

static URL_DATE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(URL_DATE).expect("valid regex"));

fn parse_date(value: &str, order: DayOrder) -> Option<Stamp> {
    let value = clean_text(value);
    if value.is_empty() {
        return None;
    }
    dates::parse(&value, order)
}

/// Whether the words before or around a date mark it as an update or the
/// publication.
pub(super) fn role_of(context: &str) -> DateRole {
    let lower = context.to_lowercase();
    let last = |list: &[&str]| list.iter().filter_map(|w| last_word_at(&lower, w)).max();
    match (last(UPDATED_WORDS), last(PUBLISHED_WORDS)) {
        (Some(u), Some(p)) if p > u => DateRole::Published,
        (Some(_), _) => DateRole::Modified,
        (None, Some(_)) => DateRole::Published,
        (None, None) => DateRole::Unknown,
    }
}

/// The 40 characters before a byte offset in a line: the words that label
/// a date written there.
fn context_before(line: &str, at: usize) -> String {
    let before = &line[..at];
    let start = before.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    before[start..].to_string()
}

/// Where the last occurrence of `word` in `text` as a whole word starts.
fn last_word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| i)
        .last()
}
