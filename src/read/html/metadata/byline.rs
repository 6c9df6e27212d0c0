//! The byline: who wrote the article, from metadata or the byline printed
//! near the headline, cleaned down to people's names.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::found::Found;
use super::names;
use super::page::{Page, Spot, by_nearness};
use super::text::{fold_marks, folds_marks_to};
use crate::read::html::dates::{self, DayOrder};
use crate::read::html::normalize::clean_text;
use crate::read::html::patterns::{
    AGENCY_INITIALS_MAX_CHARS, AUTHOR_CONJUNCTIONS, AUTHOR_SEPARATORS, BYLINE_INNER_MAX_WORDS,
    BYLINE_INNER_WORDS, BYLINE_NAME_PARTICLES, BYLINE_PREFIXES, BYLINE_ROLE_WORDS,
    BYLINE_STOP_WORDS, CO_AUTHOR_WORDS, CREDIT_WORDS, DATED_LINE_MAX_PARTS, DATED_LINE_SEPARATORS,
    FULL_NAME_ENDS, FULL_NAME_MAX_WORDS, INNER_HANDLE_MIN_CHARS, LINES_AFTER_HEADLINE,
    LINES_BEFORE_HEADLINE, MAX_AUTHORS, MAX_BYLINE_CHARS, MAX_META_LINE_CHARS, MAX_NAME_WORDS,
    MAX_SOURCE_CREDIT_CHARS, META_AUTHOR, MIN_HANDLE_CHARS, NOT_AUTHOR_NAMES, ORGANIZATION_WORDS,
    SHOUTED_SHORT_FORM_MAX_LETTERS, SOURCE_LABELS, TIME_WORDS, WEEKDAY_NAMES,
};

/// How a byline candidate's names are judged, by where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Judge {
    /// Metadata (JSON-LD, meta tags): names as written.
    Loose,
    /// An element marked as the author's (`rel=author`, `itemprop=author`,
    /// a byline class): capitalized names, or one handle ("gizzmo").
    Marked,
    /// Visible text: capitalized names only.
    Strict,
}

/// A place on the page that may name the author.
struct Candidate {
    raw: String,
    judge: Judge,
    source: String,
    /// Typed as a person by the page: kept even when it equals the site
    /// name (a personal site is named after its author).
    person: bool,
}

/// A candidate cleaned to its names.
#[derive(Clone)]
struct Named {
    display: String,
    names: Vec<String>,
    source: String,
    judge: Judge,
    /// Whether it names the site (kept because the page types it as a
    /// person): taken only when no other candidate names anyone.
    site: bool,
}

impl Found<'_> {
    /// Whether a byline candidate only names the site.
    fn is_site_name(&self, name: &str) -> bool {
        let folded = fold_marks(name);
        self.article
            .site_name
            .as_deref()
            .is_some_and(|s| folds_marks_to(s, &folded))
            || self
                .website_name
                .as_deref()
                .is_some_and(|s| folds_marks_to(s, &folded))
            || self.host().is_some_and(|h| {
                let squeezed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
                h.split('.').any(|label| label == squeezed)
            })
    }

    /// Every place that may name the author, most reliable first: JSON-LD
    /// authors, author meta tags, microdata, `rel=author`, elements whose
    /// class names the byline, then lines near the headline ("By …", a byline
    /// word alone above the name, "… by Jane Doe", a dated line with a name).
    /// `organizations` also takes JSON-LD authors typed as organizations.
    ///
    /// `outside` takes instead what stands in page areas that are not the
    /// article (a post's footer, an author box in the margin), comments
    /// aside: asked for when the article itself names nobody.
    fn byline_candidates(
        &self,
        anchor: Option<usize>,
        organizations: bool,
        outside: bool,
    ) -> Vec<Candidate> {
        let search = Search {
            anchor,
            outside,
            order: self.day_order(),
        };
        let page = self.page;
        let mut out: Vec<Candidate> = Vec::new();
        if !outside {
            self.metadata_candidates(organizations, &mut out);
        }
        markup_candidates(page, search, &mut out);
        let near = page.lines_near(anchor);
        self.near_line_candidates(search, &near, &mut out);
        author_link_candidates(page, search, &mut out);
        if organizations && !outside {
            source_credit_candidates(page, &mut out);
        }
        if outside {
            keep_only_microdata_when_several(&mut out);
        } else {
            far_line_candidates(page, search, &near, &mut out);
        }
        out
    }

    /// The authors the metadata gives: JSON-LD, then the author meta tags.
    fn metadata_candidates(&self, organizations: bool, out: &mut Vec<Candidate>) {
        if let Some(ld) = self.ld {
            let agents: Vec<_> = ld
                .authors()
                .into_iter()
                .filter(|a| organizations || !a.organization)
                .collect();
            if !agents.is_empty() {
                let person = agents.iter().all(|a| a.person);
                let names: Vec<String> = agents.into_iter().map(|a| a.name).collect();
                push(out, names.join("\n, "), Judge::Loose, "json-ld", person);
            }
        }
        for key in META_AUTHOR {
            let values: Vec<&str> = self
                .page
                .metas_named(key)
                .filter(|v| !v.contains("://") && !v.starts_with("www."))
                .collect();
            if !values.is_empty() {
                push(
                    out,
                    values.join("\n, "),
                    Judge::Loose,
                    &format!("meta:{key}"),
                    false,
                );
            }
        }
    }

    /// Lines near the headline: "By …", a byline word alone above the name,
    /// "… by Jane Doe", a dated line with a name (outside the article, only
    /// a byline word opening the line or one of its parts).
    fn near_line_candidates(&self, search: Search, near: &[usize], out: &mut Vec<Candidate>) {
        let page = self.page;
        let order = search.order;
        let headline = fold_marks(&self.article.headline);
        for &i in near {
            let line = &page.lines[i];
            if !search.keeps(page, line.foreign, line.area)
                || line.text.chars().count() > MAX_META_LINE_CHARS
                || folds_marks_to(&line.text, &headline)
            {
                continue;
            }
            let text = line.text.trim_start_matches(|c: char| !c.is_alphanumeric());
            let after_word = strip_prefix(text);
            if let Some(raw) = prefixed_line(page, i, text, after_word) {
                push(
                    out,
                    raw.to_string(),
                    label_judge(text, after_word),
                    "text:byline",
                    false,
                );
                continue;
            }
            if search.outside {
                // Outside the article, teasers' lines ("… von Jane Doe",
                // "Title – Subtitle 07.02.2022") name others: only a byline
                // word opening the line or one of its parts counts.
                if let Some((part, judge)) = dated_name(text, order)
                    && starts_with_prefix(part)
                {
                    push(out, part.to_string(), judge, "text:byline", false);
                }
                continue;
            }
            let found = OnceCell::new();
            let dated = || *found.get_or_init(|| dates::find(text, order).is_some());
            if let Some(rest) = inner_byline(text, dated) {
                let dated = dated();
                // Mid-line, "von"/"by" is as often a preposition: only full
                // names count, or one name (a handle) on a dated line
                // ("Publiziert am 13. Januar 2014 von jdoe").
                let judge = if dated { Judge::Marked } else { Judge::Strict };
                if clean_credit(rest, judge, false).is_some_and(|(_, names)| {
                    names.iter().all(|n| n.split_whitespace().count() >= 2)
                        || (dated
                            && names.len() == 1
                            && names[0].chars().count() >= INNER_HANDLE_MIN_CHARS
                            && follows_date(&text[..text.len() - rest.len()]))
                }) {
                    push(out, rest.to_string(), judge, "text:byline", false);
                    continue;
                }
            }
            if let Some((part, judge)) = dated_name(text, order) {
                push(out, part.to_string(), judge, "text:byline", false);
            }
        }
    }

    /// Cleans one candidate to its names: site names and account names
    /// ("admin") dropped, a list from metadata displayed as a byline joins it.
    fn named(&self, c: &Candidate, organizations: bool) -> Option<Named> {
        let (display, names) = clean_credit(&c.raw, c.judge, organizations)?;
        let before = names.len();
        // The whole text may name the site where its parts do not ("Jobs &
        // Hire"): kept as one, it gives way to any other name.
        let whole_site = names.len() > 1 && self.is_site_name(&display);
        let sites: Vec<bool> = names.iter().map(|n| self.is_site_name(n)).collect();
        let site = whole_site || sites.contains(&true);
        let names: Vec<String> = names
            .into_iter()
            .zip(sites)
            .filter(|(_, site)| c.person || whole_site || !site)
            .map(|(n, _)| n)
            .collect();
        if names.is_empty() {
            return None;
        }
        let listed = !c.source.starts_with("meta:") && c.raw.contains("\n, ");
        let display = if display.is_empty() || names.len() != before || listed {
            self.join_names(&names)
        } else {
            display
        };
        Some(Named {
            display,
            names,
            source: c.source.clone(),
            judge: c.judge,
            site,
        })
    }

    /// `byline` and `authors`: the first candidate (see
    /// [`Found::byline_candidates`]) that names people, completed from the
    /// visible byline when that names more of them or names them in full;
    /// when no candidate names a person, the desk or agency credited as the
    /// author ("Redaktion", "dpa") — never the site's own name.
    pub(super) fn byline(&mut self, anchor: Option<usize>) {
        let found: Vec<Named> = self
            .byline_candidates(anchor, false, false)
            .iter()
            .filter_map(|c| self.named(c, false))
            .collect();
        let handle = |n: &Named| n.judge == Judge::Loose && is_handle_list(n);
        let chosen = match found.iter().position(|n| !n.site && !handle(n)) {
            // A person named like the site, or a metadata handle ("jdoe"),
            // gives way to a full name the page shows.
            Some(i)
                if found[..i].iter().all(|n| n.site)
                    || (found[..i].iter().all(|n| n.site || handle(n))
                        && found[i].names.iter().all(|n| is_full_name(n))) =>
            {
                Some(i)
            }
            _ => (!found.is_empty()).then_some(0),
        };
        let chosen = chosen.map(|i| self.shown_instead(&found, i).unwrap_or(i));
        if let Some(i) = chosen {
            let named = self.completed(&found[i], &found[i + 1..]);
            self.set_byline(named);
            return;
        }
        // The article names nobody: a name marked as the author's outside
        // it (a post's footer, an author box), else the credited desk.
        let outside = self
            .byline_candidates(anchor, false, true)
            .iter()
            .filter(|c| firmly_named(c))
            .find_map(|c| self.named(c, false).filter(|n| !n.site));
        if let Some(named) = outside {
            self.set_byline(named);
            return;
        }
        let credit = self
            .byline_candidates(anchor, true, false)
            .iter()
            .find_map(|c| self.named(c, true));
        if let Some(named) = credit {
            self.set_byline(named);
        }
    }

    fn set_byline(&mut self, named: Named) {
        self.article.byline = Some(named.display);
        self.article.authors = named.names;
        self.set_source("byline", named.source.clone());
        self.set_source("authors", named.source);
    }

    /// The chosen names completed from the visible candidates after them: a
    /// byline listing the same people and more replaces them ("A" → "A and
    /// B"); a name given alone ("Jane", "JD") takes the full name it starts
    /// or abbreviates ("Jane Doe").
    fn completed(&self, chosen: &Named, later: &[Named]) -> Named {
        let visible = later.iter().filter(|n| n.judge != Judge::Loose);
        let has =
            |list: &[String], name: &str| list.iter().any(|n| fold_marks(n) == fold_marks(name));
        // Metadata listing the same people and more in full counts too
        // (JSON-LD naming the first author, `<meta name=author>` all).
        if let Some(more) = later.iter().find(|n| {
            n.names.len() > chosen.names.len()
                && chosen.names.iter().all(|c| has(&n.names, c))
                && (n.judge != Judge::Loose
                    || n.names
                        .iter()
                        .all(|m| has(&chosen.names, m) || is_full_name(m)))
        }) {
            let display = if more.judge == Judge::Loose {
                self.join_names(&more.names)
            } else {
                more.display.clone()
            };
            return Named {
                display,
                ..more.clone()
            };
        }
        let mut names = chosen.names.clone();
        let mut source = chosen.source.clone();
        for name in &mut names {
            if name.split_whitespace().count() != 1 {
                continue;
            }
            if let Some(full) = visible
                .clone()
                .flat_map(|n| n.names.iter().map(move |m| (m, &n.source)))
                .find(|(m, _)| completes(name, m))
            {
                *name = full.0.clone();
                source = full.1.clone();
            } else if let Some(full) = self.shown_in_full(name) {
                *name = full;
                source = "text:byline".to_string();
            }
        }
        let display = if names == chosen.names {
            chosen.display.clone()
        } else {
            self.join_names(&names)
        };
        Named {
            display,
            names,
            source,
            ..chosen.clone()
        }
    }

    /// The visible byline that stands for a name from meta tags the page
    /// never shows as the author's ("Die FURCHE", a publisher's desk named
    /// as the author) when a `rel=author` link or microdata in the page
    /// names people in full.
    fn shown_instead(&self, found: &[Named], i: usize) -> Option<usize> {
        let meta = &found[i];
        if !meta.source.starts_with("meta:") {
            return None;
        }
        let visible = |n: &&Named| n.judge != Judge::Loose;
        let shown = found.iter().filter(visible).any(|n| {
            n.names
                .iter()
                .any(|a| meta.names.iter().any(|b| fold_marks(a) == fold_marks(b)))
        });
        if shown {
            return None;
        }
        found[i + 1..]
            .iter()
            .position(|n| {
                matches!(n.source.as_str(), "rel:author" | "itemprop:author")
                    && visible(&n)
                    && !n.site
                    && n.names.iter().all(|a| is_full_name(a))
            })
            .map(|j| i + 1 + j)
    }

    /// The full name a name given alone ("Todd") starts a line with, as an
    /// author box prints it: "Todd Bates", or "Todd Bates - engineer,
    /// rider"; outside the article only below a byline word alone. `None`
    /// for a handle (lowercase or with digits), which a full name does not
    /// start with.
    fn shown_in_full(&self, alone: &str) -> Option<String> {
        if !alone.chars().next().is_some_and(char::is_uppercase)
            || !alone.chars().all(char::is_alphabetic)
            || !alone.chars().any(char::is_lowercase)
        {
            return None;
        }
        let lines = &self.page.lines;
        lines.iter().enumerate().find_map(|(i, line)| {
            let rest = line.text.strip_prefix(alone)?.strip_prefix(' ')?;
            // Outside the article, only below a byline word alone ("By" /
            // "Todd Bates"): elsewhere there it is a menu's or a teaser's.
            let introduced = || {
                i > 0
                    && strip_prefix(&lines[i - 1].text)
                        .is_some_and(|r| r.trim_matches([':', ' ']).is_empty())
            };
            if self.page.in_comments(line.area) || (line.foreign && !introduced()) {
                return None;
            }
            let name = FULL_NAME_ENDS
                .iter()
                .filter_map(|end| rest.split_once(end).map(|(name, _)| name))
                .min_by_key(|name| name.len())
                .unwrap_or(rest);
            let full = format!("{alone} {}", name.trim());
            let (_, names) = clean_byline(&full, true)?;
            (names.len() == 1 && names[0] == full && is_full_name(&full)).then_some(full)
        })
    }

    /// Several names as a byline displays them: "A and B", "A, B and C" with
    /// the page language's conjunction ([`AUTHOR_CONJUNCTIONS`]; English when
    /// the language is unknown); "A, B" in languages not listed.
    fn join_names(&self, names: &[String]) -> String {
        let primary = self
            .article
            .language
            .as_deref()
            .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase());
        let conjunction = match primary.as_deref() {
            None => Some("and"),
            Some(lang) => AUTHOR_CONJUNCTIONS
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, c)| *c),
        };
        match (names, conjunction) {
            ([first @ .., last], Some(and)) if !first.is_empty() => {
                format!("{} {and} {last}", first.join(", "))
            }
            _ => names.join(", "),
        }
    }
}

/// Where byline candidates are looked for: near which line the headline
/// stands, inside the article or outside it, and the page's day order for
/// the dates beside a name.
#[derive(Clone, Copy)]
struct Search {
    anchor: Option<usize>,
    outside: bool,
    order: DayOrder,
}

impl Search {
    /// Whether what stands in this area is searched: inside the article, or
    /// outside it but not among the comments.
    fn keeps(&self, page: &Page, foreign: bool, area: Option<usize>) -> bool {
        if self.outside {
            foreign && !page.in_comments(area)
        } else {
            !foreign
        }
    }
}

/// Adds a candidate.
fn push(out: &mut Vec<Candidate>, raw: String, judge: Judge, source: &str, person: bool) {
    out.push(Candidate {
        raw,
        judge,
        source: source.to_string(),
        person,
    });
}

/// The elements the page marks as the author's, nearest the headline first:
/// microdata, `rel=author` links, elements whose class names the byline.
fn markup_candidates(page: &Page, search: Search, out: &mut Vec<Candidate>) {
    let (anchor, order) = (search.anchor, search.order);
    // An element's whole text, judged as the author's marked name.
    let push_marked = |out: &mut Vec<Candidate>, spot: &Spot, source: &str, person: bool| {
        push(
            out,
            spot.text.clone(),
            marked(page, spot, order),
            source,
            person,
        );
    };
    let props: Vec<&Spot> = page
        .props
        .iter()
        .filter(|p| p.name == "author" || p.name == "creator")
        .map(|p| &p.spot)
        .collect();
    for spot in by_nearness(props.into_iter(), anchor) {
        if search.keeps(page, spot.foreign, spot.area) {
            let person = page
                .props
                .iter()
                .any(|p| std::ptr::eq(&p.spot, spot) && p.person);
            push_marked(out, spot, "itemprop:author", person);
        }
    }
    // Several `rel=author` links on one line are one byline ("A and B").
    let mut lines_seen: HashSet<usize> = HashSet::new();
    for spot in by_nearness(page.rel_authors.iter(), anchor) {
        if search.keeps(page, spot.foreign, spot.area) && lines_seen.insert(spot.line) {
            let texts: Vec<&str> = page
                .rel_authors
                .iter()
                .filter(|s| s.line == spot.line && s.foreign == spot.foreign && !s.text.is_empty())
                .map(|s| s.text.as_str())
                .collect();
            if let Some(first) = page
                .rel_authors
                .iter()
                .find(|s| s.line == spot.line && s.foreign == spot.foreign && !s.text.is_empty())
            {
                push(
                    out,
                    texts.join("\n, "),
                    marked(page, first, order),
                    "rel:author",
                    false,
                );
            }
        }
    }
    for spot in by_nearness(page.bylines.iter(), anchor) {
        if search.keeps(page, spot.foreign, spot.area) {
            push_marked(out, spot, "class:byline", false);
        }
    }
}

/// Links to an author's page near the headline, after every statement of
/// the byline itself; outside the article, anywhere (an author box below
/// the text), a full name that is the link's whole text ("Jane Doe", not
/// "All posts by Jane Doe").
fn author_link_candidates(page: &Page, search: Search, out: &mut Vec<Candidate>) {
    let links: Vec<&Spot> = by_nearness(page.author_links.iter(), search.anchor)
        .into_iter()
        .filter(|s| {
            search.keeps(page, s.foreign, s.area)
                && if search.outside {
                    inner_byline(&s.text, || false).is_none()
                        && clean_byline(&s.text, true)
                            .is_some_and(|(_, names)| names.iter().all(|n| is_full_name(n)))
                } else {
                    near_headline(s.line, search.anchor)
                }
        })
        .collect();
    for spot in links {
        push(out, spot.text.clone(), Judge::Strict, "link:author", false);
    }
}

/// The credited source ("Quelle: dpa"), for when no author is named.
fn source_credit_candidates(page: &Page, out: &mut Vec<Candidate>) {
    for line in page.lines.iter().filter(|l| !l.foreign) {
        if let Some(rest) = SOURCE_LABELS
            .iter()
            .find_map(|l| after_lowered(&line.text, l, l.chars().count()))
        {
            let credit = rest.trim();
            if !credit.is_empty() && credit.chars().count() <= MAX_SOURCE_CREDIT_CHARS {
                push(out, credit.to_string(), Judge::Marked, "text:source", false);
            }
        }
    }
}

/// Far from the headline (a post's footer, the end of the text), only a
/// line a byline word opens counts, and only for full names (a capitalized
/// noun after "Von" opens many a German sentence).
fn far_line_candidates(page: &Page, search: Search, near: &[usize], out: &mut Vec<Candidate>) {
    let mut is_near = vec![false; page.lines.len()];
    for &i in near {
        is_near[i] = true;
    }
    for (i, line) in page.lines.iter().enumerate() {
        if !search.keeps(page, line.foreign, line.area)
            || is_near[i]
            || line.text.chars().count() > MAX_META_LINE_CHARS
        {
            continue;
        }
        let text = line.text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let after_word = strip_prefix(text);
        // A byline word alone on its line ("Posted by") makes the line
        // below a name, whatever its length.
        let alone = after_word.is_none_or(|rest| rest.trim().is_empty());
        if let Some(raw) = prefixed_line(page, i, text, after_word)
            && clean_byline(raw, true).is_some_and(|(_, names)| {
                alone || names.iter().all(|n| n.split_whitespace().count() >= 2)
            })
        {
            push(out, raw.to_string(), Judge::Strict, "text:byline", false);
        }
    }
}

/// Outside the article, bylines, links and lines naming several people are
/// a list of teasers or of writers: only microdata naming the author stays.
fn keep_only_microdata_when_several(out: &mut Vec<Candidate>) {
    let mut named = out
        .iter()
        .filter(|c| c.source != "itemprop:author")
        .filter_map(|c| clean_credit(&c.raw, c.judge, false))
        .map(|(_, names)| names);
    if named
        .next()
        .is_some_and(|first| named.any(|names| names != first))
    {
        out.retain(|c| c.source == "itemprop:author");
    }
}

/// Whether a candidate names its author firmly enough to be taken from
/// outside the article: typed as a person, opened by a byline word ("Posted
/// by", "von"), or a link marked as the author's whose text is a full name
/// (a class name alone marks many a teaser's or a section's label).
fn firmly_named(c: &Candidate) -> bool {
    let first = c.raw.lines().next().unwrap_or("").trim();
    c.person
        || (c.source == "text:byline" && c.judge != Judge::Loose)
        || strip_prefix(first).is_some()
        || (matches!(c.source.as_str(), "rel:author" | "link:author")
            && clean_credit(&c.raw, c.judge, false)
                .is_some_and(|(_, names)| names.iter().all(|n| is_full_name(n))))
}

/// How an element marked as the author's is judged: [`Judge::Marked`]
/// (a one-word handle allowed) when a byline word introduces its text,
/// inside it ("von gizzmo") or just before it on its line ("12. Juni 2017
/// von gizzmo"), or when its line holds a date ("jdoe — 2. Februar 2022":
/// the post's own dated byline); [`Judge::Strict`] otherwise (a user name
/// beside a repository or a comment is no byline).
fn marked(page: &Page, spot: &Spot, order: DayOrder) -> Judge {
    let text = spot.text.lines().next().unwrap_or("").trim();
    let introduced = strip_prefix(text).is_some()
        || page
            .lines
            .get(spot.line)
            .is_some_and(|line| dates::find(&line.text, order).is_some())
        || page.lines.get(spot.line).is_some_and(|line| {
            line.text.find(text).is_some_and(|at| {
                line.text[..at]
                    .split_whitespace()
                    .next_back()
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .is_some_and(|w| BYLINE_INNER_WORDS.contains(&w.as_str()))
            })
        });
    if introduced && !text.is_empty() {
        Judge::Marked
    } else {
        Judge::Strict
    }
}

/// Whether every name of a cleaned candidate is a handle ("jdoe",
/// "jane_doe", "haferflocke22") rather than a name as people write it.
fn is_handle_list(named: &Named) -> bool {
    named.names.iter().all(|n| {
        !n.contains(char::is_whitespace)
            && (!n.chars().any(char::is_uppercase)
                || n.contains(['_', '@'])
                || n.chars().any(|c| c.is_ascii_digit()))
    })
}

/// Whether a name is given and family name as people write them: two to
/// four words.
fn is_full_name(name: &str) -> bool {
    (2..=FULL_NAME_MAX_WORDS).contains(&name.split_whitespace().count())
}

/// Whether `full` is the full name of a name given alone: it starts with it
/// ("Nils" → "Nils Pickert") or it is its initials ("DT" → "Donald
/// Townsend").
fn completes(alone: &str, full: &str) -> bool {
    let words: Vec<&str> = full.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    // "Henry In Aktuell" is a name and a section, not a full name.
    if words[1..]
        .iter()
        .any(|w| BYLINE_STOP_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    if spells(alone, full) {
        return true;
    }
    let alone = fold_marks(alone);
    if folds_marks_to(words[0], &alone) {
        return true;
    }
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    alone.chars().count() >= 2 && alone.chars().all(char::is_alphabetic) && initials == alone
}

/// Whether a handle spells a full name without its spaces, marks and
/// accents ("gabor_munier" for "Gàbor Muniér").
fn spells(handle: &str, full: &str) -> bool {
    let letters = |t: &str| -> Vec<char> {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (h, f) = (letters(handle), letters(full));
    h.len() == f.len()
        && h.len() >= MIN_HANDLE_CHARS
        && h.iter()
            .zip(&f)
            .all(|(a, b)| a == b || (!b.is_ascii() && a.is_ascii_alphabetic()))
}

/// The name part of a short dated line that has no byline word at its
/// start: "04.02.2022 | 13:10 | Jane Doe", "25.10.2022 - Redaktion: Jane
/// Doe", "Veröffentlicht: 05.01.2020 | Autor: jdoe | Abgelegt unter: …". The
/// line splits at separators into a few parts; one holds the date, others
/// are times; the name is the one part a byline word opens ("Autor:",
/// "By"), or else the only part left, if it cleans to full names.
fn dated_name(line: &str, order: DayOrder) -> Option<(&str, Judge)> {
    if !DATED_LINE_SEPARATOR_SET.is_match(line) {
        // One part: a user name in camel case right before the date
        // ("HansEhrlich 17.10.2019, 13:56 Uhr"), as forums print a post's
        // author; a dateline's city is no such word ("BERLIN 17.10.2019").
        let (_, start) = *dates::find_all(line, order).first()?;
        let before = line[..start].trim();
        return is_camel_case(before).then_some((before, Judge::Marked));
    }
    let mut parts: Vec<&str> = vec![line];
    for sep in DATED_LINE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    if parts.len() < 2 || parts.len() > DATED_LINE_MAX_PARTS {
        return None;
    }
    let mut dated = false;
    let mut rest: Vec<&str> = Vec::new();
    for part in parts {
        let part = part.trim();
        if dates::find(part, order).is_some() {
            dated = true;
        } else if !is_time(part) {
            rest.push(part);
        }
    }
    if !dated {
        return None;
    }
    let opened: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|p| starts_with_prefix(p))
        .collect();
    if let [part] = opened[..] {
        let judge = label_judge(part, strip_prefix(part));
        return clean_credit(part, judge, false).map(|_| (part, judge));
    }
    let [name] = rest[..] else {
        return None;
    };
    let (_, names) = clean_byline(name, true)?;
    names
        .iter()
        .all(|n| n.split_whitespace().count() >= 2)
        .then_some((name, Judge::Strict))
}

/// Whether a word is written all in capitals, longer than an agency's
/// short form ("MEDELLÍN", not "NDR" nor "Jane" nor "ASCII編集部").
fn is_shouted(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > SHOUTED_SHORT_FORM_MAX_LETTERS && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a word is a user name written in camel case ("HansEhrlich"):
/// letters only, a capital after a lowercase letter inside it.
fn is_camel_case(word: &str) -> bool {
    word.chars().count() >= MIN_HANDLE_CHARS
        && word.chars().all(char::is_alphabetic)
        && word
            .chars()
            .zip(word.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// [`DATED_LINE_SEPARATORS`] in one automaton, to pass over lines that have
/// none.
static DATED_LINE_SEPARATOR_SET: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(DATED_LINE_SEPARATORS).expect("a list of separators"));

/// Whether a part of a line is a time of day ("13:10 Uhr", "9:00 PM").
fn is_time(part: &str) -> bool {
    part.contains(':')
        && part.chars().any(|c| c.is_ascii_digit())
        && part.split_whitespace().count() <= 2
}

/// Whether the text before an inner byline word ends with the date, a time
/// or a separator ("13. Januar 2014 von", "13:30 Uhr von", "| by"): a
/// byline word after anything else is a preposition ("Beschreibung von
/// Microsoft").
fn follows_date(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    // The byline word itself.
    words.next();
    words.next().is_some_and(|w| {
        w.ends_with(|c: char| c.is_ascii_digit() || !c.is_alphanumeric())
            || TIME_WORDS.contains(&w.to_lowercase().as_str())
    })
}

/// Whether a line is within the lines searched around the headline (any
/// line when the headline is not placed).
fn near_headline(line: usize, anchor: Option<usize>) -> bool {
    anchor.is_none_or(|at| line + LINES_BEFORE_HEADLINE >= at && line <= at + LINES_AFTER_HEADLINE)
}

/// The byline a line opens with a byline word ("By Jane Doe", "Autor:
/// jdoe"), or the line below one alone on its line ("Von:" / "Jane Doe").
/// `after_word` is the text after its byline word ([`strip_prefix`]).
fn prefixed_line<'a>(
    page: &'a Page,
    i: usize,
    text: &'a str,
    after_word: Option<&str>,
) -> Option<&'a str> {
    let rest = after_word?;
    if !rest.trim().is_empty() {
        return Some(text);
    }
    if rest.trim_matches([':', ' ']).is_empty() {
        return page
            .lines
            .get(i + 1)
            .filter(|l| !l.foreign)
            .map(|l| l.text.as_str());
    }
    None
}

/// How a text opened by a byline word is judged: a label ending in a colon
/// ("Autor:", "Text:") introduces a name as firmly as an element marked as
/// the author's, so a handle counts; a bare word ("by", "par") may open a
/// sentence, so only capitalized names count. `after_word` is the text
/// after the byline word ([`strip_prefix`]).
fn label_judge(text: &str, after_word: Option<&str>) -> Judge {
    // A byline word alone on its line ("by" / "jdoe") introduces the line
    // below as firmly as a label.
    let labelled = after_word.is_some_and(|rest| {
        text[..text.len() - rest.len()].ends_with(':')
            || rest.trim_start().starts_with(':')
            || rest.trim().is_empty()
    });
    if labelled {
        Judge::Marked
    } else {
        Judge::Strict
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
    // lowercased: only those are tried.
    let first = text.chars().next()?;
    let key = first.to_lowercase().next()?;
    let (_, prefixes) = PREFIXES_BY_FIRST.iter().find(|(c, _)| *c == key)?;
    prefixes.iter().find_map(|&(p, n)| {
        if !starts_lowered(p, first) {
            return None;
        }
        let rest = after_lowered(text, p, n)?;
        (p.ends_with([':', '：'])
            || rest.is_empty()
            || rest.starts_with(char::is_whitespace)
            || rest.starts_with(':'))
        .then_some(rest)
    })
}

/// Whether `prefix` starts with the lowercase of `c`.
fn starts_lowered(prefix: &str, c: char) -> bool {
    let mut chars = prefix.chars();
    c.to_lowercase().all(|l| chars.next() == Some(l))
}

/// The text after its first `n` characters when they lowercase to
/// `prefix` (`n` is the prefix's length in characters), compared character
/// by character without building the lowercase text (no prefix has a
/// sigma, the one letter whose lowercase depends on its neighbours).
fn after_lowered<'a>(text: &'a str, prefix: &str, n: usize) -> Option<&'a str> {
    let mut want = prefix.chars();
    let mut end = text.len();
    for (taken, (i, c)) in text.char_indices().enumerate() {
        if taken == n {
            end = i;
            break;
        }
        if !c.to_lowercase().all(|l| want.next() == Some(l)) {
            return None;
        }
    }
    want.next().is_none().then(|| &text[end..])
}

/// The byline words that start with one character, with their lengths in
/// characters.
type PrefixGroup = (char, Vec<(&'static str, usize)>);

/// [`BYLINE_PREFIXES`] by their first character, longest first, so "by:"
/// is not read as "by", each with its length in characters.
static PREFIXES_BY_FIRST: LazyLock<Vec<PrefixGroup>> = LazyLock::new(|| {
    let mut list: Vec<(&str, usize)> = BYLINE_PREFIXES
        .iter()
        .map(|p| (*p, p.chars().count()))
        .collect();
    list.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let mut by_first: Vec<PrefixGroup> = Vec::new();
    for (p, n) in list {
        let first = p.chars().next().expect("a prefix is not empty");
        match by_first.iter_mut().find(|(c, _)| *c == first) {
            Some((_, group)) => group.push((p, n)),
            None => by_first.push((first, vec![(p, n)])),
        }
    }
    by_first
});

/// The text after a byline word standing inside a short line ("Posted on
/// May 3, 2021 by Jane Doe" → "Jane Doe"), if there is one.
///
/// Whether the line holds a date is asked only of a line with a byline
/// word (`dated`, as finding dates costs more than looking for the word).
fn inner_byline(line: &str, dated: impl Fn() -> bool) -> Option<&str> {
    let short = || line.split_whitespace().count() <= BYLINE_INNER_MAX_WORDS;
    let mut offset = 0;
    let mut previous = "";
    for word in line.split_inclusive(char::is_whitespace) {
        let bare = word.trim();
        offset += word.len();
        let before = std::mem::replace(&mut previous, bare);
        let credit = || {
            let before = before.trim_matches(|c: char| !c.is_alphanumeric());
            CREDIT_WORDS.iter().any(|w| before.eq_ignore_ascii_case(w))
        };
        if BYLINE_INNER_WORDS
            .iter()
            .any(|w| bare.eq_ignore_ascii_case(w))
            && !credit()
        {
            if !short() && !dated() {
                return None;
            }
            let rest = &line[offset..];
            // A handle after the word is lowercase; a dated line makes it a
            // byline rather than a phrase ("von uriebe" beside the date).
            if rest
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || (dated() && c.is_alphanumeric()))
            {
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
    let judge = if strict { Judge::Strict } else { Judge::Loose };
    clean_credit(raw, judge, false)
}

/// [`clean_byline`] with the candidate's [`Judge`]; `organizations` keeps
/// names of organizations (a desk or agency credited as the author).
fn clean_credit(raw: &str, judge: Judge, organizations: bool) -> Option<(String, Vec<String>)> {
    let text = if raw.contains("\n, ") {
        // A list of names from metadata, one per line.
        raw.split("\n, ")
            .map(clean_text)
            .map(|t| strip_prefix(&t).map(|r| r.trim().to_string()).unwrap_or(t))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        // The first line a byline word opens ("Pressemitteilung" / "von Jane
        // Doe"), or else the first line that holds more than a byline word.
        let lines: Vec<String> = raw.lines().map(clean_text).collect();
        let after_word = |line: &String| {
            strip_prefix(line).map(|rest| rest.trim_start_matches([':', ' ']).trim().to_string())
        };
        lines
            .iter()
            .find_map(|line| after_word(line).filter(|rest| !rest.is_empty()))
            .or_else(|| {
                lines
                    .iter()
                    .map(|line| after_word(line).unwrap_or_else(|| line.trim().to_string()))
                    .find(|rest| !rest.is_empty())
            })
            .unwrap_or_default()
    };
    // A label awaiting its value ("Auteur(s) :"), or a byline word joined
    // to another word ("Autoren & Herausgeber", a menu's heading), names
    // nobody.
    if text.trim_end().ends_with([':', '：'])
        || text.starts_with(['&', '+', ',', ';', '/'])
        || names::is_not_a_person(&text)
    {
        return None;
    }
    let mut text = text.trim().replace('\u{ad}', "");
    if text.contains("://") {
        // An address is no part of a name.
        text = text
            .split_whitespace()
            .filter(|w| !w.contains("://"))
            .collect::<Vec<_>>()
            .join(" ");
    }
    if let Some((_, start)) = dates::find_all(&text, DayOrder::DayFirst).first() {
        text.truncate(*start);
    }
    let text = cut_at_stop(&text);
    let display = without_trailing_aside(text.trim())
        .trim_end_matches([
            ',', ';', ':', '-', '|', '/', '–', '—', '·', '•', '»', '›', '→',
        ])
        .trim();
    if display.is_empty() || display.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut clean = true;
    for part in split_authors(display) {
        match clean_name(&part, judge, organizations) {
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
    if !clean && !organizations && display.contains('/') {
        // "det/dpa": an editor's initials beside the agency, no name.
        names.retain(|n| {
            n.contains(char::is_whitespace)
                || n.chars().any(char::is_uppercase)
                || n.chars().count() > AGENCY_INITIALS_MAX_CHARS
        });
    }
    if !clean && !organizations {
        // Beside a part that is no name, a word alone is a piece of the same
        // text ("hessenschau.de, Frankfurt, Germany"), not a person.
        names.retain(|n| n.contains(char::is_whitespace));
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

/// A byline without the description in brackets that ends it ("Jane Doe
/// (Sprecherin des Vereins)"); brackets inside a name ("Richard (R.J.)
/// Eskow"), a handle in brackets ("Jane (jdoe)") and addresses in brackets
/// (which mark a site, not a person) stay, and so do co-authors in brackets
/// ("Jane Doe (with John Roe)", split by [`AUTHOR_SEPARATORS`]).
fn without_trailing_aside(text: &str) -> &str {
    if let Some(inner) = text.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && open > 0
        && !CO_AUTHOR_WORDS
            .iter()
            .any(|w| inner[open + 1..].split_whitespace().next() == Some(*w))
        && !inner[open..].contains(['.', '/', '@'])
        && inner[open..].contains(char::is_whitespace)
    {
        return text[..open].trim_end();
    }
    text
}

/// Splits a byline into its author parts: at each separator in turn, of
/// those the text holds (found in one pass).
fn split_authors(text: &str) -> Vec<String> {
    let mut held = vec![false; AUTHOR_SEPARATORS.len()];
    for m in AUTHOR_SEPARATOR_SET.find_overlapping_iter(text) {
        held[m.pattern().as_usize()] = true;
    }
    let mut parts = vec![text];
    for (sep, _) in AUTHOR_SEPARATORS.iter().zip(&held).filter(|(_, h)| **h) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// [`AUTHOR_SEPARATORS`] in one automaton.
static AUTHOR_SEPARATOR_SET: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(AUTHOR_SEPARATORS).expect("a list of separators"));

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
/// a person's name (an organization unless `organizations`, a date, an
/// account name, a sentence). Only [`Judge::Marked`] elements may give a
/// handle in one word ("gizzmo").
fn clean_name(part: &str, judge: Judge, organizations: bool) -> Option<String> {
    let strict = judge != Judge::Loose;
    let part = strip_prefix(part).unwrap_or(part).trim();
    if part.starts_with('@') {
        // A social-media account ("@NatGeoUK") is the site's, not a name.
        return None;
    }
    // The account after a name ("Jane Doe @jdoe") is no part of it.
    let part = match part.rsplit_once(char::is_whitespace) {
        Some((name, account)) if account.starts_with('@') => name.trim(),
        _ => part,
    };
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
    if NOT_AUTHOR_NAMES.contains(&lower.as_str())
        || WEEKDAY_NAMES.contains(&lower.as_str())
        || names::is_not_a_person(part)
    {
        return None;
    }
    let tokens: Vec<&str> = part.split_whitespace().collect();
    let lower_tokens: Vec<String> = tokens
        .iter()
        .map(|t| {
            t.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .collect();
    if !organizations
        && (lower_tokens
            .iter()
            .any(|t| ORGANIZATION_WORDS.contains(&t.as_str()))
            || ORGANIZATION_WORDS
                .iter()
                .any(|w| w.starts_with('.') && lower.contains(w)))
    {
        return None;
    }
    let mut start = 0;
    let mut end = tokens.len();
    // A credited organization is named as written ("Contributors to
    // Wikimedia projects"); a person's name loses the job titles around it.
    let role = |t: &String| !organizations && BYLINE_ROLE_WORDS.contains(&t.as_str());
    while start < end && role(&lower_tokens[start]) {
        start += 1;
    }
    while end > start && role(&lower_tokens[end - 1]) {
        end -= 1;
    }
    let kept = &tokens[start..end];
    if kept.is_empty() || kept.len() > MAX_NAME_WORDS || lower_tokens[start..end].iter().any(role) {
        return None;
    }
    // Job titles alone ("Staff Writer" credited as a desk) name nobody.
    if lower_tokens[start..end]
        .iter()
        .all(|t| BYLINE_ROLE_WORDS.contains(&t.as_str()))
    {
        return None;
    }
    // A number among the words ("Windows 8") makes a name a thing's.
    if kept.len() > 1
        && kept
            .iter()
            .any(|t| t.chars().all(|c| c.is_ascii_digit() || c == '.'))
    {
        return None;
    }
    // Metadata words led by a lowercase word before capitalized ones are a
    // phrase ("deinen Hochzeitsbloggern"), not a name ("bell hooks" is
    // lowercase throughout; "von Goethe" starts with a particle).
    let lowercase_led = |t: &str| {
        t.chars().next().is_some_and(char::is_lowercase)
            && !BYLINE_NAME_PARTICLES.contains(&t.to_lowercase().as_str())
    };
    if kept.len() > 1
        && !kept
            .iter()
            .any(|t| DATED_LINE_SEPARATORS.iter().any(|s| s.trim() == *t))
        && lowercase_led(kept[0])
        && kept[1..]
            .iter()
            .any(|t| t.chars().next().is_some_and(char::is_uppercase))
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
        let handle = judge == Judge::Marked && kept.len() == 1 && is_handle(kept[0]);
        if !handle && (!all_ok || (!cased.is_empty() && !cased.iter().any(|t| capitalized(t)))) {
            return None;
        }
        // One word all in capitals is how pages print places and sections
        // ("MEDELLÍN", "POLITIK"): a person so written goes by a given name
        // ("GILLIAN"); agencies' short forms ("NDR") are the agencies'
        // business.
        if let [word] = kept
            && is_shouted(word)
            && !names::is_given_name(word)
        {
            return None;
        }
    }
    Some(kept.join(" "))
}

/// Whether a word is a user name ("gizzmo", "delta201", "fri.juli"): letters
/// and digits, perhaps joined by dots, dashes or underscores.
fn is_handle(word: &str) -> bool {
    word.chars().count() >= MIN_HANDLE_CHARS
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::super::meta_of;
    use super::*;

    #[test]
    fn several_authors_join_with_the_pages_conjunction() {
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
            "author":[{"@type":"Person","name":"Priya Raman"},{"@type":"Person","name":"Tom Ellery"}]}</script>"#;
        let en = meta_of(&format!(
            "<html lang=en><head>{ld}</head><body></body></html>"
        ));
        assert_eq!(en.byline.as_deref(), Some("Priya Raman and Tom Ellery"));
        assert_eq!(en.authors, ["Priya Raman", "Tom Ellery"]);
        let de = meta_of(&format!(
            "<html lang=de><head>{ld}</head><body></body></html>"
        ));
        assert_eq!(de.byline.as_deref(), Some("Priya Raman und Tom Ellery"));
    }

    #[test]
    fn co_authors_in_brackets_are_authors() {
        let (display, names) = clean_byline(
            "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            true,
        )
        .expect("a byline");
        assert_eq!(
            display,
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
        );
        assert_eq!(
            names,
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        let (_, names) = clean_byline("Jane Doe (Sprecherin des Vereins)", true).expect("a byline");
        assert_eq!(names, ["Jane Doe"]);
    }

    #[test]
    fn a_picture_credit_is_no_byline() {
        let a = meta_of(
            "<body><article><h1>Anomaly detection in plain SQL</h1>\
             <figure><figcaption>Photo by Ricardo Gomez Angel</figcaption></figure>\
             <p>Text.</p></article></body>",
        );
        assert_eq!(a.byline, None);
    }

    #[test]
    fn a_handle_introduced_by_a_byline_word_is_the_author() {
        let a = meta_of(
            r#"<body><article><h1>Ein Eintrag im Blog</h1><div class="entry-meta">12. Juni 2017
               <span class="sep">von</span> <span class="author vcard"><a rel="author" href="/a">gizzmo</a></span></div>
               <p>Text.</p></article></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("gizzmo"));
        // Without a byline word, a user name beside a title names no author.
        let b = meta_of(
            r#"<body><article><h1>Some repository</h1><span class="author"><a rel="author" href="/u">someuser</a></span>
               <p>Text.</p></article></body>"#,
        );
        assert_eq!(b.byline, None);
    }

    #[test]
    fn a_desk_credited_as_author_is_the_byline_when_no_person_is() {
        let a = meta_of(
            r#"<head><meta property="og:site_name" content="Tennis Heute">
               <script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
               "author":{"@type":"Person","name":"Redaktion"}}</script></head><body></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Redaktion"));
        // A person named anywhere wins over the desk.
        let b = meta_of(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ein Titel",
               "author":{"@type":"Person","name":"Redaktion"}}</script></head>
               <body><h1>Ein Titel</h1><p>Von Anna Weber</p></body>"#,
        );
        assert_eq!(b.byline.as_deref(), Some("Anna Weber"));
    }

    #[test]
    fn a_person_named_like_the_site_is_kept_when_nobody_else_is_named() {
        let a = meta_of(
            r#"<head><title>Plain SQL | Haki Benita</title>
               <meta property="og:site_name" content="Haki Benita">
               <script type="application/ld+json">{"@type":"BlogPosting","headline":"Plain SQL",
               "author":{"@type":"Person","name":"Haki Benita"}}</script></head><body></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Haki Benita"));
    }

    #[test]
    fn a_dated_line_names_the_author_beside_the_date() {
        let a = meta_of(
            "<body><small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small>\
             <h1>Stellungnahme zum Pilotjahr</h1><p>Text.</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("Uta Helkenberg"));
        let b = meta_of(
            "<body><h1>Freizeit mit Jugendlichen</h1>\
             <div>05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des Werks)</div>\
             <p>Text.</p></body>",
        );
        assert_eq!(b.byline.as_deref(), Some("Eberhard Fuhr"));
        // A dateline city is no name.
        let c = meta_of("<body><h1>Storm hits coast</h1><p>Miami - March 3, 2020</p></body>");
        assert_eq!(c.byline, None);
    }

    #[test]
    fn a_name_given_alone_takes_the_full_name_the_page_shows() {
        let a = meta_of(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ein Titel",
               "author":{"@type":"Person","name":"Nils"}}</script></head>
               <body><h1>Ein Titel</h1><p>Von Nils Pickert</p></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Nils Pickert"));
        assert_eq!(a.provenance["byline"], "text:byline");
    }

    #[test]
    fn a_handle_from_metadata_gives_way_to_the_shown_name() {
        let a = meta_of(
            r#"<head><meta name="author" content="arianschlichenmayer"></head>
               <body><h1>Ein Titel</h1><p>Von Arian Schlichenmayer</p></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Arian Schlichenmayer"));
        let b =
            meta_of(r#"<head><meta name="author" content="admin"></head><body><h1>T</h1></body>"#);
        assert_eq!(b.byline, None);
    }

    #[test]
    fn the_visible_byline_completes_a_partial_list() {
        let a = meta_of(
            r#"<body><h1>Tech workers and the housing crisis</h1>
               <p class="byline">By <a rel="author" href="/a">Julia Carrie Wong</a> and
               <a rel="author" href="/b">Sam Levin</a></p><p>Text.</p></body>"#,
        );
        assert_eq!(a.authors, ["Julia Carrie Wong", "Sam Levin"]);
    }

    #[test]
    fn labels_and_descriptions_leave_the_name() {
        assert_eq!(
            clean_byline("Interview: Jens Bergmann", true).unwrap().1,
            ["Jens Bergmann"]
        );
        assert_eq!(
            clean_byline("Text: Anna Weber, Fotos: Max Roth", true)
                .unwrap()
                .1,
            ["Anna Weber"]
        );
        assert_eq!(
            clean_byline("Eberhard Fuhr (Pressesprecher des Werks)", true)
                .unwrap()
                .0,
            "Eberhard Fuhr"
        );
        assert_eq!(
            clean_byline("Richard (R.J.) Eskow", true).unwrap().0,
            "Richard (R.J.) Eskow"
        );
        assert_eq!(clean_byline("Hanns-Seidel-Stiftung e.V.", false), None);
    }
    #[test]
    fn a_dated_line_gives_a_handle_after_its_byline_word_or_label() {
        let a = meta_of(
            r#"<body><article><h1>Liebe Menschen Europas</h1><div class="entry-meta">Publiziert am
               13. Januar 2014 von <span class="author vcard"><a href="/a">uriebe</a></span></div>
               <p>Text.</p></article></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("uriebe"));
        let b = meta_of(
            "<body><h1>Scherenschnitt</h1>\
             <p>Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Fotografie</p>\
             <p>Text.</p></body>",
        );
        assert_eq!(b.byline.as_deref(), Some("gnaddrig"));
        // Without a date beside it, "von" before a lowercase word is a phrase.
        let c = meta_of("<body><h1>Ein Titel</h1><p>Grüße von uns allen</p></body>");
        assert_eq!(c.byline, None);
    }

    #[test]
    fn a_byline_far_below_the_headline_counts_for_full_names_only() {
        let filler: String = (0..40).map(|i| format!("<p>Absatz {i}.</p>")).collect();
        let a = meta_of(&format!(
            "<body><h1>Ein Titel</h1>{filler}<p>Text: Klausmartin Friedrich</p></body>"
        ));
        assert_eq!(a.byline.as_deref(), Some("Klausmartin Friedrich"));
        let b = meta_of(&format!(
            "<body><h1>Ein Titel</h1>{filler}<p>Von Künstlern, Bands, DJs</p></body>"
        ));
        assert_eq!(b.byline, None);
    }

    #[test]
    fn agency_initials_and_accounts_are_no_names() {
        assert_eq!(clean_byline("det/dpa", false), None);
        assert_eq!(clean_byline("@NatGeoUK", false), None);
        let a = meta_of(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
               "author":{"@type":"Person","name":"det/dpa"}}</script></head><body></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("det/dpa"));
    }
    #[test]
    fn a_link_to_the_authors_page_names_the_author() {
        let a = meta_of(
            r#"<head><meta name="article:author" content="https://example.com/editors/jon-fingas"></head>
               <body><h1>Lyft extends free scooter rides</h1>
               <div><a href="https://example.com/editors/jon-fingas/">Jon Fingas</a> 1h ago</div>
               <p>Text.</p></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Jon Fingas"));
        assert_eq!(a.provenance["byline"], "link:author");
    }

    #[test]
    fn the_credited_source_stands_in_when_no_author_is_named() {
        let a = meta_of(
            "<body><h1>Plattform gegründet</h1><p>Ein langer Text über die Plattform.</p>\
             <p>Quelle: kathpress</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("kathpress"));
        assert_eq!(a.provenance["byline"], "text:source");
        let b = meta_of(
            "<body><h1>Plattform gegründet</h1><p>Von Anna Weber</p><p>Quelle: kathpress</p></body>",
        );
        assert_eq!(b.byline.as_deref(), Some("Anna Weber"));
    }

    #[test]
    fn labels_in_other_scripts_and_accounts_after_names() {
        assert_eq!(clean_byline("作者：焦鹏", true).unwrap().1, ["焦鹏"]);
        assert_eq!(
            clean_byline("Por Williams Perdomo @wperdomod", true)
                .unwrap()
                .1,
            ["Williams Perdomo"]
        );
        let a = meta_of(
            "<body><h1>A car stops for a beggar</h1>\
             <p>yas! | By Cara Stiles | April 13, 2020</p><p>Text.</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("Cara Stiles"));
    }
    #[test]
    fn links_marked_as_authors_on_one_line_are_one_byline() {
        let a = meta_of(
            r#"<body><h1>Tech workers and the housing crisis</h1>
               <address><a rel="author" href="/a">Julia Carrie Wong</a> and
               <a rel="author" href="/b">Sam Levin</a></address><p>Text.</p></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Julia Carrie Wong and Sam Levin"));
        assert_eq!(a.provenance["byline"], "rel:author");
    }

    #[test]
    fn a_byline_word_alone_far_below_takes_a_one_word_name() {
        let filler: String = (0..40).map(|i| format!("<p>Absatz {i}.</p>")).collect();
        let a = meta_of(&format!(
            "<body><h1>Ein Titel</h1>{filler}<div>Eingestellt von</div><div>Weinlachgummi</div></body>"
        ));
        assert_eq!(a.byline.as_deref(), Some("Weinlachgummi"));
    }
    #[test]
    fn the_sites_name_as_author_gives_way_to_a_person() {
        let a = meta_of(
            r#"<head><meta property="og:site_name" content="Jobs & Hire">
               <meta name="author" content="Jobs & Hire"></head>
               <body><h1>What you need to know</h1><p>By Jose de la Cruz</p><p>Text.</p></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Jose de la Cruz"));
    }

    #[test]
    fn things_that_are_no_names() {
        let none = |raw: &str, strict: bool| clean_byline(raw, strict).map(|(_, n)| n);
        // A weekday before a date, a thing's name with a number, a label.
        assert_eq!(none("Donnerstag, 4. November 2021", true), None);
        assert_eq!(none("Windows 8 und 8.1 ist es", true), None);
        assert_eq!(none("Auteur(s) :", true), None);
        assert_eq!(none("Autoren & Herausgeber", true), None);
        // Beside a part that is no name, words alone are no names either.
        assert_eq!(none("hessenschau.de, Frankfurt, Germany", false), None);
        // An address, a phrase led by a lowercase word.
        assert_eq!(
            none("https://example.com/author/jane-doe/#author", false),
            None
        );
        assert_eq!(none("deinen Hochzeitsbloggern", false), None);
        assert_eq!(none("bell hooks", false).unwrap(), ["bell hooks"]);
        // Job titles alone, even credited as a desk.
        assert_eq!(clean_credit("Staff Writer", Judge::Marked, true), None);
    }

    #[test]
    fn names_keep_their_letters_and_lose_what_follows() {
        assert_eq!(
            clean_byline("Von Mat\u{ad}thi\u{ad}as Lauerer", true)
                .unwrap()
                .1,
            ["Matthias Lauerer"]
        );
        // The line a byline word opens, not the label above it.
        assert_eq!(
            clean_byline("Pressemitteilung\nvon Katja Kipping", true)
                .unwrap()
                .1,
            ["Katja Kipping"]
        );
        let a = meta_of(
            "<body><h1>Ein Eintrag</h1>\
             <p>Posted by Nesselsetzer under Just For Fun, Rebloggt | Schlagwörter: Theorie</p>\
             <p>Text.</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("Nesselsetzer"));
        let b = meta_of(
            "<body><h1>Ehezoff eskaliert</h1>\
             <p>Stars 06.11.2023 13:30 von Olga Symbolbild imago</p><p>Text.</p></body>",
        );
        assert_eq!(b.byline.as_deref(), Some("Olga"));
    }

    #[test]
    fn a_byline_word_mid_line_after_other_words_is_a_preposition() {
        let a = meta_of(
            "<body><h1>Neue Updates</h1>\
             <p>KB3075249 vom 18.08.2015: offizielle Beschreibung von Microsoft »</p>\
             <p>Text.</p></body>",
        );
        assert_eq!(a.byline, None);
    }

    #[test]
    fn a_handle_below_a_byline_word_or_on_a_dated_line_is_the_author() {
        let a = meta_of(
            "<body><div>Melas</div><div>by</div><div>delta201</div>\
             <h1>Chapter 1: Prologue</h1><p>Text.</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("delta201"));
        let b = meta_of(
            r#"<body><article><h1>Bundesregierung 2017</h1><div><time>November 26, 2017</time>
               <span class="byline"><span class="author vcard"><a href="/a">tlow</a></span></span></div>
               <p>Text.</p></article></body>"#,
        );
        assert_eq!(b.byline.as_deref(), Some("tlow"));
    }

    #[test]
    fn outside_the_article_only_a_firmly_marked_author_counts() {
        // A post's footer names the author.
        let a = meta_of(
            r#"<body><h1>Meta-programming in Emacs</h1><p>Text.</p>
               <div class="post-footer"><span class="post-author">Posted by
               <span itemprop="author" itemscope itemtype="http://schema.org/Person">
               <span itemprop="name">T. V. Raman</span></span></span></div>
               <div class="comments"><span class="byline">Posted by Jane Roe</span></div></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("T. V. Raman"));
        // Commenters are no authors.
        let b = meta_of(
            r#"<body><h1>Meta-programming in Emacs</h1><p>Text.</p>
               <div class="comments"><span class="byline">Posted by Jane Roe</span></div></body>"#,
        );
        assert_eq!(b.byline, None);
        // Teasers' authors and labels in a sidebar are no byline.
        let c = meta_of(
            r#"<body><h1>Ein Titel</h1><p>Text.</p><div class="sidebar">
               <a href="/author/anna-weber">Anna Weber</a><a href="/author/max-roth">Max Roth</a>
               <div class="author">Journalisten</div>
               <p>Gründungsfeier des Fanklubs von Franjo von Allmen</p></div></body>"#,
        );
        assert_eq!(c.byline, None);
        // Teasers' bylines outside name several people; a teaser's link to
        // its author is no byline beside them.
        let d = meta_of(
            r#"<body><h1>Berne interdit le chlorothalonil</h1><p>Text.</p><div class="related">
               <p><span class="author">Par Stefan Häne, Sylvain Besson</span></p>
               <p><span class="author">Par <a href="/autor/olivier-bot/">Olivier Bot</a></span></p>
               </div></body>"#,
        );
        assert_eq!(d.byline, None);
    }

    #[test]
    fn a_name_given_alone_or_as_a_handle_takes_the_full_name() {
        // A handle spelling the name the byline shows.
        let a = meta_of(
            r#"<head><meta name="dcterms.creator" content="gabor_munier"></head>
               <body><h1>Ein Titel</h1><p class="author">Autor: Gàbor Muniér</p></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Gàbor Muniér"));
        // A first name, and the author box's line starting with it.
        let b = meta_of(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ein Titel",
               "author":{"@type":"Person","name":"Stefanus"}}</script></head>
               <body><h1>Ein Titel</h1><p>Text.</p>
               <p>Stefanus Stahl - Maschinenbauer und Abenteurer.</p></body>"#,
        );
        assert_eq!(b.byline.as_deref(), Some("Stefanus Stahl"));
        assert_eq!(b.provenance["byline"], "text:byline");
        // A name and a section are no full name.
        assert!(!completes("Henry", "Henry In Aktuell"));
    }

    #[test]
    fn metadata_gives_way_to_the_author_the_page_marks_up() {
        // A publication named as author in meta tags, a person marked as
        // the author on the page.
        let a = meta_of(
            r#"<head><meta name="author" content="Die FURCHE"></head>
               <body><h1>Ein Titel</h1><p><a rel="author" href="/a/ub">Ursula Baatz</a></p>
               <p>Text.</p></body>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Ursula Baatz"));
        // Meta tags listing the JSON-LD author and more.
        let b = meta_of(
            r#"<head><meta name="author" content="April Roach, Daniel O'Mahony">
               <script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
               "author":{"@type":"Person","name":"April Roach"}}</script></head><body></body>"#,
        );
        assert_eq!(b.authors, ["April Roach", "Daniel O'Mahony"]);
        assert_eq!(b.byline.as_deref(), Some("April Roach and Daniel O'Mahony"));
    }

    #[test]
    fn a_threads_starter_and_both_sides_of_a_conversation_are_authors() {
        let a = meta_of(
            "<body><h1>Patch Notes 4.47.4</h1><div>Thread starter Tiberius</div>             <div>Start date Sep 18, 2020</div><p>Text.</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("Tiberius"));
        assert_eq!(
            clean_byline("Richard David Precht im Gespräch mit Karin Fischer", true)
                .unwrap()
                .1,
            ["Richard David Precht", "Karin Fischer"]
        );
    }

    #[test]
    fn a_camel_case_user_name_before_the_date_is_the_author() {
        let a = meta_of(
            "<body><h1>Kaffee 2 Gläser für 4,80 €</h1><div>149</div>             <div>MikeNils 18.10.2019, 15:07 Uhr</div><p>Text.</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("MikeNils"));
        let b = meta_of(
            "<body><h1>Sturm an der Küste</h1><div>BERLIN 18.10.2019</div><p>Text.</p></body>",
        );
        assert_eq!(b.byline, None);
    }
}
