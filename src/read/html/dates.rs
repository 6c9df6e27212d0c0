//! Dates: parsing the many ways pages write a date — machine stamps in
//! metadata (`2020-02-05T10:12:00+03:00`, RFC 2822, Unix seconds) and human
//! text in several languages ("February 5, 2020", "5 Feb 2020 10:12",
//! "12 декабря 2019", "5. Februar 2020", "05.02.2020", "2019年4月19日") — into
//! one [`Stamp`] written as ISO 8601, with the offset kept when the page gives
//! one. The date type and its calendar live in [`crate::date`]; this module
//! reads pages.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::date::{Stamp, civil_from_days, days_from_civil};

use super::patterns::{
    DAY_FIRST_EXCEPTIONS, MAX_OFFSET_EAST_HOURS, MAX_OFFSET_WEST_HOURS, MAX_YEAR, MIN_YEAR,
    MONTH_FIRST_LANGUAGES, MONTH_NAMES, TWO_DIGIT_CENTURY, UNIX_SECONDS_DIGITS, ZONE_ABBREVIATIONS,
};

/// How to read an all-numeric date like `05/02/2020`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `05/02/2020` is 5 February (most of the world).
    DayFirst,
    /// `05/02/2020` is May 2 (United States English).
    MonthFirst,
}

impl DayOrder {
    /// The usual order for a BCP 47 language tag (day first when unknown).
    pub fn for_language(lang: Option<&str>) -> DayOrder {
        let Some(lang) = lang else {
            return DayOrder::DayFirst;
        };
        let lower = lang.to_ascii_lowercase().replace('_', "-");
        if DAY_FIRST_EXCEPTIONS.contains(&lower.as_str()) {
            return DayOrder::DayFirst;
        }
        let primary = lower.split('-').next().unwrap_or("");
        if MONTH_FIRST_LANGUAGES.contains(&primary) {
            DayOrder::MonthFirst
        } else {
            DayOrder::DayFirst
        }
    }
}

/// A date the reader accepts: a real calendar day in the years articles
/// are dated in.
fn date(year: i32, month: u32, day: u32) -> Option<Stamp> {
    (MIN_YEAR..=MAX_YEAR)
        .contains(&year)
        .then(|| Stamp::date(year, month, day))
        .flatten()
}

/// A UTC stamp from metadata told in the page's own time, as the page
/// shows it: `2019-10-18T22:04:00Z` beside a printed "19. Oktober 2019
/// 00:04 Uhr" is `2019-10-19T00:04:00+02:00`. Only when the printed date
/// and time fall a day off the UTC ones by an offset real time zones have
/// (a printed day without a time gives no offset: the stamp stays).
/// `None` when nothing changes.
pub fn localize(stamp: Stamp, shown: Stamp) -> Option<Stamp> {
    let (Some((h, m, s)), Some(0), Some((sh, sm, _))) = (stamp.time, stamp.offset, shown.time)
    else {
        return None;
    };
    let days = days_from_civil(shown.year, shown.month, shown.day)
        - days_from_civil(stamp.year, stamp.month, stamp.day);
    if days.abs() != 1 {
        return None;
    }
    let offset = days * 1440 + i64::from(sh * 60 + sm) - i64::from(h * 60 + m);
    let east = i64::from(MAX_OFFSET_EAST_HOURS) * 60;
    let west = i64::from(MAX_OFFSET_WEST_HOURS) * 60;
    (offset.rem_euclid(15) == 0 && (-west..=east).contains(&offset)).then_some(Stamp {
        time: Some((sh, sm, s)),
        offset: Some(offset as i32),
        ..shown
    })
}

/// A UTC stamp just before midnight beside a printed date of the next day
/// without a time, told as that midnight in the page's time:
/// `2021-11-04T23:00:00Z` beside "5. November 2021" is
/// `2021-11-05T00:00:00+01:00`. Systems store a date given without a time
/// as its local midnight, so the offset that lands the stamp exactly on
/// midnight is the page's. `None` for any other stamp.
pub fn at_local_midnight(stamp: Stamp, shown: Stamp) -> Option<Stamp> {
    let (Some((h, m, 0)), Some(0), None) = (stamp.time, stamp.offset, shown.time) else {
        return None;
    };
    let days = days_from_civil(shown.year, shown.month, shown.day)
        - days_from_civil(stamp.year, stamp.month, stamp.day);
    let offset = 1440 - i64::from(h * 60 + m);
    (days == 1 && offset.rem_euclid(15) == 0 && offset <= i64::from(MAX_OFFSET_EAST_HOURS) * 60)
        .then_some(Stamp {
            time: Some((0, 0, 0)),
            offset: Some(offset as i32),
            ..shown
        })
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+|:\d{3})?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?",
    )
    .expect("valid regex")
});

static SLASHED_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\D|$)").expect("valid regex")
});

/// The C library's and Java's date format, the year last:
/// "Mon Aug 03 12:45:00 EDT 2015", "Mon Aug  3 12:45:00 2015".
static YEAR_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\p{{L}}+,?\s+)?({})\.?\s+(\d{{1,2}})\s+(\d{{1,2}}):(\d{{2}})(?::(\d{{2}}))?\s+(?:([A-Z]{{2,5}}|[+-]\d{{4}})\s+)?(\d{{4}})$",
        *MONTH_ALTERNATION
    ))
    .expect("valid regex")
});

static UNIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d+$").expect("valid regex"));

/// Parses a date from a metadata value: a machine stamp first (ISO 8601 and
/// its compact forms, `2020/02/05`, Unix seconds or milliseconds), then any
/// date written in words or numbers inside it.
pub fn parse(value: &str, order: DayOrder) -> Option<Stamp> {
    let value = value.trim();
    if let Some(stamp) = parse_iso(value) {
        return Some(stamp);
    }
    if let Some(c) = SLASHED_YMD.captures(value)
        && let Some(stamp) = date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)
    {
        return Some(with_time(stamp, &value[c.get(0)?.end().min(value.len())..]));
    }
    if let Some(c) = YEAR_LAST.captures(value) {
        let mut stamp = date(num(&c, 7)?, month_number(&c[1])?, num(&c, 2)?)?;
        let (h, m, s) = (
            num::<u32>(&c, 3)?,
            num::<u32>(&c, 4)?,
            num(&c, 5).unwrap_or(0),
        );
        if h < 24 && m < 60 && s < 60 {
            stamp.time = Some((h, m, s));
            stamp.offset = c.get(6).and_then(|z| parse_offset(z.as_str()));
        }
        return Some(stamp);
    }
    if UNIX.is_match(value) && UNIX_SECONDS_DIGITS.contains(&value.len()) {
        let mut seconds: i64 = value.parse().ok()?;
        if value.len() > 10 {
            seconds /= 1000;
        }
        let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
        let rest = seconds.rem_euclid(86_400) as u32;
        let mut stamp = date(y, m, d)?;
        stamp.time = Some((rest / 3600, rest / 60 % 60, rest % 60));
        stamp.offset = Some(0);
        return Some(stamp);
    }
    find(value, order)
}

fn parse_iso(value: &str) -> Option<Stamp> {
    let c = ISO.captures(value)?;
    let whole = c.get(0)?.as_str();
    // A bare eight-digit number is only a date when it is the whole value.
    if !whole.contains('-') && whole.len() == 8 && value.len() != 8 {
        return None;
    }
    let mut stamp = date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?;
    if let (Some(h), Some(m)) = (num::<u32>(&c, 4), num::<u32>(&c, 5)) {
        let s = num(&c, 6).unwrap_or(0);
        if h < 24 && m < 60 && s < 61 {
            stamp.time = Some((h, m, s.min(59)));
            stamp.offset = c.get(7).and_then(|z| parse_offset(z.as_str()));
        }
    }
    Some(stamp)
}

fn num<T: std::str::FromStr>(c: &Captures, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

/// `Z`, `UTC`, `+03:00`, `+0300`, `-05`, or a known zone abbreviation, in minutes.
fn parse_offset(text: &str) -> Option<i32> {
    let t = text.trim();
    if let Some((_, hours)) = ZONE_ABBREVIATIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(t))
    {
        return Some((hours * 60.0) as i32);
    }
    let sign = match t.chars().next()? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => (
            digits[..digits.len() - 2].parse::<i32>().ok()?,
            digits[digits.len() - 2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// The alternation of every month name, longest first so `Sept` beats `Sep`.
static MONTH_ALTERNATION: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTH_NAMES.iter().map(|(name, _)| *name).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
});

/// "February 5, 2020", "Feb. 5th 2020". The year ends where a word does:
/// the character after it is matched (not a `\b`, which makes the regex
/// engine give up its fast automaton on any non-ASCII text), so a date ends
/// with its year group, and the next search starts there.
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-i:\W|$)",
        *MONTH_ALTERNATION
    ))
    .expect("valid regex")
});

/// "5 February 2020", "5. Februar 2020", "12 декабря 2019 г.", "5 de febrero de 2020".
/// The year ends as in [`MONTH_FIRST`].
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\d])(\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°)?\s*(?:de\s+|of\s+)?({})\.?,?\s*(?:de\s+|del\s+)?(\d{{4}})(?-i:\W|$)",
        *MONTH_ALTERNATION
    ))
    .expect("valid regex")
});

/// "2020-02-05", "2020/2/5", "2020.02.05".
static NUMERIC_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[^\d]|$)")
        .expect("valid regex")
});

/// "05.02.2020", "5/2/2020", "05-02-20", "4. 2. 2022".
static NUMERIC_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})([-/.])( ?)(\d{1,2})([-/.])( ?)(\d{4}|\d{2})(?:[^\d]|$)")
        .expect("valid regex")
});

/// "2019年4月19日", "2019년 4월 19일".
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?").expect("valid regex")
});

/// A time of day right after a date: ", 10:12", " at 10:12 pm", " um 10.12 Uhr",
/// " 10:12:33 +0300", "T10:12Z".
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:г\.|г|r\.)?\s*(?:,|\||-|–|—|/|·|•|at|um|à|a las|alle|в|о|om|kl\.?|T)?\s*(\d{1,2})(?::|h|\.)(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:(a\.?\s?m\.?|p\.?\s?m\.?)(?:[^\p{L}]|$))?\s*(?:uhr\s*)?(?:\(?(Z|UTC|GMT|[A-Z]{2,5})?\s*([+\-−]\d{1,2}(?::?\d{2})?)?\)?)",
    )
    .expect("valid regex")
});

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTH_NAMES
        .iter()
        .find(|(n, _)| n.trim_end_matches('.') == lower)
        .map(|(_, m)| *m)
}

/// Adds the time of day (and offset) that `rest`, the text right after a
/// date, starts with, if any.
fn with_time(mut stamp: Stamp, rest: &str) -> Stamp {
    let Some(c) = TIME_AFTER.captures(rest) else {
        return stamp;
    };
    let (Some(mut h), Some(m)) = (num::<u32>(&c, 1), num::<u32>(&c, 2)) else {
        return stamp;
    };
    let s = num(&c, 3).unwrap_or(0);
    if let Some(ampm) = c.get(4) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if h == 0 || h > 12 {
            return stamp;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    if h >= 24 || m >= 60 || s >= 60 {
        return stamp;
    }
    stamp.time = Some((h, m, s));
    let zone = c.get(5).and_then(|z| parse_offset(z.as_str()));
    let shift = c.get(6).and_then(|z| parse_offset(z.as_str()));
    stamp.offset = match (zone, shift) {
        (Some(z), Some(s)) => Some(z + s),
        (z, s) => s.or(z),
    };
    stamp
}

fn year_of(text: &str) -> Option<i32> {
    let y: i32 = text.parse().ok()?;
    Some(if text.len() == 2 {
        TWO_DIGIT_CENTURY + y
    } else {
        y
    })
}

/// The order the page itself writes all-numeric dates in, when its dates
/// tell: `25/04/2020` can only be day first, `04/25/2020` only month first.
/// `None` when they do not tell, or tell both ways.
pub fn order_shown<'a>(texts: impl Iterator<Item = &'a str>) -> Option<DayOrder> {
    let (mut day_first, mut month_first) = (false, false);
    for text in texts.filter(|t| has_digit_pair(t) && has_date_mark(t)) {
        for c in NUMERIC_DMY.captures_iter(text) {
            let (Some(first), Some(second)) = (num::<u32>(&c, 1), num::<u32>(&c, 4)) else {
                continue;
            };
            if c.get(2).map(|m| m.as_str()) == Some(".") {
                continue;
            }
            day_first |= first > 12 && second <= 12;
            month_first |= second > 12 && first <= 12;
        }
    }
    match (day_first, month_first) {
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        _ => None,
    }
}

/// Whether a text may hold a date: [`find_all`] finds none in text that
/// has not two ASCII digits in a row, as every year has.
pub fn may_hold_date(text: &str) -> bool {
    has_digit_pair(text)
}

/// Whether a text has two ASCII digits in a row, as every year has: eight
/// bytes at a time (most text has no digits), then the bytes left over.
fn has_digit_pair(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.as_bytes().chunks_exact(8);
    // Whether the byte before the next one read is a digit.
    let mut digit = false;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Each digit byte turns into 0 to 9; below 10 (with its high bit
        // clear) a byte plus 0x76 stays below 0x80, without carrying over.
        let x = word ^ (0x30 * ONES);
        let digits = !(((x & !HIGH) + 0x76 * ONES) | x) & HIGH;
        if digits & (digits >> 8) != 0 || (digit && digits & 0x80 != 0) {
            return true;
        }
        digit = digits >> 63 != 0;
    }
    for &b in chunks.remainder() {
        let now = b.is_ascii_digit();
        if now && digit {
            return true;
        }
        digit = now;
    }
    false
}

/// Whether a text has a mark that separates the parts of an all-numeric
/// date (`-`, `/`, `.`).
fn has_date_mark(text: &str) -> bool {
    memchr::memchr3(b'-', b'/', b'.', text.as_bytes()).is_some()
}

/// The first date written anywhere in `text`, in words or numbers, with the
/// time that follows it. All-numeric dates whose day and month could be
/// swapped are read in `order`.
pub fn find(text: &str, order: DayOrder) -> Option<Stamp> {
    find_all(text, order).into_iter().next().map(|(s, _)| s)
}

/// Every date written in `text`, in order of appearance, each with the byte
/// offset where it starts.
pub fn find_all(text: &str, order: DayOrder) -> Vec<(Stamp, usize)> {
    // Every form has a year of two or more ASCII digits (`parse` reads no
    // others): text without two digits in a row has no date, and most
    // lines are such text.
    if !has_digit_pair(text) {
        return Vec::new();
    }
    let mut found: Vec<(Stamp, usize, usize)> = Vec::new();
    let mut push = |stamp: Option<Stamp>, start: usize, end: usize| {
        if let Some(stamp) = stamp
            && !found.iter().any(|(_, s, e)| start < *e && *s < end)
        {
            found.push((with_time(stamp, &text[end..]), start, end));
        }
    };
    // A search that cannot find a date here is not run: all forms but the
    // all-numeric day-first one have a four-digit year, and only the
    // all-numeric ones need a separator.
    let full_year = text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    let separated = has_date_mark(text);
    let search = |on: bool, re: &'static LazyLock<Regex>| {
        on.then(|| re.captures_iter(text)).into_iter().flatten()
    };
    // The word forms end with the character after the year, which the next
    // search may need: it starts at the year's end.
    let search_words = |on: bool, re: &'static LazyLock<Regex>| {
        let mut at = 0;
        let next = move || {
            let c = re.captures_at(text, at)?;
            at = c.get(3)?.end();
            Some(c)
        };
        on.then(|| std::iter::from_fn(next)).into_iter().flatten()
    };
    for c in search(full_year, &CJK) {
        let m = c.get(0).expect("whole match");
        let stamp = (|| date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?))();
        push(stamp, m.start(), m.end());
    }
    for c in search_words(full_year, &MONTH_FIRST) {
        let m = c.get(1).expect("month");
        let end = c.get(3).expect("year").end();
        let stamp = (|| date(num(&c, 3)?, month_number(m.as_str())?, num(&c, 2)?))();
        push(stamp, m.start(), end);
    }
    for c in search_words(full_year, &DAY_FIRST) {
        let d = c.get(1).expect("day");
        let end = c.get(3).expect("year").end();
        let stamp = (|| date(num(&c, 3)?, month_number(c.get(2)?.as_str())?, num(&c, 1)?))();
        push(stamp, d.start(), end);
    }
    for c in search(full_year && separated, &NUMERIC_YMD) {
        let y = c.get(1).expect("year");
        let end = c.get(5).expect("day").end();
        if c.get(2).map(|m| m.as_str()) != c.get(4).map(|m| m.as_str()) {
            continue;
        }
        let stamp = (|| date(num(&c, 1)?, num(&c, 3)?, num(&c, 5)?))();
        push(stamp, y.start(), end);
    }
    for c in search(separated, &NUMERIC_DMY) {
        let a = c.get(1).expect("first number");
        let end = c.get(7).expect("year").end();
        let sep = c.get(2).map(|m| m.as_str());
        if sep != c.get(5).map(|m| m.as_str()) || c[3] != c[6] {
            continue;
        }
        // Spaced only after dots, with the whole year ("4. 2. 2022").
        if !c[3].is_empty() && (sep != Some(".") || c[7].len() != 4) {
            continue;
        }
        let (Some(first), Some(second), Some(year)) =
            (num::<u32>(&c, 1), num::<u32>(&c, 4), year_of(&c[7]))
        else {
            continue;
        };
        // Two-digit years only with dots, where they are common ("05.02.20").
        if c[7].len() == 2 && sep != Some(".") {
            continue;
        }
        let month_first = if first > 12 {
            false
        } else if second > 12 {
            true
        } else {
            // Dotted dates are day first everywhere.
            order == DayOrder::MonthFirst && sep != Some(".")
        };
        let stamp = if month_first {
            date(year, first, second)
        } else {
            date(year, second, first)
        };
        push(stamp, a.start(), end);
    }
    found.sort_by_key(|(_, start, _)| *start);
    found.into_iter().map(|(s, start, _)| (s, start)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        find(s, DayOrder::MonthFirst)
            .map(|d| d.iso())
            .unwrap_or_default()
    }

    fn meta(s: &str) -> String {
        parse(s, DayOrder::DayFirst)
            .map(|d| d.iso())
            .unwrap_or_default()
    }

    #[test]
    fn machine_stamps_keep_their_offset() {
        assert_eq!(meta("2020-02-05"), "2020-02-05");
        assert_eq!(
            meta("2020-02-05T10:12:00+03:00"),
            "2020-02-05T10:12:00+03:00"
        );
        assert_eq!(meta("2020-02-05T10:12:00.000Z"), "2020-02-05T10:12:00Z");
        assert_eq!(
            meta("2020-02-05 10:12:00 +0300"),
            "2020-02-05T10:12:00+03:00"
        );
        assert_eq!(meta("2020-02-05T10:12"), "2020-02-05T10:12:00");
        assert_eq!(meta("20200205"), "2020-02-05");
        assert_eq!(meta("2022-01-10T22:06:08:684Z"), "2022-01-10T22:06:08Z");
        assert_eq!(
            meta("Mon Aug 03 12:45:00 EDT 2015"),
            "2015-08-03T12:45:00-04:00"
        );
        assert_eq!(meta("Mon Aug  3 12:45:00 2015"), "2015-08-03T12:45:00");
        assert_eq!(meta("2020/02/05"), "2020-02-05");
        assert_eq!(
            meta("Wed, 05 Feb 2020 10:12:00 GMT"),
            "2020-02-05T10:12:00Z"
        );
        assert_eq!(
            meta("Wed, 05 Feb 2020 10:12:00 -0500"),
            "2020-02-05T10:12:00-05:00"
        );
    }

    #[test]
    fn unix_seconds_and_milliseconds() {
        assert_eq!(meta("1580897520"), "2020-02-05T10:12:00Z");
        assert_eq!(meta("1580897520000"), "2020-02-05T10:12:00Z");
    }

    #[test]
    fn english_dates_in_words() {
        assert_eq!(text("By Nazrin Gadimova February 5, 2020"), "2020-02-05");
        assert_eq!(text("Published Feb. 5th, 2020"), "2020-02-05");
        assert_eq!(text("5 Feb 2020 10:12"), "2020-02-05T10:12:00");
        assert_eq!(text("Wednesday 5th February 2020"), "2020-02-05");
        assert_eq!(text("Sept 30, 2019 at 4:05 pm"), "2019-09-30T16:05:00");
        assert_eq!(text("March 29, 2024 01:04"), "2024-03-29T01:04:00");
        assert_eq!(
            text("Dec 12, 2016 12:30 AM EST"),
            "2016-12-12T00:30:00-05:00"
        );
    }

    #[test]
    fn other_languages_in_words() {
        assert_eq!(text("12 декабря 2019"), "2019-12-12");
        assert_eq!(
            text("Опубликовано: 3 марта 2021 г. в 10:15"),
            "2021-03-03T10:15:00"
        );
        assert_eq!(text("5. Februar 2020"), "2020-02-05");
        assert_eq!(text("am 23. März 2022 um 14.30 Uhr"), "2022-03-23T14:30:00");
        assert_eq!(text("le 5 février 2020"), "2020-02-05");
        assert_eq!(text("5 de febrero de 2020"), "2020-02-05");
        assert_eq!(text("11 de maio de 2022"), "2022-05-11");
        assert_eq!(text("2019年4月19日"), "2019-04-19");
        assert_eq!(text("12 желтоқсан 2019"), "2019-12-12");
    }

    #[test]
    fn numeric_dates_follow_the_language() {
        assert_eq!(text("2020-02-05"), "2020-02-05");
        assert_eq!(text("05.02.2020"), "2020-02-05");
        assert_eq!(text("05/02/2020"), "2020-05-02");
        assert_eq!(
            find("05/02/2020", DayOrder::DayFirst).unwrap().iso(),
            "2020-02-05"
        );
        assert_eq!(text("25/02/2020"), "2020-02-25");
        assert_eq!(text("05.02.20"), "2020-02-05");
        assert_eq!(text("Von Deutscher Tennis Bund 4. 2. 2022."), "2022-02-04");
        assert_eq!(text("Kapitel 4. 2. 20 Seiten"), "");
        assert_eq!(text("4/ 2/ 2022"), "");
        assert_eq!(text("version 1.2.3"), "");
        assert_eq!(text("31/02/2020"), "");
    }

    #[test]
    fn day_order_by_language() {
        assert_eq!(DayOrder::for_language(Some("en-US")), DayOrder::MonthFirst);
        assert_eq!(DayOrder::for_language(Some("en")), DayOrder::MonthFirst);
        assert_eq!(DayOrder::for_language(Some("en-GB")), DayOrder::DayFirst);
        assert_eq!(DayOrder::for_language(Some("de")), DayOrder::DayFirst);
        assert_eq!(DayOrder::for_language(None), DayOrder::DayFirst);
    }

    #[test]
    fn the_page_s_other_dates_tell_the_order() {
        let lines = ["Posted 03/04/2020", "Comment of 25/04/2020"];
        assert_eq!(order_shown(lines.into_iter()), Some(DayOrder::DayFirst));
        let lines = ["Posted 03/04/2020", "Comment of 04/25/2020"];
        assert_eq!(order_shown(lines.into_iter()), Some(DayOrder::MonthFirst));
        assert_eq!(order_shown(["03/04/2020"].into_iter()), None);
        assert_eq!(
            order_shown(["25.04.2020", "04/25/2020"].into_iter()),
            Some(DayOrder::MonthFirst)
        );
    }

    #[test]
    fn utc_stamps_take_the_day_the_page_shows() {
        let utc = parse("2019-10-18T22:04:00Z", DayOrder::DayFirst).unwrap();
        let shown = find("19. Oktober 2019 00:04 Uhr", DayOrder::DayFirst).unwrap();
        assert_eq!(
            localize(utc, shown).unwrap().iso(),
            "2019-10-19T00:04:00+02:00"
        );
        let utc = parse("2020-02-25T02:25:54Z", DayOrder::MonthFirst).unwrap();
        let shown = find("February 24, 2020 | 9:25pm", DayOrder::MonthFirst).unwrap();
        assert_eq!(
            localize(utc, shown).unwrap().iso(),
            "2020-02-24T21:25:54-05:00"
        );
        // A day without a time, the same day, a stamp with its own offset,
        // or a time no zone reaches.
        let utc = parse("2021-11-04T23:00:00Z", DayOrder::DayFirst).unwrap();
        let day = |text: &str| find(text, DayOrder::DayFirst).unwrap();
        assert_eq!(localize(utc, day("5. November 2021")), None);
        assert_eq!(localize(utc, day("4. November 2021 23:00")), None);
        let local = parse("2021-11-04T23:00:00+01:00", DayOrder::DayFirst).unwrap();
        assert_eq!(localize(local, day("5. November 2021 00:00")), None);
        let morning = parse("2021-11-04T08:00:00Z", DayOrder::DayFirst).unwrap();
        assert_eq!(localize(morning, day("5. November 2021 07:00")), None);
    }

    #[test]
    fn utc_stamps_before_midnight_take_the_printed_day() {
        let utc = parse("2021-11-04T23:00:00Z", DayOrder::DayFirst).unwrap();
        let day = |text: &str| find(text, DayOrder::DayFirst).unwrap();
        assert_eq!(
            at_local_midnight(utc, day("5. November 2021"))
                .unwrap()
                .iso(),
            "2021-11-05T00:00:00+01:00"
        );
        let tokyo = parse("2019-03-04T15:00:00Z", DayOrder::DayFirst).unwrap();
        assert_eq!(
            at_local_midnight(tokyo, day("2019年3月5日")).unwrap().iso(),
            "2019-03-05T00:00:00+09:00"
        );
        // Not midnight anywhere, a printed time, the same day, a day back.
        let evening = parse("2021-11-04T22:17:36Z", DayOrder::DayFirst).unwrap();
        assert_eq!(at_local_midnight(evening, day("5. November 2021")), None);
        assert_eq!(at_local_midnight(utc, day("5. November 2021 00:00")), None);
        assert_eq!(at_local_midnight(utc, day("4. November 2021")), None);
        assert_eq!(at_local_midnight(utc, day("3. November 2021")), None);
    }

    #[test]
    fn digit_pairs_are_found_wherever_they_stand() {
        let naive = |t: &str| {
            t.as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit())
        };
        let pieces = [
            "a", "1", "12", "9", ":", "/", "ä", "€", "0", " ", "Ж", "°", "¹",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for pad in 0..10 {
                        let text = format!("{}{a}{b}{c}{}", "x".repeat(pad), "·".repeat(pad % 3));
                        assert_eq!(has_digit_pair(&text), naive(&text), "{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn dates_in_order_of_appearance() {
        let all = find_all(
            "Published 5 February 2020. Updated 2020-03-01",
            DayOrder::DayFirst,
        );
        let isos: Vec<String> = all.iter().map(|(s, _)| s.iso()).collect();
        assert_eq!(isos, ["2020-02-05", "2020-03-01"]);
    }
}
