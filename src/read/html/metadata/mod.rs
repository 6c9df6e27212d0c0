//! Metadata: one function per field, each trying the page's sources from the
//! most reliable (JSON-LD) through `<meta>` tags, microdata and `<time>` to
//! the least (the visible text around the headline), and recording in the
//! article's provenance where the value came from.
//!
//! The page is walked once ([`Page::collect`]) to gather every candidate:
//! `<meta>` and `<link>` tags, JSON-LD scripts, `h1`s, `<time>` elements,
//! `itemprop` values, `rel=author` links, elements whose class names a byline
//! or a date, and the visible text as lines, each marked with whether it
//! stands in a page area that is not the article (navigation, related lists,
//! comments).
//!
//! The walk only collects; what an `h1` or a `<time>` says is judged right
//! after it, by the headline's and the dates' rules.
//!
//! Each field's rules have their file: [`title`] for the headline,
//! [`byline`] for the authors, [`published`] for the dates; [`page`] walks
//! the page; [`found`] holds the article being filled and [`text`] the text
//! measures the rules share. The smaller fields (language, URL, site name,
//! description, image, tags) are here.

mod byline;
mod found;
pub(super) mod names;
mod page;
mod published;
mod text;
mod title;

use std::collections::HashSet;

use scraper::Html;

use self::found::Found;
use self::page::Page;
use super::Hints;
use super::jsonld::LinkedData;
use super::normalize::{clean_text, is_placeholder};
use super::patterns::{
    MAX_TAGS, META_DESCRIPTION, META_IMAGE, META_LANGUAGE, META_SITE_NAME, META_TAGS, META_TITLE,
    META_URL,
};
use crate::model::Article;

/// What the metadata pass finds in a page.
pub struct Metadata {
    /// Every metadata field of the article (its blocks stay empty).
    pub article: Article,
    /// The article's text as the page's linked data gives it (`articleBody`).
    pub linked_body: Option<String>,
}

/// Extracts every metadata field of the article, and its linked data's text.
pub fn extract(dom: &Html, hints: &Hints) -> Metadata {
    let mut page = Page::collect(dom);
    title::judge_headings(&mut page.h1s, dom);
    published::judge_time_roles(&mut page.times);
    let ld = LinkedData::from_scripts(page.ld_scripts.iter().map(String::as_str));
    let title_hint = page
        .meta(META_TITLE)
        .map(|(_, v)| v)
        .or(page.title.as_deref());
    let ld_article = ld.article(title_hint);
    let website_name = ld.website_name().map(str::to_string);
    let mut found = Found {
        article: Article::default(),
        page: &page,
        ld: ld_article,
        website_name: website_name.clone(),
        order: std::cell::OnceCell::new(),
    };
    found.language();
    found.url(hints);
    found.site_name();
    let anchor = found.headline();
    let article = found.article;
    page.clear_areas_holding(anchor);
    let mut found = Found {
        article,
        page: &page,
        ld: ld_article,
        website_name,
        order: std::cell::OnceCell::new(),
    };
    found.byline(anchor);
    found.dates(anchor);
    found.description();
    found.image();
    found.tags();
    Metadata {
        article: found.article,
        linked_body: ld_article.and_then(|a| a.body()),
    }
}

// ---- fields ------------------------------------------------------------------

impl Found<'_> {
    /// `language`: `<html lang>`, JSON-LD `inLanguage`, meta tags, `og:locale`.
    fn language(&mut self) {
        let page = self.page;
        let candidates = page
            .html_lang
            .as_deref()
            .map(|l| (l.to_string(), "html:lang".to_string()))
            .into_iter()
            .chain(
                self.ld
                    .and_then(|a| a.language())
                    .map(|l| (l, "json-ld".into())),
            )
            .chain(META_LANGUAGE.iter().filter_map(|key| {
                page.metas_named(key)
                    .next()
                    .map(|v| (v.to_string(), format!("meta:{key}")))
            }));
        for (raw, source) in candidates {
            if let Some(tag) = normalize_language(&raw) {
                self.article.language = Some(tag);
                self.set_source("language", source);
                return;
            }
        }
    }

    /// `url`: `<link rel=canonical>`, `og:url`, JSON-LD, then what is known
    /// from outside the page, then a "saved from" comment.
    fn url(&mut self, hints: &Hints) {
        let page = self.page;
        let base = hints
            .url
            .clone()
            .or_else(|| page.meta(&["og:url"]).map(|(_, v)| v.to_string()))
            .or_else(|| page.saved_from.clone());
        let candidates = page
            .link("canonical")
            .map(|u| (u.to_string(), "link:canonical".to_string()))
            .into_iter()
            .chain(META_URL.iter().filter_map(|key| {
                page.metas_named(key)
                    .next()
                    .map(|v| (v.to_string(), format!("meta:{key}")))
            }))
            .chain(self.ld.and_then(|a| a.url()).map(|u| (u, "json-ld".into())))
            .chain(hints.url.clone().map(|u| (u, "hint".into())))
            .chain(
                page.saved_from
                    .clone()
                    .map(|u| (u, "comment:saved-from".into())),
            );
        for (raw, source) in candidates {
            let url = absolute(&raw, base.as_deref());
            if url.starts_with("http://") || url.starts_with("https://") {
                self.article.url = Some(url);
                self.set_source("url", source);
                return;
            }
        }
    }

    /// `site_name`: `og:site_name` and kin, the JSON-LD publisher or website.
    fn site_name(&mut self) {
        let from_meta = self
            .page
            .meta(META_SITE_NAME)
            .map(|(k, v)| (clean_text(v), format!("meta:{k}")));
        let from_ld = self
            .ld
            .and_then(|a| a.publisher())
            .or_else(|| self.website_name.clone())
            .map(|n| (clean_text(&n), "json-ld".to_string()));
        if let Some((name, source)) = from_meta
            .into_iter()
            .chain(from_ld)
            .find(|(n, _)| !n.is_empty())
        {
            self.article.site_name = Some(name);
            self.set_source("site_name", source);
        }
    }

    /// `description`: `og:description`, `description`, JSON-LD.
    fn description(&mut self) {
        let candidate = self
            .page
            .meta(META_DESCRIPTION)
            .map(|(k, v)| (clean_text(v), format!("meta:{k}")))
            .or_else(|| {
                self.ld
                    .and_then(|a| a.text("description"))
                    .map(|d| (clean_text(&d), "json-ld".into()))
            });
        if let Some((text, source)) = candidate.filter(|(t, _)| !t.is_empty() && !is_placeholder(t))
        {
            self.article.description = Some(text);
            self.set_source("description", source);
        }
    }

    /// `image`: `og:image` and kin, JSON-LD, `<link rel=image_src>`.
    fn image(&mut self) {
        let page = self.page;
        let candidate = page
            .meta(META_IMAGE)
            .map(|(k, v)| (v.to_string(), format!("meta:{k}")))
            .or_else(|| {
                self.ld
                    .and_then(|a| a.image())
                    .map(|u| (u, "json-ld".into()))
            })
            .or_else(|| {
                page.link("image_src")
                    .map(|u| (u.to_string(), "link:image_src".into()))
            });
        if let Some((url, source)) = candidate {
            self.article.image = Some(absolute(url.trim(), self.article.url.as_deref()));
            self.set_source("image", source);
        }
    }

    /// `tags`: `article:tag` and kin (repeated or comma-separated), JSON-LD
    /// keywords.
    fn tags(&mut self) {
        let page = self.page;
        for key in META_TAGS {
            let values: Vec<&str> = page.metas_named(key).collect();
            if values.is_empty() {
                continue;
            }
            let tags = unique_tags(values.iter().flat_map(|v| v.split(',')).map(str::to_string));
            if !tags.is_empty() {
                self.article.tags = tags;
                self.set_source("tags", format!("meta:{key}"));
                return;
            }
        }
        if let Some(ld) = self.ld {
            let tags = unique_tags(ld.keywords().into_iter());
            if !tags.is_empty() {
                self.article.tags = tags;
                self.set_source("tags", "json-ld");
                return;
            }
        }
        let tags = unique_tags(
            page.rel_tags
                .iter()
                .filter(|s| !s.foreign)
                .map(|s| s.text.clone()),
        );
        if !tags.is_empty() {
            self.article.tags = tags;
            self.set_source("tags", "rel:tag");
        }
    }
}

fn unique_tags(raw: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    raw.map(|t| clean_text(&t))
        .filter(|t| !t.is_empty() && !is_placeholder(t))
        .filter(|t| seen.insert(t.to_lowercase()))
        .take(MAX_TAGS)
        .collect()
}

/// Resolves a possibly relative URL against the page's URL.
pub fn absolute(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") || href.starts_with("data:") {
        return href.to_string();
    }
    let Some(base) = base.filter(|b| b.contains("://")) else {
        return href.to_string();
    };
    let (scheme, rest) = base.split_once("://").expect("checked above");
    if let Some(net) = href.strip_prefix("//") {
        return format!("{scheme}://{net}");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if href.starts_with('/') {
        return format!("{scheme}://{host}{href}");
    }
    let path = &rest[host.len()..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    format!("{scheme}://{host}{dir}{href}")
}

/// A BCP 47 tag in its usual case (`en`, `pt-BR`, `zh-Hant-TW`), or `None`
/// when the value is not a language tag.
pub fn normalize_language(raw: &str) -> Option<String> {
    let first = raw.split([',', ';']).next()?.trim().replace('_', "-");
    let mut parts = first.split('-').filter(|p| !p.is_empty());
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let primary = primary.to_ascii_lowercase();
    if matches!(primary.as_str(), "und" | "mul" | "zxx") {
        return None;
    }
    let mut tag = primary;
    for part in parts {
        if !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
        tag.push('-');
        match part.len() {
            4 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                tag.push_str(&part[..1].to_ascii_uppercase());
                tag.push_str(&part[1..].to_ascii_lowercase());
            }
            2 | 3 => tag.push_str(&part.to_ascii_uppercase()),
            _ => tag.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

/// The metadata of a page given as text, for the tests of every field.
#[cfg(test)]
fn meta_of(html: &str) -> Article {
    extract(&Html::parse_document(html), &Hints::default()).article
}

#[cfg(test)]
mod tests {
    use super::byline::clean_byline;
    use super::*;

    fn names(raw: &str) -> Option<(String, Vec<String>)> {
        clean_byline(raw, true)
    }

    #[test]
    fn bylines_lose_their_prefix_date_and_roles() {
        assert_eq!(
            names("By Nazrin Gadimova February 5, 2020"),
            Some(("Nazrin Gadimova".into(), vec!["Nazrin Gadimova".into()]))
        );
        assert_eq!(
            names("Автор: Айгерим Сейткали").unwrap().1,
            ["Айгерим Сейткали"]
        );
        assert_eq!(names("Von Hans Müller").unwrap().1, ["Hans Müller"]);
        assert_eq!(names("Par Jean Dupont").unwrap().1, ["Jean Dupont"]);
        assert_eq!(names("Por María García").unwrap().1, ["María García"]);
        assert_eq!(names("By Jane Doe, Senior Writer").unwrap().1, ["Jane Doe"]);
        assert_eq!(names("Jane Doe; Condé Nast").unwrap().1, ["Jane Doe"]);
        assert_eq!(
            names("By Jane Doe and John Roe | Updated 3 hours ago"),
            Some((
                "Jane Doe and John Roe".into(),
                vec!["Jane Doe".into(), "John Roe".into()]
            ))
        );
        assert_eq!(names("By\nJane Doe\nJune 3, 2021").unwrap().1, ["Jane Doe"]);
        assert_eq!(
            names("Michelina C. de la Maza").unwrap().1,
            ["Michelina C. de la Maza"]
        );
        assert_eq!(names("Associated Press"), None);
        assert_eq!(clean_byline("stol.it", false), None);
        assert_eq!(
            clean_byline("C. Habermueller", false).unwrap().1,
            ["C. Habermueller"]
        );
        assert_eq!(names("share this story"), None);
    }

    #[test]
    fn a_byline_word_alone_takes_the_name_below_it() {
        let a = meta_of(
            "<body><h1>Der WindRebell kommt</h1><p>Text des Artikels.</p>\
             <p><b>Von:</b><br><br>Götz Warnke</p></body>",
        );
        assert_eq!(a.byline.as_deref(), Some("Götz Warnke"));
        assert_eq!(a.provenance["byline"], "text:byline");
    }

    #[test]
    fn headline_prefers_the_h1_that_agrees_with_the_title() {
        let a = meta_of(
            "<title>Mike Pompeo Urges Kazakhstan To Pressure China - Newsroom</title>\
             <body><h1>Newsroom</h1><article><h1>Mike Pompeo Urges Kazakhstan To Pressure China</h1>\
             <p>By Nazrin Gadimova February 5, 2020</p></article></body>",
        );
        assert_eq!(a.headline, "Mike Pompeo Urges Kazakhstan To Pressure China");
        assert_eq!(a.provenance["headline"], "h1");
        assert_eq!(a.byline.as_deref(), Some("Nazrin Gadimova"));
        assert_eq!(a.provenance["byline"], "text:byline");
        assert_eq!(a.published.as_deref(), Some("2020-02-05"));
        assert_eq!(a.site_name.as_deref(), Some("Newsroom"));
    }

    #[test]
    fn title_loses_site_and_section_names() {
        let a = meta_of(
            r#"<head><title>Opinion | The case for trains | CBC News</title>
               <meta property="og:site_name" content="CBC News"></head><body><p>x</p></body>"#,
        );
        assert_eq!(a.headline, "The case for trains");
        assert_eq!(a.provenance["headline"], "title");
    }

    #[test]
    fn updated_line_is_modified_not_published() {
        let a = meta_of(
            "<html lang=en><body><div>Last update: March 29, 2024 01:04</div>\
             <h1>Headline here now</h1><p>By Nazrin Gadimova February 5, 2020</p>\
             <p>Body text.</p></body></html>",
        );
        assert_eq!(a.published.as_deref(), Some("2020-02-05"));
        assert_eq!(a.modified.as_deref(), Some("2024-03-29T01:04:00"));
    }

    #[test]
    fn a_generic_meta_date_yields_to_the_printed_one() {
        let a = meta_of(
            r#"<html lang=de><head><meta name="date" content="2020-02-12"></head><body>
            <article><h1>Lieferketten im Blick behalten</h1><p class="news-date">05.02.2020</p>
            <p>Text des Artikels.</p></article></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2020-02-05"));
        assert_eq!(a.provenance["published"], "text:date");
        // Unless the printed date stands above the headline, as the day a
        // page's header shows, and the page prints the meta's day elsewhere.
        let a = meta_of(
            r#"<html lang=de><head><meta name="date" content="2017-05-01T17:05:00+0200"></head><body>
            <div class="top"><span class="date">Mittwoch, 26.02.2020</span></div>
            <div class="crumbs">01.05.2017</div><article><h1>Die Liegestühle der Titanic</h1>
            <p>Text des Artikels.</p></article></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2017-05-01T17:05:00+02:00"));
        // Below the headline, the printed date wins even when a list of
        // other articles prints the meta's day.
        let a = meta_of(
            r#"<html lang=de><head><meta name="date" content="2020-04-30"></head><body>
            <article><h1>Kein Geld mehr für die Miete</h1><ul><li class="date"><time>29.04.2020,
            12:01 Uhr</time></li></ul><p>Text des Artikels.</p></article>
            <ul><li>Andere Meldung, 30.04.2020</li></ul></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2020-04-29T12:01:00"));
    }

    #[test]
    fn a_date_is_labelled_by_the_short_line_above_it() {
        let a = meta_of(
            r#"<html lang=de><head><meta name="date" content="2021-10-15"></head><body>
            <h1>Neue Präsidentin gewählt</h1><p>Erschienen am:</p><h2>13.10.2021</h2>
            <p>Text der Meldung.</p><p class="date">Zuletzt geändert am:</p><p class="date">15.10.2021</p>
            </body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2021-10-13"));
        assert_eq!(a.modified.as_deref(), Some("2021-10-15"));
        // Anywhere on the page, when nothing else dates it.
        let body = "<p>Ein langer Absatz des Beitrags, der nichts datiert.</p>".repeat(30);
        let a = meta_of(&format!(
            "<html lang=fr><body><h1>La voix des nuls</h1>{body}             <ul class=credits><li><p>Mise en ligne</p><p>23 mai 2019</p></li></ul></body></html>"
        ));
        assert_eq!(a.published.as_deref(), Some("2019-05-23"));
        assert_eq!(a.provenance["published"], "text:labelled");
        // Not by a menu line above the article's date.
        let a = meta_of(
            r#"<html lang=de><body><nav><a href="/u">Corona-Update</a></nav>
            <p>31.01.2022 2. Liga</p><h1>Neuer Trainer ab Sommer</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2022-01-31"));
    }

    #[test]
    fn a_date_in_the_url_s_path_or_opening_the_title_dates_an_undated_page() {
        let a = meta_of(
            r#"<html lang=de><head><title>Tag des Einbruchschutzes</title>
            <link rel="canonical" href="https://example.org/meldungen/29-10-2021"></head>
            <body><h1>Tag des Einbruchschutzes</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2021-10-29"));
        assert_eq!(a.provenance["published"], "url");
        let a = meta_of(
            r#"<html lang=de><head><title>08.11.2021 | Online-Fachtag: Portal</title></head>
            <body><h1>Online-Fachtag</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2021-11-08"));
        assert_eq!(a.provenance["published"], "title");
        // A date inside the title is the story's, not the page's.
        let a = meta_of(
            r#"<html lang=de><head><title>Was sich am 1.1.2023 ändert</title></head>
            <body><h1>Was sich ändert</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published, None);
    }

    #[test]
    fn a_page_dated_only_by_its_update_has_no_publication_date() {
        let a = meta_of(
            r#"<html lang=en><body><h1>Six gadgets powered by the assistant</h1>
            <p>Text of the article.</p><span class="x">Updated: Dec 15, 2016 2:57 PM UTC</span>
            </body></html>"#,
        );
        assert_eq!(a.published, None);
        assert_eq!(a.modified.as_deref(), Some("2016-12-15T14:57:00Z"));
    }

    #[test]
    fn the_article_s_own_margin_column_dates_it() {
        // An aside of the article marked as complementary is the article's.
        let a = meta_of(
            r#"<html lang=de><head><meta name="date" content="2022-01-26T14:32:06+02:00"></head>
            <body><article><h1>Das Beste aus zwei Welten</h1><aside class="meta" role="complementary">
            <time datetime="2022-01-21">21.01.2022 - 13:30</time></aside><p>Text.</p></article></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2022-01-21"));
        // A `<time>` in a sidebar right by the headline, when nothing else
        // dates the page.
        let a = meta_of(
            r#"<html lang=de><body><article><h1>Burgenland: Ruster Ausbruch</h1>
            <div class="sidebar"><time datetime="2022-01-28">28. Januar 2022</time></div>
            <p>Text.</p></article></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2022-01-28"));
        assert_eq!(a.provenance["published"], "time");
    }

    #[test]
    fn the_printed_day_picks_among_disagreeing_metadata() {
        let a = meta_of(
            r#"<html lang=de><head>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Vanlife",
              "datePublished":"2022-01-04T07:29:00Z","dateModified":"2022-01-25T14:24:00Z"}</script>
            <meta property="article:published_time" content="2022-01-06T08:29:34"></head><body>
            <h1>Vanlife</h1><div class="info">06.01.2022</div><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2022-01-06T08:29:34"));
        // Not when the printed day is the update's.
        let a = meta_of(
            r#"<html lang=en><head>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Skin care",
              "datePublished":"2019-10-15T16:59:59Z","dateModified":"2020-03-12T14:42:17Z"}</script>
            <meta name="sailthru.date" content="2020-03-12"></head><body>
            <h1>Skin care</h1><div class="info">March 12, 2020</div><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2019-10-15T16:59:59Z"));
    }

    #[test]
    fn a_utc_stamp_before_midnight_is_the_printed_day() {
        let a = meta_of(
            r#"<html lang=de><head>
            <meta property="article:published_time" content="2021-11-04T23:00:00Z"></head><body>
            <h1>Ein Titel hier</h1><span class="date">5. November 2021</span><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2021-11-05T00:00:00+01:00"));
    }

    #[test]
    fn an_article_footer_gives_its_dates_and_tags() {
        let a = meta_of(
            r#"<html lang=en><body><article><header><h1>Scanning the newsletter</h1></header>
            <div class="entry-content"><p>Text of the post.</p></div>
            <footer class="entry-footer"><span class="posted-on">Published
            <time class="entry-date published" datetime="2022-09-18T19:40:00+02:00">September 18, 2022</time><time
             class="updated" datetime="2022-09-20T08:15:00+02:00">September 20, 2022</time></span>
            <span class="tags-links">Tagged <a href="/tag/ocr/" rel="tag">OCR</a>,
            <a href="/tag/scanning/" rel="tag">scanning</a></span></footer></article>
            <footer class="site-footer"><a href="/tag/other/" rel="tag">Other</a></footer></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2022-09-18T19:40:00+02:00"));
        assert_eq!(a.modified.as_deref(), Some("2022-09-20T08:15:00+02:00"));
        assert_eq!(a.provenance["published"], "time");
        assert_eq!(a.tags, ["OCR", "scanning"]);
        assert_eq!(a.provenance["tags"], "rel:tag");
    }

    #[test]
    fn dates_in_abbr_titles_and_custom_time_elements() {
        let a = meta_of(
            "<html lang=en><body><h1>Meta-programming in Emacs</h1>\
             <abbr class='published' itemprop='datePublished' title='2019-10-16T14:33:00-07:00'>2:33 PM</abbr>\
             <p>Text.</p></body></html>",
        );
        assert_eq!(a.published.as_deref(), Some("2019-10-16T14:33:00-07:00"));
        let a = meta_of(
            r#"<html lang=en><body><h1>Release notes</h1>
            <relative-time datetime="2020-07-07T12:10:51Z">on Jul 7, 2020</relative-time><p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2020-07-07T12:10:51Z"));
    }

    #[test]
    fn a_dateline_opens_the_lead_but_a_sentence_s_date_does_not() {
        let lead = "Die künftige Zusammenarbeit mit dem Welternährungsprogramm wird enger, \
                    sagte die Ministerin am Dienstag in Berlin vor Journalisten und Gästen.";
        let a = meta_of(&format!(
            "<html lang=de><body><h1>Im Einsatz gegen Hunger</h1>\
             <p>Pressemitteilung vom 25. Januar 2022 | Berlin – {lead}</p></body></html>"
        ));
        assert_eq!(a.published.as_deref(), Some("2022-01-25"));
        assert_eq!(a.provenance["published"], "text:dateline");
        let a = meta_of(&format!(
            "<html lang=de><body><h1>Im Einsatz gegen Hunger</h1>\
             <p>Mit der am 15. Januar 2022 in Kraft getretenen Verordnung: {lead}</p></body></html>"
        ));
        assert_eq!(a.published, None);
    }

    #[test]
    fn the_printed_date_nearest_the_headline_wins() {
        let a = meta_of(
            r#"<html lang=de><body><div class="navtop"><time datetime="2023-11-01T13:56:20+01:00">
            Mittwoch, 01. November 2023</time></div><p>Startseite</p><p>Theater</p><p>Kritiken</p>
            <p>Archiv</p><p>Suche</p><p>Kontakt</p><p>Impressum</p>
            <h1>Jenseits der Bühne</h1><p><span class="text_datum">31. Oktober 2023.</span></p>
            <p>Text.</p></body></html>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2023-10-31"));
    }

    #[test]
    fn json_ld_comes_first() {
        let a = meta_of(
            r#"<html lang="en_us"><head><title>Other | Site</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"The headline",
              "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
              "datePublished":"2020-02-05T10:12:00+03:00","dateModified":"2020-02-06",
              "publisher":{"@type":"Organization","name":"Site"}}</script>
            <meta name="author" content="Someone Else"></head><body></body></html>"#,
        );
        assert_eq!(a.headline, "The headline");
        assert_eq!(a.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(a.published.as_deref(), Some("2020-02-05T10:12:00+03:00"));
        assert_eq!(a.modified.as_deref(), Some("2020-02-06"));
        assert_eq!(a.site_name.as_deref(), Some("Site"));
        assert_eq!(a.language.as_deref(), Some("en-US"));
        assert_eq!(a.provenance["byline"], "json-ld");
    }

    #[test]
    fn meta_tags_fill_the_rest() {
        let a = meta_of(
            r#"<head><meta property="og:title" content="A title">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2021-06-01T08:00:00Z">
            <meta property="article:tag" content="Politics"><meta property="article:tag" content="China">
            <meta property="og:image" content="/img/lead.jpg">
            <meta property="og:url" content="https://example.com/news/a-title">
            <meta name="description" content="  A summary. "></head><body></body>"#,
        );
        assert_eq!(a.headline, "A title");
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.published.as_deref(), Some("2021-06-01T08:00:00Z"));
        assert_eq!(a.tags, ["Politics", "China"]);
        assert_eq!(a.image.as_deref(), Some("https://example.com/img/lead.jpg"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/news/a-title"));
        assert_eq!(a.description.as_deref(), Some("A summary."));
    }

    #[test]
    fn no_author_means_no_byline() {
        let a = meta_of(
            r#"<head><meta property="og:site_name" content="Daily Planet">
            <meta name="author" content="Daily Planet"></head><body><h1>Something happened today</h1></body>"#,
        );
        assert_eq!(a.byline, None);
        assert!(a.authors.is_empty());
    }

    #[test]
    fn languages_are_normalized() {
        assert_eq!(normalize_language("en").as_deref(), Some("en"));
        assert_eq!(normalize_language("EN-us").as_deref(), Some("en-US"));
        assert_eq!(normalize_language("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(
            normalize_language("zh-hant-tw").as_deref(),
            Some("zh-Hant-TW")
        );
        assert_eq!(normalize_language("x-default"), None);
    }

    #[test]
    fn relative_urls_resolve() {
        assert_eq!(
            absolute("/a.jpg", Some("https://x.org/n/p.html")),
            "https://x.org/a.jpg"
        );
        assert_eq!(
            absolute("b.jpg", Some("https://x.org/n/p.html")),
            "https://x.org/n/b.jpg"
        );
        assert_eq!(
            absolute("//cdn.x.org/c.jpg", Some("https://x.org/")),
            "https://cdn.x.org/c.jpg"
        );
    }
}
