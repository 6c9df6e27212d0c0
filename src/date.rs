//! Calendar dates, with no dependency: one [`Stamp`] type — a day, with the
//! time of day and UTC offset when known — its calendar arithmetic, the ISO
//! 8601 form the article model stores ([`Stamp::parse`], [`Stamp::iso`])
//! and the forms writers print (the day as written, a UTC instant, English
//! words). A date keeps the day its page wrote: it is moved to UTC only
//! when a format asks for an instant ([`Stamp::utc`]).

/// English month names, for dates shown to English readers.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Minutes in a day.
const DAY_MINUTES: i64 = 24 * 60;

/// A calendar date, with the time of day and UTC offset when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    /// Year (four digits).
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
    /// Hours, minutes and seconds, when the source gives a time.
    pub time: Option<(u32, u32, u32)>,
    /// Offset from UTC in minutes, when the source gives one with the time.
    pub offset: Option<i32>,
}

impl Stamp {
    /// A date without a time of day; `None` for a day the calendar lacks.
    pub fn date(year: i32, month: u32, day: u32) -> Option<Stamp> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(
            Stamp {
                year,
                month,
                day,
                time: None,
                offset: None,
            },
        )
    }

    /// Reads the ISO 8601 form the model stores: `YYYY-MM-DD`, optionally
    /// followed by `T` (or a space) and `hh:mm[:ss[.fff]]` with `Z` or a
    /// `±hh[:mm]` offset. The day stays as written; a time that cannot be
    /// read leaves the day alone.
    pub fn parse(text: &str) -> Option<Stamp> {
        let text = text.trim();
        let date = text.get(..10)?;
        let rest = &text[10..];
        let mut parts = date.split('-');
        let year = digits(parts.next()?, 4)?;
        let month = digits(parts.next()?, 2)?;
        let day = digits(parts.next()?, 2)?;
        let stamp = Stamp::date(i32::try_from(year).ok()?, month, day)?;
        let rest = rest.trim_start_matches(['T', 't', ' ']);
        Some(match clock(rest) {
            Some((time, offset)) => Stamp {
                time: Some(time),
                offset,
                ..stamp
            },
            None => stamp,
        })
    }

    /// ISO 8601: `2020-02-05`, `2020-02-05T10:12:00` or
    /// `2020-02-05T10:12:00+03:00` (`Z` for UTC).
    pub fn iso(&self) -> String {
        let mut out = self.day_iso();
        if let Some((h, m, s)) = self.time {
            out.push_str(&format!("T{h:02}:{m:02}:{s:02}"));
            match self.offset {
                Some(0) => out.push('Z'),
                Some(minutes) => {
                    let sign = if minutes < 0 { '-' } else { '+' };
                    let abs = minutes.abs();
                    out.push_str(&format!("{sign}{:02}:{:02}", abs / 60, abs % 60));
                }
                None => {}
            }
        }
        out
    }

    /// The calendar day as written, `YYYY-MM-DD`.
    pub fn day_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The calendar day alone, for comparing dates.
    pub fn day_key(&self) -> (i32, u32, u32) {
        (self.year, self.month, self.day)
    }

    /// The same instant in UTC (a time without an offset is taken as UTC);
    /// a day without a time stays as it is. Stamps compare as instants in
    /// this form.
    pub fn to_utc(&self) -> Stamp {
        let Some((h, m, s)) = self.time else {
            return *self;
        };
        let total = i64::from(h * 60 + m) - i64::from(self.offset.unwrap_or(0));
        let days = days_from_civil(self.year, self.month, self.day) + total.div_euclid(DAY_MINUTES);
        let minutes = total.rem_euclid(DAY_MINUTES) as u32;
        let (year, month, day) = civil_from_days(days);
        Stamp {
            year,
            month,
            day,
            time: Some((minutes / 60, minutes % 60, s)),
            offset: Some(0),
        }
    }

    /// `YYYY-MM-DDThh:mm:ssZ`: the instant in UTC, as EPUB's
    /// `dcterms:modified` requires.
    pub fn utc(&self) -> String {
        let utc = self.to_utc();
        let (h, m, s) = utc.time.unwrap_or((0, 0, 0));
        format!("{}T{h:02}:{m:02}:{s:02}Z", utc.day_iso())
    }

    /// The W3C date form epubcheck asks of `dc:date`: `YYYY-MM-DD` for a
    /// day, the UTC instant when the time is known.
    pub fn w3c(&self) -> String {
        match self.time {
            Some(_) => self.utc(),
            None => self.day_iso(),
        }
    }

    /// The day as a reader sees it: "5 February 2020" in English, ISO
    /// `2020-02-05` for other languages, which read it without translation.
    pub fn display(&self, english: bool) -> String {
        match MONTHS.get((self.month as usize).wrapping_sub(1)) {
            Some(name) if english => format!("{} {name} {}", self.day, self.year),
            _ => self.day_iso(),
        }
    }
}

/// A number of exactly `width` ASCII digits.
fn digits(text: &str, width: usize) -> Option<u32> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `hh:mm[:ss[.fff]]` and its offset in minutes (`Z`, `±hh[:mm]`, or none).
fn clock(text: &str) -> Option<((u32, u32, u32), Option<i32>)> {
    if text.len() < 5 {
        return None;
    }
    let (time, offset) = split_offset(text)?;
    let mut fields = time.split(':');
    let hour = digits(fields.next()?, 2)?;
    let minute = digits(fields.next()?, 2)?;
    let second = match fields.next() {
        Some(field) => digits(field.split(['.', ',']).next()?, 2)?,
        None => 0,
    };
    (hour < 24 && minute < 60 && second <= 60).then_some(((hour, minute, second.min(59)), offset))
}

/// Splits `hh:mm:ss+05:30` into the clock and the offset in minutes east of UTC.
fn split_offset(text: &str) -> Option<(&str, Option<i32>)> {
    if let Some(time) = text.strip_suffix(['Z', 'z']) {
        return Some((time, Some(0)));
    }
    let Some(at) = text.rfind(['+', '-']) else {
        return Some((text, None));
    };
    let (time, offset) = text.split_at(at);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let packed: String = offset[1..].chars().filter(|c| *c != ':').collect();
    let hours = digits(packed.get(0..2)?, 2)?;
    let minutes = match packed.get(2..) {
        Some("") | None => 0,
        Some(m) => digits(m, 2)?,
    };
    Some((time, Some(sign * (hours * 60 + minutes) as i32)))
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_s_form_reads_back_as_written() {
        for iso in [
            "2020-02-05",
            "2020-02-05T10:12:00",
            "2020-02-05T10:12:00Z",
            "2020-02-05T10:12:00+03:00",
            "2020-02-05T23:30:00-05:30",
        ] {
            assert_eq!(Stamp::parse(iso).unwrap().iso(), iso);
        }
        assert_eq!(Stamp::parse("2020-02-30"), None);
        assert_eq!(Stamp::parse("Feb 5, 2020"), None);
        let odd = Stamp::parse("2020-02-05T10:1x").unwrap();
        assert_eq!(odd.iso(), "2020-02-05");
    }

    #[test]
    fn an_offset_time_keeps_its_day_until_asked_for_utc() {
        let s = Stamp::parse("2021-01-01T02:00:00+03:00").unwrap();
        assert_eq!(s.day_iso(), "2021-01-01");
        assert_eq!(s.display(true), "1 January 2021");
        assert_eq!(s.utc(), "2020-12-31T23:00:00Z");
        assert_eq!(s.w3c(), "2020-12-31T23:00:00Z");
        let s = Stamp::parse("2020-03-01T01:30-05:00").unwrap();
        assert_eq!(s.utc(), "2020-03-01T06:30:00Z");
        let day = Stamp::parse("2020-02-05").unwrap();
        assert_eq!(day.w3c(), "2020-02-05");
        assert_eq!(day.utc(), "2020-02-05T00:00:00Z");
        assert_eq!(day.display(false), "2020-02-05");
    }

    #[test]
    fn calendar_round_trips() {
        for days in [-800_000, -1, 0, 1, 18_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
    }
}
