//! The headline: the `h1` when it agrees with the metadata title, else the
//! metadata title, each without site and section names. An `h1` that prints
//! more than the headline in its own elements — a kicker (a topic line)
//! before it, a subtitle after it, text for screen readers — shows the
//! headline proper.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use scraper::{ElementRef, Html, Node};

use super::found::Found;
use super::page::{Heading, Page, Spot, element_text};
use super::text::{fold_mark_char, fold_marks, folds_marks_to, weight, words};
use crate::read::html::dates::{self, DayOrder};
use crate::read::html::normalize::{clean_text, is_placeholder};
use crate::read::html::patterns::{
    DANGLING_SEPARATORS, GLUED_SITE_SEPARATORS, H1_KICKER_MAX_WORDS, HEADLINE_PART_HINTS,
    HIDDEN_HINTS, HOME_HREFS, INVISIBLE_TAGS, KICKED_HEADLINE_MIN_WORDS, KICKER_BEFORE_DEPTH,
    KICKER_BEFORE_HINTS, KICKER_BEFORE_MAX_WORDS, KICKER_HINTS, LONE_H1_MIN_WORDS, META_TITLE,
    MIN_HEADLINE_WORDS, PERMALINK_MARKS, PRINTED_H1_PART_MIN_WORDS, RUBY_TEXT_TAGS,
    SCREEN_READER_HINTS, SECTION_WORDS, SITE_PART_MAX_WORDS, STRAY_LEADING_MARKS, SUBLINE_HINTS,
    TITLE_AGREEMENT, TITLE_SEPARATORS,
};

/// The names of the site a title part is compared with, folded once for
/// all the titles of a page.
struct SiteNames {
    /// The site's name folded, and with its letters and digits only.
    site: Option<(String, String)>,
    /// The same for the text of an `h1` that links to the front page.
    home: Option<(String, String)>,
    /// The host (without "www."), with its letters and digits only, and the
    /// label before its top-level domain.
    host: Option<(String, String, String)>,
}

impl SiteNames {
    /// Whether a title part names the site rather than the article.
    fn is_site_part(&self, part: &str) -> bool {
        let folded = fold_marks(part);
        let squeezed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
        if squeezed.is_empty() {
            return true;
        }
        for (site, site_squeezed) in self.site.iter().chain(&self.home) {
            // "Site Name (SN)": the name with its short form.
            let with_short_form = folded.strip_prefix(site.as_str()).is_some_and(|rest| {
                let rest = rest.trim();
                rest.starts_with('(') && rest.ends_with(')') && words(rest).len() == 1
            });
            if folded == *site
                || squeezed == *site_squeezed
                || with_short_form
                || (words(part).len() <= SITE_PART_MAX_WORDS
                    && (site.contains(&folded) || folded.contains(site.as_str())))
            {
                return true;
            }
        }
        if let Some((host, host_squeezed, label)) = &self.host {
            if squeezed == *host_squeezed || (squeezed.len() > 2 && squeezed == *label) {
                return true;
            }
            if folded.contains('.') && host.ends_with(folded.trim_start_matches("www.")) {
                return true;
            }
        }
        false
    }
}

impl Found<'_> {
    /// The site's names, for [`SiteNames::is_site_part`].
    fn site_names(&self) -> SiteNames {
        let squeeze = |t: &str| -> String { t.chars().filter(|c| c.is_alphanumeric()).collect() };
        let folded = |s: &str| {
            let site = fold_marks(s);
            let squeezed = squeeze(&site);
            (site, squeezed)
        };
        let home = self.page.h1s.iter().find(|h| h.home);
        SiteNames {
            site: self.article.site_name.as_deref().map(folded),
            home: home.map(|h| folded(&h.spot.text)),
            host: self.host().map(|host| {
                let squeezed = squeeze(&host);
                let label = host.split('.').rev().nth(1).unwrap_or(&host).to_string();
                (host, squeezed, label)
            }),
        }
    }

    /// A title ending in the site's name joined by punctuation without
    /// spaces ("…「Treeviz」:phpspot開発日誌"), without it.
    fn without_glued_site<'t>(names: &SiteNames, title: &'t str) -> Option<&'t str> {
        let (folded, _) = names.site.as_ref()?;
        if words(folded).is_empty() {
            return None;
        }
        // Folding keeps the character count of these texts: cut by chars.
        let (n, m) = (title.chars().count(), folded.chars().count());
        if n <= m || folded_count(title) != n {
            return None;
        }
        let at = title.char_indices().nth(n - m)?.0;
        if !folds_marks_to(&title[at..], folded) {
            return None;
        }
        let before = title[..at].chars().next_back()?;
        if before.is_alphanumeric() || before.is_whitespace() {
            return None;
        }
        let rest = title[..at]
            .trim_end_matches(|c: char| GLUED_SITE_SEPARATORS.contains(c) || c.is_whitespace());
        (weight(rest) >= MIN_HEADLINE_WORDS && rest.len() < at).then_some(rest)
    }

    /// A title without its site name and section parts. `aggressive` also
    /// drops short trailing parts when the site is not known (for `<title>`).
    fn strip_title(
        &self,
        names: &SiteNames,
        title: &str,
        aggressive: bool,
    ) -> (String, Option<String>) {
        // A separator left dangling at the end ("National Rail Enquiries -").
        let title = match title.trim_end().rsplit_once(char::is_whitespace) {
            Some((rest, last))
                if last.chars().count() == 1 && DANGLING_SEPARATORS.contains(last) =>
            {
                rest.trim_end()
            }
            _ => title,
        };
        if let Some(cut) = Self::without_glued_site(names, title) {
            return (cut.to_string(), self.article.site_name.clone());
        }
        let parts = split_title(title);
        if parts.len() < 2 {
            return (title.to_string(), None);
        }
        let mut kept: Vec<(&str, &str)> = parts.clone();
        let mut dropped: Option<String> = None;
        kept.retain(|(_, p)| {
            let site = names.is_site_part(p);
            if site && dropped.is_none() {
                dropped = Some(p.to_string());
            }
            !site
        });
        if kept.is_empty() {
            return (title.to_string(), None);
        }
        // A leading section name ("Opinion | …") or date ("23.01.2022 - …").
        while kept.len() > 1
            && (words(kept[0].1)
                .iter()
                .all(|w| SECTION_WORDS.contains(&w.as_str()))
                || !kept[0].1.chars().any(char::is_alphabetic))
        {
            kept.remove(0);
        }
        if aggressive || self.article.site_name.is_none() {
            while kept.len() > 1 {
                let last = kept[kept.len() - 1].1;
                let rest_words: usize = kept[..kept.len() - 1].iter().map(|(_, p)| weight(p)).sum();
                if weight(last) <= SITE_PART_MAX_WORDS
                    && rest_words >= MIN_HEADLINE_WORDS
                    && weight(last) < rest_words
                {
                    if dropped.is_none() {
                        dropped = Some(last.to_string());
                    }
                    kept.pop();
                } else {
                    break;
                }
            }
        }
        let mut out = String::new();
        for (i, (sep, part)) in kept.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(part);
        }
        (out, dropped)
    }

    /// `headline`: the `h1` when it agrees with the metadata title, else the
    /// metadata title, else `<title>`, each without site and section names.
    /// Returns the index of the text line the headline stands at, if shown.
    pub(super) fn headline(&mut self) -> Option<usize> {
        let page = self.page;
        let mut titles: Vec<(String, String)> = Vec::new();
        if let Some(h) = self.ld.filter(|a| !a.is_page).and_then(|a| a.headline()) {
            titles.push((clean_text(&h), "json-ld".into()));
        }
        for key in META_TITLE {
            if let Some(v) = page.metas_named(key).next() {
                titles.push((clean_text(v), format!("meta:{key}")));
            }
        }
        if let Some(full) = &page.title {
            // A metadata title cut short by a quotation mark left unescaped
            // inside its attribute ("… de "incapacitado"") is the `<title>`.
            for (t, _) in &mut titles {
                if full
                    .strip_prefix(t.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with(['"', '\'']))
                {
                    t.clone_from(full);
                }
            }
            titles.push((full.clone(), "title".into()));
        }
        titles.retain(|(t, _)| !t.is_empty() && !is_placeholder(t));
        let names = self.site_names();
        let stripped: Vec<(String, Option<String>, String)> = titles
            .iter()
            .map(|(t, source)| {
                let (s, dropped) = self.strip_title(&names, t, source == "title");
                (s, dropped, source.clone())
            })
            .collect();
        // An h1 that is a link to the front page is the site's name.
        let mut h1s: Vec<&Heading> = page.h1s.iter().filter(|h| !h.home).collect();
        h1s.sort_by_key(|h| h.spot.foreign);
        let site = names.site.as_ref().map(|(folded, _)| folded.as_str());
        for h1 in &h1s {
            let (shown, _) = self.strip_title(&names, shown_text(h1), false);
            if site.is_some_and(|s| folds_marks_to(&shown, s)) {
                continue;
            }
            for ((t, _), (s, _, source)) in titles.iter().zip(&stripped) {
                if !agrees(&shown, t, s) {
                    continue;
                }
                // An h1 printing something before the title (a kicker, a
                // date, the section) gives way to the title; otherwise the
                // h1 wins, also when it goes on after the title (a title
                // cut short for sharing).
                let (fh, fs) = (fold_marks(&shown), fold_marks(s));
                let kicked = fh.ends_with(&fs) && fh != fs;
                if kicked && weight(s) >= MIN_HEADLINE_WORDS {
                    self.article.kicker = printed_before(&shown, s).or_else(|| h1.kicker.clone());
                    self.article.headline = s.clone();
                    self.set_source("headline", source.clone());
                } else {
                    self.article.kicker = h1.kicker.clone();
                    self.article.headline = shown;
                    self.set_source("headline", "h1");
                }
                self.site_from_title(&stripped);
                self.tidy_headline();
                return Some(h1.spot.line);
            }
        }
        // The page's one headline that the metadata words differently (an
        // SEO title): what the reader sees wins.
        let mut own: Vec<&&Heading> = h1s.iter().filter(|h| !h.spot.foreign).collect();
        // The same h1 printed twice (a layout for each screen size) is one.
        own.dedup_by(|a, b| a.spot.text == b.spot.text);
        if let [h1] = own.as_slice() {
            let (shown, _) = self.strip_title(&names, shown_text(h1), false);
            if weight(&shown) >= LONE_H1_MIN_WORDS
                && !site.is_some_and(|s| folds_marks_to(&shown, s))
            {
                self.article.kicker = h1.kicker.clone();
                self.article.headline = shown;
                self.set_source("headline", "h1");
                self.site_from_title(&stripped);
                self.tidy_headline();
                return Some(h1.spot.line);
            }
        }
        let chosen = stripped
            .iter()
            .find(|(s, _, _)| !site.is_some_and(|f| folds_marks_to(s, f)) && !words(s).is_empty());
        if let Some((headline, _, source)) = chosen {
            self.article.headline =
                printed_part(page, headline).unwrap_or_else(|| headline.clone());
            self.set_source("headline", source.clone());
            self.site_from_title(&stripped);
            let target = fold_marks(headline);
            // Folding never drops a letter: a line with more of them than
            // the headline is not it, and is passed over unfolded.
            let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
            let most = letters(&target);
            let printed = page.h1s.iter().find(|h| {
                folds_marks_to(shown_text(h), &target) || folds_marks_to(&h.spot.text, &target)
            });
            self.article.kicker = printed.and_then(|h| h.kicker.clone());
            self.tidy_headline();
            return printed
                .map(|h| h.spot.line)
                .or_else(|| {
                    page.lines
                        .iter()
                        .position(|l| letters(&l.text) <= most && folds_marks_to(&l.text, &target))
                })
                .or_else(|| h1s.first().map(|h| h.spot.line));
        }
        if let Some(h1) = page.h1s.first() {
            self.article.headline = shown_text(h1).to_string();
            self.article.kicker = h1.kicker.clone();
            self.tidy_headline();
            self.set_source("headline", "h1");
            return Some(h1.spot.line);
        }
        None
    }

    /// The headline without the stray separator a cut kicker leaves
    /// (": Bohren, bis es heiß wird"), and the kicker without the
    /// separator it ends with; a kicker that is the headline again is none.
    fn tidy_headline(&mut self) {
        let stray = |c: char| STRAY_LEADING_MARKS.contains(c) || c.is_whitespace();
        let headline = self.article.headline.trim_start_matches(stray);
        if headline.len() < self.article.headline.len()
            && headline.chars().any(char::is_alphanumeric)
        {
            self.article.headline = headline.to_string();
        }
        let headline = fold_marks(&self.article.headline);
        self.article.kicker = self.article.kicker.take().and_then(|k| {
            // A date printed with the kicker ("FINTECH 20. Juni 2019") is the
            // dates' business.
            let k = match dates::find_all(&k, DayOrder::DayFirst).first() {
                Some((_, at)) => k[..*at].to_string(),
                None => k,
            };
            let k =
                k.trim_end_matches(|c: char| DANGLING_SEPARATORS.contains(c) || c.is_whitespace());
            let folded = fold_marks(k);
            (k.chars().any(char::is_alphabetic)
                && folded != headline
                && !HEADLINE_PART_HINTS.contains(&folded.as_str()))
            .then(|| k.to_string())
        });
    }

    /// When no metadata names the site, the part cut off the `<title>` does.
    fn site_from_title(&mut self, stripped: &[(String, Option<String>, String)]) {
        if self.article.site_name.is_some() {
            return;
        }
        if let Some((_, Some(dropped), _)) = stripped.iter().find(|(_, _, src)| src == "title") {
            let name = clean_text(dropped);
            if !name.is_empty() && fold_marks(&name) != fold_marks(&self.article.headline) {
                self.article.site_name = Some(name);
                self.set_source("site_name", "title");
            }
        }
    }
}

/// The length in characters of a text folded ([`fold_marks`]), without folding
/// it: its words' folded characters and one space between words.
fn folded_count(text: &str) -> usize {
    let mut words = 0usize;
    let mut chars = 0;
    for word in text.split_whitespace() {
        words += 1;
        chars += word.chars().flat_map(fold_mark_char).count();
    }
    chars + words.saturating_sub(1)
}

/// Splits a title into its parts with the separator before each: at the
/// leftmost separator, the longest when several start there.
fn split_title(title: &str) -> Vec<(&str, &str)> {
    let mut parts = Vec::new();
    let mut sep = "";
    let mut start = 0;
    for m in TITLE_SEPARATOR_SET.find_iter(title) {
        let part = title[start..m.start()].trim();
        if !part.is_empty() {
            parts.push((sep, part));
        }
        sep = TITLE_SEPARATORS[m.pattern().as_usize()];
        start = m.end();
    }
    let part = title[start..].trim();
    if !part.is_empty() {
        parts.push((sep, part));
    }
    parts
}

/// [`TITLE_SEPARATORS`] in one automaton, leftmost-longest.
static TITLE_SEPARATOR_SET: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(TITLE_SEPARATORS)
        .expect("a list of separators")
});

/// The part of a title in several parts that the page prints as a heading
/// of the article: the headline, among site, section and tagline parts no
/// known site name told apart. A part printed as an `h1` comes first (one
/// word alone there is a section's name), then the first printed as an
/// `h2` or `h3`; a title printed whole stays whole.
fn printed_part(page: &Page, title: &str) -> Option<String> {
    let own = |spot: &&Spot| !spot.foreign;
    let h1s: Vec<&Spot> = page
        .h1s
        .iter()
        .filter(|h| !h.home)
        .map(|h| &h.spot)
        .filter(own)
        .collect();
    let subheads: Vec<&Spot> = page.subheads.iter().filter(own).collect();
    let printed_in = |spots: &[&Spot], text: &str| {
        let folded = fold_marks(text);
        spots.iter().any(|h| folds_marks_to(&h.text, &folded))
    };
    if printed_in(&h1s, title) || printed_in(&subheads, title) {
        return None;
    }
    let parts = split_title(title);
    if parts.len() < 2 {
        return glued_heading(title, &h1s, &subheads);
    }
    let parts: Vec<&str> = parts
        .into_iter()
        .map(|(_, part)| part.trim())
        .filter(|part| !words(part).is_empty())
        .collect();
    parts
        .iter()
        .find(|part| weight(part) >= PRINTED_H1_PART_MIN_WORDS && printed_in(&h1s, part))
        .or_else(|| parts.iter().find(|part| printed_in(&subheads, part)))
        .map(|part| part.to_string())
}

/// A heading the title begins with, the rest glued on by punctuation
/// without spaces ("…找对象_智能_好奇心日报"): the headline, the rest being
/// section and site names.
fn glued_heading(title: &str, h1s: &[&Spot], subheads: &[&Spot]) -> Option<String> {
    let folded = fold_marks(title);
    h1s.iter()
        .chain(subheads)
        .find(|h| {
            let heading = fold_marks(&h.text);
            weight(&h.text) >= MIN_HEADLINE_WORDS
                && folded.strip_prefix(heading.as_str()).is_some_and(|rest| {
                    rest.starts_with(|c: char| GLUED_SITE_SEPARATORS.contains(c))
                })
        })
        .map(|h| h.text.clone())
}

/// Whether an `h1` is the metadata title as the page shows it: equal to the
/// title without its site name, contained in it, or sharing most words.
fn agrees(h1: &str, title: &str, stripped: &str) -> bool {
    let (h, t, s) = (fold_marks(h1), fold_marks(title), fold_marks(stripped));
    if h.is_empty() {
        return false;
    }
    if h == s || h == t {
        return true;
    }
    // The title with a kicker in front, after a colon ("SONNENENERGIE: Der
    // WindRebell"), however short the heading; a kicker is shorter than
    // the headline ("Muffin Grundrezept : Muffin Rezepte" ends in the
    // site's name), and a site's name after "|" is no headline.
    let after_colon = |whole: &str| {
        whole.strip_suffix(h.as_str()).is_some_and(|before| {
            before.trim_end().ends_with([':', '：']) && words(before).len() < words(&h).len()
        })
    };
    if words(&h).len() >= KICKED_HEADLINE_MIN_WORDS && (after_colon(&t) || after_colon(&s)) {
        return true;
    }
    let hw = words(&h);
    if weight(&h) >= MIN_HEADLINE_WORDS && (t.contains(&h) || h.contains(&s)) {
        return true;
    }
    let sw: HashSet<String> = words(&s).into_iter().collect();
    let hs: HashSet<String> = hw.into_iter().collect();
    let common = hs.intersection(&sw).count();
    let most = hs.len().max(sw.len());
    most > 0 && common as f64 / most as f64 >= TITLE_AGREEMENT
}

/// What an `h1` shows as the headline: its text after the kicker, without
/// a permalink mark.
fn shown_text(h1: &Heading) -> &str {
    let text = h1.proper.as_deref().unwrap_or(&h1.spot.text);
    text.trim_end_matches(|c: char| PERMALINK_MARKS.contains(&c) || c.is_whitespace())
}

/// Judges each `h1` the walk found: its headline proper, and whether it is
/// all a link to the front page.
pub(super) fn judge_headings(h1s: &mut [Heading], dom: &Html) {
    for h1 in h1s {
        if let Some(el) = dom.tree.get(h1.node).and_then(ElementRef::wrap) {
            let (proper, kicker) = headline_proper(el).unzip();
            h1.proper = proper;
            h1.kicker = kicker.flatten().or_else(|| kicker_before(el));
            h1.home = is_home_link(el);
        }
    }
}

/// Whether an `h1`'s text is all one link to the site's front page: the
/// site's name or logo, printed over every page.
fn is_home_link(h1: ElementRef) -> bool {
    let Some(link) = h1
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "a")
    else {
        return false;
    };
    let letters = |e: ElementRef| -> usize {
        e.text()
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    };
    link.value().attr("href").is_some_and(is_home_href) && letters(link) == letters(h1)
}

/// Whether a link leads to the site's front page: a root path, alone or
/// after a scheme and host, or an index file ([`HOME_HREFS`]).
fn is_home_href(href: &str) -> bool {
    let href = href.trim();
    let path = match href.split_once("//") {
        Some((scheme, rest)) if scheme.is_empty() || scheme.ends_with(':') => {
            rest.find('/').map_or("/", |at| &rest[at..])
        }
        _ => href,
    };
    let path = path.split('?').next().unwrap_or_default();
    path.is_empty()
        || HOME_HREFS.contains(&path)
        || HOME_HREFS.contains(&path.trim_start_matches('/'))
}

/// One child of an `h1`, for finding its headline proper.
enum Piece {
    Text(String),
    Element {
        text: String,
        hints: String,
        /// Hidden from sight (a separator kept for screen readers).
        hidden: bool,
        /// A `<small>` element or one named as a subtitle.
        subline: bool,
    },
    Break,
}

impl Piece {
    /// A line break, or hidden punctuation between two parts.
    fn is_separator(&self) -> bool {
        match self {
            Piece::Break => true,
            Piece::Element {
                text, hidden: true, ..
            } => !text.chars().any(char::is_alphanumeric),
            _ => false,
        }
    }
}

/// The headline proper of an `h1` that prints more than the headline in
/// its own elements: a kicker (a topic line, "Klimaschutz") in a leading
/// element, told by its class, a line break or a hidden separator after it,
/// or a class naming the headline on what follows; a subtitle in a trailing
/// `<small>` or subtitle element; text only screen readers get. `None` when
/// the `h1` is all headline; else the headline proper and the kicker cut.
fn headline_proper(h1: ElementRef) -> Option<(String, Option<String>)> {
    if let Some(read) = without_ruby(h1) {
        return Some((read, None));
    }
    let mut pieces = Vec::new();
    let mut unseen = false;
    for child in holder(h1).children() {
        match child.value() {
            Node::Text(t) => {
                let text = clean_text(t);
                if !text.is_empty() {
                    pieces.push(Piece::Text(text));
                }
            }
            Node::Element(e) if e.name() == "br" => pieces.push(Piece::Break),
            Node::Element(e) => {
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                let text = clean_text(&element_text(el));
                if text.is_empty() {
                    continue;
                }
                let hints: String = ["class", "id"]
                    .iter()
                    .filter_map(|a| e.attr(a))
                    .map(|v| v.to_lowercase() + " ")
                    .collect();
                let named = |list: &[&str]| list.iter().any(|h| hints.contains(h));
                if named(SCREEN_READER_HINTS) && text.chars().any(char::is_alphanumeric) {
                    unseen = true;
                    continue;
                }
                let hidden = e.attr("aria-hidden") == Some("true") || named(HIDDEN_HINTS);
                let subline = e.name() == "small" || named(SUBLINE_HINTS);
                pieces.push(Piece::Element {
                    text,
                    hints,
                    hidden,
                    subline,
                });
            }
            _ => {}
        }
    }
    let mut end = pieces.len();
    if end > 1 && matches!(pieces[end - 1], Piece::Element { subline: true, .. }) {
        end -= 1;
        while end > 0 && pieces[end - 1].is_separator() {
            end -= 1;
        }
    }
    let kicked = kicker(&pieces[..end]);
    let start = usize::from(kicked.is_some());
    if start == 0 && end == pieces.len() && !unseen {
        return None;
    }
    let proper: Vec<&str> = pieces[start..end]
        .iter()
        .filter(|p| !p.is_separator())
        .filter_map(|p| match p {
            Piece::Text(text) | Piece::Element { text, .. } => Some(text.as_str()),
            Piece::Break => None,
        })
        .collect();
    let proper = clean_text(&proper.join(" "));
    let least = kicked.map_or(KICKED_HEADLINE_MIN_WORDS, |k| {
        weight(k).max(KICKED_HEADLINE_MIN_WORDS)
    });
    (weight(&proper) >= least).then(|| (proper, kicked.map(str::to_string)))
}

/// The words an `h1` prints before the headline the metadata agrees on
/// ("Krach vor der VW-Betriebsversammlung: Es knirscht…"), when they are
/// a kicker: a few words ending in a separator (not "The" of "The seven
/// secrets…" against "Seven secrets…").
fn printed_before(shown: &str, headline: &str) -> Option<String> {
    let (all, own) = (
        shown.split_whitespace().count(),
        headline.split_whitespace().count(),
    );
    let before: Vec<&str> = shown
        .split_whitespace()
        .take(all.checked_sub(own)?)
        .collect();
    let before = before.join(" ");
    (weight(&before) <= H1_KICKER_MAX_WORDS
        && before.ends_with(|c| DANGLING_SEPARATORS.contains(c)))
    .then_some(before)
}

/// The kicker printed in an element of its own right before an `h1` (a
/// Dachzeile above the headline): the nearest text before the heading,
/// within its wrapper or the header holding both, in an element whose
/// class or id names a kicker ([`KICKER_BEFORE_HINTS`]).
fn kicker_before(h1: ElementRef) -> Option<String> {
    let mut node = *h1;
    for _ in 0..KICKER_BEFORE_DEPTH {
        for sibling in node.prev_siblings() {
            let Some(el) = ElementRef::wrap(sibling) else {
                if let Node::Text(t) = sibling.value()
                    && !t.trim().is_empty()
                {
                    return None;
                }
                continue;
            };
            if INVISIBLE_TAGS.contains(&el.value().name()) {
                continue;
            }
            let text = clean_text(&element_text(el));
            if text.is_empty() {
                continue;
            }
            let named = |e: &ElementRef| {
                ["class", "id"]
                    .iter()
                    .filter_map(|a| e.value().attr(a))
                    .any(|v| {
                        let v = v.to_lowercase();
                        KICKER_BEFORE_HINTS.iter().any(|h| v.contains(h))
                    })
            };
            let kicker = std::iter::once(el)
                .chain(el.descendants().filter_map(ElementRef::wrap))
                .filter(named)
                .last()
                .map(|k| clean_text(&element_text(k)))?;
            return (!kicker.is_empty() && weight(&kicker) <= KICKER_BEFORE_MAX_WORDS)
                .then_some(kicker);
        }
        node = node.parent()?;
    }
    None
}

/// The element holding an `h1`'s pieces: the `h1`, or the one link that
/// holds all its text (a headline that links to itself, kicker and all).
fn holder(h1: ElementRef) -> ElementRef {
    let mut children = h1.children().filter(|c| match c.value() {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element(_) => true,
        _ => false,
    });
    match (children.next().and_then(ElementRef::wrap), children.next()) {
        (Some(link), None) if link.value().name() == "a" => link,
        _ => h1,
    }
}

/// The text of an `h1` that glosses its words with ruby (readings printed
/// small above them, in `<rt>`), without the readings.
fn without_ruby(h1: ElementRef) -> Option<String> {
    let ruby = |n: &ego_tree::NodeRef<Node>| {
        n.value()
            .as_element()
            .is_some_and(|e| RUBY_TEXT_TAGS.contains(&e.name()))
    };
    if !h1.descendants().any(|n| ruby(&n)) {
        return None;
    }
    let mut text = String::new();
    for node in h1.descendants() {
        if let Node::Text(t) = node.value()
            && !node.ancestors().take_while(|a| a.id() != h1.id()).any(|a| {
                ruby(&a)
                    || a.value()
                        .as_element()
                        .is_some_and(|e| INVISIBLE_TAGS.contains(&e.name()))
            })
        {
            text.push_str(t);
        }
    }
    let text = clean_text(&text);
    (!text.is_empty()).then_some(text)
}

/// The kicker leading an `h1`'s pieces, when something marks it as one.
fn kicker(pieces: &[Piece]) -> Option<&str> {
    let Some(Piece::Element {
        text,
        hints,
        hidden: false,
        ..
    }) = pieces.first()
    else {
        return None;
    };
    if weight(text) > H1_KICKER_MAX_WORDS {
        return None;
    }
    let rest = &pieces[1..];
    let evidence = KICKER_HINTS.iter().any(|h| hints.contains(h))
        || rest.first().is_some_and(Piece::is_separator)
        || rest.iter().any(|p| {
            matches!(p, Piece::Element { hints, hidden: false, .. }
                if HEADLINE_PART_HINTS.iter().any(|h| hints.contains(h)))
        });
    (evidence && rest.iter().any(|p| !p.is_separator())).then_some(text.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::meta_of;

    #[test]
    fn a_kicker_named_by_its_class_is_not_the_headline() {
        let a = meta_of(
            r#"<head><meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird"></head>
            <body><h1><span class="article-heading__kicker">Klimaschutz</span>
            <span class="article-heading__title">Bohren, bis es heiß wird</span></h1></body>"#,
        );
        assert_eq!(a.headline, "Bohren, bis es heiß wird");
        assert_eq!(a.provenance["headline"], "h1");
    }

    #[test]
    fn a_kicker_told_by_a_hidden_separator_or_a_line_break() {
        let hidden = meta_of(
            r#"<body><h1><span class="top">Corona-Pandemie</span><span class="visually-hidden"> - </span>
            <span>„Es kommt darauf an, wie die Menschen sterben“</span></h1></body>"#,
        );
        assert_eq!(
            hidden.headline,
            "„Es kommt darauf an, wie die Menschen sterben“"
        );
        let broken = meta_of(
            r#"<body><h1><span style="font-size:18px">Energiewende Oberland:</span><br>
            Klimavorreiter Oberland?</h1></body>"#,
        );
        assert_eq!(broken.headline, "Klimavorreiter Oberland?");
    }

    #[test]
    fn an_h1_without_a_marked_kicker_is_read_whole() {
        let a = meta_of(
            r#"<body><h1><em>Exclusive</em> talks with the mayor end in a deal</h1></body>"#,
        );
        assert_eq!(a.headline, "Exclusive talks with the mayor end in a deal");
        let linked = meta_of(
            r#"<body><h1><a href="/a">Council votes to keep the night buses</a></h1></body>"#,
        );
        assert_eq!(linked.headline, "Council votes to keep the night buses");
    }

    #[test]
    fn style_sheets_inside_the_h1_are_not_its_text() {
        let a = meta_of(
            r#"<body><h1><style>.x{color:red}</style>Bridge reopens after two years</h1></body>"#,
        );
        assert_eq!(a.headline, "Bridge reopens after two years");
    }

    #[test]
    fn an_h1_in_chinese_or_japanese_agrees_with_a_longer_title() {
        let a = meta_of(
            r#"<head><meta property="og:title" content="指紋認証でサインインできるマウスを発売。 | 株式会社サンプル製作所"></head>
            <body><h1>ニュース</h1><h1>指紋認証でサインインできるマウスを発売</h1></body>"#,
        );
        assert_eq!(a.headline, "指紋認証でサインインできるマウスを発売");
        assert_eq!(a.provenance["headline"], "h1");
    }

    #[test]
    fn a_subtitle_or_screen_reader_text_inside_the_h1_is_not_the_headline() {
        let small = meta_of(
            r#"<body><h1><span>Fish cakes, hot and fresh</span>
            <small>Welcome to the flavour capital of the north</small></h1></body>"#,
        );
        assert_eq!(small.headline, "Fish cakes, hot and fresh");
        let named = meta_of(
            r#"<body><h1><span class="entry-title-primary">Broadcaster skips the rally</span>
            <span class="entry-subtitle">A second line in smaller type</span></h1></body>"#,
        );
        assert_eq!(named.headline, "Broadcaster skips the rally");
        let unseen = meta_of(
            r#"<body><h1>What we do not want to hear<span class="element-invisible"> | Example Site</span></h1></body>"#,
        );
        assert_eq!(unseen.headline, "What we do not want to hear");
    }

    #[test]
    fn an_h1_going_on_after_a_shortened_title_wins() {
        let a = meta_of(
            r#"<head><meta property="og:title" content="Lemon cake from the tray | Baking Blog">
            <meta property="og:site_name" content="Baking Blog"></head>
            <body><h1>Lemon cake from the tray: simply delicious!</h1></body>"#,
        );
        assert_eq!(a.headline, "Lemon cake from the tray: simply delicious!");
        assert_eq!(a.provenance["headline"], "h1");
    }

    #[test]
    fn a_site_name_glued_to_the_title_is_cut_off() {
        let a = meta_of(
            r#"<head><meta property="og:title" content="ツリーを描画できる「Treeviz」:サンプル開発日誌">
            <meta property="og:site_name" content="サンプル開発日誌"></head><body></body>"#,
        );
        assert_eq!(a.headline, "ツリーを描画できる「Treeviz」");
        let kept = meta_of(
            r#"<head><meta property="og:title" content="Ten years of Example Times">
            <meta property="og:site_name" content="Example Times"></head><body></body>"#,
        );
        assert_eq!(kept.headline, "Ten years of Example Times");
    }

    #[test]
    fn ruby_readings_are_not_read_into_the_headline() {
        let a = meta_of(
            r#"<body><h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rp>(</rp><rt>たいばつ</rt><rp>)</rp></ruby>を禁止する法律ができる</h1></body>"#,
        );
        assert_eq!(a.headline, "子どもへの体罰を禁止する法律ができる");
    }

    #[test]
    fn a_site_name_with_its_short_form_is_cut_off() {
        let a = meta_of(
            r#"<head><meta name="title" content="Fair supply chains - Evangelical Youth Work Association (eywa)">
            <meta property="og:site_name" content="Evangelical Youth Work Association"></head><body></body>"#,
        );
        assert_eq!(a.headline, "Fair supply chains");
    }

    #[test]
    fn an_h1_linking_to_the_front_page_is_the_site_not_the_headline() {
        let a = meta_of(
            r#"<head><title>Four Years Remaining » Blog Archive » Interning of Small Integers</title></head>
            <body><h1><a href="https://example.org/">Four Years Remaining</a></h1>
            <h2>Interning of Small Integers</h2><p>Text.</p></body>"#,
        );
        assert_eq!(a.headline, "Interning of Small Integers");
        assert_eq!(a.provenance["headline"], "title");
        for href in [
            "/",
            "index.html",
            "http://example.org",
            "//example.org/?ref=logo",
        ] {
            let page = format!(
                r#"<head><title>The real headline of the day</title></head><body><h1><a href="{href}"><b>Site</b></a></h1></body>"#
            );
            assert_eq!(
                meta_of(&page).headline,
                "The real headline of the day",
                "{href}"
            );
        }
        let own = meta_of(
            r#"<head><title>The real headline of the day</title></head>
            <body><h1><a href="/2024/05/the-real-headline">The real headline of the day</a></h1></body>"#,
        );
        assert_eq!(own.provenance["headline"], "h1");
    }

    #[test]
    fn a_permalink_mark_after_the_h1_is_not_the_headline() {
        let a = meta_of(
            r##"<body><h1>Evolve: Shared Mutable History<a class="headerlink" href="#evolve">¶</a></h1></body>"##,
        );
        assert_eq!(a.headline, "Evolve: Shared Mutable History");
    }

    #[test]
    fn the_title_part_the_page_prints_as_a_heading_is_the_headline() {
        let a = meta_of(
            r#"<head><title>Jane's Digital Home | Reflections on Python 3</title></head>
            <body><h2>Reflections on Python 3</h2><p>Text.</p></body>"#,
        );
        assert_eq!(a.headline, "Reflections on Python 3");
        let h1 = meta_of(
            r#"<head><meta property="og:title" content="Prince and the Revolution – Purple Rain">
            <meta property="og:site_name" content="Genius"></head>
            <body><h1>Purple Rain</h1><h2>Prince and the Revolution</h2></body>"#,
        );
        assert_eq!(h1.headline, "Purple Rain");
        // A one-word h1 is a section's name; the h2 is the article's.
        let section = meta_of(
            r#"<head><title>Club e.V. - Neuigkeiten » Die Events der letzten Zeit</title></head>
            <body><h1>Neuigkeiten</h1><h2>Die Events der letzten Zeit</h2></body>"#,
        );
        assert_eq!(section.headline, "Die Events der letzten Zeit");
        let whole = meta_of(
            r#"<head><meta property="og:title" content="Queer Royal - Über Dragqueens auf der Bühne">
            <meta property="og:site_name" content="Theater"></head>
            <body><h2>Queer Royal - Über Dragqueens auf der Bühne</h2><h3>Queer Royal</h3></body>"#,
        );
        assert_eq!(
            whole.headline,
            "Queer Royal - Über Dragqueens auf der Bühne"
        );
    }

    #[test]
    fn a_heading_the_title_begins_with_before_glued_names_is_the_headline() {
        let a = meta_of(
            r#"<head><title>这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报</title></head>
            <body><h1>好奇心日报</h1><h2>这个约会软件，想用你和对方的相似好恶来帮你找对象</h2></body>"#,
        );
        assert_eq!(
            a.headline,
            "这个约会软件，想用你和对方的相似好恶来帮你找对象"
        );
    }

    #[test]
    fn dangling_separators_dates_and_cut_attributes_are_mended() {
        let dangling =
            meta_of(r#"<head><title>National Rail Enquiries -</title></head><body></body>"#);
        assert_eq!(dangling.headline, "National Rail Enquiries");
        let dated = meta_of(
            r#"<head><meta property="og:title" content="23.01.2022 - Wierer darf noch jubeln - Biathlon Antholz">
            <meta property="og:site_name" content="Biathlon Antholz"></head>
            <body><h1>23.01.2022 - Wierer darf noch jubeln</h1></body>"#,
        );
        assert_eq!(dated.headline, "Wierer darf noch jubeln");
        let cut = meta_of(
            r#"<head><meta property="og:title" content="Senador califica a Biden de "incapacitado"">
            <title>Senador califica a Biden de "incapacitado"</title></head><body></body>"#,
        );
        assert_eq!(cut.headline, "Senador califica a Biden de \"incapacitado\"");
    }

    #[test]
    fn an_h1_printed_twice_is_one_headline() {
        let a = meta_of(
            r#"<head><title>Run Windows on Mac - Desktop 15 Virtual Machine for Mac</title></head>
            <body><h1>Parallels Desktop 15 for Mac</h1><h1>Parallels Desktop 15 for Mac</h1></body>"#,
        );
        assert_eq!(a.headline, "Parallels Desktop 15 for Mac");
    }
}
