//! Package metadata derived from the article alone, never from the clock or
//! the machine: W3C dates in UTC, the language tag and its direction, and the
//! publication identifier (a name-based UUID hashed from the URL or content).

use crate::model::Article;

/// `dcterms:modified` when an article carries no date at all: a fixed epoch,
/// because the clock would make two runs differ.
pub const EPOCH_MODIFIED: &str = "1970-01-01T00:00:00Z";

/// Language tag used when the article names none (or an invalid one): BCP 47
/// "undetermined", which is honest and valid where `en` would be a guess.
pub const UNKNOWN_LANGUAGE: &str = "und";

/// Primary language subtags written right to left; their documents get
/// `dir="rtl"` and the spine a right-to-left page progression.
pub const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi",
];

/// RFC 4122 namespace for URL names; identifiers are version-5 UUIDs in it.
const URL_NAMESPACE: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// A parsed ISO 8601 date, with the time when the source gave one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    year: i64,
    month: u8,
    day: u8,
    /// Hours, minutes, seconds in UTC, when the source gave a time.
    time: Option<(u8, u8, u8)>,
}

impl Stamp {
    /// Parses `YYYY-MM-DD`, optionally followed by `T` (or a space) and
    /// `hh:mm[:ss[.fff]]` with `Z` or a `±hh[:mm]` offset; the result is in UTC.
    pub fn parse(s: &str) -> Option<Stamp> {
        let s = s.trim();
        let (date, rest) = s.split_at(s.len().min(10));
        let mut parts = date.split('-');
        let year: i64 = number(parts.next()?, 4)?;
        let month: u8 = number(parts.next()?, 2)?;
        let day: u8 = number(parts.next()?, 2)?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let mut stamp = Stamp {
            year,
            month,
            day,
            time: None,
        };
        let rest = rest.trim_start_matches(['T', 't', ' ']);
        if rest.is_empty() || rest.len() < 5 {
            return Some(stamp);
        }
        let (clock, offset) = split_offset(rest)?;
        let mut fields = clock.split(':');
        let hour: u8 = number(fields.next()?, 2)?;
        let minute: u8 = number(fields.next()?, 2)?;
        let second: u8 = match fields.next() {
            Some(sec) => number(sec.split(['.', ',']).next()?, 2)?,
            None => 0,
        };
        if hour > 23 || minute > 59 || second > 60 {
            return Some(stamp);
        }
        let total = i64::from(hour) * 60 + i64::from(minute) - offset;
        let days = days_from_civil(year, month, day) + total.div_euclid(24 * 60);
        let minutes = total.rem_euclid(24 * 60);
        let (y, m, d) = civil_from_days(days);
        stamp = Stamp {
            year: y,
            month: m,
            day: d,
            time: Some(((minutes / 60) as u8, (minutes % 60) as u8, second.min(59))),
        };
        Some(stamp)
    }

    /// The W3C date form epubcheck asks of `dc:date`: `YYYY-MM-DD`, or the
    /// full UTC time when known.
    pub fn w3c(&self) -> String {
        match self.time {
            Some(_) => self.utc(),
            None => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, the form `dcterms:modified` requires.
    pub fn utc(&self) -> String {
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        format!(
            "{:04}-{:02}-{:02}T{h:02}:{m:02}:{s:02}Z",
            self.year, self.month, self.day
        )
    }

    /// The calendar date, `YYYY-MM-DD`.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as a reader of `language` expects it: "5 February 2020" in
    /// English, ISO elsewhere.
    pub fn display(&self, language: &str) -> String {
        crate::write::shared::display_date(
            self.year,
            self.month,
            self.day,
            primary_subtag(language) == "en",
        )
    }
}

fn number<T: std::str::FromStr>(s: &str, width: usize) -> Option<T> {
    (s.len() == width && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Splits `hh:mm:ss+05:30` into the clock and the offset in minutes east of UTC.
fn split_offset(rest: &str) -> Option<(&str, i64)> {
    if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        return Some((clock, 0));
    }
    match rest.rfind(['+', '-']) {
        Some(at) => {
            let (clock, offset) = rest.split_at(at);
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
            let hours: i64 = number(digits.get(0..2)?, 2)?;
            let minutes: i64 = match digits.get(2..) {
                Some("") | None => 0,
                Some(m) => number(m, 2)?,
            };
            Some((clock, sign * (hours * 60 + minutes)))
        }
        None => Some((rest, 0)),
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `dcterms:modified` for an article: its modified date, else its
/// publication date, else [`EPOCH_MODIFIED`].
pub fn modified(article: &Article) -> String {
    last_change(article).map_or_else(|| EPOCH_MODIFIED.to_string(), |s| s.utc())
}

/// The article's latest known date (modified, else published).
pub fn last_change(article: &Article) -> Option<Stamp> {
    let modified = article.modified.as_deref().and_then(Stamp::parse);
    let published = article.published.as_deref().and_then(Stamp::parse);
    modified.max(published)
}

/// Share of a text's letters a script must reach before an untagged article
/// is labelled by it: a majority, so quoted names do not decide.
pub const SCRIPT_SHARE: f64 = 0.5;

/// Letters read to find the script of an untagged article: enough for a
/// stable share, little enough to stay cheap.
const SCRIPT_SAMPLE: usize = 2000;

/// The article's language as a valid BCP 47 tag. When the page names none,
/// the script of the text decides where it is unambiguous (`ja` for kana,
/// `ko` for Hangul, `zh` for Han alone) and otherwise gives an undetermined
/// language in a right-to-left script (`und-Arab`, `und-Hebr`), so direction
/// and fonts are right even without a tag.
pub fn language(article: &Article) -> String {
    article
        .language
        .as_deref()
        .map(str::trim)
        .filter(|tag| is_language_tag(tag))
        .map(str::to_string)
        .or_else(|| script_language(article).map(str::to_string))
        .unwrap_or_else(|| UNKNOWN_LANGUAGE.to_string())
}

/// A tag for the dominant script of the headline and body, when one can be told.
fn script_language(article: &Article) -> Option<&'static str> {
    let (mut letters, mut kana, mut hangul, mut han, mut arabic, mut hebrew) = (0, 0, 0, 0, 0, 0);
    let text =
        std::iter::once(article.headline.as_str()).chain(article.blocks.iter().map(|b| b.text()));
    for c in text
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .take(SCRIPT_SAMPLE)
    {
        letters += 1;
        match c {
            '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                hangul += 1
            }
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            '\u{0590}'..='\u{05FF}' => hebrew += 1,
            _ => {}
        }
    }
    let share = |n: usize| letters > 0 && n as f64 / letters as f64 >= SCRIPT_SHARE;
    if share(kana + han) && kana > 0 {
        Some("ja")
    } else if share(hangul + han) && hangul > 0 {
        Some("ko")
    } else if share(han) {
        Some("zh")
    } else if share(arabic) {
        Some("und-Arab")
    } else if share(hebrew) {
        Some("und-Hebr")
    } else {
        None
    }
}

/// A loose BCP 47 check: a 2–3 letter primary subtag, then alphanumeric
/// subtags of 1–8 characters.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether a language is written right to left (by its primary subtag, or an
/// explicit `Arab`/`Hebr` script subtag).
pub fn is_rtl(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    RTL_LANGUAGES.contains(&primary_subtag(&lower).as_str())
        || lower.split('-').any(|p| p == "arab" || p == "hebr")
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
            let json = serde_json::to_vec(article).unwrap_or_default();
            format!("urn:sha1:{}", sha1_smol::Sha1::from(json).digest())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_convert_to_utc() {
        let s = Stamp::parse("2020-02-06T08:00:00+06:00").unwrap();
        assert_eq!(s.utc(), "2020-02-06T02:00:00Z");
        let s = Stamp::parse("2020-03-01T01:30-05:00").unwrap();
        assert_eq!(s.utc(), "2020-03-01T06:30:00Z");
        let s = Stamp::parse("2021-01-01T02:00:00+03:00").unwrap();
        assert_eq!(s.utc(), "2020-12-31T23:00:00Z");
        let s = Stamp::parse("2020-02-05").unwrap();
        assert_eq!(s.w3c(), "2020-02-05");
        assert_eq!(s.utc(), "2020-02-05T00:00:00Z");
        assert_eq!(s.display("en-GB"), "5 February 2020");
        assert_eq!(Stamp::parse("2020-02-30"), None);
        assert_eq!(Stamp::parse("Feb 5, 2020"), None);
    }

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

    #[test]
    fn languages_and_direction() {
        assert!(is_rtl("ar"));
        assert!(is_rtl("fa-IR"));
        assert!(!is_rtl("en"));
        assert!(is_language_tag("pt-BR"));
        assert!(!is_language_tag("english language"));
    }

    #[test]
    fn untagged_articles_are_labelled_by_their_script() {
        let tagged = |headline: &str| {
            language(&Article {
                headline: headline.into(),
                ..Article::default()
            })
        };
        assert_eq!(tagged("消費増税の軽減税率"), "ja");
        assert_eq!(tagged("서울 시장 선거"), "ko");
        assert_eq!(tagged("北京举行会议"), "zh");
        assert_eq!(tagged("عنوان الخبر"), "und-Arab");
        assert!(is_rtl(&tagged("כותרת החדשות")));
        assert_eq!(tagged("A plain headline"), UNKNOWN_LANGUAGE);
    }
}
