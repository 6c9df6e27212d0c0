//! The dates: when the article was published and last modified, from
//! metadata, `<time>` and the dated lines near the headline; the words
//! before a date tell an update from the publication.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::found::Found;
use super::page::{DateRole, Page, Spot, TimeTag, by_nearness, nearness};
use crate::date::Stamp;
use crate::read::html::dates::{self, DayOrder};
use crate::read::html::normalize::clean_text;
use crate::read::html::patterns::{
    DATE_LABEL_MAX_CHARS, DATELINE_MAX_WORDS_BEFORE, DATELINE_SEPARATORS, LINES_AFTER_HEADLINE,
    MAX_META_LINE_CHARS, META_DATE, META_MODIFIED, META_PUBLISHED, MIN_PLAUSIBLE_YEAR,
    MIN_REPEATS_IN_TEXT, PUBLISHED_WORDS, UPDATED_WORDS, URL_DATE, URL_DATE_YEAR_LAST,
};

impl Found<'_> {
    /// `published` and `modified`: JSON-LD, meta tags and microdata, then
    /// the dates the page prints near the headline (`<time>`, dated lines),
    /// then meta tags that name a date without saying which, a date the
    /// page labels as the publication anywhere, a date in the URL's path or
    /// opening the page's title, and a `<time>` by the headline in an area
    /// that looked foreign. A date marked as an update ("Updated …", "Last
    /// update: …") is never the publication date, even when the page tells
    /// no other. When the metadata and the printed date disagree, a
    /// metadata date on the printed day is taken (see [`settle`]).
    pub(super) fn dates(&mut self, anchor: Option<usize>) {
        let page = self.page;
        let order = self.day_order();
        let mut found = DateCandidates::default();
        self.metadata_dates(anchor, &mut found);
        time_tag_dates(page, anchor, &mut found);
        self.printed_text_dates(anchor, order, &mut found);
        found.printed.sort_by_key(|(near, _, _, _)| *near);
        // The printed date, and whether it stands above the headline, where
        // a page's header shows the day it was viewed.
        let shown = found.printed.iter().find_map(|(_, line, v, src)| {
            let above = anchor.is_none_or(|at| *line < at);
            parse_date(v, order).map(|s| ((s, src.clone()), above))
        });
        let parse_all = |list: &[(String, String)]| -> Vec<(Stamp, String)> {
            list.iter()
                .filter_map(|(v, src)| parse_date(v, order).map(|s| (s, src.clone())))
                .collect()
        };
        let modified = parse_all(&found.modified).into_iter().next();
        let published = settle(
            &parse_all(&found.published),
            shown,
            &parse_all(&found.generic),
            modified.as_ref().map(|(s, _)| *s),
            |day| {
                page.lines.iter().any(|l| {
                    dates::find_all(&l.text, order)
                        .iter()
                        .any(|(s, _)| s.day_key() == day)
                })
            },
        )
        .or_else(|| {
            parse_all(&self.labelled_anywhere(&found.late, order))
                .into_iter()
                .next()
        })
        // A page that tells only when it was updated leaves its first
        // publication unknown: the update is not taken for it.
        .or_else(|| parse_all(&found.stray).into_iter().next())
        .or_else(|| most_frequent_date(page, order));
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

    /// The dates the metadata gives: JSON-LD (a page object's after the meta
    /// tags), meta tags naming the publication, a date of no stated kind or
    /// the update, then microdata nearest the headline first.
    fn metadata_dates(&self, anchor: Option<usize>, found: &mut DateCandidates) {
        let page = self.page;
        let mut late_published: Vec<(String, String)> = Vec::new();
        if let Some(ld) = self.ld {
            let target = if ld.is_page {
                &mut late_published
            } else {
                &mut found.published
            };
            for key in ["datePublished", "dateCreated"] {
                if let Some(v) = ld.text(key) {
                    target.push((v, "json-ld".into()));
                }
            }
            if let Some(v) = ld.text("dateModified") {
                found.modified.push((v, "json-ld".into()));
            }
        }
        for key in META_PUBLISHED {
            for v in page.metas_named(key).take(1) {
                found.published.push((v.to_string(), format!("meta:{key}")));
            }
        }
        found.published.append(&mut late_published);
        for key in META_DATE {
            for v in page.metas_named(key).take(1) {
                found.generic.push((v.to_string(), format!("meta:{key}")));
            }
        }
        for key in META_MODIFIED {
            for v in page.metas_named(key).take(1) {
                found.modified.push((v.to_string(), format!("meta:{key}")));
            }
        }
        for spot in by_nearness(page.props_named("datePublished"), anchor) {
            found
                .published
                .push((spot.text.clone(), "itemprop:datePublished".into()));
        }
        for spot in by_nearness(page.props_named("dateModified"), anchor) {
            found
                .modified
                .push((spot.text.clone(), "itemprop:dateModified".into()));
        }
    }

    /// The dates printed in the text near the headline: elements named for
    /// a date, then dated text lines (a dateline opening a long one), each
    /// ranked by its distance from the headline, marked elements first.
    fn printed_text_dates(
        &self,
        anchor: Option<usize>,
        order: DayOrder,
        found: &mut DateCandidates,
    ) {
        let page = self.page;
        let mut from_text: Vec<(String, String)> = Vec::new();
        let printed = &mut found.printed;
        // Elements marked as dates go before plain text lines.
        let mut at_line = |line: usize, marked: bool, found: &mut Vec<(String, String)>| {
            let near = 1 + nearness(line, anchor) + if marked { 0 } else { usize::MAX / 2 };
            printed.extend(found.drain(..).map(|(v, src)| (near, line, v, src)));
        };
        for spot in by_nearness(page.date_spots.iter(), anchor) {
            if !spot.foreign {
                self.dated_text(
                    &spot.text,
                    label_above(page, spot.line),
                    order,
                    "text:date",
                    &mut from_text,
                    &mut found.modified,
                );
                at_line(spot.line, true, &mut from_text);
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
                    label_above(page, i),
                    order,
                    "text:date",
                    &mut from_text,
                    &mut found.modified,
                );
            } else if let Some(stamp) = dateline(&line.text, order) {
                // A dateline opening the first paragraphs ("27.1.2022 - Bei …",
                // "Berlin, 25. Januar 2022 – …").
                from_text.push((stamp.iso(), "text:dateline".into()));
            }
            at_line(i, false, &mut from_text);
        }
    }

    /// Last, a date the page labels as the publication anywhere, even in
    /// its footer ("Erschienen am: 01.11.2023"), then one in the URL's path
    /// or opening the title, after the labelled `<time>`s outside the
    /// article (`late`): looked for only when nothing before dates the page.
    fn labelled_anywhere(
        &self,
        late: &[(String, String)],
        order: DayOrder,
    ) -> Vec<(String, String)> {
        let page = self.page;
        let mut late = late.to_vec();
        for (i, line) in page.lines.iter().enumerate() {
            if !dates::may_hold_date(&line.text) || line.text.chars().count() > MAX_META_LINE_CHARS
            {
                continue;
            }
            for (stamp, start) in dates::find_all(&line.text, order) {
                let mut context = context_before(&line.text, start);
                if context.trim().is_empty()
                    && let Some(label) = label_above(page, i)
                {
                    context = label.to_string();
                }
                if role_of(&context) == DateRole::Published {
                    late.push((stamp.iso(), "text:labelled".into()));
                }
            }
        }
        if let Some(url) = &self.article.url {
            if let Some(c) = URL_DATE_RE.captures(url) {
                late.push((format!("{}-{}-{}", &c[1], &c[2], &c[3]), "url".into()));
            }
            // A path part that is a date with the year last
            // ("/meldungen/29-10-2021"), read in the page's order.
            for c in URL_DATE_YEAR_LAST_RE.captures_iter(url) {
                if let Some(stamp) = dates::find(&c[1], order) {
                    late.push((stamp.iso(), "url".into()));
                }
            }
        }
        // A title that opens with a date ("08.11.2021 | Fachtag …").
        if let Some(stamp) = page
            .title
            .as_deref()
            .and_then(|t| dateline(t.trim(), order))
        {
            late.push((stamp.iso(), "title".into()));
        }
        late
    }

    /// Adds the dates written in a piece of text to the publication or the
    /// update candidates, by the words before each; a date opening a line
    /// is labelled by the short line above it, if any (`label`, the page's
    /// line above the text's first).
    fn dated_text(
        &self,
        text: &str,
        label: Option<&str>,
        order: DayOrder,
        source: &str,
        published: &mut Vec<(String, String)>,
        modified: &mut Vec<(String, String)>,
    ) {
        let mut above = label;
        for line in text.lines() {
            for (stamp, start) in dates::find_all(line, order) {
                let mut context = context_before(line, start);
                if let Some(label) = above.filter(|_| context.trim().is_empty()) {
                    context = format!("{label} {context}");
                }
                let entry = (stamp.iso(), source.to_string());
                match role_of(&context) {
                    DateRole::Modified => modified.push(entry),
                    _ => published.push(entry),
                }
            }
            above = short_label(line);
        }
    }
}

/// The date candidates gathered from every source, each as (value, where it
/// came from), in the order of preference.
#[derive(Default)]
struct DateCandidates {
    /// Metadata naming the publication.
    published: Vec<(String, String)>,
    /// Metadata and printed dates naming the update.
    modified: Vec<(String, String)>,
    /// Meta tags naming a date of no stated kind.
    generic: Vec<(String, String)>,
    /// Dates printed on the page: (rank by nearness, line, value, source).
    printed: Vec<(usize, usize, String, String)>,
    /// `<time>`s marked as the publication outside the article.
    late: Vec<(String, String)>,
    /// Plain `<time>`s right by the headline in an area that looked foreign.
    stray: Vec<(String, String)>,
}

/// The `<time>` elements, nearest the headline first: one marked as the
/// publication goes before every printed date, an unmarked one ranks by
/// its distance; one marked as the publication or the update counts even
/// in the page's footer.
fn time_tag_dates(page: &Page, anchor: Option<usize>, found: &mut DateCandidates) {
    let time_spots: Vec<&Spot> = by_nearness(page.times.iter().map(|t| &t.spot), anchor);
    let time_of = |spot: &Spot| {
        page.times
            .iter()
            .find(|t| std::ptr::eq(&t.spot, spot))
            .expect("spot of a time tag")
    };
    for spot in &time_spots {
        let tag = time_of(spot);
        let value = tag.datetime.clone().unwrap_or_else(|| spot.text.clone());
        let near = 1 + nearness(spot.line, anchor);
        match (tag.role, spot.foreign) {
            (DateRole::Published, false) => {
                found.printed.push((0, spot.line, value, "time".into()));
            }
            (DateRole::Modified, false) => found.modified.push((value, "time".into())),
            (DateRole::Unknown, false) => {
                found.printed.push((near, spot.line, value, "time".into()));
            }
            // A `<time>` marked as the publication or the update counts
            // even in the page's footer, after the dates near the headline.
            (DateRole::Published, true) => found.late.push((value, "time:labelled".into())),
            (DateRole::Modified, true) => found.modified.push((value, "time:labelled".into())),
            // A plain `<time>` in an area that looked foreign, right
            // by the headline (the article's own margin column), when
            // nothing else dates the page.
            (DateRole::Unknown, true) if near <= 1 + LINES_AFTER_HEADLINE => {
                found.stray.push((value, "time".into()));
            }
            (DateRole::Unknown, true) => {}
        }
    }
}

/// Last of all (htmldate's method), the day the article's own text writes
/// most often, of those after [`MIN_PLAUSIBLE_YEAR`]: a date in a short
/// line (a dateline, a caption's) counts from once, one in running text
/// from [`MIN_REPEATS_IN_TEXT`] times; a date labelled as an update never
/// counts, nor one in an area that is not the article (comments, related
/// lists). Of days written as often, the earliest (the original
/// publication, before updates and the day the page was saved) — unless
/// each is written once: then none.
fn most_frequent_date(page: &Page, order: DayOrder) -> Option<(Stamp, String)> {
    let mut days: Vec<DayCount> = Vec::new();
    for line in page.lines.iter().filter(|l| !l.foreign) {
        if !dates::may_hold_date(&line.text) {
            continue;
        }
        let short = line.text.chars().count() <= MAX_META_LINE_CHARS;
        for (stamp, start) in dates::find_all(&line.text, order) {
            if stamp.year < MIN_PLAUSIBLE_YEAR
                || role_of(&context_before(&line.text, start)) == DateRole::Modified
            {
                continue;
            }
            match days.iter_mut().find(|d| d.key == stamp.day_key()) {
                Some(day) => {
                    day.times += 1;
                    day.in_short_line |= short;
                }
                None => days.push(DayCount {
                    key: stamp.day_key(),
                    stamp,
                    times: 1,
                    in_short_line: short,
                }),
            }
        }
    }
    days.retain(|d| d.in_short_line || d.times >= MIN_REPEATS_IN_TEXT);
    let most = days.iter().map(|d| d.times).max()?;
    // Several days written once each (a list of linked stories) tell
    // nothing.
    let top: Vec<_> = days.into_iter().filter(|d| d.times == most).collect();
    match top.as_slice() {
        [day] => Some((day.stamp, "text:most-frequent".to_string())),
        _ if most > 1 => top
            .iter()
            .min_by_key(|d| d.key)
            .map(|day| (day.stamp, "text:most-frequent".to_string())),
        _ => None,
    }
}

/// A day the text writes, and how: for [`most_frequent_date`].
struct DayCount {
    /// Year, month, day: what makes two dates the same day.
    key: (i32, u32, u32),
    /// The first date written for that day.
    stamp: Stamp,
    /// How many times the text writes it.
    times: usize,
    /// Whether one of them stands in a short line (a dateline, a caption).
    in_short_line: bool,
}

/// The publication date from its candidates: `metadata` (JSON-LD, meta
/// tags naming the publication, microdata, most reliable first), the date
/// `printed` nearest the headline (and whether it stands above it), meta
/// tags naming a date of no stated kind (`generic`), and the `modified`
/// date; `shown_anywhere` tells whether the page prints a given day
/// anywhere.
///
/// Metadata comes first, but a page's metadata is often its system's (a
/// record created before the article went out, a re-indexing): when the
/// first metadata date falls on another day than the printed one, a date
/// from another meta tag or JSON-LD on the printed day is taken instead —
/// unless the printed day is the update's. A generic meta date goes
/// before the printed one only when it agrees with it, or when the printed
/// one stands above the headline (`above`: where a page's header shows the
/// day it is viewed) and the page prints the meta's day elsewhere. A UTC
/// stamp one day off a printed date is the same moment told in the page's
/// own time (see [`dates::localize`] and [`dates::at_local_midnight`]).
fn settle(
    metadata: &[(Stamp, String)],
    printed: Option<((Stamp, String), bool)>,
    generic: &[(Stamp, String)],
    modified: Option<Stamp>,
    shown_anywhere: impl Fn((i32, u32, u32)) -> bool,
) -> Option<(Stamp, String)> {
    let Some(((shown, shown_source), above)) = printed else {
        return metadata.iter().chain(generic).next().cloned();
    };
    let Some((first, source)) = metadata.first() else {
        return match generic.first() {
            Some((g, src))
                if g.day_key() == shown.day_key() || (above && shown_anywhere(g.day_key())) =>
            {
                Some((*g, src.clone()))
            }
            _ => Some((shown, shown_source)),
        };
    };
    if first.day_key() == shown.day_key() {
        return Some((*first, source.clone()));
    }
    if let Some(local) =
        dates::localize(*first, shown).or_else(|| dates::at_local_midnight(*first, shown))
    {
        return Some((local, format!("{source}+{shown_source}")));
    }
    if modified.is_some_and(|m| m.day_key() == shown.day_key()) {
        return Some((*first, source.clone()));
    }
    // Microdata stands on the page itself, often on the very element
    // printed: it does not vouch for the printed day.
    let agreeing = metadata
        .iter()
        .chain(generic)
        .filter(|(_, src)| !src.starts_with("itemprop"))
        .find(|(s, _)| s.day_key() == shown.day_key());
    Some(
        agreeing
            .cloned()
            .unwrap_or_else(|| (*first, source.clone())),
    )
}

static URL_DATE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(URL_DATE).expect("valid regex"));

static URL_DATE_YEAR_LAST_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(URL_DATE_YEAR_LAST).expect("valid regex"));

fn parse_date(value: &str, order: DayOrder) -> Option<Stamp> {
    let value = clean_text(value);
    if value.is_empty() {
        return None;
    }
    dates::parse(&value, order)
}

/// Judges what each `<time>` element says it is: its `pubdate` attribute,
/// then what its names say ("entry-date published"), then its own words
/// ("Updated …"), then the words before it.
pub(super) fn judge_time_roles(times: &mut [TimeTag]) {
    for time in times {
        time.role = if time.pubdate {
            DateRole::Published
        } else {
            let known = |r: &DateRole| *r != DateRole::Unknown;
            Some(role_named(&time.names.replace(['-', '_'], " ")))
                .filter(known)
                .or_else(|| Some(role_of(&time.spot.text)).filter(known))
                .unwrap_or_else(|| role_of(&time.before))
        };
    }
}

/// Whether the words before or around a date mark it as an update or the
/// publication.
fn role_of(context: &str) -> DateRole {
    let lower = context.to_lowercase();
    let present = RoleWords::in_text(&lower);
    let last = |list: &[&str], first: usize| {
        present
            .of(list, first)
            .filter_map(|w| last_word_at(&lower, w))
            .max()
    };
    match (
        last(UPDATED_WORDS, 0),
        last(PUBLISHED_WORDS, UPDATED_WORDS.len()),
    ) {
        (Some(u), Some(p)) if p > u => DateRole::Published,
        (Some(_), _) => DateRole::Modified,
        (None, Some(_)) => DateRole::Published,
        (None, None) => DateRole::Unknown,
    }
}

/// The date a long line opens with, as a dateline does: at its start, or
/// after a few words of place or label and set off by a dash, bar or
/// bracket ("Berlin, 25. Januar 2022 – …", "(21. November 2022) …") — not
/// a sentence's own date ("Le 6 août 2019, le député …").
fn dateline(line: &str, order: DayOrder) -> Option<Stamp> {
    let (stamp, start) = *dates::find_all(line, order).first()?;
    if start == 0 {
        return Some(stamp);
    }
    let before = &line[..start];
    let year = stamp.year.to_string();
    let after = line[start..]
        .find(&year)
        .map(|i| line[start + i + year.len()..].trim_start())?;
    (before.split_whitespace().count() <= DATELINE_MAX_WORDS_BEFORE
        && !before.contains(['.', '!', '?', ':'])
        && after.starts_with(DATELINE_SEPARATORS))
    .then_some(stamp)
}

/// What the names of a date element (its class, id, `itemprop`) say it is:
/// the publication when any says so ("entry-date published updated" is a
/// first publication not changed since), else an update when any says so.
fn role_named(names: &str) -> DateRole {
    let lower = names
        .to_lowercase()
        .replace("datepublished", "published")
        .replace("datemodified", "modified");
    let present = RoleWords::in_text(&lower);
    let any = |list: &[&str], first: usize| {
        present
            .of(list, first)
            .any(|w| last_word_at(&lower, w).is_some())
    };
    if any(PUBLISHED_WORDS, UPDATED_WORDS.len()) {
        DateRole::Published
    } else if any(UPDATED_WORDS, 0) {
        DateRole::Modified
    } else {
        DateRole::Unknown
    }
}

/// Which of [`UPDATED_WORDS`] and [`PUBLISHED_WORDS`] (numbered in that
/// order) occur in a text, found in one pass, so that only those are looked
/// up as whole words.
struct RoleWords(u64);

/// The words of [`RoleWords`], in one automaton.
static ROLE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = UPDATED_WORDS
        .iter()
        .chain(PUBLISHED_WORDS)
        .copied()
        .collect();
    assert!(words.len() <= 64, "one bit for each word");
    AhoCorasick::new(words).expect("a list of words")
});

impl RoleWords {
    fn in_text(text: &str) -> RoleWords {
        let mut present = 0;
        for m in ROLE_WORDS.find_overlapping_iter(text) {
            present |= 1u64 << m.pattern().as_usize();
        }
        RoleWords(present)
    }

    /// The words of `list`, numbered from `first`, that occur.
    fn of<'a>(&self, list: &'a [&'a str], first: usize) -> impl Iterator<Item = &'a str> {
        let present = self.0;
        list.iter()
            .enumerate()
            .filter(move |(i, _)| present & (1u64 << (first + i)) != 0)
            .map(|(_, w)| *w)
    }
}

/// The page's line above line `at` when it is short enough to be the label
/// of a date opening line `at` ("Erschienen am:" above "13.10.2021") and
/// stands in the same kind of area (not in a menu above the article).
fn label_above(page: &Page, at: usize) -> Option<&str> {
    let foreign = page.lines.get(at).is_some_and(|l| l.foreign);
    at.checked_sub(1)
        .and_then(|i| page.lines.get(i))
        .filter(|l| l.foreign == foreign)
        .and_then(|l| short_label(&l.text))
}

/// A line short enough to label the date on the line after it.
fn short_label(line: &str) -> Option<&str> {
    let line = line.trim();
    (!line.is_empty() && line.chars().count() <= DATE_LABEL_MAX_CHARS).then_some(line)
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
