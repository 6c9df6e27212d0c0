//! The byline: who wrote the article, from metadata or the byline printed
//! near the headline, cleaned down to people's names.

use std::sync::LazyLock;

use super::page::by_nearness;
use super::{Found, fold};
use crate::read::html::dates::{self, DayOrder};
use crate::read::html::normalize::clean_text;
use crate::read::html::patterns::{
    AUTHOR_SEPARATORS, BYLINE_INNER_MAX_WORDS, BYLINE_INNER_WORDS, BYLINE_NAME_PARTICLES,
    BYLINE_PREFIXES, BYLINE_ROLE_WORDS, BYLINE_STOP_WORDS, MAX_AUTHORS, MAX_BYLINE_CHARS,
    MAX_META_LINE_CHARS, MAX_NAME_WORDS, META_AUTHOR, ORGANIZATION_WORDS,
};

impl Found<'_> {
    /// Whether a byline candidate only names the site.
    fn is_site_name(&self, name: &str) -> bool {
        let folded = fold(name);
        self.article
            .site_name
            .as_deref()
            .is_some_and(|s| fold(s) == folded)
            || self
                .website_name
                .as_deref()
                .is_some_and(|s| fold(s) == folded)
            || self.host().is_some_and(|h| {
                let squeezed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
                h.split('.').any(|label| label == squeezed)
            })
    }

    /// `byline` and `authors`: JSON-LD authors, author meta tags, microdata,
    /// `rel=author`, elements whose class names the byline, then a "By …"
    /// line near the headline.
    pub(super) fn byline(&mut self, anchor: Option<usize>) {
        let page = self.page;
        let mut candidates: Vec<(String, bool, String)> = Vec::new();
        if let Some(ld) = self.ld {
            let people: Vec<String> = ld
                .authors()
                .into_iter()
                .filter(|a| !a.organization)
                .map(|a| a.name)
                .collect();
            if !people.is_empty() {
                candidates.push((people.join("\n, "), false, "json-ld".into()));
            }
        }
        for key in META_AUTHOR {
            let values: Vec<&str> = page
                .metas_named(key)
                .filter(|v| !v.contains("://") && !v.starts_with("www."))
                .collect();
            if !values.is_empty() {
                candidates.push((values.join("\n, "), false, format!("meta:{key}")));
            }
        }
        for spot in by_nearness(
            page.props_named("author")
                .chain(page.props_named("creator")),
            anchor,
        ) {
            if !spot.foreign {
                candidates.push((spot.text.clone(), true, "itemprop:author".into()));
            }
        }
        for spot in by_nearness(page.rel_authors.iter(), anchor) {
            if !spot.foreign {
                candidates.push((spot.text.clone(), true, "rel:author".into()));
            }
        }
        for spot in by_nearness(page.bylines.iter(), anchor) {
            if !spot.foreign {
                candidates.push((spot.text.clone(), true, "class:byline".into()));
            }
        }
        let headline = fold(&self.article.headline);
        for i in page.lines_near(anchor) {
            let line = &page.lines[i];
            if line.foreign
                || line.text.chars().count() > MAX_META_LINE_CHARS
                || fold(&line.text) == headline
            {
                continue;
            }
            if starts_with_prefix(&line.text) {
                candidates.push((line.text.clone(), true, "text:byline".into()));
            } else if strip_prefix(&line.text)
                .is_some_and(|rest| rest.trim_matches([':', ' ']).is_empty())
                && let Some(next) = page.lines.get(i + 1).filter(|l| !l.foreign)
            {
                // A byline word alone on its line ("Von:"), the name below it.
                candidates.push((next.text.clone(), true, "text:byline".into()));
            } else if let Some(rest) = inner_byline(&line.text, self.day_order())
                && clean_byline(rest, true).is_some_and(|(_, names)| {
                    // Mid-line, "von"/"by" is as often a preposition: only
                    // full names (given and family name) count.
                    names.iter().all(|n| n.split_whitespace().count() >= 2)
                })
            {
                candidates.push((rest.to_string(), true, "text:byline".into()));
            }
        }
        for (raw, strict, source) in candidates {
            if let Some((display, names)) = clean_byline(&raw, strict) {
                let before = names.len();
                let names: Vec<String> = names
                    .into_iter()
                    .filter(|n| !self.is_site_name(n))
                    .collect();
                if names.is_empty() {
                    continue;
                }
                let display = if display.is_empty() || names.len() != before {
                    self.join_names(&names)
                } else {
                    display
                };
                self.article.byline = Some(display);
                self.article.authors = names;
                self.set_source("byline", source.clone());
                self.set_source("authors", source);
                return;
            }
        }
    }

    /// Several names as a byline displays them: "A and B", "A, B and C" in
    /// English; "A, B" otherwise.
    fn join_names(&self, names: &[String]) -> String {
        let english = self
            .article
            .language
            .as_deref()
            .is_none_or(|l| l.starts_with("en"));
        match names {
            [first @ .., last] if english && !first.is_empty() => {
                format!("{} and {last}", first.join(", "))
            }
            _ => names.join(", "),
        }
    }
}

/// Whether a line starts with a byline word ("By", "Von", "Автор:") followed by
/// more text.
fn starts_with_prefix(line: &str) -> bool {
    strip_prefix(line).is_some_and(|rest| !rest.trim().is_empty())
}

/// The text after a leading byline word, if there is one.
fn strip_prefix(text: &str) -> Option<&str> {
    // A prefix can only match where it starts as the text's first letter
    // lowercased: the others are passed over without lowercasing the text.
    let first: String = text
        .chars()
        .next()
        .map(char::to_lowercase)
        .into_iter()
        .flatten()
        .collect();
    PREFIXES_LONGEST_FIRST.iter().find_map(|p| {
        if !p.starts_with(first.as_str()) {
            return None;
        }
        let n = p.chars().count();
        let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        let (head, rest) = text.split_at(end);
        (head.to_lowercase() == *p).then_some(rest).filter(|rest| {
            p.ends_with(':')
                || rest.is_empty()
                || rest.starts_with(char::is_whitespace)
                || rest.starts_with(':')
        })
    })
}

/// [`BYLINE_PREFIXES`] longest first, so "by:" is not read as "by".
static PREFIXES_LONGEST_FIRST: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let mut list = BYLINE_PREFIXES.to_vec();
    list.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    list
});

/// The text after a byline word standing inside a short line ("Posted on
/// May 3, 2021 by Jane Doe" → "Jane Doe"), if there is one.
fn inner_byline(line: &str, order: DayOrder) -> Option<&str> {
    let short = line.split_whitespace().count() <= BYLINE_INNER_MAX_WORDS;
    if !short && dates::find(line, order).is_none() {
        return None;
    }
    let mut offset = 0;
    for word in line.split_inclusive(char::is_whitespace) {
        let bare = word.trim();
        offset += word.len();
        if BYLINE_INNER_WORDS
            .iter()
            .any(|w| bare.eq_ignore_ascii_case(w))
        {
            let rest = &line[offset..];
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return Some(rest);
            }
        }
    }
    None
}

/// Cleans a byline as the page prints it into the display form and the
/// individual names: no leading "By", nothing after a date, a role or a
/// separator, organizations and job titles dropped. `strict` (visible text)
/// also asks names to be capitalized. `None` when no name is left.
pub(super) fn clean_byline(raw: &str, strict: bool) -> Option<(String, Vec<String>)> {
    // The first line that holds more than a byline word.
    let mut text = String::new();
    for line in raw.lines() {
        let line = clean_text(line);
        let rest = strip_prefix(&line)
            .map(str::to_string)
            .unwrap_or(line.clone());
        let rest = rest.trim_start_matches([':', ' ']).trim().to_string();
        if !rest.is_empty() {
            // A list of names from metadata continues on the next lines.
            text = if raw.contains("\n, ") {
                raw.replace("\n, ", ", ")
            } else {
                rest
            };
            break;
        }
    }
    if raw.contains("\n, ") {
        text = raw
            .split("\n, ")
            .map(clean_text)
            .map(|t| strip_prefix(&t).map(|r| r.trim().to_string()).unwrap_or(t))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let mut text = text.trim().to_string();
    if let Some((_, start)) = dates::find_all(&text, DayOrder::DayFirst).first() {
        text.truncate(*start);
    }
    let text = cut_at_stop(&text);
    let display = text
        .trim()
        .trim_end_matches([',', ';', ':', '-', '|', '/', '–', '—', '·', '•'])
        .trim();
    if display.is_empty() || display.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut clean = true;
    for part in split_authors(display) {
        match clean_name(&part, strict) {
            Some(name) => {
                if !names
                    .iter()
                    .any(|n| n.to_lowercase() == name.to_lowercase())
                {
                    names.push(name);
                }
            }
            None => clean = false,
        }
    }
    if names.is_empty() || names.len() > MAX_AUTHORS {
        return None;
    }
    let display = if clean {
        display.to_string()
    } else {
        names.join(", ")
    };
    Some((display, names))
}

/// The byline up to the first stop word or separator mark.
fn cut_at_stop(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for token in text.split_whitespace() {
        let lower = token.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '|');
        let is_stop = BYLINE_STOP_WORDS.iter().any(|w| {
            // Short stop words ("on", "le") only when written in lowercase.
            (*w == lower || *w == bare)
                && (w.chars().count() > 3 || token.chars().all(|c| !c.is_uppercase()))
        });
        if is_stop && !out.is_empty() {
            break;
        }
        if is_stop {
            continue;
        }
        out.push(token);
    }
    out.join(" ")
}

/// Splits a byline into its author parts.
fn split_authors(text: &str) -> Vec<String> {
    let mut parts = vec![text.to_string()];
    for sep in AUTHOR_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a name is a web address ("stol.it", "LAOLA1.at"): the site, not
/// a person.
fn is_domain(part: &str) -> bool {
    !part.contains(char::is_whitespace)
        && part.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// One author's name cleaned of job titles, or `None` when the part is not
/// a person's name (an organization, a date, a handle, a sentence).
fn clean_name(part: &str, strict: bool) -> Option<String> {
    let part = strip_prefix(part).unwrap_or(part).trim();
    let part =
        part.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | ')' | '.' | '\''));
    let part = part.trim_start_matches('(').trim_end_matches(')');
    if part.is_empty()
        || part.contains("://")
        || part.contains('@')
        || part.starts_with("www.")
        || is_domain(part)
    {
        return None;
    }
    let lower = part.to_lowercase();
    let tokens: Vec<&str> = part.split_whitespace().collect();
    let lower_tokens: Vec<String> = tokens
        .iter()
        .map(|t| {
            t.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .collect();
    if lower_tokens
        .iter()
        .any(|t| ORGANIZATION_WORDS.contains(&t.as_str()))
        || ORGANIZATION_WORDS
            .iter()
            .any(|w| w.starts_with('.') && lower.contains(w))
    {
        return None;
    }
    let mut start = 0;
    let mut end = tokens.len();
    while start < end && BYLINE_ROLE_WORDS.contains(&lower_tokens[start].as_str()) {
        start += 1;
    }
    while end > start && BYLINE_ROLE_WORDS.contains(&lower_tokens[end - 1].as_str()) {
        end -= 1;
    }
    let kept = &tokens[start..end];
    if kept.is_empty()
        || kept.len() > MAX_NAME_WORDS
        || lower_tokens[start..end]
            .iter()
            .any(|t| BYLINE_ROLE_WORDS.contains(&t.as_str()))
    {
        return None;
    }
    let digits = kept
        .iter()
        .flat_map(|t| t.chars())
        .filter(char::is_ascii_digit)
        .count();
    if digits >= 4 {
        return None;
    }
    if strict {
        let cased: Vec<&&str> = kept
            .iter()
            .filter(|t| t.chars().any(|c| c.is_lowercase() || c.is_uppercase()))
            .collect();
        let capitalized = |t: &str| {
            t.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| !c.is_lowercase())
        };
        let all_ok = cased
            .iter()
            .all(|t| capitalized(t) || BYLINE_NAME_PARTICLES.contains(&t.to_lowercase().as_str()));
        if !all_ok || (!cased.is_empty() && !cased.iter().any(|t| capitalized(t))) {
            return None;
        }
    }
    Some(kept.join(" "))
}
