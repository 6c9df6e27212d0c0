//! The filters a template author needs beyond Jinja's own: `date` (in the
//! article's language and a given format), `slug`, `json`, and `href` (a
//! link target the output may carry).

use minijinja::{Error, ErrorKind, State, Value};

use crate::sanitize::url::web_link;

/// The format `date` uses when given none.
const DEFAULT_DATE_FORMAT: &str = "long";

/// Per language (primary subtag): the months as written in a date (space
/// separated), and the `long` date format. Other languages get ISO dates and English months.
const LANGUAGES: &[(&str, &str, &str)] = &[
    (
        "en",
        "January February March April May June July August September October November December",
        "%-d %B %Y",
    ),
    (
        "de",
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
        "%-d. %B %Y",
    ),
    (
        "fr",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "%-d %B %Y",
    ),
    (
        "es",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "%-d de %B de %Y",
    ),
    (
        "it",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "%-d %B %Y",
    ),
    (
        "pt",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "%-d de %B de %Y",
    ),
    (
        "nl",
        "januari februari maart april mei juni juli augustus september oktober november december",
        "%-d %B %Y",
    ),
    (
        "ru",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
        "%-d %B %Y",
    ),
    (
        "uk",
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
        "%-d %B %Y",
    ),
    (
        "kk",
        "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
        "%Y жылғы %-d %B",
    ),
    (
        "pl",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
        "%-d %B %Y",
    ),
];

/// `{{ published | date }}`, `{{ published | date("%Y") }}`,
/// `{{ published | date("long", "de") }}`: an ISO 8601 date in a format —
/// `long` (the language's usual long date), `iso` (`2020-02-05`) or a
/// strftime pattern (`%Y %m %d %-d %B %b %H %M %S %z %%`). The language is
/// the argument's, else the template's `language`. No date gives an empty
/// string; text that is no ISO date comes back unchanged.
pub fn date(
    state: &State,
    value: Value,
    format: Option<&str>,
    lang: Option<&str>,
) -> Result<String, Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(String::new());
    }
    let Some(text) = value.as_str() else {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "date expects an ISO 8601 string",
        ));
    };
    let Some(stamp) = Stamp::parse(text) else {
        return Ok(text.to_string());
    };
    let lang = match lang {
        Some(lang) => lang.to_string(),
        None => state
            .lookup("language")
            .and_then(|l| l.as_str().map(str::to_string))
            .unwrap_or_default(),
    };
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let language = LANGUAGES.iter().find(|(code, _, _)| *code == primary);
    let pattern = match format.unwrap_or(DEFAULT_DATE_FORMAT) {
        "long" => language.map_or("%Y-%m-%d", |(_, _, long)| long),
        "iso" => "%Y-%m-%d",
        pattern => pattern,
    };
    let months = language.unwrap_or(&LANGUAGES[0]).1;
    Ok(stamp.format(pattern, months))
}

/// `{{ headline | slug }}`: lower case, letters and digits kept (in any
/// script), every other run of characters one hyphen.
pub fn slug(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(out.trim_end_matches('-').len());
    out
}

/// `{{ tags | json }}`: the value as compact JSON (a quoted string is also
/// a valid YAML scalar).
pub fn json(value: Value) -> Result<String, Error> {
    serde_json::to_string(&value).map_err(|err| {
        Error::new(ErrorKind::InvalidOperation, "cannot write as JSON").with_source(err)
    })
}

/// `{{ url | href }}`: the URL when it is an `http(s)` or `mailto` link the
/// output may carry, percent-encoded where needed; otherwise (or for no
/// URL) empty.
pub fn href(value: Option<&str>) -> String {
    value.and_then(web_link).unwrap_or_default()
}

/// The parts of an ISO 8601 date or date-time.
#[derive(Debug, PartialEq)]
struct Stamp<'a> {
    year: u32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    /// The offset as written (`Z`, `+06:00`), or empty.
    offset: &'a str,
}

impl<'a> Stamp<'a> {
    /// Reads `2020-02-05`, `2020-02-05T10:12`, `2020-02-05T10:12:00.5+06:00`…
    fn parse(text: &'a str) -> Option<Stamp<'a>> {
        let text = text.trim();
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        if text.get(4..5) != Some("-") || text.get(7..8) != Some("-") {
            return None;
        }
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let mut stamp = Stamp {
            year,
            month: month as u8,
            day: day as u8,
            hour: 0,
            minute: 0,
            second: 0,
            offset: "",
        };
        let time = match text.get(10..) {
            Some("") => return Some(stamp),
            Some(rest) if rest.starts_with(['T', ' ']) => &rest[1..],
            _ => return None,
        };
        let offset_at = time.find(['Z', 'z', '+', '-']).unwrap_or(time.len());
        stamp.offset = &time[offset_at..];
        let mut fields = time[..offset_at].split(':');
        stamp.hour = fields.next()?.parse().ok()?;
        stamp.minute = fields.next()?.parse().ok()?;
        let seconds = fields.next().unwrap_or("0");
        stamp.second = seconds.split('.').next()?.parse().ok()?;
        Some(stamp)
    }

    fn format(&self, pattern: &str, months: &str) -> String {
        let month = months
            .split(' ')
            .nth(usize::from(self.month) - 1)
            .unwrap_or_default();
        let mut out = String::new();
        let mut chars = pattern.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('Y') => out.push_str(&format!("{:04}", self.year)),
                Some('m') => out.push_str(&format!("{:02}", self.month)),
                Some('d') => out.push_str(&format!("{:02}", self.day)),
                Some('-') if chars.clone().next() == Some('d') => {
                    chars.next();
                    out.push_str(&self.day.to_string());
                }
                Some('B') => out.push_str(month),
                Some('b') => out.extend(month.chars().take(3)),
                Some('H') => out.push_str(&format!("{:02}", self.hour)),
                Some('M') => out.push_str(&format!("{:02}", self.minute)),
                Some('S') => out.push_str(&format!("{:02}", self.second)),
                Some('z') => out.push_str(self.offset),
                Some('%') => out.push('%'),
                Some(other) => {
                    out.push('%');
                    out.push(other);
                }
                None => out.push('%'),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_times_parse() {
        let stamp = Stamp::parse("2020-02-05T10:12:00.5+06:00").unwrap();
        assert_eq!(
            (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute),
            (2020, 2, 5, 10, 12)
        );
        assert_eq!(stamp.offset, "+06:00");
        assert!(Stamp::parse("2020-02-05").is_some());
        assert!(Stamp::parse("2020-13-05").is_none());
        assert!(Stamp::parse("5 February 2020").is_none());
    }

    #[test]
    fn dates_format_in_the_language() {
        let stamp = Stamp::parse("2020-02-05T10:12:00Z").unwrap();
        let months = |code: &str| LANGUAGES.iter().find(|l| l.0 == code).unwrap().1;
        assert_eq!(stamp.format("%-d %B %Y", months("ru")), "5 февраля 2020");
        assert_eq!(
            stamp.format("%-d. %B %Y, %H:%M %z", months("de")),
            "5. Februar 2020, 10:12 Z"
        );
        assert_eq!(stamp.format("%d/%m %% %q", months("en")), "05/02 % %q");
    }

    #[test]
    fn slugs_keep_letters_of_every_script() {
        assert_eq!(
            slug("  Ministers Agree: 5 States & a Plan! "),
            "ministers-agree-5-states-a-plan"
        );
        assert_eq!(slug("Музей в степи"), "музей-в-степи");
        assert_eq!(slug("---"), "");
    }
}
