//! Package metadata derived from the article alone, never from the clock or
//! the machine: `dcterms:modified` in UTC, and the publication identifier (a
//! name-based UUID hashed from the URL or content).

pub use crate::date::Stamp;
use crate::model::Article;
pub use crate::write::language::language;

/// `dcterms:modified` when an article carries no date at all and
/// `SOURCE_DATE_EPOCH` is not set: a fixed epoch, because the clock would
/// make two runs differ.
pub const EPOCH_MODIFIED: &str = "1970-01-01T00:00:00Z";

/// Seconds in a day, to read `SOURCE_DATE_EPOCH`.
const DAY_SECONDS: i64 = 24 * 60 * 60;

/// RFC 4122 namespace for URL names; identifiers are version-5 UUIDs in it.
const URL_NAMESPACE: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// `dcterms:modified` for an article: its modified date, else its
/// publication date, else the time `SOURCE_DATE_EPOCH` gives, else
/// [`EPOCH_MODIFIED`].
pub fn modified(article: &Article) -> String {
    modified_or_build_time(last_change(article))
}

/// `dcterms:modified` from the latest date known, or the build time.
pub fn modified_or_build_time(last: Option<Stamp>) -> String {
    last.or_else(source_date_epoch)
        .map_or_else(|| EPOCH_MODIFIED.to_string(), |s| s.utc())
}

/// The instant `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) names, when it
/// is set to a number: the reproducible-builds convention for "now".
fn source_date_epoch() -> Option<Stamp> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let (year, month, day) = crate::date::civil_from_days(seconds.div_euclid(DAY_SECONDS));
    let second = seconds.rem_euclid(DAY_SECONDS) as u32;
    Some(Stamp {
        time: Some((second / 3600, second / 60 % 60, second % 60)),
        offset: Some(0),
        ..Stamp::date(year, month, day)?
    })
}

/// `dc:date` in the W3C form epubcheck asks for, on the day the page wrote:
/// with its time and offset when it gives both (never shifted to UTC),
/// else the day alone (a time without an offset never gets a `Z`).
pub fn dc_date(stamp: &Stamp) -> String {
    match (stamp.time, stamp.offset) {
        (Some(_), Some(_)) => stamp.iso(),
        _ => stamp.day_iso(),
    }
}

/// The article's latest known date (modified, else published), as an
/// instant in UTC.
pub fn last_change(article: &Article) -> Option<Stamp> {
    let utc = |date: &Option<String>| date.as_deref().and_then(Stamp::parse).map(|s| s.to_utc());
    utc(&article.modified).max(utc(&article.published))
}

/// A stable `urn:uuid:` identifier: a version-5 UUID of `name`.
pub fn uuid_urn(name: &str) -> String {
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(&URL_NAMESPACE);
    hasher.update(name.as_bytes());
    let mut b = hasher.digest().bytes();
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b[..16].iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The name an article's identifier is hashed from: its URL, or a hash of
/// its content when it has none.
pub fn identity(article: &Article) -> String {
    match article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(url) => url.to_string(),
        None => {
            // The content names the book, not where it was read from.
            let content = Article {
                source: None,
                ..article.clone()
            };
            let json = serde_json::to_vec(&content).unwrap_or_default();
            format!("urn:sha1:{}", sha1_smol::Sha1::from(json).digest())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_never_reads_the_clock() {
        assert_eq!(modified(&Article::default()), EPOCH_MODIFIED);
    }

    #[test]
    fn identifiers_are_name_based_uuids() {
        let a = uuid_urn("https://example.org/a");
        assert_eq!(a, uuid_urn("https://example.org/a"));
        assert_ne!(a, uuid_urn("https://example.org/b"));
        assert_eq!(a.len(), "urn:uuid:".len() + 36);
        assert_eq!(&a[9 + 14..9 + 15], "5");
    }
}
