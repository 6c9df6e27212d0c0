//! The article being filled field by field, with the page's candidates
//! every field's rules read: shared by the headline, byline and date rules
//! and the smaller fields.

use std::cell::OnceCell;

use super::page::Page;
use crate::model::Article;
use crate::read::html::dates::{self, DayOrder};
use crate::read::html::jsonld;

/// The article being filled, with the page's candidates.
pub(super) struct Found<'a> {
    /// The fields found so far, with their provenance.
    pub(super) article: Article,
    /// The candidates the page walk collected.
    pub(super) page: &'a Page,
    /// The JSON-LD object that describes the article.
    pub(super) ld: Option<jsonld::Article<'a>>,
    /// The JSON-LD website's name.
    pub(super) website_name: Option<String>,
    /// The page's day/month order, found once (see [`Found::day_order`]).
    pub(super) order: OnceCell<DayOrder>,
}

impl Found<'_> {
    /// Records where a field's value came from.
    pub(super) fn set_source(&mut self, field: &str, source: impl Into<String>) {
        self.article
            .provenance
            .insert(field.to_string(), source.into());
    }

    /// The host name of the article's URL, without `www.`.
    pub(super) fn host(&self) -> Option<String> {
        let url = self.article.url.as_deref()?;
        let rest = url.split("://").nth(1)?;
        let host = rest.split(['/', '?', '#', ':']).next()?;
        Some(host.trim_start_matches("www.").to_lowercase())
    }

    /// How the page writes all-numeric dates: as its other dates show
    /// (`25/04/2020` is day first), else as its language does.
    pub(super) fn day_order(&self) -> DayOrder {
        *self.order.get_or_init(|| {
            dates::order_shown(self.page.lines.iter().map(|l| l.text.as_str()))
                .unwrap_or_else(|| DayOrder::for_language(self.article.language.as_deref()))
        })
    }
}
