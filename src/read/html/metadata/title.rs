//! The headline: the `h1` when it agrees with the metadata title, else the
//! metadata title, each without site and section names. An `h1` that prints
//! a kicker (a topic line) in its own leading element shows the headline
//! after it.

use std::collections::HashSet;

use scraper::{ElementRef, Node};

use super::page::{Heading, element_text};
use super::{Found, fold, weight, words};
use crate::read::html::normalize::{clean_text, is_placeholder};
use crate::read::html::patterns::{
    H1_KICKER_MAX_WORDS, HEADLINE_PART_HINTS, HIDDEN_HINTS, KICKED_HEADLINE_MIN_WORDS,
    KICKER_HINTS, LONE_H1_MIN_WORDS, META_TITLE, MIN_HEADLINE_WORDS, SECTION_WORDS,
    SITE_PART_MAX_WORDS, TITLE_AGREEMENT, TITLE_SEPARATORS,
};

impl Found<'_> {
    /// Whether a title part names the site rather than the article.
    fn is_site_part(&self, part: &str) -> bool {
        let folded = fold(part);
        let squeezed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
        if squeezed.is_empty() {
            return true;
        }
        if let Some(site) = &self.article.site_name {
            let site = fold(site);
            let site_squeezed: String = site.chars().filter(|c| c.is_alphanumeric()).collect();
            if folded == site
                || squeezed == site_squeezed
                || (words(part).len() <= SITE_PART_MAX_WORDS
                    && (site.contains(&folded) || folded.contains(&site)))
            {
                return true;
            }
        }
        if let Some(host) = self.host() {
            let host_squeezed: String = host.chars().filter(|c| c.is_alphanumeric()).collect();
            let label = host.split('.').rev().nth(1).unwrap_or(&host).to_string();
            if squeezed == host_squeezed || (squeezed.len() > 2 && squeezed == label) {
                return true;
            }
            if folded.contains('.') && host.ends_with(folded.trim_start_matches("www.")) {
                return true;
            }
        }
        false
    }

    /// A title without its site name and section parts. `aggressive` also
    /// drops short trailing parts when the site is not known (for `<title>`).
    fn strip_title(&self, title: &str, aggressive: bool) -> (String, Option<String>) {
        let parts = split_title(title);
        if parts.len() < 2 {
            return (title.to_string(), None);
        }
        let mut kept: Vec<(&str, &str)> = parts.clone();
        let mut dropped: Option<String> = None;
        kept.retain(|(_, p)| {
            let site = self.is_site_part(p);
            if site && dropped.is_none() {
                dropped = Some(p.to_string());
            }
            !site
        });
        if kept.is_empty() {
            return (title.to_string(), None);
        }
        // A leading section name: "Opinion | …".
        while kept.len() > 1
            && words(kept[0].1)
                .iter()
                .all(|w| SECTION_WORDS.contains(&w.as_str()))
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
        if let Some(t) = &page.title {
            titles.push((t.clone(), "title".into()));
        }
        titles.retain(|(t, _)| !t.is_empty() && !is_placeholder(t));
        let stripped: Vec<(String, Option<String>, String)> = titles
            .iter()
            .map(|(t, source)| {
                let (s, dropped) = self.strip_title(t, source == "title");
                (s, dropped, source.clone())
            })
            .collect();
        let mut h1s: Vec<&Heading> = page.h1s.iter().collect();
        h1s.sort_by_key(|h| h.spot.foreign);
        let site = self.article.site_name.as_deref().map(fold);
        for h1 in &h1s {
            let (shown, _) = self.strip_title(shown_text(h1), false);
            if site.as_deref() == Some(fold(&shown).as_str()) {
                continue;
            }
            for ((t, _), (s, _, source)) in titles.iter().zip(&stripped) {
                if !agrees(&shown, t, s) {
                    continue;
                }
                // An h1 holding more than the title (a kicker, a date, the
                // section) gives way to the title; otherwise the h1 wins.
                let longer = fold(&shown).contains(&fold(s)) && fold(&shown) != fold(s);
                if longer && weight(s) >= MIN_HEADLINE_WORDS {
                    self.article.headline = s.clone();
                    self.set_source("headline", source.clone());
                } else {
                    self.article.headline = shown;
                    self.set_source("headline", "h1");
                }
                self.site_from_title(&stripped);
                return Some(h1.spot.line);
            }
        }
        // The page's one headline that the metadata words differently (an
        // SEO title): what the reader sees wins.
        let own: Vec<&&Heading> = h1s.iter().filter(|h| !h.spot.foreign).collect();
        if let [h1] = own.as_slice() {
            let (shown, _) = self.strip_title(shown_text(h1), false);
            if weight(&shown) >= LONE_H1_MIN_WORDS && site.as_deref() != Some(fold(&shown).as_str())
            {
                self.article.headline = shown;
                self.set_source("headline", "h1");
                self.site_from_title(&stripped);
                return Some(h1.spot.line);
            }
        }
        let chosen = stripped
            .iter()
            .find(|(s, _, _)| site.as_deref() != Some(fold(s).as_str()) && !words(s).is_empty());
        if let Some((headline, _, source)) = chosen {
            self.article.headline = headline.clone();
            self.set_source("headline", source.clone());
            self.site_from_title(&stripped);
            let target = fold(headline);
            // Folding never drops a letter: a line with more of them than
            // the headline is not it, and is passed over unfolded.
            let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
            let most = letters(&target);
            return page
                .h1s
                .iter()
                .find(|h| fold(shown_text(h)) == target || fold(&h.spot.text) == target)
                .map(|h| h.spot.line)
                .or_else(|| {
                    page.lines
                        .iter()
                        .position(|l| letters(&l.text) <= most && fold(&l.text) == target)
                })
                .or_else(|| h1s.first().map(|h| h.spot.line));
        }
        if let Some(h1) = h1s.first() {
            self.article.headline = shown_text(h1).to_string();
            self.set_source("headline", "h1");
            return Some(h1.spot.line);
        }
        None
    }

    /// When no metadata names the site, the part cut off the `<title>` does.
    fn site_from_title(&mut self, stripped: &[(String, Option<String>, String)]) {
        if self.article.site_name.is_some() {
            return;
        }
        if let Some((_, Some(dropped), _)) = stripped.iter().find(|(_, _, src)| src == "title") {
            let name = clean_text(dropped);
            if !name.is_empty() && fold(&name) != fold(&self.article.headline) {
                self.article.site_name = Some(name);
                self.set_source("site_name", "title");
            }
        }
    }
}

/// Splits a title into its parts with the separator before each.
fn split_title(title: &str) -> Vec<(&str, &str)> {
    let mut parts = Vec::new();
    let mut sep = "";
    let mut rest = title;
    loop {
        let next = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| rest.find(s).map(|i| (i, *s)))
            .min_by_key(|(i, s)| (*i, std::cmp::Reverse(s.len())));
        match next {
            Some((i, s)) => {
                let part = rest[..i].trim();
                if !part.is_empty() {
                    parts.push((sep, part));
                }
                sep = s;
                rest = &rest[i + s.len()..];
            }
            None => {
                let part = rest.trim();
                if !part.is_empty() {
                    parts.push((sep, part));
                }
                return parts;
            }
        }
    }
}

/// Whether an `h1` is the metadata title as the page shows it: equal to the
/// title without its site name, contained in it, or sharing most words.
fn agrees(h1: &str, title: &str, stripped: &str) -> bool {
    let (h, t, s) = (fold(h1), fold(title), fold(stripped));
    if h.is_empty() {
        return false;
    }
    if h == s || h == t {
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

/// What an `h1` shows as the headline: its text after the kicker.
fn shown_text(h1: &Heading) -> &str {
    h1.proper.as_deref().unwrap_or(&h1.spot.text)
}

/// One child of an `h1`, for finding a kicker.
enum Piece {
    Text(String),
    Element {
        text: String,
        hints: String,
        hidden: bool,
    },
    Break,
}

/// The headline proper of an `h1` that prints a kicker (a topic line,
/// "Klimaschutz") in its own leading element before it: told by the
/// element's class, a line break or a hidden separator after it, or a class
/// naming the headline on what follows.
pub(super) fn split_kicker(h1: ElementRef) -> Option<String> {
    let mut pieces = Vec::new();
    for child in h1.children() {
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
                let hidden = e.attr("aria-hidden") == Some("true")
                    || HIDDEN_HINTS.iter().any(|h| hints.contains(h));
                pieces.push(Piece::Element {
                    text,
                    hints,
                    hidden,
                });
            }
            _ => {}
        }
    }
    let Some(Piece::Element {
        text: kicker,
        hints,
        hidden: false,
    }) = pieces.first()
    else {
        return None;
    };
    if weight(kicker) > H1_KICKER_MAX_WORDS {
        return None;
    }
    let rest = &pieces[1..];
    let separator = |p: &Piece| match p {
        Piece::Break => true,
        Piece::Element {
            text, hidden: true, ..
        } => !text.chars().any(char::is_alphanumeric),
        _ => false,
    };
    let evidence = KICKER_HINTS.iter().any(|h| hints.contains(h))
        || rest.first().is_some_and(separator)
        || rest.iter().any(|p| {
            matches!(p, Piece::Element { hints, hidden: false, .. }
                if HEADLINE_PART_HINTS.iter().any(|h| hints.contains(h)))
        });
    if !evidence {
        return None;
    }
    let proper: Vec<&str> = rest
        .iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.as_str()),
            Piece::Element { text, hidden, .. } if !(*hidden && separator(p)) => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    let proper = clean_text(&proper.join(" "));
    (weight(&proper) >= KICKED_HEADLINE_MIN_WORDS && weight(kicker) <= weight(&proper))
        .then_some(proper)
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use crate::model::Article;
    use crate::read::html::Hints;

    fn meta_of(html: &str) -> Article {
        super::super::extract(&Html::parse_document(html), &Hints::default())
    }

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
}
